// The line a student types into a slide's terminal, edited the way a shell's readline does: cursor keys,
// history, Ctrl-A/E/U/K/W, paste of several lines, and the control keys a terminal turns into signals.
// Pure: it receives what the terminal sends (xterm's onData) and answers with what to write back and what
// happened. A real pty echoes typed text; the simulated host does not, so the echo is made here.

/** Where the typed text starts on screen, so a line longer than the terminal's width can be redrawn. */
export interface LineLayout {
  /** Column (0-based) of the first typed character. */
  startColumn: number
  columns: number
}

export type EditorEvent
  = | { kind: 'write', text: string }
    | { kind: 'submit', line: string }
    | { kind: 'interrupt' }
    | { kind: 'end-of-input' }
    | { kind: 'detach' }
    | { kind: 'clear-screen' }

const ESC = '\x1B'
const CSI = `${ESC}[`

/** The control characters and escape sequences xterm sends for the keys the editor knows. */
const KEYS: Record<string, string> = {
  '\r': 'enter',
  '\x7F': 'backspace',
  '\b': 'backspace',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x01': 'home',
  '\x05': 'end',
  '\x0B': 'kill-end',
  '\x15': 'kill-start',
  '\x17': 'kill-word',
  '\x0C': 'ctrl-l',
  '\x10': 'ctrl-p',
  '\x11': 'ctrl-q',
  '\x0E': 'down',
  [`${CSI}A`]: 'up',
  [`${CSI}B`]: 'down',
  [`${CSI}C`]: 'right',
  [`${CSI}D`]: 'left',
  [`${CSI}H`]: 'home',
  [`${CSI}F`]: 'end',
  [`${CSI}1~`]: 'home',
  [`${CSI}4~`]: 'end',
  [`${CSI}3~`]: 'delete',
  [`${ESC}OH`]: 'home',
  [`${ESC}OF`]: 'end',
}

const HISTORY_LIMIT = 200

export class LineEditor {
  line = ''
  cursor = 0
  /** Oldest first. */
  readonly history: string[]
  private browsing: number | null = null
  private draft = ''
  /** true after Ctrl-P while attached: a following Ctrl-Q detaches (Docker's default detach keys). */
  private detachPending = false
  layout: LineLayout = { startColumn: 0, columns: 80 }

  constructor(history: readonly string[] = []) {
    this.history = history.slice(-HISTORY_LIMIT)
  }

  /** Starts a new line at the current screen position (after a prompt was written). */
  begin(layout: LineLayout): void {
    this.layout = layout
    this.line = ''
    this.cursor = 0
    this.browsing = null
    this.draft = ''
  }

