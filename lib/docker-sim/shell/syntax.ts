// The POSIX shell grammar, as far as a container's `sh -c` and an interactive session need it:
// words with quoting and expansions, simple commands with assignments and redirections, pipelines,
// `&&` `||` `;` `&`, `if`/`while`/`until`/`for`/`case`, `{ }`, `( )` and functions.

export type WordPart
  = | { type: 'text', text: string, quoted: boolean }
    | { type: 'param', name: string, op?: ParamOp, arg?: Word, quoted: boolean }
    | { type: 'command', source: string, quoted: boolean }
    | { type: 'arith', expression: string, quoted: boolean }

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '%' | '%%' | '##' | 'length'

export interface Word {
  parts: WordPart[]
  /** The source text, for messages (`cannot create nodir/x`). */
  raw: string
}

export interface Redirect {
  fd: number
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '&>'
  target: Word
  /** The body of a here-document, already read. */
  hereDoc?: { text: string, expand: boolean }
}

export interface SimpleCommand {
  type: 'simple'
  assignments: { name: string, value: Word }[]
  words: Word[]
  redirects: Redirect[]
  line: number
}

export type Command
  = | SimpleCommand
    | { type: 'if', branches: { condition: List, body: List }[], otherwise?: List, redirects: Redirect[] }
    | { type: 'loop', until: boolean, condition: List, body: List, redirects: Redirect[] }
    | { type: 'for', name: string, items: Word[] | null, body: List, redirects: Redirect[] }
    | { type: 'case', subject: Word, arms: { patterns: Word[], body: List }[], redirects: Redirect[] }
    | { type: 'group', body: List, subshell: boolean, redirects: Redirect[] }
    | { type: 'function', name: string, body: Command }

/** A command that takes redirections after its closing word (`done > log`). */
export type CompoundCommand = Exclude<Command, SimpleCommand | { type: 'function' }>

export interface Pipeline {
  negate: boolean
  commands: Command[]
}

export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||', pipeline: Pipeline }[]
  background: boolean
}

export type List = AndOr[]

export class ShellSyntaxError extends Error {
  constructor(readonly token: string, readonly line: number, readonly unterminated = false) {
    super(unterminated ? `Syntax error: ${token}` : `Syntax error: "${token}" unexpected`)
    this.name = 'ShellSyntaxError'
  }
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', 'for', 'in', 'case', 'esac', '{', '}', '!'])
const OPERATORS = ['&&', '||', ';;', '>>', '<<', '>&', '<&', '&>', '|', '&', ';', '<', '>', '(', ')', '\n']

type Token
  = | { kind: 'word', word: Word, line: number }
    | { kind: 'op', op: string, line: number, fd?: number }
    | { kind: 'eof', line: number }

/** Splits source into words and operators; expansions inside words are parsed into parts. */
class Lexer {
  private pos = 0
  line = 1
  private pendingHereDocs: Redirect[] = []

  constructor(private readonly src: string) {}

