// `docker run` / `docker create` commands → one Compose file, as data. Each flag goes through the one
// table of mappings.ts; the container configuration (lib/docker/container-config.ts) gives the typed
// values. What has no Compose form, what docker would refuse, placeholders to fill in and paths made
// relative become notes at their place: nothing is dropped silently. The output is held to the
// official schema by tests over documented commands rather than here: the engine imports this file,
// and ajv with the schema would weigh on every page that explains a command.

import type { ContainerConfig } from '../docker/container-config'
import type { CommandFlag, ParsedCommand } from '../docker/parse-command'
import type { Expansion, ShellCommand, Word } from '../docker/tokenize'
import type { MountInfo } from '../docker/types'
import type { IssueSeverity } from '../text/issue'
import type { DataPath } from './issues'
import type { ConversionLogic, FlagMapping } from './mappings'
import type { ComposeConversion, ComposeFileData, ComposeMapping, ComposeNote, ComposeValue } from './model'
import { containerConfigOf } from '../docker/container-config'
import { COMMANDS } from '../docker/grammar'
import { isFlagOn, parseCommand } from '../docker/parse-command'
import { splitCommands } from '../docker/tokenize'
import { valueOfKind } from '../docker/values'
import { mappingOfFlag, pathKeys } from './mappings'

// ---------------------------------------------------------------------------
// Placeholders: `<CONFIG_FILE_PATH>` in a README is not a shell redirection but a blank to fill in.

/** `<NAME>` or `<your password>`, directly after a space, `=` or `:` (a redirection `< file` has a space after `<`). */
const PLACEHOLDER = /<([a-z][\w.-]*(?: [\w.-]+)*)>/gi

interface Placeholders {
  text: string
  /** Stand-in word → the placeholder as written. */
  byToken: Map<string, string>
}

/**
 * What people paste from documentation, read as they meant it (each replacement keeps the text's
 * length, so every offset stays): a `$ ` prompt before docker; a line starting with a flag whose
 * line above lost its `\`; `podman`, whose run and create take docker's flags.
 */
const PASTED: readonly { pattern: RegExp, replace: (match: string) => string, note: string }[] = [
  { pattern: /^([ \t]*)\$[ \t]+(?=(?:sudo[ \t]+)?(?:docker|podman)\b)/gm, replace: match => ' '.repeat(match.length), note: 'The $ before docker is the prompt of the documentation, not part of the command: left out.' },
  { pattern: /(?<!\\)\n(?=[ \t]*--?[a-z])/gi, replace: () => ' ', note: 'A line starting with a flag is read as part of the command above (its line lost the \\ at the end; a shell would run the line alone and docker would refuse the command above).' },
  { pattern: /\bpodman(?=[ \t]+(?:container[ \t]+)?(?:run|create)\b)/g, replace: () => 'docker', note: 'podman run and create take docker\'s flags: read as docker.' },
]

interface Pasted {
  text: string
  notes: string[]
}

function readAsPasted(text: string): Pasted {
  const notes: string[] = []
  let out = text
  for (const { pattern, replace, note } of PASTED) {
    const next = out.replace(pattern, replace)
    if (next !== out)
      notes.push(note)
    out = next
  }
  return { text: out, notes }
}

/** Swaps each placeholder for a plain word the shell tokenizer reads as text; restored in the output. */
function hidePlaceholders(text: string): Placeholders {
  const byToken = new Map<string, string>()
  const hidden = text.replace(PLACEHOLDER, (written) => {
    const token = `PLACEHOLDER${byToken.size}X`
    byToken.set(token, written)
    return token
  })
  return { text: hidden, byToken }
}

/** Other blanks documentation leaves in commands. */
const DOCUMENTATION_BLANK = /\/path\/to\/|\byour[_-][a-z]\w*|\bchangeme\b/i

// ---------------------------------------------------------------------------
// `$`: a shell variable means the same in Compose (interpolated from the same shell); any other `$`
// is literal and must be written `$$`; a command substitution cannot be kept at all.

interface ComposeText {
  text: string
  /** Command substitutions (`$(…)`, `` `…` ``) the shell would have run. */
  substitutions: string[]
}

