// A docker command line, read once the explainer engine has accepted it: the canonical command, each
// flag by its long name with its values in order, the positional arguments, and (run, create, exec)
// the command that runs inside the container. The engine decides what the client refuses; this
// module only reads what it accepted, with the same grammar tables (pflag's rules: combined
// shorthands, `--flag=value`, `-pVALUE`, interspersed flags, `--`).

import type { CommandExplanation, CommandSpec, FlagSpec } from '../docker/index'
import { findFlag, GLOBAL_FLAGS, resolveCommand } from '../docker/grammar'
import { explain } from '../docker/index'

export interface Invocation {
  /** Canonical path: ['container', 'run']. */
  path: readonly string[]
  spec: CommandSpec
  /** Long flag name → values as given, in order (`'true'` for a bool flag written alone). */
  flags: Map<string, string[]>
  /** Those of `flags` written before the subcommand, a group's own (`compose -f FILE up`). */
  groupFlags: Set<string>
  /** Positional arguments before the container's command. */
  args: string[]
  /** run/create: what follows the image; exec: what follows the container. */
  command: string[]
  /** The engine's reading (warnings, the run picture) for whoever wants it. */
  explanation: CommandExplanation
}

/** Commands whose flags stop at the first positional argument that starts the container's command. */
const STOPS_AT_COMMAND: Record<string, number> = {
  'container run': 1,
  'container create': 1,
  'container exec': 1,
  'compose exec': 1,
  'container top': 1,
  'compose run': 1,
}

/** Puts argv back into one shell line the engine can read (each word single-quoted when needed). */
export function shellLine(argv: readonly string[]): string {
  return argv.map(word => /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, '\'\\\'\'')}'`).join(' ')
}

export type ReadResult
  = | { ok: true, invocation: Invocation }
    | { ok: false, explanation: CommandExplanation }

function flagOf(spec: CommandSpec, name: string, isShort: boolean): FlagSpec | undefined {
  return findFlag(spec, name, isShort) ?? GLOBAL_FLAGS.find(flag => (isShort ? flag.short === name : flag.long === name))
}

/** Reads `docker ARGV…` (argv without the leading `docker`). */
export function readInvocation(argv: readonly string[]): ReadResult {
  const [explanation] = explain(`docker ${shellLine(argv)}`)
  if (!explanation || !explanation.ok || explanation.command.length === 0)
    return { ok: false, explanation: explanation ?? explain('docker')[0]! }
  // Skip global options (`docker --debug run …`): the engine accepted them.
  let index = 0
  while (index < argv.length && argv[index]!.startsWith('-')) {
    const word = argv[index]!
    const isShort = !word.startsWith('--')
    const name = isShort ? word.slice(1, 2) : word.slice(2).split('=')[0]!
    const flag = GLOBAL_FLAGS.find(f => (isShort ? f.short === name : f.long === name))
    index += flag && flag.type !== 'bool' && !word.includes('=') && (isShort ? word.length === 2 : true) ? 2 : 1
  }
  let rest = argv.slice(index)
  let resolved = resolveCommand(rest)
  // A group's own options before its subcommand (`compose -f FILE -p NAME up`; the engine accepted
  // them): read first, each by the group's table (`compose -p NAME run -p 80:80` has two -p).
  const groupWords: { spec: CommandSpec, word: string }[] = []
  while (resolved?.spec.group && resolved.spec.flags.length > 0) {
    const group = resolved.spec
    let at = resolved.length
    while (at < rest.length && rest[at]!.startsWith('-')) {
      const word = rest[at]!
      const isShort = !word.startsWith('--')
      const name = isShort ? word.slice(1, 2) : word.slice(2).split('=')[0]!
      const flag = findFlag(group, name, isShort)
      at += flag && flag.type !== 'bool' && !word.includes('=') && (isShort ? word.length === 2 : true) ? 2 : 1
    }
    const sub = at > resolved.length ? resolveCommand([...rest.slice(0, resolved.length), ...rest.slice(at)]) : null
    if (!sub || sub.length <= resolved.length)
      break
    groupWords.push(...rest.slice(resolved.length, at).map(word => ({ spec: group, word })))
    rest = [...rest.slice(0, resolved.length), ...rest.slice(at)]
    resolved = sub
  }
  if (!resolved)
    return { ok: false, explanation }
  const { spec } = resolved
  const words = [...groupWords.map(g => g.word), ...rest.slice(resolved.length)]
  const specAt = (i: number): CommandSpec => groupWords[i]?.spec ?? spec
  const flags = new Map<string, string[]>()
  const args: string[] = []
  const command: string[] = []
  const stopAfter = STOPS_AT_COMMAND[spec.path.join(' ')]
  const groupFlags = new Set<string>()
  let current = 0
  const add = (flag: FlagSpec, value: string): void => {
    if (current < groupWords.length)
      groupFlags.add(flag.long)
    const list = flags.get(flag.long) ?? []
    list.push(value)
    flags.set(flag.long, list)
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    current = i
    if (stopAfter !== undefined && args.length >= stopAfter && i >= groupWords.length) {
      command.push(...words.slice(i))
      break
    }
    if (word === '--') {
      const rest = words.slice(i + 1)
      if (stopAfter !== undefined) {
        const needed = Math.max(0, stopAfter - args.length)
        args.push(...rest.slice(0, needed))
        command.push(...rest.slice(needed))
      }
      else {
        args.push(...rest)
      }
      break
    }
    if (word.startsWith('--') && word.length > 2) {
      const [name, ...valueParts] = word.slice(2).split('=')
      const flag = flagOf(specAt(i), name!, false)
      if (!flag)
        continue
      if (valueParts.length > 0)
        add(flag, valueParts.join('='))
      else if (flag.type === 'bool')
        add(flag, 'true')
      else
        add(flag, words[++i] ?? '')
      continue
    }
    if (word.startsWith('-') && word.length > 1) {
      for (let c = 1; c < word.length; c++) {
        const flag = flagOf(specAt(i), word[c]!, true)
        if (!flag)
          break
        if (flag.type === 'bool') {
          if (word[c + 1] === '=') {
            add(flag, word.slice(c + 2))
            break
          }
          add(flag, 'true')
          continue
        }
        const attached = word.slice(c + 1)
        add(flag, attached !== '' ? attached.replace(/^=/, '') : (words[++i] ?? ''))
        break
      }
      continue
    }
    args.push(word)
  }
  return { ok: true, invocation: { path: spec.path, spec, flags, groupFlags, args, command, explanation } }
}

/** The last value of a flag (pflag: a repeated scalar flag keeps the last), or undefined. */
export function lastValue(invocation: Invocation, long: string): string | undefined {
  const values = invocation.flags.get(long)
  return values?.[values.length - 1]
}

export function isSet(invocation: Invocation, long: string): boolean {
  const value = lastValue(invocation, long)
  return value !== undefined && value !== 'false'
}

export function allValues(invocation: Invocation, long: string): string[] {
  return invocation.flags.get(long) ?? []
}
