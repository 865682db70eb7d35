// What `docker compose config` refuses although the schema allows it: names that point nowhere
// (depends_on, links, network_mode: service:…, volumes_from, extends), volumes, networks, secrets
// and configs used but not declared at top level, ports and volumes docker would refuse (read with
// the engine's own -p and -v parsers), a service with nothing to run, dependency cycles.

import type { DataPath, DataProblem } from './issues'
import { parsePublish, parseVolume } from '../docker/values'
import { closest } from '../text/edit-distance'

type Mapping = Record<string, unknown>

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Names listed as a list of strings or as the keys of a mapping (depends_on, networks). */
export function listedNames(value: unknown): { name: string, key: string | number }[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => (typeof item === 'string' ? [{ name: item, key: index }] : []))
  if (isMapping(value))
    return Object.keys(value).map(name => ({ name, key: name }))
  return []
}

/** Where a check's verdict cannot be trusted: a value that uses a variable whose value is unknown. */
export type IsUnknown = (path: DataPath) => boolean

interface Declared {
  services: Set<string>
  volumes: Set<string>
  networks: Set<string>
  secrets: Set<string>
  configs: Set<string>
}

function declaredNames(data: Mapping): Declared {
  const keys = (key: string) => new Set(isMapping(data[key]) ? Object.keys(data[key] as Mapping) : [])
  return { services: keys('services'), volumes: keys('volumes'), networks: keys('networks'), secrets: keys('secrets'), configs: keys('configs') }
}

function missingService(name: string, declared: Declared, path: DataPath, atKey: boolean, what: string, within?: [number, number]): DataProblem {
  const suggestion = closest(name, declared.services)
  const problem: DataProblem = {
    code: 'COMPOSE_UNKNOWN_SERVICE',
    path,
    atKey,
    message: `${what} names "${name}", but there is no service "${name}" in this file.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  }
  if (within)
    problem.within = within
  if (suggestion)
    problem.suggestion = suggestion
  return problem
}

const UNDECLARED = {
  volumes: { code: 'COMPOSE_UNDECLARED_VOLUME', noun: 'volume' },
  networks: { code: 'COMPOSE_UNDECLARED_NETWORK', noun: 'network' },
  secrets: { code: 'COMPOSE_UNDECLARED_SECRET', noun: 'secret' },
  configs: { code: 'COMPOSE_UNDECLARED_CONFIG', noun: 'config' },
} as const

function undeclared(kind: keyof typeof UNDECLARED, name: string, service: string, path: DataPath, atKey: boolean, declared: Declared, within?: [number, number]): DataProblem {
  const { code, noun } = UNDECLARED[kind]
  const suggestion = closest(name, declared[kind])
  const problem: DataProblem = {
    code,
    path,
    atKey,
    message: `Service "${service}" uses the ${noun} "${name}", which is not declared: add "${name}:" under the top-level \`${kind}:\` key.${suggestion ? ` Or did you mean "${suggestion}"?` : ''}`,
  }
  if (within)
    problem.within = within
  if (suggestion)
    problem.suggestion = suggestion
  return problem
}

function checkPorts(service: string, ports: unknown, base: DataPath, isUnknown: IsUnknown, problems: DataProblem[]): void {
  if (!Array.isArray(ports))
    return
  ports.forEach((port, index) => {
    const path = [...base, index]
    if (isUnknown(path) || typeof port !== 'string')
      return
    const result = parsePublish(port)
    if (!result.ok) {
      problems.push({ code: 'COMPOSE_INVALID_PORT', path, atKey: false, within: [result.start, Math.max(result.end, result.start + 1)], message: `Invalid port mapping "${port}" in service "${service}": ${result.message}. The form is [host:]container[/protocol], e.g. "8000:5000".` })
    }
  })
}

/**
 * Daemon refusals of a source name that do not apply to Compose: Compose expands `~` itself, and a
 * name that is not a path is a named volume, which must be declared (reported as such).
 */
const NOT_FOR_COMPOSE = /includes invalid characters/

