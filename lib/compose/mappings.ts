// The one table between `docker run` flags and Compose service keys, read in both directions: a run
// command becomes a service (from-run.ts) and a service becomes a run command (to-run.ts). Most rows
// are declarative paths, as composerize writes them (`healthcheck/test`); a row with `by` needs logic,
// which lives in both converters under that name; a row with `none` says why Compose has no such key.

/** How a flag's values sit at a Compose path. */
export type ValueShape
  /** One value, the last one given wins: `-w /app` ↔ `working_dir: /app`. */
  = | 'text'
  /** A number: `--cpu-shares 512` ↔ `cpu_shares: 512`. */
    | 'number'
  /** An on/off flag ↔ `true`. */
    | 'flag'
  /** Each use adds an item: `-e A=1 -e B=2` ↔ `environment: [A=1, B=2]`. */
    | 'list'
  /** Each `KEY=VALUE` adds an entry: `--log-opt max-size=1m` ↔ `logging: { options: { max-size: 1m } }`. */
    | 'map'
  /** Whole seconds ↔ a Compose duration: `--stop-timeout 10` ↔ `stop_grace_period: 10s`. */
    | 'seconds'

/** Flags whose conversion needs more than a path (named after what they do). */
export type ConversionLogic
  = | 'volume' | 'mount' | 'network' | 'network-setting' | 'entrypoint' | 'health-cmd' | 'ulimit' | 'gpus'
    | 'blkio-weight' | 'blkio-device' | 'link' | 'volumes-from' | 'name' | 'service-name' | 'service-publish' | 'service-mount' | 'grant'

export type FlagMapping
  = | { flag: string, path: string, shape: ValueShape }
    | { flag: string, by: ConversionLogic, path: string }
    | { flag: string, none: string }

/**
 * Resources: the Compose Specification documents `deploy.resources` (limits and reservations) as the
 * place for CPU, memory and pids, the same block that reserves GPUs, and `docker compose up` applies it
 * without Swarm; the older service keys (`cpus`, `mem_limit`) remain but must agree with it.
 */
