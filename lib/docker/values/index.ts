// Value parsers and validators: what the docker client accepts for each kind of flag value, and
// which accepted values the daemon refuses later (`daemon` on an ok result). Each reading gives a
// typed FlagValue, kept on the parsed flag. Pure functions; they never throw.
import type { FlagSpec, ValueCheck, ValueType } from '../types'
import type { DaemonRefusal, ValueResult } from './result'
import type { FlagValue } from './typed'
import { parseImageReference } from './image'
import { isIP } from './ip'
import { parseMount, parseTmpfs, parseVolume } from './mounts'
import { parseNetwork } from './network'
import {
  parseBytes,
  parseGoBool,
  parseGoDuration,
  parseGoFloat,
  parseGoInt,
  parseGoUint,
  parseNanoCpus,
} from './numbers'
import {
  parseAddHost,
  parseAttach,
  parseDevice,
  parseEnv,
  parseGpus,
  parseLogLevel,
  parsePlatform,
  parsePullPolicy,
  parseRestart,
  parseSignal,
  parseSysctl,
  parseUlimit,
} from './options'
import { parseExpose, parsePublish } from './publish'
import { fail, ok } from './result'
import { keyValue } from './typed'

export type { MountValue } from './mounts'
export type { NetworkValue } from './network'
export type { DeviceValue, EnvValue, GpuRequest, PlatformValue, RestartPolicy, UlimitValue } from './options'
export type { ExposedPortValue, PortMappingValue } from './publish'
export { isEveryInterface } from './publish'
export type { DaemonRefusal, ValueResult } from './result'
export type { FlagValue, FlagValueKind } from './typed'
export { valueOfKind } from './typed'
export {
  parseAddHost,
  parseAttach,
  parseBytes,
  parseDevice,
  parseEnv,
  parseExpose,
  parseGoBool,
  parseGoDuration,
  parseGoFloat,
  parseGoInt,
  parseGoUint,
  parseGpus,
  parseImageReference,
  parseLogLevel,
  parseMount,
  parseNanoCpus,
  parseNetwork,
  parsePlatform,
  parsePublish,
  parsePullPolicy,
  parseRestart,
  parseSignal,
  parseSysctl,
  parseTmpfs,
  parseUlimit,
  parseVolume,
}

/** A successful reading as a FlagValue, keeping what the daemon will refuse. */
function typed<T>(result: ValueResult<T>, as: (value: T) => FlagValue): ValueResult<FlagValue> {
  if (!result.ok)
    return result
  const value = as(result.value)
  return result.daemon ? { ok: true, value, daemon: result.daemon } : ok(value)
}

const text = (value: string): FlagValue => ({ kind: 'text', text: value })

/** Checks `text` against a value type as the client's flag parser (pflag + docker's opts) does. */
export function checkValueType(type: ValueType, value: string): ValueResult<FlagValue> {
  switch (type) {
    case 'bool':
      return typed(parseGoBool(value), v => ({ kind: 'bool', value: v }))
    case 'int':
    case 'int64':
      return typed(parseGoInt(value, 64), v => ({ kind: 'integer', value: Number(v) }))
    case 'uint':
    case 'uint64':
      return typed(parseGoUint(value, 64), v => ({ kind: 'integer', value: Number(v) }))
    case 'uint16':
      return typed(parseGoUint(value, 16), v => ({ kind: 'integer', value: Number(v) }))
    case 'uint32':
      return typed(parseGoUint(value, 32), v => ({ kind: 'integer', value: Number(v) }))
    case 'float':
      return typed(parseGoFloat(value), v => ({ kind: 'number', value: v }))
    case 'decimal':
      return typed(parseNanoCpus(value), v => ({ kind: 'cpus', nanoCpus: v }))
    case 'bytes':
      return typed(parseBytes(value), v => ({ kind: 'bytes', bytes: v, unit: /[a-z]\s*$/i.test(value) }))
    case 'duration':
      return typed(parseGoDuration(value), v => ({ kind: 'duration', nanoseconds: v }))
    case 'ulimit':
      return typed(parseUlimit(value), v => ({ kind: 'ulimit', ulimit: { name: v.name, soft: Number(v.soft), hard: Number(v.hard) } }))
    case 'gpu-request':
      return typed(parseGpus(value), v => ({ kind: 'gpus', gpus: v }))
    case 'mount':
      return typed(parseMount(value), v => ({ kind: 'mount', mount: v }))
    case 'filter':
      return value.includes('=') ? ok(keyValue(value)) : fail('bad format of filter (expected name=value)', 0, value.length)
    default:
      // string, list, map, network, port, secret…: any text reaches the command's own checks.
      return ok(text(value))
  }
}

const NAMESPACE_MODES: Record<string, RegExp> = {
  pid: /^(?:host|container:.+)?$/,
  uts: /^(?:host)?$/,
  userns: /^(?:host)?$/,
  cgroupns: /^(?:host|private)?$/,
}

const DOMAIN = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i