/** For each character of a word's value: how Compose must spell it. */
function wordPieces(word: Word): string[] {
  const expansionAt = new Map<number, Expansion>()
  for (const expansion of word.expansions) expansionAt.set(expansion.start, expansion)
  const pieces: string[] = []
  let skipUntil = -1
  for (let index = 0; index < word.value.length; index++) {
    const char = word.value[index]!
    const at = word.start + (word.sourceIndex[index] ?? index)
    if (at < skipUntil) {
      pieces.push('')
      continue
    }
    const expansion = expansionAt.get(at)
    if (expansion?.kind === 'command') {
      // The whole substitution stands as one piece, for the caller to replace.
      pieces.push(`\u0000${expansion.text}\u0000`)
      skipUntil = expansion.end
      continue
    }
    pieces.push(char === '$' && expansion?.kind !== 'variable' ? '$$' : char)
  }
  return pieces
}

/** `$(pwd)`, `${PWD}`, `$PWD` or `` `pwd` `` at the start of a host path: the folder docker was run from. */
const CURRENT_FOLDER = /^(?:\0(?:\$\(\s*pwd\s*\)|`\s*pwd\s*`)\0|\$\{PWD\}|\$PWD\b)/

class FlagText {
  private readonly pieces: string[]
  /** Command substitutions that reached the output (so each is noted once). */
  readonly emitted = new Set<string>()

  constructor(private readonly flag: CommandFlag) {
    const word = flag.valueWord
    const value = flag.value ?? ''
    this.pieces = word ? wordPieces(word).slice(flag.valueOffset, flag.valueOffset + value.length) : [...value].map(char => (char === '$' ? '$$' : char))
  }

  /** The Compose spelling of `part`, a piece of the flag's value (the whole value by default). */
  compose(part: string = this.flag.value ?? ''): ComposeText {
    const value = this.flag.value ?? ''
    const from = value.indexOf(part)
    const raw = from === -1 ? [...part].map(char => (char === '$' ? '$$' : char)).join('') : this.pieces.slice(from, from + part.length).join('')
    return this.emit(splitSubstitutions(raw))
  }

  private emit<T extends ComposeText>(text: T): T {
    for (const command of text.substitutions) this.emitted.add(command)
    return text
  }

  /** A bind-mount source: a leading "current folder" becomes `.`, relative to the Compose file. */
  hostPath(source: string): ComposeText & { madeRelative: boolean } {
    const value = this.flag.value ?? ''
    const from = value.indexOf(source)
    const raw = from === -1 ? source : this.pieces.slice(from, from + source.length).join('')
    const relative = raw.replace(CURRENT_FOLDER, '.')
    return this.emit({ ...splitSubstitutions(relative.replace(/^\.\/\//, './')), madeRelative: relative !== raw })
  }
}

function splitSubstitutions(raw: string): ComposeText {
  const substitutions: string[] = []
  const text = raw.replace(/\0([^\0]*)\0/g, (_whole, command: string) => {
    substitutions.push(command)
    return `<output of ${command.replace(/^\$\(|\)$|^`|`$/g, '').trim()}>`
  })
  return { text, substitutions }
}

function wordText(word: Word): ComposeText {
  return splitSubstitutions(wordPieces(word).join(''))
}

// ---------------------------------------------------------------------------

interface FileBuilder {
  file: ComposeFileData
  notes: ComposeNote[]
  /** Named networks and volumes the commands create themselves (`docker network create`…). */
  createdNetworks: Map<string, ComposeMapping>
  createdVolumes: Map<string, ComposeMapping>
  usedNetworks: Set<string>
  usedVolumes: Set<string>
  /** Secrets and configs of Swarm services: made with docker secret/config create, so external here. */
  usedSecrets: Set<string>
  usedConfigs: Set<string>
  /** Container name → service, for links and shared namespaces between the commands. */
  serviceOfContainer: Map<string, string>
}

interface ServiceBuilder {
  name: string
  service: ComposeMapping
  file: FileBuilder
  config: ContainerConfig
  note: (path: DataPath, text: string, severity?: IssueSeverity) => void
  dependsOn: Set<string>
  /** `docker service create`: a Swarm service. */
  swarm: boolean
}

function ensure(node: ComposeMapping, keys: readonly string[]): ComposeMapping {
  let at = node
  for (const key of keys) {
    const next = at[key]
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next))
      at[key] = {}
    at = at[key] as ComposeMapping
  }
  return at
}

function setPath(node: ComposeMapping, path: string, value: ComposeValue): void {
  const keys = pathKeys(path)
  ensure(node, keys.slice(0, -1))[keys.at(-1)!] = value
}

function pushPath(node: ComposeMapping, path: string, value: ComposeValue): void {
  const keys = pathKeys(path)
  const parent = ensure(node, keys.slice(0, -1))
  const last = keys.at(-1)!
  const list = Array.isArray(parent[last]) ? (parent[last] as ComposeValue[]) : (parent[last] = [])
  list.push(value)
}

function numberOr(text: string): ComposeValue {
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text
}

function written(flag: CommandFlag): string {
  return flag.value === null ? flag.written : `${flag.written} ${flag.value}`
}

function keyValueOf(text: string): [string, string] {
  const eq = text.indexOf('=')
  return eq === -1 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)]
}

