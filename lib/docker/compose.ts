// The Compose service equivalent to a `docker run`/`docker create`: one table maps each flag to its
// Compose key. A flag with no Compose form becomes a YAML comment; nothing is dropped silently.

import type { ParsedCommand, ParsedFlag } from './parse-command'
import type { RunPicture } from './types'
import { Document, Scalar, YAMLSeq } from 'yaml'
import { effectiveValue, mountOfFlag } from './parse-command'

type Service = Record<string, unknown>

interface ComposeContext {
  service: Service
  volumes: Set<string>
  networks: Set<string>
  comments: string[]
}

/** How one flag lands in the service. */
type Mapping
  = | { key: string, as: 'scalar' | 'list' | 'true' | 'number' | 'quoted-list' }
    | { key: string, as: 'custom', apply: (flag: ParsedFlag, value: string, context: ComposeContext) => void }
    | { as: 'none', why: string }

function push(service: Service, key: string, item: unknown): void {
  const list = (service[key] ??= []) as unknown[]
  list.push(item)
}

function setIn(service: Service, keys: string[], value: unknown): void {
  let node = service as Record<string, unknown>
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
  node[keys.at(-1)!] = value
}

function healthcheck(key: string, wrap?: (value: string) => unknown): Mapping {
  return { key: 'healthcheck', as: 'custom', apply: (_f, value, { service }) => setIn(service, ['healthcheck', key], wrap ? wrap(value) : value) }
}

/** `--device-read-bps /dev/sda:1mb` → blkio_config: device_read_bps: [{ path, rate }]. */
function blkioDevice(key: string, field: 'weight' | 'rate'): Mapping {
  return {
    key: 'blkio_config',
    as: 'custom',
    apply(_flag, value, { service }) {
      const colon = value.lastIndexOf(':')
      const limit = value.slice(colon + 1)
      const blkio = (service.blkio_config ??= {}) as Record<string, unknown[]>
      ;(blkio[key] ??= []).push({ path: value.slice(0, colon), [field]: /^\d+$/.test(limit) ? Number(limit) : limit })
    },
  }
}

const NETWORK_MODES = /^(host|none|bridge|default|container:.+|service:.+)$/