function checkByRule(check: ValueCheck, flag: FlagSpec, value: string): ValueResult<FlagValue> {
  switch (check) {
    case 'publish':
      return typed(parsePublish(value), ports => ({ kind: 'ports', ports }))
    case 'volume':
      return typed(parseVolume(value), mount => ({ kind: 'mount', mount }))
    case 'mount':
      return typed(parseMount(value), mount => ({ kind: 'mount', mount }))
    case 'tmpfs':
      return typed(parseTmpfs(value), mount => ({ kind: 'mount', mount }))
    case 'env':
      return typed(parseEnv(value), env => ({ kind: 'env', env }))
    case 'restart':
      return typed(parseRestart(value), policy => ({ kind: 'restart', policy }))
    case 'image':
    case 'tag':
      return typed(parseImageReference(value), image => ({ kind: 'image', image }))
    case 'signal':
      return typed(parseSignal(value), signal => ({ kind: 'signal', signal }))
    case 'pull-policy':
      return typed(parsePullPolicy(value), text)
    case 'log-level':
      return typed(parseLogLevel(value), text)
    case 'attach':
      return typed(parseAttach(value), text)
    case 'host-ip':
      return typed(parseAddHost(value), ({ host, ip }) => ({ kind: 'host', host, ip }))
    case 'platform':
      return typed(parsePlatform(value), platform => ({ kind: 'platform', platform }))
    case 'sysctl':
      return typed(parseSysctl(value), keyValue)
    case 'key-value':
      return ok(keyValue(value))
    case 'device':
      return typed(parseDevice(value), device => ({ kind: 'device', device }))
    case 'network':
      return typed(parseNetwork(value), network => ({ kind: 'network', network }))
    case 'expose':
      return typed(parseExpose(value), port => ({ kind: 'expose', port }))
    case 'ip':
      return isIP(value.trim()) ? ok(text(value)) : fail(`IP address is not correctly formatted: ${value}`, 0, value.length)
    case 'domain': {
      const domain = value.replace(/^\./, '')
      if (value === '.' || (DOMAIN.test(domain) && domain.length <= 255))
        return ok(text(value))
      return fail(`${value} is not a valid domain`, 0, value.length)
    }
    case 'mac':
      if (value === '' || /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(value))
        return ok(text(value))
      return fail(`${value} is not a valid mac address`, 0, value.length)
    case 'swappiness': {
      const number = parseGoInt(value)
      if (!number.ok)
        return number
      if (number.value === -1n || (number.value >= 0n && number.value <= 100n))
        return ok({ kind: 'integer', value: Number(number.value) })
      return fail(`invalid value: ${value}. Valid memory swappiness range is 0-100`, 0, value.length)
    }
    case 'namespace-mode': {
      const rule = NAMESPACE_MODES[flag.long]
      if (!rule || rule.test(value))
        return ok(text(value))
      const kind = flag.long === 'cgroupns' ? 'CGROUP' : flag.long === 'userns' ? 'USER' : flag.long.toUpperCase()
      return fail(`--${flag.long}: invalid ${kind} mode`, 0, value.length)
    }
    case 'link': {
      const parts = value.split(':')
      if (parts.length > 2 || parts.includes(''))
        return fail(`bad format for links: ${value}`, 0, value.length)
      return ok(text(value))
    }
    case 'non-negative': {
      const duration = flag.type === 'duration' ? parseGoDuration(value) : null
      const integer = flag.type === 'duration' ? null : parseGoInt(value)
      const negative = (duration?.ok === true && duration.value < 0) || (integer?.ok === true && integer.value < 0n)
      return negative ? fail(`--${flag.long} cannot be negative`, 0, value.length) : ok(text(value))
    }
    default:
      return ok(text(value))
  }
}

/** The daemon's floor for memory limits (moby's linuxMinMemory). */
const MINIMUM_MEMORY_BYTES = 6 * 1024 * 1024

/** `--memory`, `--memory-reservation`: the daemon refuses a limit below 6 MB (0 means none). */
function memoryFloor(flag: FlagSpec, value: string, size: FlagValue): DaemonRefusal | undefined {
  if (size.kind !== 'bytes' || size.bytes === 0 || size.bytes >= MINIMUM_MEMORY_BYTES)
    return undefined
  const what = flag.long === 'memory-reservation' ? 'memory reservation' : 'memory limit'
  const unit = size.unit ? '' : ` (${value} has no unit, so it means ${size.bytes} bytes)`
  return { message: `Minimum ${what} allowed is 6MB${unit}`, start: 0, end: value.length }
}

/**
 * Checks one flag's value and reads it: its type, then its own rule (`check`), then its allowed
 * values. The typed result is the rule's when it has one, else the type's. `--memory-swap` also
 * takes -1 (unlimited), which is not a size.
 */
export function checkFlagValue(flag: FlagSpec, value: string): ValueResult<FlagValue> {
  let daemon: DaemonRefusal | undefined
  let result: FlagValue = text(value)
  if (flag.long === 'memory-swap' && value === '-1') {
    result = { kind: 'unlimited' }
  }
  else {
    const checked = checkValueType(flag.type, value)
    if (!checked.ok)
      return checked
    daemon = checked.daemon
    result = checked.value
  }
  if (flag.check) {
    const checked = checkByRule(flag.check, flag, value)
    if (!checked.ok)
      return checked
    daemon ??= checked.daemon
    if (checked.value.kind !== 'text')
      result = checked.value
    if (flag.check === 'memory')
      daemon ??= memoryFloor(flag, value, result)
  }
  if (flag.choices && !flag.check && !flag.choices.includes(value)) {
    return fail(`${JSON.stringify(value)} is not one of ${flag.choices.map(choice => JSON.stringify(choice)).join(', ')}`, 0, value.length)
  }
  return daemon ? { ok: true, value: result, daemon } : ok(result)
}
