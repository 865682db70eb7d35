// Monaco-shaped data, without importing Monaco: providers in this folder return these,
// setup/monaco.ts hands them to Monaco as they are (positions are 1-based, like Monaco's).

export interface EditorRange {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

export type MarkerSeverity = 'error' | 'warning' | 'info'

export interface EditorMarker extends EditorRange {
  severity: MarkerSeverity
  message: string
  /** Who found it, shown by Monaco next to the message. */
  source: string
  /** The engine's stable code (`UNKNOWN_FLAG`), shown by Monaco after the source. */
  code?: string
}

export interface EditorHover {
  range: EditorRange
  /** Markdown blocks, shown one under the other. */
  contents: { value: string }[]
}
