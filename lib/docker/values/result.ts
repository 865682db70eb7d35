/** Where the Docker daemon would refuse a value the client lets through, and why. */
export interface DaemonRefusal {
  message: string
  start: number
  end: number
}

/**
 * The outcome of reading one value, as the docker client reads it: `ok` exactly when the client
 * accepts it. A failure points at the offending part of the value text (`start`/`end` relative to
 * it) and says, in docker's own terms where it has some, what was expected. An accepted value that
 * the daemon will refuse later carries `daemon`.
 */
export type ValueResult<T>
  = | { ok: true, value: T, daemon?: DaemonRefusal }
    | { ok: false, message: string, start: number, end: number }

export type ValueFailure = Extract<ValueResult<never>, { ok: false }>

export function ok<T>(value: T): ValueResult<T> {
  return { ok: true, value }
}

/** Accepted by the client, refused by the daemon. */
export function daemonRefuses<T>(value: T, message: string, start: number, end: number): ValueResult<T> {
  return { ok: true, value, daemon: { message, start, end } }
}

export function fail(message: string, start: number, end: number): ValueFailure {
  return { ok: false, message, start, end }
}

/** Re-anchors a failure found in a part of the text that starts at `offset`. */
export function shift(failure: ValueFailure, offset: number): ValueFailure {
  return { ...failure, start: failure.start + offset, end: failure.end + offset }
}
