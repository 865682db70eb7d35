// Value parsers and validators: what the docker client accepts for each kind of flag value, and
// which accepted values the daemon refuses later (`daemon` on an ok result). Pure functions; they never throw.
import type { FlagSpec, ValueCheck, ValueType } from '../types'
import type { DaemonRefusal, ValueResult } from './result'
import { parseImageReference } from './image'
import { isIP } from './ip'
import { parseMount, parseVolume } from './mounts'
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
import { parsePublish } from './publish'
import { fail, ok } from './result'

export type { MountValue } from './mounts'
export type { EnvValue, RestartPolicy } from './options'
export type { PortMappingValue } from './publish'
export type { DaemonRefusal, ValueResult } from './result'
export {
  parseAddHost,
  parseAttach,
  parseBytes,
  parseEnv,
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
  parsePlatform,
  parsePublish,
  parsePullPolicy,
  parseRestart,
  parseSignal,
  parseSysctl,
  parseUlimit,
  parseVolume,
}

/** Checks `text` against a value type as the client's flag parser (pflag + docker's opts) does. */
export function checkValueType(type: ValueType, text: string): ValueResult<unknown> {
  switch (type) {
    case 'bool':
      return parseGoBool(text)
    case 'int':
    case 'int64':
      return parseGoInt(text, 64)
    case 'uint':
    case 'uint64':
      return parseGoUint(text, 64)
    case 'uint16':
      return parseGoUint(text, 16)
    case 'uint32':
      return parseGoUint(text, 32)
    case 'float':
      return parseGoFloat(text)
    case 'decimal':
      return parseNanoCpus(text)
    case 'bytes':
      return parseBytes(text)
    case 'duration':
      return parseGoDuration(text)
    case 'ulimit':
      return parseUlimit(text)
    case 'gpu-request':
      return parseGpus(text)
    case 'mount':
      return parseMount(text)
    case 'filter':
      return text.includes('=') ? ok(text) : fail('bad format of filter (expected name=value)', 0, text.length)
    default:
      // string, list, map, network, port, secret…: any text reaches the command's own checks.
      return ok(text)
  }
}

const NAMESPACE_MODES: Record<string, RegExp> = {
  pid: /^(|host|container:.+)$/,
  uts: /^(|host)$/,
  userns: /^(|host)$/,
  cgroupns: /^(|host|private)$/,
}

const DOMAIN = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i

function checkByRule(check: ValueCheck, flag: FlagSpec, text: string): ValueResult<unknown> {
  switch (check) {
    case 'publish':
      return parsePublish(text)
    case 'volume':
      return parseVolume(text)
    case 'env':
      return parseEnv(text)
    case 'restart':
      return parseRestart(text)
    case 'image':
    case 'tag':
      return parseImageReference(text)
    case 'signal':
      return parseSignal(text)
    case 'pull-policy':
      return parsePullPolicy(text)
    case 'log-level':
      return parseLogLevel(text)
    case 'attach':
      return parseAttach(text)
    case 'host-ip':
      return parseAddHost(text)
    case 'platform':
      return parsePlatform(text)
    case 'mount':
      return parseMount(text)
    case 'sysctl':
      return parseSysctl(text)
    case 'ip':
      return isIP(text.trim()) ? ok(text) : fail(`IP address is not correctly formatted: ${text}`, 0, text.length)
    case 'domain': {
      const domain = text.replace(/^\./, '')
      if (text === '.' || (DOMAIN.test(domain) && domain.length <= 255))
        return ok(text)
      return fail(`${text} is not a valid domain`, 0, text.length)
    }
    case 'mac':
      if (text === '' || /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(text))
        return ok(text)
      return fail(`${text} is not a valid mac address`, 0, text.length)
    case 'swappiness': {
      const value = parseGoInt(text)
      if (!value.ok)
        return value
      if (value.value === -1n || (value.value >= 0n && value.value <= 100n))
        return ok(value.value)
      return fail(`invalid value: ${text}. Valid memory swappiness range is 0-100`, 0, text.length)
    }
    case 'namespace-mode': {
      const rule = NAMESPACE_MODES[flag.long]
      if (!rule || rule.test(text))
        return ok(text)
      const kind = flag.long === 'cgroupns' ? 'CGROUP' : flag.long === 'userns' ? 'USER' : flag.long.toUpperCase()
      return fail(`--${flag.long}: invalid ${kind} mode`, 0, text.length)
    }
    case 'expose': {
      const slash = text.indexOf('/')
      const range = slash === -1 ? text : text.slice(0, slash)
      const [first = '', second] = range.split('-')
      for (const part of second === undefined ? [first] : [first, second]) {
        const port = parseGoUint(part, 16)
        if (!port.ok)
          return fail(`invalid range format for --expose: ${text}, error: ${port.message}`, 0, range.length)
      }
      return ok(text)
    }
    case 'link': {
      const parts = text.split(':')
      if (parts.length > 2 || parts.includes(''))
        return fail(`bad format for links: ${text}`, 0, text.length)
      return ok(text)
    }
    case 'non-negative': {
      const duration = flag.type === 'duration' ? parseGoDuration(text) : null
      const integer = flag.type === 'duration' ? null : parseGoInt(text)
      const negative = (duration?.ok === true && duration.value < 0) || (integer?.ok === true && integer.value < 0n)
      return negative ? fail(`--${flag.long} cannot be negative`, 0, text.length) : ok(text)
    }
    case 'network': {
      if (!text.includes('='))
        return ok(text)
      const keys = ['name', 'alias', 'driver-opt', 'ip', 'ip6', 'mac-address', 'link-local-ip', 'gw-priority']
      let offset = 0
      for (const field of text.split(',')) {
        const key = field.split('=')[0] ?? ''
        if (!keys.includes(key.toLowerCase()))
          return fail(`invalid field key ${key}`, offset, offset + key.length)
        offset += field.length + 1
      }
      return ok(text)
    }
    default:
      return ok(text)
  }
}

/**
 * Checks one flag's value: its type, then its own rule (`check`), then its allowed values.
 * `--memory-swap` also takes -1 (unlimited), which is not a size.
 */
export function checkFlagValue(flag: FlagSpec, text: string): ValueResult<unknown> {
  let daemon: DaemonRefusal | undefined
  if (!(flag.long === 'memory-swap' && text === '-1')) {
    const typed = checkValueType(flag.type, text)
    if (!typed.ok)
      return typed
    daemon = typed.daemon
  }
  if (flag.check) {
    const checked = checkByRule(flag.check, flag, text)
    if (!checked.ok)
      return checked
    daemon ??= checked.daemon
  }
  if (flag.choices && !flag.check && !flag.choices.includes(text)) {
    return fail(`${JSON.stringify(text)} is not one of ${flag.choices.map(choice => JSON.stringify(choice)).join(', ')}`, 0, text.length)
  }
  return daemon ? { ok: true, value: text, daemon } : ok(text)
}
