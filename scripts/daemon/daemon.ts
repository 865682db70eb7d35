// Running commands against the reference daemon: one command line at a time through bash (or on a
// pseudo-terminal through `script`), with the daemon's address in DOCKER_HOST and a throw-away
// client configuration, plus the chores between scenarios (back to the base images only).
import type { ImageStandIn, RecordedOn } from './transcript'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

/** The images scripts/daemon/images.sh makes, and what each stands for. */
export const BASE_IMAGES: { name: string, standsFor: string }[] = [
  { name: 'busybox:latest', standsFor: 'Debian busybox-static 1.35 with every applet linked, CMD ["sh"]: the real busybox image in all but version' },
  { name: 'python:3.12', standsFor: 'Debian python3.11 (binary, libraries, standard library), bash and busybox applets (no ping), CMD ["python3"]: python:3.12 in Python behaviour (PID 1 and signals, tracebacks, http.server, exit codes); `python --version` says 3.11.2, the tools are busybox\'s' },
  { name: 'python:3.11', standsFor: 'the same image as python:3.12 (another tag)' },
  { name: 'python:3.11-slim', standsFor: 'the same image as python:3.12 (another tag)' },
  { name: 'python:3.14-slim', standsFor: 'the same image as python:3.12 (another tag), for the deck\'s Dockerfiles' },
  { name: 'ubuntu:24.04', standsFor: 'busybox applets and bash, CMD ["/bin/bash"]: ubuntu:24.04 for shell use; no apt-get' },
]

/**
 * Images images.sh makes only for the scenarios that ask for them (a scenario's `images:`), so that the
 * others start with the base images alone. `pip`: the packages the stand-in has as `pip install` leaves
 * them, so the simulator can install the same ones on python:3.12 when it replays the transcript.
 */
export const EXTRA_IMAGES: { name: string, standsFor: string, pip?: string[] }[] = [
  { name: 'flask-stack:latest', standsFor: 'python:3.12 after `pip install` of the deck\'s Flask requirements: Debian\'s Flask 2.2.2, Werkzeug 2.2.2, Jinja2, MarkupSafe, itsdangerous, click 8.1, blinker and redis-py 4.3.4 (no PyPI here, so not the pinned versions) and a `flask` command in /usr/local/bin', pip: ['flask', 'werkzeug', 'jinja2', 'markupsafe', 'itsdangerous', 'click', 'blinker', 'redis'] },
  { name: 'redis:8-alpine', standsFor: 'busybox applets and Debian\'s redis-server 7.0.15, CMD ["redis-server", "--protected-mode", "no"] (the official image is built with protected mode off): redis:8-alpine as a server other containers reach by name' },
]

export const SCRIPTS_DIR = resolve(import.meta.dirname ?? '.', '.')

export interface RunResult {
  stdout: string
  stderr: string
  exit: number
  elapsedSeconds: number
  /** How many times Ctrl-C was pressed before the command ended. */
  interrupts: number
}

export interface RunOptions {
  cwd: string
  tty?: boolean
  input?: string[]
  /** Seconds after which Ctrl-C is pressed. */
  interruptAfter?: number
  /** Seconds after which the command is killed and the run fails. */
  timeout?: number
}

export class Daemon {
  readonly host: string
  readonly config: string

  constructor(host: string) {
    this.host = host
    this.config = mkdtempSync(join(tmpdir(), 'docker-reference-config-'))
  }

