// Turns a parsed command into what a newcomer reads: one segment per part of the command, in order,
// each with a plain-text explanation specific to the values given, plus a one-sentence summary.

import type { CatalogImage } from './catalog'
import type { ContainerConfig } from './container-config'
import type { CommandFlag, ParsedCommand } from './parse-command'
import type { Expansion, ShellCommand, Word } from './tokenize'
import type {
  CommandExplanation,
  ImageReference,
  MountInfo,
  PortMapping,
  RunPicture,
  Segment,
  SegmentKind,
  Span,
} from './types'
import type { FlagValue, NetworkValue, RestartPolicy } from './values'
import { toCompose } from '../compose/yaml'
import { shellJoin } from '../text/shell-words'
import { containerConfigOf } from './container-config'
import { commandHasTrait } from './grammar'
import { catalogImageOf, programToRun } from './image-defaults'
import { effectiveValue, isFlagOn, parseCommand } from './parse-command'
import { describePlaceholder, placeholdersIn } from './placeholders'
import { SHELL_KEYWORDS } from './shell-syntax'
import { substitutionOf } from './substitution'
import { findWarnings } from './warnings'

function quote(text: string): string {
  return `\`${text}\``
}

// ---------------------------------------------------------------------------
// Values in words
// ---------------------------------------------------------------------------

function describePort(port: Omit<PortMapping, 'span'>): string {
  const inside = `port ${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`} inside the container`
  const where = port.allInterfaces
    ? port.hostIp === null ? '' : ` (${port.hostIp} means every network interface of your computer)`
    : ` (only on the address ${port.hostIp})`
  if (port.hostPort === null)
    return `Docker picks a free port of your computer${where} and forwards it to ${inside}; \`docker port\` shows which one.`
  const ports = port.hostPort.includes('-') ? `Ports ${port.hostPort}` : `Port ${port.hostPort}`
  return `${ports} of your computer${where} forward${port.hostPort.includes('-') ? '' : 's'} to ${inside}.`
}

/** Says which folder a path the shell fills in stands for. */
function whichFolder(source: string): string {
  if (/^(\$PWD|\$\{PWD\}|\$\(pwd\)|`pwd`)/.test(source))
    return ' (the folder you run the command from)'
  if (/^(~|\$HOME|\$\{HOME\})/.test(source))
    return ' (in your home folder)'
  if (source.startsWith('.'))
    return ' (relative to the folder you run the command from)'
  return ''
}

function describeMount(mount: Omit<MountInfo, 'span'>): string {
  const access = mount.readOnly ? ', read-only inside (the container cannot change it)' : ''
  switch (mount.type) {
    case 'volume':
      return `A named volume ${quote(mount.source ?? '')}, managed by Docker, mounted at ${mount.target}${access}. Docker creates it if needed; its data outlives the container.`
    case 'bind':
      return `The folder ${mount.source}${whichFolder(mount.source ?? '')} of your computer appears at ${mount.target} inside the container${access}. Changes on either side are seen by the other.`
    case 'tmpfs':
      return `A temporary in-memory folder at ${mount.target}${access}: its content disappears when the container stops.`
    case 'anonymous':
      return `A new anonymous volume (a random name chosen by Docker) mounted at ${mount.target}${access}.`
    case 'image':
      return `The files of the image ${quote(mount.source ?? '')} appear at ${mount.target} inside the container${mount.readOnly ? '' : ' (image mounts are always read-only)'}. Docker pulls that image if needed.`
    case 'npipe':
      return `The Windows named pipe ${mount.source ?? ''} of your computer appears at ${mount.target} inside the container${access} (Windows hosts only).`
    case 'cluster':
      return `The Swarm cluster volume ${quote(mount.source ?? '')} mounted at ${mount.target}${access} (a Swarm feature; plain containers cannot use it).`
  }
}

function describeEnv(env: { name: string, value: string | null }): string {
  if (env.value === null)
    return `Copies the variable ${env.name} from your shell's environment into the container (left unset if your shell does not have it).`
  if (env.value === '')
    return `Sets the environment variable ${env.name} to an empty value inside the container.`
  return `Sets the environment variable ${env.name} to "${env.value}" inside the container.`
}

