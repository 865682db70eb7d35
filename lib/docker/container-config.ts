// The container configuration of a `docker run` / `docker create`: every setting the command gives,
// typed, read from the flags' typed values (each value was read once by the parser). The
// explanation, the picture, the warnings, the Compose conversion and the simulated host read this.

import type { CommandFlag, ParsedCommand } from './parse-command'
import type { EnvInfo, ImageReference, MountInfo, PortMapping, PortRange, Span } from './types'
import type { DeviceValue, FlagValue, FlagValueKind, GpuRequest, NetworkValue, PlatformValue, RestartPolicy } from './values'
import { commandHasTrait } from './grammar'
import { valueOfKind } from './values'

/** `-e NAME=value`, or `-e NAME`: copied from the environment of the shell docker runs in. */
export interface EnvSetting extends EnvInfo {
  /** true for `-e NAME` without `=`: the value comes from your shell (null value). */
  fromHost: boolean
}

/** One network the container joins: the first `--network`, with `--network-alias`, `--ip`… applied. */
export interface NetworkAttachment extends NetworkValue {
  span: Span
}

export interface RestartSetting extends RestartPolicy {
  span: Span
}

export interface Healthcheck {
  /** `['CMD-SHELL', command]` for `--health-cmd`, null when only timings are given (the image's test). */
  test: string[] | null
  /** Nanoseconds; null: the image's or Docker's default. */
  interval: number | null
  timeout: number | null
  startPeriod: number | null
  startInterval: number | null
  retries: number | null
  /** `--no-healthcheck`: the image's HEALTHCHECK is turned off. */
  disabled: boolean
}

export interface Logging {
  driver: string | null
  options: Record<string, string>
}

export interface Ulimit {
  name: string
  /** -1: unlimited. */
  soft: number
  hard: number
}

export interface ExtraHost {
  host: string
  /** An address, or `host-gateway` (the host's own address). */
  ip: string
}

export interface ExposedPort extends PortRange {
  protocol: string
}

/** A flag given on the command, with its canonical long name (aliases such as `--net` resolved). */
export interface FlagSetting {
  name: string
  /** As written on the command line: `-p`, `--publish`, `--net`. */
  written: string
  /** null for a bool flag written alone. */
  value: string | null
  typed: FlagValue | null
  span: Span
}

export interface ContainerConfig {
  /** null when the image argument is missing or not a valid reference. */
  image: ImageReference | null
  /** The image argument as written. */
  imageText: string | null
  name: string | null
  /** argv after the image; empty: the image's default command (CMD). */
  command: string[]
  /** null: the image's ENTRYPOINT; [] for `--entrypoint ''` (cleared); else the program to start. */
  entrypoint: string[] | null
  env: EnvSetting[]
  envFiles: string[]
  ports: PortMapping[]
  /** `-P`: every port the image declares, to free ports of the host. */
  publishAll: boolean
  expose: ExposedPort[]
  /** `-v`, `--mount` and `--tmpfs`, in the order written, each with its real type. */
  mounts: MountInfo[]
  volumesFrom: string[]
  /** The first `--network` (or null: the default bridge); further ones follow in `networks`. */
  network: NetworkAttachment | null
  networks: NetworkAttachment[]
  restart: RestartSetting | null
  /** `--rm`: removed (with its anonymous volumes) when it exits. */
  remove: boolean
  detach: boolean
  interactive: boolean
  tty: boolean
  workdir: string | null
  user: string | null
  hostname: string | null
  domainname: string | null
  labels: Record<string, string>
  stopSignal: string | null
  /** Seconds. */
  stopTimeout: number | null
  /** `--init`: null when not given (the daemon's default, off). */
  init: boolean | null
  healthcheck: Healthcheck | null
  logging: Logging | null
  ulimits: Ulimit[]
  sysctls: Record<string, string>
  devices: DeviceValue[]
  gpus: GpuRequest | null
  /** Bytes. */
  memory: number | null
  memoryReservation: number | null
  /** Bytes, or -1 for unlimited swap. */
  memorySwap: number | null
  shmSize: number | null
  /** CPUs (1.5 = one and a half CPUs' worth of time). */
  cpus: number | null
  cpuShares: number | null
  pidsLimit: number | null
  platform: PlatformValue | null
  pull: 'always' | 'missing' | 'never' | null
  addHosts: ExtraHost[]
  dns: string[]
  dnsSearch: string[]
  dnsOptions: string[]
  capAdd: string[]
  capDrop: string[]
  privileged: boolean
  readOnly: boolean
  securityOpt: string[]
  /** Namespaces shared or chosen (`--pid host`, `--ipc container:db`…); null: Docker's default. */
  pid: string | null
  ipc: string | null
  uts: string | null
  userns: string | null
  cgroupns: string | null
  groupAdd: string[]
  /** `--link name[:alias]`, the old way to reach another container by name. */
  links: string[]
  annotations: Record<string, string>
  storageOptions: Record<string, string>
  /** `--cpuset-cpus 0-3`. */
  cpuset: string | null
  runtime: string | null
  oomKillDisable: boolean
  macAddress: string | null
  /** Every flag given, in order, with its canonical name: nothing is left out of the configuration. */
  flags: FlagSetting[]
}

