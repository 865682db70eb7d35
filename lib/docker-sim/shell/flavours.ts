// What differs between the three shells an image may have: Debian's dash (its /bin/sh), GNU bash, and
// BusyBox ash (/bin/sh of busybox and alpine). Every text here was printed by the real shell on this
// machine (tests/unit/docker-sim/shell/record-fixtures.sh records them; the tests compare).

import type { Errno } from '../fs/errors'
import { ERRNO_TEXT } from '../fs/errors'

export type ShellFlavour = 'dash' | 'bash' | 'ash'

/** Where the shell reads its commands from: it changes how errors name their place. */
export type ShellMode = 'command' | 'script' | 'stdin' | 'interactive'

export interface ErrorPlace {
  /** $0: `sh`, `bash`, or the script's path. */
  name: string
  mode: ShellMode
  line: number
}

interface Flavour {
  notFound: (place: ErrorPlace, command: string) => string
  /** A builtin's complaint (`cd`, `exit`, …). */
  builtin: (place: ErrorPlace, builtin: string, message: string) => string
  cdFailed: (dir: string, errno: Errno) => { message: string, status: number }
  /** Output redirection that could not open its file. */
  cannotCreate: (path: string, errno: Errno) => string
  cannotOpen: (path: string, errno: Errno) => string
  /** Status of a failed redirection. */
  redirectStatus: number
  syntaxError: (place: ErrorPlace, token: string, source: string, unterminated: string | null) => string
  syntaxStatus: number
}

const DASH_CREATE: Partial<Record<Errno, string>> = { ENOENT: 'Directory nonexistent', ENOTDIR: 'Directory nonexistent' }
const DASH_OPEN: Partial<Record<Errno, string>> = { ENOENT: 'No such file' }
const ASH_CREATE: Partial<Record<Errno, string>> = { ENOENT: 'nonexistent directory', ENOTDIR: 'nonexistent directory' }
const ASH_OPEN: Partial<Record<Errno, string>> = { ENOENT: 'no such file' }

function dashPlace(place: ErrorPlace): string {
  return `${place.name}: ${place.line}: `
}

function bashPlace(place: ErrorPlace): string {
  if (place.mode === 'interactive' || place.mode === 'stdin')
    return `${place.name}: `
  return `${place.name}: line ${place.line}: `
}

export const FLAVOURS: Record<ShellFlavour, Flavour> = {
  dash: {
    notFound: (place, command) => `${dashPlace(place)}${command}: not found`,
    builtin: (place, builtin, message) => `${dashPlace(place)}${builtin}: ${message}`,
    cdFailed: dir => ({ message: `can't cd to ${dir}`, status: 2 }),
    cannotCreate: (path, errno) => `cannot create ${path}: ${DASH_CREATE[errno] ?? errnoText(errno)}`,
    cannotOpen: (path, errno) => `cannot open ${path}: ${DASH_OPEN[errno] ?? errnoText(errno)}`,
    redirectStatus: 2,
    syntaxError: (place, token, _source, unterminated) => `${dashPlace(place)}Syntax error: ${unterminated ?? `"${token}" unexpected`}`,
    syntaxStatus: 2,
  },
  bash: {
    notFound: (place, command) => `${bashPlace(place)}${command}: command not found`,
    builtin: (place, builtin, message) => `${bashPlace(place)}${builtin}: ${message}`,
    cdFailed: (dir, errno) => ({ message: `${dir}: ${errnoText(errno)}`, status: 1 }),
    cannotCreate: (path, errno) => `${path}: ${errnoText(errno)}`,
    cannotOpen: (path, errno) => `${path}: ${errnoText(errno)}`,
    redirectStatus: 1,
    syntaxError: (place, token, source, unterminated) => {
      const where = place.mode === 'command' ? `${place.name}: -c: line ${place.line}: ` : bashPlace(place)
      if (unterminated)
        return `${where}${unterminated}`
      return place.mode === 'interactive'
        ? `${where}syntax error near unexpected token \`${token}'`
        : `${where}syntax error near unexpected token \`${token}'\n${where}\`${source}'`
    },
    syntaxStatus: 2,
  },
  ash: {
    notFound: (place, command) => `${place.name}: ${place.mode === 'script' ? `line ${place.line}: ` : ''}${command}: not found`,
    builtin: (place, builtin, message) => `${place.name}: ${builtin}: ${place.mode === 'interactive' ? '' : `line ${place.mode === 'command' ? 0 : place.line}: `}${message}`,
    cdFailed: (dir, errno) => ({ message: `can't cd to ${dir}: ${errnoText(errno)}`, status: 2 }),
    cannotCreate: (path, errno) => `can't create ${path}: ${ASH_CREATE[errno] ?? errnoText(errno)}`,
    cannotOpen: (path, errno) => `can't open ${path}: ${ASH_OPEN[errno] ?? errnoText(errno)}`,
    redirectStatus: 1,
    syntaxError: (place, token, _source, unterminated) => `${place.name}: syntax error: ${unterminated ?? `unexpected "${token}"`}`,
    syntaxStatus: 2,
  },
}

function errnoText(errno: Errno): string {
  return ERRNO_TEXT[errno]
}

/** The root prompt each shell shows in a Docker image (no PS1 of the student's own). */
export function promptOf(flavour: ShellFlavour, env: ReadonlyMap<string, string>, cwd: string, user?: { name: string | null, uid: number }): string {
  // `docker run -u`: the process's user decides (\u and \$ read the uid); else $USER, root when unset as in a container.
  const name = user ? user.name ?? 'I have no name!' : env.get('USER') ?? 'root'
  const root = user ? user.uid === 0 : name === 'root'
  const sign = root ? '#' : '$'
  if (flavour === 'dash')
    return `${sign} `
  const home = env.get('HOME') ?? '/root'
  // A HOME of / is never shortened to ~ (bash's polite_directory_format wants more than one character).
  const shown = home.length < 2 ? cwd : cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd
  if (flavour === 'bash')
    return `${name}@${env.get('HOSTNAME') ?? 'localhost'}:${shown}${sign} `
  // BusyBox ash's default PS1 is '\w \$ '.
  return `${shown} ${sign} `
}