  /**
   * What the terminal sent: one key, an escape sequence, or pasted text (possibly several lines).
   * `attached`: a program in a container has the terminal (Ctrl-P Ctrl-Q detaches, Ctrl-P is not history).
   */
  feed(data: string, attached = false): EditorEvent[] {
    const events: EditorEvent[] = []
    let rest = data
    while (rest.length > 0) {
      if (rest.startsWith('\r\n')) {
        // A pasted Windows line break is one Enter.
        rest = rest.slice(2)
        events.push(...this.press('enter', attached))
        continue
      }
      const key = Object.keys(KEYS).find(sequence => rest.startsWith(sequence) && sequence.length > 1)
        ?? (KEYS[rest[0]!] ? rest[0]! : undefined)
      if (key) {
        rest = rest.slice(key.length)
        events.push(...this.press(KEYS[key]!, attached))
        continue
      }
      if (rest[0] === ESC) {
        // An escape sequence the editor does not use (function keys, Alt-…): ignored whole, never typed.
        // eslint-disable-next-line no-control-regex, regexp/no-obscure-range -- ECMA-48's escape sequences are these byte ranges
        const match = /^\x1B(?:\[[0-?]*[ -/]*[@-~]|O.|.)?/.exec(rest)
        rest = rest.slice(match![0].length || 1)
        continue
      }
      if (rest[0] === '\n') {
        // A pasted line break (xterm sends \r for Enter; pasted text may hold \n or \r\n).
        rest = rest.slice(1)
        events.push(...this.press('enter', attached))
        continue
      }
      // eslint-disable-next-line no-control-regex -- what a terminal sends is split at its control characters
      const printable = /^[^\x00-\x1F\x7F]+/.exec(rest)
      if (printable) {
        rest = rest.slice(printable[0].length)
        this.detachPending = false
        events.push(...this.insert(printable[0]))
        continue
      }
      rest = rest.slice(1) // another control character: a real shell rings the bell, we stay quiet
    }
    return merge(events)
  }

  private press(key: string, attached: boolean): EditorEvent[] {
    if (key === 'ctrl-q' && this.detachPending) {
      this.detachPending = false
      return [{ kind: 'detach' }]
    }
    if (key === 'ctrl-p' && attached) {
      this.detachPending = true
      return []
    }
    this.detachPending = false
    switch (key) {
      case 'enter': {
        const line = this.line
        const moved = this.moveTo(this.line.length)
        if (line.trim() !== '' && this.history.at(-1) !== line) {
          this.history.push(line)
          if (this.history.length > HISTORY_LIMIT)
            this.history.shift()
        }
        this.line = ''
        this.cursor = 0
        this.browsing = null
        return [{ kind: 'write', text: `${moved}\r\n` }, { kind: 'submit', line }]
      }
      case 'ctrl-c': {
        const moved = this.moveTo(this.line.length)
        this.line = ''
        this.cursor = 0
        this.browsing = null
        return [{ kind: 'write', text: `${moved}^C\r\n` }, { kind: 'interrupt' }]
      }
      case 'ctrl-d':
        if (this.line === '')
          return [{ kind: 'end-of-input' }]
        return this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor)
      case 'ctrl-l':
        return [{ kind: 'clear-screen' }]
      case 'backspace':
        if (this.cursor === 0)
          return []
        return this.edit(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1)
      case 'delete':
        return this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor)
      case 'left':
        return this.cursorTo(Math.max(0, this.cursor - 1))
      case 'right':
        return this.cursorTo(Math.min(this.line.length, this.cursor + 1))
      case 'home':
        return this.cursorTo(0)
      case 'end':
        return this.cursorTo(this.line.length)
      case 'kill-end':
        return this.edit(this.line.slice(0, this.cursor), this.cursor)
      case 'kill-start':
        return this.edit(this.line.slice(this.cursor), 0)
      case 'kill-word': {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '')
        return this.edit(before + this.line.slice(this.cursor), before.length)
      }
      case 'up':
      case 'ctrl-p':
        return this.recall(-1)
      case 'down':
        return this.recall(1)
      default:
        return []
    }
  }

  private insert(text: string): EditorEvent[] {
    return this.edit(this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor), this.cursor + text.length)
  }

  /** Replaces the typed line with a history entry (older: -1, newer: +1), keeping the draft. */
  private recall(step: -1 | 1): EditorEvent[] {
    if (this.history.length === 0)
      return []
    const from = this.browsing ?? this.history.length
    const to = Math.min(this.history.length, Math.max(0, from + step))
    if (to === from)
      return []
    if (this.browsing === null)
      this.draft = this.line
    this.browsing = to === this.history.length ? null : to
    const text = this.browsing === null ? this.draft : this.history[to]!
    return this.edit(text, text.length)
  }

  /** Types `text` as if the student had typed it (the slide's one-click commands), without pressing Enter. */
  type(text: string): EditorEvent[] {
    return this.insert(text.replace(/[\r\n]+/g, ' '))
  }

  /** Screen position of the character at `index` of the line. */
  private position(index: number): { row: number, column: number } {
    const cells = this.layout.startColumn + index
    return { row: Math.floor(cells / this.layout.columns), column: cells % this.layout.columns }
  }

  /** The escape sequence that moves the terminal's cursor from the editor's cursor to `index`. */
  private moveTo(index: number): string {
    const from = this.position(this.cursor)
    const to = this.position(index)
    let text = ''
    if (to.row < from.row)
      text += `${CSI}${from.row - to.row}A`
    if (to.row > from.row)
      text += `${CSI}${to.row - from.row}B`
    if (to.column !== from.column || text !== '')
      text += `${CSI}${to.column + 1}G`
    return text
  }

  private cursorTo(index: number): EditorEvent[] {
    const text = this.moveTo(index)
    this.cursor = index
    return text ? [{ kind: 'write', text }] : []
  }

  /** Redraws from the first changed character, so a line that wraps stays right. */
  private edit(line: string, cursor: number): EditorEvent[] {
    let same = 0
    while (same < line.length && same < this.line.length && line[same] === this.line[same])
      same++
    const appendOnly = same === this.line.length && this.cursor === this.line.length && cursor === line.length
    let text = this.moveTo(same)
    text += line.slice(same)
    this.cursor = line.length
    // Writing up to the last column leaves the cursor waiting to wrap: start the next row now.
    if (line.length > same && this.position(line.length).column === 0)
      text += '\r\n'
    if (!appendOnly)
      text += `${CSI}J`
    this.line = line
    text += this.moveTo(cursor)
    this.cursor = cursor
    return text ? [{ kind: 'write', text }] : []
  }
}

/** Adjacent writes joined, so the terminal draws once per keystroke. */
function merge(events: EditorEvent[]): EditorEvent[] {
  const merged: EditorEvent[] = []
  for (const event of events) {
    const last = merged.at(-1)
    if (event.kind === 'write' && last?.kind === 'write')
      last.text += event.text
    else
      merged.push(event.kind === 'write' ? { ...event } : event)
  }
  return merged
}
