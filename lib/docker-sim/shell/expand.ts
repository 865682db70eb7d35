// Word expansion in POSIX order: parameters, command substitution and arithmetic, then field
// splitting of unquoted results, then pathname expansion (globs) of unquoted patterns.

import type { FileSystem } from '../process'
import type { Word } from './syntax'
import { resolvePath } from '../fs/filesystem'

export interface ExpandContext {
  getVar: (name: string) => string | undefined
  setVar: (name: string, value: string) => void
  positional: () => string[]
  special: (name: string) => string | undefined
  substitute: (source: string) => Promise<string>
  fs: FileSystem
  cwd: string
  /** `${x:?msg}` on an unset x: the shell reports and stops the command. */
  fail: (message: string) => never
}

interface Field {
  text: string
  pattern: string
  glob: boolean
  started: boolean
}

export async function expandWord(word: Word, ctx: ExpandContext, options: { split: boolean } = { split: true }): Promise<string[]> {
  const fields: string[] = []
  const globbed: boolean[] = []
  const patterns: string[] = []
  let cur: Field = { text: '', pattern: '', glob: false, started: false }
  const push = () => {
    fields.push(cur.text)
    patterns.push(cur.pattern)
    globbed.push(cur.glob)
    cur = { text: '', pattern: '', glob: false, started: false }
  }
  const addQuoted = (text: string) => {
    cur.text += text
    cur.pattern += text.replace(/[*?[\]\\]/g, '\\$&')
    cur.started = true
  }
  const addUnquoted = (text: string) => {
    cur.text += text
    cur.pattern += text
    if (/[*?[]/.test(text))
      cur.glob = true
    if (text)
      cur.started = true
  }
  const addSplit = (value: string) => {
    if (!options.split) {
      addUnquoted(value)
      return
    }
    const pieces = value.split(/[ \t\n]+/)
    pieces.forEach((piece, i) => {
      if (i > 0 && cur.started)
        push()
      addUnquoted(piece)
    })
  }

  for (const part of word.parts) {
    if (part.type === 'text') {
      if (part.quoted)
        addQuoted(part.text)
      else
        addUnquoted(part.text)
      continue
    }
    if (part.type === 'param' && part.name === '@' && !part.op) {
      const params = ctx.positional()
      if (part.quoted) {
        params.forEach((param, i) => {
          if (i > 0)
            push()
          addQuoted(param)
        })
      }
      else {
        params.forEach(param => addSplit(` ${param} `))
      }
      continue
    }
    const value = await expandPart(part, ctx)
    if (part.quoted)
      addQuoted(value)
    else
      addSplit(value)
  }
  if (cur.started || (!options.split && !fields.length))
    push()
  if (!options.split)
    return [fields.join(' ')]
  const result: string[] = []
  fields.forEach((field, i) => {
    if (globbed[i]) {
      const matches = glob(patterns[i]!, ctx.fs, ctx.cwd)
      if (matches.length) {
        result.push(...matches)
        return
      }
    }
    result.push(field)
  })
  return result
}

/** Expands a word to one string (assignments, redirection targets, `case` subjects). */
export async function expandToString(word: Word, ctx: ExpandContext): Promise<string> {
  return (await expandWord(word, ctx, { split: false }))[0] ?? ''
}

async function expandPart(part: Exclude<Word['parts'][number], { type: 'text' }>, ctx: ExpandContext): Promise<string> {
  if (part.type === 'command')
    return (await ctx.substitute(part.source)).replace(/\n+$/, '')
  if (part.type === 'arith')
    return String(evaluateArithmetic(await expandArithmeticText(part.expression, ctx), ctx))
  const value = ctx.special(part.name) ?? (/^\d+$/.test(part.name) ? ctx.positional()[Number(part.name) - 1] : ctx.getVar(part.name))
  const arg = async () => part.arg ? expandToString(part.arg, ctx) : ''
  switch (part.op) {
    case undefined: return value ?? ''
    case 'length': return String([...(value ?? '')].length)
    case ':-': return value || arg()
    case '-': return value !== undefined ? value : arg()
    case ':=':
    case '=':
      if (part.op === ':=' ? !value : value === undefined) {
        const assigned = await arg()
        ctx.setVar(part.name, assigned)
        return assigned
      }
      return value!
    case ':+': return value ? arg() : ''
    case '+': return value !== undefined ? arg() : ''
    case ':?':
    case '?':
      if (part.op === ':?' ? !value : value === undefined)
        ctx.fail(`${part.name}: ${(await arg()) || 'parameter not set'}`)
      return value!
    case '%':
    case '%%':
    case '#':
    case '##':
      return trimPattern(value ?? '', await arg(), part.op)
  }
}

function trimPattern(value: string, pattern: string, op: '%' | '%%' | '#' | '##'): string {
  const regex = globToRegex(pattern)
  if (op === '#' || op === '##') {
    const lengths = [...Array.from({ length: value.length + 1 }).keys()]
    for (const n of op === '#' ? lengths : lengths.reverse()) {
      if (regex.test(value.slice(0, n)))
        return value.slice(n)
    }
    return value
  }
  const starts = [...Array.from({ length: value.length + 1 }).keys()]
  for (const n of op === '%' ? starts.reverse() : starts) {
    if (regex.test(value.slice(n)))
      return value.slice(0, n)
  }
  return value
}

async function expandArithmeticText(expression: string, ctx: ExpandContext): Promise<string> {
  let out = ''
  const re = /\$\{?(\w+)\}?|\$\(([^)]*)\)/g
  let last = 0
  for (const match of expression.matchAll(re)) {
    out += expression.slice(last, match.index)
    out += match[2] !== undefined ? (await ctx.substitute(match[2])).trim() : (ctx.special(match[1]!) ?? ctx.getVar(match[1]!) ?? '')
    last = match.index + match[0].length
  }
  return out + expression.slice(last)
}