/** The network entry of the service for `name`, turning a plain list into a mapping when settings appear. */
function networkEntry(builder: ServiceBuilder, name: string): ComposeMapping {
  const { service } = builder
  if (Array.isArray(service.networks))
    service.networks = Object.fromEntries((service.networks as string[]).map(n => [n, {}]))
  const networks = ensure(service, ['networks'])
  return ensure(networks, [name])
}

function useNamedVolume(builder: ServiceBuilder, source: string): void {
  // A blank from documentation is the user's to fill in (most often a host path), not a volume to declare.
  if (!/PLACEHOLDER\d+X/.test(source))
    builder.file.usedVolumes.add(source)
}

function mountOf(builder: ServiceBuilder, flag: CommandFlag): Omit<MountInfo, 'span'> | null {
  return builder.config.mounts.find(m => m.span.start === (flag.valueSpan?.start ?? -1)) ?? valueOfKind(flag.typed, 'mount')?.mount ?? null
}

/** The daemon's rule for container names (and the Compose Specification's): two characters at least. */
const CONTAINER_NAME = /^[a-z0-9][\w.-]+$/i

/** Logic rows of the table; each returns false when the value could not be used (then noted). */
const LOGIC: Record<ConversionLogic, (builder: ServiceBuilder, flag: CommandFlag, text: FlagText, index: number) => void> = {
  name(builder, flag, text) {
    const name = text.compose().text
    // `--name=` is no name (docker picks one); a name docker refuses is said where it is.
    if (name === '')
      return
    if (!CONTAINER_NAME.test(name)) {
      builder.note(['services', builder.name], `${written(flag)}: docker refuses this name (it takes letters, digits, _ . - and at least two characters), so it is left out.`, 'error')
      return
    }
    builder.service.container_name = name
    builder.note(['services', builder.name, 'container_name'], `${written(flag)}: container_name fixes the container's name, so only one copy of the service can run.`, 'info')
  },
  volume(builder, flag, text) {
    const mount = mountOf(builder, flag)
    if (!mount) {
      pushPath(builder.service, 'volumes', text.compose().text)
      return
    }
    if (mount.type === 'volume' && mount.source)
      useNamedVolume(builder, mount.source)
    if (mount.type === 'bind' && mount.source) {
      const source = text.hostPath(mount.source)
      const rest = (flag.value ?? '').slice((flag.value ?? '').indexOf(mount.source) + mount.source.length)
      pushPath(builder.service, 'volumes', `${source.text}${text.compose(rest).text}`)
      if (source.madeRelative) {
        builder.note(['services', builder.name, 'volumes'], `${written(flag)}: the shell's current folder is written . here, which Compose reads as the folder of this compose.yaml: keep the file in the folder you ran docker from.`, 'info')
      }
      return
    }
    pushPath(builder.service, 'volumes', text.compose().text)
  },
  mount(builder, flag, text) {
    const mount = mountOf(builder, flag)
    if (!mount)
      return
    const entry: ComposeMapping = { type: mount.type === 'anonymous' ? 'volume' : mount.type }
    if (mount.source) {
      const source = mount.type === 'bind' ? text.hostPath(mount.source) : text.compose(mount.source)
      entry.source = source.text
      if (mount.type === 'volume')
        useNamedVolume(builder, mount.source)
    }
    entry.target = text.compose(mount.target).text
    if (mount.readOnly)
      entry.read_only = true
    const options = mount.options
    if (options['bind-propagation'])
      entry.bind = { propagation: options['bind-propagation'] }
    if (options['volume-nocopy'] !== undefined)
      entry.volume = { nocopy: true }
    if (options['volume-subpath'])
      entry.volume = { ...(entry.volume as ComposeMapping | undefined), subpath: options['volume-subpath'] }
    if (options['tmpfs-size'])
      entry.tmpfs = { size: numberOr(options['tmpfs-size']) }
    const used = new Set(['bind-propagation', 'volume-nocopy', 'volume-subpath', 'tmpfs-size'])
    const left = Object.keys(options).filter(key => !used.has(key))
    if (left.length > 0)
      builder.note(['services', builder.name, 'volumes'], `${written(flag)}: ${left.join(', ')} not carried over; see the long syntax of volumes in the Compose reference.`, 'warning')
    pushPath(builder.service, 'volumes', entry)
  },
  network(builder, flag, text) {
    const value = text.compose().text
    const attachment = builder.config.networks.find(n => n.span.start === (flag.valueSpan?.start ?? -1))
    const mode = attachment?.mode ?? 'user-defined'
    if (mode === 'host' || mode === 'none' || mode === 'bridge' || mode === 'default') {
      builder.service.network_mode = mode === 'default' ? 'bridge' : mode
      return
    }
    if (mode === 'container') {
      const container = attachment?.container ?? value.slice('container:'.length)
      const service = builder.file.serviceOfContainer.get(container)
      builder.service.network_mode = service ? `service:${service}` : `container:${container}`
      if (service)
        builder.dependsOn.add(service)
      return
    }
    const name = attachment?.name ?? value
    builder.file.usedNetworks.add(name)
    if (builder.service.networks && !Array.isArray(builder.service.networks))
      ensure(builder.service, ['networks', name])
    else pushPath(builder.service, 'networks', name)
    // Settings given inside --network name=…,alias=…
    if (attachment && (attachment.aliases.length > 0 || attachment.ipv4 || attachment.ipv6 || attachment.linkLocalIps.length > 0) && builder.config.networks[0] !== attachment) {
      const entry = networkEntry(builder, name)
      if (attachment.aliases.length > 0)
        entry.aliases = [...attachment.aliases]
      if (attachment.ipv4)
        entry.ipv4_address = attachment.ipv4
      if (attachment.ipv6)
        entry.ipv6_address = attachment.ipv6
    }
  },
  'network-setting': function (builder, flag, text) {
    const first = builder.config.networks[0]
    const name = first && first.mode === 'user-defined' ? first.name : first ? null : 'default'
    if (name === null) {
      builder.note(['services', builder.name], `${written(flag)}: docker refuses it with --network ${first!.name} (it needs a user-defined network), so it is left out.`, 'error')
      return
    }
    if (name === 'default')
      builder.note(['services', builder.name, 'networks'], `${written(flag)}: docker takes it only on a network you created (not on its default bridge); in Compose the service joins the project's own default network, which takes it.`, 'info')
    const entry = networkEntry(builder, name)
    const value = text.compose().text
    switch (flag.spec.long) {
      case 'network-alias':
        ;((entry.aliases ??= []) as ComposeValue[]).push(value)
        break
      case 'link-local-ip':
        ;((entry.link_local_ips ??= []) as ComposeValue[]).push(value)
        break
      case 'ip':
        entry.ipv4_address = value
        break
      case 'ip6':
        entry.ipv6_address = value
        break
    }
  },
  entrypoint(builder, _flag, text) {
    const value = text.compose().text
    builder.service.entrypoint = value === '' ? [] : [value]
  },
  'health-cmd': function (builder, _flag, text) {
    setPath(builder.service, 'healthcheck/test', ['CMD-SHELL', text.compose().text])
  },
  ulimit(builder, flag) {
    const value = flag.value ?? ''
    const [name, limits = ''] = keyValueOf(value)
    const [soft = '', hard] = limits.split(':')
    setPath(builder.service, `ulimits/${name}`, hard === undefined ? numberOr(soft) : { soft: numberOr(soft), hard: numberOr(hard) })
  },
  gpus(builder, flag) {
    const request = builder.config.gpus
    if (!request) {
      builder.note(['services', builder.name], `${written(flag)}: not understood, so left out.`, 'error')
      return
    }
    const device: ComposeMapping = { driver: request.driver ?? 'nvidia' }
    if (request.devices.length > 0)
      device.device_ids = [...request.devices]
    else device.count = request.count ?? 'all'
    device.capabilities = request.capabilities.length > 0 ? [...request.capabilities] : ['gpu']
    if (Object.keys(request.options).length > 0)
      device.options = { ...request.options }
    pushPath(builder.service, 'deploy/resources/reservations/devices', device)
  },
  'blkio-weight': function (builder, flag) {
    setPath(builder.service, 'blkio_config/weight', numberOr(flag.value ?? ''))
  },
  'blkio-device': function (builder, flag) {
    const mapping = mappingOfFlag(flag.spec.long) as { path: string }
    const value = flag.value ?? ''
    const colon = value.lastIndexOf(':')
    const limit = value.slice(colon + 1)
    const field = flag.spec.long === 'blkio-weight-device' ? 'weight' : 'rate'
    pushPath(builder.service, mapping.path, { path: value.slice(0, colon), [field]: numberOr(limit) })
  },
  link(builder, flag, text) {
    const [container = '', alias] = text.compose().text.split(':')
    const service = builder.file.serviceOfContainer.get(container)
    if (service) {
      builder.dependsOn.add(service)
      pushPath(builder.service, 'links', alias && alias !== service ? `${service}:${alias}` : service)
    }
    else {
      pushPath(builder.service, 'external_links', alias ? `${container}:${alias}` : container)
      builder.note(['services', builder.name, 'external_links'], `${written(flag)}: ${container} is not started by these commands, so it is an external link (a container that must already run).`, 'info')
    }
  },
  'service-name': function () {
    // The name of a Swarm service is the service's key in the file (set when the service is made).
  },
  'service-publish': function (builder, _flag, text) {
    const value = text.compose().text
    if (!value.includes('=')) {
      pushPath(builder.service, 'ports', value)
      return
    }
    // published=8080,target=80[,protocol=udp][,mode=host] → the long syntax.
    const port: ComposeMapping = {}
    for (const field of value.split(',')) {
      const [key = '', entry = ''] = keyValueOf(field)
      port[key] = key === 'published' || key === 'target' ? numberOr(entry) : entry
    }
    pushPath(builder.service, 'ports', port)
  },
  'service-mount': function (builder, flag, text) {
    LOGIC.mount(builder, flag, text, 0)
  },
  grant(builder, flag, text) {
    const [name = ''] = text.compose().text.split(',')
    const source = name.startsWith('source=') || name.startsWith('src=') ? name.slice(name.indexOf('=') + 1) : name
    const kind = flag.spec.long === 'secret' ? 'secrets' : 'configs'
    pushPath(builder.service, kind, source)
    ;(kind === 'secrets' ? builder.file.usedSecrets : builder.file.usedConfigs).add(source)
  },
  'volumes-from': function (builder, flag, text) {
    const [container = '', mode] = text.compose().text.split(':')
    const service = builder.file.serviceOfContainer.get(container)
    if (service)
      builder.dependsOn.add(service)
    else builder.note(['services', builder.name, 'volumes_from'], `${written(flag)}: ${container} is not started by these commands, so it is named as a container.`, 'info')
    pushPath(builder.service, 'volumes_from', `${service ?? `container:${container}`}${mode ? `:${mode}` : ''}`)
  },
}

