// Port handling for PortMappingDiagram: the diagram draws one `docker run -p` value, read by the
// explainer engine's own parser, so the picture and the explanation cannot disagree.
import { isIP } from '../docker/values/ip'
import { isEveryInterface, parsePublish } from '../docker/values/publish'

export type PortInput = string | number

/** What the diagram draws: one host port forwarded to one container port. */
export interface DiagramPortMapping {
  /** The `-p` value, as docker run spells it. */
  publish: string
  /** Without brackets; undefined when none was given. */
  hostIp: string | undefined
  /** Published on every network interface (no address, `0.0.0.0`, `::`). */
  allInterfaces: boolean
  hostPort: number
  containerPort: number
}

/** A TCP/UDP port number as the diagram draws it: an integer 1–65535. */
export function parsePort(value: PortInput, name: string): number {
  const text = String(value).trim()
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} must be a port number between 1 and 65535, got "${String(value)}"`)
  return port
}

/** A host IP to bind the published port to (IPv4 or IPv6, brackets allowed), as docker reads one. */
export function parseHostIp(value: string, name: string): string {
  const ip = value.trim().replace(/^\[(.*)\]$/, '$1')
  if (!isIP(ip))
    throw new Error(`${name} must be an IPv4 or IPv6 address, got "${value}"`)
  return ip
}

/** The value of `-p` for this mapping, e.g. `8090:3000` or `127.0.0.1:8090:3000`. */
export function publishFlag(hostPort: number, containerPort: number, hostIp?: string): string {
  if (hostIp === undefined)
    return `${hostPort}:${containerPort}`
  const address = hostIp.includes(':') ? `[${hostIp}]` : hostIp
  return `${address}:${hostPort}:${containerPort}`
}

/**
 * One `-p` value read by the engine's parser; the diagram needs one fixed host port and one
 * container port, so a free port (`-p 3000`) or a range is refused with the reason.
 */
export function diagramPortMapping(publish: string, name: string): DiagramPortMapping {
  const result = parsePublish(publish.trim())
  if (!result.ok)
    throw new Error(`${name}: docker refuses -p ${publish}: ${result.message}`)
  const [port] = result.value
  if (!port?.hostPorts)
    throw new Error(`${name}: -p ${publish} lets Docker pick the host port; the diagram needs one, write HOST:CONTAINER`)
  if (port.hostPorts.start !== port.hostPorts.end || port.containerPorts.start !== port.containerPorts.end)
    throw new Error(`${name}: -p ${publish} publishes a range; the diagram draws one port`)
  return {
    publish: publish.trim(),
    hostIp: port.hostIp ?? undefined,
    allInterfaces: port.allInterfaces,
    hostPort: port.hostPorts.start,
    containerPort: port.containerPorts.start,
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1'])

/** The host name a browser on the same computer would use to reach the published port. */
export function browserHost(hostIp: string | undefined): string {
  if (hostIp === undefined || isEveryInterface(hostIp) || LOOPBACK.has(hostIp))
    return 'localhost'
  return hostIp.includes(':') ? `[${hostIp}]` : hostIp
}
