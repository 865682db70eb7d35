// A POSIX-shell tokenizer, just deep enough to read what people paste into a terminal:
// quotes, escapes, line continuations, comments, expansions (kept as text), redirections
// and the operators that separate several commands. Every word keeps its source span.

import type { Diagnostic, Span } from './types'

/** Text the shell replaces before docker sees it: the value docker gets depends on your shell. */
export interface Expansion extends Span {
  /**
   * `placeholder`: not the shell's, but documentation's: `<path/to/data>`, `YOUR_TOKEN`, `...`,
   * text the reader is meant to replace before running the command.
   */
  kind: 'variable' | 'command' | 'arithmetic' | 'tilde' | 'glob' | 'placeholder'
  text: string
}

export interface Word extends Span {
  /** Exactly as typed, quotes and escapes included. */
  raw: string
  /** After quote removal: what the program receives (expansions left as written). */
  value: string
  /** Some part was quoted or escaped (so `#` or `=` in it are literal). */
  quoted: boolean
  expansions: Expansion[]
  /** For each character of `value`, its offset in `raw` (so a part of the value maps back to the source). */
  sourceIndex: number[]
}

export interface Redirection extends Span {
  /** `>`, `2>>`, `<`, `&>`… */
  operator: string
  target: Word | null
}

/** One command of the text; every span inside is relative to `text`. */
export interface ShellCommand {
  /** Where the command starts in the whole input. */
  start: number
  end: number
  text: string
  words: Word[]
  redirections: Redirection[]
  /** The operator that ended it (`&&`, `|`, `;`, newline…); null at the end of the text. */
  separator: string | null
  /** A quote or substitution that is never closed. */
  error: Diagnostic | null
}

const SEPARATORS = ['&&', '||', '|&', ';;', ';', '&', '|', '(', ')']
const REDIRECT = /^(\d*)(&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)/

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v'
}

/** `<path/to/data>`, `<container name>`: a placeholder of the docs, not a redirection. */
const ANGLE_PLACEHOLDER = /^<[a-z][\w./:@-]*(?: [\w./:@-]+){0,3}>/i
/** `YOUR_TOKEN`, `YOUR-IMAGE`: written in capitals to be replaced. */
const NAMED_PLACEHOLDER = /(?<![\w$])YOUR[_-][A-Z0-9_-]*[A-Z0-9]/g
/** A whole word `...` or `…`: "more of the same" in usage lines. */
const ELLIPSIS = /^(?:\.\.\.|…)$/

function angledPlaceholderAt(text: string, at: number): number | null {
  if (text[at] !== '<')
    return null
  const match = ANGLE_PLACEHOLDER.exec(text.slice(at, at + 64))
  return match ? at + match[0].length : null
}

function isOperatorStart(ch: string): boolean {
  return ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')' || ch === '<' || ch === '>'
}

/** Thrown (not an Error: no stack trace to build) when a quote or substitution never closes. */
class Unclosed {
  constructor(
    readonly at: number,
    readonly length: number,
    readonly what: string,
  ) {}
}

/**
 * Reads the end of a `$(…)`, `${…}` or backtick substitution starting at `open` (the index just after
 * the opening characters). Returns the index just past the closing character.
 */
function skipSubstitution(text: string, from: number, close: string, openAt: number, openLen: number): number {
  let depth = 1
  let i = from
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\') {
      i += 2
      continue
    }
    if (close === '`') {
      if (ch === '`')
        return i + 1
      i++
      continue
    }
    if (ch === '\'') {
      const endQuote = text.indexOf('\'', i + 1)
      if (endQuote < 0)
        throw new Unclosed(i, 1, '\'')
      i = endQuote + 1
      continue
    }
    if (ch === '"') {
      i = skipDoubleQuoted(text, i + 1, i)
      continue
    }
    const substitutionEnd = skipSubstitutionAt(text, i)
    if (substitutionEnd !== null) {
      i = substitutionEnd
      continue
    }
    if (close === ')' && ch === '(')
      depth++
    if (ch === close) {
      depth--
      if (depth === 0)
        return i + 1
    }
    i++
  }
  throw new Unclosed(openAt, openLen, text.slice(openAt, openAt + openLen))
}