function applyDeclarative(builder: ServiceBuilder, mapping: Extract<FlagMapping, { shape: string }>, flag: CommandFlag, text: FlagText): void {
  const { service } = builder
  const value = text.compose()
  switch (mapping.shape) {
    case 'text':
      setPath(service, mapping.path, value.text)
      break
    case 'number':
      setPath(service, mapping.path, numberOr(value.text))
      break
    case 'seconds':
      setPath(service, mapping.path, `${value.text}s`)
      break
    case 'flag':
      if (isFlagOn(flag))
        setPath(service, mapping.path, true)
      break
    case 'list':
      pushPath(service, mapping.path, value.text)
      break
    case 'map': {
      const [key, entry] = keyValueOf(value.text)
      setPath(service, `${mapping.path}/${key}`, entry)
      break
    }
  }
}

/** The first key of a mapping's path, where its note goes. */
function notePath(service: string, mapping: FlagMapping | undefined): DataPath {
  return mapping && 'path' in mapping ? ['services', service, pathKeys(mapping.path)[0]!] : ['services', service]
}

const SERVICE_NAME_CHARS = /[^\w.-]+/g

function serviceNameFor(config: ContainerConfig, taken: Set<string>): string {
  const base = (config.name || null) ?? config.image?.repository.split('/').pop() ?? config.imageText?.split(/[/:@]/).filter(Boolean).at(-1) ?? 'app'
  const clean = base.toLowerCase().replace(SERVICE_NAME_CHARS, '-').replace(/^[^a-z0-9]+/, '') || 'app'
  let name = clean
  for (let n = 2; taken.has(name); n++) name = `${clean}-${n}`
  taken.add(name)
  return name
}

