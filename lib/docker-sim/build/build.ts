// `docker build [-t NAME] [-f FILE] [--no-cache] [--target STAGE] [--build-arg K=V] [--progress MODE] [-q] PATH` on
// the simulated host: reads the context from the student's files, plans the build against the host's build cache,
// pulls a missing base from the catalog, prints BuildKit's progress and registers the image.

import type { ContextFile } from '../../dockerfile/context'
import type { ImageSettings } from '../../dockerfile/model'
import type { ClientContext } from '../commands'
import type { DockerHost } from '../docker-host'
import type { DirNode, TreeSpec } from '../fs'
import type { Invocation } from '../invocation'
import type { FileSystem, ProcessIO } from '../process'
import type { ImageRecord } from '../state'
import type { BaseInfo, BuildPlan } from './plan'
import type { ProgressMode } from './progress'
import { viewContext } from '../../dockerfile/context'
import { normaliseReference } from '../docker-host'
import { freezeLayer, resolvePath, treeFromSpec } from '../fs'
import { BuildCache, planBuild } from './plan'
import { baseDigest, renderProgress } from './progress'

/** One build cache per simulated host: a second build of the same files is CACHED, as on a real machine. */
const caches = new WeakMap<DockerHost, BuildCache>()

/** Images a build made, by the key of their last step: an identical rebuild gives the same image. */
const images = new WeakMap<DockerHost, Map<string, string>>()

function builtImages(host: DockerHost): Map<string, string> {
  let map = images.get(host)
  if (!map) {
    map = new Map()
    images.set(host, map)
  }
  return map
}

export function buildCacheOf(host: DockerHost): BuildCache {
  let cache = caches.get(host)
  if (!cache) {
    cache = new BuildCache()
    caches.set(host, cache)
  }
  return cache
}

/** Every regular file under `dir`, relative to it (the build context as the client sends it). */
export function readContextFiles(fs: FileSystem, dir: string): ContextFile[] {
  const files: ContextFile[] = []
  const walk = (path: string, relative: string) => {
    for (const name of fs.readdir(path).sort()) {
      const full = `${path.replace(/\/$/, '')}/${name}`
      const rel = relative ? `${relative}/${name}` : name
      const stat = fs.stat(full)
      if (stat?.kind === 'dir')
        walk(full, rel)
      else if (stat?.kind === 'file')
        files.push({ path: rel, content: fs.readFile(full), mode: stat.mode })
    }
  }
  walk(dir, '')
  return files
}

export interface BuildRequest {
  contextPath: string
  dockerfile: string | null
  tags: string[]
  noCache: boolean
  target: string | undefined
  buildArgs: Record<string, string>
  progress: 'auto' | 'tty' | 'plain' | 'quiet'
  quiet: boolean
}

export function readBuildRequest(invocation: Invocation): BuildRequest {
  const last = (name: string) => invocation.flags.get(name)?.at(-1)
  const buildArgs: Record<string, string> = {}
  for (const value of invocation.flags.get('build-arg') ?? []) {
    const eq = value.indexOf('=')
    if (eq > 0)
      buildArgs[value.slice(0, eq)] = value.slice(eq + 1)
  }
  const progress = last('progress') ?? 'auto'
  return {
    contextPath: invocation.args[0] ?? '.',
    dockerfile: last('file') ?? null,
    tags: invocation.flags.get('tag') ?? [],
    noCache: last('no-cache') === 'true',
    target: last('target'),
    buildArgs,
    progress: progress === 'tty' || progress === 'plain' || progress === 'quiet' ? progress : 'auto',
    quiet: last('quiet') === 'true',
  }
}

function imageConfig(settings: ImageSettings): ImageRecord['config'] {
  return {
    cmd: settings.cmd,
    entrypoint: settings.entrypoint,
    env: settings.env,
    exposedPorts: settings.exposedPorts,
    volumes: settings.volumes,
    workingDir: settings.workingDir,
    user: settings.user,
    stopSignal: settings.stopSignal,
  }
}

/** `docker.io/library/myapp:latest`, as BuildKit's exporter names it. */
function qualifiedTag(tag: string): string {
  const short = normaliseReference(tag)
  const slash = short.indexOf('/')
  const first = slash < 0 ? '' : short.slice(0, slash)
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return short
  return `docker.io/${slash < 0 ? 'library/' : ''}${short}`
}

/**
 * Marks `path` deleted in a layer (an overlayfs whiteout; `dir/*` leaves `dir` as an empty opaque directory),
 * creating the directories above it in that layer.
 */
function whiteOut(root: DirNode, path: string, mtime: number): void {
  const emptied = path.endsWith('/*')
  const parts = (emptied ? path.slice(0, -2) : path).split('/').filter(Boolean)
  const name = parts.pop()
  if (!name)
    return
  let dir = root
  for (const part of parts) {
    const next = dir.entries[part]
    if (next?.kind !== 'dir')
      dir.entries[part] = { kind: 'dir', mode: 0o755, mtime, entries: {} }
    dir = dir.entries[part] as DirNode
  }
  dir.entries[name] = emptied ? { kind: 'dir', mode: 0o755, mtime, entries: {}, opaque: true } : { kind: 'whiteout' }
}

/** The built image's files: the base's layers, then one layer per filesystem step of the final stage chain. */
function imageLayers(host: DockerHost, plan: BuildPlan, baseImage: ImageRecord | null) {
  const layers = baseImage ? [...host.imageLayers(baseImage)] : []
  for (const stage of plan.stages.filter(result => result.inFinalImage)) {
    for (const layer of stage.layers) {
      const spec: TreeSpec = {}
      for (const file of layer.files) {
        if (file.executable)
          spec[file.path] = { content: '', mode: 0o755 }
        else
          spec[file.content !== undefined ? file.path : `${file.path}/`] = file.content ?? null
      }
      if (layer.step.keyword === 'WORKDIR')
        spec[`${layer.step.after.workdir}/`] = null
      const root = treeFromSpec(spec, host.now())
      for (const removed of layer.removes)
        whiteOut(root, removed, host.now())
      layers.push(freezeLayer(root))
    }
  }
  return layers
}

