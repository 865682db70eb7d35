// The Dockerfile as the builder sees it: stages and their steps, the state in force at each line (WORKDIR, ENV, ARG,
// USER, SHELL), the image configuration each stage ends with, which steps add a filesystem layer, and BuildKit's step
// numbering. Built once per text (see `dockerfileModel`) and read by the checks, the hovers, the build and the views.

import type { ParsedDockerfile, ParsedFlag, ParsedInstruction } from './parse'
import { pathParts } from '../text/paths'
import { catalogBaseImage } from './base-images'
import { expandVariables } from './expand'
import { parseDockerfile, readJsonForm } from './parse'

/**
 * What a step does to the image. `layer`: it changes the filesystem (RUN, COPY, ADD, and WORKDIR, which BuildKit
 * turns into a mkdir). `metadata`: only the configuration (ENV, CMD, EXPOSE…), no layer. `base`: FROM.
 */
export type StepKind = 'base' | 'layer' | 'metadata'

/** Keywords BuildKit counts in `[n/total]` (dockerfile2llb/convert.go: FROM an image, ADD, COPY, RUN, WORKDIR). */
export const NUMBERED_KEYWORDS: ReadonlySet<string> = new Set(['FROM', 'ADD', 'COPY', 'RUN', 'WORKDIR'])
const LAYER_KEYWORDS: ReadonlySet<string> = new Set(['ADD', 'COPY', 'RUN', 'WORKDIR'])

export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c']

/**
 * ARGs BuildKit defines in the global scope by itself; a stage sees them after `ARG NAME` with no value.
 * Values for a linux/amd64 machine, which is what the simulated host is.
 */
export const AUTOMATIC_ARGS: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
])

/** Proxy ARGs usable without an ARG line, and left out of the cache key and the history (Dockerfile reference). */
export const PROXY_ARGS: ReadonlySet<string> = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'])

/** The state in force at a line. */
export interface BuildState {
  /** Absolute; `/` until a WORKDIR (or the base image) sets one. */
  workdir: string
  /** ENV in scope, in the order set (base image first). */
  env: ReadonlyMap<string, string>
  /** ARGs declared in this stage so far: their value for this build, undefined when none is given. */
  args: ReadonlyMap<string, string | undefined>
  /** '' is root. */
  user: string
  shell: readonly string[]
}

/** The configuration an image ends with, as `docker inspect` shows it under Config. */
export interface ImageSettings {
  cmd: readonly string[] | null
  entrypoint: readonly string[] | null
  env: readonly (readonly [string, string])[]
  exposedPorts: readonly string[]
  volumes: readonly string[]
  workingDir: string
  user: string
  stopSignal: string | null
  labels: readonly (readonly [string, string])[]
  /** The HEALTHCHECK test, `['NONE']` when switched off, null when not set. */
  healthcheck: readonly string[] | null
  shell: readonly string[]
}

/** What a base image brings: the part of the catalog's ImageConfig the builder reads. */
export interface BaseImageConfig {
  cmd: readonly string[] | null
  entrypoint: readonly string[] | null
  env: readonly (readonly [string, string])[]
  exposedPorts: readonly string[]
  volumes: readonly string[]
  workingDir: string
  user: string
  stopSignal: string | null
}

export type StageBase
  = | { kind: 'scratch' }
    | { kind: 'stage', stage: number }
    | { kind: 'image', reference: string, normalized: string }

export interface RunDetails {
  /** What the container runs: the shell and the command in shell form, the items in exec form. */
  argv: readonly string[]
  shellForm: boolean
  /** The command as written, continuation lines joined. */
  command: string
}

export interface CopyDetails {
  /** Source paths after variable substitution, as written (relative to the context or to the `--from` stage). */
  sources: readonly string[]
  /** Absolute, resolved against the WORKDIR; ends with `/` when written so. */
  destination: string
  /** `--from` as written, null for the build context. */
  from: string | null
  /** The stage `--from` names, when it names one; null for the context or an image. */
  fromStage: number | null
  flags: Readonly<Record<string, string | null>>
}

