// The engine's shared vocabulary. Everything here is plain data: no DOM, no Vue.
// Data flows one way: text → tokens → parsed command → explanation → view.

import type { Issue } from '../text/issue'
import type { ContainerConfig } from './container-config'

/** A half-open range [start, end) of UTF-16 offsets into a command's `input`. */
export interface Span {
  start: number
  end: number
}

// ---------------------------------------------------------------------------
// Grammar tables (knowledge as data)
// ---------------------------------------------------------------------------

/** Value types as the docker client's `--help` names them (bool flags print no type). */
export type ValueType
  = | 'bool'
    | 'string'
    | 'strings'
    | 'stringArray'
    | 'list'
    | 'int'
    | 'int64'
    | 'uint'
    | 'uint16'
    | 'uint64'
    | 'decimal'
    | 'float'
    | 'bytes'
    | 'duration'
    | 'map'
    | 'filter'
    | 'mount'
    | 'network'
    | 'ulimit'
    | 'gpu-request'
    | 'pref'
    | 'command'
    | 'external-ca'
    | 'node-addr'
    | 'port'
    | 'secret'
    | 'config'
    | 'stringToString'
    | 'uint32'
    | 'credential-spec'
    | 'pem-file'
    | 'ipNetSlice'

/** How a flag's value is checked beyond its type, before the daemon is contacted. */
export type ValueCheck
  = | 'publish' // -p [ip:][hostPort:]containerPort[/proto]
    | 'volume' // -v source:target[:opts]
    | 'env' // -e NAME[=value]
    | 'restart' // --restart no|always|unless-stopped|on-failure[:N]
    | 'image' // an image reference
    | 'tag' // docker build -t
    | 'signal'
    | 'pull-policy'
    | 'log-level'
    | 'attach' // -a stdin|stdout|stderr
    | 'host-ip' // --add-host host:ip
    | 'platform' // os[/arch[/variant]]
    | 'device' // --device host[:container[:perms]]
    | 'mount' // --mount type=…,target=…
    | 'ip' // --dns: an IP address
    | 'expose' // --expose port[-port][/proto]
    | 'link' // --link name[:alias]
    | 'sysctl' // --sysctl namespaced key=value
    | 'domain' // --dns-search
    | 'mac' // --mac-address
    | 'swappiness' // 0-100 or -1
    | 'namespace-mode' // --pid/--uts/--userns/--cgroupns
    | 'network' // --network name or key=value list
    | 'non-negative' // --health-*: no negative durations or counts
    | 'tmpfs' // --tmpfs /path[:options]
    | 'key-value' // --label, --log-opt, --storage-opt: key=value (a bare key is allowed)
    | 'memory' // --memory, --memory-reservation: a size the daemon refuses below 6 MB

export interface FlagSpec {
  /** Long name without dashes: `publish`. */
  long: string
  /** One-letter shorthand without dash: `p`. */
  short?: string
  type: ValueType
  /** What docker's help says, in its words (used to cross-check with the fixture). */
  help: string
  /** Our explanation for a beginner; may use {value} for the given value. */
  explain?: string
  /** Extra validation of the value. */
  check?: ValueCheck
  /** Allowed values, when the client itself refuses anything else. */
  choices?: readonly string[]
  deprecated?: boolean
  /** Hidden from `--help` but accepted by the client. */
  hidden?: boolean
  /** An old spelling of another flag of the same table (`net` → `network`): the scanner reads it as that flag. */
  aliasOf?: string
}

/**
 * What a command does, as data: who creates a container, who may pull an image, what its
 * arguments name. Warning rules and the explanation ask for traits, never for command paths.
 */
export type CommandTrait
  = | 'creates-container' // run, create: the container configuration applies
    | 'starts-container' // run: the container starts at once
    | 'pulls-image' // run, create, pull: an image without a tag means :latest
    | 'runs-in-container' // exec: the command runs in a running container
    | 'checks-image-reference' // run, create, pull, tag: the client itself refuses a malformed image name