  /** The daemon's own folders as paths in its output, mapped to what a default install shows. */
  pathRules(): { from: string, to: string }[] {
    const socket = this.host.replace(/^unix:\/\//, '')
    const dir = dirname(socket)
    if (dir === '/var/run' || dir === '/run')
      return []
    return [
      { from: join(dir, 'root'), to: '/var/lib/docker' },
      { from: join(dir, 'exec'), to: '/var/run/docker' },
      { from: socket, to: '/var/run/docker.sock' },
    ]
  }

  env(tty: boolean): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      DOCKER_HOST: this.host,
      DOCKER_CONFIG: this.config,
      DOCKER_BUILDKIT: '0',
      LANG: 'C.UTF-8',
      TERM: tty ? 'xterm' : 'dumb',
    }
  }

  /** A quick docker command for the recorder's own use; throws on failure. */
  docker(args: string[]): string {
    const result = spawnSync('docker', args, { env: this.env(false), encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0)
      throw new Error(`docker ${args.join(' ')}: ${result.stderr || result.error?.message || `exit ${result.status}`}`)
    return result.stdout
  }

  reachable(): boolean {
    const result = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { env: this.env(false), encoding: 'utf8', timeout: 15_000 })
    return result.status === 0
  }

  recordedOn(): RecordedOn {
    const version = JSON.parse(this.docker(['version', '--format', '{{json .}}'])) as { Client: { Version: string }, Server: { Version: string, ApiVersion: string } }
    const [driver, cgroup] = this.docker(['info', '--format', '{{.Driver}} {{.CgroupVersion}}']).trim().split(' ')
    return {
      date: new Date().toISOString().slice(0, 10),
      daemon: version.Server.Version,
      apiVersion: version.Server.ApiVersion,
      client: version.Client.Version,
      storageDriver: driver ?? '',
      cgroupVersion: cgroup ?? '',
    }
  }

  images(extra: readonly string[] = []): ImageStandIn[] {
    const wanted: { name: string, standsFor: string, pip?: string[] }[] = [...BASE_IMAGES, ...EXTRA_IMAGES.filter(image => extra.includes(image.name))]
    return wanted.map(({ name, standsFor, pip }) => {
      const config = JSON.parse(this.docker(['image', 'inspect', '--format', '{{json .Config}}', name])) as { Cmd: string[] | null, Env: string[] | null }
      return { name, standsFor, cmd: config.Cmd, env: config.Env ?? [], ...(pip ? { pip } : {}) }
    })
  }

  /** Every container, volume, user network and image that is not a base image (or one of `extra`) goes; those are (re)made. */
  reset(extra: readonly string[] = []): void {
    // A --rm container may still be on its way out ("removal … is already in progress"): ask again
    // until none is left.
    for (let attempt = 0; ; attempt++) {
      const containers = this.docker(['ps', '-aq']).split('\n').filter(Boolean)
      if (!containers.length)
        break
      if (attempt === 50)
        throw new Error(`reset: containers ${containers.join(' ')} are still there after 10 s`)
      spawnSync('docker', ['rm', '-f', '-v', ...containers], { env: this.env(false) })
      spawnSync('sleep', ['0.2'])
    }
    const volumes = this.docker(['volume', 'ls', '-q']).split('\n').filter(Boolean)
    if (volumes.length)
      this.docker(['volume', 'rm', '-f', ...volumes])
    this.docker(['network', 'prune', '-f'])
    const baseNames = new Set([...BASE_IMAGES.map(image => image.name), ...extra])
    const images = this.docker(['images', '-a', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']).split('\n').filter(Boolean)
    const tagsToDrop = images.map(line => line.split(' ')[0]!).filter(tag => !baseNames.has(tag) && !tag.includes('<none>'))
    if (tagsToDrop.length)
      this.docker(['rmi', ...tagsToDrop])
    const dangling = this.docker(['images', '-aq', '--filter', 'dangling=true']).split('\n').filter(Boolean)
    if (dangling.length)
      spawnSync('docker', ['rmi', '-f', ...new Set(dangling)], { env: this.env(false) })
    const made = spawnSync(join(SCRIPTS_DIR, 'images.sh'), [...extra], { env: this.env(false), encoding: 'utf8' })
    if (made.status !== 0)
      throw new Error(`scripts/daemon/images.sh failed: ${made.stderr}`)
  }

  /** Names of every container, for telling generated names from typed ones. */
  containerNames(): string[] {
    return this.docker(['ps', '-a', '--format', '{{.Names}}']).split('\n').filter(Boolean)
  }

  /** Runs one command line as a student would type it. */
  run(command: string, options: RunOptions): Promise<RunResult> {
    const tty = options.tty === true
    // `script` gives the command a terminal of a fixed size, as a student's would have.
    const argv = tty
      ? ['script', ['-qec', `stty cols 80 rows 24 2>/dev/null; ${command}`, '/dev/null']] as const
      : ['bash', ['-c', command]] as const
    return new Promise((resolvePromise, reject) => {
      const started = performance.now()
      const child = spawn(argv[0], [...argv[1]], { cwd: options.cwd, env: this.env(tty), detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
      const timers: NodeJS.Timeout[] = []
      const later = (seconds: number, action: () => void) => timers.push(setTimeout(action, seconds * 1000))
      // Typed input waits until the command is up (and has put the terminal in raw mode), else the
      // terminal echoes it once more before Docker sees it.
      let at = 1.5
      for (const line of options.input ?? []) {
        later(at, () => child.stdin.write(`${line}\n`))
        at += 0.7
      }
      if (!tty)
        child.stdin.end()
      // Ctrl-C, then again each second while the command runs, three times at most (the docker 28
      // client ignores one SIGINT during attach; a student presses again).
      let interrupts = 0
      const interrupt = () => {
        if (child.exitCode !== null || child.signalCode !== null || interrupts === 3)
          return
        interrupts++
        if (tty)
          child.stdin.write('\x03')
        else process.kill(-child.pid!, 'SIGINT')
        later(1, interrupt)
      }
      if (options.interruptAfter !== undefined)
        later(options.interruptAfter, interrupt)
      let timedOut = false
      later(options.timeout ?? 60, () => {
        timedOut = true
        process.kill(-child.pid!, 'SIGKILL')
      })
      child.on('error', reject)
      child.on('close', (code, signal) => {
        timers.forEach(clearTimeout)
        const elapsedSeconds = Math.round((performance.now() - started) / 100) / 10
        if (timedOut) {
          reject(new Error(`${command}: still running after ${options.timeout ?? 60} s (killed); output so far: ${Buffer.concat(out).toString()}${Buffer.concat(err).toString()}`))
          return
        }
        const exit = code ?? 128 + (signal ? signalNumber(signal) : 0)
        resolvePromise({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exit, elapsedSeconds, interrupts })
      })
    })
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15, SIGHUP: 1, SIGQUIT: 3 } as Record<string, number>)[signal] ?? 0
}

/** The daemon the reference recordings use: DOCKER_REFERENCE_HOST, else start.sh's socket (DOCKER_REFERENCE_DIR or /tmp/dockerd). */
export function referenceHost(): string {
  return process.env.DOCKER_REFERENCE_HOST || `unix://${process.env.DOCKER_REFERENCE_DIR || '/tmp/dockerd'}/docker.sock`
}
