// Variable substitution as the builder does it in FROM, COPY, ADD, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME and
// STOPSIGNAL (BuildKit's frontend/dockerfile/shell/lex.go): `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}`,
// quotes removed, the escape character kept literal. RUN, CMD and ENTRYPOINT are left alone: their shell expands them.

export interface Expansion {
  value: string
  /** Every variable the text reads, in order, once each. */
  used: string[]
  /** Variables read that have no value in scope (they expand to ''). */
  missing: string[]
}

export type Lookup = (name: string) => string | undefined

const NAME = /^[A-Z_]\w*/i

/** `text` with its variables replaced; `removeQuotes` strips quotes as word processing does (ENV, LABEL, COPY…). */
export function expandVariables(text: string, lookup: Lookup, options: { escapeChar?: string, removeQuotes?: boolean } = {}): Expansion {
  const escape = options.escapeChar ?? '\\'
  const removeQuotes = options.removeQuotes ?? true
  const used: string[] = []
  const missing: string[] = []
  const read = (name: string): string | undefined => {
    if (!used.includes(name))
      used.push(name)
    const value = lookup(name)
    if (value === undefined && !missing.includes(name))
      missing.push(name)
    return value
  }

  let out = ''
  let quote: '\'' | '"' | null = null
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    if (quote === '\'') {
      if (char === '\'') {
        quote = null
        if (!removeQuotes)
          out += char
      }
      else {
        out += char
      }
      i++
      continue
    }
    if (char === escape && i + 1 < text.length) {
      const next = text[i + 1]!
      // Inside double quotes only `$`, `"` and the escape itself are escaped; elsewhere every character.
      if (quote === '"' && next !== '$' && next !== '"' && next !== escape)
        out += char
      else if (!removeQuotes)
        out += char
      out += next
      i += 2
      continue
    }
    if ((char === '\'' && quote === null) || char === '"') {
      quote = char === '"' ? (quote === '"' ? null : '"') : '\''
      if (!removeQuotes)
        out += char
      i++
      continue
    }
    if (char === '$') {
      const consumed = expandAt(text, i + 1, read, options)
      if (consumed) {
        out += consumed.value
        i = consumed.end
        continue
      }
    }
    out += char
    i++
  }
  return { value: out, used, missing }
}

function expandAt(text: string, start: number, read: (name: string) => string | undefined, options: { escapeChar?: string }): { value: string, end: number } | null {
  if (text[start] !== '{') {
    const name = NAME.exec(text.slice(start))?.[0]
    if (!name)
      return null
    return { value: read(name) ?? '', end: start + name.length }
  }
  const close = matchingBrace(text, start)
  if (close < 0)
    return null
  const inner = text.slice(start + 1, close)
  const name = NAME.exec(inner)?.[0]
  if (!name)
    return null
  const rest = inner.slice(name.length)
  const value = read(name)
  const word = (from: number) => expandVariables(rest.slice(from), n => read(n), { ...options, removeQuotes: true }).value
  let result: string
  if (rest === '')
    result = value ?? ''
  else if (rest.startsWith(':-'))
    result = value || word(2)
  else if (rest.startsWith('-'))
    result = value !== undefined ? value : word(1)
  else if (rest.startsWith(':+'))
    result = value ? word(2) : ''
  else if (rest.startsWith('+'))
    result = value !== undefined ? word(1) : ''
  else
    result = value ?? '' // `${A:?err}` and the pattern forms: the value itself is the best guess
  return { value: result, end: close + 1 }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{')
      depth++
    else if (text[i] === '}' && --depth === 0)
      return i
  }
  return -1
}

/** Names of the variables a shell command reads (`$X`, `${X}`, `${X:-…}`), outside single quotes. */
export function variablesReadByShell(command: string): string[] {
  return expandVariables(command, () => '', { removeQuotes: true }).used
}