/** Keys people look for first come first; the rest keep the order of the flags. */
const KEY_ORDER = ['image', 'container_name', 'hostname', 'command', 'entrypoint', 'working_dir', 'user', 'environment', 'env_file', 'ports', 'expose', 'volumes', 'tmpfs', 'network_mode', 'networks', 'depends_on', 'restart']

function inReadingOrder(service: ComposeMapping): ComposeMapping {
  const ordered: ComposeMapping = {}
  for (const key of KEY_ORDER) {
    if (key in service)
      ordered[key] = service[key]!
  }
  for (const key of Object.keys(service)) {
    if (!(key in ordered))
      ordered[key] = service[key]!
  }
  return ordered
}

function addService(file: FileBuilder, parsed: ParsedCommand, config: ContainerConfig, taken: Set<string>, swarm = false): string {
  const name = serviceNameFor(config, taken)
  const service: ComposeMapping = {}
  const builder: ServiceBuilder = {
    name,
    service,
    file,
    config,
    dependsOn: new Set(),
    note: (path, text, severity = 'info') => file.notes.push({ path, text, severity }),
    swarm,
  }
  const imageWord = parsed.args.find(a => a.spec?.kind === 'image')?.word
  if (imageWord)
    service.image = wordText(imageWord).text
  else builder.note(['services', name], 'The command names no image: add image: by hand.', 'error')

  // What docker refuses, said where it is; the rest still converts.
  for (const error of parsed.errors) {
    const flag = parsed.flags.find(f => f.span.start <= error.start && error.start < Math.max(f.span.end, f.span.start + 1))
    const place = flag ? notePath(name, mappingOfFlag(flag.spec.long, swarm)) : ['services', name]
    builder.note(place, `docker refuses this: ${error.message}${flag && flag.typed === null && flag.value !== null ? ` (${written(flag)} is left out)` : ''}`, 'error')
  }
  for (const word of parsed.unknownFlags) {
    if (!parsed.errors.some(error => error.start <= word.start && word.start < error.end))
      builder.note(['services', name], `${word.value}: not a flag of docker ${parsed.spec?.path.join(' ') ?? 'run'}, left out.`, 'error')
  }

  parsed.flags.forEach((flag, index) => {
    if (flag.scope !== 'command' || flag.spec.long === 'help')
      return
    const mapping = mappingOfFlag(flag.spec.long, swarm)
    if (!mapping) {
      builder.note(['services', name], `${written(flag)}: no Compose equivalent is known here; add it by hand if you need it.`, 'warning')
      return
    }
    if ('none' in mapping) {
      if (flag.spec.type === 'bool' && !isFlagOn(flag))
        return // turned off: nothing to carry over
      builder.note(['services', name], `${written(flag)}: ${mapping.none}.`, 'info')
      return
    }
    // A value docker refuses is not carried over (its error is noted above).
    if (flag.value !== null && flag.typed === null && parsed.errors.some(error => flag.span.start <= error.start && error.start < flag.span.end))
      return
    const text = new FlagText(flag)
    if ('by' in mapping)
      LOGIC[mapping.by](builder, flag, text, index)
    else applyDeclarative(builder, mapping, flag, text)
    for (const command of text.emitted) {
      builder.note(notePath(name, mapping), `${written(flag)}: the shell runs ${command} when you type the docker command; Compose runs no command, so put its output in place of <output of …> (or a variable from .env: \${NAME}).`, 'warning')
    }
    const blank = `${flag.value ?? ''}`
    if (DOCUMENTATION_BLANK.test(blank))
      builder.note(notePath(name, mapping), `${written(flag)}: looks like a blank from documentation; put your own value here.`, 'warning')
  })

  const commandWords = parsed.args.filter(a => a.spec?.kind === 'command').map(a => wordText(a.word))
  if (commandWords.length > 0)
    service.command = commandWords.map(word => word.text)
  for (const word of commandWords) {
    for (const command of word.substitutions)
      builder.note(['services', name, 'command'], `The shell runs ${command} when you type the docker command; Compose runs no command, so put its output in place of <output of …>.`, 'warning')
  }
  if (service.network_mode === 'host' && Array.isArray(service.ports)) {
    // docker itself drops them ("Published ports are discarded when using host network mode").
    delete service.ports
    builder.note(['services', name, 'network_mode'], 'With the host network the container uses the host\'s ports directly, so docker discards -p: left out.', 'info')
  }
  if (builder.dependsOn.size > 0)
    service.depends_on = [...builder.dependsOn]
  file.file.services[name] = inReadingOrder(service)
  if (config.name && !swarm)
    file.serviceOfContainer.set(config.name, name)
  return name
}

