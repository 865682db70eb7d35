// Commands the shell runs itself. Each says which shells have it; the messages are theirs.

import type { Signal } from '../process'
import type { ShellFlavour } from './flavours'
import type { Shell, Streams } from './interpreter'
import { resolvePath } from '../fs/filesystem'
import { Interrupted, SIGNAL_NUMBERS } from '../process'
import { ExitRequest } from './interpreter'
import { evaluateTest } from './test-expression'

interface Builtin {
  flavours: readonly ShellFlavour[]
  run: (shell: Shell, argv: string[], streams: Streams) => Promise<number>
}

const ALL: readonly ShellFlavour[] = ['dash', 'bash', 'ash']

function complain(shell: Shell, streams: Streams, builtin: string, message: string): void {
  streams.stderr(`${shell.flavourText.builtin(shell.place(), builtin, message)}\n`)
}

/** Backslash escapes of `echo -e`, dash's echo and `printf %b`; `\c` ends the output. */
export function expandEscapes(text: string): { text: string, stop: boolean } {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c !== '\\' || i === text.length - 1) {
      out += c
      continue
    }
    const n = text[++i]!
    const simple: Record<string, string> = { 'n': '\n', 't': '\t', 'r': '\r', 'a': '\x07', 'b': '\b', 'f': '\f', 'v': '\v', 'e': '\x1B', '\\': '\\' }
    if (n in simple) {
      out += simple[n]
    }
    else if (n === 'c') {
      return { text: out, stop: true }
    }
    else if (n === '0') {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0]
      out += String.fromCharCode(Number.parseInt(digits || '0', 8))
      i += digits.length
    }
    else {
      out += `\\${n}`
    }
  }
  return { text: out, stop: false }
}

/** printf(1) as the shells' builtins do it: the format is reused until the arguments run out. */
export function formatPrintf(format: string, args: string[]): { text: string, error?: string } {
  let out = ''
  let index = 0
  let error: string | undefined
  const next = () => args[index++] ?? ''
  do {
    const start = index
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!
      if (c === '\\') {
        const escaped = expandEscapes(format.slice(i, i + 2))
        if (format[i + 1] === '0' || /[0-7]/.test(format[i + 1] ?? '')) {
          const digits = /^0?[0-7]{0,3}/.exec(format.slice(i + 1))![0]
          out += String.fromCharCode(Number.parseInt(digits || '0', 8))
          i += digits.length
          continue
        }
        out += escaped.text
        i++
        continue
      }
      if (c !== '%') {
        out += c
        continue
      }
      const spec = /^%([-+ 0#]*)([1-9]\d*|\*)?(?:\.(\d+))?([sdiouxXcbf%])/.exec(format.slice(i))
      if (!spec) {
        out += c
        continue
      }
      i += spec[0].length - 1
      const [, flags = '', widthText, precision, conv] = spec
      if (conv === '%') {
        out += '%'
        continue
      }
      const width = widthText === '*' ? Number(next()) : Number(widthText ?? 0)
      let value: string
      const arg = next()
      switch (conv) {
        case 's':
          value = precision !== undefined ? arg.slice(0, Number(precision)) : arg
          break
        case 'b':
          value = expandEscapes(arg).text
          break
        case 'c':
          value = arg.slice(0, 1)
          break
        case 'f':
          value = (Number(arg) || 0).toFixed(precision !== undefined ? Number(precision) : 6)
          break
        default: {
          const number = arg === '' ? 0 : /^[-+]?\d+$/.test(arg) ? Number(arg) : /^'./.test(arg) ? arg.codePointAt(1)! : Number.NaN
          if (Number.isNaN(number)) {
            error = `${arg}: invalid number`
            value = '0'
          }
          else {
            const radix = conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10
            value = Math.trunc(number).toString(radix)
            if (conv === 'X')
              value = value.toUpperCase()
            if (flags.includes('+') && number >= 0 && radix === 10)
              value = `+${value}`
          }
        }
      }
      if (value.length < width)
        value = flags.includes('-') ? value.padEnd(width) : value.padStart(width, flags.includes('0') && conv !== 's' ? '0' : ' ')
      out += value
    }
    if (index === start)
      break
  } while (index < args.length)
  return { text: out, error }
}

function signalOf(name: string): Signal | 'EXIT' | null {
  const upper = name.toUpperCase().replace(/^SIG/, '')
  if (upper === 'EXIT' || upper === '0')
    return 'EXIT'
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
    if (signal === `SIG${upper}` || String(number) === upper)
      return signal as Signal
  }
  return null
}

