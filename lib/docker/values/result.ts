/**
 * The outcome of reading one value. A failure points at the offending part of the value text
 * (`start`/`end` relative to it) and says, in docker's own terms where it has some, what was expected.
 * `source: 'daemon'` marks values the client lets through but the Docker daemon refuses;
 * every other failure is one the client itself reports before contacting the daemon.
 */
export type ValueResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; start: number; end: number; source?: 'client' | 'daemon' }

export type ValueFailure = Extract<ValueResult<never>, { ok: false }>

export function ok<T>(value: T): ValueResult<T> {
  return { ok: true, value }
}

export function fail(message: string, start: number, end: number, source: 'client' | 'daemon' = 'client'): ValueFailure {
  return source === 'daemon' ? { ok: false, message, start, end, source } : { ok: false, message, start, end }
}

/** Re-anchors a failure found in a part of the text that starts at `offset`. */
export function shift(failure: ValueFailure, offset: number): ValueFailure {
  return { ...failure, start: failure.start + offset, end: failure.end + offset }
}
