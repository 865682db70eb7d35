// The docker client, simulated: each command reads its flags (already accepted by the explainer
// engine), asks the host, and prints what the docker client prints. Output formats follow docker/cli
// (cli/command/formatter/*, cli/command/container/*, cli/command/image/*); daemon errors are printed
// as `Error response from daemon: …` with exit code 1, and as `docker: … Run 'docker run --help'` with
// 125 for run/create (cli/command/container/run.go toStatusError).

import type { CatalogImage } from '../docker/catalog'
import type { CommandExplanation } from '../docker/index'
import type { CreateRequest, DockerHost } from './docker-host'
import type { Invocation } from './invocation'
import type { ProcessIO, Signal } from './process'
import type { ContainerRecord, ImageRecord, LogEntry, NetworkRecord, PortBinding, RestartPolicy } from './state'
import { isCatalogRepository } from '../docker/catalog'
import { parseGoDuration } from '../docker/values/numbers'
import { composeCommand } from './compose'
import { DaemonError, isAnyAddress, normaliseReference, splitReference, volumeMountpoint } from './docker-host'
import { bytesSize, ellipsis, formatRows, goQuote, goTimeString, humanDuration, humanSize, rfc3339Nano, shortId, tabwrite, TemplateError } from './format'
import { containerChanges, copyBetween, CopyError, formatChanges, FsError } from './fs'
import { readTar, tarOf } from './fs/tar'
import { allValues, isSet, lastValue, readInvocation } from './invocation'
import * as messages from './messages'
import { Interrupted } from './process'
import { blockedOn, processOf, signalNamed, stdinOf } from './processes'
import { stableHex } from './random'
import { USAGE_LINES } from './usage-lines'

/** What the docker program needs besides its ProcessIO. */
export interface ClientContext {
  host: DockerHost
  io: ProcessIO
  /** Called when an attached client may detach (Ctrl-P Ctrl-Q): the session calls the returned function. */
  onDetachable?: (detach: (() => void) | null) => void
}

class ClientError extends Error {
  constructor(readonly text: string, readonly code: number) {
    super(text)
  }
}

/** Errors cobra reports while reading flags: the docker client exits 125 for them (cli/cobra.go FlagErrorFunc). */
const FLAG_ERRORS = new Set(['UNKNOWN_FLAG', 'BAD_FLAG_SYNTAX', 'FLAG_NEEDS_VALUE', 'INVALID_VALUE'])

function daemonText(error: DaemonError): string {
  return `Error response from daemon: ${error.message}`
}

/** Runs `docker ARGV…` against the host; resolves to the exit code. */
export async function runDockerCommand(context: ClientContext, argv: readonly string[]): Promise<number> {
  const { io } = context
  if (argv.length === 0 || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'))) {
    io.stdout(notSimulated('docker', 'prints its usage: the list of commands'))
    return 0
  }
  const read = readInvocation(argv)
  if (!read.ok) {
    io.stderr(clientRefusal(read.explanation, argv))
    const code = read.explanation.errors[0]?.code ?? ''
    return FLAG_ERRORS.has(code) || (code === 'CONFLICTING_FLAGS' && /\brun|create\b/.test(read.explanation.command.join(' '))) ? 125 : 1
  }
  const invocation = read.invocation
  if (invocation.flags.has('help')) {
    io.stdout(notSimulated(`docker ${invocation.path.join(' ')} --help`, 'prints this command\'s usage and flags'))
    return 0
  }
  const handler = handlerFor(invocation.path)
  if (!handler) {
    const command = `docker ${invocation.path.join(' ')}`
    io.stdout(invocation.spec.group
      ? notSimulated(command, `prints the usage of \`${command}\`: the list of its subcommands`)
      : `${command}: ${messages.NOT_SIMULATED}. What Docker does: ${invocation.spec.summary.replace(/\.$/, '')}.\n`)
    return 0
  }
  try {
    return await handler(context, invocation)
  }
  catch (failure) {
    if (failure instanceof ClientError) {
      io.stderr(failure.text.endsWith('\n') ? failure.text : `${failure.text}\n`)
      return failure.code
    }
    if (failure instanceof DaemonError) {
      io.stderr(`${daemonText(failure)}\n`)
      return 1
    }
    if (failure instanceof Interrupted)
      return 130
    throw failure
  }
}

/**
 * The client's own refusal, in its shape (cli/required.go, cli/cobra.go): `docker: 'docker run' requires
 * at least 1 argument`, `docker: unknown command: docker x`. The engine words the first line; the usage
 * line the client adds after it is not reproduced (the simulator has no usage strings), so it is left out.
 */
function clientRefusal(explanation: CommandExplanation, argv: readonly string[]): string {
  const error = explanation.errors[0]
  // The command as typed: `docker run` (an alias) or `docker container run`: its leading words.
  const typedWords: string[] = []
  for (const word of argv) {
    if (word.startsWith('-') || (typedWords.length > 0 && !explanation.command.includes(word)) || typedWords.length >= Math.max(1, explanation.command.length))
      break
    typedWords.push(word)
  }
  const typed = ['docker', ...typedWords].join(' ')
  const path = explanation.command.length ? `docker ${explanation.command.join(' ')}` : 'docker'
  if (!error)
    return `docker: ${explanation.summary}\n`
  switch (error.code) {
    case 'INVALID_IMAGE_REFERENCE':
      if (explanation.command.join(' ') === 'image tag') {
        // cli/command/image/tag.go words the reference error itself (recorded: images.json).
        const bad = /"([^"]+)"/.exec(error.message)?.[1] ?? ''
        return `Error parsing reference: "${bad}" is not a valid repository/tag: ${error.message.replace(/^[^"]*"[^"]*": /, '')}\n`
      }
      return `docker: ${error.message}\n`
    case 'CONFLICTING_FLAGS':
      // cli/command/container/opts.go (recorded: restart.json).
      if (/--rm/.test(error.message) && /--restart/.test(error.message))
        return `docker: conflicting options: cannot specify both --restart and --rm\n\nRun '${typed} --help' for more information\n`
      return `docker: ${error.message}\n\nRun '${typed} --help' for more information\n`
    case 'UNKNOWN_COMMAND':
      return `docker: unknown command: ${['docker', ...argv.filter(word => !word.startsWith('-'))].slice(0, 2 + Math.max(0, explanation.command.length)).join(' ')}\n\nRun '${path} --help' for more information\n`
    case 'MISSING_ARGUMENTS': {
      const count = /at least (\d+ arguments?)/.exec(error.message)?.[1] ?? '1 argument'
      return `docker: '${typed}' requires at least ${count}\n\n${usageLine(typed, explanation.command)}See '${typed} --help' for more information\n`
    }
    case 'TOO_MANY_ARGUMENTS':
      return `docker: '${typed}' accepts no arguments\n\n${usageLine(typed, explanation.command)}Run '${typed} --help' for more information\n`
    case 'INVALID_VALUE': {
      // run/create check -p and --expose after reading the flags (opts.parse), in their own words.
      const own = /for -p, --publish: ([^(]+?)(?: \(|$)|for --expose: ([^(]+?)(?: \(|$)/.exec(error.message)
      if (own)
        return `docker: ${(own[1] ?? own[2])!.trim()}\n\nRun '${typed} --help' for more information\n`
      return `${error.message.replace(/\.$/, '')}\n\nRun '${typed} --help' for more information\n`
    }
    default:
      return FLAG_ERRORS.has(error.code)
        ? `${error.message.replace(/\.$/, '')}\n\nRun '${typed} --help' for more information\n`
        : `docker: ${error.message}\n`
  }
}

/** The client's usage block for a command given the wrong number of arguments (docker/cli cli/required.go): the path as typed, then the command's own arguments. */
function usageLine(typed: string, command: readonly string[]): string {
  const rest = USAGE_LINES[command.join(' ')]
  return rest === undefined ? '' : `Usage:  ${[typed, rest].filter(Boolean).join(' ')}\n\n`
}

/** What the simulator answers for a valid command it does not model: plainly, with what Docker would do. */
export function notSimulated(command: string, whatDockerDoes: string): string {
  return `${command}: ${messages.NOT_SIMULATED}. Docker ${whatDockerDoes.charAt(0).toLowerCase()}${whatDockerDoes.slice(1)}.\n`
}

type Handler = (context: ClientContext, invocation: Invocation) => Promise<number>

/** Runs one operation per argument, printing each argument that succeeded and each error (docker/cli's parallelOperation loop). */
function eachArgument(context: ClientContext, invocation: Invocation, operation: (reference: string) => void | Promise<void>, options: { print?: boolean, ignoreNotFound?: boolean } = {}): Promise<number> {
  return (async () => {
    let failed = false
    for (const reference of invocation.args) {
      try {
        await operation(reference)
        if (options.print !== false)
          context.io.stdout(`${reference}\n`)
      }
      catch (failure) {
        if (failure instanceof DaemonError) {
          if (options.ignoreNotFound && failure.status === 'not-found')
            continue
          context.io.stderr(`${daemonText(failure)}\n`)
          failed = true
          continue
        }
        throw failure
      }
    }
    return failed ? 1 : 0
  })()
}

// ---------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------

/** Docker Hub official images the catalog does not describe (hub.docker.com/search?image_filter=official), as of 2026: pulling them is real but not simulated. */
const OFFICIAL_IMAGES_NOT_IN_CATALOG = new Set([
  'golang',
  'rust',
  'php',
  'ruby',
  'openjdk',
  'eclipse-temurin',
  'amazoncorretto',
  'tomcat',
  'wordpress',
  'mariadb',
  'rabbitmq',
  'elasticsearch',
  'kibana',
  'logstash',
  'gcc',
  'perl',
  'haskell',
  'julia',
  'r-base',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
  'archlinux',
  'traefik',
  'caddy',
  'memcached',
  'cassandra',
  'couchdb',
  'influxdb',
  'telegraf',
  'sonarqube',
  'nextcloud',
  'ghost',
  'drupal',
  'joomla',
  'matomo',
  'registry',
  'docker',
  'haproxy',
  'vault',
  'consul',
  'zookeeper',
  'solr',
  'neo4j',
  'couchbase',
  'percona',
  'postgis',
  'bash',
  'pypy',
  'erlang',
  'elixir',
  'clojure',
  'groovy',
  'gradle',
  'maven',
  'swift',
  'dart',
  'bun',
  'deno',
  'composer',
  'jruby',
  'mono',
  'node-red',
  'nats',
  'eclipse-mosquitto',
  'adminer',
  'phpmyadmin',
  'redmine',
  'odoo',
  'plone',
  'jetty',
  'kong',
  'varnish',
  'flink',
  'spark',
  'storm',
  'unit',
  'clickhouse',
  'irssi',
  'busybox-uclibc',
  'photon',
  'clearlinux',
  'opensuse',
  'mageia',
  'sl',
  'ibmjava',
  'sapmachine',
  'ibm-semeru-runtimes',
  'swipl',
  'hylang',
  'rakudo-star',
  'satosa',
  'yourls',
  'friendica',
  'mediawiki',
  'backdrop',
  'xwiki',
  'znc',
  'geonetwork',
  'monica',
  'kapacitor',
  'chronograf',
  'aerospike',
  'arangodb',
  'orientdb',
  'rethinkdb',
  'mongo-express',
  'emqx',
  'api-firewall',
  'liquibase',
])

/** Docker Hub's `library/` namespace shows in pull lines; other repositories as they are. */
function hubPath(repository: string): string {
  return repository.includes('/') ? repository : `library/${repository}`
}

/**
 * Pulls an image from the catalog, printing the progress as a terminal shows it once the pull ends
 * (one `Pull complete` per layer). The registry's digest is not known here: it is derived from the
 * image's name, like every ID the simulator makes.
 */
function pull(context: ClientContext, reference: string, out: (text: string) => void, options: { forRun: boolean }): ImageRecord {
  const { host } = context
  const { repository, tag } = splitReference(reference)
  const shownTag = tag ?? 'latest'
  if (!options.forRun && tag === null)
    out('Using default tag: latest\n')
  const entry: CatalogImage | null = host.catalogEntry(reference)
  if (!entry) {
    if (host.catalogEntry(`${repository}:latest`) || isCatalogRepository(repository))
      throw new DaemonError(messages.manifestUnknown(`${repository}:${shownTag}`), 'not-found')
    // A one-word name is an official image (library/NAME): Docker Hub's list of those is known, so a name
    // outside it is refused as Docker Hub refuses it. Other names (user/repo, other registries) may exist.
    if (!repository.includes('/') && !OFFICIAL_IMAGES_NOT_IN_CATALOG.has(repository))
      throw new DaemonError(messages.pullAccessDenied(repository), 'not-found')
    throw new ClientError(notSimulated(`docker pull ${repository}:${shownTag}`, `would download ${repository}:${shownTag} from ${repository.includes('.') ? 'its registry' : 'Docker Hub'} if it exists there; the simulator's catalog does not hold it`), 1)
  }
  out(`${shownTag}: Pulling from ${hubPath(entry.repository)}\n`)
  const { image, wasPresent } = host.addCatalogImage(entry, reference)
  if (!wasPresent && image.repoTags.length === 1) {
    for (const layer of image.layerIds)
      out(`${layer}: Pull complete\n`)
  }
  out(`Digest: sha256:${stableHex(`digest ${entry.repository}:${entry.tag}`)}\n`)
  out(wasPresent
    ? `Status: Image is up to date for ${repository}:${shownTag}\n`
    : `Status: Downloaded newer image for ${repository}:${shownTag}\n`)
  return image
}

const pullCommand: Handler = async ({ host, io }, invocation) => {
  const reference = invocation.args[0]!
  if (isSet(invocation, 'all-tags'))
    throw new ClientError(notSimulated('docker pull --all-tags', 'downloads every tag of the repository'), 0)
  pull({ host, io }, reference, io.stdout, { forRun: false })
  if (!isSet(invocation, 'quiet')) {
    const { repository, tag } = splitReference(reference)
    io.stdout(`docker.io/${hubPath(repository)}:${tag ?? 'latest'}\n`)
  }
  return 0
}

function imageContainers(host: DockerHost, image: ImageRecord): ContainerRecord[] {
  return host.containers.filter(c => c.imageId === image.id)
}

const IMAGE_HEADERS = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Digest: 'DIGEST' }

function imageRows(host: DockerHost, images: ImageRecord[], noTrunc: boolean): Record<string, string>[] {
  const rows: Record<string, string>[] = []
  for (const image of images) {
    const tags = image.repoTags.length ? image.repoTags : ['<none>:<none>']
    for (const tag of tags) {
      const at = tag.lastIndexOf(':')
      rows.push({
        Repository: tag.slice(0, at),
        Tag: tag.slice(at + 1),
        ID: noTrunc ? image.id : shortId(image.id),
        CreatedSince: `${humanDuration(host.now() - image.created)} ago`,
        CreatedAt: goTimeString(image.created),
        Size: humanSize(image.diskBytes),
        Digest: '<none>',
        Containers: String(imageContainers(host, image).length),
      })
    }
  }
  return rows
}

const imagesCommand: Handler = async ({ host, io }, invocation) => {
  const quiet = isSet(invocation, 'quiet')
  const format = lastValue(invocation, 'format')
  const noTrunc = isSet(invocation, 'no-trunc')
  const nameFilter = invocation.args[0]
  let images = [...host.images].sort((a, b) => b.created - a.created)
  if (nameFilter) {
    // `docker images REPOSITORY[:TAG]` keeps the matching tags only (a reference filter).
    const matches = (tag: string): boolean => nameFilter.includes(':') ? tag === normaliseReference(nameFilter) : tag.slice(0, tag.lastIndexOf(':')) === splitReference(nameFilter).repository
    images = images.filter(image => image.repoTags.some(matches)).map(image => ({ ...image, repoTags: image.repoTags.filter(matches) }))
  }
  for (const filter of allValues(invocation, 'filter')) {
    const [key, value] = splitFilter(filter)
    if (key === 'dangling')
      images = images.filter(image => (image.repoTags.length === 0) === (value === 'true'))
    else if (key === 'reference')
      images = images.filter(image => image.repoTags.some(tag => globMatch(value, tag) || globMatch(value, tag.slice(0, tag.lastIndexOf(':')))))
    else
      throw new ClientError(notSimulated(`docker images --filter ${key}=…`, `filters images by ${key}`), 0)
  }
  if (!isSet(invocation, 'all'))
    images = images.filter(image => image.repoTags.length > 0 || imageContainers(host, image).length > 0 || true)
  if (quiet) {
    const ids = [...new Set(images.map(image => noTrunc ? image.id : shortId(image.id)))]
    io.stdout(ids.map(id => `${id}\n`).join(''))
    return 0
  }
  if (format !== undefined || noTrunc || isSet(invocation, 'digests')) {
    // Docker 29 keeps the classic table whenever --format, -q, --no-trunc or --digests is given (cli/command/image/list.go shouldUseTree).
    const chosen = format === undefined || format === 'table' ? 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}' : format === 'json' ? '{{json .}}' : format
    io.stdout(formatWith(chosen, IMAGE_HEADERS, imageRows(host, images, noTrunc)))
    return 0
  }
  io.stdout(imageTree(host, images))
  return 0
}

