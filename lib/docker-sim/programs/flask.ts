// `flask --app X [--debug] run --host H --port P` (the deck's images' CMD) and `app.run()` from a script: the
// Flask development server. The student's app runs for real on Pyodide; the framework is ours
// (flask-modules.ts says why) and the server loop is here: its start-up lines, the access log, Flask's
// error log with its traceback, the debug reloader, and the signals. What it prints was recorded from a real
// container (tests/fixtures/daemon/scenarios/flask.yaml, Debian's Flask 2.2.2) and from the deck's pinned
// Flask 3.1.3 / Werkzeug 3.1.8 run on this machine; where they differ (the framework's own traceback frames,
// the Server header) the simulator follows the pinned versions.
//
// Python in Pyodide cannot wait on the simulated network, so redis-py's socket is a lookup made before each
// request: every Redis client the app made is resolved (host, port) over io.network first, and a request
// that meets a new one is dispatched again once it is resolved (before any command reached it).

import type { HttpRequest, HttpResponse, ProcessIO, Program } from '../process'
import type { RedisAnswer, RedisStore } from './redis-server'
import { resolvePath } from '../fs/filesystem'
import { Interrupted } from '../process'
import { SHIM_MODULES } from './flask-modules'
import { httpDate, logDate } from './http-server'
import { connectStreams, sharedInterpreter, takeSlept, withPatches } from './python'
import { wallClock } from './time'
import { signalledWithin, untilSignalled } from './until-signalled'

const WERKZEUG_VERSION = '3.1.8'

const DEV_SERVER_WARNING = 'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.'

