// Which program runs for a name: the image's files say what exists (a file on PATH), this table says
// what it does. BusyBox images (a /bin/busybox file) get BusyBox's shell and applets; the others GNU's.

import type { FileSystem, ProcessIO, Program } from '../process'
import type { Lookup, ShellFlavour } from '../shell'
import type { ToolFamily } from './tools'
import { resolvePath } from '../fs/filesystem'
import { shellProgram } from '../shell'
import { curlProgram } from './curl'
import { flaskProgram } from './flask'
import { ollamaProgram } from './ollama-server'
import { postgresEntrypoint } from './postgres'
import { pythonProgram } from './python'
import { redisServer } from './redis-server'
import { simulatedClients } from './services'
import { toolPrograms } from './tools'

export { DEFAULT_EPOCH_MS, formatDate, wallClock } from './time'
export type { ToolFamily } from './tools'

/** BusyBox images carry /bin/busybox; every other image here is Debian-like (GNU tools, dash as sh). */
export function toolFamilyOf(fs: FileSystem): ToolFamily {
  return fs.stat('/bin/busybox') ? 'busybox' : 'gnu'
}

function shellFlavourOf(name: string, family: ToolFamily): ShellFlavour | null {
  if (name === 'bash')
    return 'bash'
  if (name === 'dash')
    return 'dash'
  if (name === 'sh' || name === 'ash')
    return family === 'busybox' ? 'ash' : 'dash'
  return null
}

const tables = new Map<ToolFamily, Record<string, Program>>()

function toolTable(family: ToolFamily): Record<string, Program> {
  let table = tables.get(family)
  if (!table) {
    table = toolPrograms(family)
    tables.set(family, table)
  }
  return table
}

/** The program behind a name (a path or a bare name), for the files `fs` holds; null when the simulator has none. */
export function programFor(name: string, fs: FileSystem): Program | null {
  const base = name.split('/').pop() ?? name
  const family = toolFamilyOf(fs)
  const flavour = shellFlavourOf(base, family)
  if (flavour)
    return shellProgram({ flavour, lookup: pathLookup })
  if (/^python(?:3(?:\.\d+)?)?$/.test(base))
    return pythonProgram
  if (base === 'curl')
    return curlProgram
  // pip's console script: the image has it only when Flask was installed (build/estimates.ts PIP_CONSOLE_SCRIPTS).
  if (base === 'flask')
    return flaskProgram
  // postgres:18's entrypoint is modelled; other images' docker-entrypoint.sh end in `exec "$@"`, which the host runs for them.
  if (base === 'docker-entrypoint.sh' && fs.stat('/usr/bin/postgres'))
    return postgresEntrypoint
  if (base === 'redis-server')
    return redisServer
  if (base === 'ollama')
    return ollamaProgram
  if (base in simulatedClients)
    return simulatedClients[base]!
  return toolTable(family)[base] ?? null
}

/** The same, in the shape the host's process table asks for. */
export function lookupProgram(name: string, io: ProcessIO): Program | null {
  return programFor(name, io.fs)
}

/**
 * What a shell finds for a command name: a file on PATH (or at the path given) decides that a program
 * exists; a script with `#!` runs its interpreter; an image's program the simulator does not model says so.
 */
export function pathLookup(name: string, env: ReadonlyMap<string, string>, cwd: string, fs?: FileSystem): Lookup {
  if (!fs)
    return { found: false, reason: 'not-found' }
  const candidates = name.includes('/')
    ? [resolvePath(cwd, name)]
    : (env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':').filter(Boolean).map(dir => resolvePath(cwd, `${dir}/${name}`))
  for (const path of candidates) {
    const stat = fs.stat(path)
    if (!stat)
      continue
    if (stat.kind === 'dir') {
      if (name.includes('/'))
        return { found: false, reason: 'is-directory', path }
      continue
    }
    if ((stat.mode & 0o111) === 0) {
      if (name.includes('/'))
        return { found: false, reason: 'permission', path }
      continue
    }
    const content = fs.readFile(path)
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S.*))?/.exec(content)
    if (shebang) {
      const interpreter = shebang[1]!
      const interpreterArgs = shebang[2] ? [shebang[2].trim()] : []
      const program = interpreter.endsWith('/env') && interpreterArgs[0]
        ? programFor(interpreterArgs.shift()!, fs)
        : programFor(interpreter, fs)
      if (!program)
        return { found: false, reason: 'no-such-file', path }
      return { found: true, path, program: io => program({ ...io, argv: [interpreter.split('/').pop()!, ...interpreterArgs, path, ...io.argv.slice(1)] }) }
    }
    const program = content === '' ? programFor(path, fs) : programFor('sh', fs)
    if (!program)
      return { found: true, path, program: notSimulated(name) }
    if (content !== '')
      return { found: true, path, program: io => program({ ...io, argv: ['sh', path, ...io.argv.slice(1)] }) }
    return { found: true, path, program }
  }
  return { found: false, reason: name.includes('/') ? 'no-such-file' : 'not-found' }
}

/** A program the image has but the simulator does not model: it says so instead of pretending. */
export function notSimulated(name: string): Program {
  return async (io) => {
    io.stderr(`[simulator] ${name} is in this image, but the simulator does not model it\n`)
    return 127
  }
}
