// The oldest version the snippets' requirements.txt may pin, per distribution, and why: a pin below its
// floor has a published advisory or breaks what the app needs. Every pinned distribution needs a row,
// so a new dependency cannot slip in unexamined.
export interface PinFloor {
  minimum: string
  why: string
}

export const PIN_FLOORS: Readonly<Record<string, PinFloor>> = {
  Flask: { minimum: '3.1.3', why: 'GHSA-68rp-wp8r-4726 (session not marked as accessed by `in` and len), fixed in 3.1.3' },
  Werkzeug: { minimum: '3.1.6', why: 'GHSA-29vq-49wr-vm6x (safe_join and Windows device names), fixed in 3.1.6' },
  Jinja2: { minimum: '3.1.6', why: 'GHSA-cpwx-vrp4-4pq7 (the |attr filter bypassed the sandbox), fixed in 3.1.6' },
  MarkupSafe: { minimum: '2.1.1', why: 'the minimum Flask 3.1 and Werkzeug 3.1 declare' },
  itsdangerous: { minimum: '2.2.0', why: 'the minimum Flask 3.1 declares' },
  click: { minimum: '8.4.1', why: 'pallets/flask#6025 (8.4.0 leaves debug mode off for `flask --app app --debug run` and FLASK_DEBUG=1: no reloader for the mounted code), fixed in 8.4.1' },
  blinker: { minimum: '1.9.0', why: 'the minimum Flask 3.1 declares' },
  numpy: { minimum: '2.3.3', why: 'the first release whose notes list Python 3.14, the base image\'s Python' },
  redis: { minimum: '4.5.4', why: 'CVE-2023-28858 and CVE-2023-28859 (a cancelled command\'s reply reaches the next caller), fixed in 4.5.4' },
}

/**
 * Python versions each numpy minor release ships wheels for, from its release notes
 * ("This release supports Python versions 3.11-3.14"). Outside the range pip compiles from source.
 */
export const NUMPY_PYTHON_RANGE: Readonly<Record<string, { oldest: string, newest: string }>> = {
  2.3: { oldest: '3.11', newest: '3.14' },
  2.4: { oldest: '3.11', newest: '3.14' },
}
