// Smaller option values the client (or the daemon) checks: environment variables, restart policy,
// attach streams, extra hosts, platforms, signals, ulimits, GPUs, sysctls, pull policy, log level.
import type { EnvInfo } from '../types'
import type { ValueResult } from './result'
import { isIP } from './ip'
import { parseGoInt, parseGoIntBase10 } from './numbers'
import { daemonRefuses, fail, ok, shift } from './result'

export type EnvValue = Omit<EnvInfo, 'span'>

/** `-e NAME=value`, or `-e NAME` to copy NAME from the client's environment. */
export function parseEnv(text: string): ValueResult<EnvValue> {
  const equals = text.indexOf('=')
  const name = equals === -1 ? text : text.slice(0, equals)
  if (name === '')
    return fail(`invalid environment variable: ${text} (expected NAME=value or NAME)`, 0, Math.min(text.length, equals + 1))
  return ok({ name, value: equals === -1 ? null : text.slice(equals + 1) })
}

export interface RestartPolicy {
  name: 'no' | 'always' | 'unless-stopped' | 'on-failure' | ''
  maxRetries: number | null
}

const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const

/** `--restart no|always|unless-stopped|on-failure[:max-retries]`. */
export function parseRestart(text: string): ValueResult<RestartPolicy> {
  if (text === '')
    return ok({ name: '', maxRetries: null })
  const colon = text.indexOf(':')
  const name = colon === -1 ? text : text.slice(0, colon)
  const count = colon === -1 ? '' : text.slice(colon + 1)
  if (colon !== -1 && name === '')
    return fail('invalid restart policy format: no policy provided before colon', 0, 1)
  let maxRetries: number | null = null
  if (count !== '') {
    // strconv.Atoi: decimal digits with an optional sign.
    if (!/^[+-]?\d+$/.test(count) || !parseGoInt(count).ok) {
      return fail('invalid restart policy format: maximum retry count must be an integer', colon + 1, text.length)
    }
    maxRetries = Number(count)
  }
  const policy: RestartPolicy = { name: name as RestartPolicy['name'], maxRetries }
  if (!(RESTART_POLICIES as readonly string[]).includes(name)) {
    return daemonRefuses(
      policy,
      `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
      0,
      name.length,
    )
  }
  if (name !== 'on-failure' && maxRetries !== null && maxRetries !== 0) {
    const negative = maxRetries < 0 ? ' and cannot be negative' : ''
    return daemonRefuses(policy, `invalid restart policy: maximum retry count can only be used with 'on-failure'${negative}`, colon, text.length)
  }
  if (maxRetries !== null && maxRetries < 0) {
    return daemonRefuses(policy, 'invalid restart policy: maximum retry count cannot be negative', colon + 1, text.length)
  }
  return ok(policy)
}

const PULL_POLICIES = ['always', 'missing', 'never'] as const

export function parsePullPolicy(text: string): ValueResult<string> {
  if (text === '' || (PULL_POLICIES as readonly string[]).includes(text))
    return ok(text)
  return fail(`invalid pull option: '${text}': must be one of "always", "missing" or "never"`, 0, text.length)
}

/** The client's --log-level (logrus.ParseLevel): also panic, trace and warning, any case. */
export function parseLogLevel(text: string): ValueResult<string> {
  const level = text.toLowerCase()
  if (['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'].includes(level))
    return ok(level)
  return fail(`Unable to parse logging level: ${text} (expected debug, info, warn, error or fatal)`, 0, text.length)
}

/** `-a/--attach`: one stream per flag, any case. */
export function parseAttach(text: string): ValueResult<string> {
  const stream = text.toLowerCase()
  if (stream === 'stdin' || stream === 'stdout' || stream === 'stderr')
    return ok(stream)
  return fail('valid streams are STDIN, STDOUT and STDERR', 0, text.length)
}

/** `--add-host name:ip` (or `name=ip`); `host-gateway` stands for the host's address. */
export function parseAddHost(text: string): ValueResult<{ host: string, ip: string }> {
  let separator = text.indexOf('=')
  if (separator === -1)
    separator = text.indexOf(':')
  const host = separator === -1 ? text : text.slice(0, separator)
  if (separator === -1 || host === '' || host.includes(':')) {
    return fail(`bad format for add-host: ${JSON.stringify(text)} (expected host:ip)`, 0, text.length)
  }
  let ip = text.slice(separator + 1)
  if (ip !== 'host-gateway') {
    if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']'))
      ip = ip.slice(1, -1)
    if (!isIP(ip.trim()))
      return fail(`invalid IP address in add-host: ${JSON.stringify(ip)}`, separator + 1, text.length)
  }
  return ok({ host, ip })
}

const KNOWN_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'windows',
  'zos',
  'wasip1',
])
const KNOWN_ARCH = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'ppc64',
  'ppc64le',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
])
const ARCH_ALIASES: Record<string, string> = {
  'i386': '386',
  'x86_64': 'amd64',
  'x86-64': 'amd64',
  'aarch64': 'arm64',
  'armhf': 'arm',
  'armel': 'arm',
}

export interface PlatformValue {
  os: string
  architecture: string | null
  variant: string | null
}

/** `--platform os[/arch[/variant]]`, as containerd's platforms.Parse reads it. */
export function parsePlatform(text: string): ValueResult<PlatformValue> {
  if (text === '')
    return ok({ os: '', architecture: null, variant: null })
  const parts = text.split('/')
  let offset = 0
  for (const part of parts) {
    if (!/^[\w.-]+(\([\w.-]+\))?$/.test(part)) {
      return fail(`error parsing specified platform: ${JSON.stringify(text)}: ${JSON.stringify(part)} is an invalid component`, offset, offset + Math.max(1, part.length))
    }
    offset += part.length + 1
  }
  if (parts.length > 3) {
    return fail(`error parsing specified platform: ${JSON.stringify(text)}: cannot parse platform specifier (expected os[/arch[/variant]])`, 0, text.length)
  }
  const os = (parts[0] ?? '').toLowerCase().replace(/\(.*\)$/, '')
  const normalizeArch = (arch: string) => ARCH_ALIASES[arch.toLowerCase()] ?? arch.toLowerCase()
  if (parts.length === 1) {
    if (KNOWN_OS.has(os))
      return ok({ os, architecture: null, variant: null })
    if (KNOWN_ARCH.has(normalizeArch(os)))
      return ok({ os: 'linux', architecture: normalizeArch(os), variant: null })
    return fail(`error parsing specified platform: ${JSON.stringify(text)}: unknown operating system or architecture`, 0, text.length)
  }
  return ok({ os, architecture: normalizeArch(parts[1] ?? ''), variant: parts[2]?.toLowerCase() ?? null })
}

const SIGNALS = [
  'ABRT',
  'ALRM',
  'BUS',
  'CHLD',
  'CLD',
  'CONT',
  'FPE',
  'HUP',
  'ILL',
  'INT',
  'IO',
  'IOT',
  'KILL',
  'PIPE',
  'POLL',
  'PROF',
  'PWR',
  'QUIT',
  'SEGV',
  'STKFLT',
  'STOP',
  'SYS',
  'TERM',
  'TRAP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'USR1',
  'USR2',
  'VTALRM',
  'WINCH',
  'XCPU',
  'XFSZ',
  'UNUSED',
]

/**
 * A signal name (`SIGTERM`, `TERM`, `SIGRTMIN+3`) or number 1–64. The client passes it through;
 * the daemon refuses what it does not know.
 */
export function parseSignal(text: string): ValueResult<string> {
  if (/^\d+$/.test(text)) {
    const number = Number(text)
    if (number >= 1 && number <= 64)
      return ok(text)
    return daemonRefuses(text, `invalid signal: ${text} (signal numbers go from 1 to 64)`, 0, text.length)
  }
  const name = text.toUpperCase().replace(/^SIG/, '')
  if (SIGNALS.includes(name))
    return ok(`SIG${name}`)
  const realtime = /^RTM(IN|AX)([+-](\d+))?$/.exec(name)
  if (realtime && Number(realtime[3] ?? '0') <= 15)
    return ok(`SIG${name}`)
  return daemonRefuses(text, `invalid signal: ${text} (expected a name such as SIGTERM or SIGINT, or a number)`, 0, text.length)
}

const ULIMIT_TYPES = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
])

export interface UlimitValue {
  name: string
  soft: bigint
  hard: bigint
}

/** `--ulimit name=soft[:hard]` (go-units ParseUlimit: base-10 limits, -1 hard limit = unlimited). */
export function parseUlimit(text: string): ValueResult<UlimitValue> {
  const equals = text.indexOf('=')
  if (equals === -1)
    return fail(`invalid ulimit argument: ${text} (expected name=soft[:hard])`, 0, text.length)
  const name = text.slice(0, equals)
  if (!ULIMIT_TYPES.has(name))
    return fail(`invalid ulimit type: ${name}`, 0, equals)
  const limits = text.slice(equals + 1).split(':')
  if (limits.length > 2) {
    return fail(`too many limit value arguments - ${text.slice(equals + 1)}, can only have up to two, \`soft[:hard]\``, equals + 1, text.length)
  }
  const softText = limits[0] ?? ''
  let hard: bigint | null = null
  if (limits.length === 2) {
    const hardStart = equals + 1 + softText.length + 1
    const parsedHard = parseGoIntBase10(limits[1] ?? '')
    if (!parsedHard.ok)
      return shift(parsedHard, hardStart)
    hard = parsedHard.value
  }
  const soft = parseGoIntBase10(softText)
  if (!soft.ok)
    return shift(soft, equals + 1)
  if (hard !== null && hard !== -1n && soft.value > hard) {
    return fail(`ulimit soft limit must be less than or equal to hard limit: ${soft.value} > ${hard}`, equals + 1, text.length)
  }
  return ok({ name, soft: soft.value, hard: hard ?? soft.value })
}