function spanOf(flag: CommandFlag): Span {
  return flag.valueSpan ? { start: flag.valueSpan.start, end: flag.valueSpan.end } : { start: flag.span.start, end: flag.span.end }
}

/** The flags called `long`, in order, with a typed value of `kind`. */
function typedFlags<K extends FlagValueKind>(flags: readonly CommandFlag[], long: string, kind: K): { flag: CommandFlag, value: Extract<FlagValue, { kind: K }> }[] {
  return flags.flatMap((flag) => {
    const value = flag.spec.long === long ? valueOfKind(flag.typed, kind) : null
    return value ? [{ flag, value }] : []
  })
}

/** The last value given for `long` (docker keeps the last one), typed as `kind`. */
function lastTyped<K extends FlagValueKind>(flags: readonly CommandFlag[], long: string, kind: K): Extract<FlagValue, { kind: K }> | null {
  return typedFlags(flags, long, kind).at(-1)?.value ?? null
}

function texts(flags: readonly CommandFlag[], long: string): string[] {
  return flags.filter(f => f.spec.long === long && f.value !== null).map(f => f.value!)
}

function lastText(flags: readonly CommandFlag[], long: string): string | null {
  return texts(flags, long).at(-1) ?? null
}

function isSet(flags: readonly CommandFlag[], long: string): boolean {
  return lastTyped(flags, long, 'bool')?.value ?? false
}

function keyValues(flags: readonly CommandFlag[], long: string): Record<string, string> {
  return Object.fromEntries(typedFlags(flags, long, 'key-value').map(({ value }) => [value.key, value.value ?? '']))
}

function bytes(flags: readonly CommandFlag[], long: string): number | null {
  return lastTyped(flags, long, 'bytes')?.bytes ?? null
}

function integer(flags: readonly CommandFlag[], long: string): number | null {
  return lastTyped(flags, long, 'integer')?.value ?? null
}

function duration(flags: readonly CommandFlag[], long: string): number | null {
  return lastTyped(flags, long, 'duration')?.nanoseconds ?? null
}

function healthcheckOf(flags: readonly CommandFlag[]): Healthcheck | null {
  const command = lastText(flags, 'health-cmd')
  const check: Healthcheck = {
    test: command === null ? null : ['CMD-SHELL', command],
    interval: duration(flags, 'health-interval'),
    timeout: duration(flags, 'health-timeout'),
    startPeriod: duration(flags, 'health-start-period'),
    startInterval: duration(flags, 'health-start-interval'),
    retries: integer(flags, 'health-retries'),
    disabled: isSet(flags, 'no-healthcheck'),
  }
  const given = flags.some(f => f.spec.long.startsWith('health-') || f.spec.long === 'no-healthcheck')
  return given ? check : null
}

function networksOf(flags: readonly CommandFlag[]): NetworkAttachment[] {
  const attachments = typedFlags(flags, 'network', 'network').map(({ flag, value }) => ({
    ...value.network,
    aliases: [...value.network.aliases],
    linkLocalIps: [...value.network.linkLocalIps],
    span: spanOf(flag),
  }))
  const first = attachments[0]
  if (first) {
    // The per-network flags apply to the first network given.
    first.aliases.push(...texts(flags, 'network-alias'))
    first.linkLocalIps.push(...texts(flags, 'link-local-ip'))
    first.ipv4 = lastText(flags, 'ip') ?? first.ipv4
    first.ipv6 = lastText(flags, 'ip6') ?? first.ipv6
    first.macAddress = lastText(flags, 'mac-address') ?? first.macAddress
  }
  return attachments
}

/**
 * The container configuration of a parsed `docker run` / `docker create` (any command whose
 * grammar has the `creates-container` trait); null for every other command.
 */
