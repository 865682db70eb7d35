// Compose file editors: YAML syntax errors from the `yaml` package, then light checks of the
// Compose shape (top-level keys, services, ports, depends_on) where the YAML itself is fine.

import type { Node, Pair, Scalar, YAMLMap } from 'yaml'
import type { EditorMarker, MarkerSeverity } from './types'
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml'
import { LineIndex } from '../dockerfile/text'
import { publishProblem } from './engine'
import { offsetsToEditorRange } from './position'

const TOP_LEVEL_KEYS = new Set(['version', 'name', 'services', 'networks', 'volumes', 'configs', 'secrets', 'include', 'models'])

/** Keys of a service in the Compose Specification. */
const SERVICE_KEYS = new Set([
  'annotations',
  'attach',
  'blkio_config',
  'build',
  'cap_add',
  'cap_drop',
  'cgroup',
  'cgroup_parent',
  'command',
  'configs',
  'container_name',
  'cpu_count',
  'cpu_percent',
  'cpu_period',
  'cpu_quota',
  'cpu_rt_period',
  'cpu_rt_runtime',
  'cpu_shares',
  'cpus',
  'cpuset',
  'credential_spec',
  'depends_on',
  'deploy',
  'develop',
  'device_cgroup_rules',
  'devices',
  'dns',
  'dns_opt',
  'dns_search',
  'domainname',
  'entrypoint',
  'env_file',
  'environment',
  'expose',
  'extends',
  'external_links',
  'extra_hosts',
  'gpus',
  'group_add',
  'healthcheck',
  'hostname',
  'image',
  'init',
  'ipc',
  'isolation',
  'label_file',
  'labels',
  'links',
  'logging',
  'mac_address',
  'mem_limit',
  'mem_reservation',
  'mem_swappiness',
  'memswap_limit',
  'models',
  'network_mode',
  'networks',
  'oom_kill_disable',
  'oom_score_adj',
  'pid',
  'pids_limit',
  'platform',
  'ports',
  'post_start',
  'pre_stop',
  'privileged',
  'profiles',
  'provider',
  'pull_policy',
  'read_only',
  'restart',
  'runtime',
  'scale',
  'secrets',
  'security_opt',
  'shm_size',
  'stdin_open',
  'stop_grace_period',
  'stop_signal',
  'storage_opt',
  'sysctls',
  'tmpfs',
  'tty',
  'ulimits',
  'use_api_socket',
  'user',
  'userns_mode',
  'uts',
  'volumes',
  'volumes_from',
  'working_dir',
])

const RESTART_POLICY = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/

interface Finding {
  node: Node | null | undefined
  severity: MarkerSeverity
  message: string
}

function keyName(pair: Pair): string | null {
  return isScalar(pair.key) ? String((pair.key as Scalar).value) : null
}

/** Suggests `ports` for `port`: same letters give or take two. */
function closest(word: string, known: Iterable<string>): string | null {
  let best: string | null = null
  let bestScore = 3
  for (const candidate of known) {
    const score = levenshtein(word, candidate)
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    previous = current
  }
  return previous[b.length]!
}

function checkPorts(ports: Node | null | undefined, findings: Finding[]): void {
  if (!isSeq(ports)) {
    findings.push({ node: ports, severity: 'error', message: '`ports` is a list, e.g. - "8000:5000".' })
    return
  }
  for (const item of ports.items) {
    if (isScalar(item)) {
      const mapping = String(item.value)
      // YAML 1.1 reads an unquoted 60:30 as a base-60 number; quoting avoids surprises.
      const problem = publishProblem(mapping)
      if (problem)
        findings.push({ node: item, severity: 'error', message: `Invalid port mapping "${mapping}": ${problem}. Expected [host:]container[/protocol], e.g. "8000:5000".` })
    }
    else if (isMap(item)) {
      if (!item.has('target'))
        findings.push({ node: item, severity: 'error', message: 'A port written as a mapping needs `target` (the container port).' })
    }
    else {
      findings.push({ node: item as Node, severity: 'error', message: 'Each port is a string such as "8000:5000" or a mapping with `target`.' })
    }
  }
}

function dependencyNames(dependsOn: Node | null | undefined): Scalar[] {
  if (isSeq(dependsOn))
    return dependsOn.items.filter(isScalar)
  if (isMap(dependsOn))
    return dependsOn.items.map(pair => pair.key).filter(isScalar)
  return []
}