export interface GpuRequest {
  /** `all`, a number, or null when devices are named instead. */
  count: 'all' | number | null
  devices: string[]
  driver: string | null
  capabilities: string[]
  options: Record<string, string>
}

/** `--gpus all`, `--gpus 2`, `--gpus device=0,1`, `--gpus driver=nvidia,count=all,capabilities=…`. */
export function parseGpus(text: string): ValueResult<GpuRequest> {
  const countError = (count: string, start: number) =>
    fail(`invalid count (${count}): value must be either "all" or an integer: invalid syntax`, start, start + count.length)
  const countOf = (count: string) => (count === 'all' ? 'all' as const : Number(count))
  const request: GpuRequest = { count: null, devices: [], driver: null, capabilities: [], options: {} }
  if (!text.includes('=')) {
    if (text === 'all' || /^[+-]?\d+$/.test(text))
      return ok({ ...request, count: countOf(text) })
    return countError(text, 0)
  }
  // A CSV list of key=value; `device=` takes the rest of a quoted field.
  const unquoted = text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text
  const offset = unquoted === text ? 0 : 1
  let position = 0
  let lastKey = ''
  for (const field of unquoted.split(',')) {
    const equals = field.indexOf('=')
    const key = equals === -1 ? field : field.slice(0, equals)
    const value = equals === -1 ? '' : field.slice(equals + 1)
    if (key === 'count' && !(value === 'all' || /^[+-]?\d+$/.test(value)))
      return countError(value, offset + position + equals + 1)
    if (equals !== -1 && !['count', 'device', 'driver', 'capabilities', 'options'].includes(key)) {
      return fail(`unexpected key '${key}' in '${field}'`, offset + position, offset + position + field.length)
    }
    // A field without `=` continues the list of the key before it (`device=0,1`).
    const listKey = equals === -1 ? lastKey : key
    const item = equals === -1 ? field : value
    if (listKey === 'count') {
      request.count = countOf(item)
    }
    else if (listKey === 'device') {
      request.devices.push(item)
    }
    else if (listKey === 'driver') {
      request.driver = item
    }
    else if (listKey === 'capabilities') {
      request.capabilities.push(item)
    }
    else if (listKey === 'options') {
      const split = item.indexOf('=')
      request.options[split === -1 ? item : item.slice(0, split)] = split === -1 ? '' : item.slice(split + 1)
    }
    lastKey = listKey
    position += field.length + 1
  }
  return ok(request)
}

