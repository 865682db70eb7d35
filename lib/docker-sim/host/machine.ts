// The student's computer: a home folder holding the deck's snippets/, a bash with GNU tools, python3
// (http.server), curl, and `docker`, whose lines go to the simulated Docker host through a callback.
// Servers started here listen on the host's own ports, so "port already in use" can happen both ways.

import type { Clock, HttpHandler, HttpRequest, HttpResponse, Network, ProcessIO, Program } from '../process'
import type { Lookup } from '../shell'
import { SimFileSystem, treeFromSpec } from '../fs'
import { freezeLayer } from '../fs/nodes'
import { pathLookup } from '../programs'
import { makePythonProgram } from '../programs/python'
import { ExitRequest, promptOf, Shell, shellProgram } from '../shell'
import { inputFromLines } from '../shell/streams'
import { tarProgram } from '../system-tools'
import { SNIPPETS } from './snippets-data'

/** The host's account and machine name, as its prompt shows them (`student@laptop:~$ `). */
export const HOST_USER = 'student'
export const HOST_NAME = 'laptop'
export const HOST_HOME = `/home/${HOST_USER}`

/**
 * python3 on the student's computer. The deck's notes show `Serving HTTP on 0.0.0.0 port 4567`; the
 * version is Ubuntu 24.04's python3 (3.12.3), the common classroom system; a label, not a measurement.
 */
export const HOST_PYTHON = { version: '3.12.3', defaultBind: '0.0.0.0' } as const

const HOST_PROGRAMS = ['bash', 'sh', 'cat', 'ls', 'touch', 'mkdir', 'rm', 'rmdir', 'cp', 'mv', 'chmod', 'env', 'printenv', 'sleep', 'date', 'hostname', 'whoami', 'uname', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'cut', 'tee', 'echo', 'true', 'false', 'curl', 'python3', 'docker', 'tar']

export interface HostMachineOptions {
  clock: Clock
  /** Runs a `docker …` line (argv[0] is `docker`) against the simulated Docker host; absent, `docker` is not installed. */
  docker?: Program
  /**
   * Ports of containers published on the host (`-p 8080:80`): the Docker host answers requests to them.
   * Returns null when nothing is published on that port.
   */
  publishedPort?: (port: number) => HttpHandler | null
  /** Whether a host port is taken by a published container port (so a host server cannot bind it). */
  portTaken?: (port: number) => boolean
}

/** The host's network namespace: its own servers, then the ports Docker publishes. */
class HostNetwork implements Network {
  readonly servers = new Map<number, HttpHandler>()

  constructor(private readonly options: HostMachineOptions) {}

  listen(port: number, handler: HttpHandler): () => void {
    if (this.servers.has(port) || this.options.portTaken?.(port))
      throw new Error('address already in use')
    this.servers.set(port, handler)
    return () => {
      if (this.servers.get(port) === handler)
        this.servers.delete(port)
    }
  }

  async request(host: string, port: number, request: HttpRequest): Promise<HttpResponse> {
    if (!['localhost', '127.0.0.1', '0.0.0.0', '::1', HOST_NAME].includes(host))
      throw new Error(`Could not resolve host: ${host}`)
    const handler = this.servers.get(port) ?? this.options.publishedPort?.(port)
    if (!handler)
      throw new Error('Connection refused')
    return handler({ ...request, remoteAddress: request.remoteAddress ?? '127.0.0.1' })
  }
}

export class HostMachine {
  readonly fs: SimFileSystem
  readonly network: HostNetwork
  readonly env: Map<string, string>
  private readonly python = makePythonProgram(HOST_PYTHON)

