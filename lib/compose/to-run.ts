// The way back: a Compose service as the `docker run` that makes the same container, and a whole
// file as the docker commands `docker compose up -d` amounts to (networks and volumes first, images
// built, then one `docker run` per service in dependency order). The flags come from the same table
// as the other direction (mappings.ts), read backwards.

import type { ComposeMapping, ComposeValue } from './model'
import { COMMANDS } from '../docker/grammar'
import { FLAG_MAPPINGS } from './mappings'

/** One docker command of the equivalent, with why it is there. */
export interface DockerStep {
  argv: string[]
  /** As you would type it (shell-quoted). */
  text: string
  why: string
  /** The service it is for (a `docker run` or `docker build`), or null (networks, volumes). */
  service: string | null
}

/** What Compose adds that a docker run does not have, said per service. */
export interface RunNote {
  service: string
  key: string
  text: string
}

export interface ServiceNames {
  project: string
  /** Compose key → the network's name on the daemon. */
  networkName: (key: string) => string
  volumeName: (key: string) => string
  /** Service → its container's name. */
  containerName: (service: string) => string
  imageName: (service: string) => string
}

/** How a shell reads a word back exactly: plain when safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word))
    return word
  return `'${word.replaceAll('\'', `'\\''`)}'`
}

export function stepOf(argv: string[], why: string, service: string | null): DockerStep {
  return { argv, text: argv.map(shellQuote).join(' '), why, service }
}

type Mapping = Record<string, ComposeValue>

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function text(value: ComposeValue | undefined): string {
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** `KEY=VALUE` items of a list-or-mapping (environment, labels, sysctls…). */
function keyValueItems(value: ComposeValue | undefined, separator = '='): string[] {
  if (Array.isArray(value))
    return value.map(text)
  if (isMapping(value))
    return Object.entries(value).map(([key, item]) => (item === null ? key : `${key}${separator}${text(item)}`))
  return value === undefined || value === null ? [] : [text(value)]
}

function listOf(value: ComposeValue | undefined): string[] {
  if (Array.isArray(value))
    return value.map(text)
  return value === undefined || value === null ? [] : [text(value)]
}

/** A Compose command (text or list) as argv: text is split as a shell would (Compose does the same). */
export function commandWords(value: ComposeValue | undefined): string[] {
  if (Array.isArray(value))
    return value.map(text)
  if (typeof value !== 'string')
    return []
  const words: string[] = []
  let current = ''
  let inWord = false
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    if (char === '\'' || char === '"') {
      const close = value.indexOf(char, index + 1)
      const end = close === -1 ? value.length : close
      current += value.slice(index + 1, end)
      index = end
      inWord = true
    }
    else if (char === '\\' && index + 1 < value.length) {
      current += value[++index]
      inWord = true
    }
    else if (/\s/.test(char)) {
      if (inWord)
        words.push(current)
      current = ''
      inWord = false
    }
    else {
      current += char
      inWord = true
    }
  }
  if (inWord)
    words.push(current)
  return words
}

/** Compose duration (`1m30s`, `10s`, or seconds as a number) → whole seconds. */
function seconds(value: ComposeValue | undefined): number | null {
  if (typeof value === 'number')
    return value
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text(value))
  if (!match || text(value) === '')
    return null
  return Math.round(Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0))
}

/** Declarative rows read backwards: Compose path → the flag and how the value sits there. */
const BY_PATH = new Map(FLAG_MAPPINGS.flatMap(row => ('shape' in row ? [[row.path, row] as const] : [])))

/** Keys with no docker run form: what each means instead. */
const NOT_A_FLAG: Record<string, string> = {
  build: 'built first, by the docker build step',
  depends_on: 'only the order of the steps (and, with condition: service_healthy, waiting until that container is healthy)',
  profiles: 'which services `docker compose up` starts; a docker run has none',
  develop: 'for `docker compose watch`, nothing at run time',
  scale: 'the number of copies: run the command that many times with other names',
  extends: 'copies another service\'s settings; shown here as written, not resolved',
  secrets: 'mounted under /run/secrets by Compose: with docker run, mount the file (-v ./secret.txt:/run/secrets/NAME:ro)',
  configs: 'mounted by Compose: with docker run, mount the file (-v ./file:/path:ro)',
  post_start: 'a command Compose runs after start: `docker exec` it yourself',
  pre_stop: 'a command Compose runs before stop: `docker exec` it yourself',
  attach: 'whether `docker compose up` shows its output',
  pull_policy: 'when Compose pulls; docker run --pull takes always, missing or never',
  label_file: 'read by Compose into labels',
  provider: 'a service run by a provider plugin, not a container',
  models: 'models from Docker Model Runner: nothing for docker run',
  gpus: 'GPUs: --gpus (see the Compose reference for the long form)',
  use_api_socket: 'Compose mounts the Docker socket and credentials',
}

