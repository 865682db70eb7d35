// One simulated Docker host: images, containers and their main processes, volumes, networks and
// published ports, logs and a clock. Commands (commands.ts) call these operations and word the
// answers; an operation that the daemon would refuse throws a DaemonError with the daemon's text.

import type { CatalogImage, ImageConfig } from '../docker/catalog'
import type { Layer } from './fs'
import type { ContainerSystem, HttpHandler, HttpRequest, HttpResponse, MountInfo, Network, ProcessIO, Program, Signal } from './process'
import type { ProgramLookup } from './processes'
import type { ContainerRecord, HostSnapshot, ImageRecord, LogEntry, MountRecord, NetworkRecord, PortBinding, RestartPolicy, VolumeRecord } from './state'
import { defaultCommand, findCatalogImage } from '../docker/catalog'
import { SimClock } from './clock'
import { SimFileSystem } from './fs'
import { catalogImageLayer } from './image-files'
import { IMAGE_PROGRAMS } from './image-programs'
import * as messages from './messages'
import { randomContainerName } from './names'
import { SimProcess } from './processes'
import { lookupProgram } from './programs'
import { SeededRandom, stableHex } from './random'
import { systemTool } from './system-tools'
import { resolveUser } from './users'

/** An error the daemon answers with: commands print `Error response from daemon: ${message}`. */
export class DaemonError extends Error {
  constructor(message: string, readonly status: 'not-found' | 'conflict' | 'invalid' | 'internal' | 'not-simulated' = 'invalid') {
    super(message)
  }
}

/** The simulated date of a fresh host: 2026-12-01 09:00:00 UTC (any fixed day would do; this one is the deck's). */
export const EPOCH = Date.UTC(2026, 11, 1, 9, 0, 0)

export interface DockerHostOptions {
  /** Where programs come from (shells, Python, servers); without it no program runs. */
  programs?: ProgramLookup
  seed?: number
  /** The student's computer; a fresh one has /home/student. */
  hostFiles?: SimFileSystem
}

/** What one container spec asks for, after the command line is read (commands.ts builds it). */
export interface CreateRequest {
  image: ImageRecord
  imageReference: string
  name: string | null
  command: string[] | null
  entrypoint: string[] | null
  env: string[]
  workingDir: string | null
  user: string | null
  hostname: string | null
  tty: boolean
  openStdin: boolean
  ports: PortBinding[]
  publishAll: boolean
  exposed: string[]
  mounts: { type: 'volume' | 'bind' | 'tmpfs', source: string | null, target: string, readOnly: boolean }[]
  restart: RestartPolicy
  autoRemove: boolean
  network: string | null
  networkAliases: string[]
  labels: Record<string, string>
  stopSignal: string | null
  stopTimeout: number | null
  readOnly: boolean
  /** --init: docker-init (tini) is PID 1 and passes signals on, so the program gets the default handling. */
  init: boolean
  /** The -v values as given (inspect's HostConfig.Binds). */
  binds: string[]
  detached: boolean
}

interface Running {
  process: SimProcess
  /** Processes `docker exec` started, while they run: `ps` and `docker top` list them beside PID 1's tree. */
  execs: Set<SimProcess>
  /** Where the attached clients want the output (docker run without -d, docker attach, logs -f). */
  listeners: Set<(entry: LogEntry) => void>
}

