// The simulator's public face: one host, one command line at a time ({ stdout, stderr, exit }), or a
// terminal session (prompt, typed lines, Ctrl-C, Ctrl-D, Ctrl-P Ctrl-Q, streamed output). The docker
// client is a program like the others, so a host shell can run it inside pipes and loops.

import type { ShellCommand } from '../docker/index'
import type { ClientContext } from './commands'
import type { DockerHostOptions } from './docker-host'
import type { ProcessIO, Program } from './process'
import type { HostSnapshot } from './state'
import { splitCommands } from '../docker/index'
import { settle } from './clock'
import { runDockerCommand } from './commands'
import { DockerHost } from './docker-host'
import { SimProcess } from './processes'

export interface CommandResult {
  command: string
  stdout: string
  stderr: string
  exit: number
  /** Set when the simulator had to end a command that would run on (logs -f, an attached server). */
  note?: string
}

export interface RunOptions {
  /** Lines typed while the command runs; input ends after them (Ctrl-D). */
  input?: readonly string[]
  /** The client's terminal is a TTY (default true, as in a terminal; -it needs one). */
  tty?: boolean
  /** A command still running after this much simulated time is ended as by Ctrl-C (default 10 s). */
  maxSimulatedMs?: number
}

const HOME = '/home/student'
const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** A real pause, for programs that wait on real work (Pyodide) rather than on the clock. */
function realPause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

export class Simulator {
  readonly host: DockerHost
  /** The host shell's working directory and variables, kept between lines. */
  cwd = HOME
  readonly env = new Map<string, string>([['HOME', HOME], ['PATH', HOST_PATH], ['USER', 'student']])
  private hostShell: Program | null

  constructor(options: DockerHostOptions & { host?: DockerHost, hostShell?: Program } = {}) {
    this.host = options.host ?? new DockerHost(options)
    this.hostShell = options.hostShell ?? null
  }

  static restore(snapshot: HostSnapshot, options: DockerHostOptions & { hostShell?: Program } = {}): Simulator {
    return new Simulator({ ...options, host: DockerHost.restore(snapshot, options) })
  }

  snapshot(): HostSnapshot {
    return this.host.snapshot()
  }

  /** The docker client as a program (`docker` on the host's PATH). */
  dockerProgram(context: Partial<Pick<ClientContext, 'onDetachable'>> = {}): Program {
    return io => runDockerCommand({ host: this.host, io, onDetachable: context.onDetachable }, io.argv.slice(1))
  }

  /** Programs on the student's computer: docker, and whatever the programs engineer provides. */
  hostLookup(onDetachable?: ClientContext['onDetachable']): (name: string, io: ProcessIO) => Program | null {
    return (name, io) => {
      if (name === 'docker')
        return this.dockerProgram({ onDetachable })
      return this.host.programs(name, io)
    }
  }

  /** A process on the student's computer, with its output going to `output`. */
  hostProcess(argv: readonly string[], tty: boolean, output: (stream: 'stdout' | 'stderr', text: string) => void, onDetachable?: ClientContext['onDetachable']): SimProcess {
    return new SimProcess({
      argv,
      env: this.env,
      cwd: this.cwd,
      fs: this.host.hostFiles,
      clock: this.host.clock,
      network: this.host.hostNetwork(),
      tty,
      pid1: false,
      pid: this.host.nextPid++,
      output,
      lookup: this.hostLookup(onDetachable),
      notFound: name => `bash: ${name}: command not found\n`,
    })
  }

  /** Runs one command line of the student's terminal and collects what it prints. Never throws. */
  async run(line: string, options: RunOptions = {}): Promise<CommandResult> {
    const result: CommandResult = { command: line, stdout: '', stderr: '', exit: 0 }
    const output = (stream: 'stdout' | 'stderr', text: string): void => {
      result[stream] += text
    }
    try {
      const process = this.hostProcess(['sh', '-c', line], options.tty ?? true, output)
      for (const typed of options.input ?? [])
        process.writeLine(typed)
      process.closeInput()
      const program: Program = this.hostShell ?? (io => this.runLineWithoutShell(line, io))
      const exited = process.start(program)
      result.exit = await this.drive(process, exited, options.maxSimulatedMs ?? 10_000, (note) => {
        result.note = note
      })
      this.cwd = process.io.cwd
    }
    catch (failure) {
      result.stderr += `[simulator] internal error: ${failure instanceof Error ? failure.message : String(failure)}\n`
      result.exit = 1
    }
    return result
  }

  /**
   * Runs the command to its end, moving simulated time to each next timer while it waits (a stop's
   * 10 seconds pass at once); a command still running after `maxMs` of simulated time is sent SIGINT.
   */
  async drive(process: SimProcess, exited: Promise<number>, maxMs: number, onNote: (note: string) => void): Promise<number> {
    const started = this.host.clock.now()
    let finished = false
    void exited.then(() => {
      finished = true
    })
    let idleRounds = 0
    for (;;) {
      await settle()
      if (finished)
        break
      const clock = this.host.clock
      if (clock.active > 0 && idleRounds < 6000) {
        // A program is working for real (Python in Pyodide): give it time, the clock waits.
        idleRounds++
        await realPause(idleRounds < 100 ? 0 : 10)
        continue
      }
      const next = clock.nextTimerAt()
      if (clock.active === 0 && next !== null && next - started <= maxMs) {
        idleRounds = 0
        await clock.advanceTo(next)
        continue
      }
      if (clock.active === 0 && next === null && !process.foreground().waitingForInput && idleRounds < 200) {
        // Waiting on something outside the clock's view: a little real time before giving up.
        idleRounds++
        await realPause(0)
        continue
      }
      onNote(`still running after ${Math.round((clock.now() - started) / 1000)} simulated seconds: ended as if Ctrl-C was pressed`)
      process.foreground().signal('SIGINT')
      await settle()
      if (!finished)
        process.signal('SIGKILL')
      break
    }
    return exited
  }

