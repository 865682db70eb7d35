// Runs parsed shell code: variables, expansions, redirections, pipelines, control flow, builtins,
// traps, and other programs found on PATH. One class serves `sh -c`, scripts and interactive shells.

import type { FsError } from '../fs/errors'
import type { FileSystem, ProcessIO, Program } from '../process'
import type { ErrorPlace, ShellFlavour, ShellMode } from './flavours'
import type { Input, Output } from './streams'
import type { Command, List, Pipeline, Redirect, SimpleCommand, Word } from './syntax'
import { isFsError } from '../fs/errors'
import { resolvePath } from '../fs/filesystem'
import { Interrupted, SIGNAL_NUMBERS } from '../process'
import { BUILTINS } from './builtins'
import { expandToString, expandWord, globToRegex } from './expand'
import { FLAVOURS } from './flavours'
import { BrokenPipe, inputFromText, Pipe } from './streams'
import { parseScript, ShellSyntaxError } from './syntax'

/** What the shell finds for a command name: a program to run, or why not. */
export type Lookup
  = | { found: true, program: Program, path: string }
    | { found: false, reason: 'not-found' | 'no-such-file' | 'permission' | 'is-directory', path?: string }

export type ProgramLookup = (name: string, env: ReadonlyMap<string, string>, cwd: string, fs: FileSystem) => Lookup

export interface Streams {
  stdin: Input
  stdout: Output
  stderr: Output
  /** Standard output is the terminal (not a pipe or a file): `ls` prints columns then. */
  terminal?: boolean
}

/** `exit`, or the end of a script under `set -e`: unwinds to the shell's top. */
export class ExitRequest {
  constructor(readonly status: number) {}
}

class ReturnRequest {
  constructor(readonly status: number) {}
}

class LoopControl {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

/** A failed redirection or `${x:?}`: the command does not run. */
class CommandFailure {
  constructor(readonly status: number) {}
}

export interface ShellSetup {
  flavour: ShellFlavour
  mode: ShellMode
  /** $0 */
  name: string
  positional: string[]
  lookup: ProgramLookup
  io: ProcessIO
}

export class Shell {
  readonly flavour: ShellFlavour
  mode: ShellMode
  name: string
  positional: string[]
  readonly vars = new Map<string, string>()
  readonly exported = new Set<string>()
  readonly functions = new Map<string, Command>()
  readonly traps = new Map<string, string>()
  readonly options = { errexit: false, xtrace: false }
  status = 0
  cwd: string
  /** Added to a command's line within the source (interactive lines count up). */
  lineOffset = 0
  currentLine = 1
  private readonly jobs: Promise<number>[] = []
  private lastJob = 0
  readonly lookup: ProgramLookup
  readonly io: ProcessIO
  private subshell = false

  constructor(setup: ShellSetup) {
    this.flavour = setup.flavour
    this.mode = setup.mode
    this.name = setup.name
    this.positional = setup.positional
    this.lookup = setup.lookup
    this.io = setup.io
    this.cwd = setup.io.cwd
    for (const [key, value] of setup.io.env) {
      this.vars.set(key, value)
      this.exported.add(key)
    }
    if (!this.vars.has('PWD') || resolvePath('/', this.vars.get('PWD')!) !== this.cwd) {
      this.vars.set('PWD', this.cwd)
      this.exported.add('PWD')
    }
  }

  get flavourText() {
    return FLAVOURS[this.flavour]
  }

  place(): ErrorPlace {
    return { name: this.name, mode: this.mode, line: this.currentLine + this.lineOffset }
  }

  /** Environment handed to a child: the exported variables. */
  childEnv(extra: ReadonlyMap<string, string> = new Map()): Map<string, string> {
    const env = new Map<string, string>()
    for (const name of this.exported) {
      const value = this.vars.get(name)
      if (value !== undefined)
        env.set(name, value)
    }
    for (const [key, value] of extra)
      env.set(key, value)
    return env
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, value)
    if (this.exported.has(name))
      this.io.env.set(name, value)
  }

  /** A copy for `( … )`, `$( … )` and pipeline members: changes stay inside it. */
  fork(): Shell {
    const child = Object.create(Shell.prototype) as Shell
    Object.assign(child, this)
    Object.assign(child, {
      vars: new Map(this.vars),
      exported: new Set(this.exported),
      functions: new Map(this.functions),
      traps: new Map(),
      options: { ...this.options },
      positional: [...this.positional],
      jobs: [],
      subshell: true,
    })
    return child
  }

