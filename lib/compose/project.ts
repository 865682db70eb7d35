// A Compose file read as a project, the model `docker compose up/down/ps/logs/exec/build` works on:
// the parsed, validated, interpolated file; services in dependency order, each with the docker run
// that makes its container and the engine's reading of that run (its container configuration);
// the networks and volumes Compose creates, named as Compose names them.

import type { ContainerConfig } from '../docker/container-config'
import type { Environment } from './interpolate'
import type { ComposeIssue } from './issues'
import type { ComposeMapping } from './model'
import type { DockerStep, RunNote, ServiceNames } from './to-run'
import { containerConfigOf } from '../docker/container-config'
import { parseCommand } from '../docker/parse-command'
import { splitCommands } from '../docker/tokenize'
import { listedNames, startOrder } from './checks'
import { readComposeFile } from './read'
import { serviceAsRun, stepOf } from './to-run'

export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully'

export interface ServiceDependency {
  service: string
  condition: DependencyCondition
  /** false: start anyway when that service is missing or fails. */
  required: boolean
  /** Restart this service when that one is restarted by Compose. */
  restart: boolean
}

export interface ComposeService {
  name: string
  /** The service's settings after interpolation, as written (short and long syntax kept). */
  definition: ComposeMapping
  /** The image to run: `image`, or the one Compose builds, `<project>-<service>`. */
  image: string
  build: { context: string, dockerfile: string | null } | null
  /** `container_name`, or Compose's `<project>-<service>-1`. */
  containerName: string
  dependsOn: ServiceDependency[]
  /** Network keys the service joins (`default` unless it says otherwise); empty with network_mode. */
  networks: string[]
  networkMode: string | null
  /** The `docker run` that makes the same container. */
  run: DockerStep
  /** `docker network connect` for each further network it joins. */
  connects: DockerStep[]
  /** The engine's reading of that `docker run` (null if the engine could not read it: a defect). */
  container: ContainerConfig | null
  /** What the service has that a docker run does not (depends_on, build, replicas…). */
  notes: RunNote[]
}

export interface ComposeNetwork {
  key: string
  /** Its name on the daemon: `<project>_<key>`, or `name:`, or the key itself when external. */
  name: string
  external: boolean
  driver: string | null
  /** `default`, made by Compose for services that name no network. */
  implicit: boolean
}

export interface ComposeVolume {
  key: string
  name: string
  external: boolean
  driver: string | null
}

export interface ComposeProject {
  name: string
  /** In file order. */
  services: ComposeService[]
  /** Service names in the order `docker compose up` starts them. */
  startOrder: string[]
  networks: ComposeNetwork[]
  volumes: ComposeVolume[]
  /** The docker commands `docker compose up -d` amounts to, in order. */
  steps: DockerStep[]
}

export interface ProjectReading {
  /** null when the file has errors (Compose refuses it) or is not a Compose file. */
  project: ComposeProject | null
  issues: ComposeIssue[]
}

export interface ProjectOptions {
  /** `-p`, else the folder name; Compose lower-cases it and keeps letters, digits, `-` and `_`. */
  projectName?: string
  /** The shell's variables (an `.env` file's too). Unset variables are empty, as Compose reads them. */
  environment?: Environment
}

function isMapping(value: unknown): value is ComposeMapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Compose's normalisation of a project name. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'project'
}

function dependenciesOf(definition: ComposeMapping): ServiceDependency[] {
  const dependsOn = definition.depends_on
  return listedNames(dependsOn).map(({ name }) => {
    const settings = isMapping(dependsOn) && isMapping(dependsOn[name]) ? dependsOn[name] : {}
    const condition = settings.condition
    return {
      service: name,
      condition: condition === 'service_healthy' || condition === 'service_completed_successfully' ? condition : 'service_started',
      required: settings.required !== false,
      restart: settings.restart === true || settings.restart === 'true',
    }
  })
}