function describeRestart(policy: RestartPolicy): string {
  switch (policy.name) {
    case 'no':
    case '':
      return 'Never restarts the container automatically (the default).'
    case 'always':
      return 'Restarts the container whenever it stops, and when Docker itself starts (e.g. after a reboot).'
    case 'unless-stopped':
      return 'Restarts the container whenever it stops, except after you stopped it yourself with docker stop.'
    case 'on-failure':
      return `Restarts the container when its program exits with an error${policy.maxRetries ? `, at most ${policy.maxRetries} times` : ''}.`
    default:
      return `Restart policy ${quote(policy.name)}.`
  }
}

function describeNetwork(network: NetworkValue): string {
  const extras: string[] = []
  if (network.aliases.length > 0)
    extras.push(`other containers on it also reach this one as ${network.aliases.map(quote).join(', ')}`)
  if (network.ipv4)
    extras.push(`its address there is ${network.ipv4}`)
  if (network.ipv6)
    extras.push(`its IPv6 address there is ${network.ipv6}`)
  const more = extras.length > 0 ? ` Here ${extras.join('; ')}.` : ''
  switch (network.mode) {
    case 'host':
      return 'Uses your computer\'s network directly: no separate network, no port mapping; the container\'s ports are your computer\'s ports.'
    case 'none':
      return 'Gives the container no network at all (only its own loopback).'
    case 'bridge':
    case 'default':
      return `Connects the container to Docker's default bridge network (the default).${more}`
    case 'container':
      return `Shares the network of the container ${network.container}: same IP address, same ports.`
    case 'user-defined':
      return `Connects the container to the network ${quote(network.name)}; containers on the same user-defined network reach each other by name.${more}`
  }
}

/** A size as people say it: 536870912 → 512 MiB. */
function describeSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
  let size = bytes
  let unit = 0
  while (size >= 1024 && unit < units.length - 1 && Number.isInteger(size / 1024)) {
    size /= 1024
    unit++
  }
  return `${size} ${units[unit]}`
}

function placeholderNotes(placeholders: readonly Expansion[]): string {
  return placeholders.map(p => ` ${describePlaceholder(p.text)}`).join('')
}

/** Our explanation of one flag with its value. */
function describeFlag(flag: CommandFlag, command: ParsedCommand): string {
  const spec = flag.spec
  const value = flag.value ?? ''
  if (spec.type === 'bool') {
    if (!isFlagOn(flag)) {
      // A few bool flags are on unless turned off (`--sig-proxy`, `--disable-content-trust`): docker's help says so.
      if (spec.help.includes('(default true)'))
        return `Turned off (it is on by default). ${spec.explain ?? spec.help}`
      return `Set to false, which is the default: ${quote(`--${spec.long}`)} has no effect here.`
    }
    return spec.explain ?? spec.help
  }
  const placeholders = flag.valueWord && flag.valueSpan ? placeholdersIn(flag.valueWord, flag.valueSpan) : []
  const expanded = flag.valueWord && flag.valueSpan && flag.valueWord.expansions.some(e => e.kind !== 'placeholder' && e.start < flag.valueSpan!.end && flag.valueSpan!.start < e.end)
  const note = `${expanded ? ' The shell fills in part of this value before docker sees it.' : ''}${placeholderNotes(placeholders)}`
  const specific = describeValue(flag, value, command)
  if (specific)
    return specific + note
  const general = spec.explain ?? spec.help
  const sentence = general.includes('{value}') ? general.replaceAll('{value}', value) : `${general}: ${value}`
  return `${sentence}${note && !/[.!?]$/.test(sentence) ? '.' : ''}${note}`
}

/** What this value does, read from the flag's typed value; null: the table's general explanation. */
function describeValue(flag: CommandFlag, value: string, command: ParsedCommand): string | null {
  const typed: FlagValue | null = flag.typed
  switch (typed?.kind) {
    case 'ports':
      return typed.ports.map(describePort).join(' ')
    case 'mount':
      return describeMount(typed.mount)
    case 'env':
      return describeEnv(typed.env)
    case 'restart':
      return describeRestart(typed.policy)
    case 'network':
      return describeNetwork(typed.network)
    case 'bytes':
      if (!typed.unit && typed.bytes > 0)
        return `${describeSizeFlag(flag, typed.bytes)} A number without a unit is in bytes: ${value} means ${describeSize(typed.bytes)}; write ${value}m for megabytes or ${value}g for gigabytes.`
      return null
  }
  if (flag.spec.long === 'name' && command.spec && commandHasTrait(command.spec, 'creates-container'))
    return `Names the container ${quote(value)}, so later commands (docker stop ${value}, docker logs ${value}…) can use this name instead of a random one.`
  return null
}