/** moby daemon/names: validContainerNamePattern. */
/** Addresses that keep a server to its own container's network namespace. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1'])
const VALID_NAME = /^\/?[a-z0-9][\w.-]+$/i

const BRIDGE_SUBNET_BASE = 17 // 172.17.0.0/16 is the default bridge; user networks take 172.18, 172.19…

export class DockerHost {
  readonly clock: SimClock
  readonly random: SeededRandom
  readonly seed: number
  images: ImageRecord[] = []
  containers: ContainerRecord[] = []
  volumes: VolumeRecord[] = []
  networks: NetworkRecord[] = []
  /** The student's computer (the host engineer's machine replaces it: Simulator). */
  hostFiles: SimFileSystem
  readonly volumeFiles = new Map<string, SimFileSystem>()
  readonly containerFiles = new Map<string, SimFileSystem>()
  readonly running = new Map<string, Running>()
  /** Servers listening inside each container's network namespace (container id → port → handler). */
  readonly containerPorts = new Map<string, Map<number, HttpHandler>>()
  /** Of those, the ports a server opened on the container's own loopback only (`--bind 127.0.0.1`, Flask's default host). */
  readonly loopbackPorts = new Map<string, Set<number>>()
  /** Servers on the student's computer (python3 -m http.server on the host); the host machine's own map when wired. */
  hostPorts = new Map<number, HttpHandler>()
  programs: ProgramLookup
  nextPid = 1000
  /** Names the host made up (no --name): the transcript comparison needs them. */
  readonly generatedNames = new Set<string>()
  private exitWaiters = new Map<string, Set<(code: number) => void>>()

  constructor(options: DockerHostOptions = {}) {
    this.seed = options.seed ?? 1
    this.random = new SeededRandom(this.seed)
    this.clock = new SimClock(EPOCH)
    this.programs = options.programs ?? lookupProgram
    this.hostFiles = options.hostFiles ?? DockerHost.freshHostFiles(this.clock.now)
    this.networks.push(
      { id: this.random.hex(64), name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', gateway: '172.17.0.1', created: EPOCH, userDefined: false, lastHost: 1 },
      { id: this.random.hex(64), name: 'host', driver: 'host', subnet: '', gateway: '', created: EPOCH, userDefined: false, lastHost: 0 },
      { id: this.random.hex(64), name: 'none', driver: 'null', subnet: '', gateway: '', created: EPOCH, userDefined: false, lastHost: 0 },
    )
  }

  static freshHostFiles(now: () => number): SimFileSystem {
    const files = new SimFileSystem({ now })
    files.mkdir('/home/student', { parents: true })
    files.mkdir('/tmp', { parents: true })
    return files
  }

  /** Unix time (ms) now on the simulated host: what Docker's timestamps show. */
  now(): number {
    return this.clock.epochMs + this.clock.now()
  }

  // ——— images ———

  /** An image by name (`python:3.12`, `python` = `python:latest`), full or short ID, or null. */
  findImage(reference: string): ImageRecord | null {
    const wanted = normaliseReference(reference)
    const byTag = this.images.find(image => image.repoTags.includes(wanted))
    if (byTag)
      return byTag
    const bare = reference.startsWith('sha256:') ? reference.slice(7) : reference
    if (/^[0-9a-f]{1,64}$/.test(bare)) {
      const matches = this.images.filter(image => image.id.slice(7).startsWith(bare))
      if (matches.length === 1)
        return matches[0]!
    }
    return null
  }

  /** The image a pull of `reference` would fetch, from the catalog; null when the catalog does not hold it. */
  catalogEntry(reference: string): CatalogImage | null {
    const { repository, tag } = splitReference(reference)
    return findCatalogImage(repository, tag)
  }

  /** Adds a catalog image as pulled (or tags it anew); returns the record and whether it was already there. */
  addCatalogImage(entry: CatalogImage, reference: string): { image: ImageRecord, wasPresent: boolean } {
    const id = `sha256:${stableHex(`catalog ${entry.repository}:${entry.tag}`)}`
    const tagName = normaliseReference(reference)
    const existing = this.images.find(image => image.id === id)
    if (existing) {
      const wasPresent = existing.repoTags.includes(tagName)
      if (!wasPresent)
        this.retag(existing, tagName)
      return { image: existing, wasPresent }
    }
    const image: ImageRecord = {
      id,
      repoTags: [],
      catalog: { repository: entry.repository, tag: entry.tag },
      config: entry.config,
      history: [...entry.history],
      layerIds: entry.history.filter(step => step.size > 0).map((_, i) => stableHex(`layer ${entry.repository}:${entry.tag} ${i}`, 12)),
      diskBytes: entry.diskBytes,
      contentBytes: entry.contentBytes,
      created: Date.parse(`${entry.created}T00:00:00Z`),
      layers: null,
      parentId: null,
    }
    this.images.push(image)
    this.retag(image, tagName)
    return { image, wasPresent: false }
  }

  /** Points `tag` at `image`, taking it from any image that had it (that one may become dangling). */
  retag(image: ImageRecord, tag: string): void {
    const name = normaliseReference(tag)
    for (const other of this.images) {
      if (other !== image)
        other.repoTags = other.repoTags.filter(t => t !== name)
    }
    if (!image.repoTags.includes(name)) {
      image.repoTags.push(name)
      // The reference store lists an image's tags in lexical order (moby daemon/internal/refstore/store.go, lexicalRefs).
      image.repoTags.sort()
    }
  }

  /** Registers an image a build made (the Dockerfile engineer's builder calls this). */
  addBuiltImage(image: Omit<ImageRecord, 'id' | 'repoTags'> & { tags: string[] }): ImageRecord {
    const id = `sha256:${this.random.hex(64)}`
    const record: ImageRecord = { ...image, id, repoTags: [] }
    this.images.push(record)
    for (const tag of image.tags)
      this.retag(record, tag)
    return record
  }

  imageLayers(image: ImageRecord): Layer[] {
    if (image.layers)
      return image.layers
    const entry = image.catalog ? findCatalogImage(image.catalog.repository, image.catalog.tag) : null
    return entry ? [catalogImageLayer(entry)] : []
  }

  /** The catalog facts of an image (its programs), following a built image to its base. */
  catalogOf(image: ImageRecord): CatalogImage | null {
    let current: ImageRecord | null = image
    for (let depth = 0; current && depth < 20; depth++) {
      if (current.catalog)
        return findCatalogImage(current.catalog.repository, current.catalog.tag)
      current = current.parentId ? this.images.find(i => i.id === current!.parentId) ?? null : null
    }
    return null
  }

  // ——— containers ———

  /** By full name, `/name`, full ID or unique ID prefix (moby's view.go GetByName/Get). */
  findContainer(reference: string): ContainerRecord | null {
    const name = reference.startsWith('/') ? reference.slice(1) : reference
    const exactId = this.containers.find(c => c.id === reference)
    if (exactId)
      return exactId
    const byName = this.containers.find(c => c.name === name)
    if (byName)
      return byName
    if (/^[0-9a-f]+$/.test(reference)) {
      const matches = this.containers.filter(c => c.id.startsWith(reference))
      if (matches.length === 1)
        return matches[0]!
    }
    return null
  }

  requireContainer(reference: string): ContainerRecord {
    const found = this.findContainer(reference)
    if (!found)
      throw new DaemonError(messages.noSuchContainer(reference), 'not-found')
    return found
  }

  private uniqueName(): string {
    for (let retry = 0; ; retry++) {
      const name = randomContainerName(this.random, retry)
      if (!this.containers.some(c => c.name === name))
        return name
    }
  }

  createContainer(request: CreateRequest): ContainerRecord {
    if (request.name !== null && !VALID_NAME.test(request.name))
      throw new DaemonError(messages.invalidName(request.name), 'invalid')
    if (request.name !== null) {
      const taken = this.containers.find(c => c.name === request.name)
      if (taken)
        throw new DaemonError(messages.nameConflict(request.name, taken.id), 'conflict')
    }
    if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(request.restart.name))
      throw new DaemonError(`invalid restart policy '${request.restart.name}'`, 'invalid')
    const networkName = request.network ?? 'bridge'
    const network = this.networks.find(n => n.name === networkName || n.id === networkName || (networkName.length >= 12 && n.id.startsWith(networkName)))
    if (!network && !networkName.startsWith('container:'))
      throw new DaemonError(messages.networkNotFound(networkName), 'not-found')
    const image = request.image
    const config: ImageConfig = image.config
    const entrypoint = request.entrypoint ?? (config.entrypoint ? [...config.entrypoint] : null)
    // A new entrypoint drops the image's CMD (Docker's rule); a command given replaces CMD.
    const cmd = request.command ?? (request.entrypoint ? null : (config.cmd ? [...config.cmd] : null))
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])]
    if (argv.length === 0)
      throw new DaemonError('no command specified', 'invalid')
    const id = this.random.hex(64)
    const name = request.name ?? this.uniqueName()
    if (request.name === null)
      this.generatedNames.add(name)
    const env = mergeEnv(config.env.map(([k, v]) => `${k}=${v}`), request.env)
    const container: ContainerRecord = {
      id,
      name,
      image: request.imageReference,
      imageId: image.id,
      created: this.now(),
      detached: request.detached,
      path: argv[0]!,
      args: argv.slice(1),
      config: {
        hostname: request.hostname ?? id.slice(0, 12),
        user: request.user ?? config.user,
        env,
        cmd,
        entrypoint,
        workingDir: request.workingDir ?? config.workingDir,
        tty: request.tty,
        openStdin: request.openStdin,
        exposedPorts: [...new Set([...config.exposedPorts, ...request.exposed, ...request.ports.map(p => `${p.containerPort}/${p.protocol}`)])],
        labels: request.labels,
        stopSignal: request.stopSignal ?? config.stopSignal,
        stopTimeout: request.stopTimeout,
        volumes: [...config.volumes],
      },
      hostConfig: {
        portBindings: request.ports,
        restartPolicy: request.restart,
        autoRemove: request.autoRemove,
        networkMode: request.network ?? 'default',
        binds: request.binds,
        readOnly: request.readOnly,
        init: request.init,
        publishAllPorts: request.publishAll,
      },
      status: 'created',
      exitCode: 0,
      startedAt: null,
      finishedAt: null,
      restartCount: 0,
      stoppedByUser: false,
      pid: 0,
      mounts: [],
      networks: [],
      logs: [],
      upper: { kind: 'dir', mode: 0o755, mtime: 0, entries: {} },
    }
    const files = new SimFileSystem({ layers: this.imageLayers(image), now: this.clock.now, readOnly: request.readOnly })
    // Mounts: named volumes are created on first use; image VOLUMEs nobody mounted get an anonymous volume.
    const mounted = new Set<string>()
    for (const mount of request.mounts) {
      mounted.add(mount.target)
      if (mount.type === 'volume') {
        const volume = this.volumeForMount(mount.source, files, mount.target)
        files.mount({ target: mount.target, kind: 'volume', source: this.volumeFiles.get(volume.name)!, readOnly: mount.readOnly })
        container.mounts.push({ type: 'volume', name: volume.name, source: volumeMountpoint(volume.name), destination: mount.target, readOnly: mount.readOnly })
      }
      else if (mount.type === 'bind') {
        const source = mount.source ?? '/'
        if (!this.hostFiles.stat(source))
          this.hostFiles.mkdir(source, { parents: true }) // -v creates a missing host folder (as root).
        files.mount({ target: mount.target, kind: 'bind', source: this.hostFiles, sourcePath: source, readOnly: mount.readOnly })
        container.mounts.push({ type: 'bind', name: null, source, destination: mount.target, readOnly: mount.readOnly })
      }
      else {
        files.mount({ target: mount.target, kind: 'tmpfs', source: new SimFileSystem({ now: this.clock.now }), readOnly: mount.readOnly })
        container.mounts.push({ type: 'tmpfs', name: null, source: '', destination: mount.target, readOnly: mount.readOnly })
      }
    }
    for (const target of config.volumes) {
      if (mounted.has(target))
        continue
      const volume = this.volumeForMount(null, files, target)
      files.mount({ target, kind: 'volume', source: this.volumeFiles.get(volume.name)!, readOnly: false })
      container.mounts.push({ type: 'volume', name: volume.name, source: volumeMountpoint(volume.name), destination: target, readOnly: false })
    }
    if (container.config.workingDir && !files.stat(container.config.workingDir))
      files.mkdir(container.config.workingDir, { parents: true })
    if (network) {
      container.networks.push(this.attach(network, container, request.networkAliases))
    }
    this.containers.push(container)
    this.containerFiles.set(id, files)
    container.upper = files.upper
    return container
  }

  /** A named volume (created when missing) or a new anonymous one; a new or empty volume takes the image's files at the mount point (Docker's copy-up). */
  private volumeForMount(name: string | null, files: SimFileSystem, target: string): VolumeRecord {
    let volume = name ? this.volumes.find(v => v.name === name) : undefined
    if (!volume)
      volume = this.createVolume(name ?? this.random.hex(64), {}, name === null)
    const volumeFiles = this.volumeFiles.get(volume.name)!
    if (volumeFiles.readdir('/').length === 0 && files.stat(target)?.kind === 'dir') {
      const tree = files.exportTree(target)
      if (tree.kind === 'dir') {
        for (const [entry, node] of Object.entries(tree.entries)) {
          if (node.kind !== 'whiteout')
            volumeFiles.importTree(`/${entry}`, node)
        }
      }
    }
    return volume
  }

  createVolume(name: string, labels: Record<string, string> = {}, anonymous = false): VolumeRecord {
    const existing = this.volumes.find(v => v.name === name)
    if (existing)
      return existing
    const volume: VolumeRecord = { name, created: this.now(), anonymous, labels, files: { kind: 'dir', mode: 0o755, mtime: this.now(), entries: {} } }
    this.volumes.push(volume)
    this.volumeFiles.set(name, new SimFileSystem({ now: this.clock.now }))
    return volume
  }

  volumeUsers(name: string): ContainerRecord[] {
    return this.containers.filter(c => c.mounts.some(m => m.type === 'volume' && m.name === name))
  }

  removeVolume(name: string, force = false): void {
    const volume = this.volumes.find(v => v.name === name)
    if (!volume) {
      if (force)
        return
      throw new DaemonError(messages.noSuchVolume(name), 'not-found')
    }
    const users = this.volumeUsers(name)
    if (users.length > 0)
      throw new DaemonError(messages.volumeInUse(name, users.map(c => c.id)), 'conflict')
    this.volumes = this.volumes.filter(v => v !== volume)
    this.volumeFiles.delete(name)
  }

  // ——— networks ———

  createNetwork(name: string, driver: 'bridge' = 'bridge', labels: Record<string, string> = {}): NetworkRecord {
    void labels
    if (this.networks.some(n => n.name === name))
      throw new DaemonError(messages.networkExists(name), 'conflict')
    const used = this.networks.filter(n => n.subnet.startsWith('172.')).map(n => Number(n.subnet.split('.')[1]))
    let second = BRIDGE_SUBNET_BASE + 1
    while (used.includes(second))
      second++
    const network: NetworkRecord = { id: this.random.hex(64), name, driver, subnet: `172.${second}.0.0/16`, gateway: `172.${second}.0.1`, created: this.now(), userDefined: true, lastHost: 1 }
    this.networks.push(network)
    return network
  }

  findNetwork(reference: string): NetworkRecord | null {
    return this.networks.find(n => n.name === reference || n.id === reference)
      ?? (this.networks.filter(n => n.id.startsWith(reference)).length === 1 ? this.networks.find(n => n.id.startsWith(reference))! : null)
  }

  networkEndpoints(network: NetworkRecord): ContainerRecord[] {
    return this.containers.filter(c => c.networks.some(a => a.network === network.name) && (c.status === 'running' || c.status === 'paused' || c.status === 'restarting'))
  }

  removeNetwork(reference: string): NetworkRecord {
    const network = this.findNetwork(reference)
    if (!network)
      throw new DaemonError(messages.networkNotFound(reference), 'not-found')
    if (!network.userDefined)
      throw new DaemonError(`${network.name} is a pre-defined network and cannot be removed`, 'conflict')
    const endpoints = this.networkEndpoints(network)
    if (endpoints.length > 0)
      throw new DaemonError(messages.networkHasEndpoints(network.name, network.id), 'conflict')
    this.networks = this.networks.filter(n => n !== network)
    for (const container of this.containers)
      container.networks = container.networks.filter(a => a.network !== network.name)
    return network
  }

  attach(network: NetworkRecord, container: ContainerRecord, aliases: string[] = []): { network: string, ipAddress: string, aliases: string[], endpointId: string } {
    if (network.driver !== 'bridge')
      return { network: network.name, ipAddress: '', aliases, endpointId: this.random.hex(64) }
    // libnetwork's default IPAM hands out the lowest free address (serial allocation is swarm's only):
    // a removed container's address goes to the next one.
    const [a, b] = network.subnet.split('.')
    const taken = new Set(this.containers.flatMap(c => c.networks.filter(n => n.network === network.name).map(n => n.ipAddress)))
    let host = 2
    while (taken.has(`${a}.${b}.${Math.floor(host / 256)}.${host % 256}`))
      host++
    network.lastHost = Math.max(network.lastHost, host)
    const ipAddress = `${a}.${b}.${Math.floor(host / 256)}.${host % 256}`
    return { network: network.name, ipAddress, aliases: network.userDefined ? [...aliases] : [], endpointId: this.random.hex(64) }
  }

  // ——— starting and stopping ———

  /** Binds the container's published ports on the host; throws Docker's error when one is taken. */
  private bindPorts(container: ContainerRecord): void {
    if (container.hostConfig.publishAllPorts) {
      // -P: every exposed port not published already gets a free host port, on IPv4 and IPv6.
      for (const port of container.config.exposedPorts) {
        const [number, protocol] = port.split('/') as [string, PortBinding['protocol']]
        if (container.hostConfig.portBindings.some(b => b.containerPort === Number(number) && b.protocol === protocol))
          continue
        const hostPort = this.ephemeralPort()
        container.hostConfig.portBindings.push({ hostIp: '0.0.0.0', hostPort, containerPort: Number(number), protocol }, { hostIp: '::', hostPort, containerPort: Number(number), protocol })
      }
    }
    for (const binding of container.hostConfig.portBindings) {
      if (binding.hostPort === 0) {
        // The IPv4 and IPv6 bindings of one -p share the port picked.
        const twin = container.hostConfig.portBindings.find(b => b !== binding && b.hostPort !== 0 && b.containerPort === binding.containerPort && b.protocol === binding.protocol)
        binding.hostPort = twin?.hostPort ?? this.ephemeralPort()
      }
      const holder = this.portHolder(binding)
      const endpoint = container.networks[0]
      if (holder)
        throw new DaemonError(messages.portAllocated(container.name, endpoint?.endpointId ?? container.id, binding.hostIp === '::' ? '::' : binding.hostIp, binding.hostPort), 'internal')
      if (binding.protocol === 'tcp' && this.hostPorts.has(binding.hostPort))
        throw new DaemonError(messages.portInUseOnHost(container.name, endpoint?.endpointId ?? container.id, binding.hostIp, binding.hostPort), 'internal')
    }
  }

  private ephemeralPort(): number {
    // Docker takes ports from the kernel's ephemeral range (32768 and up), the first free one.
    let port = 32768
    while (this.activeBindings().some(b => b.hostPort === port) || this.hostPorts.has(port))
      port++
    return port
  }

  /** Published ports of running containers. */
  activeBindings(): (PortBinding & { container: ContainerRecord })[] {
    return this.containers
      .filter(c => c.status === 'running' || c.status === 'paused')
      .flatMap(c => c.hostConfig.portBindings.map(b => ({ ...b, container: c })))
  }

  private portHolder(binding: PortBinding): ContainerRecord | null {
    const overlaps = (a: string, b: string): boolean => a === b || isAnyAddress(a) || isAnyAddress(b)
    return this.activeBindings().find(b => b.hostPort === binding.hostPort && b.protocol === binding.protocol && overlaps(b.hostIp, binding.hostIp))?.container ?? null
  }

  /** Starts a created or exited container's main process. Throws DaemonError for ports and missing programs. */
  start(container: ContainerRecord): void {
    if (container.status === 'running' || container.status === 'paused')
      return
    this.bindPorts(container)
    const image = this.images.find(i => i.id === container.imageId) ?? null
    const catalog = image ? this.catalogOf(image) : null
    const files = this.containerFiles.get(container.id)!
    let argv = [container.path, ...container.args]
    const pid1 = !container.hostConfig.init
    let process = this.spawnInContainer(container, argv, { pid1, tty: container.config.tty, onOutput: entry => this.log(container, entry) })
    // The official images' docker-entrypoint.sh prepares (initdb, chown…) and ends with `exec "$@"`: the simulator
    // skips the preparation (not modelled) and runs the command it would exec, as PID 1.
    if (!process.program && /(?:^|\/)docker-entrypoint\.sh$/.test(container.path) && container.args.length > 0) {
      argv = container.args
      process = this.spawnInContainer(container, argv, { pid1, tty: container.config.tty, onOutput: entry => this.log(container, entry) })
    }
    if (!process.program) {
      container.status = 'created'
      const file = this.containerFiles.get(container.id)?.stat(argv[0]!.startsWith('/') ? argv[0]! : `/${argv[0]}`)
      if (argv[0]!.includes('/') && file?.kind === 'file' && (file.mode & 0o111) === 0)
        throw new DaemonError(messages.executableNotFound(argv[0]!).replace('executable file not found in $PATH', 'permission denied'), 'internal')
      if (this.programFileExists(container, argv[0]!, process.process.io))
        throw new DaemonError(`${argv[0]} is in the image, but what it does is ${messages.NOT_SIMULATED}: Docker would start it as the container's main process`, 'not-simulated')
      throw new DaemonError(messages.executableNotFound(argv[0]!), 'internal')
    }
    void catalog
    void files
    container.status = 'running'
    container.startedAt = this.now()
    container.finishedAt = null
    container.exitCode = 0
    container.stoppedByUser = false
    container.pid = process.process.pid
    // Without -i the main process reads end of input at once (its stdin is /dev/null).
    if (!container.config.openStdin)
      process.process.closeInput()
    const running: Running = { process: process.process, execs: new Set(), listeners: new Set() }
    this.running.set(container.id, running)
    process.process.start(process.program).then(code => this.onExit(container, running, code))
  }

  /** The stdin of a running container's main process (docker run -i, attach). */
  mainProcess(container: ContainerRecord): SimProcess | null {
    return this.running.get(container.id)?.process ?? null
  }

  /** Starts a program inside a container's namespaces (its main process, or docker exec). */
  spawnInContainer(container: ContainerRecord, argv: string[], options: { pid1: boolean, tty: boolean, env?: string[], workdir?: string, user?: string, onOutput: (entry: LogEntry) => void }): { process: SimProcess, program: Program | null } {
    const env = new Map<string, string>()
    const pairs = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${container.config.hostname}`, ...container.config.env, ...(options.tty ? ['TERM=xterm'] : []), ...(options.env ?? [])]
    for (const pair of pairs) {
      const at = pair.indexOf('=')
      if (at > 0)
        env.set(pair.slice(0, at), pair.slice(at + 1))
    }
    const user = options.user || container.config.user || undefined
    // runc sets HOME from the user's passwd entry (/ when it has none) unless the image or -e set it.
    if (!env.has('HOME'))
      env.set('HOME', resolveUser(this.containerFiles.get(container.id)!, user)?.home ?? '/')
    const tty = options.tty
    const toText = (text: string): string => tty ? text.replace(/\r?\n/g, '\r\n') : text
    const process = new SimProcess({
      argv,
      env,
      cwd: options.workdir || container.config.workingDir || '/',
      fs: this.containerFiles.get(container.id)!,
      clock: this.clock,
      network: this.containerNetwork(container),
      tty,
      pid1: options.pid1,
      pid: this.nextPid++,
      ...(user ? { user } : {}),
      system: this.containerSystem(container),
      output: (stream, text) => options.onOutput({ time: this.now(), stream: tty ? 'stdout' : stream, text: toText(text) }),
      lookup: (name, io) => this.lookupProgram(container, name, io),
      notFound: name => `${argv[0] === 'sh' || argv[0] === '/bin/sh' ? 'sh: 1: ' : 'bash: '}${name}: command not found\n`,
    })
    const program = this.lookupProgram(container, argv[0] ?? '', process.io)
    return { process, program }
  }

  /** Registers a `docker exec` process for `ps` and `docker top` while it runs. */
  trackExec(container: ContainerRecord, process: SimProcess): void {
    const running = this.running.get(container.id)
    if (!running)
      return
    running.execs.add(process)
    void process.exited.then(() => running.execs.delete(process))
  }

  /** A running container's processes: PID 1's tree, then each exec's, in the order they started. */
  containerProcesses(container: ContainerRecord): { process: SimProcess, ppid: number }[] {
    const running = this.running.get(container.id)
    if (!running)
      return []
    const list: { process: SimProcess, ppid: number }[] = []
    const walk = (process: SimProcess, ppid: number): void => {
      if (!process.running)
        return
      list.push({ process, ppid })
      for (const child of process.children)
        walk(child, process.pid)
    }
    walk(running.process, 0)
    for (const exec of running.execs)
      walk(exec, 0)
    return list
  }

  /** What a container's processes see of its kernel: its processes and its mounts. */
  private containerSystem(container: ContainerRecord): ContainerSystem {
    // PIDs as the container's own namespace numbers them: its main process is 1, later ones count on from it.
    const inside = (pid: number): number => {
      const main = this.running.get(container.id)?.process.pid ?? pid
      return pid === 0 ? 0 : pid - main + 1
    }
    return {
      processes: () => this.containerProcesses(container).map(({ process, ppid }) => ({ pid: inside(process.pid), ppid: inside(ppid), argv: process.argv, ...(process.io.user ? { user: process.io.user } : {}) })),
      mounts: () => containerMounts(container),
      interfaces: () => container.networks.filter(a => a.ipAddress).map((a) => {
        const network = this.networks.find(n => n.name === a.network)
        const ip = a.ipAddress
        return { ip, prefix: Number(network?.subnet.split('/')[1] ?? 16), mac: `02:42:${ip.split('.').map(n => Number(n).toString(16).padStart(2, '0')).join(':')}`, gateway: network?.gateway ?? '' }
      }),
      signal: (pid, signal) => {
        const found = this.containerProcesses(container).find(p => inside(p.process.pid) === pid)
        if (!found)
          return false
        // From inside its namespace, PID 1 gets only the signals it has a handler for: not even SIGKILL (pid_namespaces(7)).
        if (pid === 1 && (signal === 'SIGKILL' || signal === 'SIGSTOP'))
          return true
        found.process.signal(signal)
        return true
      },
    }
  }

  /** The file is in the container (so a missing program is the simulator's gap, not the image's). */
  programFileExists(container: ContainerRecord, name: string, io: ProcessIO): boolean {
    const files = this.containerFiles.get(container.id)
    return files ? findOnPath(files, name, io.env.get('PATH'), io.cwd) !== null : false
  }

  private lookupProgram(container: ContainerRecord, name: string, io: ProcessIO): Program | null {
    const files = this.containerFiles.get(container.id)
    // A program exists when the container's files hold it: on PATH, or at the path given (what execve finds).
    const path = files ? findOnPath(files, name, io.env.get('PATH'), io.cwd) : null
    if (!path)
      return null
    const empty = files!.stat(path)?.kind === 'file' && files!.readFile(path) === ''
    const tool = empty ? systemTool(path.split('/').pop()!, files!.stat('/bin/busybox') ? 'busybox' : 'gnu') : null
    return tool ?? this.programs(name, io) ?? IMAGE_PROGRAMS[path] ?? null
  }

  private log(container: ContainerRecord, entry: LogEntry): void {
    container.logs.push(entry)
    const running = this.running.get(container.id)
    for (const listener of running?.listeners ?? [])
      listener(entry)
  }

  /** Subscribes to a running container's output; returns the unsubscribe function. */
  follow(container: ContainerRecord, listener: (entry: LogEntry) => void): () => void {
    const running = this.running.get(container.id)
    running?.listeners.add(listener)
    return () => running?.listeners.delete(listener)
  }

  /** Resolves with the exit code the next time the container's main process exits (or at once when it is not running). */
  waitForExit(container: ContainerRecord): Promise<number> {
    if (!this.running.has(container.id))
      return Promise.resolve(container.exitCode)
    return new Promise((resolve) => {
      const set = this.exitWaiters.get(container.id) ?? new Set()
      set.add(resolve)
      this.exitWaiters.set(container.id, set)
    })
  }

  private onExit(container: ContainerRecord, running: Running, code: number): void {
    if (this.running.get(container.id) !== running)
      return
    this.running.delete(container.id)
    this.containerPorts.delete(container.id)
    container.exitCode = code
    container.finishedAt = this.now()
    container.pid = 0
    const policy = container.hostConfig.restartPolicy
    const restart = !container.stoppedByUser && this.containers.includes(container) && (
      policy.name === 'always' || policy.name === 'unless-stopped'
      || (policy.name === 'on-failure' && code !== 0 && (policy.maximumRetryCount === 0 || container.restartCount < policy.maximumRetryCount))
    )
    const waiters = this.exitWaiters.get(container.id)
    this.exitWaiters.delete(container.id)
    if (restart) {
      container.status = 'restarting'
      // moby restartmanager: the delay starts at 100 ms and doubles (reset after 10 s of running).
      const delay = Math.min(60_000, 100 * 2 ** container.restartCount)
      this.clock.schedule(delay, () => {
        if (container.status !== 'restarting')
          return
        container.restartCount++
        try {
          this.start(container)
        }
        catch {
          container.status = 'exited'
        }
      })
    }
    else {
      container.status = 'exited'
      if (container.hostConfig.autoRemove)
        this.removeContainer(container, { volumes: true })
    }
    for (const resolve of waiters ?? [])
      resolve(code)
  }

  /** docker stop: the stop signal, up to `timeout` seconds, then SIGKILL. Resolves when it has stopped. */
  async stop(container: ContainerRecord, timeoutSeconds: number | null, signal: Signal | null = null): Promise<void> {
    container.stoppedByUser = true
    if (container.status === 'restarting') {
      container.status = 'exited'
      return
    }
    const running = this.running.get(container.id)
    if (!running)
      return
    if (container.status === 'paused')
      this.unpause(container)
    const timeout = timeoutSeconds ?? container.config.stopTimeout ?? 10
    const stopSignal = signal ?? ((container.config.stopSignal ?? 'SIGTERM') as Signal)
    const exited = this.waitForExit(container)
    running.process.signal(stopSignal)
    if (timeout < 0) {
      await exited
      return
    }
    let timedOut = false
    const cancel = this.clock.schedule(timeout * 1000, () => {
      timedOut = true
      running.process.signal('SIGKILL')
    })
    await exited
    if (!timedOut)
      cancel()
  }

  kill(container: ContainerRecord, signal: Signal): void {
    const running = this.running.get(container.id)
    if (!running || (container.status === 'paused' && signal !== 'SIGKILL'))
      throw new DaemonError(messages.notRunning(container.id), 'conflict')
    if (signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGINT')
      container.stoppedByUser = true
    running.process.signal(signal)
  }

  pause(container: ContainerRecord): void {
    if (container.status === 'paused')
      throw new DaemonError(messages.alreadyPaused(container.id), 'conflict')
    const running = this.running.get(container.id)
    if (!running)
      throw new DaemonError(messages.notRunning(container.id), 'conflict')
    running.process.pause()
    container.status = 'paused'
  }

  unpause(container: ContainerRecord): void {
    if (container.status !== 'paused')
      throw new DaemonError(messages.notPaused(container.id), 'conflict')
    this.running.get(container.id)?.process.resume()
    container.status = 'running'
  }

  /** docker rm: refuses a running container unless forced (then SIGKILL). `volumes` removes its anonymous volumes. */
  removeContainer(container: ContainerRecord, options: { force?: boolean, volumes?: boolean, reference?: string } = {}): void {
    const reference = options.reference ?? `/${container.name}`
    if (this.running.has(container.id) || container.status === 'restarting') {
      if (!options.force) {
        if (container.status === 'paused')
          throw new DaemonError(messages.cannotRemovePaused(reference), 'conflict')
        throw new DaemonError(messages.cannotRemoveRunning(reference, container.status === 'restarting' ? 'restarting' : 'running'), 'conflict')
      }
      const running = this.running.get(container.id)
      this.running.delete(container.id)
      running?.process.signal('SIGKILL')
    }
    this.containers = this.containers.filter(c => c !== container)
    this.containerFiles.delete(container.id)
    this.containerPorts.delete(container.id)
    container.status = 'removing'
    if (options.volumes) {
      for (const mount of container.mounts) {
        const volume = mount.name ? this.volumes.find(v => v.name === mount.name) : undefined
        if (volume?.anonymous && this.volumeUsers(volume.name).length === 0)
          this.removeVolume(volume.name)
      }
    }
    const waiters = this.exitWaiters.get(container.id)
    this.exitWaiters.delete(container.id)
    for (const resolve of waiters ?? [])
      resolve(container.exitCode)
  }

  rename(container: ContainerRecord, name: string): void {
    const wanted = name.replace(/^\//, '')
    if (wanted === container.name)
      throw new DaemonError('Renaming a container with the same name as its current name', 'invalid')
    if (!VALID_NAME.test(name))
      throw new DaemonError(messages.invalidName(name), 'invalid')
    const taken = this.containers.find(c => c.name === wanted)
    if (taken)
      throw new DaemonError(`Error when allocating new name: ${messages.nameConflict(wanted, taken.id)}`, 'conflict')
    container.name = name
  }

  // ——— the network seen by programs ———

  /** The network a container's processes see: their own ports on localhost, other containers by name on user networks. */
  containerNetwork(container: ContainerRecord): Network {
    return {
      listen: (port, handler, options) => {
        const ports = this.containerPorts.get(container.id) ?? new Map<number, HttpHandler>()
        if (ports.has(port))
          throw new Error('address already in use')
        ports.set(port, handler)
        this.containerPorts.set(container.id, ports)
        const loopback = this.loopbackPorts.get(container.id) ?? new Set<number>()
        if (options?.host !== undefined && LOOPBACK_HOSTS.has(options.host)) {
          loopback.add(port)
          this.loopbackPorts.set(container.id, loopback)
        }
        return () => {
          if (ports.get(port) === handler) {
            ports.delete(port)
            loopback.delete(port)
          }
        }
      },
      resolve: (host) => {
        const target = this.resolveFromContainer(container, host)
        if (target === 'unresolved')
          return null
        if (target === 'host')
          return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : this.networks.find(n => n.name === container.networks[0]?.network)?.gateway || '172.17.0.1'
        if (target === container)
          return host === 'localhost' ? '127.0.0.1' : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : container.networks[0]?.ipAddress ?? '127.0.0.1'
        const shared = target.networks.find(a => container.networks.some(b => b.network === a.network))
        return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : (shared ?? target.networks[0])?.ipAddress ?? null
      },
      request: async (host, port, request) => {
        const target = this.resolveFromContainer(container, host)
        if (target === 'unresolved')
          throw new Error(`Could not resolve host: ${host}`)
        if (target === 'host')
          return this.requestHost(port, request)
        return this.requestContainer(target, port, request, target === container && LOOPBACK_HOSTS.has(host) ? 'loopback' : 'network')
      },
    }
  }

  /** The student's computer's network: its own servers, and containers' published ports on localhost. */
  hostNetwork(): Network {
    return {
      listen: (port, handler) => {
        if (this.hostPorts.has(port) || this.activeBindings().some(b => b.hostPort === port && b.protocol === 'tcp'))
          throw new Error('address already in use')
        this.hostPorts.set(port, handler)
        return () => {
          if (this.hostPorts.get(port) === handler)
            this.hostPorts.delete(port)
        }
      },
      request: async (host, port, request) => {
        if (!['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]'].includes(host))
          throw new Error(`Could not resolve host: ${host}`)
        return this.requestHost(port, request)
      },
    }
  }

  /** What answers on a published host port now (the host machine's network asks), or null. */
  publishedHandler(port: number): HttpHandler | null {
    const binding = this.activeBindings().find(b => b.hostPort === port && b.protocol === 'tcp')
    if (!binding)
      return null
    // Through the bridge, the server sees the gateway's address (172.17.0.1) as the client.
    return request => this.requestContainer(binding.container, binding.containerPort, { ...request, remoteAddress: this.networks.find(n => n.name === binding.container.networks[0]?.network)?.gateway || '172.17.0.1' }, 'proxy')
  }

  private async requestHost(port: number, request: HttpRequest): Promise<HttpResponse> {
    const own = this.hostPorts.get(port)
    if (own)
      return own(request)
    const binding = this.activeBindings().find(b => b.hostPort === port && b.protocol === 'tcp')
    if (!binding)
      throw new Error('Connection refused')
    return this.requestContainer(binding.container, binding.containerPort, request, 'proxy')
  }

  /**
   * A connection to a container's port: from its own loopback, from another address on a network, or
   * through docker-proxy (a published port). A server bound to 127.0.0.1 only answers the first. Through
   * the proxy, which has already accepted the client's connection, a port nobody can reach (bound to
   * 127.0.0.1, or nothing listening) is reset (curl: exit 56), not refused (recorded:
   * tests/fixtures/daemon/scenarios/ports.yaml, the loopback and idle steps).
   */
  private async requestContainer(container: ContainerRecord, port: number, request: HttpRequest, via: 'loopback' | 'network' | 'proxy'): Promise<HttpResponse> {
    if (container.status === 'paused')
      throw new Error('Connection timed out')
    const handler = this.containerPorts.get(container.id)?.get(port)
    const unreachable = via !== 'loopback' && this.loopbackPorts.get(container.id)?.has(port) === true
    if ((unreachable || !handler) && via === 'proxy')
      throw new Error('Connection reset by peer')
    if (!handler || unreachable)
      throw new Error('Connection refused')
    return handler(request)
  }

  private resolveFromContainer(from: ContainerRecord, host: string): ContainerRecord | 'host' | 'unresolved' {
    if (host === 'localhost' || host === '127.0.0.1' || host === from.config.hostname || host === from.id.slice(0, 12))
      return from
    if (host === 'host.docker.internal')
      return 'unresolved' // Linux: only with --add-host host.docker.internal:host-gateway
    // A network's gateway is the host's own address on it: published ports answer there (docker-proxy listens on 0.0.0.0).
    if (this.networks.some(n => n.gateway === host))
      return 'host'
    const userNetworks = from.networks.filter(a => this.networks.find(n => n.name === a.network)?.userDefined)
    for (const attachment of userNetworks) {
      for (const other of this.containers) {
        const theirs = other.networks.find(a => a.network === attachment.network)
        if (!theirs || !(other.status === 'running' || other.status === 'paused'))
          continue
        if (other.name === host || theirs.aliases.includes(host) || other.id.slice(0, 12) === host)
          return other
      }
    }
    for (const other of this.containers) {
      if (other.networks.some(a => a.ipAddress === host))
        return other
    }
    return 'unresolved'
  }

  // ——— snapshot ———

  snapshot(): HostSnapshot {
    return structuredCloneJson({
      version: 1,
      seed: this.seed,
      randomState: this.random.state,
      now: this.now(),
      nextPid: this.nextPid,
      images: this.images,
      containers: this.containers.map(c => ({ ...c, upper: this.containerFiles.get(c.id)?.upper ?? c.upper })),
      volumes: this.volumes.map(v => ({ ...v, files: this.volumeFiles.get(v.name)?.exportTree('/') ?? v.files })),
      networks: this.networks,
      hostFiles: this.hostFiles.exportTree('/'),
    })
  }

  /** A host from a snapshot: running containers start their main process again (programs keep no memory across a restore). */
  static restore(snapshot: HostSnapshot, options: DockerHostOptions = {}): DockerHost {
    if (snapshot?.version !== 1)
      throw new Error('not a simulated Docker host snapshot (version 1)')
    const host: DockerHost = new DockerHost({ ...options, seed: snapshot.seed, hostFiles: new SimFileSystem() })
    const hostFiles = new SimFileSystem({ now: host.clock.now })
    ;(host as { hostFiles: SimFileSystem }).hostFiles = hostFiles
    host.random.state = snapshot.randomState
    host.clock.advanceToSync(snapshot.now - host.clock.epochMs)
    host.nextPid = snapshot.nextPid
    importInto(hostFiles, snapshot.hostFiles)
    host.images = snapshot.images
    host.networks = snapshot.networks
    host.volumes = snapshot.volumes
    for (const volume of host.volumes) {
      const files = new SimFileSystem({ now: host.clock.now })
      importInto(files, volume.files)
      host.volumeFiles.set(volume.name, files)
    }
    const wasRunning: ContainerRecord[] = []
    for (const saved of snapshot.containers) {
      const container: ContainerRecord = { ...saved }
      const image = host.images.find(i => i.id === container.imageId)
      const files = new SimFileSystem({ layers: image ? host.imageLayers(image) : [], now: host.clock.now, readOnly: container.hostConfig.readOnly })
      Object.assign(files.upper, saved.upper)
      for (const mount of container.mounts) {
        const source = mount.type === 'volume' ? host.volumeFiles.get(mount.name ?? '') : mount.type === 'bind' ? host.hostFiles : new SimFileSystem({ now: host.clock.now })
        if (source)
          files.mount({ target: mount.destination, kind: mount.type, source, sourcePath: mount.type === 'bind' ? mount.source : '/', readOnly: mount.readOnly })
      }
      container.upper = files.upper
      host.containerFiles.set(container.id, files)
      host.containers.push(container)
      if (container.status === 'running' || container.status === 'paused' || container.status === 'restarting') {
        container.status = 'exited'
        wasRunning.push(container)
      }
    }
    for (const container of wasRunning) {
      try {
        host.start(container)
      }
      catch {
        container.status = 'exited'
      }
    }
    return host
  }
}

function importInto(files: SimFileSystem, tree: HostSnapshot['hostFiles']): void {
  if (tree.kind !== 'dir')
    return
  for (const [name, node] of Object.entries(tree.entries)) {
    if (node.kind !== 'whiteout')
      files.importTree(`/${name}`, node)
  }
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** The file execve would run for `name`, or null. */
export function findOnPath(files: SimFileSystem, name: string, path: string | undefined, cwd: string): string | null {
  if (name === '')
    return null
  const candidates = name.includes('/')
    ? [name.startsWith('/') ? name : `${cwd.replace(/\/$/, '')}/${name}`]
    : (path ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':').filter(Boolean).map(dir => `${dir}/${name}`)
  return candidates.find(candidate => files.stat(candidate)?.kind === 'file') ?? null
}

export function volumeMountpoint(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`
}