/**
 * Docker 29's default `docker images` view (docker/cli cli/command/image/tree.go, PR #6566), as printed
 * when the output is not a terminal (no legend line, no colours): IMAGE / ID / DISK USAGE / CONTENT SIZE / EXTRA,
 * one line per tag, sorted by name; `U` in EXTRA marks an image a container uses.
 */
function imageTree(host: DockerHost, images: ImageRecord[]): string {
  const rows: { name: string, image: ImageRecord }[] = []
  for (const image of images) {
    if (image.repoTags.length === 0)
      rows.push({ name: '<untagged>', image })
    for (const tag of [...image.repoTags].sort())
      rows.push({ name: tag, image })
  }
  rows.sort((a, b) => (a.name === '<untagged>') !== (b.name === '<untagged>') ? (a.name === '<untagged>' ? 1 : -1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  const nameWidth = Math.max('IMAGE'.length, ...rows.map(row => row.name.length))
  const spacing = '   '
  const header = ['IMAGE'.padEnd(nameWidth), 'ID'.padEnd(12), 'DISK USAGE'.padStart(10), 'CONTENT SIZE'.padStart(12), 'EXTRA'].join(spacing)
  const lines = rows.map(({ name, image }) => [
    name.padEnd(nameWidth),
    shortId(image.id).padEnd(12),
    humanSize(image.diskBytes).padStart(10),
    humanSize(image.contentBytes).padStart(12),
    (imageContainers(host, image).length > 0 ? 'U' : ' ').padEnd(5),
  ].join(spacing))
  return `${[header, ...lines].join('\n')}\n`
}

function splitFilter(filter: string): [string, string] {
  const at = filter.indexOf('=')
  return at < 0 ? [filter, ''] : [filter.slice(0, at), filter.slice(at + 1)]
}

function globMatch(pattern: string, text: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.')}$`)
  return regex.test(text)
}

/** The Go type the docker client's formatter runs a template on, for its error messages (cli/command/formatter). */
function formatWith(format: string, headers: Record<string, string>, rows: Record<string, string>[], contextType = 'formatter.context'): string {
  try {
    return formatRows(format, headers, rows)
  }
  catch (failure) {
    if (failure instanceof TemplateError)
      throw new ClientError(`failed to execute template: ${failure.message.replace('in type formatter.context', `in type ${contextType}`)}`, 1)
    throw failure
  }
}

const tagCommand: Handler = async ({ host }, invocation) => {
  const [source, target] = invocation.args as [string, string]
  const image = host.findImage(source)
  if (!image)
    throw new DaemonError(messages.noSuchImage(source.includes(':') || /^[0-9a-f]{6,}$/.test(source) ? source : `${source}:latest`), 'not-found')
  host.retag(image, target)
  return 0
}

const rmiCommand: Handler = async (context, invocation) => {
  const { host, io } = context
  const force = isSet(invocation, 'force')
  let failed = false
  for (const reference of invocation.args) {
    try {
      const image = host.findImage(reference)
      if (!image)
        throw new DaemonError(messages.noSuchImage(/^[0-9a-f]{4,64}$/.test(reference) ? reference : normaliseReference(reference)), 'not-found')
      const users = imageContainers(host, image)
      const byTag = !/^(?:sha256:)?[0-9a-f]{4,64}$/.test(reference) || image.repoTags.includes(normaliseReference(reference))
      const runningUser = users.find(c => c.status === 'running' || c.status === 'paused' || c.status === 'restarting')
      if (byTag && image.repoTags.length > 1) {
        // Several tags: removing one only untags (moby image_delete.go).
        const tag = normaliseReference(reference)
        image.repoTags = image.repoTags.filter(t => t !== tag)
        io.stdout(`Untagged: ${tag}\n`)
        continue
      }
      if (users.length > 0 && !force) {
        if (byTag)
          throw new DaemonError(messages.imageUsedByContainer(reference, shortId(users[0]!.id), shortId(image.id)), 'conflict')
        throw new DaemonError(`conflict: unable to delete ${shortId(image.id)} (must be forced) - image is being used by stopped container ${shortId(users[0]!.id)}`, 'conflict')
      }
      if (runningUser && force && !byTag)
        throw new DaemonError(messages.imageUsedByRunning(shortId(image.id), shortId(runningUser.id)), 'conflict')
      for (const tag of image.repoTags)
        io.stdout(`Untagged: ${tag}\n`)
      if (users.length > 0) {
        // Forced while containers use it: the tags go, the image stays (dangling) for them.
        image.repoTags = []
        continue
      }
      if (image.catalog)
        io.stdout(`Untagged: ${image.catalog.repository}@sha256:${stableHex(`digest ${image.catalog.repository}:${image.catalog.tag}`)}\n`)
      host.images = host.images.filter(i => i !== image)
      io.stdout(`Deleted: ${image.id}\n`)
      for (const layer of image.layerIds)
        io.stdout(`Deleted: sha256:${stableHex(`layer chain ${layer}`)}\n`)
    }
    catch (failure) {
      if (failure instanceof DaemonError) {
        // cli/command/image/remove.go: with -f, images not found are reported but do not fail the command.
        io.stderr(`${daemonText(failure)}\n`)
        if (!(force && failure.status === 'not-found'))
          failed = true
        continue
      }
      throw failure
    }
  }
  return failed ? 1 : 0
}

const HISTORY_HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' }

const historyCommand: Handler = async ({ host, io }, invocation) => {
  const reference = invocation.args[0]!
  const image = host.findImage(reference)
  if (!image)
    throw new DaemonError(messages.noSuchImage(normaliseReference(reference)), 'not-found')
  const noTrunc = isSet(invocation, 'no-trunc')
  const human = lastValue(invocation, 'human') !== 'false'
  const steps = [...image.history].reverse()
  const rows = steps.map((step, index) => ({
    ID: index === 0 ? (noTrunc ? image.id : shortId(image.id)) : '<missing>',
    CreatedSince: human ? `${humanDuration(host.now() - image.created)} ago` : new Date(image.created).toISOString(),
    CreatedBy: noTrunc ? step.createdBy : ellipsis(step.createdBy.replace(/\t/g, ' '), 45),
    Size: human ? humanSize(step.size) : String(step.size),
    Comment: step.createdBy.endsWith('# buildkit') ? 'buildkit.dockerfile.v0' : '',
  }))
  const format = lastValue(invocation, 'format')
  const chosen = format === undefined || format === 'table' ? 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}' : format === 'json' ? '{{json .}}' : format
  if (isSet(invocation, 'quiet')) {
    io.stdout(rows.map(row => `${row.ID}\n`).join(''))
    return 0
  }
  io.stdout(formatWith(chosen, HISTORY_HEADERS, rows))
  return 0
}

// ---------------------------------------------------------------------------
// run / create
// ---------------------------------------------------------------------------

function parsePorts(invocation: Invocation): PortBinding[] {
  const bindings: PortBinding[] = []
  for (const value of allValues(invocation, 'publish')) {
    // [ip:][hostPort:]containerPort[/proto]; the engine has checked the shape.
    let rest = value
    let protocol: PortBinding['protocol'] = 'tcp'
    const slash = rest.lastIndexOf('/')
    if (slash >= 0) {
      protocol = rest.slice(slash + 1) as PortBinding['protocol']
      rest = rest.slice(0, slash)
    }
    let ip = ''
    const bracket = /^\[([^\]]+)\]:(.*)$/.exec(rest)
    if (bracket) {
      ip = bracket[1]!
      rest = bracket[2]!
    }
    const parts = rest.split(':')
    let hostPart = ''
    let containerPart = parts[parts.length - 1]!
    if (parts.length === 2) {
      hostPart = parts[0]!
    }
    else if (parts.length >= 3) {
      ip = parts.slice(0, parts.length - 2).join(':')
      hostPart = parts[parts.length - 2]!
      containerPart = parts[parts.length - 1]!
    }
    const [containerFrom, containerTo] = containerPart.split('-').map(Number) as [number, number | undefined]
    const [hostFrom] = hostPart ? hostPart.split('-').map(Number) as [number] : [0]
    for (let port = containerFrom; port <= (containerTo ?? containerFrom); port++) {
      const hostPort = hostFrom ? hostFrom + (port - containerFrom) : 0
      // Docker binds IPv4 and IPv6 when no address is given (Docker 28/29 with IPv6; 20.10 printed `:::8080`).
      if (isAnyAddress(ip)) {
        bindings.push({ hostIp: '0.0.0.0', hostPort, containerPort: port, protocol })
        bindings.push({ hostIp: '::', hostPort, containerPort: port, protocol })
      }
      else {
        bindings.push({ hostIp: ip, hostPort, containerPort: port, protocol })
      }
    }
  }
  return bindings
}