export function containerConfigOf(parsed: ParsedCommand): ContainerConfig | null {
  if (!parsed.spec || !commandHasTrait(parsed.spec, 'creates-container'))
    return null
  const flags = parsed.flags
  const imageArg = parsed.args.find(a => a.spec?.kind === 'image')
  const restart = typedFlags(flags, 'restart', 'restart').at(-1)
  const entrypoint = lastText(flags, 'entrypoint')
  const logDriver = lastText(flags, 'log-driver')
  const logOptions = keyValues(flags, 'log-opt')
  const swap = flags.filter(f => f.spec.long === 'memory-swap').at(-1)?.typed
  const cpus = lastTyped(flags, 'cpus', 'cpus')
  const pull = lastText(flags, 'pull')
  const networks = networksOf(flags)
  const init = flags.filter(f => f.spec.long === 'init').at(-1)
  return {
    image: parsed.image,
    imageText: imageArg?.word.value ?? null,
    name: lastText(flags, 'name'),
    command: parsed.args.filter(a => a.spec?.kind === 'command').map(a => a.word.value),
    entrypoint: entrypoint === null ? null : entrypoint === '' ? [] : [entrypoint],
    env: typedFlags(flags, 'env', 'env').map(({ flag, value }) => ({ ...value.env, fromHost: value.env.value === null, span: spanOf(flag) })),
    envFiles: texts(flags, 'env-file'),
    ports: typedFlags(flags, 'publish', 'ports').flatMap(({ flag, value }) => value.ports.map(port => ({ ...port, span: spanOf(flag) }))),
    publishAll: isSet(flags, 'publish-all'),
    expose: typedFlags(flags, 'expose', 'expose').map(({ value }) => ({ ...value.port.ports, protocol: value.port.protocol })),
    mounts: flags.flatMap((flag) => {
      const mount = valueOfKind(flag.typed, 'mount')?.mount
      return mount ? [{ ...mount, span: spanOf(flag) }] : []
    }),
    volumesFrom: texts(flags, 'volumes-from'),
    network: networks[0] ?? null,
    networks,
    restart: restart ? { ...restart.value.policy, span: spanOf(restart.flag) } : null,
    remove: isSet(flags, 'rm'),
    detach: isSet(flags, 'detach'),
    interactive: isSet(flags, 'interactive'),
    tty: isSet(flags, 'tty'),
    workdir: lastText(flags, 'workdir'),
    user: lastText(flags, 'user'),
    hostname: lastText(flags, 'hostname'),
    domainname: lastText(flags, 'domainname'),
    labels: keyValues(flags, 'label'),
    stopSignal: lastTyped(flags, 'stop-signal', 'signal')?.signal ?? null,
    stopTimeout: integer(flags, 'stop-timeout'),
    init: init ? isSet(flags, 'init') : null,
    healthcheck: healthcheckOf(flags),
    logging: logDriver !== null || Object.keys(logOptions).length > 0 ? { driver: logDriver, options: logOptions } : null,
    ulimits: typedFlags(flags, 'ulimit', 'ulimit').map(({ value }) => value.ulimit),
    sysctls: keyValues(flags, 'sysctl'),
    devices: typedFlags(flags, 'device', 'device').map(({ value }) => value.device),
    gpus: lastTyped(flags, 'gpus', 'gpus')?.gpus ?? null,
    memory: bytes(flags, 'memory'),
    memoryReservation: bytes(flags, 'memory-reservation'),
    memorySwap: swap?.kind === 'unlimited' ? -1 : swap?.kind === 'bytes' ? swap.bytes : null,
    shmSize: bytes(flags, 'shm-size'),
    cpus: cpus ? cpus.nanoCpus / 1e9 : null,
    cpuShares: integer(flags, 'cpu-shares'),
    pidsLimit: integer(flags, 'pids-limit'),
    platform: lastTyped(flags, 'platform', 'platform')?.platform ?? null,
    pull: pull === 'always' || pull === 'missing' || pull === 'never' ? pull : null,
    addHosts: typedFlags(flags, 'add-host', 'host').map(({ value }) => ({ host: value.host, ip: value.ip })),
    dns: texts(flags, 'dns'),
    dnsSearch: texts(flags, 'dns-search'),
    dnsOptions: texts(flags, 'dns-option'),
    capAdd: texts(flags, 'cap-add'),
    capDrop: texts(flags, 'cap-drop'),
    privileged: isSet(flags, 'privileged'),
    readOnly: isSet(flags, 'read-only'),
    securityOpt: texts(flags, 'security-opt'),
    pid: lastText(flags, 'pid'),
    ipc: lastText(flags, 'ipc'),
    uts: lastText(flags, 'uts'),
    userns: lastText(flags, 'userns'),
    cgroupns: lastText(flags, 'cgroupns'),
    groupAdd: texts(flags, 'group-add'),
    links: texts(flags, 'link'),
    annotations: keyValues(flags, 'annotation'),
    storageOptions: keyValues(flags, 'storage-opt'),
    cpuset: lastText(flags, 'cpuset-cpus'),
    runtime: lastText(flags, 'runtime'),
    oomKillDisable: isSet(flags, 'oom-kill-disable'),
    macAddress: lastText(flags, 'mac-address'),
    flags: flags.map(flag => ({ name: flag.spec.long, written: flag.written, value: flag.value, typed: flag.typed, span: spanOf(flag) })),
  }
}
