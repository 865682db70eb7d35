// Turns a parsed command into what a newcomer reads: one segment per part of the command, in order,
// each with a plain-text explanation specific to the values given, plus a one-sentence summary.

import type { ParsedCommand, ParsedFlag } from './parse'
import type { ShellCommand, Word } from './tokenize'
import type {
  CommandExplanation,
  EnvInfo,
  ImageReference,
  MountInfo,
  PortMapping,
  RunPicture,
  Segment,
  SegmentKind,
  Span,
} from './types'
import { toCompose } from './compose'
import { effectiveValue, mountOfFlag, parseCommand } from './parse'
import { parseEnv, parseImageReference, parsePublish } from './values'
import { findWarnings } from './warnings'

const RUN_LIKE = new Set(['container run', 'container create'])

function quote(text: string): string {
  return `\`${text}\``
}

function isOn(flag: ParsedFlag | undefined): boolean {
  return flag !== undefined && /^(1|t|true)$/i.test(flag.effective)
}

// ---------------------------------------------------------------------------
// Values in words
// ---------------------------------------------------------------------------

export function describePort(port: Omit<PortMapping, 'span'>): string {
  const inside = `port ${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`} inside the container`
  const where = port.hostIp ? ` (only on the address ${port.hostIp})` : ''
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

export function describeMount(mount: Omit<MountInfo, 'span'>): string {
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
  }
}

export function describeEnv(env: { name: string, value: string | null }): string {
  if (env.value === null)
    return `Copies the variable ${env.name} from your shell's environment into the container (left unset if your shell does not have it).`
  if (env.value === '')
    return `Sets the environment variable ${env.name} to an empty value inside the container.`
  return `Sets the environment variable ${env.name} to "${env.value}" inside the container.`
}

function describeRestart(value: string): string {
  const [policy, count] = value.split(':')
  switch (policy) {
    case 'no':
      return 'Never restarts the container automatically (the default).'
    case 'always':
      return 'Restarts the container whenever it stops, and when Docker itself starts (e.g. after a reboot).'
    case 'unless-stopped':
      return 'Restarts the container whenever it stops, except after you stopped it yourself with docker stop.'
    case 'on-failure':
      return `Restarts the container when its program exits with an error${count ? `, at most ${count} times` : ''}.`
    default:
      return `Restart policy ${quote(value)}.`
  }
}

/** Our explanation of one flag with its value. */
function describeFlag(flag: ParsedFlag, command: ParsedCommand): string {
  const spec = flag.spec
  const value = flag.value ?? ''
  if (spec.type === 'bool') {
    if (!isOn(flag))
      return `Set to false, which is the default: ${quote(`--${spec.long}`)} has no effect here.`
    return spec.explain ?? spec.help
  }
  const expanded = flag.valueWord?.expansions.some(
    e => flag.valueSpan && e.start < flag.valueSpan.end && e.end > flag.valueSpan.start,
  )
  const note = expanded ? ' The shell fills in part of this value before docker sees it.' : ''
  const specific = describeValue(flag, value, command)
  if (specific)
    return specific + note
  const general = spec.explain ?? spec.help
  return (general.includes('{value}') ? general.replaceAll('{value}', value) : `${general}: ${value}`) + note
}