function parseRestart(value: string | undefined): RestartPolicy {
  if (!value || value === 'no')
    return { name: 'no', maximumRetryCount: 0 }
  const [name, count] = value.split(':')
  return { name: name as RestartPolicy['name'], maximumRetryCount: count ? Number(count) : 0 }
}

function parseMounts(context: ClientContext, invocation: Invocation): CreateRequest['mounts'] {
  const mounts: CreateRequest['mounts'] = []
  const home = context.io.env.get('HOME') ?? '/home/student'
  const absolute = (path: string): string => path.startsWith('~') ? `${home}${path.slice(1)}` : path.startsWith('/') ? path : `${context.io.cwd.replace(/\/$/, '')}/${path}`
  for (const value of allValues(invocation, 'volume')) {
    const parts = value.split(':')
    if (parts.length === 1) {
      mounts.push({ type: 'volume', source: null, target: parts[0]!, readOnly: false })
      continue
    }
    const [source, target, options = ''] = parts as [string, string, string?]
    const readOnly = options.split(',').includes('ro')
    const isPath = source.startsWith('/') || source.startsWith('.') || source.startsWith('~')
    mounts.push(isPath
      ? { type: 'bind', source: absolute(source), target, readOnly }
      : { type: 'volume', source, target, readOnly })
  }
  for (const value of allValues(invocation, 'mount')) {
    const fields = new Map(value.split(',').map((field) => {
      const at = field.indexOf('=')
      return at < 0 ? [field, 'true'] : [field.slice(0, at), field.slice(at + 1)]
    }))
    const type = (fields.get('type') ?? 'volume') as 'volume' | 'bind' | 'tmpfs'
    const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst') ?? ''
    const source = fields.get('source') ?? fields.get('src') ?? null
    const readOnly = ['true', '1'].includes(fields.get('readonly') ?? fields.get('ro') ?? 'false')
    if (type === 'bind' && source && !context.host.hostFiles.stat(absolute(source)))
      throw new DaemonError(`invalid mount config for type "bind": bind source path does not exist: ${absolute(source)}`)
    mounts.push({ type, source: type === 'bind' && source ? absolute(source) : source, target, readOnly })
  }
  for (const value of allValues(invocation, 'tmpfs'))
    mounts.push({ type: 'tmpfs', source: null, target: value.split(':')[0]!, readOnly: false })
  return mounts
}

function parseEnv(context: ClientContext, invocation: Invocation): string[] {
  const env: string[] = []
  for (const value of allValues(invocation, 'env')) {
    if (value.includes('='))
      env.push(value)
    else if (context.io.env.has(value))
      env.push(`${value}=${context.io.env.get(value)}`) // -e NAME copies the client's variable, or drops it when unset.
  }
  for (const file of allValues(invocation, 'env-file')) {
    const path = file.startsWith('/') ? file : `${context.io.cwd}/${file}`
    let text: string
    try {
      text = context.host.hostFiles.readFile(path)
    }
    catch {
      throw new ClientError(`docker: open ${file}: no such file or directory\n\nRun 'docker run --help' for more information`, 125)
    }
    for (const line of text.split('\n')) {
      const trimmed = line.trim()
      if (trimmed && !trimmed.startsWith('#'))
        env.push(trimmed)
    }
  }
  return env
}

function parseLabels(invocation: Invocation): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const value of allValues(invocation, 'label')) {
    const at = value.indexOf('=')
    labels[at < 0 ? value : value.slice(0, at)] = at < 0 ? '' : value.slice(at + 1)
  }
  return labels
}

/** Finds the image or pulls it (docker run's `--pull missing`), printing to stderr as the client does. */
function imageForRun(context: ClientContext, reference: string, pullPolicy: string): ImageRecord {
  const { host, io } = context
  const found = host.findImage(reference)
  if (found && pullPolicy !== 'always')
    return found
  if (!found && pullPolicy === 'never')
    throw new DaemonError(messages.noSuchImage(normaliseReference(reference)), 'not-found')
  if (!found)
    io.stderr(`Unable to find image '${normaliseReference(reference)}' locally\n`)
  return pull(context, reference, io.stderr, { forRun: true })
}

const UNMODELLED_RUN_FLAGS = ['gpus', 'privileged', 'cap-add', 'device', 'memory', 'cpus', 'ulimit', 'security-opt', 'pid', 'ipc', 'userns', 'health-cmd', 'platform', 'link', 'add-host', 'dns', 'shm-size', 'log-driver', 'log-opt', 'volumes-from', 'sysctl', 'cgroupns', 'runtime', 'isolation', 'cidfile', 'mac-address', 'ip', 'ip6']

/**
 * What `run`/`create` ask for. The explainer engine's container configuration (lib/docker/container-config.ts,
 * each value parsed once) gives the settings; environment, ports and mounts are read here from the same flags
 * because they depend on the simulated machine: `-e NAME` copies the client's variable, a relative bind path
 * starts at the simulated working folder, a port without an address binds both IPv4 and IPv6.
 * Compose's services (no engine reading) come through the flags alone.
 */
function createRequest(context: ClientContext, invocation: Invocation, image: ImageRecord, reference: string): CreateRequest {
  const config = invocation.explanation?.config ?? null
  const stopTimeout = lastValue(invocation, 'stop-timeout')
  const entrypoint = lastValue(invocation, 'entrypoint')
  const stopSignal = config ? config.stopSignal : lastValue(invocation, 'stop-signal') ?? null
  return {
    image,
    imageReference: reference,
    name: config ? config.name : lastValue(invocation, 'name') ?? null,
    command: config ? (config.command.length > 0 ? config.command : null) : invocation.command.length > 0 ? invocation.command : null,
    entrypoint: config ? config.entrypoint : entrypoint === undefined ? null : entrypoint === '' ? [] : [entrypoint],
    env: parseEnv(context, invocation),
    workingDir: config ? config.workdir : lastValue(invocation, 'workdir') ?? null,
    user: config ? config.user : lastValue(invocation, 'user') ?? null,
    hostname: config ? config.hostname : lastValue(invocation, 'hostname') ?? null,
    tty: config ? config.tty : isSet(invocation, 'tty'),
    openStdin: config ? config.interactive : isSet(invocation, 'interactive'),
    ports: parsePorts(invocation),
    publishAll: config ? config.publishAll : isSet(invocation, 'publish-all'),
    exposed: allValues(invocation, 'expose').map(port => port.includes('/') ? port : `${port}/tcp`),
    mounts: parseMounts(context, invocation),
    restart: config
      ? (config.restart && config.restart.name !== '' ? { name: config.restart.name, maximumRetryCount: config.restart.maxRetries ?? 0 } : { name: 'no', maximumRetryCount: 0 })
      : parseRestart(lastValue(invocation, 'restart')),
    autoRemove: config ? config.remove : isSet(invocation, 'rm'),
    network: lastValue(invocation, 'network') ?? null,
    networkAliases: allValues(invocation, 'network-alias'),
    labels: config ? { ...config.labels } : parseLabels(invocation),
    stopSignal: stopSignal ? signalNamed(stopSignal) : null,
    stopTimeout: config ? config.stopTimeout : stopTimeout === undefined ? null : Number(stopTimeout),
    readOnly: config ? config.readOnly : isSet(invocation, 'read-only'),
    init: config ? config.init === true : isSet(invocation, 'init'),
    binds: allValues(invocation, 'volume').filter(value => value.includes(':')),
    detached: config ? config.detach : isSet(invocation, 'detach'),
  }
}

/** Creates a container from flags given as data (Compose's services): the same reading as `docker run`'s. */
export function createFromFlags(context: ClientContext, flags: Map<string, string[]>, command: string[], image: ImageRecord, reference: string): ContainerRecord {
  const invocation = { path: ['container', 'create'], spec: null as never, flags, groupFlags: new Set<string>(), args: [reference], command, explanation: null as never } satisfies Invocation
  return context.host.createContainer(createRequest(context, invocation, image, reference))
}

/** The flags `run` accepts that the simulator does not model: said once on stderr, never silently dropped. */
function unmodelledFlags(invocation: Invocation): string[] {
  // The simulated host is linux/amd64: asking for that platform changes nothing.
  const samePlatform = /^linux\/(?:amd64|x86_64)$/.test(lastValue(invocation, 'platform') ?? '')
  return UNMODELLED_RUN_FLAGS.filter(flag => invocation.flags.has(flag) && !(flag === 'platform' && samePlatform))
}

async function createFromInvocation(context: ClientContext, invocation: Invocation, command: 'run' | 'create'): Promise<ContainerRecord> {
  const reference = invocation.args[0]!
  const unmodelled = unmodelledFlags(invocation)
  if (unmodelled.length > 0)
    context.io.stderr(`[simulator] ${unmodelled.map(f => `--${f}`).join(', ')}: accepted by Docker, ${messages.NOT_SIMULATED} (the container runs without ${unmodelled.length === 1 ? 'it' : 'them'})\n`)
  let image: ImageRecord
  try {
    image = imageForRun(context, reference, lastValue(invocation, 'pull') ?? 'missing')
  }
  catch (failure) {
    if (failure instanceof DaemonError && command === 'run')
      throw new ClientError(messages.runFailure(daemonText(failure), command), 125)
    throw failure
  }
  try {
    return context.host.createContainer(createRequest(context, invocation, image, reference))
  }
  catch (failure) {
    // run wraps daemon errors with `docker: … --help` (exit 125); create prints them plainly (exit 1), as recorded.
    if (failure instanceof DaemonError && command === 'run')
      throw new ClientError(messages.runFailure(daemonText(failure), command), 125)
    throw failure
  }
}

const createCommand: Handler = async (context, invocation) => {
  const container = await createFromInvocation(context, invocation, 'create')
  context.io.stdout(`${container.id}\n`)
  return 0
}

