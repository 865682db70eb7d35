// `python -m http.server [PORT]`: serves the working folder of its own file tree (the container's, or the
// student's). Pages, headers and log lines follow CPython's Lib/http/server.py, checked against Debian's
// python3 -m http.server on this machine (tests/unit/docker-sim/programs/http-server.test.ts).

import type { HttpRequest, HttpResponse, ProcessIO, Program } from '../process'
import { resolvePath } from '../fs/filesystem'
import { Interrupted } from '../process'
import { wallClock } from './time'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** mimetypes' answers for the files a student serves; anything else is application/octet-stream. */
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  py: 'text/x-python',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  md: 'text/markdown',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
  yaml: 'application/yaml',
  sh: 'application/x-sh',
}

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** BaseHTTPRequestHandler.log_date_time_string: `01/Dec/2026 08:05:53` (local time, UTC here). */
export function logDate(ms: number): string {
  const d = new Date(ms)
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
}

/** email.utils.formatdate(usegmt=True), the Date header. */
export function httpDate(ms: number): string {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')
}

/** SimpleHTTPRequestHandler.list_directory. */
export function directoryListing(urlPath: string, names: { name: string, kind: 'file' | 'dir' | 'symlink' }[]): string {
  const title = `Directory listing for ${escapeHtml(decodeURIComponent(urlPath))}`
  const items = [...names].sort((a, b) => a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0).map(({ name, kind }) => {
    const display = kind === 'dir' ? `${name}/` : kind === 'symlink' ? `${name}@` : name
    const link = kind === 'dir' ? `${name}/` : name
    return `<li><a href="${encodeURI(link).replace(/[?#]/g, encodeURIComponent)}">${escapeHtml(display)}</a></li>\n`
  }).join('')
  return `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n${items}</ul>\n<hr>\n</body>\n</html>\n`
}

/** BaseHTTPRequestHandler.send_error's page (DEFAULT_ERROR_MESSAGE). */
export function errorPage(code: number, message: string, explanation: string): string {
  return `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${escapeHtml(message)}.</p>\n        <p>Error code explanation: ${code} - ${escapeHtml(explanation)}.</p>\n    </body>\n</html>\n`
}

export interface HttpServerSetup {
  /** `::` (dual-stack: IPv4 clients logged as ::ffff:a.b.c.d) with `-b ::`, else `0.0.0.0`. */
  bindAddress: '::' | '0.0.0.0'
  /** The Server header's Python version. */
  pythonVersion: string
}

