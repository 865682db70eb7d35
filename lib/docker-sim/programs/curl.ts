// curl, as far as the deck needs it: GET (or -X/-d) to a URL, the body on stdout, -i/-I headers,
// -s/-S, -f, -o FILE, and curl's own error lines (checked against curl 7.88.1 on this machine).

import type { HttpRequest, Program } from '../process'
import { resolvePath } from '../fs/filesystem'

/** Reason phrases a status line carries (http.client.responses). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'File not found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  501: 'Unsupported method',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

export interface ParsedUrl {
  host: string
  port: number
  path: string
}

export function parseUrl(text: string): ParsedUrl | null {
  const match = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([/?#].*)?$/i.exec(text)
  if (!match)
    return null
  const [, scheme = 'http', host, port, path = '/'] = match
  return { host: host!.replace(/^\[|\]$/g, ''), port: port ? Number(port) : scheme.toLowerCase() === 'https' ? 443 : 80, path: path.startsWith('/') ? path : `/${path}` }
}

export const curlProgram: Program = async (io) => {
  const args = io.argv.slice(1)
  let silent = false
  let showErrors = false
  let include = false
  let headOnly = false
  let fail = false
  let method: string | null = null
  let data: string | null = null
  let output: string | null = null
  let writeOut: string | null = null
  const headers: Record<string, string> = {}
  let url: string | null = null
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (/^-[a-z]{2,}$/i.test(arg) && !['-X', '-d', '-H', '-o'].includes(arg.slice(0, 2))) {
      args.splice(i + 1, 0, ...arg.slice(2).split('').map(c => `-${c}`))
      args[i] = arg.slice(0, 2)
    }
    const flag = args[i]!
    switch (flag) {
      case '-s':
      case '--silent':
        silent = true
        break
      case '-S':
      case '--show-error':
        showErrors = true
        break
      case '-i':
      case '--include':
        include = true
        break
      case '-I':
      case '--head':
        headOnly = true
        break
      case '-f':
      case '--fail':
        fail = true
        break
      case '-L': case '--location': case '-v': case '--verbose': break
      case '-X':
      case '--request':
        method = args[++i] ?? 'GET'
        break
      case '-d':
      case '--data':
        data = args[++i] ?? ''
        break
      case '-w':
      case '--write-out':
        writeOut = args[++i] ?? ''
        break
      case '-o':
      case '--output':
        output = args[++i] ?? null
        break
      case '-H': case '--header': {
        const header = args[++i] ?? ''
        const colon = header.indexOf(':')
        if (colon > 0)
          headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim()
        break
      }
      default:
        if (flag.startsWith('-')) {
          io.stderr(`curl: option ${flag}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`)
          return 2
        }
        url = flag
    }
  }
  const error = (code: number, message: string) => {
    if (!silent || showErrors)
      io.stderr(`curl: (${code}) ${message}\n`)
    return code
  }
  if (!url) {
    io.stderr('curl: try \'curl --help\' or \'curl --manual\' for more information\n')
    return 2
  }
  const target = parseUrl(url)
  if (!target)
    return error(3, `URL using bad/illegal format or missing URL`)
  const request: HttpRequest = {
    method: method ?? (headOnly ? 'HEAD' : data !== null ? 'POST' : 'GET'),
    path: target.path,
    headers: { 'Host': `${target.host}${target.port === 80 ? '' : `:${target.port}`}`, 'User-Agent': 'curl/7.88.1', 'Accept': '*/*', ...headers },
    body: data ?? '',
  }
  let response
  try {
    response = await io.network.request(target.host, target.port, request)
  }
  catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure)
    if (/resolve/i.test(message))
      return error(6, `Could not resolve host: ${target.host}`)
    // docker-proxy accepted the connection, then found nothing to hand it to (a server on the container's 127.0.0.1).
    if (/reset by peer/i.test(message))
      return error(56, 'Recv failure: Connection reset by peer')
    return error(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`)
  }
  if (fail && response.status >= 400)
    return error(22, `The requested URL returned error: ${response.status}`)
  let text = ''
  if (include || headOnly) {
    text += `${response.protocol ?? 'HTTP/1.1'} ${response.status} ${(response as { reason?: string }).reason ?? REASONS[response.status] ?? ''}\r\n`
    for (const [name, value] of Object.entries(response.headers))
      text += `${name}: ${value}\r\n`
    text += '\r\n'
  }
  if (!headOnly)
    text += response.body
  if (output === null)
    io.stdout(text)
  else if (output !== '/dev/null')
    io.fs.writeFile(resolvePath(io.cwd, output), text)
  if (writeOut !== null)
    io.stdout(expandWriteOut(writeOut, response.status))
  return 0
}

/** `-w`: the variables the deck's checks use, and curl's \n \t escapes. */
function expandWriteOut(format: string, status: number): string {
  return format
    .replace(/%\{(http_code|response_code)\}/g, String(status).padStart(3, '0'))
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
}
