// Docker's text formats: sizes and durations as go-units prints them, tables as the docker client's
// tabwriter lays them out, and the subset of Go templates `--format` uses.
// Sources: docker/cli vendor/github.com/docker/go-units (size.go, duration.go),
// cli/command/formatter/formatter.go (tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)).

/** Go's `%.*g`: `precision` significant digits, trailing zeros dropped. */
function goG(value: number, precision: number): string {
  if (value === 0)
    return '0'
  const exponent = Math.floor(Math.log10(Math.abs(value)))
  if (exponent < -4 || exponent >= precision) {
    const [mantissa, exp] = value.toExponential(precision - 1).split('e')
    const trimmed = mantissa!.includes('.') ? mantissa!.replace(/\.?0+$/, '') : mantissa!
    const power = Number(exp)
    return `${trimmed}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`
  }
  const fixed = value.toFixed(Math.max(0, precision - 1 - exponent))
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB']

/** go-units HumanSizeWithPrecision: `1.02GB`, `41.4MB`, `0B`. */
export function humanSize(bytes: number, precision = 3): string {
  let size = bytes
  let unit = 0
  while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    size /= 1000
    unit++
  }
  return `${goG(size, precision)}${DECIMAL_UNITS[unit]}`
}

/** go-units BytesSize (`%.4g`, base 1024): what `docker stats` prints for memory. */
export function bytesSize(bytes: number): string {
  let size = bytes
  let unit = 0
  while (size >= 1024 && unit < BINARY_UNITS.length - 1) {
    size /= 1024
    unit++
  }
  return `${goG(size, 4)}${BINARY_UNITS[unit]}`
}

/** go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < 1)
    return 'Less than a second'
  if (seconds === 1)
    return '1 second'
  if (seconds < 60)
    return `${seconds} seconds`
  const minutes = Math.floor(ms / 60000)
  if (minutes === 1)
    return 'About a minute'
  if (minutes < 60)
    return `${minutes} minutes`
  const hours = Math.floor(ms / 3600000 + 0.5)
  if (hours === 1)
    return 'About an hour'
  if (hours < 48)
    return `${hours} hours`
  if (hours < 24 * 7 * 2)
    return `${Math.floor(hours / 24)} days`
  if (hours < 24 * 30 * 2)
    return `${Math.floor(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2)
    return `${Math.floor(hours / 24 / 30)} months`
  return `${Math.floor(ms / 3600000 / 24 / 365)} years`
}

/** Go's text/tabwriter with the docker client's settings: minwidth 10, padding 3, cells end at tabs. */
export function tabwrite(text: string): string {
  const lines = text.split('\n')
  const trailingNewline = text.endsWith('\n')
  if (trailingNewline)
    lines.pop()
  const rows = lines.map(line => line.split('\t'))
  // A column block runs over consecutive lines that have a cell in that column (tabwriter's rule).
  const widths: number[][] = rows.map(row => Array.from({ length: row.length - 1 }, () => 0 as number))
  const columnCount = Math.max(0, ...rows.map(row => row.length - 1))
  for (let column = 0; column < columnCount; column++) {
    let start = 0
    while (start < rows.length) {
      if (rows[start]!.length - 1 <= column) {
        start++
        continue
      }
      let end = start
      let width = 0
      while (end < rows.length && rows[end]!.length - 1 > column) {
        width = Math.max(width, [...rows[end]![column]!].length)
        end++
      }
      width = Math.max(10, width + 3)
      for (let i = start; i < end; i++)
        widths[i]![column] = width
      start = end
    }
  }
  const out = rows.map((row, i) => row.map((cell, column) => column < row.length - 1 ? cell.padEnd(widths[i]![column]!) : cell).join(''))
  return out.join('\n') + (trailingNewline ? '\n' : '')
}

/** docker's TruncateID: 12 characters, without the `sha256:` prefix. */
export function shortId(id: string): string {
  const bare = id.startsWith('sha256:') ? id.slice(7) : id
  return bare.slice(0, 12)
}

/** The docker client's Ellipsis: cut to `max` characters, the last one `…`. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max)
    return text
  return `${chars.slice(0, max - 1).join('')}…`
}

/** Go's strconv.Quote for the printable ASCII docker commands hold. */
export function goQuote(text: string): string {
  return JSON.stringify(text).replace(/\\u007f/g, '\\x7f')
}

