import type { EditorEvent } from '../../../lib/terminal/line-editor'
import { describe, expect, it } from 'vitest'
import { LineEditor } from '../../../lib/terminal/line-editor'

/** A small screen that understands what the editor writes (VT100 subset with xterm's pending wrap). */
class Screen {
  rows: string[][] = [[]]
  row = 0
  column = 0
  private pendingWrap = false
  constructor(readonly columns: number) {}

  write(text: string): void {
    let i = 0
    while (i < text.length) {
      // eslint-disable-next-line no-control-regex -- the screen reads the escape sequences the editor writes
      const csi = /^\x1B\[(\d*)([ABGJ])/.exec(text.slice(i))
      if (csi) {
        const n = Number(csi[1] || 1)
        this.pendingWrap = false
        if (csi[2] === 'A')
          this.row = Math.max(0, this.row - n)
        if (csi[2] === 'B')
          this.row += n
        if (csi[2] === 'G')
          this.column = n - 1
        if (csi[2] === 'J') {
          this.line().length = this.column
          this.rows.length = this.row + 1
        }
        i += csi[0].length
        continue
      }
      const c = text[i++]!
      if (c === '\r') {
        this.column = 0
        this.pendingWrap = false
      }
      else if (c === '\n') {
        this.row++
        this.pendingWrap = false
      }
      else {
        if (this.pendingWrap) {
          this.row++
          this.column = 0
          this.pendingWrap = false
        }
        this.line()[this.column] = c
        if (this.column === this.columns - 1)
          this.pendingWrap = true
        else
          this.column++
      }
    }
  }

  line(): string[] {
    while (this.rows.length <= this.row)
      this.rows.push([])
    return this.rows[this.row]!
  }

  text(): string {
    return this.rows.map(r => Array.from(r, c => c ?? ' ').join('').trimEnd()).join('\n').trimEnd()
  }
}

function session(columns = 20, prompt = '$ ') {
  const screen = new Screen(columns)
  const editor = new LineEditor()
  const submitted: string[] = []
  const signals: string[] = []
  const apply = (events: EditorEvent[]) => {
    for (const event of events) {
      if (event.kind === 'write')
        screen.write(event.text)
      else if (event.kind === 'submit')
        submitted.push(event.line)
      else
        signals.push(event.kind)
    }
  }
  const start = () => {
    screen.write(prompt)
    editor.begin({ startColumn: screen.column, columns })
  }
  start()
  return { screen, editor, submitted, signals, feed: (data: string, attached = false) => apply(editor.feed(data, attached)), start }
}

describe('line editor', () => {
  it('echoes typing and submits the line on Enter', () => {
    const s = session()
    s.feed('docker ps')
    expect(s.screen.text()).toBe('$ docker ps')
    s.feed('\r')
    expect(s.submitted).toEqual(['docker ps'])
    expect(s.screen.row).toBe(1)
  })

  it('edits in the middle of the line with the arrows, backspace and delete', () => {
    const s = session(80)
    s.feed('docker p')
    s.feed('\x1B[D\x1B[D\x1B[D')
    s.feed('x')
    expect(s.screen.text()).toBe('$ dockexr p')
    s.feed('\x7F')
    expect(s.screen.text()).toBe('$ docker p')
    s.feed('\x1B[3~')
    expect(s.screen.text()).toBe('$ docke p')
    s.feed('r\x05s\r')
    expect(s.submitted).toEqual(['docker ps'])
  })

  it('keeps a line longer than the terminal right when it wraps and when it is edited back', () => {
    const s = session(10)
    s.feed('docker run -d nginx')
    expect(s.screen.text()).toBe('$ docker r\nun -d ngin\nx')
    s.feed('\x01')
    s.feed('sudo ')
    expect(s.editor.line).toBe('sudo docker run -d nginx')
    expect(s.screen.text()).toBe('$ sudo doc\nker run -d\n nginx')
    s.feed('\x01\x1B[3~\x1B[3~\x1B[3~\x1B[3~\x1B[3~')
    expect(s.screen.text()).toBe('$ docker r\nun -d ngin\nx')
  })

  it('starts the next row when the text ends exactly at the last column', () => {
    const s = session(10)
    s.feed('12345678')
    expect(s.screen.row).toBe(1)
    expect(s.screen.column).toBe(0)
    s.feed('9')
    expect(s.screen.text()).toBe('$ 12345678\n9')
  })

  it('recalls history with the arrows and keeps the draft', () => {
    const s = session(80)
    s.feed('docker ps\r')
    s.start()
    s.feed('docker images\r')
    s.start()
    s.feed('dra')
    s.feed('\x1B[A')
    expect(s.editor.line).toBe('docker images')
    s.feed('\x1B[A\x1B[A')
    expect(s.editor.line).toBe('docker ps')
    s.feed('\x1B[B\x1B[B')
    expect(s.editor.line).toBe('dra')
    expect(s.screen.text().split('\n').at(-1)).toBe('$ dra')
  })

  it('does not store blank lines or an immediate repeat in the history', () => {
    const s = session(80)
    for (const line of ['docker ps', 'docker ps', '   ', 'ls'])
      s.feed(`${line}\r`)
    expect(s.editor.history).toEqual(['docker ps', 'ls'])
  })

  it('turns Ctrl-C into an interrupt that clears the line, and Ctrl-D on an empty line into end of input', () => {
    const s = session(80)
    s.feed('docker logs -f pinger')
    s.feed('\x03')
    expect(s.signals).toEqual(['interrupt'])
    expect(s.editor.line).toBe('')
    expect(s.screen.text()).toBe('$ docker logs -f pinger^C')
    s.start()
    s.feed('ab\x01\x04')
    expect(s.editor.line).toBe('b')
    expect(s.signals).toEqual(['interrupt'])
    s.feed('\x0B\x04')
    expect(s.signals).toEqual(['interrupt', 'end-of-input'])
  })

  it('detaches on Ctrl-P Ctrl-Q only while attached; Ctrl-P is history otherwise', () => {
    const s = session(80)
    s.feed('docker ps\r')
    s.start()
    s.feed('\x10')
    expect(s.editor.line).toBe('docker ps')
    s.feed('\x15')
    s.feed('\x10\x11', true)
    expect(s.signals).toEqual(['detach'])
    s.feed('\x10', true)
    s.feed('x', true)
    s.feed('\x11', true)
    expect(s.signals).toEqual(['detach'])
  })

  it('submits each line of pasted text and keeps the last one typed', () => {
    const s = session(80)
    s.feed('docker volume create data\r\ndocker volume ls\ndocker ps')
    expect(s.submitted).toEqual(['docker volume create data', 'docker volume ls'])
    expect(s.editor.line).toBe('docker ps')
  })

  it('ignores escape sequences it does not use instead of typing them', () => {
    const s = session(80)
    s.feed('a\x1BOPb\x1B[15~c\x1B[1;5D')
    expect(s.editor.line).toBe('abc')
  })

  it('kills the word before the cursor with Ctrl-W and the start with Ctrl-U', () => {
    const s = session(80)
    s.feed('docker run nginx')
    s.feed('\x17')
    expect(s.editor.line).toBe('docker run ')
    s.feed('\x15')
    expect(s.editor.line).toBe('')
    expect(s.screen.text()).toBe('$')
  })

  it('types a one-click command without running it', () => {
    const s = session(80)
    s.feed('x')
    s.feed('\x7F')
    for (const event of s.editor.type('docker run hello-world')) {
      if (event.kind === 'write')
        s.screen.write(event.text)
    }
    expect(s.submitted).toEqual([])
    expect(s.screen.text()).toBe('$ docker run hello-world')
  })
})