export const BUILTINS: Record<string, Builtin> = {
  ':': { flavours: ALL, run: async () => 0 },
  'true': { flavours: ALL, run: async () => 0 },
  'false': { flavours: ALL, run: async () => 1 },

  'echo': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      let args = argv.slice(1)
      let newline = true
      let escapes = shell.flavour === 'dash'
      while (args.length && /^-[neE]+$/.test(args[0]!) && (shell.flavour !== 'dash' || args[0] === '-n')) {
        for (const flag of args[0]!.slice(1)) {
          if (flag === 'n')
            newline = false
          else
            escapes = flag === 'e'
        }
        args = args.slice(1)
      }
      let text = args.join(' ')
      if (escapes) {
        const expanded = expandEscapes(text)
        text = expanded.text
        if (expanded.stop)
          newline = false
      }
      streams.stdout(newline ? `${text}\n` : text)
      return 0
    },
  },

  'printf': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      if (argv.length < 2) {
        streams.stderr(shell.flavour === 'bash'
          ? `${shell.flavourText.builtin(shell.place(), 'printf', 'usage: printf [-v var] format [arguments]')}\n`
          : shell.flavour === 'dash' ? `${shell.name}: ${shell.place().line}: printf: usage: printf format [arg ...]\n` : 'printf: usage: printf FORMAT [ARGUMENT...]\n')
        return shell.flavour === 'bash' ? 2 : 2
      }
      const { text, error } = formatPrintf(argv[1]!, argv.slice(2))
      streams.stdout(text)
      if (error) {
        complain(shell, streams, 'printf', error)
        return 1
      }
      return 0
    },
  },

  'pwd': {
    flavours: ALL,
    run: async (shell, _argv, streams) => {
      streams.stdout(`${shell.cwd}\n`)
      return 0
    },
  },

  'cd': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      let target = argv[1]
      let print = false
      if (target === undefined) {
        target = shell.vars.get('HOME')
        if (!target) {
          complain(shell, streams, 'cd', 'HOME not set')
          return 1
        }
      }
      if (target === '-') {
        target = shell.vars.get('OLDPWD') ?? shell.cwd
        print = true
      }
      const path = resolvePath(shell.cwd, target)
      const stat = shell.io.fs.stat(path)
      if (!stat || stat.kind !== 'dir') {
        const failed = shell.flavourText.cdFailed(target, stat ? 'ENOTDIR' : 'ENOENT')
        complain(shell, streams, 'cd', failed.message)
        return failed.status
      }
      shell.setVar('OLDPWD', shell.cwd)
      shell.exported.add('OLDPWD')
      shell.cwd = path
      shell.setVar('PWD', path)
      if (!shell.isSubshell())
        shell.io.cwd = path
      if (print)
        streams.stdout(`${path}\n`)
      return 0
    },
  },

  'export': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      const names = argv.slice(1).filter(a => a !== '-p')
      if (!names.length) {
        for (const name of [...shell.exported].sort()) {
          const value = shell.vars.get(name)
          if (value === undefined)
            continue
          const quoted = `'${value.replace(/'/g, '\'"\'"\'')}'`
          streams.stdout(shell.flavour === 'bash' ? `declare -x ${name}="${value.replace(/["\\$`]/g, '\\$&')}"\n` : `export ${name}=${quoted}\n`)
        }
        return 0
      }
      for (const item of names) {
        const eq = item.indexOf('=')
        const name = eq === -1 ? item : item.slice(0, eq)
        if (!/^[A-Z_]\w*$/i.test(name)) {
          complain(shell, streams, 'export', shell.flavour === 'bash' ? `\`${item}': not a valid identifier` : `${item}: bad variable name`)
          return shell.flavour === 'bash' ? 1 : 2
        }
        shell.exported.add(name)
        if (eq !== -1)
          shell.setVar(name, item.slice(eq + 1))
        const value = shell.vars.get(name)
        if (value !== undefined && !shell.isSubshell())
          shell.io.env.set(name, value)
      }
      return 0
    },
  },

  'unset': {
    flavours: ALL,
    run: async (shell, argv) => {
      for (const name of argv.slice(1).filter(a => !a.startsWith('-'))) {
        shell.vars.delete(name)
        shell.exported.delete(name)
        shell.functions.delete(name)
        if (!shell.isSubshell())
          shell.io.env.delete(name)
      }
      return 0
    },
  },

  'exit': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      const arg = argv[1]
      if (shell.mode === 'interactive' && shell.flavour === 'bash' && !shell.isSubshell())
        streams.stderr('exit\n')
      if (arg !== undefined && !/^-?\d+$/.test(arg)) {
        complain(shell, streams, 'exit', shell.flavour === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`)
        throw new ExitRequest(2)
      }
      throw new ExitRequest(arg === undefined ? shell.status : ((Number(arg) % 256) + 256) % 256)
    },
  },

  'return': {
    flavours: ALL,
    run: async (shell, argv) => shell.returnFrom(argv[1] === undefined ? shell.status : Number(argv[1])),
  },
  'break': { flavours: ALL, run: async (shell, argv) => shell.loopControl('break', Number(argv[1] ?? 1)) },
  'continue': { flavours: ALL, run: async (shell, argv) => shell.loopControl('continue', Number(argv[1] ?? 1)) },

  'shift': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      const n = Number(argv[1] ?? 1)
      if (n > shell.positional.length) {
        complain(shell, streams, 'shift', shell.flavour === 'bash' ? 'shift count out of range' : `can't shift that many`)
        return shell.flavour === 'bash' ? 1 : 2
      }
      shell.positional = shell.positional.slice(n)
      return 0
    },
  },

  'set': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      if (argv.length === 1) {
        for (const [name, value] of [...shell.vars].sort(([a], [b]) => a < b ? -1 : 1))
          streams.stdout(`${name}='${value.replace(/'/g, '\'"\'"\'')}'\n`)
        return 0
      }
      let i = 1
      for (; i < argv.length; i++) {
        const arg = argv[i]!
        if (arg === '--') {
          i++
          break
        }
        if (!/^[-+][a-z]+$/.test(arg))
          break
        for (const letter of arg.slice(1)) {
          const on = arg[0] === '-'
          if (letter === 'e') {
            shell.options.errexit = on
          }
          else if (letter === 'x') {
            shell.options.xtrace = on
          }
          else if (letter !== 'u') {
            complain(shell, streams, 'set', shell.flavour === 'bash' ? `-${letter}: invalid option` : `Illegal option -${letter}`)
            return 2
          }
        }
      }
      if (i < argv.length)
        shell.positional = argv.slice(i)
      return 0
    },
  },

  'trap': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      if (argv.length === 1) {
        for (const [signal, action] of shell.traps)
          streams.stdout(`trap -- '${action}' ${signal}\n`)
        return 0
      }
      const action = argv[1]!
      for (const name of argv.slice(2)) {
        const signal = signalOf(name)
        if (!signal) {
          complain(shell, streams, 'trap', shell.flavour === 'bash' ? `${name}: invalid signal specification` : `${name}: bad trap`)
          return 1
        }
        const key = signal === 'EXIT' ? 'EXIT' : signal.replace(/^SIG/, '')
        if (action === '-') {
          shell.traps.delete(key)
          if (signal !== 'EXIT')
            shell.io.setSignal(signal, 'default')
        }
        else {
          shell.traps.set(key, action)
          if (signal !== 'EXIT')
            shell.io.setSignal(signal, action === '' ? 'ignore' : 'handle')
        }
      }
      return 0
    },
  },

  'read': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      const args = argv.slice(1)
      const raw = args[0] === '-r'
      const names = raw ? args.slice(1) : args
      let line = await streams.stdin.readLine()
      if (line === null)
        return 1
      if (!raw)
        line = line.replace(/\\(.)/g, '$1')
      const targets = names.length ? names : ['REPLY']
      const fields = line.trim().split(/[ \t]+/)
      targets.forEach((name, i) => {
        const value = i === targets.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')
        shell.setVar(name, value)
      })
      return 0
    },
  },

  'kill': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      const args = argv.slice(1)
      let signal: Signal = 'SIGTERM'
      if (args[0] === '-s' || args[0] === '-n') {
        args.shift()
        const named = signalOf(args.shift() ?? '')
        if (!named || named === 'EXIT')
          return (complain(shell, streams, 'kill', shell.flavour === 'bash' ? `${argv[2]}: invalid signal specification` : `invalid signal number or name: ${argv[2]}`), 1)
        signal = named
      }
      else if (args[0]?.startsWith('-') && args[0] !== '--') {
        const named = signalOf(args[0].slice(1))
        if (!named || named === 'EXIT')
          return (complain(shell, streams, 'kill', shell.flavour === 'bash' ? `${args[0].slice(1)}: invalid signal specification` : `invalid signal number or name: ${args[0].slice(1)}`), 1)
        signal = named
        args.shift()
      }
      if (args[0] === '--')
        args.shift()
      if (args.length === 0) {
        complain(shell, streams, 'kill', shell.flavour === 'bash' ? 'usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]' : 'usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]')
        return shell.flavour === 'bash' ? 2 : 1
      }
      let status = 0
      const own = shell.io.pid1 ? 1 : 7
      for (const target of args) {
        const pid = Number(target)
        if (!/^-?\d+$/.test(target)) {
          complain(shell, streams, 'kill', shell.flavour === 'bash' ? `${target}: arguments must be process or job IDs` : `invalid number '${target}'`)
          status = 1
          continue
        }
        if (pid === own) {
          // Its own PID: PID 1 of a container gets only what it traps (pid_namespaces(7): not even SIGKILL).
          const trapped = shell.traps.has(signal.replace(/^SIG/, ''))
          if (trapped)
            await shell.takeSignal(new Interrupted(signal))
          else if (!shell.io.pid1 && signal !== 'SIGCONT' && signal !== 'SIGWINCH')
            throw new Interrupted(signal)
          continue
        }
        if (!shell.io.system?.signal(pid, signal)) {
          streams.stderr(shell.flavour === 'bash'
            ? `${shell.flavourText.builtin(shell.place(), 'kill', `(${pid}) - No such process`)}\n`
            : shell.flavour === 'dash' ? `${shell.flavourText.builtin(shell.place(), 'kill', 'No such process')}\n` : `${shell.place().name}: can't kill pid ${pid}: No such process\n`)
          status = 1
        }
      }
      return status
    },
  },

  'wait': {
    flavours: ALL,
    run: async (shell) => {
      await shell.waitForJobs()
      return 0
    },
  },

  'eval': {
    flavours: ALL,
    run: async (shell, argv, streams) => shell.runSource(argv.slice(1).join(' '), streams),
  },

  '.': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      const file = argv[1]
      if (!file) {
        complain(shell, streams, '.', shell.flavour === 'bash' ? 'filename argument required' : 'missing filename')
        return 2
      }
      const path = resolvePath(shell.cwd, file)
      let source: string
      try {
        source = shell.io.fs.readFile(path)
      }
      catch {
        if (shell.flavour === 'bash') {
          streams.stderr(`${shell.flavourText.notFound(shell.place(), file).replace(/command not found$/, 'No such file or directory')}\n`)
          return 1
        }
        // `.` is a special builtin: its failure ends a non-interactive dash or ash.
        complain(shell, streams, '.', shell.flavour === 'dash' ? `cannot open ${file}: No such file` : `can't open '${file}': No such file or directory`)
        if (shell.mode !== 'interactive')
          throw new ExitRequest(2)
        return 2
      }
      return shell.runSource(source, streams)
    },
  },

  'command': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      if (argv[1] === '-v') {
        const name = argv[2] ?? ''
        if (BUILTINS[name] || shell.functions.has(name)) {
          streams.stdout(`${name}\n`)
          return 0
        }
        const found = shell.lookup(name, shell.childEnv(), shell.cwd, shell.io.fs)
        if (found.found) {
          streams.stdout(`${found.path}\n`)
          return 0
        }
        return shell.flavour === 'bash' ? 1 : 127
      }
      return shell.runProgram(argv.slice(1), new Map(), streams)
    },
  },

  'type': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      let status = 0
      for (const name of argv.slice(1)) {
        if (shell.functions.has(name)) {
          streams.stdout(`${name} is a ${shell.flavour === 'bash' ? 'function' : 'shell function'}\n`)
          continue
        }
        if (BUILTINS[name]) {
          streams.stdout(`${name} is a shell builtin\n`)
          continue
        }
        const found = shell.lookup(name, shell.childEnv(), shell.cwd, shell.io.fs)
        if (found.found) {
          streams.stdout(`${name} is ${found.path}\n`)
          continue
        }
        status = shell.flavour === 'bash' ? 1 : 127
        if (shell.flavour === 'bash')
          streams.stderr(`${shell.flavourText.builtin(shell.place(), 'type', `${name}: not found`)}\n`)
        else
          streams.stdout(`${name}: not found\n`)
      }
      return status
    },
  },

  'exec': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      if (argv.length < 2)
        return 0
      throw new ExitRequest(await shell.runProgram(argv.slice(1), new Map(), streams))
    },
  },

  'local': {
    flavours: ['dash', 'bash', 'ash'],
    run: async (shell, argv) => {
      for (const item of argv.slice(1)) {
        const eq = item.indexOf('=')
        if (eq !== -1)
          shell.setVar(item.slice(0, eq), item.slice(eq + 1))
      }
      return 0
    },
  },

  'test': { flavours: ALL, run: async (shell, argv, streams) => evaluateTest(shell, argv.slice(1), streams, 'test') },
  '[': {
    flavours: ALL,
    run: async (shell, argv, streams) => {
      if (argv[argv.length - 1] !== ']') {
        complain(shell, streams, '[', shell.flavour === 'bash' ? 'missing `]\'' : 'missing ]')
        return 2
      }
      return evaluateTest(shell, argv.slice(1, -1), streams, '[')
    },
  },

}

BUILTINS.source = { ...BUILTINS['.']!, flavours: ['bash', 'ash'] }
