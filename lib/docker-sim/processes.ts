// Running programs: a process wraps one `Program` with its streams, its signals and its exit.
// Linux's rules, as far as a container shows them: SIGKILL always ends a process (exit 137); any other
// signal runs the program's handler, is ignored, or (default disposition) ends it with 128 + signal
// number, except for PID 1, which ignores every signal it has no handler for.

import type { Clock, ContainerSystem, FileSystem, Network, ProcessIO, Program, Signal, SignalDisposition, SpawnOptions } from './process'
import { Interrupted, SIGNAL_NUMBERS } from './process'

/** `docker kill -s 9`, `-s KILL`, `-s SIGKILL` all name SIGKILL; null when Linux has no such signal here. */
export function signalNamed(text: string): Signal | null {
  const upper = text.toUpperCase()
  if (/^\d+$/.test(upper))
    return (Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === Number(upper))?.[0] as Signal | undefined) ?? null
  const name = upper.startsWith('SIG') ? upper : `SIG${upper}`
  return name in SIGNAL_NUMBERS ? name as Signal : null
}

/** Where a process finds the programs it starts by name (a shell running `ls`). */
export type ProgramLookup = (name: string, io: ProcessIO) => Program | null

export interface ProcessOptions {
  argv: readonly string[]
  env: Map<string, string>
  cwd: string
  fs: FileSystem
  clock: Clock & { schedule: (ms: number, fire: () => void) => () => void, active?: number }
  network: Network
  tty: boolean
  pid1: boolean
  pid: number
  /** `-u`: a name, a number, name:group; absent, root. Children inherit it. */
  user?: string
  /** The container's kernel view (ps, df, kill); absent on the student's computer. */
  system?: ContainerSystem
  /** Receives what the program prints, in order. */
  output: (stream: 'stdout' | 'stderr', text: string) => void
  lookup: ProgramLookup
  /** What the process tells a shell when a program is missing (`bash: ping: command not found`). */
  notFound?: (name: string) => string
  /** Called for every child a process spawns (the host tracks them for `docker top`, Ctrl-C, exec). */
  onSpawn?: (child: SimProcess) => void
  /** Standard input shared with the parent (a terminal); a new one when absent. */
  stdin?: InputQueue
  /** A shell's pipe or redirection in place of the terminal (SpawnOptions of process.ts). */
  redirect?: Pick<SpawnOptions, 'stdout' | 'stderr' | 'readLine' | 'readChunk'>
}

/** Standard input: a terminal's typed lines, shared by a shell and the programs it starts in the foreground. */
export class InputQueue {
  lines: string[] = []
  closed = false
  /** A terminal echoes each typed line as it is read (a pty's ECHO): set for runs with a TTY. */
  echo: ((line: string) => void) | null = null
  /** Where the terminal shows keystrokes that are not lines (^C). */
  typed: ((text: string) => void) | null = null
  reader: { owner: SimProcess, resolve: (line: string | null) => void, reject: (reason: Interrupted) => void } | null = null

  write(line: string): void {
    if (this.reader) {
      const reader = this.reader
      this.reader = null
      this.echo?.(line)
      reader.resolve(line)
    }
    else {
      this.lines.push(line)
    }
  }

  close(): void {
    this.closed = true
    if (this.reader && this.lines.length === 0) {
      const reader = this.reader
      this.reader = null
      reader.resolve(null)
    }
  }
}

/** The shells whose foreground commands run inside them (lib/docker-sim/shell). */
const SHELLS = /(?:^|\/)(?:sh|ash|bash|dash)$/

const PROCESS_OF_IO = new WeakMap<ProcessIO, SimProcess>()
/** A shell runs its commands with its own clock object: the clock finds the process they run in. */
const PROCESS_OF_CLOCK = new WeakMap<object, SimProcess>()

/**
 * Awaits `promise` with the process marked as waiting (not working): the host moves simulated time on
 * only when every process waits, so a program busy for real (Python loading) is never hurried by it.
 */
