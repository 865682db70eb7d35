// `python` in a container: the code runs on the bundled Pyodide (CPython compiled to WebAssembly), with
// the container's environment, working folder and files. What Pyodide cannot be is said, not faked:
// its interpreter is one version (see `interpreterVersion`); an image's older Python is honoured only
// through the documented facts in PYTHON_VERSION_FACTS, and the REPL's banner names the simulation.

import type { PyodideAPI } from 'pyodide'
import type { FileSystem, ProcessIO, Program } from '../process'
import type { ServerMachine } from './http-server'
import { Interrupted } from '../process'
import { flaskInterpreter, flaskProgram, serveAppRun, shimsFor } from './flask'
import { makeHttpServer } from './http-server'

type Interpreter = Pick<PyodideAPI, 'runPython' | 'setStdout' | 'setStderr' | 'setStdin' | 'FS' | 'globals' | 'toPy'>

let loader: (() => Promise<Interpreter>) | null = null
let loading: Promise<Interpreter> | null = null

/** Where the interpreter comes from, when not the default (the page's lib/python/load.ts, or node_modules/pyodide in Node). */
export function configurePythonLoader(load: () => Promise<Interpreter>): void {
  loader = load
  loading = null
}

function interpreter(): Promise<Interpreter> {
  loading ??= (loader ?? defaultLoader)()
  return loading
}

/** In a page: the deck's own copy of Pyodide (lib/python/load.ts, shared with the slides' runner); in Node: node_modules. */
async function defaultLoader(): Promise<Interpreter> {
  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    const { loadPythonInterpreter } = await import('../../python/load')
    return loadPythonInterpreter(import.meta.env?.BASE_URL ?? '/')
  }
  return loadFromNodeModules()
}

async function loadFromNodeModules(): Promise<Interpreter> {
  // A computed name, so a bundler for the page does not pull Pyodide's Node build in.
  const name = 'pyodide'
  const { loadPyodide } = await import(/* @vite-ignore */ name) as typeof import('pyodide')
  const url = new URL('../../../node_modules/pyodide/', import.meta.url)
  const indexURL = url.protocol === 'file:' ? decodeURIComponent(url.pathname) : url.href
  return loadPyodide({ indexURL })
}