/** The table's explanation of a size flag with the size spelled out. */
function describeSizeFlag(flag: CommandFlag, bytes: number): string {
  const general = flag.spec.explain ?? flag.spec.help
  return general.includes('{value}') ? general.replaceAll('{value}', describeSize(bytes)) : `${general}: ${describeSize(bytes)}.`
}

// ---------------------------------------------------------------------------
// Segments
// ---------------------------------------------------------------------------

function segment(input: string, kind: SegmentKind, span: Span, explanation: string, extra: Partial<Segment> = {}): Segment {
  return { kind, start: span.start, end: span.end, text: input.slice(span.start, span.end), explanation, ...extra }
}

const OTHER_PROGRAMS: Record<string, string> = {
  'pip': 'pip, the Python package installer',
  'pip3': 'pip, the Python package installer',
  'python': 'the Python interpreter',
  'python3': 'the Python interpreter',
  'cd': 'the shell command that changes the current folder',
  'ls': 'ls, which lists files',
  'cat': 'cat, which prints files',
  'echo': 'echo, which prints its arguments',
  'curl': 'curl, which makes web requests',
  'git': 'git',
  'grep': 'grep, which filters lines',
  'docker-compose': 'docker-compose, the old separate Compose program (today: docker compose)',
  'apt-get': 'apt-get, Debian\'s package manager',
  'source': 'the shell command that runs a script in the current shell',
}

function describeOtherProgram(words: Word[]): string {
  const [program, ...rest] = words
  const name = program!.value
  if ((name === 'python' || name === 'python3') && rest[0]?.value === '-m' && rest[1])
    return `Not a docker command: runs the Python module ${rest[1].value} with ${name}.`
  const known = OTHER_PROGRAMS[name.split('/').pop()!]
  const args = rest.map(w => w.value).join(' ')
  return `Not a docker command: runs ${known ?? name}${args ? ` with ${quote(args)}` : ''}.`
}

function describeRedirection(operator: string, target: string): string {
  if (/^\d*>&$/.test(operator))
    return `The shell sends this output stream to stream ${target}.`
  if (operator.includes('<'))
    return `The shell feeds ${target} to the program's input.`
  const stream = operator.startsWith('2') ? 'error output' : operator.startsWith('&') ? 'output and error output' : 'output'
  return `The shell ${operator.includes('>>') ? 'appends' : 'writes'} the program's ${stream} to the file ${target}, on your computer (not in a container).`
}

/** An argument the shell fills in with the output of a command it runs first. */
function describeSubstitutedArgument(word: Word): string | null {
  const substitution = substitutionOf(word)
  if (!substitution)
    return null
  const text = substitution.output
    ? `The ${substitution.output.replace(/^the /, '')}: your shell runs ${quote(substitution.inner)} first and passes each one it prints as an argument.`
    : `What ${quote(substitution.inner)} prints: your shell runs it first and passes each word of its output as an argument.`
  return text
}

function describeArgument(kind: string | undefined, value: string, command: ParsedCommand, word?: Word): string {
  const substituted = word ? describeSubstitutedArgument(word) : null
  if (substituted)
    return substituted
  switch (kind) {
    case 'container':
      return `The container ${quote(value)}, by name or ID.`
    case 'volume':
      return `The volume ${quote(value)}.`
    case 'network':
      return `The network ${quote(value)}.`
    case 'context':
      return `The context ${quote(value)} (a saved daemon connection).`
    case 'path':
      return value === '.'
        ? 'The current folder, whose files are sent to Docker as the build context.'
        : `The path ${quote(value)}.`
    case 'cp-location': {
      const colon = value.indexOf(':')
      if (colon > 0 && !/^[A-Z]:[\\/]/i.test(value))
        return `The path ${value.slice(colon + 1)} inside the container ${value.slice(0, colon)}.`
      return `The path ${value} on your computer.`
    }
    case 'service':
      return `The Compose service ${quote(value)}.`
    case 'name':
      return `The name ${quote(value)}.`
    default:
      return command.spec ? `Argument ${quote(value)}.` : `${quote(value)}.`
  }
}