function recordCreate(file: FileBuilder, parsed: ParsedCommand): boolean {
  const path = parsed.spec?.path.join(' ')
  const target = parsed.args.find(a => a.spec && a.spec.kind !== 'command')?.word.value
  if (!target)
    return false
  if (path === 'network create') {
    const entry: ComposeMapping = {}
    const driver = parsed.flags.find(f => f.spec.long === 'driver')?.value
    if (driver)
      entry.driver = driver
    if (parsed.flags.some(f => f.spec.long === 'internal' && isFlagOn(f)))
      entry.internal = true
    file.createdNetworks.set(target, entry)
    return true
  }
  if (path === 'volume create') {
    const entry: ComposeMapping = {}
    const driver = parsed.flags.find(f => f.spec.long === 'driver')?.value
    if (driver)
      entry.driver = driver
    file.createdVolumes.set(target, entry)
    return true
  }
  return false
}

const RUN_LIKE = new Set(['container run', 'container create'])
const RUN_SPEC = COMMANDS.find(command => command.path.join(' ') === 'container run')!

/**
 * A Swarm service's settings read as a container's: the same reader, given `docker service create`'s
 * flags; its own flags (replicas, constraints…) come from its rows of the table.
 */
function swarmConfigOf(parsed: ParsedCommand): ContainerConfig | null {
  return containerConfigOf({ ...parsed, spec: RUN_SPEC })
}

