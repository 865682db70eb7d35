// docker compose on the simulated host, as far as the deck's Flask + Redis example needs it: up (-d or
// attached), down, ps, logs (-f), exec, build, stop/start/restart, pull, config. The file is read by the
// Compose engineer's reader (lib/compose/read.ts: YAML, interpolation, schema); each service becomes a
// container named PROJECT-SERVICE-1 on the network PROJECT_default, where services find each other by name.
//
// Progress lines are Compose v2's plain form (what it prints when stderr is not a terminal): ` Container
// x  Created`. The terminal form (`[+] Running 3/3 … 0.1s`) carries timings, which cannot be deterministic.

import type { ClientContext } from './commands'
import type { Invocation } from './invocation'
import type { ContainerRecord, ImageRecord, LogEntry } from './state'
import { startOrder } from '../compose/checks'
import { readComposeFile } from '../compose/read'
import { createFromFlags, notSimulated, portsText, statusText } from './commands'
import { registerCompose } from './compose'
import { DaemonError, normaliseReference } from './docker-host'
import { ellipsis, formatRows, goQuote, humanDuration } from './format'
import { allValues, isSet, lastValue } from './invocation'
import { Interrupted } from './process'
import { blockedOn } from './processes'

const FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']

interface Service {
  name: string
  image: string | null
  build: { context: string, dockerfile: string | null, target: string | null } | null
  command: string[] | null
  entrypoint: string[] | null
  environment: string[]
  ports: string[]
  volumes: string[]
  dependsOn: string[]
  stopSignal: string | null
  restart: string | null
  workingDir: string | null
  containerName: string | null
}

interface Project {
  name: string
  directory: string
  services: Service[]
  namedVolumes: string[]
}

class ComposeError extends Error {}

function words(value: unknown): string[] | null {
  if (Array.isArray(value))
    return value.map(String)
  if (typeof value === 'string')
    return value.split(/\s+/).filter(Boolean) // Compose splits a string command shell-style; quotes are rare in the deck
  return null
}

function list(value: unknown): string[] {
  if (Array.isArray(value))
    return value.map(item => typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))
  return []
}

/** Compose's own options the simulator reads (-f once, -p); any other says so instead of being dropped. */
const READ_GROUP_OPTIONS = new Set(['file', 'project-name', 'ansi', 'progress', 'no-ansi'])

class NotSimulated extends Error {}

function readProject(context: ClientContext, invocation: Invocation): Project {
  const { host, io } = context
  const given = allValues(invocation, 'file')
  if (given.length > 1)
    throw new NotSimulated('merges the Compose files given with -f, in order, into one project')
  const group = [...invocation.groupFlags].find(flag => !READ_GROUP_OPTIONS.has(flag))
  if (group)
    throw new NotSimulated(`reads Compose's --${group} option before running the subcommand`)
  const directory = io.cwd
  const path = given.length
    ? (given[0]!.startsWith('/') ? given[0]! : `${directory}/${given[0]}`)
    : FILE_NAMES.map(name => `${directory}/${name}`).find(candidate => host.hostFiles.stat(candidate)?.kind === 'file')
  if (!path || !host.hostFiles.stat(path))
    throw new ComposeError(given.length ? `open ${path}: no such file or directory` : 'no configuration file provided: not found')
  const reading = readComposeFile(host.hostFiles.readFile(path), { environment: Object.fromEntries(io.env) })
  const problem = reading.issues.find(issue => issue.severity === 'error')
  if (problem || !reading.data)
    throw new ComposeError(`${path}: ${problem?.message ?? 'not a Compose file'}`)
  const data = reading.data
  const services = (data.services ?? {}) as Record<string, Record<string, unknown>>
  const projectName = (lastValue(invocation, 'project-name') ?? (typeof data.name === 'string' ? data.name : directory.split('/').pop() ?? 'project'))
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
  const order = startOrder(services as never).order
  return {
    name: projectName,
    directory,
    namedVolumes: Object.keys((data.volumes ?? {}) as object),
    services: order.map((name) => {
      const raw = services[name] ?? {}
      const build = raw.build
      const environment = raw.environment
      return {
        name,
        image: typeof raw.image === 'string' ? raw.image : null,
        build: build === undefined
          ? null
          : typeof build === 'string'
            ? { context: build, dockerfile: null, target: null }
            : { context: String((build as Record<string, unknown>).context ?? '.'), dockerfile: ((build as Record<string, unknown>).dockerfile as string) ?? null, target: ((build as Record<string, unknown>).target as string) ?? null },
        command: words(raw.command),
        entrypoint: words(raw.entrypoint),
        environment: Array.isArray(environment) ? environment.map(String) : environment && typeof environment === 'object' ? Object.entries(environment).map(([k, v]) => v === null ? k : `${k}=${v}`) : [],
        ports: list(raw.ports),
        volumes: list(raw.volumes),
        dependsOn: Array.isArray(raw.depends_on) ? raw.depends_on.map(String) : raw.depends_on && typeof raw.depends_on === 'object' ? Object.keys(raw.depends_on) : [],
        stopSignal: typeof raw.stop_signal === 'string' ? raw.stop_signal : null,
        restart: typeof raw.restart === 'string' ? raw.restart : null,
        workingDir: typeof raw.working_dir === 'string' ? raw.working_dir : null,
        containerName: typeof raw.container_name === 'string' ? raw.container_name : null,
      }
    }),
  }
}