interface Builder {
  flags: string[]
  notes: RunNote[]
  service: string
}

/** `docker run`'s one-letter names (-d, -p, -v, -e…), as people type them. */
const SHORT_NAMES = new Map((COMMANDS.find(command => command.path.join(' ') === 'container run')?.flags ?? []).flatMap(flag => (flag.short ? [[flag.long, flag.short] as const] : [])))

function add(builder: Builder, flag: string, value?: string): void {
  const short = SHORT_NAMES.get(flag)
  builder.flags.push(short ? `-${short}` : `--${flag}`)
  if (value !== undefined)
    builder.flags.push(value)
}

function note(builder: Builder, key: string, what: string): void {
  builder.notes.push({ service: builder.service, key, text: what })
}

function declarative(builder: Builder, path: string, value: ComposeValue): boolean {
  const row = BY_PATH.get(path)
  if (row) {
    switch (row.shape) {
      case 'flag':
        if (value === true || value === 'true')
          add(builder, row.flag)
        return true
      case 'list':
        for (const item of keyValueItems(value)) add(builder, row.flag, item)
        return true
      case 'map':
        for (const item of keyValueItems(value)) add(builder, row.flag, item)
        return true
      case 'seconds': {
        const whole = seconds(value)
        if (whole !== null)
          add(builder, row.flag, String(whole))
        else note(builder, path, `${text(value)} is not a duration docker run takes in seconds`)
        return true
      }
      default:
        add(builder, row.flag, text(value))
        return true
    }
  }
  if (isMapping(value)) {
    let all = true
    for (const [key, item] of Object.entries(value)) {
      if (!declarative(builder, `${path}/${key}`, item))
        all = false
    }
    return all
  }
  return false
}

function portFlag(port: ComposeValue): string {
  if (!isMapping(port))
    return text(port)
  const published = port.published === undefined ? '' : `${text(port.published)}:`
  const ip = port.host_ip === undefined ? '' : `${text(port.host_ip)}:`
  const protocol = port.protocol === undefined ? '' : `/${text(port.protocol)}`
  return `${ip}${published}${text(port.target)}${protocol}`
}

function volumeFlags(builder: Builder, volumes: ComposeValue | undefined, names: ServiceNames, declared: Set<string>): void {
  for (const volume of Array.isArray(volumes) ? volumes : []) {
    if (typeof volume === 'string') {
      const [source = '', ...rest] = volume.split(':')
      if (rest.length > 0 && declared.has(source))
        add(builder, 'volume', [names.volumeName(source), ...rest].join(':'))
      else add(builder, 'volume', volume)
      continue
    }
    if (!isMapping(volume))
      continue
    const type = text(volume.type)
    const parts = [`type=${type}`]
    if (volume.source !== undefined)
      parts.push(`source=${type === 'volume' && declared.has(text(volume.source)) ? names.volumeName(text(volume.source)) : text(volume.source)}`)
    parts.push(`target=${text(volume.target)}`)
    if (volume.read_only === true)
      parts.push('readonly')
    if (isMapping(volume.bind) && volume.bind.propagation !== undefined)
      parts.push(`bind-propagation=${text(volume.bind.propagation)}`)
    if (isMapping(volume.volume) && volume.volume.nocopy === true)
      parts.push('volume-nocopy')
    if (isMapping(volume.volume) && volume.volume.subpath !== undefined)
      parts.push(`volume-subpath=${text(volume.volume.subpath)}`)
    if (isMapping(volume.tmpfs) && volume.tmpfs.size !== undefined)
      parts.push(`tmpfs-size=${text(volume.tmpfs.size)}`)
    add(builder, 'mount', parts.join(','))
  }
}

/**
 * The first network goes on the docker run (with the service name as an alias, as Compose gives it);
 * each further one is a `docker network connect` after it: daemons before API 1.44 (Docker 25) refuse
 * several networks on one run ("Container cannot be connected to network endpoints", checked on 20.10).
 */