/**
 * docker refuses a flag it does not know, so what follows it is anyone's guess. As composerize does,
 * a next word that is not a flag (and not the last word) is taken for its value; both are blanked out
 * (spaces keep every offset) and the command is read again for the rest.
 */
function withoutUnknownFlags(shell: ShellCommand, parsed: ParsedCommand): { parsed: ParsedCommand, left: string[], text: string } | null {
  if (parsed.unknownFlags.length === 0)
    return null
  let text = shell.text
  const left: string[] = []
  const blank = (word: Word) => {
    text = `${text.slice(0, word.start)}${' '.repeat(word.end - word.start)}${text.slice(word.end)}`
  }
  for (const word of parsed.unknownFlags) {
    const index = shell.words.findIndex(other => other.start === word.start)
    const next = shell.words[index + 1]
    const takesNext = !word.value.includes('=') && next !== undefined && !next.value.startsWith('-') && index + 2 < shell.words.length
    blank(word)
    if (takesNext && next)
      blank(next)
    left.push(takesNext && next ? `${word.value} ${next.value}` : word.value)
  }
  const [again] = splitCommands(text)
  return again ? { parsed: parseCommand({ ...again, start: shell.start, end: shell.end }), left, text } : null
}

function restorePlaceholders(value: ComposeValue, byToken: Map<string, string>, path: (string | number)[], found: { path: DataPath, placeholder: string }[]): ComposeValue {
  if (typeof value === 'string') {
    if (!value.includes('PLACEHOLDER'))
      return value
    let text = value
    for (const [token, placeholder] of byToken) {
      if (text.includes(token)) {
        text = text.replaceAll(token, placeholder)
        found.push({ path: [...path], placeholder })
      }
    }
    return text
  }
  if (Array.isArray(value))
    return value.map((item, index) => restorePlaceholders(item, byToken, [...path, index], found))
  if (value !== null && typeof value === 'object') {
    const out: ComposeMapping = {}
    for (const [key, item] of Object.entries(value)) out[restorePlaceholders(key, byToken, path, []) as string] = restorePlaceholders(item, byToken, [...path, key], found)
    return out
  }
  return value
}

interface CommandToConvert {
  /** The command as split from its text; null when only the parse is at hand. */
  shell: ShellCommand | null
  parsed: ParsedCommand
}