export function isAnyAddress(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '[::]'
}

/** `python` → `python:latest`; `docker.io/library/python:3.12` → `python:3.12`; digests kept. */
export function normaliseReference(reference: string): string {
  const { repository, tag } = splitReference(reference)
  return `${repository}:${tag ?? 'latest'}`
}

export function splitReference(reference: string): { repository: string, tag: string | null } {
  let rest = reference
  for (const prefix of ['docker.io/library/', 'docker.io/', 'index.docker.io/library/', 'library/']) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length)
      break
    }
  }
  const at = rest.indexOf('@')
  if (at >= 0)
    rest = rest.slice(0, at)
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > slash)
    return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1) }
  return { repository: rest, tag: null }
}

/** -e values first, then the image's ENV for names not given (moby's config merge; recorded in inspect-top). */
function mergeEnv(imageEnv: string[], overrides: string[]): string[] {
  const given = new Set(overrides.map(pair => pair.split('=')[0]))
  return [...overrides, ...imageEnv.filter(pair => !given.has(pair.split('=')[0]))]
}

export { defaultCommand }
export type { MountRecord }

/** The disk that holds the container's volumes and bind mounts, as df names it in a VM's virtio disk. */
const DATA_DISK = '/dev/vda'

/**
 * A container's mounts in /proc/mounts order, as df lists the ones with blocks: the overlay root, /dev and
 * /dev/shm, the volumes and bind mounts (by depth, then as given), tmpfs mounts, Docker's resolv.conf,
 * hostname and hosts, and runc's masked /proc and /sys paths. (cgroup v2, as Docker 29 installs use: no
 * /sys/fs/cgroup tmpfs.)
 */