/** What a positional argument stands for: decides explanation and validation. */
export type ArgKind
  = | 'image'
    | 'container'
    | 'volume'
    | 'network'
    | 'context'
    | 'path'
    | 'cp-location' // CONTAINER:PATH or local path
    | 'command' // the rest belongs to the program started inside the container
    | 'ps-options' // docker top: passed to ps, which lists the container's processes
    | 'service'
    | 'name'
    | 'text'

export interface ArgSpec {
  name: string
  kind: ArgKind
  /** At least this many (0 = optional). */
  min: number
  /** At most this many; null = unbounded. */
  max: number | null
}

export interface CommandSpec {
  /** Canonical path under `docker`: ['container', 'run']. */
  path: readonly string[]
  /** Other paths that reach the same command: [['run']]. */
  aliases: readonly (readonly string[])[]
  /** One line, in docker's words. */
  summary: string
  /** Our beginner-level explanation of what the command does. */
  explain: string
  flags: readonly FlagSpec[]
  args: readonly ArgSpec[]
  /** true for management commands (`docker volume`) that only group subcommands. */
  group?: boolean
  traits?: readonly CommandTrait[]
  /** For listing commands: what they list, with `--all`, and what `-q` prints (for `$(docker ps -aq)`). */
  lists?: { what: string, all?: string, ids: string }
  /**
   * false: flags stop at the first argument, everything after belongs to a program (run's command,
   * exec's command, top's ps options). Default: flags and arguments mix, as cobra allows.
   */
  interspersed?: boolean
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

export type SegmentKind
  = | 'program' // docker
    | 'global-flag'
    | 'command' // run, container run, compose up
    | 'flag' // a flag together with its value when written as one token or two
    | 'argument' // a positional argument (container, volume, path…)
    | 'image'
    | 'container-command' // what runs inside the container
    | 'separator' // --
    | 'shell' // text the shell expands or handles ($VAR, redirections)
    | 'unknown'

export interface Segment extends Span {
  kind: SegmentKind
  /** The source text of the span, exactly as typed. */
  text: string
  /** Plain text, never markup. */
  explanation: string
  /** For flags: the canonical long name, e.g. `publish`. */
  flag?: string
  /** For flags with a value: the value's own span. */
  value?: Span & { text: string }
}

/** What the docker client (or the shell, before it) refuses; each error has one. */
export type ErrorCode
  = | 'UNKNOWN_COMMAND'
    | 'UNKNOWN_FLAG'
    | 'BAD_FLAG_SYNTAX'
    | 'FLAG_NEEDS_VALUE'
    | 'INVALID_VALUE'
    | 'INVALID_IMAGE_REFERENCE'
    | 'EMPTY_CONTAINER_NAME'
    | 'MISSING_ARGUMENTS'
    | 'TOO_MANY_ARGUMENTS'
    | 'CONFLICTING_FLAGS'
  /** The shell would wait for more input: a quote or substitution is never closed. */
    | 'UNCLOSED_QUOTE'
  /** A bug of the engine, never the user's fault. */
    | 'INTERNAL_ERROR'

/** An error: docker (or the shell) would refuse the command. `suggestion`: a fix that is obvious, `-it` for `--it`. */
export interface Diagnostic extends Issue<ErrorCode> {
  severity: 'error'
}

export type WarningCode
  = | 'FLAG_AFTER_IMAGE'
    | 'TTY_WITHOUT_INTERACTIVE'
    | 'PUBLISH_WITH_HOST_NETWORK'
    | 'PORT_ALL_INTERFACES'
    | 'NAMED_VOLUME'
    | 'ENV_FROM_HOST'
    | 'SECRET_IN_ENV'
    | 'DOCKER_SOCKET'
    | 'PRIVILEGED'
    | 'IMPLICIT_LATEST'
    | 'SHELL_EXPANSION'
  /** Text from documentation meant to be replaced: `<path/to/data>`, `YOUR_TOKEN`, `...`. */
    | 'PLACEHOLDER'
    | 'DEPRECATED_FLAG'
  /** The client lets the value through; the daemon refuses it when the container is created. */
    | 'DAEMON_REFUSES'
  /** A size without a unit is in bytes: `--shm-size 64` is 64 bytes. */
    | 'SIZE_WITHOUT_UNIT'
  /** The program reads a terminal but gets no input (no -i): the container exits at once. */
    | 'EXITS_AT_ONCE'

/** A trap docker accepts without a word. */
export interface Warning extends Issue<WarningCode> {
  severity: 'warning'
}

export interface ImageReference {
  /** As typed. */
  raw: string
  /** `docker.io` when omitted. */
  registry: string
  /** `library` for Docker Hub's official images; may contain slashes. */
  namespace: string | null
  repository: string
  /** `latest` when neither tag nor digest is given. */
  tag: string | null
  digest: string | null
  /** Which parts were filled in by default (for showing them). */
  defaulted: { registry: boolean, namespace: boolean, tag: boolean }
  official: boolean
  explanation: string
}

/** Inclusive range of port numbers; one port has start === end. */
export interface PortRange {
  start: number
  end: number
}

export interface PortMapping {
  /** As written, without brackets; null when none was given. */
  hostIp: string | null
  /** Published on every network interface of this machine (no address, `0.0.0.0`, `::`, `[::]`). */
  allInterfaces: boolean
  /** null: Docker picks a free port. A range stays as text, e.g. "8000-8010". */
  hostPort: string | null
  /** The same host port(s) as numbers; null when Docker picks. */
  hostPorts: PortRange | null
  containerPort: string
  containerPorts: PortRange
  protocol: 'tcp' | 'udp' | 'sctp'
  span: Span
}

/**
 * A mount's real type: `anonymous` is a volume without a name (`-v /data`, `--mount target=/data`);
 * `image` mounts another image's files, `npipe` a Windows named pipe, `cluster` a Swarm cluster volume.
 */
export type MountType = 'volume' | 'bind' | 'tmpfs' | 'anonymous' | 'image' | 'npipe' | 'cluster'

export interface MountInfo {
  type: MountType
  source: string | null
  target: string
  readOnly: boolean
  /** Which flag wrote it: `-v`, `--mount` or `--tmpfs`. */
  syntax: 'volume' | 'mount' | 'tmpfs'
  /** Every other option as written (`bind-propagation` → `rshared`, `z` → ``, `size` → `64m`). */
  options: Record<string, string>
  span: Span
}

export interface EnvInfo {
  name: string
  /** null: copied from the host's environment at start. */
  value: string | null
  span: Span
}

/** What runs where, for `run` and `create`: the widget draws it. */
export interface RunPicture {
  image: ImageReference | null
  name: string | null
  network: string | null
  ports: PortMapping[]
  mounts: MountInfo[]
  env: EnvInfo[]
  /** argv of the program started inside; empty = the image's default CMD. */
  command: string[]
  detached: boolean
  interactive: boolean
  tty: boolean
  removeOnExit: boolean
}

export interface CommandExplanation {
  /** This command's text; every Span in this object is relative to it. */
  input: string
  /** Where `input` starts in the whole text given to the engine. */
  offset: number
  /** false for `pip install flask`: recognised, not an error. */
  isDocker: boolean
  /** false exactly when `errors` is not empty. */
  ok: boolean
  /** Canonical command path, e.g. ['container', 'run']; [] when none was found. */
  command: string[]
  /** One plain-text sentence for the whole command. */
  summary: string
  segments: Segment[]
  errors: Diagnostic[]
  warnings: Warning[]
  image: ImageReference | null
  run: RunPicture | null
  /** Every setting of the container a run/create makes, typed; null for other commands. */
  config: ContainerConfig | null
  /** Compose equivalent (YAML) for run/create, refused ones too (each problem a comment); null otherwise. */
  compose: string | null
}