function containerName(project: Project, service: Service): string {
  return service.containerName ?? `${project.name}-${service.name}-1`
}

function imageName(project: Project, service: Service): string {
  return service.image ?? `${project.name}-${service.name}`
}

function projectContainers(context: ClientContext, project: Project): { service: Service, container: ContainerRecord }[] {
  return project.services.flatMap((service) => {
    const container = context.host.findContainer(containerName(project, service))
    return container && container.config.labels['com.docker.compose.project'] === project.name ? [{ service, container }] : []
  })
}

/** Compose's plain progress line: ` Container flask_redis-web-1  Started` (on stderr). */
function progress(context: ClientContext, kind: 'Network' | 'Container' | 'Volume' | 'Image', name: string, state: string): void {
  context.io.stderr(` ${kind} ${name}  ${state}\n`)
}

async function build(context: ClientContext, project: Project, service: Service): Promise<void> {
  const { runBuild } = await import('./build/build')
  const contextPath = service.build!.context.startsWith('/') ? service.build!.context : `${project.directory}/${service.build!.context}`
  const code = await runBuild(context.host, context.io, {
    contextPath,
    dockerfile: service.build!.dockerfile,
    tags: [imageName(project, service)],
    noCache: false,
    target: service.build!.target ?? undefined,
    buildArgs: {},
    progress: 'plain',
    quiet: false,
  })
  if (code !== 0)
    throw new ComposeError(`failed to solve: service "${service.name}" did not build (exit ${code})`)
}

async function ensureImage(context: ClientContext, project: Project, service: Service, forceBuild: boolean): Promise<ImageRecord> {
  const { host } = context
  const name = imageName(project, service)
  if (service.build && (forceBuild || !host.findImage(name)))
    await build(context, project, service)
  const found = host.findImage(name)
  if (found)
    return found
  const entry = host.catalogEntry(name)
  if (!entry)
    throw new ComposeError(`Error response from daemon: pull access denied for ${name.split(':')[0]}, repository does not exist or may require 'docker login'`)
  context.io.stderr(` ${service.name} Pulling \n ${service.name} Pulled \n`)
  return host.addCatalogImage(entry, name).image
}

interface ContainerSpec {
  image: ImageRecord
  imageReference: string
  name: string
  command: string[] | null
  entrypoint: string[] | null
  env: string[]
  ports: string[]
  volumes: string[]
  network: string
  aliases: string[]
  labels: Record<string, string>
  stopSignal: string | null
  restart: string | null
  workingDir: string | null
}

/** A service's container, made through the same reading of flags as `docker run` (publish, volume, env…). */
function createFromSpec(context: ClientContext, spec: ContainerSpec): ContainerRecord {
  const flags = new Map<string, string[]>([
    ['name', [spec.name]],
    ['publish', spec.ports],
    ['volume', spec.volumes],
    ['env', spec.env],
    ['network', [spec.network]],
    ['network-alias', spec.aliases],
    ['label', Object.entries(spec.labels).map(([k, v]) => `${k}=${v}`)],
    ['detach', ['true']],
  ])
  if (spec.stopSignal)
    flags.set('stop-signal', [spec.stopSignal])
  if (spec.restart)
    flags.set('restart', [spec.restart])
  if (spec.workingDir)
    flags.set('workdir', [spec.workingDir])
  if (spec.entrypoint)
    flags.set('entrypoint', [spec.entrypoint.join(' ')])
  return createFromFlags(context, flags, spec.command ?? [], spec.image, spec.imageReference)
}