function convert(commands: readonly CommandToConvert[], placeholders: Placeholders): ComposeConversion {
  const file: FileBuilder = {
    file: { services: {} },
    notes: [],
    createdNetworks: new Map(),
    createdVolumes: new Map(),
    usedNetworks: new Set(),
    usedVolumes: new Set(),
    usedSecrets: new Set(),
    usedConfigs: new Set(),
    serviceOfContainer: new Map(),
  }
  const taken = new Set<string>()
  const serviceOfCommand: (string | null)[] = []
  for (const { shell, parsed: first } of commands) {
    const path = first.spec?.path.join(' ') ?? ''
    const runLike = first.isDocker && RUN_LIKE.has(path) && !first.help
    let retry = runLike && shell ? withoutUnknownFlags(shell, first) : null
    // The client stops at the first flag it does not know; the next read may find another.
    for (let round = 0; retry && retry.parsed.unknownFlags.length > 0 && round < 5; round++) {
      const again = withoutUnknownFlags({ ...shell!, text: retry.text, words: splitCommands(retry.text)[0]?.words ?? [] }, retry.parsed)
      if (!again)
        break
      retry = { ...again, left: [...retry.left, ...again.left] }
    }
    const kept = first.errors.filter(error => !retry || !first.unknownFlags.some(word => word.start <= error.start && error.start < word.end))
    const parsed = retry ? { ...retry.parsed, errors: [...kept, ...retry.parsed.errors.filter(e => !kept.some(f => f.start === e.start))], unknownFlags: [] } : first
    const swarm = first.isDocker && path === 'service create' && !first.help
    const config = runLike ? containerConfigOf(parsed) : swarm ? swarmConfigOf(parsed) : null
    if (config) {
      const service = addService(file, parsed, config, taken, swarm)
      if (swarm)
        file.notes.push({ path: ['services', service], severity: 'info', text: 'A Swarm service: deploy with `docker stack deploy -c compose.yaml NAME`; `docker compose up` runs it as one container and ignores the Swarm-only settings.' })
      for (const left of retry?.left ?? [])
        file.notes.push({ path: ['services', service], severity: 'error', text: `${left}: docker does not know this flag and refuses the command; left out here.` })
      serviceOfCommand.push(service)
      continue
    }
    serviceOfCommand.push(null)
    if (parsed.isDocker && recordCreate(file, parsed))
      continue
    const shown = (shell?.text ?? [parsed.program, ...parsed.commandWords].filter(Boolean).map(word => word!.value).join(' ')).trim()
    if (shown !== '')
      file.notes.push({ path: [], severity: 'info', text: `Not part of a Compose file, left out: ${shown.replace(/\s+/g, ' ')}` })
  }

  const networks = new Set([...file.createdNetworks.keys(), ...file.usedNetworks])
  if (networks.size > 0) {
    file.file.networks = {}
    for (const name of networks) {
      const created = file.createdNetworks.get(name)
      file.file.networks[name] = created ?? { external: true }
      if (!created)
        file.notes.push({ path: ['networks', name], severity: 'info', text: `external: the network ${name} must exist already (docker network create ${name}).` })
    }
  }
  for (const [key, used] of [['secrets', file.usedSecrets], ['configs', file.usedConfigs]] as const) {
    if (used.size === 0)
      continue
    file.file[key] = Object.fromEntries([...used].map(name => [name, { external: true }]))
    file.notes.push({ path: [key], severity: 'info', text: `external: made beforehand with docker ${key === 'secrets' ? 'secret' : 'config'} create.` })
  }
  const volumes = new Set([...file.createdVolumes.keys(), ...file.usedVolumes])
  if (volumes.size > 0) {
    file.file.volumes = {}
    for (const name of volumes) file.file.volumes[name] = file.createdVolumes.get(name) ?? {}
    file.notes.push({ path: ['volumes'], severity: 'info', text: 'Compose creates these volumes, named after the project (myproject_data); add name: to reuse a volume docker run made.' })
  }

  const found: { path: DataPath, placeholder: string }[] = []
  const restored = restorePlaceholders(file.file as unknown as ComposeValue, placeholders.byToken, [], found) as unknown as ComposeFileData
  for (const { path, placeholder } of found) {
    const [top, service, key] = path
    const place = top === 'services' && service !== undefined && key !== undefined ? [top, service, key] : path.slice(0, 2)
    file.notes.push({ path: place, severity: 'warning', text: `${placeholder} is a blank from the documentation: put your own value in its place.` })
  }
  // A note quotes the command; `$(…)` is written in its other shell spelling, `…`, so that the
  // Compose text never holds `$(`, which Compose does not read as a command.
  const notes = file.notes.map(note => ({
    ...note,
    text: note.text.replace(/PLACEHOLDER\d+X/g, token => placeholders.byToken.get(token) ?? token).replace(/\$\(([^()]*)\)/g, '`$1`'),
  }))
  return { file: restored, notes, serviceOfCommand }
}

/**
 * The Compose file for every `docker run`/`docker create` in `text` (lines, `&&`, `;`): one service
 * each, `depends_on` where one command names another's container (--link, --volumes-from,
 * --network container:), networks and volumes declared. Other commands are noted, not dropped.
 */
export function composeFromCommands(text: string): ComposeConversion {
  const pasted = readAsPasted(text)
  const placeholders = hidePlaceholders(pasted.text)
  const conversion = convert(splitCommands(placeholders.text).map(shell => ({ shell, parsed: parseCommand(shell) })), placeholders)
  if (Object.keys(conversion.file.services).length > 0)
    conversion.notes.unshift(...pasted.notes.map(note => ({ path: [], severity: 'info' as const, text: note })))
  return conversion
}

/** The Compose form of one parsed run/create command. */
export function composeFromParsed(parsed: ParsedCommand): ComposeConversion {
  return convert([{ shell: null, parsed }], { text: '', byToken: new Map() })
}
