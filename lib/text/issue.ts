// One shape for every problem an engine finds in a text (the Docker command engine, the Dockerfile
// checks, the Compose checks): a stable code, how bad it is, where, and a fix when one is obvious.

export type IssueSeverity = 'error' | 'warning' | 'info'

export interface Issue<Code extends string = string> {
  /** Stable, for tests and documentation: `UNKNOWN_FLAG`, `PORT_ALL_INTERFACES`. */
  code: Code
  severity: IssueSeverity
  /** Plain text; text in backquotes is code. */
  message: string
  /** Half-open range [start, end) of UTF-16 offsets into the text the engine was given. */
  start: number
  end: number
  /** A replacement that is obvious: `-it` for `--it`. */
  suggestion?: string
}
