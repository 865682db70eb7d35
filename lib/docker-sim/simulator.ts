// The simulator's public face: one host, one command line at a time ({ stdout, stderr, exit }), or a
// terminal session (prompt, typed lines, Ctrl-C, Ctrl-D, Ctrl-P Ctrl-Q, streamed output). The docker
// client is a program like the others, so a host shell can run it inside pipes and loops.

import type { ClientContext } from './commands'
import type { DockerHostOptions } from './docker-host'
import type { Program } from './process'
import type { HostSnapshot } from './state'
import { dockerBuild } from './build/build'
import { settle } from './clock'
import { registerBuild, runDockerCommand } from './commands'
import { DockerHost } from './docker-host'
import { HostMachine } from './host/machine'
import { SimProcess } from './processes'
import './compose-run'

// docker build and docker compose come from their own modules; the client reaches them through these.
registerBuild(dockerBuild)

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
  /** A command still running after this much simulated time is ended as by Ctrl-C (default 30 s: long enough for stops of 10 s each). */
  maxSimulatedMs?: number
  /** Ctrl-C after this many simulated ms, then each second, `interrupts` times at most (the recorder's steps). */
  interruptAfterMs?: number
  interrupts?: number
  /** Both streams into stdout, in order (what a terminal shows). */
  mergeStreams?: boolean
}

const HOME = '/home/student'

/** A real pause, for programs that wait on real work (Pyodide) rather than on the clock. */
function realPause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

export class Simulator {
  readonly host: DockerHost
  /** The student's computer: its bash, files (with the deck's snippets/), python3, curl; `docker` reaches the host. */
  readonly machine: HostMachine
  /** The process running the current line (the machine's shell sleeps and waits through it). */
  private current: SimProcess | null = null
  /** The terminal session's detach hook, while a `run -it`/`attach` can be detached. */
  detachHook: ClientContext['onDetachable'] = undefined

  constructor(options: DockerHostOptions & { host?: DockerHost } = {}) {
    this.host = options.host ?? new DockerHost(options)
    const host = this.host
    const clock = {
      now: host.clock.now,
      epochMs: host.clock.epochMs,
      sleep: (ms: number) => this.current ? this.current.io.clock.sleep(ms) : host.clock.sleep(ms),
    }
    this.machine = new HostMachine({
      clock,
      docker: io => runDockerCommand({ host, io: this.current ? { ...io, clock: this.current.io.clock } : io, onDetachable: hook => this.detachHook?.(hook) }, io.argv.slice(1)),
      publishedPort: port => host.publishedHandler(port),
      portTaken: port => host.activeBindings().some(b => b.hostPort === port && b.protocol === 'tcp'),
    })
    if (options.host) {
      // A restored host: its saved files replace the fresh machine's.
      const saved = options.host.hostFiles
      for (const name of this.machine.fs.readdir('/home/student'))
        this.machine.fs.remove(`/home/student/${name}`, { recursive: true })
      if (saved.stat('/home/student')?.kind === 'dir') {
        for (const name of saved.readdir('/home/student'))
          this.machine.fs.importTree(`/home/student/${name}`, saved.exportTree(`/home/student/${name}`))
      }
    }
    host.hostFiles = this.machine.fs
    host.hostPorts = this.machine.network.servers
  }

  static restore(snapshot: HostSnapshot, options: DockerHostOptions = {}): Simulator {
    return new Simulator({ ...options, host: DockerHost.restore(snapshot, options) })
  }

  snapshot(): HostSnapshot {
    return this.host.snapshot()
  }

  get cwd(): string {
    return this.machine.env.get('PWD') ?? HOME
  }

  /** A process on the student's computer running one typed line in the machine's bash. */
  lineProcess(line: string, tty: boolean, output: (stream: 'stdout' | 'stderr', text: string) => void): { process: SimProcess, program: Program } {
    const process = new SimProcess({
      argv: ['bash', '-c', line],
      env: this.machine.env,
      cwd: this.cwd,
      fs: this.machine.fs,
      clock: this.host.clock,
      network: this.machine.network,
      tty,
      pid1: false,
      pid: this.host.nextPid++,
      output,
      lookup: () => null,
    })
    const program: Program = async (io) => {
      this.current = process
      try {
        return await this.machine.run(line, { stdout: io.stdout, stderr: io.stderr, readLine: io.readLine, tty: io.tty })
      }
      finally {
        this.current = null
      }
    }
    return { process, program }
  }

