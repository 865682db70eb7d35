// Offsets and zero-based positions (engines, dockerfile-ast) → Monaco's 1-based ranges.

import type { TextPosition, TextRange } from '../dockerfile/text'
import type { EditorRange } from './types'
import { LineIndex } from '../dockerfile/text'

export { LineIndex }

export function toEditorRange(range: TextRange): EditorRange {
  return {
    startLineNumber: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLineNumber: range.end.line + 1,
    endColumn: range.end.character + 1,
  }
}

/** Monaco's (lineNumber, column) → zero-based position. */
export function fromEditorPosition(lineNumber: number, column: number): TextPosition {
  return { line: lineNumber - 1, character: column - 1 }
}

/** A half-open offset range [start, end) of `lines.text` as a Monaco range. */
export function offsetsToEditorRange(lines: LineIndex, start: number, end: number): EditorRange {
  return toEditorRange({ start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) })
}