function networkFlags(builder: Builder, definition: Mapping, names: ServiceNames, container: string): string[][] {
  const mode = definition.network_mode
  if (typeof mode === 'string') {
    add(builder, 'network', mode.startsWith('service:') ? `container:${names.containerName(mode.slice(8))}` : mode)
    return []
  }
  const joined = Array.isArray(definition.networks)
    ? definition.networks.map(name => [text(name), {}] as [string, ComposeValue])
    : isMapping(definition.networks) ? Object.entries(definition.networks) : [['default', {}] as [string, ComposeValue]]
  const connects: string[][] = []
  joined.forEach(([key, settings], index) => {
    const entry = isMapping(settings) ? settings : {}
    const options: [string, string][] = [['alias', builder.service], ...listOf(entry.aliases).map(alias => ['alias', alias] as [string, string])]
    if (entry.ipv4_address !== undefined)
      options.push(['ip', text(entry.ipv4_address)])
    if (entry.ipv6_address !== undefined)
      options.push(['ip6', text(entry.ipv6_address)])
    for (const ip of listOf(entry.link_local_ips)) options.push(['link-local-ip', ip])
    if (index === 0) {
      add(builder, 'network', names.networkName(key))
      const runFlag: Record<string, string> = { 'alias': 'network-alias', 'ip': 'ip', 'ip6': 'ip6', 'link-local-ip': 'link-local-ip' }
      for (const [option, value] of options) add(builder, runFlag[option]!, value)
      if (entry.mac_address !== undefined)
        add(builder, 'mac-address', text(entry.mac_address))
      return
    }
    connects.push(['docker', 'network', 'connect', ...options.flatMap(([option, value]) => [`--${option}`, value]), names.networkName(key), container])
  })
  return connects
}

function healthcheckFlags(builder: Builder, check: ComposeValue | undefined): void {
  if (!isMapping(check))
    return
  const test = check.test
  if (check.disable === true || (Array.isArray(test) && test[0] === 'NONE')) {
    add(builder, 'no-healthcheck')
    return
  }
  if (typeof test === 'string') {
    add(builder, 'health-cmd', test)
  }
  else if (Array.isArray(test) && test.length > 1) {
    const [form, ...rest] = test.map(text)
    add(builder, 'health-cmd', form === 'CMD-SHELL' ? rest.join(' ') : rest.map(shellQuote).join(' '))
    if (form === 'CMD')
      note(builder, 'healthcheck', 'test [CMD, …] runs the program directly; --health-cmd always goes through a shell (CMD-SHELL), which here runs the same words')
  }
  const timing: [string, string][] = [['interval', 'health-interval'], ['timeout', 'health-timeout'], ['start_period', 'health-start-period'], ['start_interval', 'health-start-interval']]
  for (const [key, flag] of timing) {
    if (check[key] !== undefined)
      add(builder, flag, text(check[key]))
  }
  if (check.retries !== undefined)
    add(builder, 'health-retries', text(check.retries))
}

function deployFlags(builder: Builder, deploy: ComposeValue | undefined): void {
  if (!isMapping(deploy))
    return
  const resources = isMapping(deploy.resources) ? deploy.resources : {}
  const limits = isMapping(resources.limits) ? resources.limits : {}
  const reservations = isMapping(resources.reservations) ? resources.reservations : {}
  if (limits.cpus !== undefined)
    add(builder, 'cpus', text(limits.cpus))
  if (limits.memory !== undefined)
    add(builder, 'memory', text(limits.memory))
  if (limits.pids !== undefined)
    add(builder, 'pids-limit', text(limits.pids))
  if (reservations.memory !== undefined)
    add(builder, 'memory-reservation', text(reservations.memory))
  if (reservations.cpus !== undefined)
    note(builder, 'deploy', 'reservations.cpus has no docker run flag (it guides where Swarm places the task)')
  for (const device of Array.isArray(reservations.devices) ? reservations.devices : []) {
    if (!isMapping(device) || !listOf(device.capabilities).includes('gpu'))
      continue
    const parts: string[] = []
    if (device.driver !== undefined && text(device.driver) !== 'nvidia')
      parts.push(`driver=${text(device.driver)}`)
    if (device.device_ids !== undefined)
      parts.push(`"device=${listOf(device.device_ids).join(',')}"`)
    else parts.push(device.count === undefined || device.count === 'all' ? 'all' : text(device.count))
    add(builder, 'gpus', parts.length === 1 ? parts[0]!.replace(/^"|"$/g, '') : parts.join(','))
  }
  for (const key of Object.keys(deploy)) {
    if (key === 'replicas')
      note(builder, 'deploy', `replicas: ${text(deploy.replicas)} copies; one docker run makes one`)
    else if (key !== 'resources')
      note(builder, 'deploy', `deploy.${key} applies to Swarm (docker stack deploy), not to a docker run`)
  }
}

/**
 * The `docker run -d` that makes the container of `service` as `docker compose up -d` would:
 * Compose's container name, the project's networks (reachable by the service name), its volumes.
 */