function portBindingsOf(ports: string[]): string[] {
  return ports.map(port => port.startsWith('{')
    ? (() => {
        const long = JSON.parse(port) as { published?: string | number, target: number, host_ip?: string, protocol?: string }
        return `${long.host_ip ? `${long.host_ip}:` : ''}${long.published ?? ''}${long.published ? ':' : ''}${long.target}${long.protocol ? `/${long.protocol}` : ''}`
      })()
    : port)
}

/**
 * `up SERVICE…`: the named services and, unless --no-deps, what they depend on (transitively), in
 * the project's start order; never the services that depend on them.
 */
function servicesToStart(project: Project, invocation: Invocation): Service[] {
  if (!invocation.args.length)
    return project.services
  const unknown = invocation.args.find(name => !project.services.some(s => s.name === name))
  if (unknown)
    throw new ComposeError(`no such service: ${unknown}`)
  const chosen = new Set<string>()
  const add = (name: string): void => {
    if (chosen.has(name))
      return
    chosen.add(name)
    if (!isSet(invocation, 'no-deps'))
      project.services.find(s => s.name === name)?.dependsOn.forEach(add)
  }
  invocation.args.forEach(add)
  return project.services.filter(s => chosen.has(s.name))
}

async function up(context: ClientContext, invocation: Invocation): Promise<number> {
  const { host, io } = context
  const project = readProject(context, invocation)
  const networkName = `${project.name}_default`
  const wanted = servicesToStart(project, invocation)
  for (const service of wanted)
    await ensureImage(context, project, service, isSet(invocation, 'build'))
  if (!host.findNetwork(networkName)) {
    progress(context, 'Network', networkName, 'Creating')
    host.createNetwork(networkName)
    progress(context, 'Network', networkName, 'Created')
  }
  for (const volume of project.namedVolumes) {
    const name = `${project.name}_${volume}`
    if (!host.volumes.some(v => v.name === name)) {
      progress(context, 'Volume', `"${name}"`, 'Creating')
      host.createVolume(name, { 'com.docker.compose.project': project.name, 'com.docker.compose.volume': volume })
      progress(context, 'Volume', `"${name}"`, 'Created')
    }
  }
  const started: ContainerRecord[] = []
  for (const service of wanted) {
    const name = containerName(project, service)
    let container = host.findContainer(name)
    if (container) {
      progress(context, 'Container', name, 'Running')
    }
    else {
      const image = await ensureImage(context, project, service, false)
      progress(context, 'Container', name, 'Creating')
      container = createFromSpec(context, {
        image,
        imageReference: imageName(project, service),
        name,
        command: service.command,
        entrypoint: service.entrypoint,
        env: service.environment,
        ports: portBindingsOf(service.ports),
        volumes: service.volumes.map(v => v.startsWith('.') ? `${project.directory}${v.slice(1).startsWith('/') || v.slice(1).startsWith(':') ? '' : '/'}${v.slice(1)}` : v).map(v => v.replace(/^([\w.-]+):/, (all, volume: string) => project.namedVolumes.includes(volume) ? `${project.name}_${volume}:` : all)),
        network: networkName,
        aliases: [service.name],
        labels: {
          'com.docker.compose.project': project.name,
          'com.docker.compose.service': service.name,
          'com.docker.compose.container-number': '1',
          'com.docker.compose.project.working_dir': project.directory,
        },
        stopSignal: service.stopSignal,
        restart: service.restart,
        workingDir: service.workingDir,
      })
      progress(context, 'Container', name, 'Created')
    }
    started.push(container)
  }
  const detach = isSet(invocation, 'detach') || isSet(invocation, 'wait')
  if (!detach)
    io.stdout(`Attaching to ${started.map(c => c.name.replace(`${project.name}-`, '')).join(', ')}\n`)
  for (const container of started) {
    if (container.status === 'running')
      continue
    if (detach)
      progress(context, 'Container', container.name, 'Starting')
    try {
      host.start(container)
    }
    catch (failure) {
      if (failure instanceof DaemonError) {
        io.stderr(`Error response from daemon: ${failure.message}\n`)
        return 1
      }
      throw failure
    }
    if (detach)
      progress(context, 'Container', container.name, 'Started')
  }
  if (detach)
    return 0
  return attachLogs(context, project, started, true)
}