  constructor(private readonly options: HostMachineOptions) {
    const spec: Record<string, string | null | { content: string, mode: number }> = {
      '/tmp/': null,
      '/etc/hostname': `${HOST_NAME}\n`,
      [`${HOST_HOME}/`]: null,
    }
    for (const name of HOST_PROGRAMS) {
      if (name !== 'docker' || options.docker)
        spec[`/usr/bin/${name}`] = { content: '', mode: 0o755 }
    }
    // The system files are one read-only layer below, so the student's changes are all in one tree.
    this.fs = new SimFileSystem({ layers: [freezeLayer(treeFromSpec(spec))], now: options.clock.now })
    this.fs.mkdir(`${HOST_HOME}/snippets`, { parents: true })
    for (const [path, file] of Object.entries(SNIPPETS)) {
      const full = `${HOST_HOME}/snippets/${path}`
      this.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { parents: true })
      this.fs.writeFile(full, file.content, { mode: file.mode })
    }
    this.network = new HostNetwork(options)
    this.env = new Map([
      ['PATH', '/usr/local/bin:/usr/bin:/bin'],
      ['HOME', HOST_HOME],
      ['USER', HOST_USER],
      ['HOSTNAME', HOST_NAME],
      ['SHELL', '/bin/bash'],
      ['LANG', 'C.UTF-8'],
      ['PWD', HOST_HOME],
    ])
  }

  /** What the host's bash finds for a name: the usual PATH search, with the host's python3 and docker. */
  lookup = (name: string, env: ReadonlyMap<string, string>, cwd: string, fs: SimFileSystem | ProcessIO['fs'] = this.fs): Lookup => {
    const found = pathLookup(name, env, cwd, fs)
    if (!found.found)
      return found
    const base = found.path.split('/').pop()
    if (base === 'docker' && this.options.docker)
      return { ...found, program: this.options.docker }
    if (base === 'python3' || base === 'python')
      return { ...found, program: this.python }
    if (base === 'tar')
      return { ...found, program: tarProgram('gnu') }
    return found
  }

  /** The host's bash, for a terminal (interactive) or for one line (`bash -c`). */
  shell(): Program {
    return shellProgram({ flavour: 'bash', lookup: this.lookup })
  }

  /** A process on this machine, its streams handed in by the caller (a terminal, the CLI, a test). */
  processIO(streams: Pick<ProcessIO, 'stdout' | 'stderr' | 'readLine'> & Partial<Pick<ProcessIO, 'readChunk' | 'tty' | 'setSignal'>>, argv: readonly string[] = ['bash']): ProcessIO {
    const io: ProcessIO = {
      argv,
      env: this.env,
      cwd: this.env.get('PWD') ?? HOST_HOME,
      fs: this.fs,
      clock: this.options.clock,
      network: this.network,
      tty: streams.tty ?? false,
      pid1: false,
      stdout: streams.stdout,
      stderr: streams.stderr,
      readLine: streams.readLine,
      readChunk: streams.readChunk,
      setSignal: streams.setSignal ?? (() => {}),
      spawn: async () => 127,
    }
    return io
  }

  private session: Shell | null = null
  private current: Pick<ProcessIO, 'stdout' | 'stderr'> = { stdout: () => {}, stderr: () => {} }

  /** The prompt the host's bash shows now (`student@laptop:~$ `). */
  prompt(): string {
    return promptOf('bash', this.env, this.session?.cwd ?? this.env.get('PWD') ?? HOST_HOME)
  }

  /**
   * Runs one typed line in the host's interactive bash (the CLI's and the terminals' entry): variables,
   * functions and the working folder carry over from line to line; `exit` ends the session (a new one starts).
   */
  async run(line: string, streams: Pick<ProcessIO, 'stdout' | 'stderr'> & Partial<Pick<ProcessIO, 'readLine' | 'tty'>>): Promise<number> {
    this.current = streams
    if (!this.session) {
      const io = this.processIO({
        stdout: text => this.current.stdout(text),
        stderr: text => this.current.stderr(text),
        readLine: async prompt => (this.current as Partial<ProcessIO>).readLine?.(prompt) ?? null,
        tty: true,
      })
      this.session = new Shell({ flavour: 'bash', mode: 'interactive', name: 'bash', positional: [], lookup: this.lookup, io })
    }
    const session = this.session
    try {
      const status = await session.runSource(line, { stdin: inputFromLines(streams.readLine ?? (async () => null)), stdout: streams.stdout, stderr: streams.stderr, terminal: streams.tty ?? true })
      this.env.set('PWD', session.cwd)
      return status
    }
    catch (error) {
      if (error instanceof ExitRequest) {
        this.session = null
        return error.status
      }
      throw error
    }
  }
}