function startOrFail(context: ClientContext, container: ContainerRecord, command: string): void {
  const before = container.status
  try {
    context.host.start(container)
  }
  catch (failure) {
    if (failure instanceof DaemonError && failure.status === 'not-simulated') {
      if (container.hostConfig.autoRemove)
        context.host.removeContainer(container, { force: true, volumes: true })
      throw new ClientError(`[simulator] ${failure.message}.`, 1)
    }
    if (failure instanceof DaemonError) {
      // run.go toStatusError: 127 for a missing program, 126 for one that cannot run, 125 for the rest.
      const notFound = failure.message.includes('executable file not found')
      const denied = failure.message.includes('permission denied')
      if (container.hostConfig.autoRemove) {
        context.host.removeContainer(container, { force: true, volumes: true })
      }
      else if (notFound || denied) {
        // The daemon keeps the exit code, but the container never ran: `docker ps -a` shows a new one
        // as Created (recorded: errors.yaml, `docker run --name nf busybox nosuchprogram`).
        container.status = before === 'exited' ? 'exited' : 'created'
        container.exitCode = notFound ? 127 : 126
      }
      throw new ClientError(command === 'run' ? messages.runFailure(daemonText(failure)) : `${daemonText(failure)}\nError: failed to start containers: ${container.name}`, command === 'run' ? (notFound ? 127 : denied ? 126 : 125) : 1)
    }
    throw failure
  }
}

/** Streams a container's output to the client until it exits (or the client detaches); forwards typed lines when `stdin`. */
async function attachTo(context: ClientContext, container: ContainerRecord, options: { stdin: boolean, detachable: boolean, sigProxy: boolean, interruptible?: boolean, terminal?: boolean }): Promise<'exited' | 'detached'> {
  const { host, io } = context
  const unsubscribe = host.follow(container, (entry: LogEntry) => {
    if (entry.stream === 'stderr')
      io.stderr(entry.text)
    else
      io.stdout(entry.text)
  })
  const main = host.mainProcess(container)
  let detach!: () => void
  const detached = new Promise<'detached'>((resolve) => {
    detach = () => resolve('detached')
  })
  if (options.detachable)
    context.onDetachable?.(detach)
  // With a TTY, the container's terminal echoes what is typed when its program reads it.
  const hostInput = stdinOf(io)
  const echo = hostInput?.echo ?? null
  if (options.detachable && main && hostInput) {
    hostInput.echo = null
    main.stdin.echo = echo
  }
  const exited = host.waitForExit(container).then(() => 'exited' as const)
  // `interruptible`: a Ctrl-C reaches the caller (which counts them) through a sleep that rejects.
  const interruption = (): Promise<never> | null => options.interruptible
    ? new Promise<never>((_resolve, reject) => {
        void io.clock.sleep(Number.MAX_SAFE_INTEGER).catch(reject)
      })
    : null
  let interrupted = interruption()
  let outcome: 'exited' | 'detached' = 'exited'
  try {
    if (options.stdin && main) {
      // Once input has ended (Ctrl-D), Ctrl-C can still come while the container runs on.
      let inputEnded = false
      for (;;) {
        let line: string | null | 'exited' | 'detached'
        try {
          const waits: Promise<string | null | 'exited' | 'detached'>[] = inputEnded ? [exited, detached] : [io.readLine(), exited, detached]
          line = await blockedOn(io, Promise.race(interrupted ? [...waits, interrupted] : waits))
        }
        catch (failure) {
          // `terminal`: the client's terminal is raw, ^C goes through the container's terminal to its foreground
          // process group (the echo is the caller's: the terminal's). `interruptible`: the caller counts Ctrl-C.
          if (failure instanceof Interrupted && failure.signal === 'SIGINT' && options.terminal) {
            main.terminalSignal('SIGINT')
            interrupted = interruption()
            continue
          }
          if (failure instanceof Interrupted && failure.signal === 'SIGINT' && options.sigProxy && !options.interruptible) {
            main.signal('SIGINT')
            continue
          }
          throw failure
        }
        if (line === 'exited' || line === 'detached') {
          outcome = line
          break
        }
        if (line === null) {
          main.closeInput()
          inputEnded = true
          if (!interrupted) {
            outcome = await blockedOn(io, Promise.race([exited, detached]))
            break
          }
          continue
        }
        main.writeLine(line)
      }
    }
    else {
      outcome = await blockedOn(io, Promise.race(interrupted ? [exited, detached, interrupted] : [exited, detached]))
    }
  }
  finally {
    unsubscribe()
    context.onDetachable?.(null)
    if (hostInput)
      hostInput.echo = echo
  }
  return outcome
}

const runCommand: Handler = async (context, invocation) => {
  const { io } = context
  const tty = isSet(invocation, 'tty')
  const interactive = isSet(invocation, 'interactive')
  if (tty && !io.tty)
    throw new ClientError('the input device is not a TTY', 1)
  const container = await createFromInvocation(context, invocation, 'run')
  if (isSet(invocation, 'detach')) {
    // cli/command/container/run.go prints the ID (in a goroutine) before it starts the container: a start that fails still shows it.
    io.stdout(`${container.id}\n`)
    startOrFail(context, container, 'run')
    return 0
  }
  startOrFail(context, container, 'run')
  return attachForeground(context, container, { stdin: interactive, tty, sigProxy: lastValue(invocation, 'sig-proxy') !== 'false' })
}

/**
 * An attached `docker run` until the container exits, and Ctrl-C (recorded: interrupts.json). With -it the
 * client's terminal is raw: ^C reaches the container's terminal, whose foreground process group gets SIGINT
 * (Python raises KeyboardInterrupt, `sh -c` ends with 130, `sleep` as PID 1 goes on), and the client waits on.
 * Otherwise the client gets the SIGINT: it passes each one on to PID 1 (--sig-proxy, the default; none with
 * -t, whose proxy is off) and gives up on the third, "got 3 SIGTERM/SIGINTs, forcefully exiting", exit 1, the
 * container left running.
 */
async function attachForeground(context: ClientContext, container: ContainerRecord, options: { stdin: boolean, tty: boolean, sigProxy: boolean }): Promise<number> {
  const { host, io } = context
  const client = processOf(io)
  const before = client?.disposition('SIGINT') ?? 'default'
  client?.io.setSignal('SIGINT', 'handle')
  const terminal = options.tty && options.stdin
  let interrupts = 0
  try {
    for (;;) {
      try {
        const outcome = await attachTo(context, container, { stdin: options.stdin, detachable: terminal, sigProxy: options.sigProxy, interruptible: true, terminal })
        return outcome === 'detached' ? 0 : container.exitCode
      }
      catch (failure) {
        if (!(failure instanceof Interrupted) || failure.signal !== 'SIGINT')
          throw failure
        const main = host.mainProcess(container)
        if (terminal) {
          main?.terminalSignal('SIGINT')
          continue
        }
        interrupts++
        if (options.sigProxy && !options.tty)
          main?.signal('SIGINT')
        if (interrupts >= 3) {
          io.stderr('\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n') // cmd/docker/docker.go
          return 1
        }
      }
    }
  }
  finally {
    client?.io.setSignal('SIGINT', before)
  }
}

// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

const startCommand: Handler = async (context, invocation) => {
  const { host, io } = context
  const attach = isSet(invocation, 'attach') || isSet(invocation, 'interactive')
  let failed: string[] = []
  for (const reference of invocation.args) {
    const container = host.findContainer(reference)
    if (!container) {
      io.stderr(`${daemonText(new DaemonError(messages.noSuchContainer(reference)))}\n`)
      failed.push(reference)
      continue
    }
    try {
      host.start(container)
    }
    catch (failure) {
      if (failure instanceof DaemonError) {
        io.stderr(`${daemonText(failure)}\n`)
        failed.push(reference)
        continue
      }
      throw failure
    }
    if (attach) {
      await attachTo(context, container, { stdin: isSet(invocation, 'interactive'), detachable: container.config.tty, sigProxy: true })
      return container.exitCode
    }
    io.stdout(`${reference}\n`)
  }
  if (failed.length > 0) {
    io.stderr(`Error: failed to start containers: ${failed.join(', ')}\n`)
    failed = []
    return 1
  }
  return 0
}

function timeoutOf(invocation: Invocation): number | null {
  const value = lastValue(invocation, 'timeout') ?? lastValue(invocation, 'time')
  return value === undefined ? null : Number(value)
}

const stopCommand: Handler = async (context, invocation) => {
  const signal = lastValue(invocation, 'signal')
  return eachArgument(context, invocation, async (reference) => {
    const container = context.host.requireContainer(reference)
    await blockedOn(context.io, context.host.stop(container, timeoutOf(invocation), signal ? signalNamed(signal) : null))
  })
}

const restartCommand: Handler = async (context, invocation) => {
  const signal = lastValue(invocation, 'signal')
  return eachArgument(context, invocation, async (reference) => {
    const container = context.host.requireContainer(reference)
    await blockedOn(context.io, context.host.stop(container, timeoutOf(invocation), signal ? signalNamed(signal) : null))
    container.restartCount = 0
    context.host.start(container)
  })
}

const killCommand: Handler = async (context, invocation) => {
  const signalText = lastValue(invocation, 'signal') ?? 'KILL'
  const signal = signalNamed(signalText)
  // moby daemon/server/router/container: every kill error is wrapped `cannot kill container: NAME: …` (Docker 29; 20.10 capitalised it).
  return eachArgument(context, invocation, (reference) => {
    try {
      if (!signal)
        throw new DaemonError(`invalid signal: ${signalText}`, 'invalid')
      const container = context.host.requireContainer(reference)
      context.host.kill(container, signal as Signal)
    }
    catch (failure) {
      if (failure instanceof DaemonError)
        throw new DaemonError(`cannot kill container: ${reference}: ${failure.message}`, failure.status)
      throw failure
    }
  })
}

const pauseCommand: Handler = async (context, invocation) => eachArgument(context, invocation, (reference) => {
  context.host.pause(context.host.requireContainer(reference))
})

const unpauseCommand: Handler = async (context, invocation) => eachArgument(context, invocation, (reference) => {
  context.host.unpause(context.host.requireContainer(reference))
})

const rmCommand: Handler = async (context, invocation) => {
  const force = isSet(invocation, 'force')
  return eachArgument(context, invocation, (reference) => {
    const container = context.host.requireContainer(reference)
    context.host.removeContainer(container, { force, volumes: isSet(invocation, 'volumes') })
  }, { ignoreNotFound: force })
}

const renameCommand: Handler = async ({ host }, invocation) => {
  const [from, to] = invocation.args as [string, string]
  try {
    host.rename(host.requireContainer(from), to)
  }
  catch (failure) {
    // cli/command/container/rename.go adds its own line after the daemon's.
    if (failure instanceof DaemonError)
      throw new ClientError(`${daemonText(failure)}\nError: failed to rename container named ${from}`, 1)
    throw failure
  }
  return 0
}

const waitCommand: Handler = async (context, invocation) => eachArgument(context, invocation, async (reference) => {
  const container = context.host.requireContainer(reference)
  const code = await blockedOn(context.io, context.host.waitForExit(container))
  context.io.stdout(`${code}\n`)
}, { print: false })

// ---------------------------------------------------------------------------
// ps
// ---------------------------------------------------------------------------

const PS_HEADERS = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', CreatedAt: 'CREATED AT', Status: 'STATUS', Ports: 'PORTS', Names: 'NAMES', State: 'STATE', Size: 'SIZE', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES' }

/** moby daemon/container/state.go State.String(). */
export function statusText(host: DockerHost, container: ContainerRecord): string {
  const now = host.now()
  switch (container.status) {
    case 'running':
      return `Up ${humanDuration(now - (container.startedAt ?? now))}`
    case 'paused':
      return `Up ${humanDuration(now - (container.startedAt ?? now))} (Paused)`
    case 'restarting':
      return `Restarting (${container.exitCode}) ${humanDuration(now - (container.finishedAt ?? now))} ago`
    case 'created':
      return 'Created'
    case 'removing':
      return 'Removal In Progress'
    case 'dead':
      return 'Dead'
    default:
      return container.startedAt === null ? 'Created' : `Exited (${container.exitCode}) ${humanDuration(now - (container.finishedAt ?? now))} ago`
  }
}