/** Flag (long name) → Compose key. */
export const COMPOSE_MAPPINGS: Readonly<Record<string, Mapping>> = {
  'name': { key: 'container_name', as: 'scalar' },
  'publish': { key: 'ports', as: 'quoted-list' },
  'expose': { key: 'expose', as: 'quoted-list' },
  'volume': {
    key: 'volumes',
    as: 'custom',
    apply(flag, value, { service, volumes }) {
      const mount = mountOfFlag(flag)
      if (mount?.type === 'volume' && mount.source)
        volumes.add(mount.source)
      push(service, 'volumes', value)
    },
  },
  'mount': {
    key: 'volumes',
    as: 'custom',
    apply(flag, _value, { service, volumes }) {
      const mount = mountOfFlag(flag)
      if (!mount)
        return
      const { type, source, target, readOnly } = mount
      if (type === 'volume' && source)
        volumes.add(source)
      push(service, 'volumes', {
        type: type === 'anonymous' ? 'volume' : type,
        ...(source ? { source } : {}),
        target,
        ...(readOnly ? { read_only: true } : {}),
      })
    },
  },
  'tmpfs': { key: 'tmpfs', as: 'list' },
  'env': { key: 'environment', as: 'list' },
  'env-file': { key: 'env_file', as: 'list' },
  'entrypoint': { key: 'entrypoint', as: 'custom', apply: (_f, value, { service }) => (service.entrypoint = value === '' ? [''] : [value]) },
  'workdir': { key: 'working_dir', as: 'scalar' },
  'user': { key: 'user', as: 'scalar' },
  'network': {
    key: 'networks',
    as: 'custom',
    apply(_flag, value, { service, networks }) {
      if (NETWORK_MODES.test(value)) {
        service.network_mode = value
      }
      else {
        networks.add(value)
        push(service, 'networks', value)
      }
    },
  },
  'net': {
    key: 'networks',
    as: 'custom',
    apply(flag, value, context) {
      const network = COMPOSE_MAPPINGS.network
      if (network && network.as === 'custom')
        network.apply(flag, value, context)
    },
  },
  'net-alias': { as: 'none', why: 'Compose sets aliases per network (networks: NAME: aliases:); every service is already reachable by its service name' },
  'link-local-ip': { as: 'none', why: 'Compose sets it per network (networks: NAME: link_local_ips:)' },
  'network-alias': { as: 'none', why: 'Compose sets aliases per network (networks: NAME: aliases:); every service is already reachable by its service name' },
  'restart': { key: 'restart', as: 'scalar' },
  'privileged': { key: 'privileged', as: 'true' },
  'interactive': { key: 'stdin_open', as: 'true' },
  'tty': { key: 'tty', as: 'true' },
  'init': { key: 'init', as: 'true' },
  'read-only': { key: 'read_only', as: 'true' },
  'hostname': { key: 'hostname', as: 'scalar' },
  'domainname': { key: 'domainname', as: 'scalar' },
  'label': { key: 'labels', as: 'list' },
  'label-file': { key: 'label_file', as: 'list' },
  'memory': { key: 'mem_limit', as: 'scalar' },
  'memory-reservation': { key: 'mem_reservation', as: 'scalar' },
  'memory-swap': { key: 'memswap_limit', as: 'scalar' },
  'memory-swappiness': { key: 'mem_swappiness', as: 'number' },
  'shm-size': { key: 'shm_size', as: 'scalar' },
  'cpus': { key: 'cpus', as: 'number' },
  'cpu-shares': { key: 'cpu_shares', as: 'number' },
  'cpuset-cpus': { key: 'cpuset', as: 'scalar' },
  'pids-limit': { key: 'pids_limit', as: 'number' },
  'oom-kill-disable': { key: 'oom_kill_disable', as: 'true' },
  'oom-score-adj': { key: 'oom_score_adj', as: 'number' },
  'add-host': { key: 'extra_hosts', as: 'list' },
  'dns': { key: 'dns', as: 'list' },
  'dns-search': { key: 'dns_search', as: 'list' },
  'dns-option': { key: 'dns_opt', as: 'list' },
  'dns-opt': { key: 'dns_opt', as: 'list' },
  'annotation': { key: 'annotations', as: 'list' },
  'device-cgroup-rule': { key: 'device_cgroup_rules', as: 'list' },
  'volume-driver': { key: 'volume_driver', as: 'scalar' },
  'storage-opt': {
    key: 'storage_opt',
    as: 'custom',
    apply(_flag, value, { service }) {
      const eq = value.indexOf('=')
      setIn(service, ['storage_opt', eq < 0 ? value : value.slice(0, eq)], eq < 0 ? '' : value.slice(eq + 1))
    },
  },
  'cpu-count': { key: 'cpu_count', as: 'number' },
  'cpu-percent': { key: 'cpu_percent', as: 'number' },
  'cpu-period': { key: 'cpu_period', as: 'number' },
  'cpu-quota': { key: 'cpu_quota', as: 'number' },
  'cpu-rt-period': { key: 'cpu_rt_period', as: 'number' },
  'cpu-rt-runtime': { key: 'cpu_rt_runtime', as: 'number' },
  'cpuset-mems': { as: 'none', why: 'Compose has no key for the memory nodes of cpuset' },
  'blkio-weight': { key: 'blkio_config', as: 'custom', apply: (_f, value, { service }) => setIn(service, ['blkio_config', 'weight'], Number(value)) },
  'blkio-weight-device': blkioDevice('weight_device', 'weight'),
  'device-read-bps': blkioDevice('device_read_bps', 'rate'),
  'device-write-bps': blkioDevice('device_write_bps', 'rate'),
  'device-read-iops': blkioDevice('device_read_iops', 'rate'),
  'device-write-iops': blkioDevice('device_write_iops', 'rate'),
  'io-maxbandwidth': { as: 'none', why: 'a Windows-only limit Compose does not have' },
  'io-maxiops': { as: 'none', why: 'a Windows-only limit Compose does not have' },
  'kernel-memory': { as: 'none', why: 'deprecated, and Compose has no key for it' },
  'use-api-socket': { as: 'none', why: 'Compose has no key for it here; mount the Docker socket under volumes if you mean to' },
  'cap-add': { key: 'cap_add', as: 'list' },
  'cap-drop': { key: 'cap_drop', as: 'list' },
  'device': { key: 'devices', as: 'list' },
  'security-opt': { key: 'security_opt', as: 'list' },
  'sysctl': { key: 'sysctls', as: 'list' },
  'group-add': { key: 'group_add', as: 'list' },
  'link': { key: 'links', as: 'list' },
  'volumes-from': { key: 'volumes_from', as: 'list' },
  'platform': { key: 'platform', as: 'scalar' },
  'pull': { key: 'pull_policy', as: 'scalar' },
  'pid': { key: 'pid', as: 'scalar' },
  'ipc': { key: 'ipc', as: 'scalar' },
  'uts': { key: 'uts', as: 'scalar' },
  'userns': { key: 'userns_mode', as: 'scalar' },
  'cgroupns': { key: 'cgroup', as: 'scalar' },
  'cgroup-parent': { key: 'cgroup_parent', as: 'scalar' },
  'runtime': { key: 'runtime', as: 'scalar' },
  'isolation': { key: 'isolation', as: 'scalar' },
  'mac-address': { key: 'mac_address', as: 'scalar' },
  'stop-signal': { key: 'stop_signal', as: 'scalar' },
  'stop-timeout': { key: 'stop_grace_period', as: 'custom', apply: (_f, value, { service }) => (service.stop_grace_period = `${value}s`) },
  'log-driver': { key: 'logging', as: 'custom', apply: (_f, value, { service }) => setIn(service, ['logging', 'driver'], value) },
  'log-opt': {
    key: 'logging',
    as: 'custom',
    apply(_flag, value, { service }) {
      const eq = value.indexOf('=')
      setIn(service, ['logging', 'options', eq < 0 ? value : value.slice(0, eq)], eq < 0 ? '' : value.slice(eq + 1))
    },
  },
  'ulimit': {
    key: 'ulimits',
    as: 'custom',
    apply(_flag, value, { service }) {
      const [name, limits = ''] = value.split('=')
      const [soft, hard] = limits.split(':')
      const number = (text: string | undefined) => (text !== undefined && /^-?\d+$/.test(text) ? Number(text) : text)
      setIn(service, ['ulimits', name!], hard === undefined ? number(soft) : { soft: number(soft), hard: number(hard) })
    },
  },
  'health-cmd': healthcheck('test', value => ['CMD-SHELL', value]),
  'health-interval': healthcheck('interval'),
  'health-timeout': healthcheck('timeout'),
  'health-retries': healthcheck('retries', Number),
  'health-start-period': healthcheck('start_period'),
  'health-start-interval': healthcheck('start_interval'),
  'no-healthcheck': { key: 'healthcheck', as: 'custom', apply: (_f, _v, { service }) => setIn(service, ['healthcheck', 'disable'], true) },
  'gpus': { as: 'none', why: 'Compose asks for GPUs under deploy: resources: reservations: devices (with driver and count)' },
  'detach': { as: 'none', why: 'Compose has no key for it: start the services in the background with `docker compose up -d`' },
  'rm': { as: 'none', why: 'Compose keeps containers until `docker compose down`; for a one-off container use `docker compose run --rm`' },
  'publish-all': { as: 'none', why: 'Compose has no key for it: list each port under ports' },
  'attach': { as: 'none', why: 'Compose attaches to every service output with `docker compose up` (without -d)' },
  'sig-proxy': { as: 'none', why: 'Compose has no key for it' },
  'detach-keys': { as: 'none', why: 'Compose has no key for it' },
  'cidfile': { as: 'none', why: 'Compose has no key for it' },
  'quiet': { as: 'none', why: 'it only affects the output of the pull' },
  'disable-content-trust': { as: 'none', why: 'Compose has no key for it' },
  'ip': { as: 'none', why: 'Compose sets a fixed address per network (networks: NAME: ipv4_address:)' },
  'ip6': { as: 'none', why: 'Compose sets a fixed address per network (networks: NAME: ipv6_address:)' },
}