/** `web-1  | line`: the prefix is the service and number, padded to the longest (Compose's log printer). */
async function attachLogs(context: ClientContext, project: Project, containers: ContainerRecord[], stopOnInterrupt: boolean): Promise<number> {
  const { host, io } = context
  const short = (c: ContainerRecord): string => c.name.startsWith(`${project.name}-`) ? c.name.slice(project.name.length + 1) : c.name
  const width = Math.max(...containers.map(c => short(c).length))
  const pending = new Map<string, string>()
  const print = (container: ContainerRecord, entry: LogEntry): void => {
    const text = (pending.get(container.id) ?? '') + entry.text.replace(/\r\n/g, '\n')
    const lines = text.split('\n')
    pending.set(container.id, lines.pop() ?? '')
    for (const line of lines)
      io.stdout(`${short(container).padEnd(width)}  | ${line}\n`)
  }
  const unsubscribe = containers.map(c => host.follow(c, entry => print(c, entry)))
  try {
    // Until every container has exited, or Ctrl-C (SIGINT ends the wait below).
    await blockedOn(io, Promise.race([
      Promise.all(containers.map(c => host.waitForExit(c).then(code => io.stdout(`${short(c)} exited with code ${code}\n`)))),
      new Promise<never>((_resolve, reject) => {
        void io.clock.sleep(Number.MAX_SAFE_INTEGER).catch(reject)
      }),
    ]))
  }
  catch (failure) {
    if (!(failure instanceof Interrupted))
      throw failure
    if (!stopOnInterrupt)
      return 0
    io.stdout('Gracefully stopping... (press Ctrl+C again to force)\n')
    for (const container of [...containers].reverse()) {
      progress(context, 'Container', container.name, 'Stopping')
      await blockedOn(io, host.stop(container, null))
      progress(context, 'Container', container.name, 'Stopped')
    }
    return 130
  }
  finally {
    for (const stop of unsubscribe)
      stop()
  }
  return 0
}

async function down(context: ClientContext, invocation: Invocation): Promise<number> {
  const { host } = context
  const project = readProject(context, invocation)
  const timeout = lastValue(invocation, 'timeout')
  for (const { container } of projectContainers(context, project).reverse()) {
    if (host.mainProcess(container)) {
      progress(context, 'Container', container.name, 'Stopping')
      await blockedOn(context.io, host.stop(container, timeout === undefined ? null : Number(timeout)))
      progress(context, 'Container', container.name, 'Stopped')
    }
    progress(context, 'Container', container.name, 'Removing')
    // -v also removes the anonymous volumes attached to the containers (Compose's reference for down --volumes).
    host.removeContainer(container, { force: true, volumes: isSet(invocation, 'volumes') })
    progress(context, 'Container', container.name, 'Removed')
  }
  const networkName = `${project.name}_default`
  if (host.findNetwork(networkName)) {
    progress(context, 'Network', networkName, 'Removing')
    host.removeNetwork(networkName)
    progress(context, 'Network', networkName, 'Removed')
  }
  if (isSet(invocation, 'volumes')) {
    for (const volume of project.namedVolumes) {
      const name = `${project.name}_${volume}`
      if (host.volumes.some(v => v.name === name)) {
        progress(context, 'Volume', name, 'Removing')
        host.removeVolume(name)
        progress(context, 'Volume', name, 'Removed')
      }
    }
  }
  return 0
}

async function ps(context: ClientContext, invocation: Invocation): Promise<number> {
  const { host, io } = context
  const project = readProject(context, invocation)
  const all = isSet(invocation, 'all')
  const rows = projectContainers(context, project)
    .filter(({ container }) => all || container.status === 'running' || container.status === 'paused' || container.status === 'restarting')
    .map(({ service, container }) => ({
      Name: container.name,
      Image: container.image,
      Command: goQuote(ellipsis([container.path, ...container.args].join(' '), 20)),
      Service: service.name,
      RunningFor: `${humanDuration(host.now() - container.created)} ago`,
      Status: statusText(host, container),
      Ports: portsText(container, container.status === 'running' || container.status === 'paused'),
    }))
  if (isSet(invocation, 'quiet')) {
    io.stdout(rows.map(row => `${host.findContainer(row.Name)!.id}\n`).join(''))
    return 0
  }
  const format = lastValue(invocation, 'format')
  io.stdout(formatRows(format === undefined || format === 'table' ? 'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}' : format, { Name: 'NAME', Image: 'IMAGE', Command: 'COMMAND', Service: 'SERVICE', RunningFor: 'CREATED', Status: 'STATUS', Ports: 'PORTS' }, rows))
  return 0
}