/** Merges the flags of one word (`-itd`) into one segment, and gives every flag its explanation. */
function flagSegments(input: string, flags: readonly CommandFlag[], kind: SegmentKind, command: ParsedCommand): Segment[] {
  const out: Segment[] = []
  for (let n = 0; n < flags.length; n++) {
    const flag = flags[n]!
    const group = [flag]
    while (flag.combined && flags[n + 1]?.word === flag.word) group.push(flags[++n]!)
    const last = group.at(-1)!
    const span = { start: flag.word.start, end: Math.max(flag.word.end, last.span.end) }
    const explanation
      = group.length === 1
        ? describeFlag(flag, command)
        : group.map(f => `${f.written} (--${f.spec.long}): ${describeFlag(f, command)}`).join(' ')
    const withValue = group.find(f => f.valueSpan)
    const value = withValue?.valueSpan
      ? { value: { ...withValue.valueSpan, text: input.slice(withValue.valueSpan.start, withValue.valueSpan.end) } }
      : {}
    const valueWord = withValue?.valueWord
    if (valueWord && valueWord !== flag.word && !/^(\s|\\\r?\n)*$/.test(input.slice(flag.word.end, valueWord.start))) {
      // Something of the shell (a redirection) sits between the flag and its value: two segments.
      out.push(segment(input, kind, flag.word, explanation, { flag: flag.spec.long }))
      out.push(segment(input, kind, valueWord, `The value of ${flag.written}: ${explanation}`, { flag: flag.spec.long, ...value }))
      continue
    }
    out.push(segment(input, kind, span, explanation, { flag: flag.spec.long, ...value }))
  }
  return out
}

/** Groups words that follow each other with only blanks (or line continuations) between them. */
function adjacentRuns(input: string, words: readonly Word[]): Span[] {
  const runs: Span[] = []
  for (const word of words) {
    const last = runs.at(-1)
    if (last && /^(\s|\\\r?\n)*$/.test(input.slice(last.end, word.start)))
      last.end = word.end
    else runs.push({ start: word.start, end: word.end })
  }
  return runs
}

function describePrefix(word: Word, kind: ParsedCommand['prefix'][number]['kind'], parsed: ParsedCommand): string {
  switch (kind) {
    case 'sudo':
      return 'Runs what follows as the administrator (root). Often needed when your user is not in the docker group.'
    case 'assignment':
      return `Sets the variable ${word.value.split('=')[0]} for this one command only.`
    case 'keyword':
      if (word.value === 'for')
        return 'Starts a loop: the commands between `do` and `done` run once for each word after `in`.'
      if (word.value === 'in')
        return 'The words the loop goes through follow.'
      return SHELL_KEYWORDS[word.raw] ?? `The shell keyword ${quote(word.value)}.`
    case 'loop-variable':
      return `On each turn the shell sets ${quote(`$${word.value}`)} to the next word, so the body can use it.`
    case 'loop-item': {
      const substituted = describeSubstitutedArgument(word)
      const variable = parsed.prefix.find(p => p.kind === 'loop-variable')?.word.value ?? ''
      return substituted ?? `One turn of the loop with ${quote(`$${variable}`)} set to ${quote(word.value)}.`
    }
  }
}

