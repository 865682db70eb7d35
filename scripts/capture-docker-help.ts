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
//   client.json       the client's version.
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
    if (!line.startsWith('  ')) inCommands = false
    if (!inCommands) continue
    const match = /^ {2}([a-z][\w-]*)\*?\s/.exec(line)
    if (match?.[1]) names.push(match[1])
  }
  return names
}

function probeOnce(path: readonly string[], count: number): string {
  const args = Array.from({ length: count }, (_, i) => `x${i + 1}`)
  const result = spawnSync('docker', [...path, ...args], {
    env: probeEnv,
    cwd: sandbox,
    encoding: 'utf8',
    timeout: 8_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // The legacy builder prints an indented deprecation notice before anything else: skip it.
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^DEPRECATED:|^ {4}/.test(line))
  return (lines[0] ?? '').replaceAll(sandbox, '<sandbox>')
}

const ARG_COUNT_ERROR =
  /requires (at least |at most |exactly )?\d+( and at most \d+)? arguments?|accepts no arguments?|accepts (at most )?\d+ arg\(s\)/

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
    if (!ARG_COUNT_ERROR.test(output)) accepted.push(count)
  }
  const min = accepted[0] ?? -1
  const last = accepted[accepted.length - 1] ?? -1
  return { path: [...path], outputs, min, max: last === MAX_PROBED_ARGS ? null : last }
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
    if (subcommands.length === 0 && path.length > 0) probes.push(probeArgs(path))
    for (const name of subcommands) {
      if (path.length === 0 && PLUGIN_STUBS.has(name)) continue
      // The root lists the shorthands (`run`, `ps`…) that are aliases of container/image commands;
      // they still get their own help file so their "Aliases:" line is recorded.
      queue.push([...path, name])
    }
  }
  writeFileSync(join(OUT_DIR, 'args.json'), `${JSON.stringify(probes, null, 1)}\n`)
  const version = spawnSync('docker', ['--version'], { encoding: 'utf8' }).stdout.trim()
  writeFileSync(join(OUT_DIR, 'client.json'), `${JSON.stringify({ version }, null, 1)}\n`)
  rmSync(sandbox, { recursive: true, force: true })
  console.log(`${probes.length} commands probed; fixture written to ${OUT_DIR}`)
}

main()