/** RFC 3339 with nanoseconds as Docker writes its timestamps (logs -t, inspect). */
export function rfc3339Nano(epochMs: number): string {
  const iso = new Date(epochMs).toISOString() // 2026-12-01T09:00:00.123Z
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`
}

/** `2026-12-01 09:00:00 +0000 UTC`: Go's time.Time String, what `{{.CreatedAt}}` prints. */
export function goTimeString(epochMs: number): string {
  const iso = new Date(epochMs).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`
}

// ---------------------------------------------------------------------------
// Go templates, the part `--format` uses
// ---------------------------------------------------------------------------

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue }

export class TemplateError extends Error {}

/** `table {{.ID}}\t{{.Names}}` → header from `headers`, one row per item, laid out by tabwrite. */
export interface FormatRequest {
  format: string
  /** What each field prints in a `table` header: `ID` → `CONTAINER ID`. */
  headers: Record<string, string>
}

/** Docker's `\t` and `\n` escapes in a format given on the command line are real tabs and newlines. */
function unescapeFormat(format: string): string {
  return format.replace(/\\t/g, '\t').replace(/\\n/g, '\n')
}

interface Action {
  kind: 'text' | 'action'
  text: string
}

function splitTemplate(template: string): Action[] {
  const parts: Action[] = []
  let index = 0
  while (index < template.length) {
    const open = template.indexOf('{{', index)
    if (open < 0) {
      parts.push({ kind: 'text', text: template.slice(index) })
      break
    }
    if (open > index)
      parts.push({ kind: 'text', text: template.slice(index, open) })
    const close = template.indexOf('}}', open)
    if (close < 0)
      throw new TemplateError(`template: :1: unclosed action`)
    let inner = template.slice(open + 2, close)
    if (inner.startsWith('-'))
      inner = inner.slice(1)
    if (inner.endsWith('-'))
      inner = inner.slice(0, -1)
    parts.push({ kind: 'action', text: inner.trim() })
    index = close + 2
  }
  return parts
}

function printValue(value: TemplateValue | undefined): string {
  if (value === undefined || value === null)
    return '<no value>'
  if (Array.isArray(value))
    return `[${value.map(printValue).join(' ')}]`
  if (typeof value === 'object')
    return `map[${Object.keys(value).sort().map(key => `${key}:${printValue(value[key])}`).join(' ')}]`
  return String(value)
}

function lookupPath(data: TemplateValue, path: string): TemplateValue | undefined {
  let current: TemplateValue | undefined = data
  for (const name of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object' || Array.isArray(current))
      throw new TemplateError(`template: :1: can't evaluate field ${name}`)
    if (!(name in current))
      throw new TemplateError(`template: :1:${2}: executing "" at <.${path}>: can't evaluate field ${name} in type ${typeName(current)}`)
    current = current[name]
  }
  return current
}

function typeName(_value: TemplateValue): string {
  return 'formatter.context'
}

function evaluate(expression: string, data: TemplateValue, vars: ReadonlyMap<string, TemplateValue> = new Map()): TemplateValue | undefined {
  const words = expression.split(/\s+/).filter(Boolean)
  if (words.length === 0)
    throw new TemplateError('template: :1: missing value for command')
  const [head, ...rest] = words
  const argument = (word: string | undefined): TemplateValue | undefined => {
    if (word === undefined)
      throw new TemplateError(`template: :1: wrong number of args for ${head}`)
    if (word === '.')
      return data
    if (word.startsWith('.'))
      return lookupPath(data, word.slice(1))
    if (word.startsWith('$')) {
      const [name, ...path] = word.split('.')
      if (!vars.has(name!))
        throw new TemplateError(`template: :1: undefined variable "${name}"`)
      return path.length ? lookupPath(vars.get(name!)!, path.join('.')) : vars.get(name!)
    }
    if (/^".*"$/.test(word))
      return JSON.parse(word) as string
    throw new TemplateError(`template: :1: function "${word}" not defined`)
  }
  switch (head) {
    case 'json':
      return JSON.stringify(argument(rest[0]) ?? null)
    case 'upper':
      return printValue(argument(rest[0])).toUpperCase()
    case 'lower':
      return printValue(argument(rest[0])).toLowerCase()
    case 'println':
      return `${rest.map(word => printValue(argument(word))).join(' ')}\n`
    case 'index': {
      const container = argument(rest[0])
      const key = argument(rest[1])
      if (container && typeof container === 'object' && !Array.isArray(container))
        return container[String(key)]
      if (Array.isArray(container))
        return container[Number(key)]
      return undefined
    }
    case 'join': {
      const list = argument(rest[0])
      const separator = argument(rest[1])
      return Array.isArray(list) ? list.map(printValue).join(String(separator)) : printValue(list)
    }
    default:
      if (rest.length > 0)
        throw new TemplateError(`template: :1: function "${head}" not defined`)
      return argument(head)
  }
}