/** The part of the interpreter's driver this file adds (loaded once, after python.ts's DRIVER). */
const FLASK_DRIVER = String.raw`
import sys as _fsys, types as _ftypes, linecache as _flinecache, os as _fos, traceback as _ftb, json as _fjson
_sim_shim_sources = {}
_sim_shim_cache = {}
_sim_apps = {}
_sim_flask_frames = ['']
def _sim_set_flask_frames(filename, frames_json):
    frames = [_ftb.FrameSummary(filename, f['line'], f['name'], lookup_line=False, line=f['source'], end_lineno=f['line'], colno=f['span'][0], end_colno=f['span'][1]) for f in _fjson.loads(frames_json)]
    _sim_flask_frames[0] = ''.join(_ftb.StackSummary.from_list(frames).format())
def _sim_shim(name):
    module = _sim_shim_cache.get(name)
    if module is None:
        module = _ftypes.ModuleType(name)
        exec(compile(_sim_shim_sources[name], '<sim:%s>' % name, 'exec'), module.__dict__)
        _sim_shim_cache[name] = module
        if name == 'redis':
            exceptions = _ftypes.ModuleType('redis.exceptions')
            for key in ('RedisError', 'ConnectionError', 'TimeoutError', 'ResponseError', 'DataError'):
                setattr(exceptions, key, getattr(module, key))
            module.exceptions = exceptions
    return module
def _sim_shims_on(names):
    saved = {}
    for name in names:
        module = _sim_shim(name)
        pairs = [(name, module)] + ([('redis.exceptions', module.exceptions)] if name == 'redis' else [])
        for full, value in pairs:
            saved[full] = _fsys.modules.get(full)
            _fsys.modules[full] = value
    return saved
def _sim_shims_off(saved):
    for full, value in saved.items():
        if value is None:
            _fsys.modules.pop(full, None)
        else:
            _fsys.modules[full] = value
# _sim_enter (the container's environment and folder) is python.ts's driver's.
def _sim_set_transport(transport):
    _sim_shim('redis')._sim_transport = transport
def _sim_format_error(error):
    """Flask's log_exception text: the framework's frames (Flask 3.1.3's) where the shim's were."""
    out = []
    for line in _ftb.format_exception(type(error), error, error.__traceback__):
        if line.startswith('  File "<sim:flask>"'):
            if _sim_flask_frames[0] and _sim_flask_frames[0] not in out:
                out.append(_sim_flask_frames[0])
            continue
        if line.startswith('  File "<sim:redis>"'):
            if not out or not out[-1].startswith('  [simulator: redis-py'):
                out.append("  [simulator: redis-py's own frames are left out]\n")
            continue
        out.append(line)
    return ''.join(out)
def _sim_flask_load(key, module_name, app_name, code, filename, env, cwd, shims, from_cli):
    saved = _sim_shims_on(list(shims))
    previous = _fsys.modules.get(module_name)
    try:
        _sim_enter(env, cwd)
        if from_cli:
            _fos.environ['FLASK_RUN_FROM_CLI'] = 'true'
        _flinecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
        module = _ftypes.ModuleType(module_name)
        module.__file__ = filename
        _fsys.modules[module_name] = module
        try:
            exec(compile(code, filename, 'exec'), module.__dict__)
        except BaseException as error:
            return _fjson.dumps(['import-error', ''.join(_ftb.format_exception(type(error), error, error.__traceback__.tb_next)), isinstance(error, ImportError)])
        flask = _sim_shim('flask')
        app, problem = flask._sim_flask.find_app(module.__dict__, app_name, module_name)
        if problem:
            return _fjson.dumps(['no-app', problem, False])
        _sim_apps[key] = app
        return _fjson.dumps(['ok', '', False])
    finally:
        if previous is None:
            _fsys.modules.pop(module_name, None)
        else:
            _fsys.modules[module_name] = previous
        _sim_shims_off(saved)
def _sim_flask_request(key, method, path, query, headers_json, body, remote, env, cwd, shims):
    saved = _sim_shims_on(list(shims))
    try:
        _sim_enter(env, cwd)
        flask = _sim_shim('flask')
        redis = _sim_shim('redis') if 'redis' in shims else None
        try:
            status, headers, text, error, debugger = flask._sim_flask.dispatch(_sim_apps[key], method, path, query, _fjson.loads(headers_json), body, remote, _sim_format_error)
        except BaseException as need:
            if redis is not None and isinstance(need, redis._SimNeedPeer):
                return _fjson.dumps(['need-peer', need.host, need.port])
            raise
        return _fjson.dumps(['done', status, headers, text, error, debugger])
    finally:
        _sim_shims_off(saved)
def _sim_flask_pending_run():
    run = _sim_pending_run[0]
    _sim_pending_run[0] = None
    if run is None:
        return None
    key = 'run-%d' % id(run.app)
    _sim_apps[key] = run.app
    return _fjson.dumps([key, run.app.name, run.host, run.port, bool(run.debug)])
`

type Interpreter = Awaited<ReturnType<typeof sharedInterpreter>>

let flaskDriver: Promise<Interpreter> | null = null

/** The interpreter with the Flask driver and the stand-in modules' sources loaded. */
export function flaskInterpreter(): Promise<Interpreter> {
  flaskDriver ??= sharedInterpreter().then((py) => {
    py.runPython(FLASK_DRIVER)
    const sources = py.globals.get('_sim_shim_sources') as { set: (key: string, value: string) => void, destroy?: () => void }
    for (const { module, source } of Object.values(SHIM_MODULES))
      sources.set(module, source)
    return py
  })
  return flaskDriver
}

/** The pip packages the container's files hold (site-packages, dist-packages), lower-cased. */
export function installedPackages(io: Pick<ProcessIO, 'fs'>): Set<string> {
  const found = new Set<string>()
  const dirs: string[] = []
  for (const lib of ['/usr/local/lib', '/usr/lib']) {
    let names: string[] = []
    try {
      names = io.fs.readdir(lib)
    }
    catch {}
    for (const name of names.filter(n => /^python3(?:\.\d+)?$/.test(n)))
      dirs.push(`${lib}/${name}/site-packages`, `${lib}/${name}/dist-packages`)
  }
  for (const dir of dirs) {
    if (io.fs.stat(dir)?.kind !== 'dir')
      continue
    for (const name of io.fs.readdir(dir))
      found.add(name.toLowerCase().replace(/-[\d.]+\.dist-info$/, ''))
  }
  return found
}

