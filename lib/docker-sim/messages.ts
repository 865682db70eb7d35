// The daemon's and the client's own words, one place for each, with where they come from. Daemon
// errors reach the terminal as `Error response from daemon: …` (docker/cli prints the API error);
// `docker run` adds `docker: ` and a help line (cli/command/container/run.go withHelp).

/** moby daemon/errors.go nameConflictError. */
export function nameConflict(name: string, id: string): string {
  return `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`
}

/** moby daemon/names.go (recorded from 20.10, unchanged in 28). */
export function invalidName(name: string): string {
  return `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`
}

/** moby daemon/container/view.go. */
export function noSuchContainer(reference: string): string {
  return `No such container: ${reference}`
}

/** moby daemon/images/image.go ErrImageDoesNotExist (reference shown in its familiar form, with the tag). */
export function noSuchImage(reference: string): string {
  return `No such image: ${reference}`
}

/** moby daemon/delete.go cleanupContainer (Docker 25+; 20.10 said "You cannot remove a running container …"). */
export function cannotRemoveRunning(reference: string, state: 'running' | 'restarting'): string {
  return `cannot remove container "${reference}": container is ${state}: stop the container before removing or force remove`
}

export function cannotRemovePaused(reference: string): string {
  return `cannot remove container "${reference}": container is paused and must be unpaused first`
}

/** moby daemon/errors.go errNotRunning. */
export function notRunning(id: string): string {
  return `container ${id} is not running`
}

/** moby daemon/pause.go, unpause.go. */
export function alreadyPaused(id: string): string {
  return `container ${id} is already paused`
}
export function notPaused(id: string): string {
  return `Container ${id} is not paused`
}

/** moby libnetwork portallocator: `Bind for 0.0.0.0:8080 failed: port is already allocated`, wrapped by endpoint.go. */
export function portAllocated(endpointName: string, endpointId: string, ip: string, port: number): string {
  return `failed to set up container networking: driver failed programming external connectivity on endpoint ${endpointName} (${endpointId}): Bind for ${ip}:${port} failed: port is already allocated`
}

/** The userland proxy cannot bind a port a host program already listens on. */
export function portInUseOnHost(endpointName: string, endpointId: string, ip: string, port: number): string {
  return `failed to set up container networking: driver failed programming external connectivity on endpoint ${endpointName} (${endpointId}): failed to bind host port ${ip}:${port}/tcp: address already in use`
}

/** moby daemon/images/image_delete.go. */
export function imageUsedByContainer(reference: string, containerId: string, imageId: string): string {
  return `conflict: unable to remove repository reference "${reference}" (must force) - container ${containerId} is using its referenced image ${imageId}`
}
export function imageUsedByRunning(imageId: string, containerId: string): string {
  return `conflict: unable to delete ${imageId} (cannot be forced) - image is being used by running container ${containerId}`
}

/** moby daemon/volume/service store.go OpErr. */
export function volumeInUse(name: string, containerIds: readonly string[]): string {
  return `remove ${name}: volume is in use - [${containerIds.join(', ')}]`
}
export function noSuchVolume(name: string): string {
  return `get ${name}: no such volume`
}

/** moby libnetwork error.go. */
export function networkExists(name: string): string {
  return `network with name ${name} already exists`
}
export function networkNotFound(name: string): string {
  return `network ${name} not found`
}
/** As the recorded daemon words it (networks.json); moby master lists the endpoints instead of the id. */
export function networkHasEndpoints(name: string, id: string): string {
  return `error while removing network: network ${name} id ${id} has active endpoints`
}

/** moby daemon/internal/distribution/errors.go (the registry's `denied` detail appended). */
export function pullAccessDenied(repository: string): string {
  return `pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`
}
/** The registry answers an unknown tag with MANIFEST_UNKNOWN. */
export function manifestUnknown(reference: string): string {
  return `manifest for ${reference} not found: manifest unknown: manifest unknown`
}

/** runc's error for a main process that is not in the image (Docker 28 wording). */
export function executableNotFound(name: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${name}": executable file not found in $PATH: unknown`
}

/** docker exec of a missing program (the exec's own OCI error). */
export function execNotFound(name: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`
}

/** cli/command/container/attach.go. */
export const ATTACH_STOPPED = 'You cannot attach to a stopped container, start it first'
/** cli/command/container/attach.go: attaching to a paused container. */
export const ATTACH_PAUSED = 'You cannot attach to a paused container, unpause it first'

/** cli/command/container/run.go withHelp. */
export function runFailure(message: string, command = 'run'): string {
  return `docker: ${message}\n\nRun 'docker ${command} --help' for more information\n`
}

export const NOT_SIMULATED = 'not simulated here'