/** `$(( … ))`: integers with + - * / % ( ), comparisons, && || ! and variables by name. */
export function evaluateArithmetic(expression: string, ctx: Pick<ExpandContext, 'getVar' | 'fail'>): number {
  const tokens = expression.match(/\d+|[A-Z_]\w*|&&|\|\||[<>=!]=|<<|>>|[-+*/%()<>!]/gi) ?? []
  if (tokens.join('') !== expression.replace(/\s+/g, ''))
    ctx.fail(`arithmetic expression: expecting primary: "${expression.trim()}"`)
  let i = 0
  const peek = () => tokens[i]
  const primary = (): number => {
    const t = tokens[i++]
    if (t === undefined)
      return ctx.fail(`arithmetic expression: expecting primary: "${expression.trim()}"`)
    if (t === '(') {
      // eslint-disable-next-line ts/no-use-before-define -- mutual recursion: ( … ) holds a whole expression
      const v = or()
      i++
      return v
    }
    if (t === '-')
      return -primary()
    if (t === '+')
      return primary()
    if (t === '!')
      return primary() ? 0 : 1
    if (/^\d+$/.test(t))
      return Number(t)
    const v = ctx.getVar(t)
    return v ? Number.parseInt(v, 10) || 0 : 0
  }
  const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
    let v = next()
    while (peek() !== undefined && ops[peek()!]) {
      const op = ops[tokens[i++]!]!
      v = op(v, next())
    }
    return v
  }
  const mul = binary(primary, {
    '*': (a, b) => a * b,
    '/': (a, b) => b === 0 ? ctx.fail('arithmetic expression: division by zero') : Math.trunc(a / b),
    '%': (a, b) => b === 0 ? ctx.fail('arithmetic expression: division by zero') : a % b,
  })
  const add = binary(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b })
  const compare = binary(add, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b) })
  const equal = binary(compare, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) })
  const and = binary(equal, { '&&': (a, b) => +(a !== 0 && b !== 0) })
  const or = binary(and, { '||': (a, b) => +(a !== 0 || b !== 0) })
  return or()
}

/** A shell pattern as a regular expression matching the whole string. */
export function globToRegex(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '\\') {
      re += (pattern[++i] ?? '\\').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    }
    else if (c === '*') {
      re += '.*'
    }
    else if (c === '?') {
      re += '.'
    }
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end === -1) {
        re += '\\['
      }
      else {
        let set = pattern.slice(i + 1, end)
        if (set.startsWith('!'))
          set = `^${set.slice(1)}`
        re += `[${set.replace(/\\/g, '\\\\')}]`
        i = end
      }
    }
    else {
      re += c.replace(/[.+^${}()|/]/g, '\\$&')
    }
  }
  return new RegExp(`^${re}$`, 's')
}

/** Pathname expansion: the sorted matches of a pattern, or none. Hidden names need a leading `.` in the pattern. */
function glob(pattern: string, fs: FileSystem, cwd: string): string[] {
  const absolute = pattern.startsWith('/')
  const parts = pattern.split('/').filter(Boolean)
  let bases: string[] = [absolute ? '/' : '']
  for (const part of parts) {
    const next: string[] = []
    const literal = !/[*?[]/.test(part.replace(/\\./g, ''))
    for (const base of bases) {
      const dir = resolvePath(cwd, base || '.')
      if (literal) {
        const name = part.replace(/\\(.)/g, '$1')
        const path = base === '/' ? `/${name}` : base ? `${base}/${name}` : name
        if (fs.stat(resolvePath(cwd, path)))
          next.push(path)
        continue
      }
      const stat = fs.stat(dir)
      if (stat?.kind !== 'dir')
        continue
      const regex = globToRegex(part)
      for (const name of fs.readdir(dir)) {
        if (name.startsWith('.') && !part.startsWith('.'))
          continue
        if (regex.test(name))
          next.push(base === '/' ? `/${name}` : base ? `${base}/${name}` : name)
      }
    }
    bases = next
  }
  return bases.filter(b => b !== '' && b !== '/').sort()
}