export async function blockedOn<T>(io: ProcessIO, promise: Promise<T>): Promise<T> {
  const process = PROCESS_OF_IO.get(io) ?? PROCESS_OF_CLOCK.get(io.clock)
  if (!process)
    return promise
  return process.waitOn(promise)
}

/** The process an io belongs to (through its clock for a shell's commands). */
export function processOf(io: ProcessIO): SimProcess | null {
  return PROCESS_OF_IO.get(io) ?? PROCESS_OF_CLOCK.get(io.clock) ?? null
}

/** The standard input of the process an io belongs to (through its clock for a shell's commands). */
export function stdinOf(io: ProcessIO): InputQueue | null {
  return (PROCESS_OF_IO.get(io) ?? PROCESS_OF_CLOCK.get(io.clock))?.stdin ?? null
}

export class SimProcess {
  readonly argv: readonly string[]
  readonly pid: number
  exitCode: number | null = null
  /** The signal that ended it, if one did. */
  endedBy: Signal | null = null
  readonly exited: Promise<number>
  private resolveExit!: (code: number) => void
  private dispositions = new Map<Signal, SignalDisposition>()
  private waiters = new Set<(reason: Interrupted) => void>()
  readonly stdin: InputQueue
  private paused = false
  private heldWakeups: (() => void)[] = []
  readonly children = new Set<SimProcess>()
  readonly io: ProcessIO

  constructor(private readonly options: ProcessOptions) {
    this.argv = options.argv
    this.pid = options.pid
    this.stdin = options.stdin ?? new InputQueue()
    this.exited = new Promise<number>((resolve) => {
      this.resolveExit = resolve
    })
    this.io = this.makeIO()
    PROCESS_OF_IO.set(this.io, this)
    PROCESS_OF_CLOCK.set(this.io.clock, this)
  }

  private working = false
  private waits = 0

  /** Counts this process as working (true) or waiting (false) in the clock's tally. */
  private setWorking(working: boolean): void {
    if (working === this.working)
      return
    this.working = working
    const clock = this.options.clock
    if (clock.active !== undefined)
      clock.active += working ? 1 : -1
  }

  async waitOn<T>(promise: Promise<T>): Promise<T> {
    this.waits++
    this.setWorking(false)
    try {
      return await promise
    }
    finally {
      this.waits--
      if (this.waits === 0 && this.running)
        this.setWorking(true)
    }
  }

  get running(): boolean {
    return this.exitCode === null
  }

  /** Starts `program`; the returned promise is `exited`. */
  start(program: Program): Promise<number> {
    this.setWorking(true)
    Promise.resolve()
      .then(() => program(this.io))
      .then(
        code => this.finish(typeof code === 'number' ? code : 0),
        (failure: unknown) => {
          if (failure instanceof Interrupted)
            this.finish(128 + SIGNAL_NUMBERS[failure.signal], failure.signal)
          else
            this.crash(failure)
        },
      )
    return this.exited
  }

  private crash(failure: unknown): void {
    // A bug in a simulated program must show, not pass for a normal exit.
    const detail = failure instanceof Error ? failure.message : String(failure)
    this.options.output('stderr', `[simulator] ${this.argv[0] ?? 'program'} failed: ${detail}\n`)
    this.finish(1)
  }

  private finish(code: number, signal: Signal | null = null): void {
    if (this.exitCode !== null)
      return
    this.exitCode = code
    this.endedBy = signal
    this.setWorking(false)
    if (this.stdin.reader?.owner === this) {
      const reader = this.stdin.reader
      this.stdin.reader = null
      reader.resolve(null)
    }
    this.resolveExit(code)
  }

  // ——— input ———

  /** A line typed at the terminal (or piped in). */
  writeLine(line: string): void {
    this.stdin.write(line)
  }

  /** Ctrl-D, or the end of piped input. */
  closeInput(): void {
    this.stdin.close()
  }

  // ——— signals ———