export async function dockerBuild(context: ClientContext, invocation: Invocation): Promise<number> {
  const { host, io } = context
  const request = readBuildRequest(invocation)
  return runBuild(host, io, request)
}

export async function runBuild(host: DockerHost, io: ProcessIO, request: BuildRequest): Promise<number> {
  const contextDir = resolvePath(io.cwd, request.contextPath)
  if (io.fs.stat(contextDir)?.kind !== 'dir') {
    io.stderr(`ERROR: failed to build: unable to prepare context: path "${request.contextPath}" not found\n`)
    return 1
  }
  const dockerfilePath = request.dockerfile ? resolvePath(io.cwd, request.dockerfile) : `${contextDir.replace(/\/$/, '')}/Dockerfile`
  const dockerfileName = request.dockerfile ?? 'Dockerfile'
  if (io.fs.stat(dockerfilePath)?.kind !== 'file') {
    io.stderr(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${dockerfileName}: no such file or directory\n`)
    return 1
  }
  const dockerfile = io.fs.readFile(dockerfilePath)
  const files = readContextFiles(io.fs, contextDir)
  const pulled = new Set<string>()
  const baseRecords = new Map<string, ImageRecord>()
  const resolveBase = (normalized: string): BaseInfo | null => {
    let image = host.findImage(normalized)
    const present = image !== null
    if (!image) {
      const entry = host.catalogEntry(normalized)
      if (!entry)
        return null
      image = host.addCatalogImage(entry, normalized).image
      pulled.add(normalized)
    }
    baseRecords.set(normalized, image)
    // One image under several tags is one base: its digest follows the image, not the name.
    return { normalized, digest: baseDigest(image.id), config: image.config, diskBytes: image.diskBytes, history: image.history, present: present && !pulled.has(normalized) }
  }
  const cache = buildCacheOf(host)
  const plan = planBuild({
    dockerfile,
    dockerfileName,
    context: { files },
    cache,
    noCache: request.noCache,
    target: request.target,
    buildArgs: request.buildArgs,
    resolveBase,
  })

  let imageId: string | null = null
  let image: ImageRecord | null = null
  if (!plan.error && plan.image && plan.target) {
    cache.remember(plan.cachePlan)
    // The same steps from the cache make the same image (BuildKit's result is content-addressed): retag it.
    const finalKey = plan.cachePlan.stageKeys.get(plan.target.index)!
    const known = builtImages(host).get(finalKey)
    const existing = known ? host.images.find(candidate => candidate.id === known) : undefined
    if (existing) {
      for (const tag of request.tags)
        host.retag(existing, normaliseReference(tag))
      image = existing
    }
  }
  if (!plan.error && plan.image && plan.target && !image) {
    const chainRoot = plan.stages.find(result => result.inFinalImage)
    const baseImage = chainRoot?.stage.base.kind === 'image' ? baseRecords.get(chainRoot.stage.base.normalized) ?? null : null
    const layers = imageLayers(host, plan, baseImage)
    image = host.addBuiltImage({
      catalog: null,
      config: imageConfig(plan.image.config),
      history: plan.image.history,
      layerIds: [...(baseImage?.layerIds ?? []), ...plan.stages.filter(r => r.inFinalImage).flatMap(r => r.layers).filter(l => l.bytes > 0).map(l => l.verdict.key.slice(0, 12))],
      // Estimates where RUN sizes are (plan.image.estimated); a layer keeps what later layers delete.
      diskBytes: plan.image.baseBytes + plan.image.addedBytes,
      contentBytes: Math.round((baseImage?.contentBytes ?? 0) + plan.image.addedBytes * 0.4),
      created: host.now(),
      layers,
      parentId: baseImage?.id ?? null,
      tags: request.tags.map(tag => normaliseReference(tag)),
    })
    builtImages(host).set(plan.cachePlan.stageKeys.get(plan.target.index)!, image.id)
  }
  imageId = image?.id ?? null

  if (request.quiet || request.progress === 'quiet') {
    if (plan.error) {
      io.stderr(`${renderProgress(plan, progressOptions('plain', files, dockerfile, dockerfileName, request.tags, imageId, pulled), dockerfile).split('\n').filter(line => line.startsWith('ERROR')).join('\n')}\n`)
      return 1
    }
    io.stdout(`${imageId}\n`)
    return 0
  }
  const mode: ProgressMode = request.progress === 'plain' || (request.progress === 'auto' && !io.tty) ? 'plain' : 'tty'
  io.stderr(renderProgress(plan, progressOptions(mode, files, dockerfile, dockerfileName, request.tags, imageId, pulled), dockerfile))
  return plan.error ? 1 : 0
}

function progressOptions(mode: ProgressMode, files: ContextFile[], dockerfile: string, dockerfileName: string, tags: string[], imageId: string | null, pulled: Set<string>) {
  const dockerignore = files.find(file => file.path === '.dockerignore')
  return {
    mode,
    dockerfileName,
    dockerfileBytes: new TextEncoder().encode(dockerfile).length,
    dockerignoreBytes: dockerignore ? new TextEncoder().encode(dockerignore.content).length : 2,
    contextBytes: viewContext({ files }).files.reduce((sum, file) => sum + new TextEncoder().encode(file.content).length, 0),
    tags: tags.map(qualifiedTag),
    imageId,
    pulled,
  }
}