  /** Parses and runs source; a syntax error is reported in the shell's own words. */
  async runSource(source: string, streams: Streams): Promise<number> {
    let list: List
    try {
      list = parseScript(source)
    }
    catch (error) {
      if (error instanceof ShellSyntaxError) {
        this.currentLine = error.line
        const firstLine = source.split('\n')[error.line - 1] ?? source
        streams.stderr(`${this.flavourText.syntaxError(this.place(), error.token, firstLine, error.unterminated ? this.unterminatedText(error) : null)}\n`)
        this.status = this.flavourText.syntaxStatus
        return this.status
      }
      throw error
    }
    return this.runList(list, streams)
  }

  private unterminatedText(error: ShellSyntaxError): string {
    if (this.flavour === 'bash')
      return error.token === 'Unterminated quoted string' ? 'unexpected EOF while looking for matching `"\'' : `syntax error: ${error.token}`
    if (this.flavour === 'ash')
      return error.token === 'Unterminated quoted string' ? 'unterminated quoted string' : error.token
    return error.token
  }

  async runList(list: List, streams: Streams): Promise<number> {
    for (const item of list) {
      if (item.background) {
        const job = this.fork()
        const promise = job.runAndOr(item, streams).catch((error: unknown) => {
          if (error instanceof ExitRequest)
            return error.status
          throw error
        })
        this.jobs.push(promise)
        this.lastJob = 1000 + this.jobs.length
        this.status = 0
        continue
      }
      await this.runAndOr(item, streams)
    }
    return this.status
  }

  async waitForJobs(): Promise<void> {
    await Promise.all(this.jobs.splice(0))
  }

  get lastJobPid(): number {
    return this.lastJob
  }