/** docker/cli formatter DisplayablePorts (same-port ranges are not grouped here: the deck publishes single ports). */
export function portsText(container: ContainerRecord, live: boolean): string {
  const mapped: string[] = []
  const exposedOnly: string[] = []
  const bound = live ? container.hostConfig.portBindings : []
  for (const binding of bound) {
    const host = binding.hostIp.includes(':') ? `[${binding.hostIp}]` : binding.hostIp
    mapped.push(`${host}:${binding.hostPort}->${binding.containerPort}/${binding.protocol}`)
  }
  for (const port of container.config.exposedPorts) {
    const [number, protocol] = port.split('/')
    if (!bound.some(b => String(b.containerPort) === number && b.protocol === protocol))
      exposedOnly.push(port)
  }
  exposedOnly.sort((a, b) => Number.parseInt(a) - Number.parseInt(b))
  return [...exposedOnly, ...mapped].join(', ')
}

/** moby daemon/list.go: arguments holding a space are shown in single quotes. */
function commandText(container: ContainerRecord): string {
  return [container.path, ...container.args.map(arg => arg.includes(' ') ? `'${arg}'` : arg)].join(' ')
}

function psRow(host: DockerHost, container: ContainerRecord, noTrunc: boolean): Record<string, string> {
  const live = container.status === 'running' || container.status === 'paused'
  const files = host.containerFiles.get(container.id)
  const image = host.images.find(i => i.id === container.imageId)
  return {
    ID: noTrunc ? container.id : shortId(container.id),
    // The name the container was made from, while it still names that image; else the image's ID (moby list.go).
    Image: host.findImage(container.image)?.id === container.imageId ? container.image : shortId(container.imageId),
    Command: goQuote(noTrunc ? commandText(container) : ellipsis(commandText(container), 20)),
    RunningFor: `${humanDuration(host.now() - container.created)} ago`,
    CreatedAt: goTimeString(container.created),
    Status: statusText(host, container),
    State: container.status,
    Ports: portsText(container, live),
    Names: container.name,
    Size: `${humanSize(files?.upperSize ?? 0)} (virtual ${humanSize((files?.upperSize ?? 0) + (image?.diskBytes ?? 0))})`,
    Labels: Object.entries(container.config.labels).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: container.mounts.map(m => m.type === 'volume' ? ellipsis(m.name ?? '', 15) : m.source).join(','),
    Networks: container.networks.map(n => n.network).join(','),
    LocalVolumes: String(container.mounts.filter(m => m.type === 'volume').length),
  }
}

function matchesFilter(host: DockerHost, container: ContainerRecord, key: string, value: string): boolean {
  switch (key) {
    case 'status':
      return container.status === value
    case 'name':
      return new RegExp(value).test(container.name)
    case 'id':
      return container.id.startsWith(value)
    case 'exited':
      return container.status === 'exited' && String(container.exitCode) === value
    case 'ancestor': {
      const image = host.findImage(value)
      return image ? container.imageId === image.id : false
    }
    case 'label': {
      const [name, wanted] = value.split('=')
      return name! in container.config.labels && (wanted === undefined || container.config.labels[name!] === wanted)
    }
    case 'network':
      return container.networks.some(n => n.network === value)
    case 'volume':
      return container.mounts.some(m => m.name === value || m.destination === value)
    case 'publish':
      return container.hostConfig.portBindings.some(b => `${b.hostPort}` === value.split('/')[0])
    case 'expose':
      return container.config.exposedPorts.some(p => p.split('/')[0] === value.split('/')[0])
    default:
      throw new ClientError(`Error response from daemon: invalid filter '${key}'`, 1)
  }
}

const FILTER_KEYS = ['status', 'name', 'id', 'exited', 'ancestor', 'label', 'network', 'volume', 'publish', 'expose']

const psCommand: Handler = async ({ host, io }, invocation) => {
  const filters = allValues(invocation, 'filter').map(splitFilter)
  // moby daemon/list.go: unknown keys and statuses are refused (recorded wording: ps.json).
  for (const [key, value] of filters) {
    if (!FILTER_KEYS.includes(key))
      throw new ClientError(`Error response from daemon: Invalid filter '${key}'`, 1)
    if (key === 'status' && !['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'].includes(value))
      throw new ClientError(`Error response from daemon: Invalid filter 'status=${value}'`, 1)
  }
  const all = isSet(invocation, 'all') || filters.some(([key]) => key === 'status' || key === 'exited') || lastValue(invocation, 'last') !== undefined || isSet(invocation, 'latest')
  // Newest first; containers made in the same instant keep the order they were made in, newest first.
  let containers = host.containers.map((c, i) => ({ c, i })).sort((a, b) => b.c.created - a.c.created || b.i - a.i).map(({ c }) => c)
  if (!all)
    containers = containers.filter(c => c.status === 'running' || c.status === 'paused' || c.status === 'restarting')
  // Filters with the same key are OR-ed, different keys AND-ed (moby's filters.Args).
  const byKey = new Map<string, string[]>()
  for (const [key, value] of filters)
    byKey.set(key, [...(byKey.get(key) ?? []), value])
  containers = containers.filter(c => [...byKey.entries()].every(([key, values]) => values.some(value => matchesFilter(host, c, key, value))))
  const last = lastValue(invocation, 'last')
  if (isSet(invocation, 'latest'))
    containers = containers.slice(0, 1)
  else if (last !== undefined && Number(last) >= 0)
    containers = containers.slice(0, Number(last))
  const noTrunc = isSet(invocation, 'no-trunc')
  if (isSet(invocation, 'quiet')) {
    io.stdout(containers.map(c => `${noTrunc ? c.id : shortId(c.id)}\n`).join(''))
    return 0
  }
  const format = lastValue(invocation, 'format')
  const size = isSet(invocation, 'size')
  const chosen = format === undefined || format === 'table'
    ? `table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}${size ? '\t{{.Size}}' : ''}`
    : format === 'json' ? '{{json .}}' : format
  io.stdout(formatWith(chosen, PS_HEADERS, containers.map(c => psRow(host, c, noTrunc)), '*formatter.ContainerContext'))
  return 0
}

// ---------------------------------------------------------------------------
// logs, attach, exec
// ---------------------------------------------------------------------------

function sinceMs(host: DockerHost, value: string | undefined): number | null {
  if (value === undefined || value === '')
    return null
  const duration = parseGoDuration(value)
  if (duration.ok)
    return host.now() - duration.value / 1e6
  const parsed = Date.parse(value)
  if (!Number.isNaN(parsed))
    return parsed
  if (/^\d+(?:\.\d+)?$/.test(value))
    return Number(value) * 1000
  throw new ClientError(`invalid value for "since": failed to parse value as time or duration: "${value}"`, 1)
}

function writeEntry(io: ProcessIO, entry: LogEntry, timestamps: boolean): void {
  const text = timestamps ? entry.text.replace(/(^|\n)(?=.)/g, `$1${rfc3339Nano(entry.time)} `) : entry.text
  if (entry.stream === 'stderr')
    io.stderr(text)
  else
    io.stdout(text)
}

/** Splits a container's output into lines as the json-file log driver stores them (one entry a line). */
function logLines(entries: readonly LogEntry[]): LogEntry[] {
  const lines: LogEntry[] = []
  const pending: Record<'stdout' | 'stderr', LogEntry | null> = { stdout: null, stderr: null }
  for (const entry of entries) {
    const parts = entry.text.split(/(?<=\n)/)
    for (const part of parts) {
      const open = pending[entry.stream]
      const merged: LogEntry = open ? { ...open, text: open.text + part } : { ...entry, text: part }
      if (part.endsWith('\n')) {
        lines.push(merged)
        pending[entry.stream] = null
      }
      else {
        pending[entry.stream] = merged
      }
    }
  }
  for (const open of [pending.stdout, pending.stderr]) {
    if (open)
      lines.push(open)
  }
  return lines.sort((a, b) => a.time - b.time)
}

const logsCommand: Handler = async (context, invocation) => {
  const { host, io } = context
  const reference = invocation.args[0]!
  const container = host.requireContainer(reference)
  const timestamps = isSet(invocation, 'timestamps')
  const since = sinceMs(host, lastValue(invocation, 'since'))
  const until = sinceMs(host, lastValue(invocation, 'until'))
  const tail = lastValue(invocation, 'tail') ?? 'all'
  let lines = logLines(container.logs).filter(line => (since === null || line.time >= since) && (until === null || line.time <= until))
  if (tail !== 'all' && /^\d+$/.test(tail))
    lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail))
  for (const line of lines)
    writeEntry(io, line, timestamps)
  if (!isSet(invocation, 'follow') || !host.mainProcess(container))
    return 0
  const unsubscribe = host.follow(container, entry => writeEntry(io, entry, timestamps))
  try {
    // Follows until the container stops, or Ctrl-C (the client's SIGINT ends it).
    await blockedOn(io, Promise.race([host.waitForExit(container), new Promise<never>((_resolve, reject) => {
      void io.clock.sleep(Number.MAX_SAFE_INTEGER).catch(reject)
    })]))
  }
  finally {
    unsubscribe()
  }
  return 0
}

const attachCommand: Handler = async (context, invocation) => {
  const { host, io } = context
  const container = host.requireContainer(invocation.args[0]!)
  if (container.status === 'paused')
    throw new ClientError(messages.ATTACH_PAUSED, 1)
  if (!host.mainProcess(container))
    throw new ClientError(messages.ATTACH_STOPPED, 1)
  const noStdin = isSet(invocation, 'no-stdin')
  const sigProxy = lastValue(invocation, 'sig-proxy') !== 'false'
  const stdin = !noStdin && container.config.openStdin
  // The client catches Ctrl-C itself: it passes each one on (sig-proxy) and gives up on the third
  // (recorded: logs.json, "got 3 SIGTERM/SIGINTs, forcefully exiting", exit 130).
  const client = processOf(io)
  const before = client?.disposition('SIGINT') ?? 'default'
  client?.io.setSignal('SIGINT', 'handle')
  let interrupts = 0
  try {
    for (;;) {
      try {
        const outcome = await attachTo(context, container, { stdin, detachable: container.config.tty && container.config.openStdin, sigProxy, interruptible: true })
        if (outcome === 'detached') {
          io.stderr('read escape sequence\n')
          return 1
        }
        return container.exitCode
      }
      catch (failure) {
        if (!(failure instanceof Interrupted) || failure.signal !== 'SIGINT')
          throw failure
        interrupts++
        if (sigProxy)
          host.mainProcess(container)?.signal('SIGINT')
        if (interrupts >= 3) {
          io.stderr('\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n') // cmd/docker/docker.go
          return 130
        }
        if (!host.mainProcess(container))
          return container.exitCode
      }
    }
  }
  finally {
    client?.io.setSignal('SIGINT', before)
  }
}

const execCommand: Handler = async (context, invocation) => {
  const { host, io } = context
  const reference = invocation.args[0]!
  const container = host.requireContainer(reference)
  if (container.status === 'paused')
    throw new DaemonError(`Container ${container.id} is paused, unpause the container before exec`, 'conflict')
  if (!host.mainProcess(container))
    throw new DaemonError(messages.notRunning(container.id), 'conflict')
  const tty = isSet(invocation, 'tty')
  if (tty && !io.tty)
    throw new ClientError('the input device is not a TTY', 1)
  const env = parseEnv(context, invocation)
  const { process, program } = host.spawnInContainer(container, invocation.command, {
    pid1: false,
    tty,
    env,
    workdir: lastValue(invocation, 'workdir'),
    user: lastValue(invocation, 'user'),
    onOutput: entry => entry.stream === 'stderr' ? io.stderr(entry.text) : io.stdout(entry.text),
  })
  if (!program && host.programFileExists(container, invocation.command[0] ?? '', process.io)) {
    io.stderr(`[simulator] ${invocation.command[0]} is in the image, but what it does is ${messages.NOT_SIMULATED}.\n`)
    return 1
  }
  if (!program) {
    // Docker 28 prints the OCI error on stdout with exit 127 for a missing executable (moby exec.go); unverified wording on 20.10.
    // moby daemon/exec.go: an exec that fails to start exits 126.
    io.stdout(`${messages.execNotFound(invocation.command[0] ?? '')}\r\n`)
    return 126
  }
  host.trackExec(container, process)
  if (isSet(invocation, 'detach')) {
    void process.start(program)
    return 0
  }
  const hostInput = stdinOf(io)
  const echo = hostInput?.echo ?? null
  if (tty && hostInput) {
    hostInput.echo = null
    process.stdin.echo = echo
  }
  const exited = process.start(program).finally(() => {
    if (hostInput)
      hostInput.echo = echo
  })
  if (isSet(invocation, 'interactive')) {
    for (;;) {
      let line: string | null | number
      try {
        line = await blockedOn(io, Promise.race([io.readLine(), exited]))
      }
      catch (failure) {
        if (failure instanceof Interrupted) {
          process.signal(failure.signal)
          continue
        }
        throw failure
      }
      if (typeof line === 'number')
        break
      if (line === null) {
        process.closeInput()
        break
      }
      process.writeLine(line)
    }
  }
  else {
    process.closeInput()
  }
  return blockedOn(io, exited)
}