/** Answers one request from the files of `io.fs` under `root`, and logs it as the handler does. */
export function serveFiles(io: ProcessIO, root: string, setup: HttpServerSetup, request: HttpRequest, log: (line: string) => void): HttpResponse {
  const now = wallClock(io.clock)
  const client = request.remoteAddress ?? '127.0.0.1'
  const shownClient = setup.bindAddress === '::' && !client.includes(':') ? `::ffff:${client}` : client
  const requestLine = `${request.method} ${request.path} HTTP/1.1`
  const headers = (extra: Record<string, string>) => ({ Server: `SimpleHTTP/0.6 Python/${setup.pythonVersion}`, Date: httpDate(now), ...extra })
  const logRequest = (code: number) => log(`${shownClient} - - [${logDate(now)}] "${requestLine}" ${code} -\n`)
  const fail = (code: number, message: string, explanation: string): HttpResponse => {
    log(`${shownClient} - - [${logDate(now)}] code ${code}, message ${message}\n`)
    logRequest(code)
    const body = errorPage(code, message, explanation)
    return { status: code, protocol: 'HTTP/1.0', headers: headers({ 'Connection': 'close', 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': String(byteLength(body)) }), body }
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return fail(501, `Unsupported method ('${request.method}')`, 'Server does not support this operation')
  const urlPath = request.path.split(/[?#]/)[0]!
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  }
  catch {
    decoded = urlPath
  }
  const path = resolvePath(root, `.${decoded}`)
  const stat = io.fs.stat(path)
  if (stat?.kind === 'dir') {
    if (!urlPath.endsWith('/')) {
      logRequest(301)
      return { status: 301, protocol: 'HTTP/1.0', headers: headers({ 'Location': `${urlPath}/`, 'Content-Length': '0' }), body: '' }
    }
    for (const index of ['index.html', 'index.htm']) {
      const indexPath = resolvePath(path, index)
      if (io.fs.stat(indexPath)?.kind === 'file')
        return sendFile(indexPath)
    }
    const names = io.fs.readdir(path).map((name) => {
      const s = (io.fs as { lstat?: (p: string) => { kind: 'file' | 'dir' | 'symlink' } | null }).lstat?.(resolvePath(path, name)) ?? io.fs.stat(resolvePath(path, name))
      return { name, kind: s?.kind ?? 'file' }
    })
    const body = directoryListing(urlPath, names)
    logRequest(200)
    return { status: 200, protocol: 'HTTP/1.0', headers: headers({ 'Content-type': 'text/html; charset=utf-8', 'Content-Length': String(byteLength(body)) }), body }
  }
  if (!stat || decoded.endsWith('/'))
    return fail(404, 'File not found', 'Nothing matches the given URI')
  return sendFile(path)

  function sendFile(filePath: string): HttpResponse {
    const content = io.fs.readFile(filePath)
    const extension = /\.([^./]+)$/.exec(filePath)?.[1]?.toLowerCase() ?? ''
    const fileStat = io.fs.stat(filePath)!
    logRequest(200)
    return {
      status: 200,
      protocol: 'HTTP/1.0',
      headers: headers({
        'Content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        'Content-Length': String(byteLength(content)),
        'Last-Modified': httpDate(fileStat.mtime + (wallClock(io.clock) - io.clock.now())),
      }),
      body: request.method === 'HEAD' ? '' : content,
    }
  }
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length
}

/** Python's stdout to a pipe or a log is block-buffered (8 KiB): without a terminal, "Serving HTTP…" shows only at exit. */
function bufferedStdout(io: ProcessIO): { write: (text: string) => void, flush: () => void } {
  let held = ''
  return {
    write: (text) => {
      if (io.tty) {
        io.stdout(text)
        return
      }
      held += text
      if (held.length >= 8192) {
        io.stdout(held)
        held = ''
      }
    },
    flush: () => {
      if (held)
        io.stdout(held)
      held = ''
    },
  }
}

/** Facts of the machine the server runs on; absent, they come from the image (PYTHON_VERSION). */
export interface ServerMachine {
  pythonVersion?: string
  /** Where CPython binds with no -b (0.0.0.0 unless told: see `serve`). */
  defaultBind?: '::' | '0.0.0.0'
}

export const httpServerProgram: Program = io => makeHttpServer({})(io)

export function makeHttpServer(machine: ServerMachine): Program {
  return async io => serve(io, machine)
}

async function serve(io: ProcessIO, machine: ServerMachine): Promise<number> {
  const args = io.argv.slice(1)
  let port = 8000
  let directory = io.cwd
  let bind: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-d' || arg === '--directory') {
      directory = resolvePath(io.cwd, args[++i] ?? '.')
    }
    else if (arg === '-b' || arg === '--bind') {
      bind = args[++i]
    }
    else if (arg.startsWith('--bind=') || (arg.startsWith('-b') && arg.length > 2)) {
      // argparse's other spellings: --bind=127.0.0.1, -b127.0.0.1
      bind = arg.startsWith('--') ? arg.slice('--bind='.length) : arg.slice(2)
    }
    else if (/^\d+$/.test(arg)) {
      port = Number(arg)
    }
    else {
      io.stderr(`usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument port: invalid int value: '${arg}'\n`)
      return 2
    }
  }
  // CPython binds the first address getaddrinfo offers: 0.0.0.0 in a container on Docker's default bridge (IPv6 off there;
  // the real daemon's transcript shows `Serving HTTP on 0.0.0.0` and clients as 172.17.0.1) and on the deck's computers.
  const defaultBind = machine.defaultBind ?? '0.0.0.0'
  const setup: HttpServerSetup = {
    bindAddress: bind === undefined ? defaultBind : bind.includes(':') ? '::' : '0.0.0.0',
    pythonVersion: machine.pythonVersion ?? io.env.get('PYTHON_VERSION') ?? '3',
  }
  const out = bufferedStdout(io)
  let close: () => void
  try {
    close = io.network.listen(port, async request => serveFiles(io, directory, setup, request, line => io.stderr(line)), { host: bind ?? (setup.bindAddress === '::' ? '::' : '0.0.0.0') })
  }
  catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // The standard library's frames are version-specific; the simulator does not reproduce them.
    io.stderr(`Traceback (most recent call last):\n  [simulator: the frames inside the standard library are left out]\nOSError: [Errno 98] ${/in use/.test(message) ? 'Address already in use' : message}\n`)
    return 1
  }
  const shown = bind ?? setup.bindAddress
  out.write(`Serving HTTP on ${shown} port ${port} (http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/) ...\n`)
  try {
    await io.clock.sleep(Number.MAX_SAFE_INTEGER)
    return 0
  }
  catch (error) {
    if (error instanceof Interrupted && error.signal === 'SIGINT') {
      out.write('\nKeyboard interrupt received, exiting.\n')
      return 0
    }
    throw error
  }
  finally {
    close()
    out.flush()
  }
}
