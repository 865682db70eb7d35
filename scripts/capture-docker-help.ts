// Regenerates tests/fixtures/docker-help/ from the docker client installed on this machine.
//
//   npx tsx scripts/capture-docker-help.ts
//
// It records, for every command the client lists:
//   help/<path>.txt   the client's `--help` output, printed on a wide pseudo-terminal so that
//                     no flag line is wrapped;
//   args.json         how many positional arguments the client accepts, probed by calling it
//                     with 0..5 dummy arguments and no daemon (an argument-count error comes
//                     from the client itself, before any connection is tried);
//   client.json       the client's version;
//   values-corpus.jsonl  one line per flag value or image reference tried on the client: whether the
//                     client accepted it (it then fails only for want of a daemon) or its error.
// Every probe runs with a throw-away config directory and working directory, stdin closed,
// and a daemon address that does not exist, so nothing on the machine changes.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const OUT_DIR = resolve(import.meta.dirname ?? '.', '../tests/fixtures/docker-help')
const MAX_PROBED_ARGS = 5
const sandbox = mkdtempSync(join(tmpdir(), 'docker-help-'))
const probeEnv = {
  ...process.env,
  DOCKER_HOST: 'unix:///nonexistent',
  DOCKER_CONFIG: join(sandbox, 'config'),
  DOCKER_HIDE_LEGACY_COMMANDS: '',
  HOME: sandbox,
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** `docker <path> --help` on a 1000-column pseudo-terminal, with CR removed. */
function helpText(path: readonly string[]): string {
  const command = ['docker', ...path, '--help'].map(shellQuote).join(' ')
  const result = spawnSync('script', ['-qc', `stty cols 1000; ${command}`, '/dev/null'], {
    env: probeEnv,
    cwd: sandbox,
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // The client prints the configuration directory as a default; make it machine-independent.
  return result.stdout.replace(/\r/g, '').replaceAll(join(sandbox, 'config'), '/root/.docker').replaceAll(sandbox, '/root')
}

/** Subcommand names listed under any "…Commands:" heading. */
function listedSubcommands(help: string): string[] {
  const names: string[] = []
  let inCommands = false
  for (const line of help.split('\n')) {
    if (/^[A-Za-z ]*Commands:$/.test(line)) {
      inCommands = true
      continue
    }
    if (!line.startsWith('  '))
      inCommands = false
    if (!inCommands)
      continue
    const match = /^ {2}([a-z][\w-]*)\*?\s/.exec(line)
    if (match?.[1])
      names.push(match[1])
  }
  return names
}

/** What the client prints when called with `args`, without the legacy builder's indented notice. */
function clientOutput(args: readonly string[]): string[] {
  const result = spawnSync('docker', args, {
    env: probeEnv,
    cwd: sandbox,
    encoding: 'utf8',
    timeout: 8_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return `${result.stderr}\n${result.stdout}`
    .split('\n')
    .filter(line => line.trim() !== '' && !/^DEPRECATED:|^ {4}/.test(line))
    .map(line => line.replaceAll(sandbox, '<sandbox>'))
}

function probeOnce(path: readonly string[], count: number): string {
  const args = Array.from({ length: count }, (_, i) => `x${i + 1}`)
  return clientOutput([...path, ...args])[0] ?? ''
}

const ARG_COUNT_ERROR
  = /requires (at least |at most |exactly )?\d+( and at most \d+)? arguments?|accepts no arguments?|accepts (at most )?\d+ arg\(s\)/

interface ArgProbe {
  path: string[]
  /** First line printed for 0..MAX_PROBED_ARGS dummy arguments. */
  outputs: string[]
  min: number
  /** null when every count up to MAX_PROBED_ARGS was accepted. */
  max: number | null
}

function probeArgs(path: readonly string[]): ArgProbe {
  const outputs: string[] = []
  const accepted: number[] = []
  for (let count = 0; count <= MAX_PROBED_ARGS; count++) {
    const output = probeOnce(path, count)
    outputs.push(output)
    if (!ARG_COUNT_ERROR.test(output))
      accepted.push(count)
  }
  const min = accepted[0] ?? -1
  const last = accepted[accepted.length - 1] ?? -1
  return { path: [...path], outputs, min, max: last === MAX_PROBED_ARGS ? null : last }
}

/** [command path, flag (long name, without dashes), values to try] */
const VALUE_CASES: [string[], string, string[]][] = [
  [['run'], 'memory', ['512m', '1g', '1.5GB', '100kb', '1x', '0', '-1', '10', '1.5', '1e3', ' 1g', '1gb', '1G', '1t', '1e', '1.5.5', '', '1KiB', '1ki', '1kbb']],
  [['run'], 'memory-swap', ['-1', '-2', '1g']],
  [['run'], 'shm-size', ['2g', '64m', 'big']],
  [['run'], 'cpus', ['1.5', 'abc', '1/2', '-1', '0', '1e2', '.5', ' 1', '0.0000000001', '1e-3', '2.000000001', '1/0']],
  [['run'], 'health-interval', ['5', '5s', '1h30m', '500ms', '0', '1.5h', '1us', '1µs', '5S', '', '1d', '5s3', '+5s', '.5s', '5.s', '.s', '-5']],
  [['run'], 'health-retries', ['-1', '0', '3']],
  [['run'], 'health-timeout', ['-1s', '-0s', '0', '30s']],
  [['run'], 'stop-timeout', ['x', '10', '-1', '1.5', '99999999999', '0x10', '010', '+5', ' 5', '99999999999999999999', '1_0', '0x1_0']],
  [['run'], 'blkio-weight', ['500', '70000', '-1', '0x10']],
  [['run'], 'rm', ['maybe', 'T', 'yes', '0', 'true', 'FALSE', 'False', 'fAlse']],
  [['run'], 'ulimit', ['nofile=1024:2048', 'nofile', 'foo=1', 'nofile=a', 'nofile=2048:1024', 'nofile=-1', 'NOFILE=1', 'nofile=1:2:3', 'nofile=10:-1', 'nofile=0x10']],
  [['run'], 'gpus', ['all', '2', 'foo', 'device=0,1', 'count=x', 'capabilities=utility', 'driver=nvidia,count=all']],
  [['run'], 'attach', ['stdin', 'STDOUT', 'Stderr', 'foo', 'stdin,stdout']],
  [['run'], 'pull', ['always', 'missing', 'never', 'sometimes', 'ALWAYS', '']],
  [['run'], 'restart', ['no', 'always', 'on-failure', 'on-failure:3', 'on-failure:x', 'unless-stopped', 'on-failure:', ':3', 'on-failure:1.5']],
  [['run'], 'env', ['A=1', 'A', 'A=', '=x', '', '=', 'A B=1', '1A=2']],
  [['run'], 'add-host', ['a:1.2.3.4', 'a=1.2.3.4', 'a:b', 'a', 'a:host-gateway', 'a:::1', '[::1]', 'a:[::1]', ':1.2.3.4', 'a:1.2.3.04', 'a:256.1.1.1']],
  [['run'], 'platform', ['linux/amd64', 'foo', 'linux/amd64/v8/x', '', 'Linux/AMD64', 'linux', 'arm64', 'x86_64', 'linux/arm/v7', 'linux/a b']],
  [['run'], 'publish', [
    '80',
    '8080:80',
    '70000:80',
    '80:70000',
    '0:80',
    '80:0',
    '80:80/xyz',
    '80:80/UDP',
    '80/udp',
    'abc:80',
    '80:abc',
    '1.2.3:80:80',
    '1.2.3.4:80:80',
    '1.2.3.4::80',
    '[::1]:80:80',
    '::1:80:80',
    '[::1]::80',
    '8000-8010:8000-8010',
    '8000-8010:8000-8005',
    '8000-8010:80',
    '80:8000-8010',
    '8010-8000:80',
    '127.0.0.1:8000-8001:80-81',
    '',
    ':80',
    '80:',
    'a:b:c:d',
    '1.2.3.4:80:80:90',
    '80:80/tcp/udp',
    '80/',
    '80:80/sctp',
    '0.0.0.0:80:80',
    'localhost:80:80',
    '-1:80',
    '65535:65535',
    '65536:80',
    ' 80',
    '08:80',
    '0x10:80',
    '80-:80',
    '+80:80',
    '/udp',
    '[::1:80:80',
  ]],
  [['run'], 'volume', [
    'data:/data',
    '/abs:/data:ro',
    '/data',
    './x:/y',
    'data:/data:ro:rw',
    '',
    ':/data',
    'data:',
    'C:\\x:/y',
    'a:b:c:d',
    'data:/data:',
    '/abs:/data:ro,rw',
    'data:/data:xyz',
    'x',
  ]],
  [['run'], 'mount', [
    'type=bind',
    'target=/x',
    'type=volume,src=v,dst=/x,readonly',
    'type=volume,source=v,target=/x,ro=true',
    'type=volume,source=v,target=/x,readonly=maybe',
    'source=v,target=/x,foo=bar',
    'type=tmpfs,target=/x,tmpfs-size=1m',
    '',
    'tmpfs-size=x,type=tmpfs,target=/x',
    'target=/x,volume-nocopy',
    'target=/x,bind-propagation=foo',
    'type=,target=/x',
    'target=/x,bad',
    '"target=/x"',
    'tar"get=/x',
    'type=bind,source=/a,target=/b,bind-recursive=maybe',
    'type=bind,source=/a,target=/b,bind-recursive=writable',
    'type=tmpfs,target=/x,tmpfs-mode=1777',
    'type=tmpfs,target=/x,tmpfs-mode=999',
  ]],
  [['run'], 'sysctl', ['a=b', 'a', 'net.ipv4.ip_forward=1', 'kernel.shmmax=1', 'fs.mqueue.x=1', 'net.x']],
  [['run'], 'dns', ['abc', '1.2.3.4', '::1', ' 8.8.8.8']],
  [['run'], 'dns-search', ['a b', 'example.com', '.', 'a..b']],
  [['run'], 'mac-address', ['zz', '92:d0:c6:0a:29:33', '']],
  [['run'], 'memory-swappiness', ['200', '50', '-1', '-2']],
  [['run'], 'expose', ['abc', '80-90/udp', '70000', '80']],
  [['run'], 'link', ['a', 'a:b', 'a:b:c']],
  [['run'], 'network', ['a=b', 'name=x,alias=y', 'x y', 'host']],
  [['run'], 'cgroupns', ['foo', 'host', 'private']],
  [['run'], 'pid', ['foo', 'host', 'container:x']],
  [['run'], 'userns', ['foo', 'host']],
  [['run'], 'uts', ['foo', 'host']],
  [['ps'], 'filter', ['foo', 'a=b', 'status=running']],
  [['images'], 'filter', ['x', 'dangling=true']],
  [['build'], 'tag', ['app:1', 'App', 'app:', 'ghcr.io/org/app:1']],
]

const IMAGE_CASES = [
  'nginx',
  'Nginx',
  'nginx:',
  'nginx:a b',
  'nginx@sha256:abc',
  `nginx@sha256:${'a'.repeat(64)}`,
  `nginx:1@sha256:${'a'.repeat(64)}`,
  ':tag',
  'ghcr.io/Org/app',
  'Ghcr.io/org/app',
  'Foo/bar',
  'localhost:5000/app:1',
  'localhost/app',
  'a/b/c/d:1',
  `nginx:${'a'.repeat(128)}`,
  `nginx:${'a'.repeat(129)}`,
  'nginx:-x',
  'nginx:.x',
  'nginx:_x',
  'a'.repeat(64),
  'a__b',
  'a___b',
  'a--b',
  'a-',
  'a..b',
  'python:3.5',
  'registry:5000',
  'host:5000/a',
  '[::1]:5000/a',
  'UPPER:tag',
  'nginx:TAG',
  'docker.io/nginx',
  'index.docker.io/library/nginx',
  'a/B',
  'nginx@',
  `nginx@md5:${'a'.repeat(64)}`,
  `nginx@sha256:${'a'.repeat(66)}`,
  `nginx@sha256:${'A'.repeat(64)}`,
  'my_app',
  'a.b/c',
  'a:b/c',
  `${'a'.repeat(250)}/bbbbb`,
  'ollama/ollama',
  'bad-.x',
]

function recordValueCorpus(): string[] {
  const lines: string[] = []
  // A build context with a Dockerfile, so `docker build .` gets as far as asking the daemon.
  writeFileSync(join(sandbox, 'Dockerfile'), 'FROM scratch\n')
  const record = (entry: Record<string, unknown>, args: string[]) => {
    const output = clientOutput(args)
    // The legacy builder may log a broken pipe before it reports the missing daemon.
    const accepted = output.some(line => line.includes('Cannot connect to the Docker daemon'))
    lines.push(JSON.stringify({ ...entry, accepted, ...(accepted ? {} : { error: output[0] ?? '' }) }))
  }
  for (const [path, flag, values] of VALUE_CASES) {
    for (const value of values) {
      const image = path[0] === 'build' ? '.' : 'img'
      const tail = path[0] === 'run' || path[0] === 'build' ? [image] : []
      record({ command: path, flag, value }, [...path, `--${flag}=${value}`, ...tail])
    }
  }
  for (const image of IMAGE_CASES) record({ command: ['run'], image }, ['run', image])
  return lines
}

// Commands that only exist as stubs for a plugin that is not installed.
const PLUGIN_STUBS = new Set(['bake'])

function main(): void {
  rmSync(join(OUT_DIR, 'help'), { recursive: true, force: true })
  mkdirSync(join(OUT_DIR, 'help'), { recursive: true })
  const probes: ArgProbe[] = []
  const queue: string[][] = [[]]
  while (queue.length > 0) {
    const path = queue.shift() ?? []
    const help = helpText(path)
    const file = path.length === 0 ? 'docker.txt' : `${path.join('_')}.txt`
    writeFileSync(join(OUT_DIR, 'help', file), help)
    const subcommands = listedSubcommands(help)
    if (subcommands.length === 0 && path.length > 0)
      probes.push(probeArgs(path))
    for (const name of subcommands) {
      if (path.length === 0 && PLUGIN_STUBS.has(name))
        continue
      // The root lists the shorthands (`run`, `ps`…) that are aliases of container/image commands;
      // they still get their own help file so their "Aliases:" line is recorded.
      queue.push([...path, name])
    }
  }
  writeFileSync(join(OUT_DIR, 'args.json'), `${JSON.stringify(probes, null, 1)}\n`)
  writeFileSync(join(OUT_DIR, 'values-corpus.jsonl'), `${recordValueCorpus().join('\n')}\n`)
  const version = spawnSync('docker', ['--version'], { encoding: 'utf8' }).stdout.trim()
  writeFileSync(join(OUT_DIR, 'client.json'), `${JSON.stringify({ version }, null, 1)}\n`)
  rmSync(sandbox, { recursive: true, force: true })
  console.log(`${probes.length} commands probed; fixture written to ${OUT_DIR}`)
}

main()