function buildSegments(input: string, shell: ShellCommand, parsed: ParsedCommand, image: ImageReference | null, config: ContainerConfig | null): Segment[] {
  const segments: Segment[] = []
  for (const { word, kind } of parsed.prefix)
    segments.push(segment(input, 'shell', word, describePrefix(word, kind, parsed)))
  for (const redirection of shell.redirections)
    segments.push(segment(input, 'shell', redirection, describeRedirection(redirection.operator, redirection.target?.value ?? '')))
  if (!parsed.program)
    return segments

  if (!parsed.isDocker) {
    segments.push(segment(input, 'program', parsed.program, describeOtherProgram([parsed.program])))
    const words = shell.words.slice(shell.words.indexOf(parsed.program) + 1)
    for (const word of words) segments.push(segment(input, 'argument', word, `Passed to ${parsed.program.value}.`))
    return segments
  }

  segments.push(
    segment(input, 'program', parsed.program, 'The Docker client: it checks your command and sends it to the Docker daemon, which does the work.'),
  )
  segments.push(...flagSegments(input, parsed.globalFlags, 'global-flag', parsed))
  for (const run of adjacentRuns(input, parsed.commandWords))
    segments.push(segment(input, 'command', run, parsed.spec?.explain ?? ''))
  segments.push(...flagSegments(input, parsed.flags, 'flag', parsed))
  for (const word of parsed.helpFlags)
    segments.push(segment(input, 'flag', word, 'Asks for help: docker prints the usage of the command and runs nothing.', { flag: 'help' }))
  for (const word of new Set(parsed.unknownFlags)) {
    if (parsed.helpFlags.includes(word) || [...parsed.globalFlags, ...parsed.flags].some(f => f.word === word))
      continue
    segments.push(segment(input, 'unknown', word, `${quote(word.value)} is not a flag docker knows here.`))
  }
  if (parsed.separator)
    segments.push(segment(input, 'separator', parsed.separator, 'Ends the flags: everything after it is an argument, even if it starts with -.'))

  const commandArgs = parsed.args.filter(a => a.spec?.kind === 'command')
  const psOptions = parsed.args.filter(a => a.spec?.kind === 'ps-options')
  if (psOptions.length > 0) {
    const options = psOptions.map(a => a.word.value).join(' ')
    for (const run of adjacentRuns(input, psOptions.map(a => a.word)))
      segments.push(segment(input, 'argument', run, `Options for \`ps\`, which docker runs to list the container's processes: ${quote(options)} choose which processes and columns are shown (without them: \`-ef\`).`))
  }
  for (const arg of parsed.args) {
    if (arg.spec?.kind === 'command' || arg.spec?.kind === 'ps-options')
      continue
    const kind = arg.spec?.kind
    if (kind === 'image') {
      const ref = image && arg.word.value === image.raw ? image : null
      const known = ref ? describeCatalogImage(catalogImageOf(ref), config) : ''
      const said = ref ? `${ref.explanation}${known}` : describeSubstitutedArgument(arg.word) ?? `The image ${quote(arg.word.value)}.`
      segments.push(segment(input, 'image', arg.word, `${said}${placeholderNotes(placeholdersIn(arg.word))}`))
    }
    else if (!parsed.spec && arg === parsed.args[0]) {
      segments.push(segment(input, 'unknown', arg.word, `docker has no command called ${quote(arg.word.value)}.`))
    }
    else if (parsed.spec?.group && arg === parsed.args[0]) {
      segments.push(
        segment(input, 'unknown', arg.word, `docker ${parsed.spec.path.join(' ')} has no subcommand called ${quote(arg.word.value)}.`),
      )
    }
    else if (arg.spec === null && parsed.spec && !parsed.spec.group && parsed.errors.length > 0) {
      segments.push(segment(input, 'unknown', arg.word, `One argument too many: ${quote(arg.word.value)}.`))
    }
    else {
      segments.push(segment(input, 'argument', arg.word, `${describeArgument(kind, arg.word.value, parsed, arg.word)}${placeholderNotes(placeholdersIn(arg.word))}`))
    }
  }
  if (commandArgs.length > 0) {
    const argv = commandArgs.map(a => a.word.value).join(' ')
    const container = parsed.args.find(a => a.spec?.kind === 'container')?.word.value
    const explanation = config
      ? describeContainerCommand(argv, config, catalogImageOf(image))
      : container !== undefined
        ? `Runs ${quote(argv)} inside the running container ${container}.`
        : `Runs ${quote(argv)}.`
    for (const run of adjacentRuns(input, commandArgs.map(a => a.word)))
      segments.push(segment(input, 'container-command', run, explanation))
  }
  return segments
}

// ---------------------------------------------------------------------------
// The picture of a run, and the summary
// ---------------------------------------------------------------------------

/** What the widget draws, from the container configuration. */
function runPictureOf(config: ContainerConfig): RunPicture {
  return {
    image: config.image,
    name: config.name,
    network: config.network?.name ?? null,
    ports: config.ports,
    mounts: config.mounts,
    env: config.env,
    command: config.command,
    detached: config.detach,
    interactive: config.interactive,
    tty: config.tty,
    removeOnExit: config.remove,
  }
}