export const FLAG_MAPPINGS: readonly FlagMapping[] = [
  { flag: 'name', by: 'name', path: 'container_name' },
  { flag: 'publish', path: 'ports', shape: 'list' },
  { flag: 'expose', path: 'expose', shape: 'list' },
  { flag: 'volume', by: 'volume', path: 'volumes' },
  { flag: 'mount', by: 'mount', path: 'volumes' },
  { flag: 'tmpfs', path: 'tmpfs', shape: 'list' },
  { flag: 'env', path: 'environment', shape: 'list' },
  { flag: 'env-file', path: 'env_file', shape: 'list' },
  { flag: 'entrypoint', by: 'entrypoint', path: 'entrypoint' },
  { flag: 'workdir', path: 'working_dir', shape: 'text' },
  { flag: 'user', path: 'user', shape: 'text' },
  { flag: 'network', by: 'network', path: 'networks' },
  { flag: 'network-alias', by: 'network-setting', path: 'networks/*/aliases' },
  { flag: 'ip', by: 'network-setting', path: 'networks/*/ipv4_address' },
  { flag: 'ip6', by: 'network-setting', path: 'networks/*/ipv6_address' },
  { flag: 'link-local-ip', by: 'network-setting', path: 'networks/*/link_local_ips' },
  { flag: 'mac-address', path: 'mac_address', shape: 'text' },
  { flag: 'restart', path: 'restart', shape: 'text' },
  { flag: 'privileged', path: 'privileged', shape: 'flag' },
  { flag: 'interactive', path: 'stdin_open', shape: 'flag' },
  { flag: 'tty', path: 'tty', shape: 'flag' },
  { flag: 'init', path: 'init', shape: 'flag' },
  { flag: 'read-only', path: 'read_only', shape: 'flag' },
  { flag: 'use-api-socket', path: 'use_api_socket', shape: 'flag' },
  { flag: 'hostname', path: 'hostname', shape: 'text' },
  { flag: 'domainname', path: 'domainname', shape: 'text' },
  { flag: 'label', path: 'labels', shape: 'list' },
  { flag: 'label-file', path: 'label_file', shape: 'list' },
  { flag: 'annotation', path: 'annotations', shape: 'list' },
  { flag: 'memory', path: 'deploy/resources/limits/memory', shape: 'text' },
  { flag: 'cpus', path: 'deploy/resources/limits/cpus', shape: 'number' },
  { flag: 'pids-limit', path: 'deploy/resources/limits/pids', shape: 'number' },
  { flag: 'memory-reservation', path: 'deploy/resources/reservations/memory', shape: 'text' },
  { flag: 'gpus', by: 'gpus', path: 'deploy/resources/reservations/devices' },
  { flag: 'memory-swap', path: 'memswap_limit', shape: 'text' },
  { flag: 'memory-swappiness', path: 'mem_swappiness', shape: 'number' },
  { flag: 'shm-size', path: 'shm_size', shape: 'text' },
  { flag: 'cpu-shares', path: 'cpu_shares', shape: 'number' },
  { flag: 'cpuset-cpus', path: 'cpuset', shape: 'text' },
  { flag: 'cpu-count', path: 'cpu_count', shape: 'number' },
  { flag: 'cpu-percent', path: 'cpu_percent', shape: 'number' },
  { flag: 'cpu-period', path: 'cpu_period', shape: 'number' },
  { flag: 'cpu-quota', path: 'cpu_quota', shape: 'number' },
  { flag: 'cpu-rt-period', path: 'cpu_rt_period', shape: 'number' },
  { flag: 'cpu-rt-runtime', path: 'cpu_rt_runtime', shape: 'number' },
  { flag: 'oom-kill-disable', path: 'oom_kill_disable', shape: 'flag' },
  { flag: 'oom-score-adj', path: 'oom_score_adj', shape: 'number' },
  { flag: 'blkio-weight', by: 'blkio-weight', path: 'blkio_config/weight' },
  { flag: 'blkio-weight-device', by: 'blkio-device', path: 'blkio_config/weight_device' },
  { flag: 'device-read-bps', by: 'blkio-device', path: 'blkio_config/device_read_bps' },
  { flag: 'device-write-bps', by: 'blkio-device', path: 'blkio_config/device_write_bps' },
  { flag: 'device-read-iops', by: 'blkio-device', path: 'blkio_config/device_read_iops' },
  { flag: 'device-write-iops', by: 'blkio-device', path: 'blkio_config/device_write_iops' },
  { flag: 'add-host', path: 'extra_hosts', shape: 'list' },
  { flag: 'dns', path: 'dns', shape: 'list' },
  { flag: 'dns-search', path: 'dns_search', shape: 'list' },
  { flag: 'dns-option', path: 'dns_opt', shape: 'list' },
  { flag: 'device', path: 'devices', shape: 'list' },
  { flag: 'device-cgroup-rule', path: 'device_cgroup_rules', shape: 'list' },
  { flag: 'volume-driver', none: 'the Compose Specification has no volume_driver: set `driver:` on each named volume under the top-level volumes' },
  { flag: 'storage-opt', path: 'storage_opt', shape: 'map' },
  { flag: 'cap-add', path: 'cap_add', shape: 'list' },
  { flag: 'cap-drop', path: 'cap_drop', shape: 'list' },
  { flag: 'security-opt', path: 'security_opt', shape: 'list' },
  { flag: 'sysctl', path: 'sysctls', shape: 'map' },
  { flag: 'group-add', path: 'group_add', shape: 'list' },
  { flag: 'link', by: 'link', path: 'links' },
  { flag: 'volumes-from', by: 'volumes-from', path: 'volumes_from' },
  { flag: 'platform', path: 'platform', shape: 'text' },
  { flag: 'pull', path: 'pull_policy', shape: 'text' },
  { flag: 'pid', path: 'pid', shape: 'text' },
  { flag: 'ipc', path: 'ipc', shape: 'text' },
  { flag: 'uts', path: 'uts', shape: 'text' },
  { flag: 'userns', path: 'userns_mode', shape: 'text' },
  { flag: 'cgroupns', path: 'cgroup', shape: 'text' },
  { flag: 'cgroup-parent', path: 'cgroup_parent', shape: 'text' },
  { flag: 'runtime', path: 'runtime', shape: 'text' },
  { flag: 'isolation', path: 'isolation', shape: 'text' },
  { flag: 'stop-signal', path: 'stop_signal', shape: 'text' },
  { flag: 'stop-timeout', path: 'stop_grace_period', shape: 'seconds' },
  { flag: 'log-driver', path: 'logging/driver', shape: 'text' },
  { flag: 'log-opt', path: 'logging/options', shape: 'map' },
  { flag: 'ulimit', by: 'ulimit', path: 'ulimits' },
  { flag: 'health-cmd', by: 'health-cmd', path: 'healthcheck/test' },
  { flag: 'health-interval', path: 'healthcheck/interval', shape: 'text' },
  { flag: 'health-timeout', path: 'healthcheck/timeout', shape: 'text' },
  { flag: 'health-retries', path: 'healthcheck/retries', shape: 'number' },
  { flag: 'health-start-period', path: 'healthcheck/start_period', shape: 'text' },
  { flag: 'health-start-interval', path: 'healthcheck/start_interval', shape: 'text' },
  { flag: 'no-healthcheck', path: 'healthcheck/disable', shape: 'flag' },
  { flag: 'cpuset-mems', none: 'Compose has no key for the memory nodes of cpuset' },
  { flag: 'io-maxbandwidth', none: 'a Windows-only limit Compose does not have' },
  { flag: 'io-maxiops', none: 'a Windows-only limit Compose does not have' },
  { flag: 'kernel-memory', none: 'deprecated, and Compose has no key for it' },
  { flag: 'detach', none: 'Compose has no key for it: start the services in the background with `docker compose up -d`' },
  { flag: 'rm', none: 'Compose keeps containers until `docker compose down`; for a one-off container use `docker compose run --rm`' },
  { flag: 'publish-all', none: 'Compose has no key for it: list each port under ports' },
  { flag: 'attach', none: 'Compose attaches to every service output with `docker compose up` (without -d)' },
  { flag: 'sig-proxy', none: 'Compose has no key for it' },
  { flag: 'detach-keys', none: 'Compose has no key for it' },
  { flag: 'cidfile', none: 'Compose has no key for it' },
  { flag: 'quiet', none: 'it only affects the output of the pull' },
  { flag: 'disable-content-trust', none: 'Compose has no key for it' },
]