function checkVolumes(service: string, volumes: unknown, base: DataPath, declared: Declared, isUnknown: IsUnknown, problems: DataProblem[]): void {
  if (!Array.isArray(volumes))
    return
  volumes.forEach((volume, index) => {
    const path = [...base, index]
    if (isUnknown(path))
      return
    if (typeof volume === 'string') {
      const result = parseVolume(volume)
      if (!result.ok) {
        problems.push({ code: 'COMPOSE_INVALID_VOLUME', path, atKey: false, within: [result.start, Math.max(result.end, result.start + 1)], message: `Invalid volume "${volume}" in service "${service}": ${result.message}. The form is source:/path/in/container[:ro].` })
        return
      }
      const { type, source } = result.value
      if (result.daemon && !NOT_FOR_COMPOSE.test(result.daemon.message)) {
        problems.push({ code: 'COMPOSE_INVALID_VOLUME', path, atKey: false, within: [result.daemon.start, Math.max(result.daemon.end, result.daemon.start + 1)], message: `Invalid volume "${volume}" in service "${service}": ${result.daemon.message}.` })
        return
      }
      // A command substitution is reported as such: the name it makes is not what was meant.
      if (type === 'volume' && source && !declared.volumes.has(source) && !/\$\(|`/.test(source))
        problems.push(undeclared('volumes', source, service, path, false, declared, [0, source.length]))
      return
    }
    if (isMapping(volume) && volume.type === 'volume' && typeof volume.source === 'string' && volume.source !== '' && !declared.volumes.has(volume.source) && !isUnknown([...path, 'source']))
      problems.push(undeclared('volumes', volume.source, service, [...path, 'source'], false, declared))
  })
}

function checkGrants(kind: 'secrets' | 'configs', service: string, grants: unknown, base: DataPath, declared: Declared, isUnknown: IsUnknown, problems: DataProblem[]): void {
  if (!Array.isArray(grants))
    return
  grants.forEach((grant, index) => {
    const path = typeof grant === 'string' ? [...base, index] : [...base, index, 'source']
    const name = typeof grant === 'string' ? grant : isMapping(grant) && typeof grant.source === 'string' ? grant.source : null
    if (name !== null && !isUnknown(path) && !declared[kind].has(name))
      problems.push(undeclared(kind, name, service, path, false, declared))
  })
}

/** The container path of each mount (tmpfs, then volumes), as compose-go compares them. */
function checkMountTargets(service: string, definition: Mapping, base: DataPath, isUnknown: IsUnknown, problems: DataProblem[]): void {
  const seen = new Map<string, string>()
  const mounts: { target: string, path: DataPath }[] = []
  const tmpfs = typeof definition.tmpfs === 'string' ? [definition.tmpfs] : Array.isArray(definition.tmpfs) ? definition.tmpfs : []
  tmpfs.forEach((item, index) => {
    if (typeof item === 'string')
      mounts.push({ target: item.split(':')[0] ?? '', path: typeof definition.tmpfs === 'string' ? [...base, 'tmpfs'] : [...base, 'tmpfs', index] })
  })
  if (Array.isArray(definition.volumes)) {
    definition.volumes.forEach((volume, index) => {
      const path = [...base, 'volumes', index]
      if (typeof volume === 'string') {
        const parsed = parseVolume(volume)
        if (parsed.ok)
          mounts.push({ target: parsed.value.target, path })
      }
      else if (isMapping(volume) && typeof volume.target === 'string') {
        mounts.push({ target: volume.target, path })
      }
    })
  }
  for (const { target, path } of mounts) {
    if (isUnknown(path) || target === '')
      continue
    const first = seen.get(target)
    if (first !== undefined)
      problems.push({ code: 'COMPOSE_DUPLICATE_MOUNT', path, atKey: false, message: `Service "${service}" mounts two things on ${target} (also ${first}): each path in the container takes one mount.` })
    else seen.set(target, path.slice(2).join('.'))
  }
}

function checkService(name: string, service: Mapping, declared: Declared, isUnknown: IsUnknown, problems: DataProblem[]): void {
  const base = ['services', name] as const
  if (!('image' in service) && !('build' in service) && !('extends' in service) && !('provider' in service)) {
    problems.push({ code: 'COMPOSE_NO_IMAGE', path: base, atKey: true, message: `Service "${name}" has neither an \`image\` to run nor a \`build\` to make one: add image: (e.g. image: nginx) or build: (e.g. build: .).` })
  }
  for (const { name: target, key } of listedNames(service.depends_on)) {
    const path = [...base, 'depends_on', key]
    if (!declared.services.has(target) && !isUnknown(path))
      problems.push(missingService(target, declared, path, typeof key === 'string', `depends_on of service "${name}"`))
  }
  if (Array.isArray(service.links)) {
    service.links.forEach((link, index) => {
      const path = [...base, 'links', index]
      const target = typeof link === 'string' ? (link.split(':')[0] ?? '') : ''
      if (typeof link === 'string' && !declared.services.has(target) && !isUnknown(path))
        problems.push(missingService(target, declared, path, false, `links of service "${name}"`, [0, target.length]))
    })
  }
  // Namespaces shared with another service (compose-go makes each a dependency too).
  for (const key of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']) {
    const value = service[key]
    if (typeof value !== 'string' || !value.startsWith('service:'))
      continue
    const target = value.slice('service:'.length)
    const path = [...base, key]
    if (!declared.services.has(target) && !isUnknown(path))
      problems.push(missingService(target, declared, path, false, `${key} of service "${name}"`, [8, value.length]))
  }
  if ('network_mode' in service && 'networks' in service) {
    problems.push({ code: 'COMPOSE_NETWORK_MODE_WITH_NETWORKS', path: [...base, 'networks'], atKey: true, message: `Service "${name}" has both network_mode and networks: a container either shares a network stack (network_mode) or joins networks, not both.` })
  }
  if (Array.isArray(service.volumes_from)) {
    service.volumes_from.forEach((from, index) => {
      const path = [...base, 'volumes_from', index]
      if (typeof from !== 'string' || from.startsWith('container:') || isUnknown(path))
        return
      const target = from.split(':')[0] ?? ''
      if (!declared.services.has(target))
        problems.push(missingService(target, declared, path, false, `volumes_from of service "${name}"`, [0, target.length]))
    })
  }
  const extended = typeof service.extends === 'string' ? { service: service.extends } : isMapping(service.extends) ? service.extends : null
  if (extended && typeof extended.service === 'string' && extended.file === undefined) {
    const path = typeof service.extends === 'string' ? [...base, 'extends'] : [...base, 'extends', 'service']
    if (!declared.services.has(extended.service) && !isUnknown(path))
      problems.push(missingService(extended.service, declared, path, false, `extends of service "${name}"`))
  }
  for (const { name: network, key } of listedNames(service.networks)) {
    const path = [...base, 'networks', key]
    if (network !== 'default' && !declared.networks.has(network) && !isUnknown(path))
      problems.push(undeclared('networks', network, name, path, typeof key === 'string', declared))
  }
  const test = isMapping(service.healthcheck) ? service.healthcheck.test : undefined
  if (Array.isArray(test) && test.length > 0 && !['CMD', 'CMD-SHELL', 'NONE'].includes(String(test[0]))) {
    problems.push({ code: 'COMPOSE_INVALID_HEALTHCHECK', path: [...base, 'healthcheck', 'test', 0], atKey: false, message: `healthcheck.test of service "${name}" starts with "${String(test[0])}": as a list it starts with CMD (run this program), CMD-SHELL (run this shell command) or NONE. Or write the command as one text.` })
  }
  checkMountTargets(name, service, base, isUnknown, problems)
  checkPorts(name, service.ports, [...base, 'ports'], isUnknown, problems)
  checkVolumes(name, service.volumes, [...base, 'volumes'], declared, isUnknown, problems)
  checkGrants('secrets', name, service.secrets, [...base, 'secrets'], declared, isUnknown, problems)
  checkGrants('configs', name, service.configs, [...base, 'configs'], declared, isUnknown, problems)
}

/**
 * Each service's dependencies, in the order they are listed: depends_on, then what compose-go adds
 * (loader/normalize.go): each service named by links and by a `service:` namespace.
 */
export function dependencyGraph(services: Mapping): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const [name, service] of Object.entries(services)) {
    if (!isMapping(service)) {
      graph.set(name, [])
      continue
    }
    const names = listedNames(service.depends_on).map(entry => entry.name)
    for (const link of Array.isArray(service.links) ? service.links : []) names.push(String(link).split(':')[0] ?? '')
    for (const key of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']) {
      const value = service[key]
      if (typeof value === 'string' && value.startsWith('service:'))
        names.push(value.slice('service:'.length))
    }
    graph.set(name, [...new Set(names)].filter(dependency => dependency in services))
  }
  return graph
}