  disposition(signal: Signal): SignalDisposition {
    return this.dispositions.get(signal) ?? 'default'
  }

  /** Delivers a signal by Linux's rules (see the file comment). */
  signal(signal: Signal): void {
    if (!this.running)
      return
    if (signal === 'SIGKILL') {
      this.terminate('SIGKILL')
      return
    }
    if (signal === 'SIGSTOP') {
      this.paused = true
      return
    }
    if (signal === 'SIGCONT') {
      this.resume()
      return
    }
    const disposition = this.disposition(signal)
    if (disposition === 'ignore')
      return
    if (disposition === 'handle') {
      this.interrupt(new Interrupted(signal))
      return
    }
    if (this.options.pid1 || signal === 'SIGWINCH')
      return // PID 1 ignores signals it has no handler for; SIGWINCH's default is to ignore.
    this.terminate(signal)
  }

  /**
   * ^C on the container's terminal (-t): the terminal sends SIGINT to its whole foreground process group. PID 1
   * still ignores what it has no handler for (`sleep` as PID 1 goes on), but a shell's foreground command runs
   * inside the shell here, not as a process of its own, and is not PID 1: it dies of it, and the shell goes on
   * as it would (a script ends with 130, an interactive shell prompts again). Recorded: interrupts.json.
   */
  terminalSignal(signal: Signal): void {
    const target = this.foreground()
    if (target === this && this.options.pid1 && this.disposition(signal) === 'default' && SHELLS.test(this.argv[0] ?? '')) {
      this.interrupt(new Interrupted(signal))
      return
    }
    target.signal(signal)
  }

  /** Ends the process now, whatever the program does next (its later output is dropped, as a dead process prints nothing). */
  private terminate(signal: Signal): void {
    for (const child of this.children)
      child.signal('SIGKILL')
    this.finish(128 + SIGNAL_NUMBERS[signal], signal)
    this.interrupt(new Interrupted(signal))
  }