function serviceName(run: RunPicture): string {
  const base = run.name ?? run.image?.repository.split('/').pop() ?? 'app'
  const clean = base.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[^a-z0-9]+/, '')
  return clean || 'app'
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value)
  scalar.type = Scalar.QUOTE_DOUBLE
  return scalar
}

function flowList(items: readonly string[]): YAMLSeq {
  const seq = new YAMLSeq()
  seq.flow = true
  for (const item of items) seq.items.push(new Scalar(item))
  return seq
}

/** Keys people look for first come first; the rest keep the order of the flags. */
const KEY_ORDER = ['image', 'container_name', 'hostname', 'command', 'entrypoint', 'working_dir', 'user', 'environment', 'env_file', 'ports', 'expose', 'volumes', 'tmpfs', 'network_mode', 'networks', 'restart']

function inReadingOrder(service: Service): Service {
  const ordered: Service = {}
  for (const key of KEY_ORDER) {
    if (key in service)
      ordered[key] = service[key]
  }
  for (const key of Object.keys(service)) {
    if (!(key in ordered))
      ordered[key] = service[key]
  }
  return ordered
}

/** The Compose file for a run/create command (YAML text), unmapped flags as comments. */
export function toCompose(parsed: ParsedCommand, run: RunPicture): string {
  const service: Service = {}
  const context: ComposeContext = { service, volumes: new Set(), networks: new Set(), comments: [] }
  const imageWord = parsed.args.find(a => a.spec?.kind === 'image')?.word.value
  if (imageWord !== undefined)
    service.image = imageWord

  for (const flag of parsed.flags) {
    const mapping = COMPOSE_MAPPINGS[flag.spec.long]
    const written = flag.value === null ? flag.written : `${flag.written} ${flag.value}`
    if (!mapping) {
      context.comments.push(`${written}: no Compose equivalent is known here; add it by hand if you need it.`)
      continue
    }
    if (mapping.as === 'none') {
      if (flag.spec.type === 'bool' && !/^(1|t|true)$/i.test(flag.effective))
        continue // turned off: nothing to carry over
      context.comments.push(`${written}: ${mapping.why}.`)
      continue
    }
    const value = flag.value ?? 'true'
    switch (mapping.as) {
      case 'scalar':
        service[mapping.key] = value
        break
      case 'number':
        service[mapping.key] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
        break
      case 'true':
        if (/^(1|t|true)$/i.test(flag.effective))
          service[mapping.key] = true
        else delete service[mapping.key]
        break
      case 'list':
        push(service, mapping.key, value)
        break
      case 'quoted-list':
        push(service, mapping.key, quoted(value))
        break
      case 'custom':
        mapping.apply(flag, value, context)
        break
    }
  }
  if (run.command.length > 0)
    service.command = flowList(run.command)
  if (Array.isArray(service.entrypoint))
    service.entrypoint = flowList(service.entrypoint as string[])

  const file: Record<string, unknown> = { services: { [serviceName(run)]: inReadingOrder(service) } }
  if (context.volumes.size > 0)
    file.volumes = Object.fromEntries([...context.volumes].map(v => [v, {}]))
  if (context.networks.size > 0)
    file.networks = Object.fromEntries([...context.networks].map(n => [n, { external: true }]))

  const document = new Document(file)
  const written = ['docker', ...parsed.commandWords.map(w => w.value)].join(' ')
  const header = [`The Compose form of this ${written}; start it with \`docker compose up\`.`]
  if (effectiveValue(parsed.flags, 'name'))
    header.push('container_name fixes the container name, so only one copy of the service can run.')
  if (context.networks.size > 0)
    header.push('external: the network must exist already (docker network create).')
  document.commentBefore = [...header, ...context.comments].map(line => ` ${line}`).join('\n')
  return document.toString({ lineWidth: 0 })
}