function buildOf(definition: ComposeMapping): ComposeService['build'] {
  const build = definition.build
  if (typeof build === 'string')
    return { context: build, dockerfile: null }
  if (isMapping(build))
    return { context: typeof build.context === 'string' ? build.context : '.', dockerfile: typeof build.dockerfile === 'string' ? build.dockerfile : null }
  return null
}

function declared(data: ComposeMapping, key: 'networks' | 'volumes', project: string): { key: string, name: string, external: boolean, driver: string | null }[] {
  const section = isMapping(data[key]) ? data[key] : {}
  return Object.entries(section).map(([name, settings]) => {
    const entry = isMapping(settings) ? settings : {}
    const external = entry.external === true || isMapping(entry.external)
    const explicit = typeof entry.name === 'string' ? entry.name : isMapping(entry.external) && typeof entry.external.name === 'string' ? entry.external.name : null
    return { key: name, name: explicit ?? (external ? name : `${project}_${name}`), external, driver: typeof entry.driver === 'string' ? entry.driver : null }
  })
}

/**
 * Reads a Compose file as `docker compose` would and, when Compose would accept it, the project:
 * services, networks, volumes, start order and the equivalent docker commands.
 */
export function readComposeProject(text: string, options: ProjectOptions = {}): ProjectReading {
  const reading = readComposeFile(text, { environment: options.environment ?? {} })
  const { issues } = reading
  const data = reading.data as ComposeMapping | null
  if (!data || issues.some(issue => issue.severity === 'error') || !isMapping(data.services))
    return { project: null, issues }
  const name = normalizeProjectName(typeof data.name === 'string' ? data.name : options.projectName ?? 'project')
  const services = data.services as Record<string, ComposeMapping>

  const networks: ComposeNetwork[] = declared(data, 'networks', name).map(network => ({ ...network, implicit: false }))
  const usesDefault = Object.values(services).some(service => service.network_mode === undefined && (service.networks === undefined || listedNames(service.networks).some(n => n.name === 'default')))
  if (usesDefault && !networks.some(network => network.key === 'default'))
    networks.unshift({ key: 'default', name: `${name}_default`, external: false, driver: null, implicit: true })
  const volumes: ComposeVolume[] = declared(data, 'volumes', name)
  const declaredVolumes = new Set(volumes.map(volume => volume.key))

  const names: ServiceNames = {
    project: name,
    networkName: key => networks.find(network => network.key === key)?.name ?? `${name}_${key}`,
    volumeName: key => volumes.find(volume => volume.key === key)?.name ?? `${name}_${key}`,
    containerName: service => (typeof services[service]?.container_name === 'string' ? services[service]!.container_name as string : `${name}-${service}-1`),
    imageName: service => (typeof services[service]?.image === 'string' ? services[service]!.image as string : `${name}-${service}`),
  }

  const built: ComposeService[] = Object.entries(services).map(([serviceName, definition]) => {
    const { argv, connects, notes } = serviceAsRun(serviceName, definition, names, declaredVolumes)
    const run = stepOf(argv, `the ${serviceName} container`, serviceName)
    const [shell] = splitCommands(run.text)
    return {
      name: serviceName,
      definition,
      image: names.imageName(serviceName),
      build: buildOf(definition),
      containerName: names.containerName(serviceName),
      dependsOn: dependenciesOf(definition),
      networks: definition.network_mode === undefined ? (definition.networks === undefined ? ['default'] : listedNames(definition.networks).map(n => n.name)) : [],
      networkMode: typeof definition.network_mode === 'string' ? definition.network_mode : null,
      run,
      connects: connects.map(connect => stepOf(connect, `${serviceName} joins ${connect.at(-2)} too`, serviceName)),
      container: shell ? containerConfigOf(parseCommand(shell)) : null,
      notes,
    }
  })

  const order = startOrder(services).order
  const steps: DockerStep[] = []
  for (const network of networks) {
    if (!network.external)
      steps.push(stepOf(['docker', 'network', 'create', ...(network.driver ? ['--driver', network.driver] : []), network.name], network.implicit ? 'the project\'s network: every service reaches the others by their service names' : `the network ${network.key}`, null))
  }
  for (const volume of volumes) {
    if (!volume.external)
      steps.push(stepOf(['docker', 'volume', 'create', ...(volume.driver ? ['--driver', volume.driver] : []), volume.name], `the volume ${volume.key}`, null))
  }
  for (const service of built) {
    if (service.build && typeof service.definition.image !== 'string') {
      const argv = ['docker', 'build', '-t', service.image, ...(service.build.dockerfile ? ['-f', service.build.dockerfile] : []), service.build.context]
      steps.push(stepOf(argv, `the image of ${service.name}, built from ${service.build.context}`, service.name))
    }
  }
  for (const serviceName of order) {
    const service = built.find(s => s.name === serviceName)
    if (service)
      steps.push(service.run, ...service.connects)
  }
  return { project: { name, services: built, startOrder: order, networks, volumes, steps }, issues }
}