function containerMounts(container: ContainerRecord): MountInfo[] {
  const depth = (path: string): number => path.split('/').filter(Boolean).length
  const mounts = [...container.mounts].map((m, i) => ({ m, i })).sort((a, b) => (a.m.type === 'tmpfs' ? 1 : 0) - (b.m.type === 'tmpfs' ? 1 : 0) || depth(a.m.destination) - depth(b.m.destination) || a.i - b.i).map(({ m }): MountInfo => m.type === 'tmpfs' ? { filesystem: 'tmpfs', target: m.destination, kind: 'tmpfs' } : { filesystem: DATA_DISK, target: m.destination, kind: 'disk' })
  return [
    { filesystem: 'overlay', target: '/', kind: 'root' },
    { filesystem: 'tmpfs', target: '/dev', kind: 'dev' },
    { filesystem: 'shm', target: '/dev/shm', kind: 'dev' },
    ...mounts,
    ...['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'].map((target): MountInfo => ({ filesystem: DATA_DISK, target, kind: 'disk' })),
    ...['/proc/acpi', '/proc/keys', '/proc/timer_list', '/sys/firmware'].map((target): MountInfo => ({ filesystem: 'tmpfs', target, kind: target === '/proc/keys' || target === '/proc/timer_list' ? 'dev' : 'tmpfs' })),
  ]
}