/** `--device HOST[:CONTAINER[:PERMISSIONS]]`; the daemon checks it (the client needs its OS first). */
export interface DeviceValue {
  host: string
  container: string
  /** Some of r (read), w (write), m (mknod); `rwm` by default. */
  permissions: string
}

const DEVICE_PERMISSIONS = /^[rwm]{1,3}$/

export function parseDevice(text: string): ValueResult<DeviceValue> {
  const [host = '', second, third] = text.split(':')
  if (second === undefined)
    return ok({ host, container: host, permissions: 'rwm' })
  if (third === undefined && DEVICE_PERMISSIONS.test(second))
    return ok({ host, container: host, permissions: second })
  return ok({ host, container: second, permissions: third ?? 'rwm' })
}

/** Namespaced kernel parameters a container may set (the client's ValidateSysctl). */
export function parseSysctl(text: string): ValueResult<string> {
  const equals = text.indexOf('=')
  const key = equals === -1 ? text : text.slice(0, equals)
  const allowed
    = equals !== -1
      && (['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced'].includes(key)
        || key.startsWith('fs.mqueue.')
        || key.startsWith('net.'))
  if (!allowed)
    return fail(`sysctl '${text}' is not allowed (only namespaced ones: kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*, written key=value)`, 0, text.length)
  return ok(text)
}