// ---------------------------------------------------------------------------
// inspect, port, top, diff, cp, stats
// ---------------------------------------------------------------------------

/**
 * `docker inspect CONTAINER` in the layout the recorded daemon printed (tests/fixtures/daemon/transcripts/
 * inspect-top.json, Docker 20.10's field order); resource limits and security settings the simulator does not
 * model keep the defaults a plain `docker run` gets.
 */
function inspectContainer(host: DockerHost, container: ContainerRecord): Record<string, unknown> {
  const status = container.status
  const live = status === 'running' || status === 'paused'
  const portMap: Record<string, { HostIp: string, HostPort: string }[] | null> = {}
  for (const port of container.config.exposedPorts)
    portMap[port] = null
  for (const b of container.hostConfig.portBindings) {
    const key = `${b.containerPort}/${b.protocol}`
    if (live) {
      const list = portMap[key] ?? []
      list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) })
      portMap[key] = list
    }
  }
  const first = container.networks[0]
  const firstNetwork = first ? host.networks.find(n => n.name === first.network) : undefined
  const dir = `/var/lib/docker/containers/${container.id}`
  const layerId = stableHex(`layer ${container.id}`)
  const zeroTime = '0001-01-01T00:00:00Z'
  return {
    Id: container.id,
    Created: rfc3339Nano(container.created),
    Path: container.path,
    Args: container.args,
    State: {
      Status: status,
      Running: live,
      Paused: status === 'paused',
      Restarting: status === 'restarting',
      OOMKilled: false,
      Dead: status === 'dead',
      Pid: container.pid,
      ExitCode: container.exitCode,
      Error: '',
      StartedAt: container.startedAt === null ? zeroTime : rfc3339Nano(container.startedAt),
      FinishedAt: container.finishedAt === null ? zeroTime : rfc3339Nano(container.finishedAt),
    },
    Image: container.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${container.id}-json.log`,
    Name: `/${container.name}`,
    RestartCount: container.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      Binds: container.hostConfig.binds.length ? container.hostConfig.binds : null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: container.hostConfig.networkMode,
      PortBindings: groupBindings(container.hostConfig.portBindings),
      RestartPolicy: { Name: container.hostConfig.restartPolicy.name, MaximumRetryCount: container.hostConfig.restartPolicy.maximumRetryCount },
      AutoRemove: container.hostConfig.autoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'host',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: container.hostConfig.publishAllPorts,
      ReadonlyRootfs: container.hostConfig.readOnly,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      ConsoleSize: [0, 0],
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      KernelMemory: 0,
      KernelMemoryTCP: 0,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: false,
      PidsLimit: null,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware'],
      ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
    GraphDriver: {
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${layerId}-init/diff:/var/lib/docker/overlay2/${stableHex(`image layer ${container.imageId}`)}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${layerId}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${layerId}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${layerId}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: container.mounts.map(m => ({
      Type: m.type,
      ...(m.name ? { Name: m.name } : {}),
      Source: m.source,
      Destination: m.destination,
      ...(m.type === 'volume' ? { Driver: 'local' } : {}),
      Mode: m.type === 'volume' ? 'z' : m.readOnly ? 'ro' : '',
      RW: !m.readOnly,
      Propagation: m.type === 'bind' ? 'rprivate' : '',
    })),
    Config: {
      Hostname: container.config.hostname,
      Domainname: '',
      User: container.config.user,
      AttachStdin: container.config.openStdin && !container.detached,
      AttachStdout: !container.detached,
      AttachStderr: !container.detached,
      ...(container.config.exposedPorts.length ? { ExposedPorts: Object.fromEntries(container.config.exposedPorts.map(p => [p, {}])) } : {}),
      Tty: container.config.tty,
      OpenStdin: container.config.openStdin,
      StdinOnce: container.config.openStdin && !container.detached,
      Env: container.config.env,
      Cmd: container.config.cmd,
      Image: container.image,
      Volumes: container.config.volumes.length ? Object.fromEntries(container.config.volumes.map(v => [v, {}])) : null,
      WorkingDir: container.config.workingDir,
      Entrypoint: container.config.entrypoint,
      OnBuild: null,
      Labels: container.config.labels,
      ...(container.config.stopSignal ? { StopSignal: container.config.stopSignal } : {}),
      ...(container.config.stopTimeout !== null ? { StopTimeout: container.config.stopTimeout } : {}),
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: live ? stableHex(`sandbox ${container.id}`) : '',
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      Ports: live ? portMap : {},
      SandboxKey: live ? `/var/run/docker/netns/${stableHex(`sandbox ${container.id}`).slice(0, 12)}` : '',
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: live && first && !firstNetwork?.userDefined ? first.endpointId : '',
      Gateway: live && first && !firstNetwork?.userDefined ? firstNetwork?.gateway ?? '' : '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: live && first && !firstNetwork?.userDefined ? first.ipAddress : '',
      IPPrefixLen: live && first && !firstNetwork?.userDefined ? 16 : 0,
      IPv6Gateway: '',
      MacAddress: live && first && !firstNetwork?.userDefined ? macOf(first.ipAddress) : '',
      Networks: Object.fromEntries(container.networks.map((n) => {
        const network = host.networks.find(x => x.name === n.network)
        return [n.network, {
          IPAMConfig: null,
          Links: null,
          Aliases: network?.userDefined ? [...n.aliases, shortId(container.id)] : null,
          NetworkID: network?.id ?? '',
          EndpointID: live ? n.endpointId : '',
          Gateway: live ? network?.gateway ?? '' : '',
          IPAddress: live ? n.ipAddress : '',
          IPPrefixLen: live ? 16 : 0,
          IPv6Gateway: '',
          GlobalIPv6Address: '',
          GlobalIPv6PrefixLen: 0,
          MacAddress: live ? macOf(n.ipAddress) : '',
          DriverOpts: null,
        }]
      })),
    },
  }
}

/** Docker derives a container's MAC address from its IPv4 address (02:42 + the four bytes). */
function macOf(ip: string): string {
  const bytes = ip.split('.').map(n => Number(n).toString(16).padStart(2, '0'))
  return bytes.length === 4 ? `02:42:${bytes.join(':')}` : ''
}

function groupBindings(bindings: readonly PortBinding[]): Record<string, { HostIp: string, HostPort: string }[]> {
  const grouped: Record<string, { HostIp: string, HostPort: string }[]> = {}
  for (const b of bindings) {
    const key = `${b.containerPort}/${b.protocol}`
    // A binding given without an address is stored with HostIp "" (one entry for both families).
    if (b.hostIp === '::' && bindings.some(o => o.hostIp === '0.0.0.0' && o.containerPort === b.containerPort && o.protocol === b.protocol))
      continue
    const list = grouped[key] ?? []
    list.push({ HostIp: b.hostIp === '0.0.0.0' ? '' : b.hostIp, HostPort: b.hostPort ? String(b.hostPort) : '' })
    grouped[key] = list
  }
  return grouped
}

function inspectImage(host: DockerHost, image: ImageRecord): Record<string, unknown> {
  return {
    Id: image.id,
    RepoTags: image.repoTags,
    RepoDigests: image.catalog ? [`${image.catalog.repository}@sha256:${stableHex(`digest ${image.catalog.repository}:${image.catalog.tag}`)}`] : [],
    Created: rfc3339Nano(image.created),
    Config: {
      Env: image.config.env.map(([k, v]) => `${k}=${v}`),
      Cmd: image.config.cmd,
      Entrypoint: image.config.entrypoint,
      WorkingDir: image.config.workingDir,
      User: image.config.user,
      ExposedPorts: image.config.exposedPorts.length ? Object.fromEntries(image.config.exposedPorts.map(p => [p, {}])) : undefined,
      Volumes: image.config.volumes.length ? Object.fromEntries(image.config.volumes.map(v => [v, {}])) : null,
      ...(image.config.stopSignal ? { StopSignal: image.config.stopSignal } : {}),
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: image.diskBytes,
    RootFS: { Type: 'layers', Layers: image.layerIds.map(id => `sha256:${stableHex(`diff ${id}`)}`) },
  }
}

function inspectVolume(host: DockerHost, name: string): Record<string, unknown> | null {
  const volume = host.volumes.find(v => v.name === name)
  if (!volume)
    return null
  return { CreatedAt: rfc3339Nano(volume.created).replace(/\.\d+Z$/, 'Z'), Driver: 'local', Labels: Object.keys(volume.labels).length ? volume.labels : null, Mountpoint: volumeMountpoint(volume.name), Name: volume.name, Options: null, Scope: 'local' }
}

function inspectNetwork(host: DockerHost, reference: string): Record<string, unknown> | null {
  const network = host.findNetwork(reference)
  if (!network)
    return null
  const containers: Record<string, unknown> = {}
  for (const container of host.networkEndpoints(network)) {
    const attachment = container.networks.find(a => a.network === network.name)!
    containers[container.id] = { Name: container.name, EndpointID: attachment.endpointId, MacAddress: '', IPv4Address: `${attachment.ipAddress}/16`, IPv6Address: '' }
  }
  return {
    Name: network.name,
    Id: network.id,
    Created: rfc3339Nano(network.created),
    Scope: 'local',
    Driver: network.driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: network.subnet ? [{ Subnet: network.subnet, Gateway: network.gateway }] : [] },
    Internal: false,
    Attachable: false,
    Containers: containers,
    Options: {},
    Labels: {},
  }
}

function printInspect(io: ProcessIO, objects: unknown[], format: string | undefined): void {
  if (format && format !== 'json') {
    for (const object of objects)
      io.stdout(formatWith(format, {}, [object as Record<string, string>]))
    return
  }
  io.stdout(`${JSON.stringify(objects, null, 4)}\n`)
}

function inspectAny(host: DockerHost, reference: string, type: string | undefined): unknown | null {
  if (!type || type === 'container') {
    const container = host.findContainer(reference)
    if (container)
      return inspectContainer(host, container)
  }
  if (!type || type === 'image') {
    const image = host.findImage(reference)
    if (image)
      return inspectImage(host, image)
  }
  if (!type || type === 'volume') {
    const volume = inspectVolume(host, reference)
    if (volume)
      return volume
  }
  if (!type || type === 'network') {
    const network = inspectNetwork(host, reference)
    if (network)
      return network
  }
  return null
}

function inspectHandler(kind: 'any' | 'container' | 'image' | 'volume' | 'network'): Handler {
  return async ({ host, io }, invocation) => {
    const found: unknown[] = []
    const missing: string[] = []
    const type = kind === 'any' ? lastValue(invocation, 'type') : kind
    for (const reference of invocation.args) {
      const object = inspectAny(host, reference, type)
      if (object)
        found.push(object)
      else
        missing.push(reference)
    }
    if (found.length > 0 || !lastValue(invocation, 'format'))
      printInspect(io, found, lastValue(invocation, 'format'))
    for (const reference of missing) {
      const text = kind === 'container'
        ? `Error response from daemon: ${messages.noSuchContainer(reference)}`
        : kind === 'image'
          ? `Error response from daemon: no such image: ${reference}: ${messages.noSuchImage(normaliseReference(reference))}`
          : kind === 'volume'
            ? `Error response from daemon: ${messages.noSuchVolume(reference)}`
            : kind === 'network'
              ? `Error response from daemon: ${messages.networkNotFound(reference)}`
              : `Error: No such object: ${reference}`
      io.stderr(`${text}\n`)
    }
    return missing.length > 0 ? 1 : 0
  }
}

const portCommand: Handler = async ({ host, io }, invocation) => {
  const container = host.requireContainer(invocation.args[0]!)
  const live = container.status === 'running' || container.status === 'paused'
  const wanted = invocation.args[1]
  const bindings = live ? container.hostConfig.portBindings : []
  const lines: string[] = []
  for (const b of bindings) {
    const key = `${b.containerPort}/${b.protocol}`
    if (wanted && wanted !== key && wanted !== String(b.containerPort))
      continue
    const address = b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp
    lines.push(wanted ? `${address}:${b.hostPort}` : `${key} -> ${address}:${b.hostPort}`)
  }
  if (wanted && lines.length === 0)
    throw new ClientError(`Error: No public port '${wanted}' published for ${invocation.args[0]}`, 1)
  io.stdout(lines.map(line => `${line}\n`).join(''))
  return 0
}

/** procps `ps -o` columns docker top passes on (header, value), as far as a container's processes show them. */
const PS_COLUMNS: Record<string, { header: string, value: (p: { pid: number, ppid: number, argv: readonly string[] }) => string }> = {
  pid: { header: 'PID', value: p => String(p.pid) },
  ppid: { header: 'PPID', value: p => String(p.ppid) },
  user: { header: 'USER', value: () => 'root' },
  uid: { header: 'UID', value: () => '0' },
  comm: { header: 'COMMAND', value: p => (p.argv[0] ?? '').split('/').pop() ?? '' },
  args: { header: 'COMMAND', value: p => p.argv.join(' ') },
  cmd: { header: 'CMD', value: p => p.argv.join(' ') },
}

const topCommand: Handler = async ({ host, io }, invocation) => {
  const container = host.requireContainer(invocation.args[0]!)
  const main = host.mainProcess(container)
  if (!main)
    throw new DaemonError(messages.notRunning(container.id), 'conflict')
  // Every process of the container, exec'd ones too; PPID of the main process and of execs: containerd-shim's (shown as 1 here).
  const processes = host.containerProcesses(container).map(({ process, ppid }) => ({ pid: process.pid, ppid: ppid || 1, argv: process.argv, user: process.io.user }))
  const options = [...invocation.args.slice(1), ...invocation.command]
  if (options.length > 0) {
    // `docker top CONTAINER -o pid,comm` runs ps on the host with those options (here: -o/-eo column lists).
    const at = options.findIndex(option => /^-e?o$/.test(option))
    const fields = at >= 0 ? (options[at + 1] ?? '').split(',').filter(Boolean) : []
    if (at < 0 || fields.length === 0 || fields.some(field => !(field in PS_COLUMNS)))
      throw new ClientError(notSimulated(`docker top ${[invocation.args[0], ...options].join(' ')}`, 'passes the extra options to ps on the host and prints its columns'), 0)
    const rows = [fields.map(field => PS_COLUMNS[field]!.header), ...processes.map(p => fields.map(field => PS_COLUMNS[field]!.value(p)))]
    io.stdout(tabwrite(`${rows.map(row => row.join('\t')).join('\n')}\n`))
    return 0
  }
  const started = new Date(container.startedAt ?? host.now()).toISOString().slice(11, 16)
  const rows = [['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...processes.map(p => ['root', String(p.pid), String(p.ppid), '0', started, container.config.tty ? 'pts/0' : '?', '00:00:00', p.argv.join(' ')])]
  io.stdout(tabwrite(`${rows.map(row => row.join('\t')).join('\n')}\n`))
  return 0
}

const diffCommand: Handler = async ({ host, io }, invocation) => {
  const container = host.requireContainer(invocation.args[0]!)
  const files = host.containerFiles.get(container.id)!
  io.stdout(formatChanges(containerChanges(files)))
  return 0
}

const cpCommand: Handler = async ({ host, io }, invocation) => {
  const [source, destination] = invocation.args as [string, string]
  const side = (location: string): { container: ContainerRecord | null, path: string } => {
    const at = location.indexOf(':')
    if (at > 0 && !location.startsWith('/') && !location.startsWith('.')) {
      const name = location.slice(0, at)
      return { container: host.requireContainer(name), path: location.slice(at + 1) || '/' }
    }
    return { container: null, path: location }
  }
  const from = side(source)
  const to = side(destination)
  // `-` is a tar stream: docker cp CONTAINER:PATH - writes one to stdout, docker cp - CONTAINER:PATH unpacks stdin.
  if (destination === '-' && from.container) {
    const files = host.containerFiles.get(from.container.id)!
    const path = from.path.startsWith('/') ? from.path : `/${from.path}`
    if (!files.stat(path))
      throw new ClientError(`Error response from daemon: Could not find the file ${from.path} in container ${from.container.name}`, 1)
    io.stdout(tarOf(files, path, host.clock.epochMs))
    return 0
  }
  if (source === '-' && to.container) {
    let archive = ''
    for (let chunk = io.readChunk ? await io.readChunk() : null; chunk !== null; chunk = io.readChunk ? await io.readChunk() : null)
      archive += chunk
    const entries = readTar(archive)
    if (!entries)
      throw new ClientError('Error response from daemon: archive/tar: invalid tar header', 1)
    const files = host.containerFiles.get(to.container.id)!
    const base = to.path.startsWith('/') ? to.path : `/${to.path}`
    if (files.stat(base)?.kind !== 'dir')
      throw new ClientError(`Error response from daemon: Could not find the file ${to.path} in container ${to.container.name}`, 1)
    for (const entry of entries) {
      const target = `${base.replace(/\/$/, '')}/${entry.name}`.replace(/\/$/, '')
      if (entry.kind === 'dir')
        files.mkdir(target, { parents: true })
      else
        files.writeFile(target, entry.content, { mode: entry.mode })
    }
    return 0
  }
  if ((from.container === null) === (to.container === null))
    throw new ClientError(from.container ? 'copying between containers is not supported' : 'must specify at least one container source', 1)
  const hostPath = (path: string): string => path.startsWith('/') ? path : `${io.cwd.replace(/\/$/, '')}/${path}`
  const fromFs = from.container ? host.containerFiles.get(from.container.id)! : host.hostFiles
  const toFs = to.container ? host.containerFiles.get(to.container.id)! : host.hostFiles
  const fromPath = from.container ? (from.path.startsWith('/') ? from.path : `/${from.path}`) : hostPath(from.path)
  const toPath = to.container ? (to.path.startsWith('/') ? to.path : `${to.container.config.workingDir || '/'}/${to.path}`) : hostPath(to.path)
  try {
    const result = copyBetween(fromFs as never, fromPath, toFs as never, toPath)
    // docker cp prints a summary on stderr when it writes to a terminal (cli/command/container/cp.go).
    if (io.tty)
      io.stderr(`Successfully copied ${humanSize(result.bytes)} to ${to.container ? `${to.container.name}:${to.path}` : toPath}\n`)
  }
  catch (failure) {
    if (failure instanceof CopyError) {
      const where = from.container ? `${from.container.name}:${from.path}` : fromPath
      const text: Record<string, string> = {
        'source-missing': from.container ? `Error response from daemon: Could not find the file ${from.path} in container ${from.container.name}` : `lstat ${fromPath}: no such file or directory`,
        'source-not-a-directory': `${where}: not a directory`,
        'destination-parent-missing': to.container ? `Error response from daemon: Could not find the file ${to.path.replace(/\/[^/]*$/, '') || '/'} in container ${to.container.name}` : `no such directory`,
        'destination-must-be-a-directory': `destination "${to.path}" must be a directory`,
        'directory-onto-file': `cannot copy a directory to a file`,
      }
      throw new ClientError(text[failure.reason] ?? failure.message, 1)
    }
    if (failure instanceof FsError)
      throw new ClientError(`Error response from daemon: ${failure.message}`, 1)
    throw failure
  }
  return 0
}

const statsCommand: Handler = async ({ host, io }, invocation) => {
  if (!isSet(invocation, 'no-stream'))
    throw new ClientError(notSimulated('docker stats (streaming)', 'redraws the table every second until Ctrl-C; add --no-stream for one table'), 0)
  const wanted = invocation.args.length ? invocation.args.map(r => host.requireContainer(r)) : host.containers.filter(c => c.status === 'running' || c.status === 'paused')
  // The simulator measures no CPU, memory or I/O: the figures are zeros, and stderr says so.
  const rows = wanted.map(c => ({
    ID: shortId(c.id),
    Container: shortId(c.id),
    Name: c.name,
    CPUPerc: '0.00%',
    MemUsage: `${bytesSize(0)} / ${bytesSize(0)}`,
    MemPerc: '0.00%',
    NetIO: '0B / 0B',
    BlockIO: '0B / 0B',
    PIDs: c.status === 'running' || c.status === 'paused' ? String(1 + (host.mainProcess(c)?.children.size ?? 0)) : '0',
  }))
  const format = lastValue(invocation, 'format')
  const chosen = format === undefined || format === 'table' ? 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}' : format === 'json' ? '{{json .}}' : format
  io.stdout(formatWith(chosen, { ID: 'CONTAINER ID', Container: 'CONTAINER', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' }, rows))
  if (format === undefined || format.startsWith('table'))
    io.stderr('[simulator] CPU, memory and I/O are not measured here: the figures are zero\n')
  return 0
}

// ---------------------------------------------------------------------------
// volumes and networks
// ---------------------------------------------------------------------------

const volumeCreate: Handler = async ({ host, io }, invocation) => {
  const name = invocation.args[0] ?? lastValue(invocation, 'name') ?? host.random.hex(64)
  host.createVolume(name, parseLabels(invocation))
  io.stdout(`${name}\n`)
  return 0
}

const volumeLs: Handler = async ({ host, io }, invocation) => {
  let volumes = [...host.volumes].sort((a, b) => a.name < b.name ? -1 : 1)
  for (const filter of allValues(invocation, 'filter')) {
    const [key, value] = splitFilter(filter)
    if (key === 'dangling')
      volumes = volumes.filter(v => (host.volumeUsers(v.name).length === 0) === (value === 'true' || value === '1'))
    else if (key === 'name')
      volumes = volumes.filter(v => v.name.includes(value))
    else
      throw new ClientError(`Error response from daemon: invalid filter '${key}'`, 1)
  }
  if (isSet(invocation, 'quiet')) {
    io.stdout(volumes.map(v => `${v.name}\n`).join(''))
    return 0
  }
  const format = lastValue(invocation, 'format')
  const chosen = format === undefined || format === 'table' ? 'table {{.Driver}}\t{{.Name}}' : format === 'json' ? '{{json .}}' : format
  io.stdout(formatWith(chosen, { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE' }, volumes.map(v => ({ Driver: 'local', Name: v.name, Mountpoint: volumeMountpoint(v.name), Scope: 'local', Labels: '' }))))
  return 0
}

const volumeRm: Handler = async (context, invocation) => eachArgument(context, invocation, (name) => {
  context.host.removeVolume(name, isSet(invocation, 'force'))
})

const volumePrune: Handler = async ({ host, io }, invocation) => {
  if (!isSet(invocation, 'force') && !await confirm(io, 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] '))
    return 0
  const reclaimed = pruneVolumes(host, io, isSet(invocation, 'all'))
  io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`)
  return 0
}