export interface Step {
  stage: number
  /** Position in the stage, FROM is 0. */
  index: number
  instruction: ParsedInstruction
  keyword: string
  kind: StepKind
  /** BuildKit's step number within the stage (`[2/5]`), null for the steps it does not number. */
  number: number | null
  /** The state before this line's own effect. */
  before: BuildState
  /** The state after it. */
  after: BuildState
  /** The step as BuildKit names it in progress output: `RUN pip install flask`, variables of the builder expanded. */
  display: string
  run: RunDetails | null
  copy: CopyDetails | null
  /** Variables the builder expanded in this line, and those among them with no value. */
  variables: { used: string[], missing: string[] }
}

export interface Stage {
  index: number
  /** As written after AS, null when unnamed. */
  name: string | null
  /** BuildKit's label in `[build 2/4]`: the name, `stage-N` for an unnamed one, '' when there is one stage only. */
  label: string
  base: StageBase
  steps: Step[]
  /** `total` in `[n/total]`. */
  total: number
  /** Whether the configuration the base brings is known (scratch, a catalog image, a stage built on a known one). */
  baseKnown: boolean
  /** What the stage's image ends with. */
  config: ImageSettings
}

export interface DockerfileModel {
  text: string
  parsed: ParsedDockerfile
  /** ARGs before the first FROM, with their values for this build. */
  globalArgs: ReadonlyMap<string, string | undefined>
  /** ARG lines before the first FROM. */
  globalArgSteps: ParsedInstruction[]
  stages: Stage[]
}

export interface ModelOptions {
  /** `--build-arg NAME=value`. */
  buildArgs?: Readonly<Record<string, string>>
  /** The configuration of a base image, from the catalog; null when unknown (then it is taken as empty). */
  baseImage?: (normalized: string) => BaseImageConfig | null
}

/** `python:3.12` → `docker.io/library/python:3.12`, as BuildKit prints it (reference.ParseNormalizedNamed + TagNameOnly). */
export function normalizeImageReference(reference: string): string {
  const [nameAndTag, digest] = reference.split('@') as [string, string | undefined]
  const slash = nameAndTag.indexOf('/')
  const first = slash < 0 ? '' : nameAndTag.slice(0, slash)
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')
  let name = hasRegistry ? nameAndTag : `docker.io/${slash < 0 ? `library/${nameAndTag}` : nameAndTag}`
  const lastSegment = name.slice(name.lastIndexOf('/') + 1)
  if (!lastSegment.includes(':') && !digest)
    name += ':latest'
  return digest ? `${name}@${digest}` : name
}

