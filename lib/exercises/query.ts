// Questions about the simulated machine's state that several exercises ask. Each reads only
// DockerHost's records (containers, mounts, files, bindings, images), never the commands typed.

import type { TreeNode } from '../docker-sim/fs'
import type { ContainerRecord, ImageRecord, MountRecord } from '../docker-sim/state'
import type { Baseline, MachineView } from './types'

export function baselineOf(view: Pick<MachineView, 'host'>): Baseline {
  return {
    containerIds: view.host.containers.map(c => c.id),
    volumeNames: view.host.volumes.map(v => v.name),
    imageIds: view.host.images.map(i => i.id),
  }
}

export function containerNamed(view: MachineView, name: string): ContainerRecord | null {
  return view.host.containers.find(c => c.name === name) ?? null
}

/** The image's repository without tag: `python` for `python:3.12`, `docker.io/library/python:3.12`. */
export function repositoryOf(reference: string): string {
  const withoutDigest = reference.split('@')[0] ?? reference
  const lastSlash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.indexOf(':', lastSlash + 1)
  const repository = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon)
  return repository.replace(/^docker\.io\//, '').replace(/^library\//, '')
}

/** Containers made from an image the host knows by this reference (any spelling of it). */
export function containersOf(view: MachineView, reference: string): ContainerRecord[] {
  const image = view.host.findImage(reference)
  return image ? view.host.containers.filter(c => c.imageId === image.id) : []
}

export function hasImage(view: MachineView, reference: string): boolean {
  return view.host.findImage(reference) !== null
}

export function isRunning(container: ContainerRecord | null): container is ContainerRecord {
  return container?.status === 'running'
}

/** Its main process's command line, as `docker ps` COMMAND holds it. */
export function commandLine(container: ContainerRecord): string[] {
  return [container.path, ...container.args]
}

/** What the container's program printed (stdout and stderr, in order). */
export function logText(container: ContainerRecord): string {
  return container.logs.map(entry => entry.text).join('')
}

export function envValue(container: ContainerRecord, name: string): string | undefined {
  const entry = container.config.env.find(e => e.startsWith(`${name}=`))
  return entry === undefined ? undefined : entry.slice(name.length + 1)
}

export function mountAt(container: ContainerRecord, destination: string): MountRecord | null {
  const wanted = destination.replace(/\/+$/, '')
  return container.mounts.find(m => m.destination.replace(/\/+$/, '') === wanted) ?? null
}

/** A file as the container sees it (its layers, its writable layer, its mounts). */
export function containerHasFile(view: MachineView, container: ContainerRecord, path: string): boolean {
  return view.host.containerFiles.get(container.id)?.stat(path)?.kind === 'file'
}

export function volumeHasFile(view: MachineView, volume: string, path: string): boolean {
  return view.host.volumeFiles.get(volume)?.stat(path)?.kind === 'file'
}

/** The container's own writable layer holds this path: written there, not into a mount. */
export function writtenInContainerLayer(container: ContainerRecord, path: string): boolean {
  let node: TreeNode | undefined = container.upper
  for (const part of path.split('/').filter(Boolean)) {
    node = node?.kind === 'dir' ? node.entries[part] : undefined
    if (node === undefined)
      return false
  }
  return node.kind === 'file'
}

/** Containers whose command line holds what looks like a docker flag: a flag written after the image. */
export function hasFlagInItsCommand(container: ContainerRecord, flags: readonly string[]): boolean {
  return container.args.some(arg => flags.some(flag => arg === flag || arg.startsWith(`${flag}=`))) || flags.includes(container.path)
}

/** Ports a program listens on inside the container now. */
export function listeningPorts(view: MachineView, container: ContainerRecord): number[] {
  return [...(view.host.containerPorts.get(container.id)?.keys() ?? [])]
}

/**
 * The running container a published host port leads to, when a program in it listens on the bound container
 * port on an address the port reaches (not only on the container's own 127.0.0.1).
 */
export function containerBehindHostPort(view: MachineView, hostPort: number): ContainerRecord | null {
  return view.host.activeBindings().find(b => b.hostPort === hostPort && b.protocol === 'tcp' && isRunning(b.container)
    && view.host.containerPorts.get(b.container.id)?.has(b.containerPort) === true
    && view.host.loopbackPorts.get(b.container.id)?.has(b.containerPort) !== true)?.container ?? null
}

/** A published host port whose container has a program listening on the bound container port. */
export function answersOnHostPort(view: MachineView, hostPort: number): boolean {
  return containerBehindHostPort(view, hostPort) !== null
}

export interface LoggedRequest {
  client: string
  method: string
  path: string
  status: number
}

/** The requests a dev server in the container answered, from its access log (Werkzeug's and http.server's common format). */
export function answeredRequests(container: ContainerRecord): LoggedRequest[] {
  return [...logText(container).matchAll(/^(\S+) - - \[[^\]]*\] "(\w+) (\S+) HTTP\/1\.[01]" (\d{3}) /gm)]
    .map(([, client, method, path, status]) => ({ client: client!, method: method!, path: path!, status: Number(status) }))
}

/**
 * The address Flask's development server says it listens on in its latest start-up lines (`0.0.0.0` for
 * "Running on all addresses", else the one "Running on http://HOST:PORT" line), or null before it has started.
 */
export function flaskListenAddress(container: ContainerRecord): string | null {
  let address: string | null = null
  let allAddresses = false
  for (const line of logText(container).split('\n')) {
    const all = /^ \* Running on all addresses \((.+)\)$/.exec(line)
    const one = /^ \* Running on https?:\/\/(.+):\d+$/.exec(line)
    if (all) {
      address = all[1]!
      allAddresses = true
    }
    else if (one && !allAddresses) {
      address = one[1]!
    }
    else if (line === 'Press CTRL+C to quit') {
      allAddresses = false
    }
  }
  return address
}

export function builtImageTagged(view: MachineView, tag: string): ImageRecord | null {
  const image = view.host.findImage(tag)
  return image && image.catalog === null ? image : null
}

export function newVolumes(view: MachineView): string[] {
  return view.host.volumes.map(v => v.name).filter(name => !view.baseline.volumeNames.includes(name))
}

export function newContainers(view: MachineView): ContainerRecord[] {
  return view.host.containers.filter(c => !view.baseline.containerIds.includes(c.id))
}