/** Language features by the version that brought them (What's New in Python 3.x); older images refuse them as their Python did. */
export const PYTHON_VERSION_FACTS = [
  {
    feature: 'f-strings',
    since: [3, 6],
    source: 'PEP 498, What\'s New In Python 3.6',
    // An f prefix right before a quote, outside other strings; the match is the string token after it.
    find: /(?<![\w'"])fr?(['"])(?:\\.|(?!\1).)*\1/i,
  },
] as const

interface VersionedSyntaxError {
  line: number
  text: string
  column: number
}

/** Python 3.5's parser stopped at the string token after `f` and put the caret under its last character (as the deck's slide shows). */
function olderPythonSyntaxError(code: string, version: [number, number]): VersionedSyntaxError | null {
  for (const fact of PYTHON_VERSION_FACTS) {
    if (version[0] > fact.since[0] || (version[0] === fact.since[0] && version[1] >= fact.since[1]))
      continue
    const lines = code.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const match = fact.find.exec(lines[i]!)
      if (match)
        return { line: i + 1, text: lines[i]!.trim(), column: match.index + match[0].length - 1 - (lines[i]!.length - lines[i]!.trimStart().length) }
    }
  }
  return null
}

function imageVersion(io: ProcessIO, machine: PythonMachine): string {
  if (machine.version)
    return machine.version
  const fromName = /^python(3\.\d+)$/.exec(io.argv[0]?.split('/').pop() ?? '')
  return io.env.get('PYTHON_VERSION') ?? fromName?.[1] ?? '3'
}

function versionPair(version: string): [number, number] {
  const [major = '3', minor = '99'] = version.split('.')
  return [Number(major), Number(minor)]
}

// Pyodide's time.sleep blocks the page for real and cannot wait on the simulated clock: sleeps are
// counted instead (the clock moves by their sum after the run), and a run that sleeps over an hour
// is stopped with a label rather than freezing the page. Missing third-party modules get a label too.
// Sockets are cut off (in Node, Pyodide would reach the real machine's network): a labelled OSError.
const DRIVER = `
import sys, os, traceback, codeop, time as _sim_time
_sim_slept = [0.0]
SIM_SLEEP_LIMIT = 3600.0
class _SimSleepLimit(BaseException):
    pass
def _sim_sleep(seconds):
    _sim_slept[0] += float(seconds)
    if _sim_slept[0] > SIM_SLEEP_LIMIT:
        raise _SimSleepLimit()
import socket as _sim_socket
def _sim_no_network(self, *args, **kwargs):
    raise OSError(101, "Network is unreachable [simulator: Python's sockets are not connected to the simulated network; curl in the container's shell is]")
# The interpreter is shared with the slides' Python runner: the simulator's patches are on only while a container's code runs.
_sim_originals = {'sleep': _sim_time.sleep, **{n: getattr(_sim_socket.socket, n) for n in ('connect', 'connect_ex', 'bind')}}
_sim_saved = {}
_sim_repl_context = None
# app.run() of the flask stand-in (flask-modules.ts): the script ends there and flask.ts serves the app.
_sim_pending_run = [None]
def _sim_patch(on):
    _sim_time.sleep = _sim_sleep if on else _sim_originals['sleep']
    for name in ('connect', 'connect_ex', 'bind'):
        setattr(_sim_socket.socket, name, _sim_no_network if on else _sim_originals[name])
    # The process state a container's code changes goes back as it was for the slides' runner.
    if on:
        _sim_saved.update(environ=dict(os.environ), cwd=os.getcwd(), argv=list(sys.argv))
    elif _sim_saved:
        if _sim_repl_context is not None:
            _sim_repl_context.update(environ=dict(os.environ), cwd=os.getcwd())
        os.environ.clear()
        os.environ.update(_sim_saved['environ'])
        try:
            os.chdir(_sim_saved['cwd'])
        except OSError:
            pass
        sys.argv = _sim_saved['argv']
def _sim_take_slept():
    slept = _sim_slept[0]
    _sim_slept[0] = 0.0
    return slept
def _sim_report(error, tb):
    if isinstance(error, _SimSleepLimit):
        print('[simulator] time.sleep cannot wait on the simulated clock inside Python; the run was stopped after an hour of sleeps', file=sys.stderr)
        return
    traceback.print_exception(type(error), error, tb)
    if isinstance(error, ModuleNotFoundError) and error.name:
        print(f"[simulator] Pyodide has no '{error.name}' package; in Docker the image has it only if it was installed (pip install in its Dockerfile)", file=sys.stderr)
def _sim_enter(env, cwd):
    """The container's environment and working folder for the code about to run."""
    os.environ.clear()
    os.environ.update(dict(env))
    try:
        os.chdir(cwd)
    except OSError:
        pass
def _sim_run(code, filename, argv, env, cwd):
    sys.argv = list(argv)
    _sim_enter(env, cwd)
    namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    if filename not in ('<string>', '<stdin>'):
        namespace['__file__'] = filename
    try:
        compiled = compile(code, filename, 'exec')
    except SyntaxError as error:
        traceback.print_exception(type(error), error, None)
        return 1
    try:
        exec(compiled, namespace)
    except SystemExit as error:
        code = error.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code & 0xFF
        print(code, file=sys.stderr)
        return 1
    except BaseException as error:
        if type(error).__name__ == '_SimFlaskRun':
            _sim_pending_run[0] = error
            return -1
        _sim_report(error, error.__traceback__.tb_next)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 0

_sim_repl_namespace = None
def _sim_repl_reset(argv, env, cwd):
    global _sim_repl_namespace, _sim_repl_context
    _sim_repl_namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    _sim_repl_context = {'argv': list(argv), 'environ': dict(env), 'cwd': cwd}

def _sim_repl_line(source):
    """'more' when the statement goes on, else runs it: None, or an exit code for SystemExit."""
    sys.argv = list(_sim_repl_context['argv'])
    _sim_enter(_sim_repl_context['environ'], _sim_repl_context['cwd'])
    try:
        compiled = codeop.compile_command(source, '<stdin>', 'single')
    except (SyntaxError, OverflowError, ValueError) as error:
        traceback.print_exception(type(error), error, None)
        return None
    if compiled is None:
        return 'more'
    try:
        exec(compiled, _sim_repl_namespace)
    except SystemExit as error:
        code = error.code
        return 0 if code is None else code if isinstance(code, int) else 1
    except BaseException as error:
        _sim_report(error, error.__traceback__.tb_next)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return None
`

let driverReady: Promise<Interpreter> | null = null

async function driver(): Promise<Interpreter> {
  driverReady ??= interpreter().then((py) => {
    py.runPython(DRIVER)
    return py
  })
  return driverReady
}

/** The interpreter the simulator runs on, with its driver loaded; in a page it is the slides' runner's too. */
export function sharedInterpreter(): Promise<Interpreter> {
  return driver()
}

/** The version of CPython inside Pyodide, e.g. "3.14.2". */
export async function interpreterVersion(): Promise<string> {
  const py = await driver()
  return String(py.runPython('import sys; ".".join(map(str, sys.version_info[:3]))'))
}

/** Directories copied into Pyodide's own file system around a run; the rest (Pyodide's /lib, /usr) stays its own. */
const SYSTEM_DIRS = new Set(['/proc', '/sys', '/dev', '/usr', '/lib', '/lib64', '/bin', '/sbin', '/run'])

type PyFS = Interpreter['FS']

interface Copied {
  /** Files written in, with their content, to tell what the code changed. */
  files: Map<string, string>
  /** What Pyodide's own file system held under the copied roots before (left as it was). */
  own: Set<string>
  roots: string[]
}

function exists(FS: PyFS, path: string): boolean {
  return FS.analyzePath(path).exists
}

function entries(FS: PyFS, dir: string): string[] {
  try {
    return (FS.readdir(dir) as string[]).filter(n => n !== '.' && n !== '..')
  }
  catch {
    return []
  }
}

/** Every path under `root` in Pyodide's file system, folders first. */
function walkPyodide(FS: PyFS, root: string, visit: (path: string, isDir: boolean) => void): void {
  for (const name of entries(FS, root)) {
    const path = root === '/' ? `/${name}` : `${root}/${name}`
    const isDir = FS.isDir(FS.stat(path).mode)
    visit(path, isDir)
    if (isDir)
      walkPyodide(FS, path, visit)
  }
}

function copyIn(fs: FileSystem, FS: PyFS): Copied {
  const roots = fs.readdir('/').map(n => `/${n}`).filter(p => !SYSTEM_DIRS.has(p) && fs.stat(p)?.kind === 'dir')
  const copied: Copied = { files: new Map(), own: new Set(), roots }
  for (const root of roots)
    walkPyodide(FS, root, path => copied.own.add(path))
  const walk = (dir: string) => {
    if (!exists(FS, dir))
      FS.mkdirTree(dir)
    for (const name of fs.readdir(dir)) {
      const path = `${dir}/${name}`
      const stat = fs.stat(path)
      if (stat?.kind === 'dir') {
        walk(path)
      }
      else if (stat?.kind === 'file' && !copied.own.has(path)) {
        const content = fs.readFile(path)
        FS.writeFile(path, content)
        copied.files.set(path, content)
      }
    }
  }
  for (const root of roots)
    walk(root)
  return copied
}

/** Writes back what the code changed, made or deleted under the copied roots, then takes the copies out of Pyodide. */
function copyOut(fs: FileSystem, FS: PyFS, copied: Copied): void {
  const seen = new Set<string>()
  const made: { path: string, isDir: boolean }[] = []
  for (const root of copied.roots) {
    walkPyodide(FS, root, (path, isDir) => {
      if (copied.own.has(path))
        return
      made.push({ path, isDir })
      if (isDir) {
        if (!fs.stat(path))
          fs.mkdir(path, { parents: true })
        return
      }
      seen.add(path)
      const content = FS.readFile(path, { encoding: 'utf8' }) as string
      if (content !== copied.files.get(path))
        fs.writeFile(path, content)
    })
  }
  for (const path of copied.files.keys()) {
    if (!seen.has(path) && fs.stat(path))
      fs.remove(path)
  }
  for (const { path, isDir } of made.reverse()) {
    try {
      if (isDir)
        FS.rmdir(path)
      else
        FS.unlink(path)
    }
    catch {}
  }
  for (const root of copied.roots) {
    if (!copied.own.has(root) && !entries(FS, root).length && !['/tmp', '/home'].includes(root)) {
      try {
        FS.rmdir(root)
      }
      catch {}
    }
  }
}

export function connectStreams(py: Interpreter, io: ProcessIO): void {
  const decoder = { out: new TextDecoder(), err: new TextDecoder() }
  py.setStdout({ write: (buffer: Uint8Array) => {
    io.stdout(decoder.out.decode(buffer, { stream: true }))
    return buffer.length
  } })
  py.setStderr({ write: (buffer: Uint8Array) => {
    io.stderr(decoder.err.decode(buffer, { stream: true }))
    return buffer.length
  } })
  // Pyodide reads stdin synchronously; the simulated terminal is asynchronous, so input() sees end of file.
  py.setStdin({ stdin: () => null, isatty: false })
}

/** Runs code on Pyodide with the container's files copied in and changes copied back. */
async function runOnPyodide(io: ProcessIO, code: string, filename: string, argv: string[]): Promise<number> {
  // The image's installed Flask, redis-py or numpy: their stand-ins are importable while its code runs.
  const shims = shimsFor(io)
  const py = shims.length ? await flaskInterpreter() : await driver()
  connectStreams(py, io)
  const copied = copyIn(io.fs, py.FS)
  try {
    const run = withPatches(py, py.globals.get('_sim_run') as (...args: unknown[]) => number)
    const env = py.toPy([...io.env])
    let status: number
    const saved = shims.length ? (py.globals.get('_sim_shims_on') as (names: unknown) => unknown)(py.toPy(shims)) : null
    try {
      status = Number(run(code, filename, argv, env, io.cwd))
    }
    finally {
      env.destroy()
      if (saved)
        (py.globals.get('_sim_shims_off') as (saved: unknown) => void)(saved)
    }
    try {
      // Before app.run() serves too: what the script slept passes first, and a SIGINT then is its KeyboardInterrupt.
      await followSleeps(py, io)
      if (status === -1) {
        copyOut(io.fs, py.FS, copied)
        copied.files.clear()
        copied.roots = []
        return (await serveAppRun(io)) ?? 1
      }
    }
    catch (error) {
      // The app.run() the script asked for is not served (nor left for another container's script).
      if (status === -1)
        (py.globals.get('_sim_flask_pending_run') as () => unknown)()
      // Ctrl-C while the code slept: CPython raises KeyboardInterrupt, prints it, and ends by SIGINT (Docker shows 130).
      if (error instanceof Interrupted && error.signal === 'SIGINT') {
        io.stderr('Traceback (most recent call last):\n  [simulator: the line that was sleeping is not tracked]\nKeyboardInterrupt\n')
        return 130
      }
      throw error
    }
    return status
  }
  finally {
    copyOut(io.fs, py.FS, copied)
  }
}

/** Runs a driver function with the simulator's patches of time.sleep and sockets on (see DRIVER). */
export function withPatches<A extends unknown[], R>(py: Interpreter, fn: (...args: A) => R): (...args: A) => R {
  const patch = py.globals.get('_sim_patch') as (on: boolean) => void
  return (...args: A) => {
    patch(true)
    try {
      return fn(...args)
    }
    finally {
      patch(false)
      // Pyodide's own streams again (in a page, input() prompts), as the slides' runner expects them.
      py.setStdin()
      py.setStdout()
      py.setStderr()
    }
  }
}

/** The seconds the code slept since the last look (see DRIVER), taken. */
export function takeSlept(py: Pick<Interpreter, 'globals'>): number {
  return Number((py.globals.get('_sim_take_slept') as () => number)())
}

/** Moves the simulated clock by what the code slept (see DRIVER). */
async function followSleeps(py: Interpreter, io: ProcessIO): Promise<void> {
  const slept = takeSlept(py)
  if (slept > 0)
    await io.clock.sleep(slept * 1000)
}

function printVersionedSyntaxError(io: ProcessIO, error: VersionedSyntaxError, filename: string): number {
  io.stderr(`  File "${filename}", line ${error.line}\n    ${error.text}\n    ${' '.repeat(error.column)}^\nSyntaxError: invalid syntax\n`)
  return 1
}

async function repl(io: ProcessIO, version: string): Promise<number> {
  const shims = shimsFor(io)
  const py = shims.length ? await flaskInterpreter() : await driver()
  const inside = await interpreterVersion()
  if (io.tty)
    io.stderr(`Python ${version} on linux (simulated: Pyodide's Python ${inside} runs the code)\nType "help", "copyright", "credits" or "license" for more information.\n`)
  const reset = py.globals.get('_sim_repl_reset') as (...args: unknown[]) => void
  const env = py.toPy([...io.env])
  reset(['', ...io.argv.slice(1)], env, io.cwd)
  env.destroy()
  const runLine = withPatches(py, py.globals.get('_sim_repl_line') as (source: string) => unknown)
  const history: string[] = []
  let pending = ''
  while (true) {
    let line: string | null
    try {
      line = await io.readLine(io.tty ? (pending ? '... ' : '>>> ') : undefined)
    }
    catch (error) {
      if (error instanceof Interrupted && error.signal === 'SIGINT') {
        io.stderr('\nKeyboardInterrupt\n')
        pending = ''
        continue
      }
      throw error
    }
    if (line === null) {
      if (pending) {
        line = ''
      }
      else {
        savePythonHistory(io, history)
        return 0
      }
    }
    if (line.trim())
      history.push(line)
    const source = pending ? `${pending}\n${line}` : line
    connectStreams(py, io)
    const copied = copyIn(io.fs, py.FS)
    let result: unknown
    // The image's installed Flask, redis-py or numpy stand-ins, importable at the prompt too.
    const saved = shims.length ? (py.globals.get('_sim_shims_on') as (names: unknown) => unknown)(py.toPy(shims)) : null
    try {
      result = runLine(source)
    }
    finally {
      if (saved)
        (py.globals.get('_sim_shims_off') as (saved: unknown) => void)(saved)
      copyOut(io.fs, py.FS, copied)
    }
    await followSleeps(py, io)
    if (result === 'more') {
      pending = source
      continue
    }
    pending = ''
    if (typeof result === 'number') {
      savePythonHistory(io, history)
      return result
    }
  }
}

/** site.py's readline hook writes the session to ~/.python_history at exit (interactive, with readline: the python images have it). */
function savePythonHistory(io: ProcessIO, history: readonly string[]): void {
  const home = io.env.get('HOME')
  if (!io.tty || !home || !history.length)
    return
  try {
    io.fs.writeFile(`${home.replace(/\/$/, '')}/.python_history`, history.map(line => `${line}\n`).join(''), { append: true, mode: 0o600 })
  }
  catch {}
}

/** A Python whose version is known from outside the image (the student's computer). */
export interface PythonMachine extends ServerMachine {
  version?: string
}

export const pythonProgram: Program = io => makePythonProgram({})(io)

export function makePythonProgram(machine: PythonMachine): Program {
  return async io => runPython(io, machine)
}

async function runPython(io: ProcessIO, machine: PythonMachine): Promise<number> {
  // CPython installs a SIGINT handler (KeyboardInterrupt); SIGTERM keeps the default.
  io.setSignal('SIGINT', 'handle')
  const version = imageVersion(io, machine)
  const args = io.argv.slice(1)
  while (args[0] && /^-[uBOsE]+$/.test(args[0]))
    args.shift()
  const first = args[0]
  if (first === '-V' || first === '--version') {
    io.stdout(`Python ${version}\n`)
    return 0
  }
  if (first === '-c') {
    const code = args[1]
    if (code === undefined) {
      io.stderr(`Argument expected for the -c option\nusage: ${io.argv[0]} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`)
      return 2
    }
    const old = olderPythonSyntaxError(code, versionPair(version))
    if (old)
      return printVersionedSyntaxError(io, old, '<string>')
    return runOnPyodide(io, code, '<string>', ['-c', ...args.slice(2)])
  }
  if (first === '-m') {
    const module = args[1]
    if (module === 'http.server')
      return makeHttpServer({ pythonVersion: machine.version, defaultBind: machine.defaultBind })({ ...io, argv: ['http.server', ...args.slice(2)] })
    // python -m flask …: the same command line as the flask script, where the image installed Flask.
    if (module === 'flask' && shimsFor(io).includes('flask'))
      return flaskProgram({ ...io, argv: ['flask', ...args.slice(2)] })
    if (module === 'flask' || module === 'redis' || module === 'numpy') {
      // Not installed in this image: runpy's message, with the interpreter's path (the python images': /usr/local/bin).
      const name = io.argv[0] ?? 'python'
      const path = name.includes('/') ? name : ['/usr/local/bin', '/usr/bin'].map(dir => `${dir}/${name}`).find(candidate => io.fs.stat(candidate)) ?? name
      io.stderr(`${path}: No module named ${module}\n`)
      return 1
    }
    if (!module) {
      io.stderr(`Argument expected for the -m option\n`)
      return 2
    }
    io.stderr(`[simulator] python -m ${module} is not simulated (only http.server is); Docker would run the module inside the container\n`)
    return 1
  }
  if (first !== undefined && first !== '-') {
    const path = first.startsWith('/') ? first : `${io.cwd.replace(/\/$/, '')}/${first}`
    let code: string
    try {
      code = io.fs.readFile(path)
    }
    catch {
      io.stderr(`${io.argv[0]?.split('/').pop() ?? 'python'}: can't open file '${path}': [Errno 2] No such file or directory\n`)
      return 2
    }
    const old = olderPythonSyntaxError(code, versionPair(version))
    if (old)
      return printVersionedSyntaxError(io, old, first)
    return runOnPyodide(io, code, first, args)
  }
  if (!io.tty && io.readChunk) {
    let code = ''
    for (let chunk = await io.readChunk(); chunk !== null; chunk = await io.readChunk())
      code += chunk
    return runOnPyodide(io, code, '<stdin>', [''])
  }
  return repl(io, version)
}
