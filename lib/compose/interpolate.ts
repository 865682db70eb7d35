// Compose interpolation, read as compose-go's template package reads it: `$VAR`, `${VAR}`,
// `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+other}`, `${VAR+other}`,
// `$$` for a literal `$`. Compose runs no command: `$(pwd)` and `` `pwd` `` stay as they are. In a host
// path (a bind mount, an env_file, a build context) that is never what the writer meant: an error. In
// other values `$(…)` reaches the container's shell as written, which works but is what `$$(…)` says
// plainly: a warning. Backquotes elsewhere are ordinary text (Traefik rules use them).

import type { ComposeIssue } from './issues'
import { composeIssue } from './issues'

/** Variables as the shell (or an .env file) would give them; a missing name is unset. */
export type Environment = Readonly<Record<string, string | undefined>>

export interface InterpolationResult {
  /** The text with every variable replaced; null when a variable's value is unknown (not in `environment`). */
  value: string | null
  /** Names read, in order (for "which variables does this file use"). */
  variables: string[]
  /** Problems, with offsets relative to the text. */
  issues: ComposeIssue[]
}

const NAME = /^[_a-z]\w*/i

/** Where the `}` closing the `${` at `open` is, counting nested `${…}`; -1 when it is never closed. */
function closingBrace(text: string, open: number): number {
  let depth = 0
  for (let index = open; index < text.length; index++) {
    if (text.startsWith('${', index)) {
      depth++
      index++
    }
    else if (text[index] === '}') {
      depth--
      if (depth === 0)
        return index
    }
  }
  return -1
}

interface Context {
  environment: Environment | null
  hostPath: boolean
  variables: string[]
  issues: ComposeIssue[]
  unknown: boolean
}

function lookup(name: string, context: Context): string | undefined {
  context.variables.push(name)
  if (context.environment === null) {
    context.unknown = true
    return undefined
  }
  return context.environment[name]
}

/** One `${…}` body (without the braces) starting at `offset` in the whole text. */
function braced(body: string, offset: number, whole: string, context: Context): string {
  const name = NAME.exec(body)?.[0]
  const start = offset - 2
  const end = offset + body.length + 1
  if (!name) {
    context.issues.push(composeIssue('COMPOSE_INVALID_INTERPOLATION', start, end, `Invalid interpolation ${whole.slice(start, end)}: after \${ comes a variable name (letters, digits, _), such as \${PORT} or \${PORT:-8000}.`))
    return ''
  }
  const rest = body.slice(name.length)
  if (rest === '')
    return lookup(name, context) ?? ''
  const operator = /^:?[-+?]/.exec(rest)?.[0]
  if (!operator) {
    context.issues.push(composeIssue('COMPOSE_INVALID_INTERPOLATION', start, end, `Invalid interpolation ${whole.slice(start, end)}: after the name comes }, :-default, -default, :?message, ?message, :+other or +other.`))
    return ''
  }
  const argumentOffset = offset + name.length + operator.length
  const argument = () => substitute(whole, argumentOffset, offset + body.length, context)
  const value = lookup(name, context)
  const emptyCounts = operator.startsWith(':')
  const isSet = value !== undefined && (!emptyCounts || value !== '')
  switch (operator.replace(':', '')) {
    case '-':
      return isSet ? value! : argument()
    case '+':
      return isSet ? argument() : ''
    default: {
      // `?`: the message is read even when the variable is set, so its own mistakes show.
      const message = argument()
      if (!isSet && context.environment !== null) {
        context.issues.push(composeIssue('COMPOSE_REQUIRED_VARIABLE', start, end, `The variable ${name} must be set${message ? `: ${message}` : ''} (required by ${whole.slice(start, end)}).`))
      }
      return value ?? ''
    }
  }
}

function substitute(text: string, from: number, to: number, context: Context): string {
  let out = ''
  let index = from
  while (index < to) {
    const char = text[index]!
    if (char === '`' && context.hostPath) {
      const close = text.indexOf('`', index + 1)
      const end = close === -1 || close >= to ? to : close + 1
      context.issues.push(composeIssue('COMPOSE_COMMAND_SUBSTITUTION', index, end, `Compose runs no command: ${text.slice(index, end)} stays as written. For the folder of the Compose file write . (./data); for a variable, \${NAME}.`, text.slice(index, end) === '`pwd`' ? '.' : undefined))
      out += text.slice(index, end)
      index = end
      continue
    }
    if (char !== '$') {
      out += char
      index++
      continue
    }
    const next = text[index + 1]
    if (next === '$') {
      out += '$'
      index += 2
    }
    else if (next === '(') {
      let depth = 0
      let end = index + 1
      for (; end < to; end++) {
        if (text[end] === '(')
          depth++
        else if (text[end] === ')' && --depth === 0)
          break
      }
      end = Math.min(end + 1, to)
      const written = text.slice(index, end)
      context.issues.push(context.hostPath
        ? composeIssue('COMPOSE_COMMAND_SUBSTITUTION', index, end, `Compose runs no command: ${written} stays as written. For the folder of the Compose file write . (./data); for a variable, \${NAME}.`, /^\$\(\s*pwd\s*\)$/.test(written) ? '.' : undefined)
        : composeIssue('COMPOSE_UNESCAPED_DOLLAR', index, end, `Compose leaves ${written} as it is, so the container's shell runs it; write $${written} to say so (Compose reads $$ as a literal $).`, `$${written}`))
      out += text.slice(index, end)
      index = end
    }
    else if (next === '{') {
      const close = closingBrace(text, index)
      if (close === -1 || close >= to) {
        context.issues.push(composeIssue('COMPOSE_INVALID_INTERPOLATION', index, to, `Invalid interpolation: \${ is never closed by }. Write $$ for a literal $.`))
        out += text.slice(index, to)
        index = to
        continue
      }
      out += braced(text.slice(index + 2, close), index + 2, text, context)
      index = close + 1
    }
    else {
      const name = NAME.exec(text.slice(index + 1, to))?.[0]
      if (name) {
        out += lookup(name, context) ?? ''
        index += 1 + name.length
      }
      else {
        // compose-go leaves a lone `$` as it is.
        out += '$'
        index++
      }
    }
  }
  return out
}

/**
 * Interpolates one value (`hostPath`: a path on the host, where a command substitution is an error).
 * With `environment` null (the editor: the shell is unknown), problems of
 * syntax are still found and `value` is null wherever a variable's value is needed.
 */
export function interpolate(text: string, environment: Environment | null, hostPath = false): InterpolationResult {
  const context: Context = { environment, hostPath, variables: [], issues: [], unknown: false }
  const value = substitute(text, 0, text.length, context)
  return { value: context.unknown ? null : value, variables: context.variables, issues: context.issues }
}

/** Whether `text` holds anything interpolation would change. */
export function hasInterpolation(text: string): boolean {
  return text.includes('$')
}

/** A literal text as a Compose value: every `$` doubled, so interpolation leaves it alone. */
export function escapeDollars(text: string): string {
  return text.replaceAll('$', '$$$$')
}
