// Positions in a Dockerfile, the way dockerfile-ast reports them: zero-based line and UTF-16 character.

export interface TextPosition {
  line: number
  character: number
}

export interface TextRange {
  start: TextPosition
  end: TextPosition
}

/** Converts between offsets and (line, character) positions of one text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0]

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n')
        this.lineStarts.push(i + 1)
    }
  }

  offsetAt(position: TextPosition): number {
    const start = this.lineStarts[position.line]
    if (start === undefined)
      return this.text.length
    return Math.min(start + position.character, this.text.length)
  }

  positionAt(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= clamped)
        low = mid
      else
        high = mid - 1
    }
    return { line: low, character: clamped - this.lineStarts[low]! }
  }

  slice(range: TextRange): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end))
  }
}

export function comparePositions(a: TextPosition, b: TextPosition): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character
}

/** true when `position` lies inside `range` (both ends included: the cursor may sit just after a word). */
export function rangeContains(range: TextRange, position: TextPosition): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0
}
