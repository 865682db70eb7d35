// `$(…)` and backquotes as beginners use them: `docker rm $(docker ps -aq)`. The shell runs the
// inner command first; its output becomes the arguments. Here the inner command is read by the
// same parser, so the outer explanation can say what those arguments are.
import type { Expansion, Word } from './tokenize'
import { effectiveValue, isFlagOn, parseCommand } from './parse-command'
import { splitCommands } from './tokenize'

export interface Substitution {
  expansion: Expansion
  /** The command the shell runs first, as written inside `$(…)` or backquotes. */
  inner: string
  /** What its output is, in words: "the IDs of all containers, stopped ones included"; null when unknown. */
  output: string | null
}

/** The inner text of a command substitution. */
function innerText(expansion: Expansion): string {
  return expansion.text.startsWith('$(') ? expansion.text.slice(2, -1) : expansion.text.slice(1, -1)
}

/** What a listing command prints, read from its grammar: `docker ps -aq` → the IDs of all containers. */
function outputOf(inner: string): string | null {
  const [command] = splitCommands(inner)
  if (!command || splitCommands(inner).length !== 1)
    return null
  const parsed = parseCommand(command)
  const lists = parsed.spec?.lists
  if (!lists || parsed.errors.length > 0 || !isFlagOn(effectiveValue(parsed.flags, 'quiet')))
    return null
  const what = isFlagOn(effectiveValue(parsed.flags, 'all')) && lists.all ? lists.all : lists.what
  const filtered = parsed.flags.some(f => f.spec.long === 'filter') ? ' that match the filter' : ''
  return `the ${lists.ids} of ${what}${filtered}`
}

/** The word when it is one command substitution and nothing else (`$(docker ps -aq)`), else null. */
export function substitutionOf(word: Word): Substitution | null {
  const [expansion, ...more] = word.expansions
  if (!expansion || more.length > 0 || expansion.kind !== 'command' || expansion.start !== word.start || expansion.end !== word.end)
    return null
  const inner = innerText(expansion).trim()
  return { expansion, inner, output: outputOf(inner) }
}
