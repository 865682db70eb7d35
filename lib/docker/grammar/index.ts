// The docker client's grammar as data, and the look-ups the parser needs.
// Tables: one file per command family. Look-ups are precomputed maps, so every call is cheap.
import type { CommandSpec, CommandTrait, FlagSpec } from '../types'
import { closest } from '../../text/edit-distance'
import { COMPOSE_COMMANDS } from './compose-commands'
import { CONTAINER_COMMANDS } from './container'
import { GLOBAL_FLAGS, ROOT_COMMAND } from './global'
import { IMAGE_COMMANDS } from './image'
import { NETWORK_COMMANDS } from './network'
import { OTHER_COMMANDS } from './other'
import { SWARM_COMMANDS } from './swarm'
import { SYSTEM_COMMANDS } from './system'
import { VOLUME_COMMANDS } from './volume'

export { GLOBAL_FLAGS, ROOT_COMMAND }

export const COMMANDS: readonly CommandSpec[] = [
  ...CONTAINER_COMMANDS,
  ...IMAGE_COMMANDS,
  ...VOLUME_COMMANDS,
  ...NETWORK_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...SWARM_COMMANDS,
  ...OTHER_COMMANDS,
  ...COMPOSE_COMMANDS,
]

/**
 * `--help` is a persistent option of the root command: every command accepts it, even those whose
 * help does not list it.
 */
const HELP_FLAG: FlagSpec = {
  long: 'help',
  type: 'bool',
  help: 'Print usage',
  explain: 'Prints this command\'s usage and options instead of running it.',
}

export function commandHasTrait(spec: CommandSpec, trait: CommandTrait): boolean {
  return spec.traits?.includes(trait) ?? false
}

/** Longest command path docker has: `docker trust signer add`. */
const MAX_PATH_LENGTH = 3

/** Every path (canonical or alias) joined with spaces → its command. */
const BY_PATH = new Map<string, CommandSpec>()
for (const spec of COMMANDS) {
  for (const path of [spec.path, ...spec.aliases]) BY_PATH.set(path.join(' '), spec)
}

export function resolveCommand(words: readonly string[]): { spec: CommandSpec, length: number } | null {
  for (let length = Math.min(MAX_PATH_LENGTH, words.length); length >= 1; length--) {
    const spec = BY_PATH.get(words.slice(0, length).join(' '))
    if (spec)
      return { spec, length }
  }
  return null
}

/** Parent path (joined with spaces) → the commands one level below it and the words that reach them. */
const CHILDREN = new Map<string, { specs: CommandSpec[], names: string[] }>()
for (const spec of COMMANDS) {
  for (const path of [spec.path, ...spec.aliases]) {
    const parent = path.slice(0, -1).join(' ')
    let entry = CHILDREN.get(parent)
    if (!entry) {
      entry = { specs: [], names: [] }
      CHILDREN.set(parent, entry)
    }
    if (!entry.specs.includes(spec))
      entry.specs.push(spec)
    const name = path[path.length - 1] ?? ''
    if (!entry.names.includes(name))
      entry.names.push(name)
  }
}

/** Children of `path` ([] for the top level), reached by canonical path or by alias, in table order. */
export function subcommandsOf(path: readonly string[]): CommandSpec[] {
  return [...(CHILDREN.get(path.join(' '))?.specs ?? [])]
}

/** The words that may follow `path`: names of canonical paths and aliases one level below it. */
function childNames(path: readonly string[]): readonly string[] {
  return CHILDREN.get(path.join(' '))?.names ?? []
}

interface FlagIndex {
  long: Map<string, FlagSpec>
  short: Map<string, FlagSpec>
  /** Long names offered as suggestions: neither hidden nor deprecated. */
  suggestible: string[]
}
const FLAG_INDEX = new WeakMap<CommandSpec, FlagIndex>()

function flagIndex(spec: CommandSpec): FlagIndex {
  let index = FLAG_INDEX.get(spec)
  if (!index) {
    index = { long: new Map(), short: new Map(), suggestible: [] }
    for (const flag of spec.flags) {
      index.long.set(flag.long, flag)
      if (flag.short)
        index.short.set(flag.short, flag)
      if (!flag.hidden && !flag.deprecated)
        index.suggestible.push(flag.long)
    }
    FLAG_INDEX.set(spec, index)
  }
  return index
}

/** A flag of `spec` by long name (`publish`) or shorthand (`p`), without dashes. Global options are not included. */
export function findFlag(spec: CommandSpec, name: string, isShort: boolean): FlagSpec | undefined {
  const index = flagIndex(spec)
  if (isShort)
    return index.short.get(name)
  return index.long.get(name) ?? (name === HELP_FLAG.long ? HELP_FLAG : undefined)
}

/** `runn` → `run` (under `parent`, [] for the top level); null when nothing is close. */
export function suggestCommand(word: string, parent: readonly string[]): string | null {
  if (word === '' || word.length > 64)
    return null
  const names = childNames(parent)
  const lower = word.toLowerCase()
  if (lower !== word && names.includes(lower))
    return lower
  return closest(lower, names)
}

/**
 * A likely meant flag for an unknown `written` flag token (with its dashes, `=value` ignored):
 * `--it` → `-it` when every letter is a bool shorthand, `-rm` → `--rm`, `--nmae` → `--name`.
 */
export function suggestFlag(spec: CommandSpec, written: string): string | null {
  if (!written.startsWith('-') || written.length > 128)
    return null
  const equals = written.indexOf('=')
  const flagText = equals === -1 ? written : written.slice(0, equals)
  const doubleDash = flagText.startsWith('--')
  const name = flagText.slice(doubleDash ? 2 : 1)
  if (name === '')
    return null
  const index = flagIndex(spec)
  if (doubleDash && index.long.has(name))
    return null

  // `--it`: letters that are all bool shorthands were meant as a group of short flags.
  if (doubleDash && name.length >= 2 && name.length <= 6 && !index.long.has(name)) {
    const letters = [...name]
    const allBoolShorthands = letters.every(letter => index.short.get(letter)?.type === 'bool')
    if (allBoolShorthands && new Set(letters).size === letters.length)
      return `-${name}`
  }
  // `-rm`: a long name written with one dash.
  if (!doubleDash && name.length >= 2 && (index.long.has(name) || name === HELP_FLAG.long))
    return `--${name}`

  if (!doubleDash && name.length === 1)
    return null
  const guess = closest(name, index.suggestible)
  return guess === null ? null : `--${guess}`
}