  private interrupt(reason: Interrupted): void {
    const waiters = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiters)
      wake(reason)
    let woke = waiters.length > 0
    if (this.stdin.reader?.owner === this) {
      const reader = this.stdin.reader
      this.stdin.reader = null
      reader.reject(reason)
      woke = true
    }
    // A handled signal that finds the program busy (Python still loading) waits for it, as the kernel keeps
    // it pending until the handler can run: its next sleep or read is interrupted at once.
    if (!woke && this.running)
      this.pendingInterrupt ??= reason
  }

  private pendingInterrupt: Interrupted | null = null

  /** The handled signal that came while the program was busy, taken once. */
  private takePending(): Interrupted | null {
    const pending = this.pendingInterrupt
    this.pendingInterrupt = null
    return pending
  }

  /** docker pause: the cgroup freezer stops the process; timers that fall due wait until unpause. */
  pause(): void {
    this.paused = true
    for (const child of this.children)
      child.pause()
  }

  resume(): void {
    this.paused = false
    const held = this.heldWakeups
    this.heldWakeups = []
    for (const wake of held)
      wake()
    for (const child of this.children)
      child.resume()
  }

  /** Waiting for a typed line (the terminal's foreground reader). */
  get waitingForInput(): boolean {
    return this.stdin.reader?.owner === this
  }

  get isPaused(): boolean {
    return this.paused
  }

  // ——— the program's view ———

  private makeIO(): ProcessIO {
    const options = this.options
    const io: ProcessIO = {
      argv: options.argv,
      env: options.env,
      cwd: options.cwd,
      fs: options.fs,
      // Waiting for an answer is waiting: the server on the other end may need simulated time.
      network: {
        listen: options.network.listen,
        ...(options.network.resolve ? { resolve: options.network.resolve } : {}),
        request: (host, port, request) => this.waitOn(options.network.request(host, port, request)),
      },
      tty: options.tty,
      pid1: options.pid1,
      ...(options.user ? { user: options.user } : {}),
      ...(options.system ? { system: options.system } : {}),
      clock: {
        now: options.clock.now,
        epochMs: options.clock.epochMs,
        sleep: (ms: number) => this.sleep(ms),
      },
      stdout: (text: string) => {
        if (!this.running)
          return
        if (options.redirect?.stdout)
          options.redirect.stdout(text)
        else
          options.output('stdout', text)
      },
      stderr: (text: string) => {
        if (!this.running)
          return
        if (options.redirect?.stderr)
          options.redirect.stderr(text)
        else
          options.output('stderr', text)
      },
      readLine: options.redirect?.readLine ?? ((prompt?: string) => this.readLine(prompt)),
      readChunk: options.redirect?.readChunk ?? (() => this.readChunk()),
      setSignal: (signal: Signal, disposition: SignalDisposition) => {
        this.dispositions.set(signal, disposition)
      },
      takePendingSignal: () => this.takePending()?.signal ?? null,
      spawn: (argv, spawnOptions) => this.spawn(argv, spawnOptions),
    }
    return io
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running)
      return Promise.reject(new Interrupted(this.endedBy ?? 'SIGKILL'))
    const pending = this.takePending()
    if (pending)
      return Promise.reject(pending)
    return this.waitOn(new Promise<void>((resolve, reject) => {
      let cancel = (): void => {}
      const wake = (reason: Interrupted): void => {
        cancel()
        reject(reason)
      }
      cancel = this.options.clock.schedule(ms, () => {
        this.waiters.delete(wake)
        if (this.paused)
          this.heldWakeups.push(resolve)
        else
          resolve()
      })
      this.waiters.add(wake)
    }))
  }

  /** What is typed, a line at a time with its newline, or null at the end of input. */
  private async readChunk(): Promise<string | null> {
    const line = await this.readLine()
    return line === null ? null : `${line}\n`
  }

  private readLine(prompt?: string): Promise<string | null> {
    const pending = this.running ? this.takePending() : null
    if (pending)
      return Promise.reject(pending)
    if (prompt && this.running)
      this.options.output('stdout', prompt)
    if (this.stdin.lines.length > 0) {
      const line = this.stdin.lines.shift()!
      this.stdin.echo?.(line)
      return Promise.resolve(line)
    }
    if (this.stdin.closed || !this.running)
      return Promise.resolve(null)
    return this.waitOn(new Promise<string | null>((resolve, reject) => {
      this.stdin.reader = { owner: this, resolve, reject }
    }))
  }

  private async spawn(argv: readonly string[], spawnOptions?: SpawnOptions): Promise<number> {
    const name = argv[0] ?? ''
    const parentIO = this.io
    const child = new SimProcess({
      ...this.options,
      stdin: this.stdin,
      redirect: {
        stdout: spawnOptions?.stdout ?? (this.options.redirect?.stdout ? parentIO.stdout : undefined),
        stderr: spawnOptions?.stderr ?? (this.options.redirect?.stderr ? parentIO.stderr : undefined),
        readLine: spawnOptions?.readLine ?? this.options.redirect?.readLine,
        readChunk: spawnOptions?.readChunk ?? this.options.redirect?.readChunk,
      },
      argv,
      env: spawnOptions?.env ?? new Map(this.io.env),
      cwd: spawnOptions?.cwd ?? this.io.cwd,
      pid1: false,
      pid: this.options.pid + 1 + this.children.size,
    })
    const program = this.options.lookup(name, child.io)
    if (!program) {
      this.io.stderr(this.options.notFound?.(name) ?? `${name}: command not found\n`)
      return 127
    }
    this.children.add(child)
    this.options.onSpawn?.(child)
    try {
      return await this.waitOn(child.start(program))
    }
    finally {
      this.children.delete(child)
    }
  }

  /** The innermost process still running: the one a terminal's keystrokes reach. */
  foreground(): SimProcess {
    for (const child of this.children) {
      if (child.running)
        return child.foreground()
    }
    return this
  }
}