/** Resolves `path` against the directory `cwd`, cleaning `.` and `..`; keeps a trailing `/`. */
export function resolveAgainst(cwd: string, path: string): string {
  const absolute = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`
  const clean = `/${pathParts(absolute).join('/')}`
  return path.endsWith('/') && clean !== '/' ? `${clean}/` : clean
}

const EMPTY_SETTINGS: ImageSettings = {
  cmd: null,
  entrypoint: null,
  env: [],
  exposedPorts: [],
  volumes: [],
  workingDir: '',
  user: '',
  stopSignal: null,
  labels: [],
  healthcheck: null,
  shell: DEFAULT_SHELL,
}

function flagMap(flags: readonly ParsedFlag[]): Record<string, string | null> {
  return Object.fromEntries(flags.map(flag => [flag.name, flag.value]))
}

/** Mutable settings while a stage is walked. */
interface Working {
  settings: ImageSettings
  state: BuildState
  cmdSet: boolean
  workdirNumbered: boolean
}

function settingsFromBase(base: BaseImageConfig | null): ImageSettings {
  if (!base)
    return EMPTY_SETTINGS
  return { ...EMPTY_SETTINGS, ...base, labels: [], healthcheck: null, shell: DEFAULT_SHELL }
}

function stateFromSettings(settings: ImageSettings): BuildState {
  return {
    workdir: settings.workingDir || '/',
    env: new Map(settings.env),
    args: new Map(),
    user: settings.user,
    shell: settings.shell,
  }
}

function withEnv(env: ReadonlyMap<string, string>, entries: readonly (readonly [string, string])[]): Map<string, string> {
  const next = new Map(env)
  for (const [name, value] of entries)
    next.set(name, value)
  return next
}

/** Stage names are case-insensitive (BuildKit lower-cases them). */
function findStage(stages: readonly Stage[], name: string): Stage | undefined {
  const wanted = name.toLowerCase()
  const byName = stages.find(stage => stage.name?.toLowerCase() === wanted)
  if (byName)
    return byName
  return /^\d+$/.test(name) ? stages[Number(name)] : undefined
}

export function buildModel(text: string, options: ModelOptions = {}): DockerfileModel {
  const parsed = parseDockerfile(text)
  const buildArgs = options.buildArgs ?? {}
  const escapeChar = parsed.escapeChar
  const globalArgs = new Map<string, string | undefined>(AUTOMATIC_ARGS)
  const globalArgSteps: ParsedInstruction[] = []
  const stages: Stage[] = []
  let working: Working | null = null
  let current: Stage | null = null

  const lookupIn = (state: BuildState) => (name: string): string | undefined => {
    if (state.env.has(name))
      return state.env.get(name)
    if (state.args.has(name))
      return state.args.get(name)
    return undefined
  }

  for (const instruction of parsed.instructions) {
    const keyword = instruction.keyword
    if (keyword === 'FROM') {
      const [imageArg, as, nameArg] = instruction.args
      const expanded = expandVariables(imageArg?.value ?? '', name => globalArgs.get(name) ?? undefined, { escapeChar })
      const reference = expanded.value
      const name = as?.value.toUpperCase() === 'AS' && nameArg ? nameArg.value : null
      const earlier = stages.find(stage => stage.name !== null && stage.name.toLowerCase() === reference.toLowerCase())
      let base: StageBase
      let settings: ImageSettings
      let baseKnown = true
      if (reference === 'scratch') {
        base = { kind: 'scratch' }
        settings = EMPTY_SETTINGS
      }
      else if (earlier) {
        base = { kind: 'stage', stage: earlier.index }
        settings = earlier.config
        baseKnown = earlier.baseKnown
      }
      else {
        const normalized = normalizeImageReference(reference)
        base = { kind: 'image', reference, normalized }
        const config = options.baseImage?.(normalized) ?? null
        baseKnown = config !== null
        settings = settingsFromBase(config)
      }
      const state = stateFromSettings(settings)
      working = { settings, state, cmdSet: false, workdirNumbered: false }
      current = { index: stages.length, name, label: '', base, steps: [], total: 0, baseKnown, config: settings }
      stages.push(current)
      current.steps.push({
        stage: current.index,
        index: 0,
        instruction,
        keyword,
        kind: 'base',
        number: null,
        before: state,
        after: state,
        display: base.kind === 'image' ? `FROM ${base.normalized}` : `FROM ${reference}`,
        run: null,
        copy: null,
        variables: { used: expanded.used, missing: expanded.missing.filter(missing => !globalArgs.has(missing)) },
      })
      continue
    }

    if (!working || !current) {
      // Before the first FROM only ARG is allowed (the checks say so for anything else).
      if (keyword === 'ARG') {
        globalArgSteps.push(instruction)
        for (const property of instruction.properties)
          globalArgs.set(property.name, buildArgs[property.name] ?? property.value ?? undefined)
      }
      continue
    }

    const before = working.state
    const lookup = lookupIn(before)
    const used: string[] = []
    const missing: string[] = []
    const expand = (value: string, removeQuotes = true): string => {
      const result = expandVariables(value, lookup, { escapeChar, removeQuotes })
      for (const name of result.used) {
        if (!used.includes(name))
          used.push(name)
      }
      for (const name of result.missing) {
        if (!missing.includes(name))
          missing.push(name)
      }
      return result.value
    }
    let after: BuildState = before
    let run: RunDetails | null = null
    let copy: CopyDetails | null = null
    let display = `${keyword} ${instruction.argsText.trim()}`.trim()
    const settings = working.settings

    switch (keyword) {
      case 'RUN': {
        const reading = readJsonForm(instruction.argsText)
        const command = instruction.argsText.trim()
        run = reading.kind === 'exec'
          ? { argv: reading.items, shellForm: false, command }
          : { argv: [...before.shell, command], shellForm: true, command }
        const flags = instruction.flags.map(flag => `--${flag.name}${flag.value === null ? '' : `=${flag.value}`}`)
        display = ['RUN', ...flags, command].join(' ')
        break
      }
      case 'COPY':
      case 'ADD': {
        const reading = readJsonForm(instruction.argsText)
        const items = reading.kind === 'exec' ? reading.items : instruction.args.map(arg => arg.value)
        const words = items.map(item => expand(item))
        const flags = flagMap(instruction.flags)
        const from = flags.from ?? null
        const written = words.at(-1) ?? ''
        const fromStage = from === null ? null : (findStage(stages.slice(0, current.index), from)?.index ?? null)
        // `.`, `..` and `dir/.` name a directory as surely as a trailing `/` does: sources go inside it.
        const namesDirectory = /(?:^|\/)\.\.?$/.test(written)
        copy = {
          sources: words.slice(0, -1),
          destination: resolveAgainst(before.workdir, namesDirectory ? `${written}/` : written),
          from,
          fromStage,
          flags,
        }
        const flagText = instruction.flags.map(flag => `--${flag.name}${flag.value === null ? '' : `=${flag.value}`}`)
        display = [keyword, ...flagText, ...words].join(' ')
        break
      }
      case 'WORKDIR': {
        const path = expand(instruction.args[0]?.value ?? '')
        const workdir = resolveAgainst(before.workdir, path).replace(/(.)\/$/, '$1')
        after = { ...before, workdir }
        working.settings = { ...settings, workingDir: workdir }
        display = `WORKDIR ${path}`
        break
      }
      case 'ENV': {
        const entries = instruction.properties.map(property => [property.name, expand(property.value ?? '')] as const)
        after = { ...before, env: withEnv(before.env, entries) }
        working.settings = { ...settings, env: [...after.env] }
        break
      }
      case 'ARG': {
        const args = new Map(before.args)
        for (const property of instruction.properties) {
          const fallback = property.value === null ? globalArgs.get(property.name) : expand(property.value)
          args.set(property.name, buildArgs[property.name] ?? fallback)
        }
        after = { ...before, args }
        break
      }
      case 'USER': {
        const user = expand(instruction.args[0]?.value ?? '')
        after = { ...before, user }
        working.settings = { ...settings, user }
        break
      }
      case 'SHELL': {
        const reading = readJsonForm(instruction.argsText)
        if (reading.kind === 'exec' && reading.items.length > 0) {
          after = { ...before, shell: reading.items }
          working.settings = { ...settings, shell: reading.items }
        }
        break
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const reading = readJsonForm(instruction.argsText)
        const argv = reading.kind === 'exec'
          ? reading.items
          : reading.kind === 'not-strings' ? null : [...before.shell, instruction.argsText.trim()]
        if (keyword === 'CMD') {
          working.settings = { ...settings, cmd: argv }
          working.cmdSet = true
        }
        else {
          // Setting ENTRYPOINT drops an inherited CMD unless this stage set its own (dispatchEntrypoint).
          working.settings = { ...settings, entrypoint: argv && argv.length > 0 ? argv : null, cmd: working.cmdSet ? settings.cmd : null }
        }
        break
      }
      case 'EXPOSE': {
        // `8000:5000` and `127.0.0.1:8000:5000` expose the container port only (BuildKit warns: ExposeInvalidFormat).
        const ports = instruction.args.map(arg => expand(arg.value).split(':').at(-1)!).map(port => port.includes('/') ? port.toLowerCase() : `${port}/tcp`)
        working.settings = { ...settings, exposedPorts: [...new Set([...settings.exposedPorts, ...ports])] }
        break
      }
      case 'VOLUME': {
        const reading = readJsonForm(instruction.argsText)
        const paths = (reading.kind === 'exec' ? reading.items : instruction.args.map(arg => arg.value)).map(path => expand(path))
        working.settings = { ...settings, volumes: [...new Set([...settings.volumes, ...paths])] }
        break
      }
      case 'LABEL': {
        const labels = new Map(settings.labels)
        for (const property of instruction.properties)
          labels.set(expand(property.name), expand(property.value ?? ''))
        working.settings = { ...settings, labels: [...labels] }
        break
      }
      case 'STOPSIGNAL':
        working.settings = { ...settings, stopSignal: expand(instruction.args[0]?.value ?? '') }
        break
      case 'HEALTHCHECK': {
        const [mode, ...rest] = instruction.args
        const test = mode?.value.toUpperCase() === 'NONE' ? ['NONE'] : ['CMD-SHELL', rest.map(arg => arg.value).join(' ')]
        working.settings = { ...settings, healthcheck: test }
        break
      }
      default:
        break
    }
    working.state = after
    const numbered = NUMBERED_KEYWORDS.has(keyword)
    current.steps.push({
      stage: current.index,
      index: current.steps.length,
      instruction,
      keyword,
      kind: LAYER_KEYWORDS.has(keyword) ? 'layer' : 'metadata',
      number: numbered ? 0 : null,
      before,
      after,
      display,
      run,
      copy,
      variables: { used, missing },
    })
    current.config = working.settings
  }

  for (const stage of stages) {
    numberSteps(stage)
    stage.label = stages.length === 1 ? '' : (stage.name ?? `stage-${stage.index}`)
  }
  return { text, parsed, globalArgs, globalArgSteps, stages }
}

/**
 * BuildKit's numbering: the total counts FROM (unless scratch or another stage) and every ADD, COPY, RUN and
 * WORKDIR; a number is used when the step is dispatched, and `WORKDIR /` makes no mkdir, so it takes none.
 */
function numberSteps(stage: Stage): void {
  let total = stage.base.kind === 'image' ? 1 : 0
  let next = 1
  for (const step of stage.steps) {
    if (step.keyword === 'FROM') {
      step.number = stage.base.kind === 'image' ? next++ : null
      continue
    }
    if (!NUMBERED_KEYWORDS.has(step.keyword))
      continue
    total++
    if (step.keyword === 'WORKDIR' && step.after.workdir === '/') {
      step.number = null
      step.kind = 'metadata'
      continue
    }
    step.number = next++
  }
  stage.total = total
}

/** The stage `target` names (`--target`), or the last one. */
export function targetStage(model: DockerfileModel, target?: string): Stage | undefined {
  if (target === undefined)
    return model.stages.at(-1)
  return findStage(model.stages, target)
}

/** Indexes of the stages a build of `target` needs: its base chain and every `COPY --from`, transitively. */
export function stagesNeeded(model: DockerfileModel, target: Stage): Set<number> {
  const needed = new Set<number>()
  const visit = (stage: Stage) => {
    if (needed.has(stage.index))
      return
    needed.add(stage.index)
    if (stage.base.kind === 'stage')
      visit(model.stages[stage.base.stage]!)
    for (const step of stage.steps) {
      if (step.copy?.fromStage !== null && step.copy?.fromStage !== undefined)
        visit(model.stages[step.copy.fromStage]!)
    }
  }
  visit(target)
  return needed
}

/** The step whose instruction covers `line` (zero-based), or undefined. */
export function stepAtLine(model: DockerfileModel, line: number): Step | undefined {
  for (const stage of model.stages) {
    for (const step of stage.steps) {
      const range = step.instruction.range
      if (range.start.line <= line && line <= range.end.line)
        return step
    }
  }
  return undefined
}

const MODEL_CACHE_SIZE = 16
const modelCache = new Map<string, DockerfileModel>()

/**
 * The model of `text` with no build arguments, base images read from the catalog, parsed once per text: markers,
 * hovers and views asking about the same text share it. Builds with other options call `buildModel` themselves.
 */
export function dockerfileModel(text: string): DockerfileModel {
  const cached = modelCache.get(text)
  if (cached) {
    modelCache.delete(text)
    modelCache.set(text, cached)
    return cached
  }
  const model = buildModel(text, { baseImage: catalogBaseImage })
  modelCache.set(text, model)
  if (modelCache.size > MODEL_CACHE_SIZE)
    modelCache.delete(modelCache.keys().next().value!)
  return model
}
