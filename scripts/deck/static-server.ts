// A plain static file server that mounts a built deck at its base path on 127.0.0.1: what a static
// host does (no compression, no rewrites, no SPA fallback), for the PDF export and the bench.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.tar': 'application/x-tar',
  '.whl': 'application/zip',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a request path to a file under `root` when the deck is mounted at `base`; null when the path
 * is outside the base or tries to climb out of `root`.
 */
export function fileForRequest(root: string, base: string, requestPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(requestPath.split(/[?#]/)[0]!)
  }
  catch {
    return null
  }
  if (!path.startsWith(base))
    return null
  const inside = path.slice(base.length)
  const file = resolve(root, `./${inside}`)
  if (file !== resolve(root) && !file.startsWith(resolve(root) + sep))
    return null
  return inside === '' || inside.endsWith('/') ? join(file, 'index.html') : file
}

export interface StaticServer {
  origin: string
  /** origin + base */
  url: string
  close: () => Promise<void>
}

/** Serves `root` at `base` on 127.0.0.1 (port 0 = any free port). */
export async function serveDirectory(root: string, { base = '/', port = 0 }: { base?: string, port?: number } = {}): Promise<StaticServer> {
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`The base must start and end with "/", got "${base}".`)
  const server = http.createServer(async (request, response) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? fileForRequest(root, base, request.url ?? '/') : null
    const info = file ? await stat(file).catch(() => null) : null
    if (!file || !info?.isFile()) {
      response.writeHead(file ? 404 : 400, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(file ? 'Not found\n' : 'Bad request\n')
      return
    }
    response.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': info.size,
      'Last-Modified': info.mtime.toUTCString(),
      'Cache-Control': 'no-cache',
    })
    if (request.method === 'HEAD')
      response.end()
    else
      createReadStream(file).pipe(response)
  })
  // Keep-alive sockets would keep close() waiting after the browser is gone.
  const sockets = new Set<import('node:net').Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolveListen())
  })
  const address = server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise<void>((resolveClose) => {
      for (const socket of sockets)
        socket.destroy()
      server.close(() => resolveClose())
    }),
  }
}