/** The stand-in modules to put in place for this container: those whose package the image installed. */
export function shimsFor(io: Pick<ProcessIO, 'fs'>): string[] {
  const installed = installedPackages(io)
  return Object.entries(SHIM_MODULES).filter(([pkg]) => installed.has(pkg)).map(([, shim]) => shim.module)
}

/** Where pip put flask in this image, for the traceback's frames: /usr/local/lib/python3.14/site-packages. */
function sitePackagesOf(io: ProcessIO): string {
  for (const lib of ['/usr/local/lib', '/usr/lib']) {
    let names: string[] = []
    try {
      names = io.fs.readdir(lib)
    }
    catch {}
    for (const name of names.filter(n => /^python3(?:\.\d+)?$/.test(n)).sort().reverse()) {
      for (const sub of ['site-packages', 'dist-packages']) {
        if (io.fs.stat(`${lib}/${name}/${sub}/flask`))
          return `${lib}/${name}/${sub}`
      }
    }
  }
  return `/usr/local/lib/python${(io.env.get('PYTHON_VERSION') ?? '3').split('.').slice(0, 2).join('.')}/site-packages`
}

/** A frame of Flask's own code: its line in app.py, the function, the source line, the span Python underlines. */
export interface FlaskFrame {
  line: number
  name: string
  source: string
  /** Start and end of the underlined span in `source`. */
  span: [number, number]
}

/**
 * Flask 3.1.3's own frames between the server and the view (app.py of the pinned wheel, read from its
 * traceback on this machine); under the debugger (debug mode) two more come first: Flask.__call__ and
 * wsgi_app's handle_exception. The spans are the calls' positions (what Python 3.11 underlined there); the
 * image's Python (Pyodide's 3.14, as python:3.14-slim) formats them, so its own rules for underlining apply.
 */
export function flaskFrames(underDebugger = false): FlaskFrame[] {
  return [
    ...(underDebugger
      ? [
          { line: 1536, name: '__call__', source: 'return self.wsgi_app(environ, start_response)', span: [7, 45] as [number, number] },
          { line: 1514, name: 'wsgi_app', source: 'response = self.handle_exception(e)', span: [11, 35] as [number, number] },
        ]
      : []),
    { line: 1511, name: 'wsgi_app', source: 'response = self.full_dispatch_request()', span: [11, 39] },
    { line: 919, name: 'full_dispatch_request', source: 'rv = self.handle_user_exception(e)', span: [5, 34] },
    { line: 917, name: 'full_dispatch_request', source: 'rv = self.dispatch_request()', span: [5, 28] },
    { line: 902, name: 'dispatch_request', source: 'return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]', span: [7, 72] },
  ]
}