async function logs(context: ClientContext, invocation: Invocation): Promise<number> {
  const { host, io } = context
  const project = readProject(context, invocation)
  const chosen = projectContainers(context, project).filter(({ service }) => invocation.args.length === 0 || invocation.args.includes(service.name)).map(({ container }) => container)
  if (chosen.length === 0)
    return 0
  const short = (c: ContainerRecord): string => c.name.slice(project.name.length + 1)
  const width = Math.max(...chosen.map(c => short(c).length))
  for (const container of chosen) {
    const text = container.logs.map(entry => entry.text).join('').replace(/\r\n/g, '\n')
    // A service that has printed nothing yet (Flask still starting) has no line at all.
    if (!text)
      continue
    for (const line of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined))
      io.stdout(`${short(container).padEnd(width)}  | ${line}\n`)
  }
  if (!isSet(invocation, 'follow'))
    return 0
  return attachLogs(context, project, chosen.filter(c => host.mainProcess(c)), false)
}

async function exec(context: ClientContext, invocation: Invocation): Promise<number> {
  const { host } = context
  const project = readProject(context, invocation)
  const service = project.services.find(s => s.name === invocation.args[0])
  if (!service)
    throw new ComposeError(`service "${invocation.args[0]}" is not running`)
  const container = host.findContainer(containerName(project, service))
  if (!container || !host.mainProcess(container))
    throw new ComposeError(`service "${service.name}" is not running`)
  // compose exec allocates a terminal unless -T (or no terminal is there).
  const argv = ['exec', ...(isSet(invocation, 'no-TTY') || !context.io.tty ? [] : ['-t']), '-i', container.name, ...invocation.command]
  const { runDockerCommand } = await import('./commands')
  return runDockerCommand(context, argv)
}

async function buildCommand(context: ClientContext, invocation: Invocation): Promise<number> {
  const project = readProject(context, invocation)
  for (const service of project.services.filter(s => s.build && (invocation.args.length === 0 || invocation.args.includes(s.name))))
    await build(context, project, service)
  return 0
}

async function lifecycle(context: ClientContext, invocation: Invocation, action: 'stop' | 'start' | 'restart' | 'rm'): Promise<number> {
  const { host } = context
  const project = readProject(context, invocation)
  const chosen = projectContainers(context, project).filter(({ service }) => invocation.args.length === 0 || invocation.args.includes(service.name))
  for (const { container } of action === 'start' ? chosen : [...chosen].reverse()) {
    if (action === 'stop' || action === 'restart') {
      progress(context, 'Container', container.name, 'Stopping')
      await blockedOn(context.io, host.stop(container, null))
      progress(context, 'Container', container.name, 'Stopped')
    }
    if (action === 'start' || action === 'restart') {
      progress(context, 'Container', container.name, action === 'start' ? 'Starting' : 'Restarting')
      host.start(container)
      progress(context, 'Container', container.name, 'Started')
    }
    if (action === 'rm' && !host.mainProcess(container)) {
      progress(context, 'Container', container.name, 'Removing')
      host.removeContainer(container)
      progress(context, 'Container', container.name, 'Removed')
    }
  }
  return 0
}

registerCompose(async (context, invocation) => {
  const sub = invocation.path[1]
  try {
    switch (sub) {
      case 'up': return await up(context, invocation)
      case 'down': return await down(context, invocation)
      case 'ps': return await ps(context, invocation)
      case 'logs': return await logs(context, invocation)
      case 'exec': return await exec(context, invocation)
      case 'build': return await buildCommand(context, invocation)
      case 'stop':
      case 'start':
      case 'restart':
      case 'rm': return await lifecycle(context, invocation, sub)
      case 'pull': {
        const project = readProject(context, invocation)
        for (const service of project.services.filter(s => s.image))
          await ensureImage(context, project, service, false)
        return 0
      }
      default:
        context.io.stdout(notSimulated(`docker compose ${sub}`, 'manages the project\'s services'))
        return 0
    }
  }
  catch (failure) {
    if (failure instanceof NotSimulated) {
      context.io.stdout(notSimulated(`docker compose ${sub}`, failure.message))
      return 0
    }
    if (failure instanceof ComposeError) {
      context.io.stderr(`${failure.message}\n`)
      return 1
    }
    throw failure
  }
})

export { normaliseReference }