/** Today, for end-of-life dates (the catalog gives the date; whether it has passed depends on when you read). */
function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** What the catalog knows of the image: its default command (when it will run) and its support. */
function describeCatalogImage(catalog: CatalogImage | null, config: ContainerConfig | null): string {
  if (!catalog)
    return ''
  const notes: string[] = []
  if (config && config.command.length === 0 && config.entrypoint === null)
    notes.push(`With no command given, it runs its default command: ${catalog.defaultCommandExplained}.`)
  if (catalog.endOfLife !== null) {
    notes.push(catalog.endOfLife < today()
      ? `Its software is end of life since ${catalog.endOfLife}: no more security fixes; use a supported tag.`
      : `Its software gets fixes until ${catalog.endOfLife}.`)
  }
  return notes.length > 0 ? ` ${notes.join(' ')}` : ''
}

/** The words after the image: they replace the image's CMD, or are given to its ENTRYPOINT. */
function describeContainerCommand(argv: string, config: ContainerConfig, catalog: CatalogImage | null): string {
  const entrypoint = config.entrypoint ?? catalog?.config.entrypoint ?? null
  const cmd = catalog?.config.cmd ?? null
  if (entrypoint && entrypoint.length > 0) {
    const by = config.entrypoint === null ? 'the image\'s entrypoint' : 'the entrypoint set by --entrypoint'
    const replaced = config.entrypoint === null && cmd ? ` (in place of its default arguments ${quote(cmd.join(' '))})` : ''
    return `Given as arguments to ${by} ${quote(entrypoint.join(' '))}${replaced}, so the container runs ${quote(`${entrypoint.join(' ')} ${argv}`)}.`
  }
  const instead = cmd ? ` instead of the image's default command (${quote(cmd.join(' '))})` : ' instead of the image\'s default command'
  return `Runs ${quote(argv)} inside the container${instead}.`
}

function runSummary(parsed: ParsedCommand, run: RunPicture, config: ContainerConfig): string {
  const create = parsed.spec !== null && !commandHasTrait(parsed.spec, 'starts-container')
  const image = run.image ? run.image.raw : 'an image'
  const traits: string[] = []
  if (run.interactive && run.tty)
    traits.push('with an interactive terminal')
  else if (run.interactive)
    traits.push('with your input connected')
  else if (run.tty)
    traits.push('with a terminal')
  if (run.detached)
    traits.push('in the background')
  if (run.removeOnExit)
    traits.push('removed when it stops')
  if (run.name)
    traits.push(`named ${run.name}`)
  if (run.ports.length)
    traits.push(`publishing ${run.ports.map(p => `${p.hostPort ?? 'a free port'}→${p.containerPort}`).join(', ')}`)
  if (run.mounts.length)
    traits.push(`with ${run.mounts.length === 1 ? 'one mount' : `${run.mounts.length} mounts`}`)
  const catalog = catalogImageOf(run.image)
  const program = programToRun(config, catalog)
  const prompt = program?.interactive ? ', an interactive prompt' : ''
  const what = program?.isDefault
    ? `running the image's default command, ${quote(shellJoin(program.argv))}${prompt}`
    : program
      ? `running ${quote(shellJoin(program.argv))}${prompt}`
      : run.command.length ? `running ${quote(run.command.join(' '))}` : 'running the image\'s default command'
  const verb = create ? 'Creates (without starting) a new container' : 'Starts a new container'
  return `${verb} from ${image}${traits.length ? `, ${traits.join(', ')}` : ''}, ${what}.`
}

/** A command with no program: a loop header, a keyword alone (`done`, `fi`), or variable settings. */
function describeShellOnly(parsed: ParsedCommand): string {
  const variable = parsed.prefix.find(p => p.kind === 'loop-variable')?.word.value
  if (variable !== undefined) {
    const items = parsed.prefix.filter(p => p.kind === 'loop-item').map(p => p.word)
    const over = items.length === 0
      ? 'once for each argument of the script'
      : items.length === 1 && substitutionOf(items[0]!)
        ? `once for each ${substitutionOf(items[0]!)!.output?.replace(/^the /, 'of the ') ?? 'word'} ${quote(substitutionOf(items[0]!)!.inner)} prints`
        : `once for each of ${items.map(w => quote(w.value)).join(', ')}`
    return `A loop: the shell runs the commands between \`do\` and \`done\` ${over}, with ${quote(`$${variable}`)} set to it in turn.`
  }
  const keywords = parsed.prefix.filter(p => p.kind === 'keyword')
  if (keywords.length > 0)
    return SHELL_KEYWORDS[keywords.at(-1)!.word.raw] ?? 'Shell syntax, no program to run.'
  return 'Only shell settings, no program to run.'
}