/** Upper-case reason phrases, as Werkzeug's status line sends them (`HTTP/1.1 404 NOT FOUND`). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'CREATED',
  202: 'ACCEPTED',
  204: 'NO CONTENT',
  301: 'MOVED PERMANENTLY',
  302: 'FOUND',
  304: 'NOT MODIFIED',
  400: 'BAD REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT FOUND',
  405: 'METHOD NOT ALLOWED',
  415: 'UNSUPPORTED MEDIA TYPE',
  500: 'INTERNAL SERVER ERROR',
}

/** Python logging's asctime: `2026-12-01 10:00:00,000`. */
function asctime(ms: number): string {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())},${String(d.getUTCMilliseconds()).padStart(3, '0')}`
}

/** A PIN of Werkzeug's shape, fixed per container (the real one derives from the machine id and MAC address). */
function debuggerPin(io: ProcessIO): string {
  let hash = 2166136261
  for (const c of `${io.env.get('HOSTNAME') ?? ''}${io.cwd}`)
    hash = Math.imul(hash ^ c.charCodeAt(0), 16777619) >>> 0
  const digits = String(hash % 1_000_000_000).padStart(9, '0')
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
}

interface ServeOptions {
  /** The key the app is kept under in the interpreter. */
  key: string
  /** What " * Serving Flask app '…'" names (the --app value; app.run(): the app's name); null: no line. */
  importPath: string | null
  host: string
  port: number
  debug: boolean
  /** The app's file and what loads it again when it changes (the debug reloader). */
  reload?: { path: string, load: () => Promise<boolean> }
}

/** What a published port or another container reaches: resolved before a request (see the header). */
interface Peer {
  store?: RedisStore
  failure?: { kind: 'connection', errno: number, text: string } | { kind: 'timeout' }
}

async function resolvePeer(io: ProcessIO, host: string, port: number): Promise<Peer> {
  try {
    const answer: RedisAnswer = await io.network.request(host, port, { method: 'REDIS', path: '/', headers: {}, body: '' })
    if (answer.redis)
      return { store: answer.redis }
    return { failure: { kind: 'connection', errno: 104, text: 'Connection reset by peer' } }
  }
  catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/resolve/i.test(message))
      return { failure: { kind: 'connection', errno: -3, text: 'Temporary failure in name resolution' } }
    if (/timed out/i.test(message))
      return { failure: { kind: 'timeout' } }
    if (/empty reply/i.test(message))
      return { failure: { kind: 'connection', errno: 104, text: 'Connection reset by peer' } }
    return { failure: { kind: 'connection', errno: 111, text: 'Connection refused' } }
  }
}

function envPairs(io: ProcessIO, extra: Record<string, string> = {}): [string, string][] {
  return [...io.env, ...Object.entries(extra)]
}

/** A port opened before the app is loaded: requests wait for it (Pyodide loads for real; the clock waits with them). */
interface EarlyPort {
  close: () => void
  taken: boolean
  /** Called once the app is served (or failed to load): requests then go on. */
  open: (handler: ((request: HttpRequest) => Promise<HttpResponse>) | null) => void
}

/** Listens on the port at once, so a curl typed right after `docker run -d` waits for Flask instead of being refused. */
function listenEarly(io: ProcessIO, port: number, host: string): EarlyPort {
  let release: (handler: ((request: HttpRequest) => Promise<HttpResponse>) | null) => void = () => {}
  const ready = new Promise<((request: HttpRequest) => Promise<HttpResponse>) | null>((resolve) => {
    release = resolve
  })
  try {
    const close = io.network.listen(port, async (request) => {
      const handler = await ready
      if (!handler)
        throw new Error('Connection refused')
      return handler(request)
    }, { host })
    return { close, taken: false, open: release }
  }
  catch {
    return { close: () => {}, taken: true, open: release }
  }
}

/** Serves a loaded app on its port until a signal ends it. */
export async function serveFlask(io: ProcessIO, options: ServeOptions, early?: EarlyPort): Promise<number> {
  const py = await flaskInterpreter()
  const shims = shimsFor(io)
  const setFrames = () => {
    (py.globals.get('_sim_set_flask_frames') as (file: string, frames: string) => void)(`${sitePackagesOf(io)}/flask/app.py`, JSON.stringify(flaskFrames(options.debug)))
  }
  const dispatch = py.globals.get('_sim_flask_request') as (...args: unknown[]) => string
  const setTransport = py.globals.get('_sim_set_transport') as (transport: unknown) => void
  const shimsPy = py.toPy(shims)
  io.setSignal('SIGINT', 'handle')
  // With --debug, PID 1 is Werkzeug's reloader, whose SIGTERM handler exits 0 (recorded: docker stop took 0.9 s).
  if (options.debug)
    io.setSignal('SIGTERM', 'handle')
  if (options.importPath !== null)
    io.stdout(` * Serving Flask app '${options.importPath}'\n`)
  io.stdout(` * Debug mode: ${options.debug ? 'on' : 'off'}\n`)
  const peers = new Map<string, Peer>()
  const pin = debuggerPin(io)
  let appText = options.reload ? readOrNull(io, options.reload.path) : null
  const port = early ?? listenEarly(io, options.port, options.host)
  if (port.taken) {
    io.stderr(`Address already in use\nPort ${options.port} is in use by another program. Either identify and stop that program, or start the server with a different port.\n`)
    return 1
  }
  const lines = [DEV_SERVER_WARNING]
  // Werkzeug's get_interface_ip: the container's address on its first network (the core's resolve, where it has one).
  const own = (io.network as { resolve?: (host: string) => string | null }).resolve?.(io.env.get('HOSTNAME') ?? 'localhost') ?? null
  if (options.host === '0.0.0.0') {
    lines.push(` * Running on all addresses (0.0.0.0)`, ` * Running on http://127.0.0.1:${options.port}`)
    lines.push(` * Running on http://${own && own !== '127.0.0.1' ? own : '127.0.0.1'}:${options.port}`)
  }
  else {
    lines.push(` * Running on http://${options.host}:${options.port}`)
  }
  lines.push('Press CTRL+C to quit')
  io.stderr(`${lines.join('\n')}\n`)
  if (options.debug)
    io.stderr(` * Restarting with stat\n * Debugger is active!\n * Debugger PIN: ${pin}\n`)
  port.open(handle)
  try {
    await untilSignalled(io)
    return 0
  }
  finally {
    port.close()
    shimsPy.destroy()
  }

  async function handle(request: HttpRequest): Promise<HttpResponse> {
    if (options.debug && options.reload) {
      const now = readOrNull(io, options.reload.path)
      if (now !== appText) {
        appText = now
        io.stderr(` * Detected change in '${options.reload.path}', reloading\n * Restarting with stat\n`)
        await options.reload.load()
        io.stderr(` * Debugger is active!\n * Debugger PIN: ${pin}\n`)
      }
    }
    // redis-py reconnects when a command finds its connection gone: every server the app reached is looked up again.
    for (const key of [...peers.keys()]) {
      const at = key.lastIndexOf(':')
      peers.set(key, await resolvePeer(io, key.slice(0, at), Number(key.slice(at + 1))))
    }
    const [path = '/', query = ''] = request.path.split(/\?(.*)/s)
    const remote = request.remoteAddress ?? '127.0.0.1'
    const transport = (host: string, port: number, argsJson: string): string => {
      const peer = peers.get(`${host}:${port}`)
      if (!peer)
        return JSON.stringify({ kind: 'need-peer' })
      if (peer.failure)
        return JSON.stringify(peer.failure)
      return JSON.stringify(peer.store!.command(JSON.parse(argsJson) as string[]))
    }
    let answer: unknown[] = []
    for (let attempt = 0; attempt < 8; attempt++) {
      setFrames()
      setTransport(transport)
      // What a view prints goes to the container's output (unbuffered here; Python buffers it without a terminal).
      connectStreams(py, io)
      const env = py.toPy(envPairs(io))
      try {
        answer = JSON.parse(withPatches(py, dispatch)(options.key, request.method, path, query, JSON.stringify(request.headers), request.body, remote, env, io.cwd, shimsPy)) as unknown[]
      }
      catch (failure) {
        // The stand-in itself failed (not the app: its errors are Flask's 500 above): said, not hidden.
        io.stderr(`[simulator] the Flask stand-in failed on this request: ${failure instanceof Error ? failure.message.split('\n').filter(Boolean).pop() : String(failure)}\n`)
        answer = ['done', 500, { 'Content-Type': 'text/html; charset=utf-8' }, '[simulator] the Flask stand-in failed on this request; see the container\'s log\n', null, false]
      }
      finally {
        env.destroy()
      }
      if (answer[0] !== 'need-peer')
        break
      const [, host, port] = answer as [string, string, number]
      peers.set(`${host}:${port}`, await resolvePeer(io, host, port))
    }
    const [, status, headers, body, error, fromDebugger] = answer as [string, number, Record<string, string>, string, string | null, boolean]
    const now = wallClock(io.clock)
    const accessLine = `${remote} - - [${logDate(now)}] "${request.method} ${request.path} HTTP/1.1" ${status} -\n`
    // Flask logs the error before the request line; Werkzeug's debugger writes the traceback after it (checked on Flask 3.1.3).
    if (error && fromDebugger)
      io.stderr(`${accessLine}${error}`)
    else if (error)
      io.stderr(`[${asctime(now)}] ERROR in app: Exception on ${path} [${request.method}]\n${error}${accessLine}`)
    else
      io.stderr(accessLine)
    const sent = request.method === 'HEAD' ? '' : body
    return {
      status,
      reason: REASONS[status],
      headers: {
        'Server': `Werkzeug/${WERKZEUG_VERSION} Python/${io.env.get('PYTHON_VERSION') ?? '3'}`,
        'Date': httpDate(now),
        ...headers,
        'Content-Length': String(new TextEncoder().encode(body).length),
        'Connection': 'close',
      },
      body: sent,
    } as HttpResponse
  }
}

