// Reads a command's words the way the docker client does (cobra + pflag): global options before the
// command, combined shorthands, attached values, `--`, interspersed flags except after the image of
// `run`/`create` and the container of `exec`, argument counts and the client's cross-flag checks.

import type { ShellCommand, Word } from './tokenize'
import type { ArgSpec, CommandSpec, CommandTrait, Diagnostic, ErrorCode, FlagSpec, ImageReference, Span } from './types'
import type { FlagValue, MountValue } from './values'
import { commandHasTrait, findFlag, resolveCommand, ROOT_COMMAND, suggestCommand, suggestFlag } from './grammar'
import { namesAPath } from './placeholders'
import { isLoopHeader, SHELL_KEYWORDS } from './shell-syntax'
import { overlapsExpansion, valueSpan } from './tokenize'
import { checkFlagValue, parseImageReference, valueOfKind } from './values'

export interface CommandFlag {
  spec: FlagSpec
  scope: 'global' | 'command'
  /** As written: `--publish`, `-p`; inside `-it`, `-i` and `-t`. */
  written: string
  /** The word holding the flag's name. */
  word: Word
  /** The name's own span (`t` in `-it` is one character). */
  nameSpan: Span
  /** Name and value together, over two words for `-p 80:80`. */
  span: Span
  /** The value as given; null for a bool flag written alone. */
  value: string | null
  valueWord: Word | null
  valueSpan: Span | null
  /** Where the value starts inside `valueWord.value`. */
  valueOffset: number
  /** One of several shorthands in one word (`-itd`). */
  combined: boolean
  /** What the flag is set to: `true` for a bool flag written alone. */
  effective: string
  /**
   * The value read once, typed (ports, mount, env, restart policy, bytes…); null when the client
   * refuses it. A value the shell fills in is read as far as it can be, and never judged.
   */
  typed: FlagValue | null
  /** A value the client accepts but the daemon will refuse, with the span of the faulty part. */
  daemonRefusal?: Span & { message: string }
}

export interface ParsedArg {
  word: Word
  spec: ArgSpec | null
}

export interface ParsedCommand {
  /**
   * Before the program: `NAME=value` assignments, `sudo`, and the shell's keywords (`do`, `then`,
   * `if`…). A loop header `for NAME in WORDS` is all prefix: its variable and the words it takes.
   */
  prefix: { word: Word, kind: 'assignment' | 'sudo' | 'keyword' | 'loop-variable' | 'loop-item' }[]
  program: Word | null
  isDocker: boolean
  globalFlags: CommandFlag[]
  commandWords: Word[]
  spec: CommandSpec | null
  flags: CommandFlag[]
  args: ParsedArg[]
  /** The image argument, read once; null when there is none or it is not a valid reference. */
  image: ImageReference | null
  /** `--`: everything after it is an argument. */
  separator: Word | null
  /** Flags docker does not know, and `--help`/`-h` (kept so every word is accounted for). */
  unknownFlags: Word[]
  helpFlags: Word[]
  /** docker prints help instead of running: `docker`, `docker container`, `--help`. */
  help: boolean
  /** `docker --version`. */
  version: boolean
  errors: Diagnostic[]
}

type FlagLookup = (name: string, isShort: boolean) => FlagSpec | undefined

/** A flag of the command; an old spelling (`--net`) is read as the flag it stands for (`--network`). */
function commandFlag(spec: CommandSpec): FlagLookup {
  return (name, isShort) => {
    const flag = findFlag(spec, name, isShort)
    return flag?.aliasOf ? (findFlag(spec, flag.aliasOf, false) ?? flag) : flag
  }
}

function spanOf(a: Span, b: Span = a): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}

interface FlagScan {
  flags: CommandFlag[]
  positionals: Word[]
  separator: Word | null
  unknown: Word[]
  help: Word[]
  errors: Diagnostic[]
}

interface ScanOptions {
  scope: 'global' | 'command'
  /** false: the first positional word ends flag parsing; it and all later words are arguments. */
  interspersed: boolean
  /** false for commands whose tables do not list every flag: unknown flags are then not errors. */
  strict: boolean
  /** Used for suggestions: `docker` itself for the global options. */
  spec: CommandSpec
  /** Where help shorthand `-h` is free (no flag of the table uses it). */
  helpShorthand: boolean
}