/** Removes the volumes no container uses (anonymous ones; every one with `all`), listing them; the bytes freed. */
function pruneVolumes(host: DockerHost, io: ProcessIO, all: boolean): number {
  const removable = host.volumes.filter(v => (all || v.anonymous) && host.volumeUsers(v.name).length === 0)
  let reclaimed = 0
  if (removable.length)
    io.stdout('Deleted Volumes:\n')
  for (const volume of removable) {
    reclaimed += host.volumeFiles.get(volume.name)?.upperSize ?? 0
    host.removeVolume(volume.name)
    io.stdout(`${volume.name}\n`)
  }
  if (removable.length)
    io.stdout('\n')
  return reclaimed
}

/** Removes the user networks no container is attached to, listing them; how many went. */
function pruneNetworks(host: DockerHost, io: ProcessIO): number {
  const unused = host.networks.filter(n => n.userDefined && !host.containers.some(c => c.networks.some(a => a.network === n.name)))
  if (unused.length)
    io.stdout('Deleted Networks:\n')
  for (const network of unused) {
    host.removeNetwork(network.name)
    io.stdout(`${network.name}\n`)
  }
  return unused.length
}

const networkCreate: Handler = async ({ host, io }, invocation) => {
  const driver = lastValue(invocation, 'driver') ?? 'bridge'
  if (driver !== 'bridge')
    throw new ClientError(notSimulated(`docker network create --driver ${driver}`, `creates a network with the ${driver} driver`), 0)
  const network = host.createNetwork(invocation.args[0]!)
  io.stdout(`${network.id}\n`)
  return 0
}