  next(): Token {
    this.skipBlanks()
    if (this.pos >= this.src.length)
      return { kind: 'eof', line: this.line }
    const c = this.src[this.pos]!
    if (c === '#') {
      while (this.pos < this.src.length && this.src[this.pos] !== '\n')
        this.pos++
      return this.next()
    }
    // An IO number: digits right before < or >.
    const io = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos))
    if (io) {
      this.pos += io[1]!.length
      const op = this.readOperator()!
      return { kind: 'op', op, line: this.line, fd: Number(io[1]) }
    }
    const op = this.readOperator()
    if (op) {
      const token: Token = { kind: 'op', op, line: this.line }
      if (op === '\n') {
        this.line++
        this.readHereDocBodies()
      }
      return token
    }
    return { kind: 'word', word: this.readWord(), line: this.line }
  }

  /** Here-documents start on the line after their `<<`: their bodies are read at that newline. */
  queueHereDoc(redirect: Redirect): void {
    this.pendingHereDocs.push(redirect)
  }

  private readHereDocBodies(): void {
    for (const redirect of this.pendingHereDocs.splice(0)) {
      const delimiter = redirect.target.parts.map(p => p.type === 'text' ? p.text : '').join('')
      const lines: string[] = []
      while (this.pos < this.src.length) {
        const end = this.src.indexOf('\n', this.pos)
        const line = this.src.slice(this.pos, end === -1 ? undefined : end)
        this.pos = end === -1 ? this.src.length : end + 1
        this.line++
        if (line === delimiter)
          break
        lines.push(line)
      }
      redirect.hereDoc = { text: lines.map(l => `${l}\n`).join(''), expand: redirect.target.parts.every(p => !(p.type === 'text' && p.quoted)) }
    }
  }

  atHereDocEnd(): boolean {
    return this.pendingHereDocs.length > 0
  }

  finishHereDocs(): void {
    if (this.pendingHereDocs.length)
      this.readHereDocBodies()
  }

  private skipBlanks(): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!
      if (c === ' ' || c === '\t') {
        this.pos++
      }
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2
        this.line++
      }
      else {
        break
      }
    }
  }

  private readOperator(): string | null {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length
        return op
      }
    }
    return null
  }

  /** The argument of ${x:-…}: everything, blanks included, read as one word. */
  readWhole(): Word {
    const parts: WordPart[] = []
    let text = ''
    const src = this.src
    while (this.pos < src.length) {
      const c = src[this.pos]!
      if (c === '\'' || c === '"' || c === '$' || c === '`' || c === '\\') {
        if (text)
          parts.push({ type: 'text', text, quoted: false })
        text = ''
        if (c === '\\') {
          parts.push({ type: 'text', text: src[this.pos + 1] ?? '\\', quoted: true })
          this.pos += 2
        }
        else if (c === '\'') {
          const end = src.indexOf('\'', this.pos + 1)
          parts.push({ type: 'text', text: src.slice(this.pos + 1, end === -1 ? undefined : end), quoted: true })
          this.pos = end === -1 ? src.length : end + 1
        }
        else if (c === '"') {
          this.pos++
          parts.push(...this.readDoubleQuoted())
        }
        else {
          const expansion = this.readExpansion(false)
          if (expansion) {
            parts.push(expansion)
          }
          else {
            text += c
            this.pos++
          }
        }
        continue
      }
      text += c
      this.pos++
    }
    if (text)
      parts.push({ type: 'text', text, quoted: false })
    return { parts, raw: src }
  }

  private readWord(): Word {
    const start = this.pos
    const parts: WordPart[] = []
    let text = ''
    const flush = () => {
      if (text)
        parts.push({ type: 'text', text, quoted: false })
      text = ''
    }
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!
      if (' \t\n;&|<>()'.includes(c))
        break
      if (c === '\\') {
        flush()
        const escaped = this.src[this.pos + 1]
        this.pos += 2
        if (escaped === undefined)
          parts.push({ type: 'text', text: '\\', quoted: false })
        else if (escaped !== '\n')
          parts.push({ type: 'text', text: escaped, quoted: true })
        continue
      }
      if (c === '\'') {
        flush()
        const end = this.src.indexOf('\'', this.pos + 1)
        if (end === -1)
          throw new ShellSyntaxError('Unterminated quoted string', this.line, true)
        parts.push({ type: 'text', text: this.src.slice(this.pos + 1, end), quoted: true })
        this.countLines(this.pos, end)
        this.pos = end + 1
        continue
      }
      if (c === '"') {
        flush()
        this.pos++
        parts.push(...this.readDoubleQuoted())
        continue
      }
      if (c === '$' || c === '`') {
        const expansion = this.readExpansion(false)
        if (expansion) {
          flush()
          parts.push(expansion)
          continue
        }
      }
      text += c
      this.pos++
    }
    flush()
    return { parts, raw: this.src.slice(start, this.pos) }
  }

  private countLines(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (this.src[i] === '\n')
        this.line++
    }
  }

  private readDoubleQuoted(): WordPart[] {
    const parts: WordPart[] = []
    let text = ''
    while (true) {
      if (this.pos >= this.src.length)
        throw new ShellSyntaxError('Unterminated quoted string', this.line, true)
      const c = this.src[this.pos]!
      if (c === '"') {
        this.pos++
        break
      }
      if (c === '\\' && '$`"\\\n'.includes(this.src[this.pos + 1] ?? '')) {
        if (this.src[this.pos + 1] !== '\n')
          text += this.src[this.pos + 1]
        this.pos += 2
        continue
      }
      if (c === '$' || c === '`') {
        const expansion = this.readExpansion(true)
        if (expansion) {
          if (text || !parts.length)
            parts.push({ type: 'text', text, quoted: true })
          text = ''
          parts.push(expansion)
          continue
        }
      }
      if (c === '\n')
        this.line++
      text += c
      this.pos++
    }
    if (text || !parts.length)
      parts.push({ type: 'text', text, quoted: true })
    return parts
  }

  /** `$name`, `${…}`, `$(…)`, `$((…))` or a backquoted command; null when `$` stands for itself. */
  private readExpansion(quoted: boolean): WordPart | null {
    const src = this.src
    if (src[this.pos] === '`') {
      const end = src.indexOf('`', this.pos + 1)
      if (end === -1)
        throw new ShellSyntaxError('Unterminated quoted string', this.line, true)
      const source = src.slice(this.pos + 1, end).replace(/\\([`$\\])/g, '$1')
      this.pos = end + 1
      return { type: 'command', source, quoted }
    }
    const next = src[this.pos + 1]
    if (next === '(' && src[this.pos + 2] === '(') {
      const end = matchClose(src, this.pos + 3, '(', ')', 2)
      if (end === -1)
        throw new ShellSyntaxError('Missing \'))\'', this.line, true)
      const expression = src.slice(this.pos + 3, end - 1)
      this.pos = end + 1
      return { type: 'arith', expression, quoted }
    }
    if (next === '(') {
      const end = matchClose(src, this.pos + 2, '(', ')', 1)
      if (end === -1)
        throw new ShellSyntaxError('Missing \')\'', this.line, true)
      const source = src.slice(this.pos + 2, end)
      this.countLines(this.pos, end)
      this.pos = end + 1
      return { type: 'command', source, quoted }
    }
    if (next === '{') {
      const end = matchClose(src, this.pos + 2, '{', '}', 1)
      if (end === -1)
        throw new ShellSyntaxError('Missing \'}\'', this.line, true)
      const body = src.slice(this.pos + 2, end)
      this.pos = end + 1
      return parseBraced(body, quoted)
    }
    if (next !== undefined && /[@*#?$!\d-]/.test(next)) {
      this.pos += 2
      return { type: 'param', name: next, quoted }
    }
    const name = /^[A-Z_]\w*/i.exec(src.slice(this.pos + 1))
    if (name) {
      this.pos += 1 + name[0].length
      return { type: 'param', name: name[0], quoted }
    }
    return null
  }
}

/** Index of the closer that balances `depth` openers already passed, skipping quotes. */
function matchClose(src: string, from: number, open: string, close: string, depth: number): number {
  let level = depth
  for (let i = from; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      i++
    }
    else if (c === '\'') {
      i = src.indexOf('\'', i + 1)
      if (i === -1)
        return -1
    }
    else if (c === open) {
      level++
    }
    else if (c === close) {
      level--
      if (level === 0)
        return i
    }
  }
  return -1
}

function parseBraced(body: string, quoted: boolean): WordPart {
  if (body.startsWith('#') && body.length > 1)
    return { type: 'param', name: body.slice(1), op: 'length', quoted }
  const name = /^(?:[A-Z_]\w*|[@*#?$!\d])/i.exec(body)?.[0]
  if (!name)
    throw new ShellSyntaxError('Bad substitution', 1, true)
  const op = /^(?::-|:=|:\+|:\?|%%|##|[-=+?%#])/.exec(body.slice(name.length))?.[0]
  const rest = body.slice(name.length + (op?.length ?? 0))
  if (!op && rest)
    throw new ShellSyntaxError('Bad substitution', 1, true)
  if (!op)
    return { type: 'param', name: name!, quoted }
  return { type: 'param', name: name!, op: op as ParamOp, arg: new Lexer(rest!).readWhole(), quoted }
}

/** Parses a whole script (or one interactive line). */
export function parseScript(src: string): List {
  return new Parser(src).script()
}

class Parser {
  private readonly lexer: Lexer
  private token: Token

  constructor(src: string) {
    this.lexer = new Lexer(src)
    this.token = this.lexer.next()
  }

  script(): List {
    const list = this.list(new Set())
    if (this.token.kind !== 'eof')
      throw new ShellSyntaxError(this.describe(), this.token.line)
    return list
  }

  private describe(): string {
    if (this.token.kind === 'eof')
      return 'end of file'
    if (this.token.kind === 'op')
      return this.token.op === '\n' ? 'newline' : this.token.op
    return this.token.word.raw
  }

  private advance(): void {
    this.token = this.lexer.next()
  }

  private atEnd(): boolean {
    return this.token.kind === 'eof'
  }

  private isOp(op: string): boolean {
    return this.token.kind === 'op' && this.token.op === op
  }

  private isReserved(word: string): boolean {
    return this.token.kind === 'word' && this.token.word.raw === word && isPlain(this.token.word)
  }

  private skipNewlines(): void {
    while (this.isOp('\n'))
      this.advance()
  }

  private expectReserved(word: string): void {
    this.skipNewlines()
    if (!this.isReserved(word))
      throw new ShellSyntaxError(this.describe(), this.token.line)
    this.advance()
  }

  /** Like `list`, but an empty one is a syntax error at the word that ended it (`if then`). */
  private nonEmptyList(stop: Set<string>): List {
    const list = this.list(stop)
    if (!list.length)
      throw new ShellSyntaxError(this.describe(), this.token.line)
    return list
  }

  /** Commands until one of the `stop` reserved words (or `)`, `;;`, end). */
  private list(stop: Set<string>): List {
    const list: List = []
    while (true) {
      this.skipNewlines()
      if (this.token.kind === 'eof' || this.isOp(')') || this.isOp(';;'))
        break
      if (this.token.kind === 'word' && isPlain(this.token.word) && stop.has(this.token.word.raw))
        break
      const andOr = this.andOr()
      list.push(andOr)
      if (this.isOp(';') || this.isOp('&')) {
        andOr.background = this.isOp('&')
        this.advance()
      }
      else if (this.isOp('\n')) {
        this.advance()
      }
      else if (!(this.atEnd() || this.isOp(')') || this.isOp(';;') || (this.token.kind === 'word' && stop.has(this.token.word.raw)))) {
        throw new ShellSyntaxError(this.describe(), this.token.line)
      }
    }
    return list
  }

  private andOr(): AndOr {
    const first = this.pipeline()
    const rest: AndOr['rest'] = []
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.token as { op: '&&' | '||' }).op
      this.advance()
      this.skipNewlines()
      rest.push({ op, pipeline: this.pipeline() })
    }
    return { first, rest, background: false }
  }

  private pipeline(): Pipeline {
    let negate = false
    if (this.isReserved('!')) {
      negate = true
      this.advance()
    }
    const commands = [this.command()]
    while (this.isOp('|')) {
      this.advance()
      this.skipNewlines()
      commands.push(this.command())
    }
    return { negate, commands }
  }

  private command(): Command {
    const line = this.token.line
    if (this.token.kind === 'word' && isPlain(this.token.word)) {
      switch (this.token.word.raw) {
        case 'if': return this.withRedirects(this.ifCommand())
        case 'while':
        case 'until': return this.withRedirects(this.loop())
        case 'for': return this.withRedirects(this.forCommand())
        case 'case': return this.withRedirects(this.caseCommand())
        case '{': {
          this.advance()
          const body = this.list(new Set(['}']))
          this.expectReserved('}')
          return this.withRedirects({ type: 'group', body, subshell: false, redirects: [] })
        }
      }
      if (RESERVED.has(this.token.word.raw) && this.token.word.raw !== '!')
        throw new ShellSyntaxError(this.token.word.raw, line)
    }
    if (this.isOp('(')) {
      this.advance()
      const body = this.list(new Set())
      if (!this.isOp(')'))
        throw new ShellSyntaxError(this.describe(), this.token.line)
      this.advance()
      return this.withRedirects({ type: 'group', body, subshell: true, redirects: [] })
    }
    const command: SimpleCommand = { type: 'simple', assignments: [], words: [], redirects: [], line }
    while (true) {
      if (this.token.kind === 'word') {
        const word = this.token.word
        const assignment = /^([A-Z_]\w*)=/i.exec(word.raw)
        if (!command.words.length && assignment && word.parts[0]?.type === 'text' && !word.parts[0].quoted) {
          command.assignments.push({ name: assignment[1]!, value: dropPrefix(word, assignment[0].length) })
          this.advance()
          continue
        }
        command.words.push(word)
        this.advance()
        // `name() body`: a function definition.
        if (command.words.length === 1 && !command.assignments.length && this.isOp('(')) {
          this.advance()
          if (!this.isOp(')'))
            throw new ShellSyntaxError(this.describe(), this.token.line)
          this.advance()
          this.skipNewlines()
          return { type: 'function', name: word.raw, body: this.command() }
        }
        continue
      }
      if (this.token.kind === 'op' && ['>', '>>', '<', '>&', '<&', '<<', '&>'].includes(this.token.op)) {
        command.redirects.push(this.redirect())
        continue
      }
      break
    }
    if (!command.words.length && !command.assignments.length && !command.redirects.length)
      throw new ShellSyntaxError(this.describe(), this.token.line)
    return command
  }

  private redirect(): Redirect {
    const token = this.token as { op: Redirect['op'], fd?: number }
    const op = token.op
    const fd = token.fd ?? (op === '<' || op === '<&' || op === '<<' ? 0 : 1)
    this.advance()
    if (this.token.kind !== 'word')
      throw new ShellSyntaxError(this.describe(), this.token.line)
    const redirect: Redirect = { fd, op, target: this.token.word }
    if (op === '<<')
      this.lexer.queueHereDoc(redirect)
    this.advance()
    return redirect
  }

  private withRedirects(command: CompoundCommand): CompoundCommand {
    while (this.token.kind === 'op' && ['>', '>>', '<', '>&', '<&', '&>'].includes(this.token.op))
      command.redirects.push(this.redirect())
    return command
  }

  private ifCommand(): CompoundCommand {
    this.advance()
    const branches: { condition: List, body: List }[] = []
    const condition = this.nonEmptyList(new Set(['then']))
    this.expectReserved('then')
    branches.push({ condition, body: this.nonEmptyList(new Set(['elif', 'else', 'fi'])) })
    let otherwise: List | undefined
    while (true) {
      if (this.isReserved('elif')) {
        this.advance()
        const c = this.nonEmptyList(new Set(['then']))
        this.expectReserved('then')
        branches.push({ condition: c, body: this.nonEmptyList(new Set(['elif', 'else', 'fi'])) })
        continue
      }
      if (this.isReserved('else')) {
        this.advance()
        otherwise = this.nonEmptyList(new Set(['fi']))
      }
      break
    }
    this.expectReserved('fi')
    return { type: 'if', branches, otherwise, redirects: [] }
  }

  private loop(): CompoundCommand {
    const until = this.isReserved('until')
    this.advance()
    const condition = this.nonEmptyList(new Set(['do']))
    this.expectReserved('do')
    const body = this.nonEmptyList(new Set(['done']))
    this.expectReserved('done')
    return { type: 'loop', until, condition, body, redirects: [] }
  }

  private forCommand(): CompoundCommand {
    this.advance()
    if (this.token.kind !== 'word')
      throw new ShellSyntaxError(this.describe(), this.token.line)
    const name = this.token.word.raw
    this.advance()
    let items: Word[] | null = null
    this.skipNewlines()
    if (this.isReserved('in')) {
      this.advance()
      items = []
      while (this.token.kind === 'word') {
        items.push(this.token.word)
        this.advance()
      }
      if (this.isOp(';') || this.isOp('\n'))
        this.advance()
    }
    else if (this.isOp(';')) {
      this.advance()
    }
    this.expectReserved('do')
    const body = this.list(new Set(['done']))
    this.expectReserved('done')
    return { type: 'for', name, items, body, redirects: [] }
  }

  private caseCommand(): CompoundCommand {
    this.advance()
    if (this.token.kind !== 'word')
      throw new ShellSyntaxError(this.describe(), this.token.line)
    const subject = this.token.word
    this.advance()
    this.expectReserved('in')
    const arms: { patterns: Word[], body: List }[] = []
    while (true) {
      this.skipNewlines()
      if (this.isReserved('esac'))
        break
      if (this.isOp('('))
        this.advance()
      const patterns: Word[] = []
      while (this.token.kind === 'word') {
        patterns.push(this.token.word)
        this.advance()
        if (this.isOp('|'))
          this.advance()
        else
          break
      }
      if (!this.isOp(')'))
        throw new ShellSyntaxError(this.describe(), this.token.line)
      this.advance()
      const body = this.list(new Set(['esac']))
      arms.push({ patterns, body })
      if (this.isOp(';;'))
        this.advance()
      else
        break
    }
    this.expectReserved('esac')
    return { type: 'case', subject, arms, redirects: [] }
  }
}

function isPlain(word: Word): boolean {
  return word.parts.length === 1 && word.parts[0]!.type === 'text' && !word.parts[0]!.quoted
}

function dropPrefix(word: Word, length: number): Word {
  const [first, ...rest] = word.parts
  const text = (first as { text: string }).text.slice(length)
  return { parts: text ? [{ type: 'text', text, quoted: false }, ...rest] : rest, raw: word.raw.slice(length) }
}
