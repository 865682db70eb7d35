// The simulated Docker host's state as plain data: what `docker inspect` and an exercise check read,
// and what a snapshot saves. Running programs are not data: a restored host starts them again.

import type { HistoryStep, ImageConfig } from '../docker/catalog'
import type { DirNode, EntryNode, Layer } from './fs'

export interface ImageRecord {
  /** `sha256:` + 64 hex. */
  id: string
  /** `python:3.12`, `myimage:0.1`; empty for a dangling image (`<none>:<none>`). */
  repoTags: string[]
  /** The catalog entry it was pulled from, or null for a built image. */
  catalog: { repository: string, tag: string } | null
  config: ImageConfig
  history: HistoryStep[]
  /** Layer IDs as `docker pull` prints them (12 hex). */
  layerIds: string[]
  diskBytes: number
  contentBytes: number
  /** Simulated epoch ms of the build (catalog images: their publication date). */
  created: number
  /** Files of a built image, lowest layer first (catalog images get theirs from the catalog). */
  layers: Layer[] | null
  /** For a built image: the image it was built FROM (its layers come first). */
  parentId: string | null
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'removing' | 'dead'

export interface RestartPolicy {
  name: 'no' | 'always' | 'unless-stopped' | 'on-failure'
  maximumRetryCount: number
}

export interface PortBinding {
  /** `0.0.0.0`, `127.0.0.1`, `::`. */
  hostIp: string
  hostPort: number
  containerPort: number
  protocol: 'tcp' | 'udp' | 'sctp'
}

export interface MountRecord {
  type: 'volume' | 'bind' | 'tmpfs'
  /** The volume's name (volume mounts). */
  name: string | null
  /** Host path (bind), the volume's mountpoint (volume), '' (tmpfs). */
  source: string
  destination: string
  readOnly: boolean
}

export interface NetworkAttachment {
  network: string
  ipAddress: string
  aliases: string[]
  endpointId: string
}

export interface LogEntry {
  /** Simulated epoch ms. */
  time: number
  stream: 'stdout' | 'stderr'
  text: string
}

export interface ContainerRecord {
  id: string
  name: string
  /** The image as the command named it (`python:3.12`): `docker ps` IMAGE. */
  image: string
  imageId: string
  created: number
  /** Started with -d (no client attached): inspect's Attach* fields. */
  detached: boolean
  /** What runs: entrypoint + cmd after the command line's overrides. */
  path: string
  args: string[]
  config: {
    hostname: string
    user: string
    env: string[]
    cmd: string[] | null
    entrypoint: string[] | null
    workingDir: string
    tty: boolean
    openStdin: boolean
    exposedPorts: string[]
    labels: Record<string, string>
    stopSignal: string | null
    stopTimeout: number | null
    /** Declared by the image (anonymous volumes are made for those not mounted). */
    volumes: string[]
  }
  hostConfig: {
    portBindings: PortBinding[]
    restartPolicy: RestartPolicy
    autoRemove: boolean
    networkMode: string
    binds: string[]
    readOnly: boolean
    init: boolean
    publishAllPorts: boolean
  }
  status: ContainerStatus
  exitCode: number
  startedAt: number | null
  finishedAt: number | null
  restartCount: number
  /** docker stop/kill ended it: restart policies other than `always` leave it stopped. */
  stoppedByUser: boolean
  /** The host pid of its main process while running (for docker top, inspect). */
  pid: number
  mounts: MountRecord[]
  networks: NetworkAttachment[]
  logs: LogEntry[]
  /** The container's writable layer (its files' changes). */
  upper: DirNode
}

export interface VolumeRecord {
  name: string
  created: number
  anonymous: boolean
  labels: Record<string, string>
  /** The volume's files. */
  files: EntryNode
}

export interface NetworkRecord {
  id: string
  name: string
  driver: 'bridge' | 'host' | 'null'
  subnet: string
  gateway: string
  created: number
  /** User networks resolve container names; the default bridge does not. */
  userDefined: boolean
  /** Last host number handed out in the subnet. */
  lastHost: number
}

export interface HostSnapshot {
  version: 1
  seed: number
  randomState: number
  now: number
  nextPid: number
  images: ImageRecord[]
  containers: ContainerRecord[]
  volumes: VolumeRecord[]
  networks: NetworkRecord[]
  /** The student's computer. */
  hostFiles: EntryNode
}