export function serviceAsRun(service: string, definition: ComposeMapping, names: ServiceNames, declaredVolumes: Set<string>): { argv: string[], connects: string[][], notes: RunNote[] } {
  const builder: Builder = { flags: [], notes: [], service }
  const container = text(definition.container_name) || names.containerName(service)
  add(builder, 'detach')
  add(builder, 'name', container)
  const handled = new Set(['image', 'container_name', 'command', 'entrypoint', 'volumes', 'networks', 'network_mode', 'healthcheck', 'deploy', 'ports', 'ulimits', 'stop_grace_period', 'links', 'volumes_from', 'env_file', 'extra_hosts', 'tmpfs', 'dns', 'dns_search', 'blkio_config', 'external_links', 'expose'])
  const connects = networkFlags(builder, definition, names, container)
  for (const port of Array.isArray(definition.ports) ? definition.ports : []) add(builder, 'publish', portFlag(port))
  for (const port of listOf(definition.expose)) add(builder, 'expose', port)
  volumeFlags(builder, definition.volumes, names, declaredVolumes)
  for (const item of listOf(definition.tmpfs)) add(builder, 'tmpfs', item)
  for (const file of Array.isArray(definition.env_file) ? definition.env_file : definition.env_file === undefined ? [] : [definition.env_file]) add(builder, 'env-file', isMapping(file) ? text(file.path) : text(file))
  for (const host of keyValueItems(definition.extra_hosts, ':')) add(builder, 'add-host', host.replace('=', ':'))
  for (const server of listOf(definition.dns)) add(builder, 'dns', server)
  for (const domain of listOf(definition.dns_search)) add(builder, 'dns-search', domain)
  for (const link of listOf(definition.links)) {
    const [target = '', alias] = link.split(':')
    add(builder, 'link', `${names.containerName(target)}:${alias ?? target}`)
  }
  for (const link of listOf(definition.external_links)) add(builder, 'link', link)
  for (const from of listOf(definition.volumes_from)) {
    const [target = '', mode] = from.split(':')
    const container = target === 'container' ? from.split(':')[1] ?? '' : names.containerName(target)
    add(builder, 'volumes-from', `${container}${mode && target !== 'container' ? `:${mode}` : ''}`)
  }
  healthcheckFlags(builder, definition.healthcheck)
  deployFlags(builder, definition.deploy)
  if (isMapping(definition.ulimits)) {
    for (const [name, limit] of Object.entries(definition.ulimits))
      add(builder, 'ulimit', isMapping(limit) ? `${name}=${text(limit.soft)}:${text(limit.hard)}` : `${name}=${text(limit)}`)
  }
  if (definition.stop_grace_period !== undefined) {
    const whole = seconds(definition.stop_grace_period)
    if (whole !== null)
      add(builder, 'stop-timeout', String(whole))
  }
  if (isMapping(definition.blkio_config)) {
    const blkio = definition.blkio_config
    if (blkio.weight !== undefined)
      add(builder, 'blkio-weight', text(blkio.weight))
    const devices: [string, string, string][] = [['weight_device', 'blkio-weight-device', 'weight'], ['device_read_bps', 'device-read-bps', 'rate'], ['device_write_bps', 'device-write-bps', 'rate'], ['device_read_iops', 'device-read-iops', 'rate'], ['device_write_iops', 'device-write-iops', 'rate']]
    for (const [key, flag, field] of devices) {
      for (const device of Array.isArray(blkio[key]) ? blkio[key] : []) {
        if (isMapping(device))
          add(builder, flag, `${text(device.path)}:${text(device[field])}`)
      }
    }
  }
  for (const [key, value] of Object.entries(definition)) {
    if (handled.has(key) || key.startsWith('x-'))
      continue
    if (NOT_A_FLAG[key]) {
      note(builder, key, NOT_A_FLAG[key])
      continue
    }
    if (!declarative(builder, key, value))
      note(builder, key, `${key} has no docker run flag here; it is left out of the command`)
  }

  const entrypoint = definition.entrypoint === undefined ? null : commandWords(definition.entrypoint)
  const command = commandWords(definition.command)
  const argv = ['docker', 'run', ...builder.flags]
  if (entrypoint !== null)
    argv.push('--entrypoint', entrypoint[0] ?? '')
  argv.push(text(definition.image) || names.imageName(service))
  // --entrypoint takes one program; the rest of a Compose entrypoint comes before the command.
  argv.push(...(entrypoint?.slice(1) ?? []), ...command)
  return { argv, connects, notes: builder.notes }
}
