// The shell as a program: `sh -c '…' [name args…]`, `sh script.sh args…`, or commands from standard
// input, interactive with a prompt when a terminal is attached (`docker run -it … bash`).

import type { ProcessIO, Program } from '../process'
import type { ShellFlavour, ShellMode } from './flavours'
import type { ProgramLookup, Streams } from './interpreter'
import { resolvePath } from '../fs/filesystem'
import { Interrupted, SIGNAL_NUMBERS } from '../process'
import { systemTool } from '../system-tools'
import { resolveUser } from '../users'
import { promptOf } from './flavours'
import { ExitRequest, Shell } from './interpreter'
import { inputFromLines } from './streams'
import { parseScript, ShellSyntaxError } from './syntax'

export type { ShellFlavour } from './flavours'
export { promptOf } from './flavours'
export type { Lookup, ProgramLookup, Streams } from './interpreter'
export { ExitRequest, Shell } from './interpreter'

export interface ShellProgramOptions {
  flavour: ShellFlavour
  /** Finds other programs by name on PATH (the image's files). */
  lookup: ProgramLookup
}

/** In a container, `ps`, `df`, `wget` and `ping` read its kernel view (lib/docker-sim/system-tools.ts) when the image has them. */
function withSystemTools(lookup: ProgramLookup): ProgramLookup {
  return (name, env, cwd, fs) => {
    const found = lookup(name, env, cwd, fs)
    if (!found.found || fs.readFile(found.path) !== '')
      return found
    const tool = systemTool(found.path.split('/').pop()!, fs.stat('/bin/busybox') ? 'busybox' : 'gnu')
    return tool ? { ...found, program: tool } : found
  }
}

export function shellProgram(options: ShellProgramOptions): Program {
  return async (io: ProcessIO) => {
    const args = io.argv.slice(1)
    let mode: ShellMode = 'stdin'
    let name = io.argv[0] ?? 'sh'
    let positional: string[] = []
    let source: string | null = null
    let forceInteractive = false
    while (args[0] && /^-[a-z]+$/.test(args[0]) && args[0] !== '-c') {
      if (args[0].includes('i'))
        forceInteractive = true
      args.shift()
    }
    if (args[0] === '-c') {
      if (args.length < 2) {
        io.stderr(options.flavour === 'bash' ? `${name}: -c: option requires an argument\n` : `${name}: -c requires an argument\n`)
        return 2
      }
      mode = 'command'
      source = args[1]!
      if (args[2] !== undefined)
        name = args[2]
      positional = args.slice(3)
    }
    else if (args[0] !== undefined) {
      const path = resolvePath(io.cwd, args[0])
      try {
        source = io.fs.readFile(path)
      }
      catch {
        io.stderr(options.flavour === 'bash'
          ? `${name}: ${args[0]}: No such file or directory\n`
          : options.flavour === 'dash' ? `${name}: 0: cannot open ${args[0]}: No such file\n` : `${name}: can't open '${args[0]}': No such file or directory\n`)
        return options.flavour === 'bash' ? 127 : 2
      }
      mode = 'script'
      name = args[0]
      positional = args.slice(1)
    }
    else if (io.tty || forceInteractive) {
      mode = 'interactive'
    }
    const shell = new Shell({ flavour: options.flavour, mode, name, positional, lookup: io.system ? withSystemTools(options.lookup) : options.lookup, io })
    const history: string[] = []
    const streams: Streams = { stdin: inputFromLines(io.readLine, io.readChunk), stdout: io.stdout, stderr: io.stderr, terminal: io.tty }
    try {
      if (source !== null)
        await shell.runSource(source, streams)
      else
        await readEvalLoop(shell, io, streams, history)
      await shell.runExitTrap(streams)
      saveHistory(shell, io, history)
      return shell.status
    }
    catch (error) {
      if (error instanceof ExitRequest) {
        await shell.runExitTrap(streams)
        saveHistory(shell, io, history)
        return error.status
      }
      if (error instanceof Interrupted && error.signal !== 'SIGKILL' && shell.traps.has('EXIT')) {
        await shell.runExitTrap(streams)
        return 128 + SIGNAL_NUMBERS[error.signal]
      }
      throw error
    }
  }
}

/** Reads commands a line at a time; a construct left open (`for …; do`) continues on the next line. */
/**
 * An interactive bash writes what was typed to ~/.bash_history when it exits normally (not when killed,
 * so a container stopped with SIGKILL keeps none): `docker diff` then shows `A /root/.bash_history`.
 */
function saveHistory(shell: Shell, io: ProcessIO, history: readonly string[]): void {
  if (shell.flavour !== 'bash' || shell.mode !== 'interactive' || !history.length)
    return
  const home = shell.vars.get('HOME')
  if (!home)
    return
  try {
    io.fs.writeFile(`${home.replace(/\/$/, '')}/.bash_history`, history.map(line => `${line}\n`).join(''), { append: true, mode: 0o600 })
  }
  catch {
    // A read-only or missing home: bash says nothing either.
  }
}

async function readEvalLoop(shell: Shell, io: ProcessIO, streams: Streams, history: string[]): Promise<void> {
  const interactive = shell.mode === 'interactive'
  let pending = ''
  let lineNumber = 0
  while (true) {
    const prompt = interactive ? (pending ? (shell.vars.get('PS2') ?? '> ') : promptOf(shell.flavour, shell.vars, shell.cwd, io.user ? resolveUser(io.fs, io.user) ?? undefined : undefined)) : undefined
    let line: string | null
    try {
      line = await io.readLine(prompt)
    }
    catch (error) {
      // Ctrl-C at the prompt drops the line; the shell stays.
      if (interactive && error instanceof Interrupted && error.signal === 'SIGINT') {
        io.stdout('\n')
        pending = ''
        shell.status = 130
        continue
      }
      throw error
    }
    if (line === null) {
      if (interactive && shell.flavour === 'bash')
        io.stderr('exit\n')
      return
    }
    lineNumber++
    if (interactive && line.trim())
      history.push(line)
    const text = pending ? `${pending}\n${line}` : line
    if (needsMore(text)) {
      pending = text
      continue
    }
    pending = ''
    shell.lineOffset = lineNumber - text.split('\n').length
    try {
      await shell.runSource(text, streams)
    }
    catch (error) {
      if (interactive && error instanceof Interrupted && error.signal === 'SIGINT') {
        io.stdout('\n')
        shell.status = 130
        continue
      }
      throw error
    }
  }
}

/** True when the text stops inside a quote, a `$(`, or an unclosed `if`/`for`/`while`/`{`. */
function needsMore(text: string): boolean {
  try {
    parseScript(text)
    return /\\$/.test(text)
  }
  catch (error) {
    return error instanceof ShellSyntaxError && (error.token === 'end of file' || error.unterminated)
  }
}
