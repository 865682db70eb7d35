// `-p/--publish`: [ip:][hostPort:]containerPort[/protocol], read as docker's go-connections `nat`
// package reads it, with its messages.
import type { PortMapping, PortRange } from '../types'
import type { ValueResult } from './result'
import { isIP } from './ip'
import { parseGoUint } from './numbers'
import { fail, ok } from './result'

export type PortMappingValue = Omit<PortMapping, 'span'>

/**
 * The one place that decides which host addresses mean "every network interface of this machine":
 * none given, the IPv4 and IPv6 wildcards, bracketed or not.
 */
export function isEveryInterface(hostIp: string | null): boolean {
  return hostIp === null || ['', '0.0.0.0', '::', '[::]'].includes(hostIp)
}

/** strconv.ParseUint(text, 10, 16), or a range `start-end` with end ≥ start. */
function parsePortRange(text: string): PortRange | null {
  const port = (part: string) => (/^\d+$/.test(part) && Number(part) <= 65535 ? Number(part) : null)
  if (!text.includes('-')) {
    const single = port(text)
    return single === null ? null : { start: single, end: single }
  }
  const [first = '', second = ''] = text.split('-')
  const start = port(first)
  const end = port(second)
  if (start === null || end === null || end < start)
    return null
  return { start, end }
}

export function parsePublish(text: string): ValueResult<PortMappingValue[]> {
  if (text === '')
    return fail('no port specified: <empty>', 0, 0)
  const parts = text.split(':')
  const containerPart = parts[parts.length - 1] ?? ''
  const hostPort = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : ''
  let ip = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : ''
  const ipEnd = ip.length
  const hostPortStart = parts.length >= 3 ? ipEnd + 1 : 0
  const containerStart = text.length - containerPart.length

  // Protocol after `/` in the container part; only the first `/` counts.
  const slash = containerPart.indexOf('/')
  const containerPort = slash === -1 ? containerPart : containerPart.slice(0, slash)
  const protocolText = slash === -1 ? '' : (containerPart.slice(slash + 1).split('/')[0] ?? '')
  const protocol = (containerPort === '' ? '' : protocolText === '' ? 'tcp' : protocolText).toLowerCase()

  if (ip.startsWith('[')) {
    const close = ip.indexOf(']')
    if (close === -1 || close !== ip.length - 1 || ip.slice(1, close).includes('[')) {
      return fail(`invalid IP address ${ip}: the address must be written [address]`, 0, ipEnd)
    }
    ip = ip.slice(1, close)
  }
  if (ip !== '' && !isIP(ip))
    return fail(`invalid IP address: ${ip}`, 0, ipEnd)
  if (containerPort === '')
    return fail(`no port specified: ${text}<empty>`, containerStart, text.length)

  const containerRange = parsePortRange(containerPort)
  if (!containerRange) {
    return fail(`invalid containerPort: ${containerPort} (expected a port 0-65535 or a range like 8000-8010)`, containerStart, containerStart + containerPort.length)
  }
  let hostRange: PortRange | null = null
  if (hostPort !== '') {
    hostRange = parsePortRange(hostPort)
    if (!hostRange) {
      return fail(`invalid hostPort: ${hostPort} (expected a port 0-65535 or a range like 8000-8010)`, hostPortStart, hostPortStart + hostPort.length)
    }
    const containerSize = containerRange.end - containerRange.start
    if (containerSize !== hostRange.end - hostRange.start && containerSize !== 0) {
      return fail(
        `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort} (both ranges must have the same size)`,
        hostPortStart,
        containerStart + containerPort.length,
      )
    }
  }
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    const protocolStart = containerStart + slash + 1
    return fail(`invalid proto: ${protocol} (expected tcp, udp or sctp)`, protocolStart, protocolStart + protocolText.length)
  }
  return ok([
    {
      hostIp: ip === '' ? null : ip,
      allInterfaces: isEveryInterface(ip),
      hostPort: hostPort === '' ? null : hostPort,
      hostPorts: hostRange,
      containerPort,
      containerPorts: containerRange,
      protocol,
    },
  ])
}

export interface ExposedPortValue {
  ports: PortRange
  protocol: string
}

/** `--expose port[-port][/protocol]`, as the client reads it. */
export function parseExpose(text: string): ValueResult<ExposedPortValue> {
  const slash = text.indexOf('/')
  const range = slash === -1 ? text : text.slice(0, slash)
  const [first = '', second] = range.split('-')
  const bounds: number[] = []
  for (const part of second === undefined ? [first] : [first, second]) {
    const port = parseGoUint(part, 16)
    if (!port.ok)
      return fail(`invalid range format for --expose: ${text}, error: ${port.message}`, 0, range.length)
    bounds.push(Number(port.value))
  }
  return ok({ ports: { start: bounds[0]!, end: bounds.at(-1)! }, protocol: slash === -1 ? 'tcp' : text.slice(slash + 1).toLowerCase() })
}