/** "this file is these two docker run commands, plus a network". */
export function describeSteps(project: ComposeProject): string {
  const count = (n: number, one: string, many: string) => `${n === 1 ? 'one' : n === 2 ? 'two' : n} ${n === 1 ? one : many}`
  const runs = project.steps.filter(step => step.argv[1] === 'run').length
  const connects = project.steps.filter(step => step.argv[2] === 'connect').length
  const builds = project.steps.filter(step => step.argv[1] === 'build').length
  const networks = project.steps.filter(step => step.argv[2] === 'create' && step.argv[1] === 'network').length
  const volumes = project.steps.filter(step => step.argv[1] === 'volume').length
  const extras = [
    builds > 0 ? (builds === 1 ? 'an image to build' : `${count(builds, 'image', 'images')} to build`) : '',
    networks > 0 ? (networks === 1 ? 'a network' : `${count(networks, 'network', 'networks')}`) : '',
    volumes > 0 ? (volumes === 1 ? 'a volume' : `${count(volumes, 'volume', 'volumes')}`) : '',
    connects > 0 ? (connects === 1 ? 'a network connect' : `${count(connects, 'network connect', 'network connects')}`) : '',
  ].filter(Boolean)
  const tail = extras.length === 0 ? '' : `, plus ${extras.length === 1 ? extras[0] : `${extras.slice(0, -1).join(', ')} and ${extras.at(-1)}`}`
  return `This file is ${runs === 1 ? 'this docker run command' : `these ${count(runs, '', 'docker run commands').trim()}`}${tail}.`
}

/**
 * The way back as plain text, for the terminal: the docker commands a Compose file stands for, what
 * Compose adds beyond them, or, when Compose would refuse the file, each problem at its line.
 */
export function projectAsText(text: string, options: ProjectOptions = {}): { text: string, ok: boolean } {
  const { project, issues } = readComposeProject(text, options)
  const at = (offset: number) => {
    const before = text.slice(0, offset).split('\n')
    return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`
  }
  const problems = issues.map(issue => `  ${issue.severity === 'error' ? '✗' : '!'} line ${at(issue.start)} ${issue.code}: ${issue.message}`)
  if (!project)
    return { text: ['docker compose would refuse this file:', ...problems].join('\n'), ok: false }
  const lines = [`${describeSteps(project)} (project ${project.name})`, '', ...project.steps.map(step => `  ${step.text}`)]
  const notes = project.services.flatMap(service => service.notes.map(note => `  ${note.service} ${note.key}: ${note.text}`))
  if (notes.length > 0)
    lines.push('', 'What Compose adds beyond these commands:', ...notes)
  if (problems.length > 0)
    lines.push('', 'Warnings:', ...problems)
  return { text: lines.join('\n'), ok: true }
}
