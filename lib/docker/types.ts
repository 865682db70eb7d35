// The engine's shared vocabulary. Everything here is plain data: no DOM, no Vue.
// Data flows one way: text → tokens → parsed command → explanation → view.

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
}

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
  /** Commands whose tables list every flag and argument rule (the rest: name and meaning). */
  complete: boolean
  /** true for management commands (`docker volume`) that only group subcommands. */
  group?: boolean
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

export interface Diagnostic extends Span {
  message: string
  /** A fix that is obvious: `-it` for `--it`. */
  suggestion?: string
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
    | 'DEPRECATED_FLAG'
  /** The client lets the value through; the daemon refuses it when the container is created. */
    | 'DAEMON_REFUSES'

export interface Warning extends Span {
  code: WarningCode
  message: string
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

export interface PortMapping {
  hostIp: string | null
  /** null: Docker picks a free port. A range stays as text, e.g. "8000-8010". */
  hostPort: string | null
  containerPort: string
  protocol: 'tcp' | 'udp' | 'sctp'
  span: Span
}

export interface MountInfo {
  type: 'volume' | 'bind' | 'tmpfs' | 'anonymous'
  source: string | null
  target: string
  readOnly: boolean
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
  /** Compose equivalent (YAML) for run/create; null otherwise. */
  compose: string | null
}