function summarize(shell: ShellCommand, parsed: ParsedCommand, run: RunPicture | null, config: ContainerConfig | null): string {
  if (shell.error)
    return `The shell cannot run this yet: ${shell.error.message}`
  if (!parsed.program)
    return describeShellOnly(parsed)
  if (!parsed.isDocker)
    return describeOtherProgram(shell.words.slice(shell.words.indexOf(parsed.program)))
  if (parsed.errors.length > 0)
    return `Docker would refuse this command: ${parsed.errors[0]!.message}`
  if (parsed.version)
    return 'Prints the version of the docker client.'
  if (!parsed.spec)
    return 'Prints docker\'s help: the list of commands (nothing runs).'
  const written = ['docker', ...parsed.commandWords.map(w => w.value)].join(' ')
  if (parsed.help)
    return `Prints the help of ${written}: its usage and flags (nothing runs).`
  if (run && config)
    return runSummary(parsed, run, config)
  if (commandHasTrait(parsed.spec, 'runs-in-container')) {
    const container = parsed.args.find(a => a.spec?.kind === 'container')?.word.value ?? ''
    const argv = parsed.args.filter(a => a.spec?.kind === 'command').map(a => a.word.value).join(' ')
    return `Runs ${quote(argv)} inside the running container ${container}${isFlagOn(effectiveValue(parsed.flags, 'interactive')) && isFlagOn(effectiveValue(parsed.flags, 'tty')) ? ', with an interactive terminal' : ''}.`
  }
  const firstSentence = /^.*?[.!?](?=\s|$)/.exec(parsed.spec.explain)?.[0] ?? parsed.spec.explain
  const args = parsed.args
    .filter(a => a.spec && a.spec.kind !== 'command' && a.spec.kind !== 'ps-options')
    .map(a => describeArgument(a.spec?.kind, a.word.value, parsed, a.word).replace(/\.$/, ''))
  const here = args.length > 0 ? ` Here: ${args.map(a => a.charAt(0).toLowerCase() + a.slice(1)).join('; ')}.` : ''
  return `${firstSentence.replace(/([^.!?])$/, '$1.')}${here}`
}

// ---------------------------------------------------------------------------

/** Message prefix of a failure inside the engine (a bug, never the user's fault). */
export const INTERNAL_ERROR = 'Internal error while explaining this command'

/** The Compose file; a failure (a bug) becomes a YAML comment saying so rather than an exception on read. */
function composeOrNote(parsed: ParsedCommand, run: RunPicture): string {
  try {
    return toCompose(parsed, run)
  }
  catch (failure) {
    return `# ${INTERNAL_ERROR} (Compose form): ${failure instanceof Error ? failure.message : String(failure)}\n`
  }
}

/** Explains one command of a text split by the tokenizer. Spans are relative to `shell.text`. */
export function explainShellCommand(shell: ShellCommand): CommandExplanation {
  const input = shell.text
  const parsed = parseCommand(shell)
  // An unclosed quote cuts the command short: what the parser would say about the rest is noise.
  if (shell.error)
    parsed.errors = [shell.error]

  const image = parsed.image
  const config = parsed.isDocker && !parsed.help ? containerConfigOf(parsed) : null
  const run = config ? runPictureOf(config) : null
  const segments = buildSegments(input, shell, parsed, image, config).sort((a, b) => a.start - b.start || a.end - b.end)
  const warnings = findWarnings({ input, shell, parsed, config, image })
  const errors = parsed.errors.sort((a, b) => a.start - b.start)
  // Built on first read: YAML output costs more than the rest, and most readers never ask for it.
  let compose: string | null | undefined
  const composeOnce = (): string | null => {
    if (compose === undefined)
      compose = run ? composeOrNote(parsed, run) : null
    return compose
  }
  return {
    input,
    offset: shell.start,
    isDocker: parsed.isDocker,
    ok: errors.length === 0,
    command: parsed.spec ? [...parsed.spec.path] : [],
    summary: summarize(shell, parsed, run, config),
    segments,
    errors,
    warnings,
    image,
    run,
    config,
    get compose() {
      return composeOnce()
    },
  }
}