function readOrNull(io: ProcessIO, path: string): string | null {
  try {
    return io.fs.readFile(path)
  }
  catch {
    return null
  }
}

/** Imports the app's module on Pyodide and finds its Flask instance; prints Flask's CLI error when it cannot. */
async function loadApp(io: ProcessIO, key: string, target: string, fromCli: boolean, debug = false): Promise<{ ok: true, path: string } | { ok: false, status: number }> {
  const [moduleSpec = 'app', appName = null] = target.split(':') as [string, string | null]
  let modulePath = moduleSpec
  let moduleName = moduleSpec
  if (moduleSpec.endsWith('.py')) {
    modulePath = moduleSpec
    moduleName = moduleSpec.replace(/\.py$/, '').split('/').pop()!
  }
  else {
    modulePath = `${moduleSpec.replace(/\./g, '/')}.py`
  }
  const path = resolvePath(io.cwd, modulePath)
  const code = readOrNull(io, path)
  if (code === null) {
    io.stderr(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not import '${moduleName}'.\n`)
    return { ok: false, status: 2 }
  }
  const py = await flaskInterpreter()
  // A SIGINT that came while the interpreter loaded: in a real container Python was still importing Flask itself
  // (the console script's `from flask.cli import main`), before click runs: KeyboardInterrupt's traceback, 130.
  if (io.takePendingSignal?.() === 'SIGINT') {
    io.stderr('Traceback (most recent call last):\n  [simulator: Python was still importing Flask; the frames where the signal landed are left out]\nKeyboardInterrupt\n')
    return { ok: false, status: 130 }
  }
  const load = py.globals.get('_sim_flask_load') as (...args: unknown[]) => string
  connectStreams(py, io)
  const env = py.toPy(envPairs(io, debug ? { FLASK_DEBUG: '1' } : {}))
  let answer: [string, string, boolean]
  try {
    answer = JSON.parse(withPatches(py, load)(key, moduleName, appName, code, path, env, io.cwd, py.toPy(shimsFor(io)), fromCli)) as [string, string, boolean]
  }
  finally {
    env.destroy()
  }
  // What the app's import slept (counted inside Pyodide) passes on the clock; a SIGINT then is a KeyboardInterrupt
  // inside the command, which click turns into "Aborted!" and exit 1 (recorded: interrupts.json, docker stop early).
  // The import's lines after its sleep have run already: Pyodide cannot stop in the middle of it.
  const slept = takeSlept(py)
  const signal = slept > 0 ? await signalledWithin(io, slept * 1000) : null
  if (signal === 'SIGINT') {
    io.stderr('\nAborted!\n')
    return { ok: false, status: 1 }
  }
  if (signal)
    throw new Interrupted(signal)
  const [kind, text, isImportError] = answer
  if (kind === 'ok')
    return { ok: true, path }
  if (kind === 'import-error' && isImportError) {
    io.stderr(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: While importing '${moduleName}', an ImportError was raised:\n\n${text}\n`)
    return { ok: false, status: 2 }
  }
  if (kind === 'import-error') {
    io.stderr(`Traceback (most recent call last):\n  [simulator: the frames inside flask's command line are left out]\n${text.replace(/^Traceback \(most recent call last\):\n/, '')}`)
    return { ok: false, status: 1 }
  }
  io.stderr(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: ${text}\n`)
  return { ok: false, status: 2 }
}

let serverCount = 0

/** The `flask` console script pip installs with Flask. */
export const flaskProgram: Program = async (io) => {
  // CPython installs its SIGINT handler (KeyboardInterrupt) as it starts, before Flask or the app is imported:
  // as PID 1 a SIGINT is never ignored the way SIGTERM is, even while the app is still loading.
  io.setSignal('SIGINT', 'handle')
  const args = io.argv.slice(1)
  let target: string | null = io.env.get('FLASK_APP') ?? null
  let debug = /^(?:1|true|yes|on)$/i.test(io.env.get('FLASK_DEBUG') ?? '')
  let command: string | null = null
  let host = io.env.get('FLASK_RUN_HOST') ?? '127.0.0.1'
  let port = Number(io.env.get('FLASK_RUN_PORT') ?? 5000)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => inline ?? args[++i] ?? ''
    if (flag === '-A' || flag === '--app') {
      target = value()
    }
    else if (flag === '--debug') {
      debug = true
    }
    else if (flag === '--no-debug') {
      debug = false
    }
    else if (flag === '--version') {
      io.stdout(`Python ${io.env.get('PYTHON_VERSION') ?? '3'}\nFlask 3.1.3\nWerkzeug ${WERKZEUG_VERSION}\n`)
      return 0
    }
    else if (command === null && !flag.startsWith('-')) {
      command = flag
    }
    else if (command === 'run' && (flag === '-h' || flag === '--host')) {
      host = value()
    }
    else if (command === 'run' && (flag === '-p' || flag === '--port')) {
      port = Number(value())
    }
    else if (command === 'run' && (flag === '--reload' || flag === '--no-reload' || flag === '--debugger' || flag === '--no-debugger' || flag === '--with-threads' || flag === '--without-threads')) {
      continue
    }
    else {
      io.stderr(`[simulator] flask ${args.join(' ')}: only \`flask [--app APP] [--debug] run [--host H] [--port P]\` is simulated\n`)
      return 2
    }
  }
  if (command !== 'run') {
    io.stderr(`[simulator] flask ${command ?? ''}: only \`flask run\` is simulated (Flask's other commands: routes, shell)\n`)
    return 2
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Invalid value for '--port' / '-p': '${port}' is not a valid integer.\n`)
    return 2
  }
  const key = `cli-${++serverCount}`
  // Without --app, Flask looks for wsgi.py, then app.py, in the working folder.
  const found = target ?? (readOrNull(io, resolvePath(io.cwd, 'wsgi.py')) !== null ? 'wsgi' : 'app')
  if (target === null && readOrNull(io, resolvePath(io.cwd, `${found}.py`)) === null) {
    io.stderr(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n`)
    return 2
  }
  const early = listenEarly(io, port, host)
  // Flask 3.1 loads the app before serving: an import error ends the command.
  const loaded = await loadApp(io, key, found, true, debug)
  if (!loaded.ok) {
    early.open(null)
    early.close()
    return loaded.status
  }
  return serveFlask(io, {
    key,
    importPath: target,
    host,
    port,
    debug,
    reload: { path: loaded.path, load: async () => (await loadApp(io, key, found, true, debug)).ok },
  }, early)
}

/** After a script's `app.run()` (python.ts): serves the app it asked for. */
export async function serveAppRun(io: ProcessIO): Promise<number | null> {
  const py = await flaskInterpreter()
  const pending = (py.globals.get('_sim_flask_pending_run') as () => string | undefined)()
  if (!pending)
    return null
  const [key, name, host, port, debug] = JSON.parse(pending) as [string, string, string, number, boolean]
  return serveFlask(io, { key, importPath: name, host, port, debug })
}