/**
 * The order `docker compose up` starts services in: each after what it depends on, otherwise in file
 * order; `cycle` lists the services of a dependency circle (then the order is only partial).
 */
export function startOrder(services: Mapping): { order: string[], cycle: string[] | null } {
  const graph = dependencyGraph(services)
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  let cycle: string[] | null = null
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done')
      return
    if (state.get(name) === 'visiting') {
      cycle ??= [...trail.slice(trail.indexOf(name)), name]
      return
    }
    state.set(name, 'visiting')
    for (const dependency of graph.get(name) ?? []) visit(dependency, [...trail, name])
    state.set(name, 'done')
    order.push(name)
  }
  for (const name of graph.keys()) visit(name, [])
  return { order, cycle }
}

/** Every problem of `data` beyond the schema. `data` is the interpolated file; it may break the schema. */
export function composeConfigProblems(data: unknown, isUnknown: IsUnknown = () => false): DataProblem[] {
  if (!isMapping(data) || !isMapping(data.services))
    return []
  const declared = declaredNames(data)
  const problems: DataProblem[] = []
  for (const [name, service] of Object.entries(data.services)) {
    if (isMapping(service))
      checkService(name, service, declared, isUnknown, problems)
  }
  if (isMapping(data.secrets)) {
    for (const [name, secret] of Object.entries(data.secrets)) {
      if (isMapping(secret) && !secret.external && secret.file === undefined && secret.environment === undefined)
        problems.push({ code: 'COMPOSE_SECRET_WITHOUT_SOURCE', path: ['secrets', name], atKey: true, message: `Secret "${name}" needs \`file:\` (a file holding it) or \`environment:\` (a variable holding it), or \`external: true\`.` })
    }
  }
  const { cycle } = startOrder(data.services)
  if (cycle) {
    problems.push({ code: 'COMPOSE_DEPENDENCY_CYCLE', path: ['services', cycle[0]!, 'depends_on'], atKey: true, message: `These services wait for each other in a circle, so none can start: ${cycle.join(' → ')}.` })
  }
  return problems
}