interface TemplateNode {
  kind: 'text' | 'action' | 'range' | 'if'
  text: string
  body: TemplateNode[]
  otherwise: TemplateNode[]
}

/** Nests `range`/`if` … `else` … `end` blocks (the two text/template controls `--format` strings use). */
function parseTemplate(template: string): TemplateNode[] {
  const root: TemplateNode[] = []
  const stack: { node: TemplateNode | null, list: TemplateNode[], inElse: boolean }[] = [{ node: null, list: root, inElse: false }]
  for (const part of splitTemplate(template)) {
    const top = stack[stack.length - 1]!
    const list = top.inElse && top.node ? top.node.otherwise : top.list
    if (part.kind === 'text') {
      list.push({ kind: 'text', text: part.text, body: [], otherwise: [] })
      continue
    }
    const [word, ...rest] = part.text.split(/\s+/)
    if (word === 'range' || word === 'if') {
      const node: TemplateNode = { kind: word, text: rest.join(' '), body: [], otherwise: [] }
      list.push(node)
      stack.push({ node, list: node.body, inElse: false })
    }
    else if (word === 'else') {
      if (stack.length === 1)
        throw new TemplateError('template: :1: unexpected {{else}}')
      top.inElse = true
    }
    else if (word === 'end') {
      if (stack.length === 1)
        throw new TemplateError('template: :1: unexpected {{end}}')
      stack.pop()
    }
    else {
      list.push({ kind: 'action', text: part.text, body: [], otherwise: [] })
    }
  }
  if (stack.length > 1)
    throw new TemplateError('template: :1: unexpected EOF')
  return root
}

function truthy(value: TemplateValue | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '')
    return false
  if (Array.isArray(value))
    return value.length > 0
  if (typeof value === 'object')
    return Object.keys(value).length > 0
  return true
}

function run(nodes: readonly TemplateNode[], data: TemplateValue, vars: ReadonlyMap<string, TemplateValue> = new Map()): string {
  let out = ''
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += node.text
    }
    else if (node.kind === 'action') {
      out += printValue(evaluate(node.text, data, vars))
    }
    else if (node.kind === 'if') {
      out += truthy(evaluate(node.text, data, vars)) ? run(node.body, data, vars) : run(node.otherwise, data, vars)
    }
    else {
      // `range .X`, `range $v := .X`, `range $k, $v := .X`: maps in key order, as Go's text/template.
      const declared = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*(\S.*)$/.exec(node.text)
      const value = evaluate(declared ? declared[3]! : node.text, data, vars)
      const entries: [TemplateValue, TemplateValue][] = Array.isArray(value)
        ? value.map((item, index) => [index, item])
        : value && typeof value === 'object' ? Object.keys(value).sort().map(key => [key, value[key]!]) : []
      out += entries.length
        ? entries.map(([key, item]) => {
            const scope = new Map(vars)
            if (declared?.[2]) {
              scope.set(declared[1]!, key)
              scope.set(declared[2], item)
            }
            else if (declared) {
              scope.set(declared[1]!, item)
            }
            return run(node.body, item, scope)
          }).join('')
        : run(node.otherwise, data, vars)
    }
  }
  return out
}

/** Executes one template over one item (what Go prints, including `<no value>`). */
export function executeTemplate(template: string, data: TemplateValue): string {
  return run(parseTemplate(template), data)
}

/**
 * Formats rows the way the docker client's formatter.Context does: `table …` prints a header (each
 * `{{.Field}}` replaced by its header) and tab-aligned rows; anything else is one template a row.
 */
export function formatRows(format: string, headers: Record<string, string>, rows: readonly TemplateValue[]): string {
  const template = unescapeFormat(format)
  // The client parses the template before it has rows: a broken one fails even on an empty list.
  parseTemplate(template.startsWith('table') ? template.slice('table'.length) : template)
  if (template.startsWith('table')) {
    const body = template.slice('table'.length).replace(/^\s/, '')
    const header = body.replace(/\{\{-?\s*(?:json\s+)?\.(\w+)\s*-?\}\}/g, (_all, field: string) => headers[field] ?? field.toUpperCase())
    const lines = [header, ...rows.map(row => executeTemplate(body, row))]
    return tabwrite(`${lines.join('\n')}\n`)
  }
  return rows.map(row => `${executeTemplate(template, row)}\n`).join('')
}
