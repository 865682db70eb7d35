// Class mode: presents the deck with Slidev's remote mode, so students on the room's network open one
// address and follow the instructor's slide (and can browse ahead between moves). The presenter view
// and the overview ask for a password; followers need none.
//
//   npm run class [-- --password WORD] [--port 3030] [--address 192.168.1.20]
//
// This is `slidev --remote <password>` through Slidev's own API, with two differences: it never asks the
// internet for a public IP address (the CLI does, with --remote), and it tells the title slide the
// followers' address through VITE_CLASS_FOLLOW_URL, so the slide shows it with a QR code.
import { randomInt } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { renderUnicodeCompact } from 'uqr'

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const FOLLOW_URL_ENV = 'VITE_CLASS_FOLLOW_URL'

const USAGE = `Usage: npm run class [-- --password WORD] [--port 3030] [--address IP]

  --password WORD  the presenter's password (default: a new random one, printed)
  --port N         the port to serve on (default 3030)
  --address IP     the address students type, when the machine has several (default: the first
                   non-loopback IPv4 address that is not a container bridge)`

export interface ClassOptions {
  password: string
  port: number
  address: string | null
}

/** Interfaces that are never the room's network: container and VM bridges. */
const VIRTUAL_INTERFACE = /^(?:docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|podman)/

/** The machine's IPv4 addresses students could reach, room networks first. */
export function roomAddresses(interfaces = networkInterfaces()): string[] {
  const entries = Object.entries(interfaces).flatMap(([name, addresses]) =>
    (addresses ?? []).filter(address => address.family === 'IPv4' && !address.internal).map(address => ({ name, address: address.address })))
  const virtual = (name: string) => VIRTUAL_INTERFACE.test(name)
  return [...entries.filter(entry => !virtual(entry.name)), ...entries.filter(entry => virtual(entry.name))].map(entry => entry.address)
}

/** Eight letters and digits without look-alikes (no 0/O, 1/l/I), easy to read aloud. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')
}

/** Parses the command line; throws with the usage on a bad argument. */
export function parseClassArguments(argv: string[]): ClassOptions {
  const options: ClassOptions = { password: '', port: 3030, address: null }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    const value = argv[index + 1]
    const needValue = () => {
      if (value === undefined || value.startsWith('--'))
        throw new Error(`${argument} needs a value.\n\n${USAGE}`)
      index++
      return value
    }
    if (argument === '--password')
      options.password = needValue()
    else if (argument === '--port')
      options.port = Number(needValue())
    else if (argument === '--address')
      options.address = needValue()
    else
      throw new Error(`Unknown argument "${argument}".\n\n${USAGE}`)
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535)
    throw new Error(`--port must be a TCP port number (1 to 65535).\n\n${USAGE}`)
  if (options.password !== '' && !/^[\w-]+$/.test(options.password))
    throw new Error('--password may hold letters, digits, - and _ only (it travels in the URL).')
  return options
}

export function followUrl(address: string, port: number): string {
  return `http://${address}:${port}/`
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE)
    return
  }
  const options = parseClassArguments(argv)
  const password = options.password || newPassword()
  const address = options.address ?? roomAddresses()[0] ?? null
  if (address === null)
    throw new Error('This machine has no network address other than 127.0.0.1: connect it to the room\'s network (or pass --address).')
  const url = followUrl(address, options.port)
  process.env[FOLLOW_URL_ENV] = url

  const { createServer, resolveOptions } = await import('@slidev/cli')
  const slidev = await resolveOptions({ entry: join(PROJECT_ROOT, 'slides.md'), remote: password }, 'dev')
  const server = await createServer(slidev, {
    server: { port: options.port, strictPort: true, host: '0.0.0.0' },
    logLevel: 'warn',
  })
  await server.listen()

  console.log(`
  Class mode: students follow your slide.

  Students open   ${url}
  You present at  http://localhost:${options.port}/#/presenter/1?password=${password}
  Password        ${password}

${renderUnicodeCompact(url).replace(/^/gm, '  ')}
  Everyone must be on the same network, and the network must let its devices reach each other
  (guest and eduroam-style Wi-Fi often isolate clients: then nobody connects; see README, Class mode).
  Ctrl-C stops the server.
`)
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