/** End of a `…`, $(…) or ${…} that opens at `at`, or null when none opens there. */
function skipSubstitutionAt(text: string, at: number): number | null {
  if (text[at] === '`')
    return skipSubstitution(text, at + 1, '`', at, 1)
  if (text[at] === '$' && (text[at + 1] === '(' || text[at + 1] === '{'))
    return skipSubstitution(text, at + 2, text[at + 1] === '(' ? ')' : '}', at, 2)
  return null
}

function skipDoubleQuoted(text: string, from: number, quoteAt: number): number {
  let i = from
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\') {
      i += 2
      continue
    }
    if (ch === '"')
      return i + 1
    const substitutionEnd = skipSubstitutionAt(text, i)
    if (substitutionEnd !== null) {
      i = substitutionEnd
      continue
    }
    i++
  }
  throw new Unclosed(quoteAt, 1, '"')
}

/** Reads `$…` at `i`; returns its end, or -1 when the `$` is a plain character. */
function readDollar(text: string, i: number): { end: number, kind: Expansion['kind'] } | null {
  const next = text[i + 1]
  if (next === '(') {
    if (text[i + 2] === '(')
      return { end: skipSubstitution(text, i + 2, ')', i, 3), kind: 'arithmetic' }
    return { end: skipSubstitution(text, i + 2, ')', i, 2), kind: 'command' }
  }
  if (next === '{')
    return { end: skipSubstitution(text, i + 2, '}', i, 2), kind: 'variable' }
  if (next !== undefined && /[A-Z_]/i.test(next)) {
    let end = i + 2
    while (end < text.length && /\w/.test(text[end]!)) end++
    return { end, kind: 'variable' }
  }
  if (next !== undefined && /[0-9@*#?$!-]/.test(next))
    return { end: i + 2, kind: 'variable' }
  return null
}

interface RawToken extends Span {
  type: 'word' | 'operator' | 'newline'
  word?: Word
  operator?: string
}

interface WordState {
  text: string
  start: number
  value: string
  sourceIndex: number[]
  expansions: Expansion[]
}

function appendChars(state: WordState, chars: string, rawAt: number): void {
  state.value += chars
  for (let k = 0; k < chars.length; k++) state.sourceIndex.push(rawAt - state.start + k)
}

function addExpansionTo(state: WordState, kind: Expansion['kind'], start: number, end: number): void {
  state.expansions.push({ kind, start, end, text: state.text.slice(start, end) })
}

/**
 * A `$…` or backquoted expansion starting at `at` (outside single quotes): records it, copies its
 * text into the word and returns where it ends; null when nothing expands there.
 */
function readExpansion(state: WordState, text: string, at: number): number | null {
  if (text[at] === '$') {
    const dollar = readDollar(text, at)
    if (!dollar)
      return null
    addExpansionTo(state, dollar.kind, at, dollar.end)
    appendChars(state, text.slice(at, dollar.end), at)
    return dollar.end
  }
  if (text[at] === '`') {
    const end = skipSubstitution(text, at + 1, '`', at, 1)
    addExpansionTo(state, 'command', at, end)
    appendChars(state, text.slice(at, end), at)
    return end
  }
  return null
}

/** `YOUR_TOKEN` anywhere in the word, `...` as the whole word: placeholders, unless the shell expands them. */
function markNamedPlaceholders(state: WordState, start: number, end: number): void {
  const raw = state.text.slice(start, end)
  const found = ELLIPSIS.test(raw) ? [{ index: 0, text: raw }] : [...raw.matchAll(NAMED_PLACEHOLDER)].map(m => ({ index: m.index, text: m[0] }))
  for (const { index, text } of found) {
    const at = start + index
    if (!state.expansions.some(e => e.start < at + text.length && at < e.end))
      addExpansionTo(state, 'placeholder', at, at + text.length)
  }
  state.expansions.sort((a, b) => a.start - b.start)
}

/** Reads one word starting at `start` (not a blank, operator or comment). */
function readWord(text: string, start: number): Word {
  let i = start
  const state: WordState = { text, start, value: '', sourceIndex: [], expansions: [] }
  let quoted = false

  if (text[i] === '~')
    addExpansionTo(state, 'tilde', i, i + 1)

  while (i < text.length) {
    const ch = text[i]!
    const placeholderEnd = angledPlaceholderAt(text, i)
    if (placeholderEnd !== null) {
      addExpansionTo(state, 'placeholder', i, placeholderEnd)
      appendChars(state, text.slice(i, placeholderEnd), i)
      i = placeholderEnd
      continue
    }
    if (isBlank(ch) || ch === '\n' || isOperatorStart(ch))
      break
    if (ch === '\\') {
      if (text[i + 1] === '\n') {
        i += 2 // line continuation: vanishes
        continue
      }
      if (text[i + 1] === '\r' && text[i + 2] === '\n') {
        i += 3
        continue
      }
      if (i + 1 >= text.length) {
        // A backslash ending the text escapes nothing: bash keeps it as a character.
        appendChars(state, ch, i)
        i++
        continue
      }
      quoted = true
      appendChars(state, text[i + 1]!, i + 1)
      i += 2
      continue
    }
    if (ch === '\'') {
      const endQuote = text.indexOf('\'', i + 1)
      if (endQuote < 0)
        throw new Unclosed(i, 1, '\'')
      appendChars(state, text.slice(i + 1, endQuote), i + 1)
      quoted = true
      i = endQuote + 1
      continue
    }
    if (ch === '$' && text[i + 1] === '\'') {
      // $'…' (ANSI-C quoting): backslash escapes inside single quotes
      let j = i + 2
      for (; j < text.length && text[j] !== '\''; j++) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const esc = text[j + 1]!
          appendChars(state, esc === 'n' ? '\n' : esc === 't' ? '\t' : esc, j)
          j++
        }
        else {
          appendChars(state, text[j]!, j)
        }
      }
      if (j >= text.length)
        throw new Unclosed(i, 2, '$\'')
      quoted = true
      i = j + 1
      continue
    }
    if (ch === '"') {
      quoted = true
      let j = i + 1
      for (;;) {
        if (j >= text.length)
          throw new Unclosed(i, 1, '"')
        const c = text[j]!
        if (c === '"')
          break
        if (c === '\\') {
          const n = text[j + 1]
          if (n === '\n') {
            j += 2
            continue
          }
          if (n === '$' || n === '`' || n === '"' || n === '\\') {
            appendChars(state, n, j + 1)
            j += 2
            continue
          }
          appendChars(state, c, j)
          j++
          continue
        }
        const expansionEnd = readExpansion(state, text, j)
        if (expansionEnd !== null) {
          j = expansionEnd
          continue
        }
        appendChars(state, c, j)
        j++
      }
      i = j + 1
      continue
    }
    const expansionEnd = readExpansion(state, text, i)
    if (expansionEnd !== null) {
      i = expansionEnd
      continue
    }
    if (ch === '*' || ch === '?')
      addExpansionTo(state, 'glob', i, i + 1)
    appendChars(state, ch, i)
    i++
  }
  markNamedPlaceholders(state, start, i)
  return {
    start,
    end: i,
    raw: text.slice(start, i),
    value: state.value,
    quoted,
    expansions: state.expansions,
    sourceIndex: state.sourceIndex,
  }
}