/** pflag's loop over the words, from `from`, against one flag table. */
export function scanFlags(words: readonly Word[], from: number, lookup: FlagLookup, options: ScanOptions): FlagScan {
  const scan: FlagScan = { flags: [], positionals: [], separator: null, unknown: [], help: [], errors: [] }
  let i = from
  const take = (): Word | undefined => words[i++]

  const record = (
    spec: FlagSpec,
    word: Word,
    written: string,
    nameSpan: Span,
    combined: boolean,
    attached: { value: string, offset: number } | null,
  ) => {
    let value: string | null = null
    let valueWord: Word | null = null
    let offset = 0
    if (attached) {
      value = attached.value
      valueWord = word
      offset = attached.offset
    }
    else if (spec.type !== 'bool') {
      const next = take()
      if (!next) {
        scan.errors.push({
          code: 'FLAG_NEEDS_VALUE',
          severity: 'error',
          end: nameSpan.end,
          start: word.start,
          message: `${written} needs a value, and nothing follows it.`,
        })
        scan.unknown.push(word)
        return
      }
      value = next.value
      valueWord = next
    }
    const vSpan = valueWord ? valueSpan(valueWord, offset, offset + (value?.length ?? 0)) : null
    scan.flags.push({
      spec,
      scope: options.scope,
      written,
      word,
      nameSpan,
      span: spanOf(combined ? nameSpan : word, valueWord ?? word),
      value,
      valueWord,
      valueSpan: vSpan,
      valueOffset: offset,
      combined,
      effective: value ?? 'true',
      typed: value === null ? { kind: 'bool', value: true } : null,
    })
  }

  /** A flag the command does not have: kept aside, and an error (with a near name) in strict mode. */
  const unknownFlag = (word: Word, message: string) => {
    scan.unknown.push(word)
    if (!options.strict)
      return
    const suggestion = suggestFlag(options.spec, word.value) ?? undefined
    scan.errors.push({
      code: 'UNKNOWN_FLAG',
      severity: 'error',
      start: word.start,
      end: word.end,
      message: `${message}${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      ...(suggestion ? { suggestion } : {}),
    })
  }

  while (i < words.length) {
    const word = take()!
    const s = word.value
    if (s.length < 2 || s[0] !== '-') {
      if (!options.interspersed) {
        scan.positionals.push(word, ...words.slice(i))
        return scan
      }
      scan.positionals.push(word)
      continue
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        scan.separator = word
        scan.positionals.push(...words.slice(i))
        return scan
      }
      const body = s.slice(2)
      if (body[0] === '-' || body[0] === '=') {
        scan.errors.push({ code: 'BAD_FLAG_SYNTAX', severity: 'error', start: word.start, end: word.end, message: `Bad flag syntax: ${s}.` })
        scan.unknown.push(word)
        continue
      }
      const eq = body.indexOf('=')
      const name = eq < 0 ? body : body.slice(0, eq)
      const spec = lookup(name, false)
      const nameSpan = valueSpan(word, 0, 2 + name.length)
      if (name === 'help' && (!spec || spec.long === 'help')) {
        scan.help.push(word)
        continue
      }
      if (!spec) {
        unknownFlag(word, `Unknown flag: --${name}.`)
        continue
      }
      record(spec, word, `--${name}`, nameSpan, false, eq < 0 ? null : { value: body.slice(eq + 1), offset: 3 + eq })
      continue
    }
    // One or more shorthands: -i, -it, -p80:80, -e=X
    let k = 1
    while (k < s.length) {
      const c = s[k]!
      const spec = lookup(c, true)
      const combined = s.length > 2
      const nameSpan = valueSpan(word, combined ? k : 0, k + 1)
      if (!spec) {
        if (c === 'h' && options.helpShorthand) {
          scan.help.push(word)
          k++
          continue
        }
        unknownFlag(word, `Unknown shorthand flag: '${c}' in ${s}.`)
        break
      }
      const rest = s.slice(k + 1)
      if (rest.length > 1 && rest[0] === '=') {
        record(spec, word, `-${c}`, nameSpan, combined, { value: rest.slice(1), offset: k + 2 })
        break
      }
      if (spec.type === 'bool') {
        record(spec, word, `-${c}`, nameSpan, combined, null)
        k++
        continue
      }
      record(spec, word, `-${c}`, nameSpan, combined, rest.length > 0 ? { value: rest, offset: k + 1 } : null)
      break
    }
  }
  return scan
}

function isAssignment(word: Word): boolean {
  return /^[A-Z_]\w*=/i.test(word.raw)
}

function isDockerProgram(value: string): boolean {
  const base = value.split(/[\\/]/).pop()!.toLowerCase()
  return base === 'docker' || base === 'docker.exe'
}

/** How many words each argument takes: each its minimum, then the rest in order up to each maximum. */
function distribute(words: Word[], specs: readonly ArgSpec[]): ParsedArg[] {
  const out: ParsedArg[] = []
  let index = 0
  specs.forEach((spec, n) => {
    const laterMinimum = specs.slice(n + 1).reduce((sum, s) => sum + s.min, 0)
    const available = Math.max(0, words.length - index - laterMinimum)
    const count = Math.min(available, spec.max ?? Infinity)
    for (let j = 0; j < count; j++) out.push({ word: words[index++]!, spec })
  })
  while (index < words.length) out.push({ word: words[index++]!, spec: null })
  return out
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The client's own count check, in its words. */
function countError(spec: CommandSpec, given: number): { code: ErrorCode, message: string } | null {
  const min = spec.args.reduce((sum, a) => sum + a.min, 0)
  const max = spec.args.some(a => a.max === null) ? null : spec.args.reduce((sum, a) => sum + (a.max ?? 0), 0)
  const name = `'docker ${spec.path.join(' ')}'`
  const what = spec.args.map(a => a.name).join(' ')
  if (max === 0 && given > 0)
    return { code: 'TOO_MANY_ARGUMENTS', message: `${name} accepts no arguments.` }
  if (given >= min && (max === null || given <= max))
    return null
  const code = given < min ? 'MISSING_ARGUMENTS' : 'TOO_MANY_ARGUMENTS'
  if (min === max)
    return { code, message: `${name} requires ${plural(min, 'argument')} (${what}), ${given} given.` }
  if (given < min)
    return { code, message: `${name} requires at least ${plural(min, 'argument')} (${what}), ${given} given.` }
  return { code, message: `${name} accepts at most ${plural(max!, 'argument')} (${what}), ${given} given.` }
}

export function effectiveValue(flags: readonly CommandFlag[], long: string): CommandFlag | undefined {
  for (let i = flags.length - 1; i >= 0; i--) {
    if (flags[i]!.spec.long === long)
      return flags[i]
  }
  return undefined
}

/** A bool flag that is on: `-d`, `--rm=true` (Go's reading of true; `--rm=false` is off). */
export function isFlagOn(flag: CommandFlag | undefined): boolean {
  return flag?.typed?.kind === 'bool' && flag.typed.value
}

function conflict(span: Span): Pick<Diagnostic, 'code' | 'severity' | 'start' | 'end'> {
  return { code: 'CONFLICTING_FLAGS', severity: 'error', start: span.start, end: span.end }
}

/** Checks the client makes on several flags at once, before contacting the daemon. */
interface CrossFlagRule {
  /** 'global': the options of `docker` itself; else the commands with this trait. */
  appliesTo: 'global' | CommandTrait
  test: (flags: readonly CommandFlag[]) => Diagnostic | null
}

const CROSS_FLAG_RULES: readonly CrossFlagRule[] = [
  {
    appliesTo: 'creates-container',
    test(flags) {
      const remove = effectiveValue(flags, 'rm')
      const restart = effectiveValue(flags, 'restart')
      if (!isFlagOn(remove) || !restart || restart.effective === 'no' || restart.effective === '')
        return null
      return {
        ...conflict(restart.span),
        message:
          'Conflicting options: --restart and --rm. A container removed when it stops cannot also be restarted.',
      }
    },
  },
  {
    appliesTo: 'starts-container',
    test(flags) {
      const attach = effectiveValue(flags, 'attach')
      if (!attach || !isFlagOn(effectiveValue(flags, 'detach')))
        return null
      return {
        ...conflict(attach.span),
        message: 'Conflicting options: --attach and --detach. A detached container has no streams to attach to.',
      }
    },
  },
  {
    appliesTo: 'creates-container',
    test(flags) {
      const health = flags.find(f => f.spec.long.startsWith('health-'))
      if (!health || !isFlagOn(effectiveValue(flags, 'no-healthcheck')))
        return null
      return { ...conflict(health.span), message: '--no-healthcheck conflicts with the --health-* options.' }
    },
  },
  {
    appliesTo: 'global',
    test(flags) {
      const host = effectiveValue(flags, 'host')
      const context = effectiveValue(flags, 'context')
      if (!host || !context)
        return null
      return {
        ...conflict(context.span),
        message: 'Conflicting options: --host and --context. Choose which daemon to talk to with one of them.',
      }
    },
  },
]

/**
 * Reads every flag's value once (`typed`), and reports what the client refuses. A value the shell
 * fills in is read but not judged: only the shell knows what docker will get.
 */
function readValues(flags: readonly CommandFlag[], help: boolean, errors: Diagnostic[]): void {
  for (const flag of flags) {
    if (flag.value === null || !flag.valueWord || !flag.valueSpan)
      continue
    const result = checkFlagValue(flag.spec, flag.value)
    const filledByShell = overlapsExpansion(flag.valueWord, flag.valueSpan)
    if (result.ok)
      flag.typed = filledByShell ? shellFilledMount(flag, result.value) : result.value
    // With --help, docker prints help before checking the values it parses itself.
    if (filledByShell || (help && flag.spec.check))
      continue
    if (result.ok) {
      if (result.daemon) {
        const at = valueSpan(flag.valueWord, flag.valueOffset + result.daemon.start, flag.valueOffset + result.daemon.end)
        flag.daemonRefusal = { ...(at.end > at.start ? at : flag.valueSpan), message: result.daemon.message }
      }
      continue
    }
    const span = valueSpan(flag.valueWord, flag.valueOffset + result.start, flag.valueOffset + result.end)
    const name = flag.spec.short ? `-${flag.spec.short}, --${flag.spec.long}` : `--${flag.spec.long}`
    errors.push({
      code: 'INVALID_VALUE',
      severity: 'error',
      ...spanOf(span.end > span.start ? span : flag.valueSpan),
      message: `Invalid value "${flag.value}" for ${name}: ${result.message}`,
    })
  }
}

/**
 * A `-v` source the shell fills in (`$PWD`, `$(pwd)`) becomes a path, so it is a folder, not a
 * volume name.
 */
function shellFilledMount(flag: CommandFlag, value: FlagValue): FlagValue {
  const mount = valueOfKind(value, 'mount')?.mount
  if (!mount || mount.syntax !== 'volume' || mount.type !== 'volume' || !flag.valueWord)
    return value
  const sourceStart = valueSpan(flag.valueWord, flag.valueOffset, flag.valueOffset + 1).start
  const filling = flag.valueWord.expansions.find(e => e.start <= sourceStart && sourceStart < e.end)
  // A documentation placeholder is a folder only when it says so (`<path/to/data>`, not `<volume>`).
  const isPath = filling !== undefined && (filling.kind !== 'placeholder' || namesAPath(filling))
  return isPath ? { kind: 'mount', mount: { ...mount, type: 'bind' } } : value
}

/** Parses one shell command. Words are relative to the command's text. */
export function parseCommand(command: ShellCommand): ParsedCommand {
  const words = command.words
  const parsed: ParsedCommand = {
    prefix: [],
    program: null,
    isDocker: false,
    globalFlags: [],
    commandWords: [],
    spec: null,
    flags: [],
    args: [],
    image: null,
    separator: null,
    unknownFlags: [],
    helpFlags: [],
    help: false,
    version: false,
    errors: [],
  }
  if (isLoopHeader(words)) {
    parsed.prefix = words.map((word, n) => ({ word, kind: n === 1 ? 'loop-variable' : n < 3 ? 'keyword' : 'loop-item' }))
    return parsed
  }
  let i = 0
  while (i < words.length) {
    const word = words[i]!
    // Keywords only count unquoted, before any assignment or program (`echo do` prints "do").
    const keyword = !word.quoted && word.raw in SHELL_KEYWORDS && parsed.prefix.every(p => p.kind === 'keyword')
    if (!keyword && !isAssignment(word) && word.value !== 'sudo')
      break
    parsed.prefix.push({ word, kind: keyword ? 'keyword' : word.value === 'sudo' ? 'sudo' : 'assignment' })
    i++
  }
  const program = words[i]
  if (!program)
    return parsed
  parsed.program = program
  if (!isDockerProgram(program.value))
    return parsed
  parsed.isDocker = true
  i++

  // Global options, up to the first word that is not a flag (the root command does not intersperse).
  const root = scanFlags(words, i, commandFlag(ROOT_COMMAND), {
    scope: 'global',
    interspersed: false,
    strict: true,
    spec: ROOT_COMMAND,
    helpShorthand: !ROOT_COMMAND.flags.some(f => f.short === 'h'),
  })
  parsed.globalFlags = root.flags
  parsed.unknownFlags.push(...root.unknown)
  parsed.helpFlags.push(...root.help)
  parsed.errors.push(...root.errors)
  readValues(root.flags, root.help.length > 0, parsed.errors)
  parsed.version = isFlagOn(effectiveValue(root.flags, 'version'))
  let rest = root.positionals
  if (root.separator) {
    // `docker -- run` : cobra treats what follows as the command words all the same.
    parsed.separator = root.separator
  }

  if (rest.length === 0) {
    // `docker` alone (or with global options only) is the root command: it prints its help.
    parsed.spec = ROOT_COMMAND
    parsed.help = !parsed.version
    parsed.errors.push(...crossFlagErrors(ROOT_COMMAND, root.flags, []))
    return parsed
  }
  if (root.help.length > 0)
    parsed.help = true

  const found = resolveCommand(rest.map(w => w.value))
  if (!found) {
    const word = rest[0]!
    const suggestion = suggestCommand(word.value, []) ?? undefined
    parsed.errors.push({
      code: 'UNKNOWN_COMMAND',
      severity: 'error',
      start: word.start,
      end: word.end,
      message: `Unknown command: docker ${word.value}.${suggestion ? ` Did you mean docker ${suggestion}?` : ''}`,
      ...(suggestion ? { suggestion } : {}),
    })
    parsed.args = rest.map(w => ({ word: w, spec: null }))
    return parsed
  }
  let spec = found.spec
  parsed.commandWords = rest.slice(0, found.length)
  rest = rest.slice(found.length)
  let start = words.indexOf(parsed.commandWords.at(-1)!) + 1
  // A group with options of its own (`docker compose -f FILE -p NAME up`): they come before the
  // subcommand, which is the first word that is not one of them. They are kept with the subcommand's.
  const groupFlags: CommandFlag[] = []
  while (spec.group && spec.flags.length > 0) {
    const scan = scanFlags(words, start, commandFlag(spec), {
      scope: 'command',
      interspersed: false,
      strict: true,
      spec,
      helpShorthand: !spec.flags.some(f => f.short === 'h'),
    })
    if (scan.flags.length === 0 || scan.errors.length > 0 || scan.help.length > 0 || scan.separator)
      break
    const sub = resolveCommand([...spec.path, ...scan.positionals.map(w => w.value)])
    if (!sub || sub.length <= spec.path.length)
      break
    readValues(scan.flags, false, parsed.errors)
    groupFlags.push(...scan.flags)
    parsed.commandWords.push(...scan.positionals.slice(0, sub.length - spec.path.length))
    spec = sub.spec
    start = words.indexOf(parsed.commandWords.at(-1)!) + 1
  }
  parsed.spec = spec
  const written = parsed.commandWords.map(w => w.value).join(' ')

  if (spec.group) {
    // A management command only groups others: alone, docker prints its help.
    const scan = scanFlags(words, start, commandFlag(spec), {
      scope: 'command',
      interspersed: false,
      strict: true,
      spec,
      helpShorthand: true,
    })
    parsed.flags = [...groupFlags, ...scan.flags]
    parsed.unknownFlags.push(...scan.unknown)
    parsed.helpFlags.push(...scan.help)
    parsed.errors.push(...scan.errors)
    const next = scan.positionals[0]
    if (next && scan.help.length === 0) {
      const suggestion = suggestCommand(next.value, spec.path) ?? undefined
      parsed.errors.push({
        code: 'UNKNOWN_COMMAND',
        severity: 'error',
        start: next.start,
        end: next.end,
        message: `Unknown command: docker ${written} ${next.value}.${suggestion ? ` Did you mean docker ${written} ${suggestion}?` : ''}`,
        ...(suggestion ? { suggestion } : {}),
      })
    }
    parsed.args = scan.positionals.map(w => ({ word: w, spec: null }))
    parsed.help = true
    return parsed
  }

  const scan = scanFlags(words, start, commandFlag(spec), {
    scope: 'command',
    interspersed: spec.interspersed ?? true,
    strict: true,
    spec,
    helpShorthand: !spec.flags.some(f => f.short === 'h'),
  })
  parsed.flags = [...groupFlags, ...scan.flags]
  parsed.separator = scan.separator ?? parsed.separator
  parsed.unknownFlags.push(...scan.unknown)
  parsed.helpFlags.push(...scan.help)
  parsed.errors.push(...scan.errors)
  if (scan.help.length > 0)
    parsed.help = true
  readValues(scan.flags, parsed.help, parsed.errors)
  parsed.args = distribute(scan.positionals, spec.args)
  // Each image argument read once (`docker tag` has two); the first is the command's image.
  const images = parsed.args.filter(a => a.spec?.kind === 'image').map(arg => ({ arg, result: parseImageReference(arg.word.value) }))
  const first = images[0]?.result
  if (first?.ok)
    parsed.image = first.value
  if (parsed.help)
    return parsed

  const countProblem = scan.errors.length > 0 ? null : countError(spec, scan.positionals.length)
  if (countProblem) {
    const extra = parsed.args.find(a => a.spec === null)
    const at = extra ? extra.word : spanOf(parsed.commandWords[0]!, parsed.commandWords.at(-1)!)
    parsed.errors.push({ code: countProblem.code, severity: 'error', start: at.start, end: at.end, message: countProblem.message })
  }

  for (const { arg, result } of images) {
    if (result.ok || !commandHasTrait(spec, 'checks-image-reference') || arg.word.expansions.length > 0)
      continue
    const span = valueSpan(arg.word, result.start, result.end)
    parsed.errors.push({
      code: 'INVALID_IMAGE_REFERENCE',
      severity: 'error',
      ...spanOf(span.end > span.start ? span : arg.word),
      message: `Invalid image reference "${arg.word.value}": ${result.message}`,
    })
  }
  for (const arg of parsed.args) {
    if (arg.spec?.kind === 'container' && arg.word.expansions.length === 0 && arg.word.value === '') {
      parsed.errors.push({ code: 'EMPTY_CONTAINER_NAME', severity: 'error', start: arg.word.start, end: arg.word.end, message: 'The container name or ID is empty.' })
    }
  }
  if (parsed.errors.length === 0)
    parsed.errors.push(...crossFlagErrors(spec, parsed.globalFlags, parsed.flags))
  return parsed
}

/** The cross-flag rules that apply: the global ones always, the others by the command's traits. */
function crossFlagErrors(spec: CommandSpec | null, globalFlags: readonly CommandFlag[], flags: readonly CommandFlag[]): Diagnostic[] {
  return CROSS_FLAG_RULES.flatMap((rule) => {
    if (rule.appliesTo !== 'global' && !(spec && commandHasTrait(spec, rule.appliesTo)))
      return []
    const error = rule.test(rule.appliesTo === 'global' ? globalFlags : flags)
    return error ? [error] : []
  })
}

/** The mount a `-v`, `--mount` or `--tmpfs` flag asks for, or null when it is not one (or is not valid). */
export function mountOfFlag(flag: CommandFlag): MountValue | null {
  return valueOfKind(flag.typed, 'mount')?.mount ?? null
}