function checkService(name: string, service: Node | null | undefined, serviceNames: Set<string>, findings: Finding[]): void {
  if (!isMap(service)) {
    findings.push({ node: service, severity: 'error', message: `Service "${name}" must be a mapping of settings (image, ports, …).` })
    return
  }
  for (const pair of service.items) {
    const key = keyName(pair)
    if (key === null || key.startsWith('x-'))
      continue
    if (!SERVICE_KEYS.has(key)) {
      const suggestion = closest(key, SERVICE_KEYS)
      findings.push({ node: pair.key as Node, severity: 'error', message: `"${key}" is not a service setting.${suggestion ? ` Did you mean "${suggestion}"?` : ''}` })
    }
  }
  if (!service.has('image') && !service.has('build') && !service.has('extends'))
    findings.push({ node: keyNode(service, null), severity: 'error', message: `Service "${name}" needs an \`image\` to run or a \`build\` to make one.` })
  if (service.has('ports'))
    checkPorts(service.get('ports', true) as Node, findings)
  const restart = service.get('restart', true)
  if (isScalar(restart) && !RESTART_POLICY.test(String(restart.value)))
    findings.push({ node: restart, severity: 'error', message: '`restart` is one of: no, always, unless-stopped, on-failure[:max-retries].' })
  for (const dependency of dependencyNames(service.get('depends_on', true) as Node)) {
    const target = String(dependency.value)
    if (!serviceNames.has(target))
      findings.push({ node: dependency, severity: 'error', message: `depends_on names "${target}", but there is no service with that name.` })
  }
}

function keyNode(map: YAMLMap, key: string | null): Node | null {
  const pair = map.items.find(item => (key === null ? true : keyName(item) === key))
  return pair && isPair(pair) ? (pair.key as Node) : null
}

/** Every problem in the Compose file `text`: syntax first; the shape is checked only when the YAML parses. */
export function composeMarkers(text: string): EditorMarker[] {
  const lines = new LineIndex(text)
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  const markers: EditorMarker[] = [...document.errors, ...document.warnings].map(problem => ({
    ...offsetsToEditorRange(lines, problem.pos[0], Math.max(problem.pos[1], problem.pos[0] + 1)),
    severity: problem.name === 'YAMLWarning' ? 'warning' : 'error',
    message: problem.message.split('\n')[0] ?? problem.message,
    source: 'YAML',
  }))
  if (document.errors.length > 0)
    return markers

  const findings: Finding[] = []
  const root = document.contents
  if (root === null) {
    // An empty file: nothing to say yet.
  }
  else if (!isMap(root)) {
    findings.push({ node: root, severity: 'error', message: 'A Compose file is a mapping with top-level keys such as `services`.' })
  }
  else {
    for (const pair of root.items) {
      const key = keyName(pair)
      if (key === null || key.startsWith('x-'))
        continue
      if (key === 'version')
        findings.push({ node: pair.key as Node, severity: 'warning', message: '`version` is obsolete: Docker Compose ignores it.' })
      else if (!TOP_LEVEL_KEYS.has(key))
        findings.push({ node: pair.key as Node, severity: 'error', message: `"${key}" is not a top-level Compose key.${closest(key, TOP_LEVEL_KEYS) ? ` Did you mean "${closest(key, TOP_LEVEL_KEYS)}"?` : ''}` })
    }
    const services = root.get('services', true) as Node | undefined
    if (services === undefined) {
      if (!root.has('include'))
        findings.push({ node: keyNode(root, null), severity: 'error', message: 'A Compose file needs a `services` section.' })
    }
    else if (!isMap(services)) {
      findings.push({ node: services ?? keyNode(root, 'services'), severity: 'error', message: '`services` must map service names to their settings.' })
    }
    else {
      const names = new Set(services.items.map(keyName).filter((name): name is string => name !== null))
      for (const pair of services.items)
        checkService(keyName(pair) ?? '?', pair.value as Node, names, findings)
    }
  }

  for (const finding of findings) {
    const [start, end] = finding.node?.range ?? [0, 0]
    markers.push({ ...offsetsToEditorRange(lines, start, Math.max(end, start + 1)), severity: finding.severity, message: finding.message, source: 'Compose' })
  }
  return markers
}
