// `--network`: a network's name, or comma-separated key=value fields read as one CSV record
// (a double-quoted field may hold commas: `name=a,"alias=x,y"`), as the client's NetworkOpt reads it.
import type { ValueResult } from './result'
import { readCsvRecord } from './csv'
import { fail, ok } from './result'

export interface NetworkValue {
  /** The network's name or ID, `host`, `none`, `bridge`, `default` or `container:NAME`. */
  name: string
  mode: 'bridge' | 'default' | 'host' | 'none' | 'container' | 'user-defined'
  /** For `container:NAME`: the container whose network this one shares. */
  container: string | null
  aliases: string[]
  ipv4: string | null
  ipv6: string | null
  macAddress: string | null
  linkLocalIps: string[]
  driverOptions: Record<string, string>
  gatewayPriority: number | null
}

function modeOf(name: string): Pick<NetworkValue, 'mode' | 'container'> {
  if (name === 'host' || name === 'none' || name === 'bridge' || name === 'default')
    return { mode: name, container: null }
  if (name.startsWith('container:'))
    return { mode: 'container', container: name.slice('container:'.length) }
  return { mode: 'user-defined', container: null }
}

/** The client's test for the long syntax: somewhere a `word=word`. */
const LONG_SYNTAX = /\w+=\w+(?:,\w+=\w+)*/

export function parseNetwork(text: string): ValueResult<NetworkValue> {
  const network: NetworkValue = { name: text, ...modeOf(text), aliases: [], ipv4: null, ipv6: null, macAddress: null, linkLocalIps: [], driverOptions: {}, gatewayPriority: null }
  if (!LONG_SYNTAX.test(text))
    return ok(network)
  const record = readCsvRecord(text)
  if (!record.ok)
    return record
  network.name = ''
  for (const field of record.value) {
    // The client lowercases the whole field, value included.
    const lower = field.value.toLowerCase()
    const equals = lower.indexOf('=')
    const key = equals === -1 ? '' : lower.slice(0, equals).trim()
    const value = lower.slice(equals + 1)
    if (equals === -1 || key === '')
      return fail(`invalid field ${field.value}`, field.start, field.end)
    const valueStart = field.start + equals + 1
    switch (key) {
      case 'name':
        network.name = value
        break
      case 'alias':
        network.aliases.push(value)
        break
      case 'ip':
        network.ipv4 = value
        break
      case 'ip6':
        network.ipv6 = value
        break
      case 'mac-address':
        network.macAddress = value
        break
      case 'link-local-ip':
        network.linkLocalIps.push(value)
        break
      case 'driver-opt': {
        const split = value.indexOf('=')
        if (split <= 0)
          return fail('invalid key value pair format in driver options', valueStart, field.end)
        network.driverOptions[value.slice(0, split)] = value.slice(split + 1)
        break
      }
      case 'gw-priority':
        if (!/^[+-]?\d+$/.test(value))
          return fail(`invalid gw-priority (${value}): invalid syntax`, valueStart, field.end)
        network.gatewayPriority = Number(value)
        break
      default:
        return fail(`invalid field key ${key}`, field.start, field.start + equals)
    }
  }
  if (network.name === '')
    return fail('network name/id is not specified', 0, text.length)
  return ok({ ...network, ...modeOf(network.name) })
}