  /**
   * Until the host shell is wired in: runs `docker …` and programs by name, with `&&`, `||` and `;`
   * between commands. Words are read by the explainer's tokenizer (quotes removed, no expansion).
   */
  private async runLineWithoutShell(line: string, io: ProcessIO): Promise<number> {
    let commands: ShellCommand[]
    try {
      commands = splitCommands(line)
    }
    catch {
      io.stderr(`sh: syntax error\n`)
      return 2
    }
    let status = 0
    let previous: string | null = null
    for (const command of commands) {
      if ((previous === '&&' && status !== 0) || (previous === '||' && status === 0)) {
        previous = command.separator
        continue
      }
      previous = command.separator
      const argv = command.words.map(word => word.value)
      if (argv.length === 0)
        continue
      if (command.error) {
        io.stderr(`sh: 1: Syntax error: ${command.error.message}\n`)
        return 2
      }
      if (command.redirections.length > 0 || command.words.some(word => word.expansions.length > 0)) {
        io.stderr(`[simulator] the host shell is not wired in yet: redirections and $… are not run here\n`)
        status = 2
        continue
      }
      if (argv[0] === 'cd') {
        const target = argv[1] ?? HOME
        const path = target.startsWith('/') ? target : `${io.cwd.replace(/\/$/, '')}/${target}`
        if (this.host.hostFiles.stat(path)?.kind === 'dir') {
          io.cwd = path
          status = 0
        }
        else {
          io.stderr(`sh: 1: cd: can't cd to ${target}\n`)
          status = 2
        }
        continue
      }
      status = await io.spawn(argv)
    }
    return status
  }

  /** A terminal: what the terminal component drives. */
  openSession(options: SessionOptions): TerminalSession {
    return new TerminalSession(this, options)
  }
}

export interface SessionOptions {
  /** Everything the terminal should show, as it comes (prompts included). */
  onOutput: (text: string, stream: 'stdout' | 'stderr') => void
  /** 'real': the clock follows real time (browser); 'manual': only `advance()` moves it (tests). */
  time?: 'real' | 'manual'
}

/** One terminal on the student's computer: lines typed go to whatever runs in the foreground. */
export class TerminalSession {
  private current: SimProcess | null = null
  private detach: (() => void) | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private lastTick = 0

  constructor(private readonly simulator: Simulator, private readonly options: SessionOptions) {
    if (options.time === 'real') {
      this.lastTick = Date.now()
      this.timer = setInterval(() => {
        const now = Date.now()
        void this.simulator.host.clock.advance(now - this.lastTick)
        this.lastTick = now
      }, 100)
    }
  }

  prompt(): string {
    const cwd = this.simulator.cwd
    const shown = cwd === HOME ? '~' : cwd.startsWith(`${HOME}/`) ? `~${cwd.slice(HOME.length)}` : cwd
    return `student@laptop:${shown}$ `
  }

  get busy(): boolean {
    return this.current !== null
  }

  /** Enter: a new command line at the prompt, or a line for the program in the foreground. */
  submit(line: string): void {
    if (this.current) {
      this.current.foreground().writeLine(line)
      return
    }
    const process = this.simulator.hostProcess(['sh', '-c', line], true, (stream, text) => this.options.onOutput(text, stream), (detach) => {
      this.detach = detach
    })
    this.current = process
    void process.start(io => this.simulator.run === undefined ? Promise.resolve(0) : this.runLine(line, io)).then(() => {
      this.simulator.cwd = process.io.cwd
      this.current = null
      this.detach = null
      this.options.onOutput(this.prompt(), 'stdout')
    })
  }

  private runLine(line: string, io: ProcessIO): Promise<number> {
    const shell = (this.simulator as unknown as { hostShell: Program | null }).hostShell
    return shell ? shell(io) : (this.simulator as unknown as { runLineWithoutShell: (l: string, i: ProcessIO) => Promise<number> }).runLineWithoutShell(line, io)
  }

  /** Ctrl-C: SIGINT to the foreground program (the docker client passes it on with --sig-proxy). */
  interrupt(): void {
    this.current?.foreground().signal('SIGINT')
  }

  /** Ctrl-D: end of input for the foreground program. */
  endOfInput(): void {
    this.current?.foreground().closeInput()
  }

  /** Ctrl-P Ctrl-Q: detaches from a container started with -it (nothing happens otherwise, as in Docker). */
  detachKeys(): void {
    this.detach?.()
  }

  /** Moves simulated time (manual sessions). */
  advance(ms: number): Promise<void> {
    return this.simulator.host.clock.advance(ms)
  }

  close(): void {
    if (this.timer)
      clearInterval(this.timer)
    this.current?.signal('SIGKILL')
  }
}