function describeValue(flag: ParsedFlag, value: string, command: ParsedCommand): string | null {
  const spec = flag.spec
  const path = command.spec?.path.join(' ') ?? ''
  if (spec.check === 'publish') {
    const ports = parsePublish(value)
    if (ports.ok)
      return ports.value.map(describePort).join(' ')
  }
  const mount = mountOfFlag(flag)
  if (mount)
    return describeMount(mount)
  if (spec.check === 'env') {
    const env = parseEnv(value)
    if (env.ok)
      return describeEnv(env.value)
  }
  if (spec.check === 'restart')
    return describeRestart(value)
  if (spec.long === 'name' && RUN_LIKE.has(path))
    return `Names the container ${quote(value)}, so later commands (docker stop ${value}, docker logs ${value}…) can use this name instead of a random one.`
  if (spec.long === 'tmpfs')
    return describeMount({ type: 'tmpfs', source: null, target: value.split(':')[0]!, readOnly: false })
  if (spec.long === 'network' || spec.long === 'net') {
    if (value === 'host')
      return 'Uses your computer\'s network directly: no separate network, no port mapping; the container\'s ports are your computer\'s ports.'
    if (value === 'none')
      return 'Gives the container no network at all (only its own loopback).'
    if (value === 'bridge')
      return 'Connects the container to Docker\'s default bridge network (the default).'
    if (value.startsWith('container:'))
      return `Shares the network of the container ${value.slice('container:'.length)}: same IP address, same ports.`
    return `Connects the container to the network ${quote(value)}; containers on the same user-defined network reach each other by name.`
  }
  return null
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

function describeArgument(kind: string | undefined, value: string, command: ParsedCommand): string {
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
function flagSegments(input: string, flags: readonly ParsedFlag[], kind: SegmentKind, command: ParsedCommand): Segment[] {
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

function imageExplanation(image: ImageReference): string {
  return image.explanation
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

function buildSegments(input: string, shell: ShellCommand, parsed: ParsedCommand, image: ImageReference | null): Segment[] {
  const segments: Segment[] = []
  for (const { word, kind } of parsed.prefix) {
    segments.push(
      segment(
        input,
        'shell',
        word,
        kind === 'sudo'
          ? 'Runs what follows as the administrator (root). Often needed when your user is not in the docker group.'
          : `Sets the variable ${word.value.split('=')[0]} for this one command only.`,
      ),
    )
  }
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

  const path = parsed.spec?.path.join(' ') ?? ''
  const commandArgs = parsed.args.filter(a => a.spec?.kind === 'command')
  for (const arg of parsed.args) {
    if (arg.spec?.kind === 'command')
      continue
    const kind = arg.spec?.kind
    if (kind === 'image') {
      const ref = image && arg.word.value === image.raw ? image : null
      segments.push(segment(input, 'image', arg.word, ref ? imageExplanation(ref) : `The image ${quote(arg.word.value)}.`))
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
      segments.push(segment(input, 'argument', arg.word, describeArgument(kind, arg.word.value, parsed)))
    }
  }
  if (commandArgs.length > 0) {
    const argv = commandArgs.map(a => a.word.value).join(' ')
    const container = parsed.args.find(a => a.spec?.kind === 'container')?.word.value
    const explanation = RUN_LIKE.has(path)
      ? `Runs ${quote(argv)} inside the container instead of the image's default command.`
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

function buildRunPicture(parsed: ParsedCommand, image: ImageReference | null): RunPicture {
  const ports: PortMapping[] = []
  const mounts: MountInfo[] = []
  const env: EnvInfo[] = []
  for (const flag of parsed.flags) {
    if (flag.value === null || !flag.valueSpan)
      continue
    const span = { start: flag.valueSpan.start, end: flag.valueSpan.end }
    if (flag.spec.check === 'publish') {
      const result = parsePublish(flag.value)
      if (result.ok)
        ports.push(...result.value.map(p => ({ ...p, span })))
    }
    else if (mountOfFlag(flag)) {
      mounts.push({ ...mountOfFlag(flag)!, span })
    }
    else if (flag.spec.long === 'tmpfs') {
      mounts.push({ type: 'tmpfs', source: null, target: flag.value.split(':')[0]!, readOnly: false, span })
    }
    else if (flag.spec.check === 'env') {
      const result = parseEnv(flag.value)
      if (result.ok)
        env.push({ ...result.value, span })
    }
  }
  const network = effectiveValue(parsed.flags, 'network') ?? effectiveValue(parsed.flags, 'net')
  return {
    image,
    name: effectiveValue(parsed.flags, 'name')?.value ?? null,
    network: network?.value ?? null,
    ports,
    mounts,
    env,
    command: parsed.args.filter(a => a.spec?.kind === 'command').map(a => a.word.value),
    detached: isOn(effectiveValue(parsed.flags, 'detach')),
    interactive: isOn(effectiveValue(parsed.flags, 'interactive')),
    tty: isOn(effectiveValue(parsed.flags, 'tty')),
    removeOnExit: isOn(effectiveValue(parsed.flags, 'rm')),
  }
}

function runSummary(parsed: ParsedCommand, run: RunPicture): string {
  const create = parsed.spec?.path.join(' ') === 'container create'
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
  const what = run.command.length ? `running ${quote(run.command.join(' '))}` : 'running the image\'s default command'
  const verb = create ? 'Creates (without starting) a new container' : 'Starts a new container'
  return `${verb} from ${image}${traits.length ? `, ${traits.join(', ')}` : ''}, ${what}.`
}

function summarize(shell: ShellCommand, parsed: ParsedCommand, run: RunPicture | null): string {
  if (shell.error)
    return `The shell cannot run this yet: ${shell.error.message}`
  if (!parsed.program)
    return 'Only shell settings, no program to run.'
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
  if (run)
    return runSummary(parsed, run)
  const path = parsed.spec.path.join(' ')
  if (path === 'container exec') {
    const container = parsed.args.find(a => a.spec?.kind === 'container')?.word.value ?? ''
    const argv = parsed.args.filter(a => a.spec?.kind === 'command').map(a => a.word.value).join(' ')
    return `Runs ${quote(argv)} inside the running container ${container}${isOn(effectiveValue(parsed.flags, 'interactive')) && isOn(effectiveValue(parsed.flags, 'tty')) ? ', with an interactive terminal' : ''}.`
  }
  const firstSentence = /^.*?[.!?](?=\s|$)/.exec(parsed.spec.explain)?.[0] ?? parsed.spec.explain
  const args = parsed.args
    .filter(a => a.spec && a.spec.kind !== 'command')
    .map(a => describeArgument(a.spec?.kind, a.word.value, parsed).replace(/\.$/, ''))
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

  const path = parsed.spec?.path.join(' ') ?? ''
  const imageArg = parsed.args.find(a => a.spec?.kind === 'image')
  let image: ImageReference | null = null
  if (imageArg) {
    const result = parseImageReference(imageArg.word.value)
    if (result.ok)
      image = result.value
  }
  const run = parsed.isDocker && RUN_LIKE.has(path) && !parsed.help ? buildRunPicture(parsed, image) : null
  const segments = buildSegments(input, shell, parsed, image).sort((a, b) => a.start - b.start || a.end - b.end)
  const warnings = findWarnings({ input, shell, parsed, run, image })
  const errors = parsed.errors.sort((a, b) => a.start - b.start)
  // Built on first read: YAML output costs more than the rest, and most readers never ask for it.
  let compose: string | null | undefined
  const composeOnce = (): string | null => {
    if (compose === undefined)
      compose = run && errors.length === 0 ? composeOrNote(parsed, run) : null
    return compose
  }
  return {
    input,
    offset: shell.start,
    isDocker: parsed.isDocker,
    ok: errors.length === 0,
    command: parsed.spec ? [...parsed.spec.path] : [],
    summary: summarize(shell, parsed, run),
    segments,
    errors,
    warnings,
    image,
    run,
    get compose() {
      return composeOnce()
    },
  }
}