/**
 * `docker service create` (a Swarm service): its own flags, and where a flag it shares with
 * `docker run` means something else. The other shared flags use the rows above.
 */
export const SERVICE_FLAG_MAPPINGS: readonly FlagMapping[] = [
  { flag: 'name', by: 'service-name', path: '' },
  { flag: 'publish', by: 'service-publish', path: 'ports' },
  { flag: 'mount', by: 'service-mount', path: 'volumes' },
  { flag: 'host', path: 'extra_hosts', shape: 'list' },
  { flag: 'group', path: 'group_add', shape: 'list' },
  { flag: 'label', path: 'deploy/labels', shape: 'list' },
  { flag: 'container-label', path: 'labels', shape: 'list' },
  { flag: 'secret', by: 'grant', path: 'secrets' },
  { flag: 'config', by: 'grant', path: 'configs' },
  { flag: 'replicas', path: 'deploy/replicas', shape: 'number' },
  { flag: 'replicas-max-per-node', path: 'deploy/placement/max_replicas_per_node', shape: 'number' },
  { flag: 'mode', path: 'deploy/mode', shape: 'text' },
  { flag: 'endpoint-mode', path: 'deploy/endpoint_mode', shape: 'text' },
  { flag: 'constraint', path: 'deploy/placement/constraints', shape: 'list' },
  { flag: 'limit-cpu', path: 'deploy/resources/limits/cpus', shape: 'number' },
  { flag: 'limit-memory', path: 'deploy/resources/limits/memory', shape: 'text' },
  { flag: 'limit-pids', path: 'deploy/resources/limits/pids', shape: 'number' },
  { flag: 'reserve-cpu', path: 'deploy/resources/reservations/cpus', shape: 'number' },
  { flag: 'reserve-memory', path: 'deploy/resources/reservations/memory', shape: 'text' },
  { flag: 'restart-condition', path: 'deploy/restart_policy/condition', shape: 'text' },
  { flag: 'restart-delay', path: 'deploy/restart_policy/delay', shape: 'text' },
  { flag: 'restart-max-attempts', path: 'deploy/restart_policy/max_attempts', shape: 'number' },
  { flag: 'restart-window', path: 'deploy/restart_policy/window', shape: 'text' },
  { flag: 'update-parallelism', path: 'deploy/update_config/parallelism', shape: 'number' },
  { flag: 'update-delay', path: 'deploy/update_config/delay', shape: 'text' },
  { flag: 'update-failure-action', path: 'deploy/update_config/failure_action', shape: 'text' },
  { flag: 'update-monitor', path: 'deploy/update_config/monitor', shape: 'text' },
  { flag: 'update-max-failure-ratio', path: 'deploy/update_config/max_failure_ratio', shape: 'number' },
  { flag: 'update-order', path: 'deploy/update_config/order', shape: 'text' },
  { flag: 'rollback-parallelism', path: 'deploy/rollback_config/parallelism', shape: 'number' },
  { flag: 'rollback-delay', path: 'deploy/rollback_config/delay', shape: 'text' },
  { flag: 'rollback-failure-action', path: 'deploy/rollback_config/failure_action', shape: 'text' },
  { flag: 'rollback-monitor', path: 'deploy/rollback_config/monitor', shape: 'text' },
  { flag: 'rollback-max-failure-ratio', path: 'deploy/rollback_config/max_failure_ratio', shape: 'number' },
  { flag: 'rollback-order', path: 'deploy/rollback_config/order', shape: 'text' },
  { flag: 'stop-grace-period', path: 'stop_grace_period', shape: 'text' },
  { flag: 'credential-spec', none: 'Compose writes it as credential_spec: { file: … } or { registry: … }; add it by hand' },
  { flag: 'placement-pref', none: 'Compose writes it under deploy: placement: preferences (spread: …); add it by hand' },
  { flag: 'generic-resource', none: 'Compose writes it under deploy: resources: reservations: generic_resources; add it by hand' },
  { flag: 'with-registry-auth', none: 'it is an option of `docker stack deploy --with-registry-auth`' },
  { flag: 'no-resolve-image', none: 'it is an option of `docker stack deploy --resolve-image never`' },
  { flag: 'max-concurrent', none: 'Compose has no key for it' },
]

const BY_FLAG = new Map(FLAG_MAPPINGS.map(mapping => [mapping.flag, mapping]))
const BY_SERVICE_FLAG = new Map(SERVICE_FLAG_MAPPINGS.map(mapping => [mapping.flag, mapping]))

/** The row for a flag of `docker run`/`create`, or of `docker service create` when `swarm`. */
export function mappingOfFlag(flag: string, swarm = false): FlagMapping | undefined {
  return (swarm ? BY_SERVICE_FLAG.get(flag) : undefined) ?? BY_FLAG.get(flag)
}

/** `deploy/resources/limits/cpus` → its keys. */
export function pathKeys(path: string): string[] {
  return path.split('/')
}
