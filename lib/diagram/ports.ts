// Port and address handling for PortMappingDiagram: validate what a slide author
// passes as props and format it the way `docker run -p` spells it.

export type PortInput = string | number

/** A TCP/UDP port number as `docker run -p` accepts it: an integer 1–65535. */
export function parsePort(value: PortInput, name: string): number {
  const text = String(value).trim()
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} must be a port number between 1 and 65535, got "${String(value)}"`)
  return port
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
// Hex groups and colons, optionally ending in a dotted IPv4 part (::ffff:1.2.3.4).
const IPV6 = /^[\dA-F]*:[\d:A-F]*(?:\d(?:\.\d{1,3}){3})?$/i

/** A host IP to bind the published port to (IPv4 or IPv6, without brackets). */
export function parseHostIp(value: string, name: string): string {
  const ip = value.trim().replace(/^\[(.*)\]$/, '$1')
  if (!IPV4.test(ip) && !(IPV6.test(ip) && ip.includes(':')))
    throw new Error(`${name} must be an IPv4 or IPv6 address, got "${value}"`)
  return ip
}

const LOCAL_ADDRESSES = new Set(['0.0.0.0', '127.0.0.1', '::', '::1'])

/** The host name a browser on the same computer would use to reach the published port. */
export function browserHost(hostIp: string | undefined): string {
  if (hostIp === undefined || LOCAL_ADDRESSES.has(hostIp))
    return 'localhost'
  return hostIp.includes(':') ? `[${hostIp}]` : hostIp
}

/** The value of `-p` for this mapping, e.g. `8090:3000` or `127.0.0.1:8090:3000`. */
export function publishFlag(hostPort: number, containerPort: number, hostIp?: string): string {
  if (hostIp === undefined)
    return `${hostPort}:${containerPort}`
  const address = hostIp.includes(':') ? `[${hostIp}]` : hostIp
  return `${address}:${hostPort}:${containerPort}`
}