  /** Runs one command line of the student's terminal and collects what it prints. Never throws. */
  async run(line: string, options: RunOptions = {}): Promise<CommandResult> {
    const result: CommandResult = { command: line, stdout: '', stderr: '', exit: 0 }
    const output = (stream: 'stdout' | 'stderr', text: string): void => {
      result[stream] += text
    }
    try {
      const { process, program } = this.lineProcess(line, options.tty ?? true, options.mergeStreams ? (_stream, text) => output('stdout', text) : output)
      if (options.tty ?? true) {
        process.stdin.typed = text => output('stdout', text)
        process.stdin.echo = line => output('stdout', `${line}\n`)
      }
      for (const typed of options.input ?? [])
        process.writeLine(typed)
      process.closeInput()
      const exited = process.start(program)
      result.exit = await this.drive(process, exited, options, (note) => {
        result.note = note
      })
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
  async drive(process: SimProcess, exited: Promise<number>, options: RunOptions, onNote: (note: string) => void): Promise<number> {
    const started = this.host.clock.now()
    let deadline = started + (options.interruptAfterMs ?? options.maxSimulatedMs ?? 30_000)
    let interruptsLeft = options.interruptAfterMs !== undefined ? (options.interrupts ?? 3) : 1
    let interrupts = 0
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
      if (clock.active === 0 && next !== null && next <= deadline) {
        idleRounds = 0
        await clock.advanceTo(next)
        continue
      }
      if (clock.active === 0 && interruptsLeft > 0 && (next !== null || options.interruptAfterMs !== undefined)) {
        // A command that is ending (a shell's `exit` with other containers' timers far off) gets a little
        // real time first: without it the recorder's Ctrl-C would land after the command had ended.
        if (idleRounds < 20 && !process.foreground().waitingForInput) {
          idleRounds++
          await realPause(0)
          continue
        }
        // Ctrl-C at the deadline (and each second after, as the recorder pressed it).
        await clock.advanceTo(deadline)
        interruptsLeft--
        interrupts++
        // A terminal shows ^C for the keystroke (its line discipline echoes it).
        process.stdin.typed?.('^C')
        process.foreground().signal('SIGINT')
        deadline += 1000
        idleRounds = 0
        if (interruptsLeft > 0 || options.interruptAfterMs === undefined) {
          if (options.interruptAfterMs === undefined)
            onNote(`still running after ${Math.round((clock.now() - started) / 1000)} simulated seconds: ended as if Ctrl-C was pressed`)
          continue
        }
        // The last Ctrl-C pressed: a command that ignored them all (`sleep` as PID 1 behind -it) runs on as long as any other.
        deadline = Math.max(deadline, started + (options.maxSimulatedMs ?? 30_000))
        continue
      }
      if (clock.active === 0 && next === null && !process.foreground().waitingForInput && idleRounds < 200) {
        // Waiting on something outside the clock's view: a little real time before giving up.
        idleRounds++
        await realPause(0)
        continue
      }
      if (interrupts === 0)
        onNote(`still running after ${Math.round((clock.now() - started) / 1000)} simulated seconds: ended as if Ctrl-C was pressed`)
      process.foreground().signal('SIGINT')
      await settle()
      if (!finished)
        process.signal('SIGKILL')
      break
    }
    return exited
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
  /** `exit` typed ahead while a command ran (the prompt's own `exit` is the caller's to handle). */
  onExit?: () => void
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
    return this.simulator.machine.prompt()
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
    const { process, program } = this.simulator.lineProcess(line, true, (stream, text) => this.options.onOutput(text, stream))
    this.current = process
    this.simulator.detachHook = (detach) => {
      this.detach = detach
    }
    void process.start(program).then(() => {
      this.current = null
      this.detach = null
      this.options.onOutput(this.prompt(), 'stdout')
      // Lines typed while the command did not read them wait for the shell, as a terminal buffers them.
      const typedAhead = process.stdin.lines.splice(0)
      const next = typedAhead.shift()
      if (next !== undefined) {
        if (next.trim() === 'exit' && this.options.onExit) {
          this.options.onExit()
          return
        }
        this.submit(next)
        ;(this.current as SimProcess | null)?.stdin.lines.push(...typedAhead)
      }
    })
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