const networkLs: Handler = async ({ host, io }, invocation) => {
  const networks = [...host.networks].sort((a, b) => a.name < b.name ? -1 : 1)
  if (isSet(invocation, 'quiet')) {
    io.stdout(networks.map(n => `${shortId(n.id)}\n`).join(''))
    return 0
  }
  const format = lastValue(invocation, 'format')
  const chosen = format === undefined || format === 'table' ? 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}' : format === 'json' ? '{{json .}}' : format
  io.stdout(formatWith(chosen, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE' }, networks.map(n => ({ ID: isSet(invocation, 'no-trunc') ? n.id : shortId(n.id), Name: n.name, Driver: n.driver, Scope: 'local' }))))
  return 0
}

const networkRm: Handler = async (context, invocation) => {
  const code = await eachArgument(context, invocation, (reference) => {
    context.host.removeNetwork(reference)
  }, { ignoreNotFound: isSet(invocation, 'force') })
  // cli/command/network/remove.go ends a failed removal with its own "exit status 1" line.
  if (code !== 0)
    context.io.stderr('exit status 1\n')
  return code
}

/** `docker network connect|disconnect NETWORK CONTAINER`: both looked up, the network first (as the daemon does). */
function networkAndContainer(host: DockerHost, invocation: Invocation): { network: NetworkRecord, container: ContainerRecord } {
  const [networkName, containerName] = invocation.args as [string, string]
  const network = host.findNetwork(networkName)
  if (!network)
    throw new DaemonError(messages.networkNotFound(networkName), 'not-found')
  return { network, container: host.requireContainer(containerName) }
}

const networkConnect: Handler = async ({ host }, invocation) => {
  const { network, container } = networkAndContainer(host, invocation)
  if (container.networks.some(a => a.network === network.name))
    throw new DaemonError(`endpoint with name ${container.name} already exists in network ${network.name}`, 'conflict')
  container.networks.push(host.attach(network, container, allValues(invocation, 'alias')))
  return 0
}

const networkDisconnect: Handler = async ({ host }, invocation) => {
  const { network, container } = networkAndContainer(host, invocation)
  if (!container.networks.some(a => a.network === network.name))
    throw new DaemonError(`container ${container.id} is not connected to network ${network.name}`, 'conflict')
  container.networks = container.networks.filter(a => a.network !== network.name)
  return 0
}

const networkPrune: Handler = async ({ host, io }, invocation) => {
  if (!isSet(invocation, 'force') && !await confirm(io, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] '))
    return 0
  pruneNetworks(host, io)
  return 0
}

// ---------------------------------------------------------------------------
// prune and df
// ---------------------------------------------------------------------------

async function confirm(io: ProcessIO, question: string): Promise<boolean> {
  const answer = await io.readLine(question)
  return answer !== null && /^y(es)?$/i.test(answer.trim())
}

function pruneContainers(host: DockerHost, io: ProcessIO): number {
  const stopped = host.containers.filter(c => c.status === 'exited' || c.status === 'created' || c.status === 'dead')
  let reclaimed = 0
  if (stopped.length)
    io.stdout('Deleted Containers:\n')
  for (const container of stopped) {
    reclaimed += host.containerFiles.get(container.id)?.upperSize ?? 0
    host.removeContainer(container)
    io.stdout(`${container.id}\n`)
  }
  if (stopped.length)
    io.stdout('\n')
  return reclaimed
}

function pruneImages(host: DockerHost, io: ProcessIO, all: boolean): number {
  const used = new Set(host.containers.map(c => c.imageId))
  const removable = host.images.filter(i => !used.has(i.id) && (all || i.repoTags.length === 0))
  let reclaimed = 0
  if (removable.length)
    io.stdout('Deleted Images:\n')
  for (const image of removable) {
    for (const tag of image.repoTags)
      io.stdout(`untagged: ${tag}\n`)
    io.stdout(`deleted: ${image.id}\n`)
    reclaimed += image.diskBytes
    host.images = host.images.filter(i => i !== image)
  }
  if (removable.length)
    io.stdout('\n')
  return reclaimed
}

const containerPrune: Handler = async ({ host, io }, invocation) => {
  if (!isSet(invocation, 'force') && !await confirm(io, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] '))
    return 0
  const reclaimed = pruneContainers(host, io)
  io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`)
  return 0
}

const imagePrune: Handler = async ({ host, io }, invocation) => {
  const all = isSet(invocation, 'all')
  const warning = all
    ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] '
    : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] '
  if (!isSet(invocation, 'force') && !await confirm(io, warning))
    return 0
  const reclaimed = pruneImages(host, io, all)
  io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`)
  return 0
}

const systemPrune: Handler = async ({ host, io }, invocation) => {
  const all = isSet(invocation, 'all')
  const volumes = isSet(invocation, 'volumes')
  const items = [
    '  - all stopped containers',
    '  - all networks not used by at least one container',
    ...(volumes ? ['  - all anonymous volumes not used by at least one container'] : []),
    all ? '  - all images without at least one container associated to them' : '  - all dangling images',
    all ? '  - unused build cache' : '  - unused build cache',
  ]
  // cli/command/system/prune.go: the warning lists what goes, then asks.
  const question = `WARNING! This will remove:\n${items.join('\n')}\n\nAre you sure you want to continue? [y/N] `
  if (!isSet(invocation, 'force') && !await confirm(io, question))
    return 0
  let reclaimed = pruneContainers(host, io)
  if (pruneNetworks(host, io))
    io.stdout('\n')
  if (volumes)
    reclaimed += pruneVolumes(host, io, false)
  reclaimed += pruneImages(host, io, all)
  io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`)
  return 0
}

const systemDf: Handler = async ({ host, io }, invocation) => {
  if (isSet(invocation, 'verbose'))
    throw new ClientError(notSimulated('docker system df -v', 'lists every image, container and volume with its size'), 0)
  const usedImages = new Set(host.containers.map(c => c.imageId))
  const imageBytes = host.images.reduce((sum, i) => sum + i.diskBytes, 0)
  const unusedImageBytes = host.images.filter(i => !usedImages.has(i.id)).reduce((sum, i) => sum + i.diskBytes, 0)
  const containerBytes = host.containers.reduce((sum, c) => sum + (host.containerFiles.get(c.id)?.upperSize ?? 0), 0)
  const stoppedBytes = host.containers.filter(c => c.status !== 'running' && c.status !== 'paused').reduce((sum, c) => sum + (host.containerFiles.get(c.id)?.upperSize ?? 0), 0)
  const volumeBytes = host.volumes.reduce((sum, v) => sum + (host.volumeFiles.get(v.name)?.upperSize ?? 0), 0)
  const unusedVolumeBytes = host.volumes.filter(v => host.volumeUsers(v.name).length === 0).reduce((sum, v) => sum + (host.volumeFiles.get(v.name)?.upperSize ?? 0), 0)
  const percent = (part: number, whole: number): string => whole === 0 ? '0B' : `${humanSize(part)} (${Math.round(part * 100 / whole)}%)`
  const active = host.containers.filter(c => c.status === 'running' || c.status === 'paused').length
  const row = (Type: string, TotalCount: number, Active: number, Size: string, Reclaimable: string): Record<string, string> => ({ Type, TotalCount: String(TotalCount), Active: String(Active), Size, Reclaimable })
  const rows = [
    row('Images', host.images.length, host.images.filter(i => usedImages.has(i.id)).length, humanSize(imageBytes), percent(unusedImageBytes, imageBytes)),
    row('Containers', host.containers.length, active, humanSize(containerBytes), percent(stoppedBytes, containerBytes)),
    row('Local Volumes', host.volumes.length, host.volumes.filter(v => host.volumeUsers(v.name).length > 0).length, humanSize(volumeBytes), percent(unusedVolumeBytes, volumeBytes)),
    row('Build Cache', 0, 0, '0B', '0B'),
  ]
  const format = lastValue(invocation, 'format')
  const chosen = format === undefined || format === 'table' ? 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}' : format === 'json' ? '{{json .}}' : format
  io.stdout(formatWith(chosen, { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' }, rows))
  return 0
}

// ---------------------------------------------------------------------------
// build (delegated)
// ---------------------------------------------------------------------------

/** The Dockerfile engineer's builder registers itself here (lib/docker-sim/build); see /tmp/coord/sim-api.md. */
export type BuildCommand = (context: ClientContext, invocation: Invocation) => Promise<number>
let buildHandler: BuildCommand | null = null
export function registerBuild(handler: BuildCommand): void {
  buildHandler = handler
}

const buildCommand: Handler = async (context, invocation) => {
  if (!buildHandler)
    throw new ClientError(notSimulated('docker build', 'reads the Dockerfile in the context folder and builds an image, step by step, with the build cache'), 0)
  return buildHandler(context, invocation)
}

/** docker update: the restart policy (the one setting the deck changes); resource limits are not modelled. */
const updateCommand: Handler = async (context, invocation) => {
  const restart = lastValue(invocation, 'restart')
  const others = [...invocation.flags.keys()].filter(flag => flag !== 'restart')
  if (others.length > 0)
    throw new ClientError(notSimulated(`docker update ${others.map(f => `--${f}`).join(' ')}`, 'changes those limits of the running containers'), 0)
  return eachArgument(context, invocation, (reference) => {
    const container = context.host.requireContainer(reference)
    if (restart !== undefined)
      container.hostConfig.restartPolicy = parseRestart(restart)
  })
}

const HANDLERS: Record<string, Handler> = {
  'container update': updateCommand,
  'container run': runCommand,
  'container create': createCommand,
  'container start': startCommand,
  'container stop': stopCommand,
  'container restart': restartCommand,
  'container kill': killCommand,
  'container pause': pauseCommand,
  'container unpause': unpauseCommand,
  'container rm': rmCommand,
  'container rename': renameCommand,
  'container wait': waitCommand,
  'container ls': psCommand,
  'container logs': logsCommand,
  'container attach': attachCommand,
  'container exec': execCommand,
  'container inspect': inspectHandler('container'),
  'container port': portCommand,
  'container top': topCommand,
  'container diff': diffCommand,
  'container cp': cpCommand,
  'container stats': statsCommand,
  'container prune': containerPrune,
  'inspect': inspectHandler('any'),
  'image pull': pullCommand,
  'image ls': imagesCommand,
  'image rm': rmiCommand,
  'image tag': tagCommand,
  'image history': historyCommand,
  'image inspect': inspectHandler('image'),
  'image prune': imagePrune,
  'image build': buildCommand,
  'buildx build': buildCommand,
  'volume create': volumeCreate,
  'volume ls': volumeLs,
  'volume rm': volumeRm,
  'volume inspect': inspectHandler('volume'),
  'volume prune': volumePrune,
  'network create': networkCreate,
  'network ls': networkLs,
  'network rm': networkRm,
  'network inspect': inspectHandler('network'),
  'network connect': networkConnect,
  'network disconnect': networkDisconnect,
  'network prune': networkPrune,
  'system prune': systemPrune,
  'system df': systemDf,
}

for (const sub of ['up', 'down', 'ps', 'logs', 'exec', 'build', 'start', 'stop', 'restart', 'rm', 'pull', 'config'])
  HANDLERS[`compose ${sub}`] = composeCommand

function handlerFor(path: readonly string[]): Handler | undefined {
  return HANDLERS[path.join(' ')]
}

/** The command paths the simulator models (for the coverage note and tests). */
export const SIMULATED_COMMANDS: readonly string[] = Object.keys(HANDLERS)
