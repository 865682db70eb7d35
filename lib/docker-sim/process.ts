// The seam between the simulated Docker host (containers, clock, network) and the programs that run
// inside a container or on the student's computer (shells, Python, servers, curl). The host owns the
// clock and the network; a program sees only this interface, so it runs the same in a container and
// on the host, in the browser and in Node.

/** Simulated time. It moves only when the host advances it, so every run is deterministic. */
export interface Clock {
  /** Simulated milliseconds since the host was created. */
  now: () => number
  /** Unix time (ms) at simulated time 0, for `date` and `ls -l`; absent: 2026-03-03T10:15:00Z (the date the deck's notes show). */
  readonly epochMs?: number
  /** Resolves when simulated time has moved `ms` further; rejects with `Interrupted` when the process is signalled first. */
  sleep: (ms: number) => Promise<void>
}

/** Thrown out of `sleep` and `readLine` when a signal ends the process (the program may catch it, as a trap would). */
export class Interrupted extends Error {
  constructor(readonly signal: Signal) {
    super(`interrupted by ${signal}`)
  }
}

export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGHUP' | 'SIGQUIT' | 'SIGUSR1' | 'SIGUSR2' | 'SIGSTOP' | 'SIGCONT' | 'SIGWINCH'

/** Signal numbers on Linux x86-64 (signal(7)): an exit by signal N reads as 128 + N. */
export const SIGNAL_NUMBERS: Record<Signal, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
}

/** Whether a program, as it runs now, ends on a signal. PID 1 ignores what it installs no handler for (Linux rule). */
export type SignalDisposition = 'default' | 'ignore' | 'handle'

export interface FileStat {
  kind: 'file' | 'dir' | 'symlink'
  /** Octal permission bits, e.g. 0o644. */
  mode: number
  size: number
  /** Simulated milliseconds of the last change. */
  mtime: number
}

/** The file tree a process sees: a container's layers and mounts, or the student's computer. Paths are absolute. */
export interface FileSystem {
  stat: (path: string) => FileStat | null
  readFile: (path: string) => string
  writeFile: (path: string, content: string, options?: { append?: boolean, mode?: number }) => void
  mkdir: (path: string, options?: { parents?: boolean }) => void
  readdir: (path: string) => string[]
  remove: (path: string, options?: { recursive?: boolean }) => void
  rename: (from: string, to: string) => void
  chmod: (path: string, mode: number) => void
}

/** An HTTP answer, as far as curl and the deck's servers need one. */
export interface HttpResponse {
  status: number
  /** The status line's protocol: http.server answers HTTP/1.0; absent means HTTP/1.1. */
  protocol?: string
  headers: Record<string, string>
  body: string
}

export interface HttpRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string
  /** The client's address as the server sees it (172.17.0.1, the bridge gateway, for the host via a published port). */
  remoteAddress?: string
}

/** A server a process listens with: the host routes published ports and container names to it. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>

export interface Network {
  /** The address a name stands for from this process (wget's "Connecting to web:8000 (172.18.0.2:8000)"); null when it does not resolve. */
  resolve?: (host: string) => string | null
  /** Opens a port inside this process's network namespace; throws `Error('address already in use')` when taken. */
  listen: (port: number, handler: HttpHandler, options?: { host?: string }) => () => void
  /** Connects to host:port as seen from this process (container names on user networks, localhost, published ports from the host). Rejects with the errno text curl prints. */
  request: (host: string, port: number, request: HttpRequest) => Promise<HttpResponse>
}

/** What a running program gets: its arguments, environment, files, streams, clock and network. */
export interface ProcessIO {
  readonly argv: readonly string[]
  /** Mutable: `export` and `cd` change the running shell's own. */
  readonly env: Map<string, string>
  cwd: string
  readonly fs: FileSystem
  readonly clock: Clock
  readonly network: Network
  /** -t: a terminal is attached (prompts, colours, line editing). */
  readonly tty: boolean
  /** `docker run/exec -u`: a name or a number; absent, root. */
  readonly user?: string
  /** true for PID 1 of a container: signals without a handler are ignored. */
  readonly pid1: boolean
  /** What the kernel shows a container's tools (ps, df, kill): absent on the student's computer. */
  readonly system?: ContainerSystem
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The next line typed (without its newline), or null at end of input (Ctrl-D, or no -i). Rejects with `Interrupted`. */
  readLine: (prompt?: string) => Promise<string | null>
  /** Raw standard input, as much as is there (newlines kept), or null at its end: for `cat`, pipes and redirections. Absent: read by lines. */
  readChunk?: () => Promise<string | null>
  /**
   * For a shell's child: true when an interrupt that reached this wait was really for the shell (PID 1 got
   * `docker stop`'s SIGTERM and has a trap): the child goes on waiting, the shell runs its trap once the child ends.
   */
  signalledParent?: (interrupt: Interrupted) => boolean
  /**
   * A handled signal that came while the program was busy rather than waiting (Pyodide loading), taken once; its
   * next sleep or read would be interrupted by it otherwise. Python looks between bytecodes. Absent: none kept.
   */
  takePendingSignal?: () => Signal | null
  /** Declares how the program takes a signal from now on (Python's SIGINT handler, a shell's `trap`). */
  setSignal: (signal: Signal, disposition: SignalDisposition) => void
  /** Runs another program by name (a shell running `ls`): resolves to its exit code; 127 with the shell's own message when absent. */
  spawn: (argv: readonly string[], options?: SpawnOptions) => Promise<number>
}

/** A process as `ps` lists it. */
export interface ProcessInfo {
  pid: number
  ppid: number
  /** As given to `-u` (a name, a number, name:group), or absent for root. */
  user?: string
  argv: readonly string[]
}

/** A mount as `df` lists it: the container's root (overlay), its volumes, bind mounts and tmpfs, and Docker's own files. */
export interface MountInfo {
  /** df's Filesystem column: overlay, tmpfs, shm, or the disk that holds volumes and binds. */
  filesystem: string
  target: string
  /** The bytes written under it, for tmpfs mounts (the others show the disk's figures). */
  kind: 'root' | 'disk' | 'tmpfs' | 'dev'
}

/** The container's kernel view, as its processes see it. */
export interface ContainerSystem {
  processes: () => ProcessInfo[]
  mounts: () => MountInfo[]
  /** Its network interfaces besides lo, eth0 first: one a network it is attached to. */
  interfaces: () => { ip: string, prefix: number, mac: string, gateway: string }[]
  /** Delivers a signal to a process of the container by its PID; false when there is none. */
  signal: (pid: number, signal: Signal) => boolean
}

/** What a child process gets instead of its parent's: a shell's pipes and redirections. */
export interface SpawnOptions {
  env?: Map<string, string>
  cwd?: string
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  readLine?: (prompt?: string) => Promise<string | null>
  readChunk?: () => Promise<string | null>
}

/** A program: resolves to its exit code. */
export type Program = (io: ProcessIO) => Promise<number>