  private async runAndOr(item: List[number], streams: Streams): Promise<number> {
    let status = await this.runPipeline(item.first, streams, item.rest.length > 0)
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&') === (status === 0))
        status = await this.runPipeline(pipeline, streams, pipeline !== item.rest[item.rest.length - 1]!.pipeline)
    }
    if (status !== 0 && this.options.errexit && !item.first.negate && item.rest.every(r => r.op !== '||'))
      throw new ExitRequest(status)
    return status
  }

  private async runPipeline(pipeline: Pipeline, streams: Streams, _inCondition: boolean): Promise<number> {
    let status: number
    if (pipeline.commands.length === 1) {
      status = await this.runCommand(pipeline.commands[0]!, streams)
    }
    else {
      const stages: Promise<number>[] = []
      let input = streams.stdin
      pipeline.commands.forEach((command, i) => {
        const last = i === pipeline.commands.length - 1
        const pipe = last ? null : new Pipe()
        const stageStreams: Streams = { stdin: input, stdout: pipe ? pipe.write : streams.stdout, stderr: streams.stderr, terminal: pipe ? false : streams.terminal }
        const stage = this.fork()
        const upstream = input
        stages.push((async () => {
          try {
            return await stage.runCommand(command, stageStreams)
          }
          catch (error) {
            if (error instanceof ExitRequest)
              return error.status
            if (error instanceof BrokenPipe)
              return 141
            throw error
          }
          finally {
            pipe?.closeWriter()
            if (upstream instanceof Pipe)
              upstream.closeReader()
          }
        })())
        if (pipe)
          input = pipe
      })
      const statuses = await Promise.all(stages)
      status = statuses[statuses.length - 1]!
    }
    if (pipeline.negate)
      status = status === 0 ? 1 : 0
    this.status = status
    return status
  }

  async runCommand(command: Command, streams: Streams): Promise<number> {
    try {
      switch (command.type) {
        case 'simple':
          this.currentLine = command.line
          this.status = await this.runSimple(command, streams)
          return this.status
        case 'function':
          this.functions.set(command.name, command.body)
          this.status = 0
          return 0
        default:
          return await this.withRedirects(command.redirects, streams, s => this.runCompound(command, s))
      }
    }
    catch (error) {
      if (error instanceof CommandFailure) {
        this.status = error.status
        return error.status
      }
      throw error
    }
  }

  private async runCompound(command: Exclude<Command, SimpleCommand | { type: 'function' }>, streams: Streams): Promise<number> {
    switch (command.type) {
      case 'group': {
        if (!command.subshell)
          return this.runList(command.body, streams)
        const child = this.fork()
        try {
          return this.status = await child.runList(command.body, streams)
        }
        catch (error) {
          if (error instanceof ExitRequest)
            return this.status = error.status
          throw error
        }
      }
      case 'if': {
        for (const branch of command.branches) {
          if (await this.runCondition(branch.condition, streams) === 0)
            return this.runList(branch.body, streams)
        }
        if (command.otherwise)
          return this.runList(command.otherwise, streams)
        return this.status = 0
      }
      case 'loop': {
        let status = 0
        while (true) {
          const test = await this.runCondition(command.condition, streams)
          if ((test === 0) === command.until)
            break
          const control = await this.runLoopBody(command.body, streams)
          status = this.status
          if (control === 'break')
            break
        }
        return this.status = status
      }
      case 'for': {
        const items = command.items ? await this.expandWords(command.items) : [...this.positional]
        let status = 0
        for (const item of items) {
          this.setVar(command.name, item)
          const control = await this.runLoopBody(command.body, streams)
          status = this.status
          if (control === 'break')
            break
        }
        return this.status = status
      }
      case 'case': {
        const subject = await expandToString(command.subject, this.expandContext())
        for (const arm of command.arms) {
          for (const pattern of arm.patterns) {
            const text = await expandPattern(pattern, this)
            if (globToRegex(text).test(subject))
              return this.runList(arm.body, streams)
          }
        }
        return this.status = 0
      }
    }
  }

  private async runCondition(list: List, streams: Streams): Promise<number> {
    const errexit = this.options.errexit
    this.options.errexit = false
    try {
      return await this.runList(list, streams)
    }
    finally {
      this.options.errexit = errexit
    }
  }

  private iterations = 0

  private async runLoopBody(body: List, streams: Streams): Promise<'break' | 'continue' | null> {
    // A loop with no sleep in it must not freeze the page: give the event loop a turn now and then.
    if (++this.iterations % 500 === 0)
      await new Promise(resolve => setTimeout(resolve, 0))
    try {
      await this.runList(body, streams)
      return null
    }
    catch (error) {
      if (error instanceof LoopControl) {
        if (error.levels > 1) {
          error.levels--
          throw error
        }
        return error.kind
      }
      throw error
    }
  }

  async expandWords(words: readonly Word[]): Promise<string[]> {
    const out: string[] = []
    for (const word of words)
      out.push(...await expandWord(word, this.expandContext()))
    return out
  }

  expandContext() {
    return {
      getVar: (name: string) => this.vars.get(name),
      setVar: (name: string, value: string) => this.setVar(name, value),
      positional: () => this.positional,
      special: (name: string) => this.special(name),
      substitute: (source: string) => this.substitute(source),
      fs: this.io.fs,
      cwd: this.cwd,
      fail: (message: string): never => {
        this.io.stderr(`${this.flavourText.builtin(this.place(), message.split(':')[0]!, message.slice(message.indexOf(':') + 2))}\n`)
        throw new CommandFailure(this.flavour === 'bash' ? 1 : 2)
      },
    }
  }

  private special(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status)
      case '$': return this.io.pid1 ? '1' : '7'
      case '#': return String(this.positional.length)
      case '0': return this.name
      case '*': return this.positional.join(' ')
      case '!': return this.lastJob ? String(this.lastJob) : ''
      case '-': return this.mode === 'interactive' ? 'i' : ''
      default: return undefined
    }
  }

  private async substitute(source: string): Promise<string> {
    const child = this.fork()
    let out = ''
    try {
      const collect = (text: string) => {
        out += text
      }
      await child.runSource(source, { stdin: inputFromText(''), stdout: collect, stderr: this.io.stderr })
      this.status = child.status
    }
    catch (error) {
      if (!(error instanceof ExitRequest))
        throw error
      this.status = error.status
    }
    return out
  }

  private async runSimple(command: SimpleCommand, streams: Streams): Promise<number> {
    const ctx = this.expandContext()
    const argv = await this.expandWords(command.words)
    const assigned = new Map<string, string>()
    for (const { name, value } of command.assignments)
      assigned.set(name, await expandToString(value, ctx))
    if (this.options.xtrace)
      streams.stderr(`+ ${[...[...assigned].map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`)
    if (!argv.length) {
      for (const [name, value] of assigned)
        this.setVar(name, value)
      return this.withRedirects(command.redirects, streams, async () => command.words.length ? 0 : this.status)
    }
    const name = argv[0]!
    const fn = this.functions.get(name)
    if (fn) {
      return this.withRedirects(command.redirects, streams, async (s) => {
        const saved = this.positional
        this.positional = argv.slice(1)
        try {
          return await this.runCommand(fn, s)
        }
        catch (error) {
          if (error instanceof ReturnRequest)
            return error.status
          throw error
        }
        finally {
          this.positional = saved
        }
      })
    }
    const builtin = BUILTINS[name]
    if (builtin && builtin.flavours.includes(this.flavour)) {
      return this.withRedirects(command.redirects, streams, async (s) => {
        // Assignments before a special builtin stay (POSIX); before a regular one they do not.
        for (const [key, value] of assigned)
          this.setVar(key, value)
        return builtin.run(this, argv, s)
      })
    }
    return this.withRedirects(command.redirects, streams, s => this.runProgram(argv, assigned, s))
  }

  /** Runs a program found on PATH, reporting a missing one as this shell does. */
  async runProgram(argv: string[], assigned: ReadonlyMap<string, string>, streams: Streams): Promise<number> {
    const name = argv[0]!
    const env = this.childEnv(assigned)
    const found = this.lookup(name, env, this.cwd, this.io.fs)
    if (!found.found) {
      streams.stderr(`${this.missingProgramText(name, found.reason)}\n`)
      return found.reason === 'permission' || found.reason === 'is-directory' ? 126 : 127
    }
    const pending: Interrupted[] = []
    const child: ProcessIO = {
      argv,
      env,
      cwd: this.cwd,
      fs: this.io.fs,
      clock: this.io.clock,
      network: this.io.network,
      tty: this.io.tty && streams.terminal !== false,
      pid1: false,
      ...(this.io.user ? { user: this.io.user } : {}),
      ...(this.io.system ? { system: this.io.system } : {}),
      stdout: streams.stdout,
      stderr: streams.stderr,
      readLine: prompt => streams.stdin.readLine(prompt),
      readChunk: () => streams.stdin.readChunk(),
      setSignal: () => {},
      signalledParent: (interrupt) => {
        if (!this.signalStaysWithShell(interrupt))
          return false
        pending.push(interrupt)
        return true
      },
      spawn: async (childArgv, options = {}) => this.fork().runProgram([...childArgv], options.env ?? new Map(), {
        stdin: options.readLine ? { readLine: options.readLine, readChunk: options.readChunk ?? (async () => null) } : streams.stdin,
        stdout: options.stdout ?? streams.stdout,
        stderr: options.stderr ?? streams.stderr,
      }),
    }
    let status: number
    try {
      status = await found.program(child)
    }
    catch (error) {
      if (error instanceof Interrupted)
        return this.takeSignal(error)
      throw error
    }
    // Signals that came while the child ran were the shell's: their traps run now (bash and dash wait for the foreground child).
    for (const interrupt of pending.splice(0))
      await this.takeSignal(interrupt)
    return status
  }

  /**
   * A signal sent to this shell alone (docker stop's SIGTERM to PID 1) leaves its foreground child running when
   * the shell traps it; Ctrl-C on a terminal reaches the child too (the whole foreground group).
   */
  private signalStaysWithShell(interrupt: Interrupted): boolean {
    if (interrupt.signal === 'SIGKILL' || !this.traps.has(interrupt.signal.replace(/^SIG/, '')))
      return false
    return !(interrupt.signal === 'SIGINT' && this.io.tty)
  }

  /** A signal that ended the foreground program: run the trap, or die of it. */
  async takeSignal(interrupt: Interrupted): Promise<number> {
    const action = this.traps.get(interrupt.signal.replace(/^SIG/, ''))
    if (interrupt.signal === 'SIGKILL' || action === undefined)
      throw interrupt
    if (action)
      await this.runSource(action, { stdin: inputFromText(''), stdout: this.io.stdout, stderr: this.io.stderr })
    return 128 + SIGNAL_NUMBERS[interrupt.signal]
  }

  missingProgramText(name: string, reason: Exclude<Lookup, { found: true }>['reason']): string {
    const place = this.place()
    if (reason === 'not-found' && (!name.includes('/') || this.flavour !== 'bash'))
      return this.flavourText.notFound(place, name)
    const prefix = this.flavour === 'dash'
      ? `${place.name}: ${place.line}: `
      : this.flavour === 'bash' ? (place.mode === 'interactive' || place.mode === 'stdin' ? `${place.name}: ` : `${place.name}: line ${place.line}: `) : `${place.name}: `
    if (this.flavour !== 'bash') {
      // dash and ash: exec(2) of a folder is EACCES; a missing path is "not found" like a missing name.
      const text = reason === 'not-found' || reason === 'no-such-file' ? 'not found' : 'Permission denied'
      return `${prefix}${name}: ${text}`
    }
    const text = { 'not-found': 'No such file or directory', 'no-such-file': 'No such file or directory', 'permission': 'Permission denied', 'is-directory': 'Is a directory' }[reason]
    return `${prefix}${name}: ${text}`
  }

  /** Applies redirections, runs `body` with the new streams, then closes files. */
  private async withRedirects(redirects: readonly Redirect[], streams: Streams, body: (s: Streams) => Promise<number>): Promise<number> {
    if (!redirects.length)
      return body(streams)
    const fds: [Input, Output, Output] = [streams.stdin, streams.stdout, streams.stderr]
    for (const redirect of redirects) {
      const fd = redirect.fd
      if (fd > 2)
        continue
      if (redirect.op === '<<') {
        const doc = redirect.hereDoc ?? { text: '', expand: false }
        const text = doc.expand ? await this.expandHereDoc(doc.text) : doc.text
        fds[0] = inputFromText(text)
        continue
      }
      const target = await expandToString(redirect.target, this.expandContext())
      if (redirect.op === '>&' || redirect.op === '<&') {
        const from = Number(target)
        if (target === '-' || Number.isNaN(from) || from > 2) {
          if (redirect.op === '>&' && Number.isNaN(from)) {
            // `>&file` is `>file 2>&1` in bash.
            const out = this.openOutput(target, false)
            fds[1] = out
            fds[2] = out
          }
          continue
        }
        if (fd === 0)
          continue
        fds[fd as 1 | 2] = fds[from as 1 | 2] as Output
        continue
      }
      if (redirect.op === '<') {
        fds[fd as 0] = this.openInput(target)
        continue
      }
      const out = this.openOutput(target, redirect.op === '>>')
      if (redirect.op === '&>') {
        fds[1] = out
        fds[2] = out
      }
      else {
        fds[fd as 1 | 2] = out
      }
    }
    return body({ stdin: fds[0], stdout: fds[1], stderr: fds[2], terminal: fds[1] === streams.stdout ? streams.terminal : false })
  }

  private async expandHereDoc(text: string): Promise<string> {
    const word = parseScript(`: "${text.replace(/["\\]/g, m => m === '"' ? '\\"' : '\\\\')}"`)[0]!.first.commands[0] as SimpleCommand
    return expandToString(word.words[1]!, this.expandContext())
  }

  private openOutput(target: string, append: boolean): Output {
    const path = resolvePath(this.cwd, target)
    if (path === '/dev/null')
      return () => {}
    if (path === '/dev/stdout')
      return this.io.stdout
    if (path === '/dev/stderr')
      return this.io.stderr
    try {
      const existing = this.io.fs.stat(path)
      if (existing?.kind === 'dir')
        throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' })
      this.io.fs.writeFile(path, '', { append: true })
      if (!append)
        this.io.fs.writeFile(path, '')
    }
    catch (error) {
      const code = isFsError(error) ? error.code : (error as FsError).code
      this.io.stderr(`${this.redirectPrefix()}${this.flavourText.cannotCreate(target, code)}\n`)
      throw new CommandFailure(this.flavourText.redirectStatus)
    }
    return text => this.io.fs.writeFile(path, text, { append: true })
  }

  private openInput(target: string): Input {
    const path = resolvePath(this.cwd, target)
    try {
      return inputFromText(path === '/dev/null' ? '' : this.io.fs.readFile(path))
    }
    catch (error) {
      if (!isFsError(error))
        throw error
      this.io.stderr(`${this.redirectPrefix()}${this.flavourText.cannotOpen(target, error.code)}\n`)
      throw new CommandFailure(this.flavourText.redirectStatus)
    }
  }

  private redirectPrefix(): string {
    const place = this.place()
    if (this.flavour === 'dash')
      return `${place.name}: ${place.line}: `
    if (this.flavour === 'bash')
      return place.mode === 'interactive' || place.mode === 'stdin' ? `${place.name}: ` : `${place.name}: line ${place.line}: `
    return `${place.name}: `
  }

  /** Runs the EXIT trap once, as the shell ends. */
  async runExitTrap(streams: Streams): Promise<void> {
    const action = this.traps.get('EXIT')
    if (!action)
      return
    this.traps.delete('EXIT')
    await this.runSource(action, streams)
  }

  isSubshell(): boolean {
    return this.subshell
  }

  returnFrom(status: number): never {
    throw new ReturnRequest(status)
  }

  loopControl(kind: 'break' | 'continue', levels: number): never {
    throw new LoopControl(kind, levels)
  }
}

async function expandPattern(word: Word, shell: Shell): Promise<string> {
  let out = ''
  for (const part of word.parts) {
    if (part.type === 'text' && !part.quoted)
      out += part.text
    else
      out += (await expandToString({ parts: [part], raw: '' }, shell.expandContext())).replace(/[*?[\]\\]/g, '\\$&')
  }
  return out
}