/** Splits `text` into words and operators. Throws `Unclosed` at an unbalanced quote. */
function* scan(text: string): Generator<RawToken> {
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (isBlank(ch)) {
      i++
      continue
    }
    if (ch === '\\' && text[i + 1] === '\n') {
      i += 2
      continue
    }
    if (ch === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
      i += 3
      continue
    }
    if (ch === '\\' && i + 1 === text.length) {
      // A trailing backslash: the shell would wait for the next line; nothing more comes.
      i++
      continue
    }
    if (ch === '\n') {
      yield { type: 'newline', start: i, end: i + 1, operator: '\n' }
      i++
      continue
    }
    if (ch === '#') {
      // At a word boundary: a comment up to the end of the line.
      const newline = text.indexOf('\n', i)
      i = newline < 0 ? text.length : newline
      continue
    }
    // Only reached at a word boundary, so leading digits (`2>`) belong to the operator.
    const redirect = angledPlaceholderAt(text, i) === null ? REDIRECT.exec(text.slice(i, i + 12)) : null
    if (redirect) {
      yield { type: 'operator', start: i, end: i + redirect[0].length, operator: redirect[0] }
      i += redirect[0].length
      continue
    }
    if (isOperatorStart(ch) && angledPlaceholderAt(text, i) === null) {
      const op = SEPARATORS.find(candidate => text.startsWith(candidate, i)) ?? ch
      yield { type: 'operator', start: i, end: i + op.length, operator: op }
      i += op.length
      continue
    }
    const word = readWord(text, i)
    yield { type: 'word', start: word.start, end: word.end, word }
    i = word.end
  }
}

function shiftWord(word: Word, by: number): Word {
  return {
    ...word,
    start: word.start - by,
    end: word.end - by,
    expansions: word.expansions.map(e => ({ ...e, start: e.start - by, end: e.end - by })),
  }
}

/**
 * Splits a text into the commands the shell would run, in order. Blank lines and comments make
 * no command. Never throws: an unbalanced quote ends the text with an error at the quote.
 */
export function splitCommands(text: string): ShellCommand[] {
  const commands: ShellCommand[] = []
  let words: Word[] = []
  let redirections: Redirection[] = []
  let pendingRedirect: Redirection | null = null
  let first = -1
  let last = -1

  const finish = (separator: string | null, error: Diagnostic | null = null) => {
    if (first < 0)
      return
    const shift = (span: Span): Span => ({ start: span.start - first, end: span.end - first })
    commands.push({
      start: first,
      end: last,
      text: text.slice(first, last),
      words: words.map(w => shiftWord(w, first)),
      redirections: redirections.map(r => ({
        ...r,
        ...shift(r),
        target: r.target ? shiftWord(r.target, first) : null,
      })),
      separator,
      error: error ? { ...error, ...shift(error) } : null,
    })
    words = []
    redirections = []
    pendingRedirect = null
    first = -1
    last = -1
  }

  try {
    for (const token of scan(text)) {
      if (token.type === 'newline' || (token.type === 'operator' && SEPARATORS.includes(token.operator!))) {
        finish(token.operator!)
        continue
      }
      if (first < 0)
        first = token.start
      last = token.end
      if (token.type === 'operator') {
        pendingRedirect = { start: token.start, end: token.end, operator: token.operator!, target: null }
        redirections.push(pendingRedirect)
        continue
      }
      const word = token.word!
      if (pendingRedirect) {
        pendingRedirect.target = word
        pendingRedirect.end = word.end
        pendingRedirect = null
      }
      else {
        words.push(word)
      }
    }
    finish(null)
  }
  catch (failure) {
    if (!(failure instanceof Unclosed))
      throw failure
    // Everything from the current command's start to the end of the text is one unfinished command.
    if (first < 0 || first > failure.at)
      first = failure.at
    last = text.length
    // Words before the unclosed quote stay explained; the rest is cut off.
    words = words.filter(w => w.end <= failure.at)
    redirections = redirections.filter(r => r.end <= failure.at)
    const what = failure.what === '"' ? 'double quote' : failure.what === '\'' ? 'single quote' : `\`${failure.what}\``
    finish(null, {
      code: 'UNCLOSED_QUOTE',
      severity: 'error',
      start: failure.at,
      end: failure.at + failure.length,
      message: `This ${what} is never closed, so the shell would wait for more input instead of running the command.`,
    })
  }
  return commands
}

/** The words of a single command text (the first command, when there are several). */
export function tokenize(text: string): Word[] {
  return splitCommands(text)[0]?.words ?? []
}

/**
 * The source span of `word.value.slice(from, to)`. Quotes around the part are left out when they
 * sit outside it; an empty value maps to the whole word (`""` is still something you typed).
 */
export function valueSpan(word: Word, from: number, to: number): Span {
  const length = word.value.length
  if (length === 0)
    return { start: word.start, end: word.end }
  const first = Math.min(Math.max(from, 0), length - 1)
  const start = word.start + (from >= length ? word.raw.length : word.sourceIndex[first]!)
  if (to <= from)
    return { start, end: start }
  const last = Math.min(to, length) - 1
  const end = Math.max(start, word.start + word.sourceIndex[last]! + 1)
  return { start, end }
}

/** Part of `span` is text the shell replaces (`$PWD`, `$(pwd)`, `~`…), so docker gets something else. */
export function overlapsExpansion(word: Word, span: Span): boolean {
  return word.expansions.some(e => e.start < span.end && e.end > span.start)
}
