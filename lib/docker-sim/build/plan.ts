// What `docker build` does with a Dockerfile and its context, without running anything: which steps come from the
// cache and why the others run, the layers the image gets with their sizes (base from the catalog, COPY from the
// context's files, RUN estimated), the wasted bytes (files a later layer deletes or replaces still ship), the
// image's configuration and history. The simulated `docker build` prints it; the layer view draws it.

import type { CachePlan, StepVerdict } from '../../dockerfile/cache'
import type { BuildContext, ContextFile } from '../../dockerfile/context'
import type { LintFinding } from '../../dockerfile/lint'
import type { BaseImageConfig, DockerfileModel, ImageSettings, Stage, Step } from '../../dockerfile/model'
import type { EstimatedFile } from './estimates'
import { BuildCache, judgeCache, planCache } from '../../dockerfile/cache'
import { checkDockerfile } from '../../dockerfile/check'
import { cleanRelative, filesForSource, viewContext } from '../../dockerfile/context'
import { lintDockerfile } from '../../dockerfile/lint'
import { buildModel, normalizeImageReference, resolveAgainst, stagesNeeded, targetStage } from '../../dockerfile/model'
import { readJsonForm } from '../../dockerfile/parse'
import { byteLength } from '../fs'
import { estimateRun, removedPrefix } from './estimates'

export { BuildCache }

/** A base image as the builder needs it. */
export interface BaseInfo {
  normalized: string
  /** `sha256:…`, as printed after `@` in the FROM step. */
  digest: string
  config: BaseImageConfig
  diskBytes: number
  /** The base's own history rows (docker history lists them under the build's). */
  history: readonly { createdBy: string, size: number }[]
  /** Whether it has to be pulled first. */
  present: boolean
}

export interface PlanInput {
  dockerfile: string
  /** As `-f` names it, for "load build definition from Dockerfile". */
  dockerfileName?: string
  context: BuildContext
  cache: BuildCache
  noCache?: boolean
  target?: string
  buildArgs?: Readonly<Record<string, string>>
  /** The base image a FROM names (normalized reference), or null when neither the host nor the catalog has it. */
  resolveBase: (normalized: string) => BaseInfo | null
}

export interface LayerResult {
  step: Step
  verdict: StepVerdict
  /** Bytes the layer adds (0 for WORKDIR's mkdir). */
  bytes: number
  /** RUN sizes come from the estimates table; COPY sizes are the files' real sizes. */
  estimated: boolean
  /** false when nothing of the RUN is in the table: its size is unknown (counted as 0). */
  sizeKnown: boolean
  /** Absolute paths the layer writes, with their sizes (and their text, for files from the build context). */
  files: (EstimatedFile & { content?: string })[]
  /** What a RUN's size is made of. */
  parts: { what: string, bytes: number }[]
  /** Bytes of earlier layers this layer deletes or replaces: still in the image. */
  wastes: { path: string, bytes: number, line: number }[]
  /** Paths a RUN deletes (`rm -rf …`): hidden from this layer up, as overlayfs whiteouts. */
  removes: string[]
}

export interface StageResult {
  stage: Stage
  base: BaseInfo | null
  layers: LayerResult[]
  /** Whether its layers reach the final image (the target's own chain) or only lend files through COPY --from. */
  inFinalImage: boolean
}

export type BuildErrorCode = 'DOCKERFILE_ERROR' | 'NO_SUCH_TARGET' | 'BASE_NOT_FOUND' | 'COPY_SOURCE_MISSING'

export interface BuildError {
  code: BuildErrorCode
  /** After `failed to solve: `, BuildKit's words. */
  message: string
  /** The instruction at fault, when there is one. */
  step: Step | null
  line: number | null
}

export interface ImageNeeded {
  /** As written. */
  reference: string
  normalized: string
  /** The FROM or COPY --from that names it. */
  step: Step
  /** true for a base (FROM), false for COPY --from. */
  base: boolean
}

/** The images a build of the `needed` stages reads, once each, in file order. */
export function imagesNeeded(model: DockerfileModel, needed: ReadonlySet<number>): ImageNeeded[] {
  const images: ImageNeeded[] = []
  for (const stage of model.stages) {
    if (!needed.has(stage.index))
      continue
    if (stage.base.kind === 'image')
      images.push({ reference: stage.base.reference, normalized: stage.base.normalized, step: stage.steps[0]!, base: true })
    for (const step of stage.steps) {
      if (step.copy && step.copy.from !== null && step.copy.fromStage === null)
        images.push({ reference: step.copy.from, normalized: normalizeImageReference(step.copy.from), step, base: false })
    }
  }
  return images.filter((image, i) => images.findIndex(other => other.normalized === image.normalized) === i)
}

export interface BuildPlan {
  model: DockerfileModel
  cachePlan: CachePlan
  verdicts: StepVerdict[]
  /** The images the build reads (bases of the stages built, `COPY --from=image`), in file order. */
  images: ImageNeeded[]
  stages: StageResult[]
  target: Stage | null
  error: BuildError | null
  /** BuildKit's build-check findings (the ones it prints after the build). */
  warnings: LintFinding[]
  image: {
    config: ImageSettings
    /** Base history, then one row per instruction of the target's chain (BuildKit's created-by strings). */
    history: { createdBy: string, size: number }[]
    baseBytes: number
    addedBytes: number
    /** Bytes in the image that no container can see: deleted or replaced by a later layer. */
    wastedBytes: number
    /** true when any RUN size in it is an estimate. */
    estimated: boolean
  } | null
}

/** BuildKit's created-by text for a history row (dockerfile2llb/convert.go commitToHistory callers). */
function historyText(step: Step): string | null {
  const args = step.instruction.argsText.trim()
  switch (step.keyword) {
    case 'RUN': {
      const env = [...step.before.args].filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${value}`)
      const prefix = env.length > 0 ? `|${env.length} ${env.join(' ')} ` : ''
      return `RUN ${prefix}${step.run!.argv.join(' ')} # buildkit`
    }
    case 'COPY':
    case 'ADD': {
      const flags = ['chown', 'chmod'].filter(name => step.copy!.flags[name]).map(name => `--${name}=${step.copy!.flags[name]}`)
      const reading = readJsonForm(step.instruction.argsText)
      const items = reading.kind === 'exec' ? reading.items : step.instruction.args.map(arg => arg.value)
      return `${[step.keyword, ...flags, ...step.copy!.sources, items.at(-1) ?? ''].join(' ')} # buildkit`
    }
    case 'WORKDIR':
      return `WORKDIR ${step.after.workdir}`
    case 'ENV':
    case 'LABEL':
      return `${step.keyword} ${step.instruction.properties.map(p => `${p.name}=${p.value ?? ''}`).join(' ')}`
    case 'ARG':
      return `ARG ${step.instruction.properties.map(p => p.value === null ? p.name : `${p.name}=${p.value}`).join(' ')}`
    case 'CMD':
    case 'ENTRYPOINT': {
      const reading = readJsonForm(step.instruction.argsText)
      const argv = reading.kind === 'exec' ? reading.items : [...step.before.shell, args]
      return `${step.keyword} [${argv.map(item => JSON.stringify(item)).join(' ')}]`
    }
    case 'EXPOSE':
      return `EXPOSE [${step.instruction.args.map(arg => arg.value.split(':').at(-1)!).map(port => port.includes('/') ? port.toLowerCase() : `${port}/tcp`).join(' ')}]`
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      return `${step.keyword} ${args}`
    case 'VOLUME':
    case 'SHELL': {
      const reading = readJsonForm(step.instruction.argsText)
      const items = reading.kind === 'exec' ? reading.items : step.instruction.args.map(arg => arg.value)
      return `${step.keyword} [${items.join(' ')}]`
    }
    case 'HEALTHCHECK':
      return `HEALTHCHECK ${args}`
    default:
      return null
  }
}

/** Where COPY puts one context file: a directory source keeps the layout under it; a file lands in or at the destination. */
function copyTarget(file: ContextFile, source: string, destination: string, manySources: boolean): string {
  const root = cleanRelative(source)
  const isWildcard = /[*?[]/.test(root)
  const insideDirectory = root === '' || (!isWildcard && file.path !== root)
  if (insideDirectory) {
    const relative = root === '' ? file.path : file.path.slice(root.length + 1)
    return resolveAgainst(destination.endsWith('/') ? destination : `${destination}/`, relative)
  }
  const name = file.path.slice(file.path.lastIndexOf('/') + 1)
  return destination.endsWith('/') || manySources || isWildcard ? resolveAgainst(destination, name) : destination
}

const PARSE_RULES: ReadonlySet<string> = new Set(['FromAsCasing', 'MaintainerDeprecated', 'StageNameCasing'])
const EVERY_STAGE_RULES: ReadonlySet<string> = new Set(['FromAsCasing', 'MaintainerDeprecated', 'StageNameCasing', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ReservedStageName', 'UndefinedArgInFrom'])

/** The lines of the instructions of the stages built, and of the ARGs before the first FROM. */
function builtLines(model: DockerfileModel, needed: ReadonlySet<number>): Set<number> {
  const lines = new Set<number>()
  const add = (range: { start: { line: number }, end: { line: number } }) => {
    for (let line = range.start.line; line <= range.end.line; line++)
      lines.add(line)
  }
  model.globalArgSteps.forEach(instruction => add(instruction.range))
  for (const stage of model.stages) {
    if (needed.has(stage.index))
      stage.steps.forEach(step => add(step.instruction.range))
  }
  return lines
}

const REMOTE_SOURCE = /^(?:https?:\/\/|git@|[\w.-]+\.git(?:#|$))/

/** A file in a stage's filesystem so far, with the line that wrote it (and its text, for files from the context). */
interface LiveFile {
  bytes: number
  line: number
  content?: string
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix.replace(/\/$/, '')}/`)

export function planBuild(input: PlanInput): BuildPlan {
  const model = buildModel(input.dockerfile, {
    buildArgs: input.buildArgs,
    baseImage: normalized => input.resolveBase(normalized)?.config ?? null,
  })
  const empty = (error: BuildError | null, target: Stage | null = null): BuildPlan => ({
    model,
    cachePlan: planCache(model, input.context, undefined),
    verdicts: [],
    images: [],
    stages: [],
    target,
    error,
    warnings: [],
    image: null,
  })

  const errors = checkDockerfile(input.dockerfile).filter(problem => problem.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]!
    const line = first.range.start.line + 1
    const unknown = model.parsed.instructions.find(instruction => instruction.keywordRange.start.line === first.range.start.line)
    const message = first.code === 'UNKNOWN_INSTRUCTION' && unknown
      ? `dockerfile parse error on line ${line}: unknown instruction: ${unknown.written}${/Did you mean (\w+)\?/.test(first.message) ? ` (did you mean ${first.message.match(/Did you mean (\w+)\?/)![1]!.toLowerCase()}?)` : ''}`
      : first.code === 'NO_INSTRUCTIONS'
        ? (input.dockerfile.length === 0 ? 'the Dockerfile cannot be empty' : 'file with no instructions')
        : `dockerfile parse error on line ${line}: ${first.message}`
    return empty({ code: 'DOCKERFILE_ERROR', message, step: null, line })
  }

  const target = targetStage(model, input.target)
  if (!target)
    return empty({ code: 'NO_SUCH_TARGET', message: `target stage ${JSON.stringify(input.target)} could not be found`, step: null, line: null })

  const needed = stagesNeeded(model, target)
  const images = imagesNeeded(model, needed)
  for (const image of images) {
    if (!input.resolveBase(image.normalized)) {
      return {
        ...empty({
          code: 'BASE_NOT_FOUND',
          message: `${image.reference}: failed to resolve source metadata for ${image.normalized}: ${image.normalized}: not found`,
          step: image.step,
          line: image.step.instruction.range.start.line + 1,
        }, target),
        images,
      }
    }
  }

  const cachePlan = planCache(model, input.context, target, { baseIdentity: normalized => input.resolveBase(normalized)?.digest ?? normalized })
  const verdicts = judgeCache(cachePlan, input.cache, { noCache: input.noCache })
  const verdictOf = new Map(verdicts.map(verdict => [verdict.step, verdict]))
  const view = viewContext(input.context)

  // The target's own chain: stages whose layers end up in the final image.
  const chain = new Set<number>()
  for (let stage: Stage | undefined = target; stage; stage = stage.base.kind === 'stage' ? model.stages[stage.base.stage] : undefined)
    chain.add(stage.index)

  const liveFiles = new Map<number, Map<string, LiveFile>>()
  let failure: BuildError | null = null
  const stages: StageResult[] = []
  for (const stage of model.stages) {
    if (!needed.has(stage.index))
      continue
    const base = stage.base.kind === 'image' ? input.resolveBase(stage.base.normalized) : null
    const live = new Map(stage.base.kind === 'stage' ? liveFiles.get(stage.base.stage) ?? [] : [])
    const layers: LayerResult[] = []
    for (const step of stage.steps) {
      if (step.kind !== 'layer')
        continue
      const verdict = verdictOf.get(step)!
      const line = step.instruction.range.start.line + 1
      let files: (EstimatedFile & { content?: string })[] = []
      let parts: { what: string, bytes: number }[] = []
      let removes: string[] = []
      let estimated = false
      let sizeKnown = true
      if (step.copy) {
        const { sources, destination, fromStage } = step.copy
        if (fromStage !== null) {
          const donor = liveFiles.get(fromStage) ?? new Map()
          for (const source of sources) {
            const root = resolveAgainst('/', source)
            for (const [path, entry] of donor) {
              if (under(path, root))
                files.push({ path: resolveAgainst(destination.endsWith('/') ? destination : `${destination}/`, path.slice(root.length).replace(/^\//, '') || path.slice(path.lastIndexOf('/') + 1)), bytes: entry.bytes, content: entry.content })
            }
          }
          sizeKnown = files.length > 0
        }
        else if (step.copy.from === null) {
          for (const source of sources) {
            // ADD fetches URLs and Git repositories itself: nothing to find in the context, size unknown.
            if (step.keyword === 'ADD' && REMOTE_SOURCE.test(source)) {
              sizeKnown = false
              continue
            }
            const matched = filesForSource(view, source)
            if (matched.length === 0 && !failure) {
              failure = {
                code: 'COPY_SOURCE_MISSING',
                message: `failed to compute cache key: failed to calculate checksum of ref ${verdict.key.slice(0, 32)}::${verdict.key.slice(32, 57)}: "/${cleanRelative(source)}": not found`,
                step,
                line,
              }
            }
            for (const file of matched)
              files.push({ path: copyTarget(file, source, destination, sources.length > 1), bytes: byteLength(file.content), content: file.content })
          }
        }
        else {
          sizeKnown = false // COPY --from an image the simulator does not hold files for
        }
      }
      else if (step.run) {
        const pythonVersion = /^(\d+\.\d+)/.exec(step.before.env.get('PYTHON_VERSION') ?? '')?.[1]
        const estimate = estimateRun(step.run.shellForm ? step.run.command : step.run.argv.join(' '), {
          readFile: path => live.get(resolveAgainst(step.before.workdir, path))?.content ?? null,
          sitePackages: `/usr/local/lib/python${pythonVersion ?? '3'}/site-packages`,
        })
        files = estimate.files.map(file => ({ ...file, path: resolveAgainst(step.before.workdir, file.path) }))
        removes = estimate.removes.map(path => resolveAgainst(step.before.workdir, path))
        parts = estimate.parts
        estimated = estimate.known
        sizeKnown = estimate.known
      }
      const wastes: LayerResult['wastes'] = []
      for (const removed of removes) {
        for (const [path, entry] of [...live]) {
          if (under(path, removedPrefix(removed))) {
            wastes.push({ path, bytes: entry.bytes, line: entry.line })
            live.delete(path)
          }
        }
      }
      for (const file of files) {
        const earlier = live.get(file.path)
        if (earlier)
          wastes.push({ path: file.path, bytes: earlier.bytes, line: earlier.line })
        live.set(file.path, { bytes: file.bytes, line, content: file.content })
      }
      const bytes = files.reduce((sum, file) => sum + file.bytes, 0)
      layers.push({ step, verdict, bytes, estimated, sizeKnown, files, parts, wastes, removes })
      if (failure)
        break
    }
    liveFiles.set(stage.index, live)
    stages.push({ stage, base, layers, inFinalImage: chain.has(stage.index) })
    if (failure)
      return { model, cachePlan, verdicts, images, stages, target, error: failure, warnings: [], image: null }
  }

  const chainStages = stages.filter(result => result.inFinalImage)
  const rootBase = chainStages[0]?.base ?? null
  const history: { createdBy: string, size: number }[] = [...(rootBase?.history ?? [])]
  for (const result of chainStages) {
    const sizes = new Map(result.layers.map(layer => [layer.step, layer.bytes]))
    for (const step of result.stage.steps.slice(1)) {
      const createdBy = historyText(step)
      if (createdBy !== null)
        history.push({ createdBy, size: sizes.get(step) ?? 0 })
    }
  }
  const layers = chainStages.flatMap(result => result.layers)
  const addedBytes = layers.reduce((sum, layer) => sum + layer.bytes, 0)
  const wastedBytes = layers.reduce((sum, layer) => sum + layer.wastes.reduce((s, w) => s + w.bytes, 0), 0)
  // Rules BuildKit runs while parsing or over every stage; the others run as a stage is dispatched, so a stage the
  // target does not need reports nothing (instructions/parse.go, dockerfile2llb/validations.go, convert.go).
  const neededLines = builtLines(model, needed)
  const warnings = lintDockerfile(model, { buildContext: input.context })
    .filter(finding => finding.buildkit !== undefined)
    .filter(finding => EVERY_STAGE_RULES.has(finding.code) || neededLines.has(finding.range.start.line))
    // In the order BuildKit finds them: while parsing, then the checks over all stages, then stage by stage.
    .map((finding, order) => ({ finding, order, group: PARSE_RULES.has(finding.code) ? 0 : EVERY_STAGE_RULES.has(finding.code) ? 1 : 2 }))
    .sort((a, b) => a.group - b.group || a.finding.range.start.line - b.finding.range.start.line || a.order - b.order)
    .map(({ finding }) => finding)
  return {
    model,
    cachePlan,
    verdicts,
    images,
    stages,
    target,
    error: null,
    warnings,
    image: {
      config: target.config,
      history,
      baseBytes: rootBase?.diskBytes ?? 0,
      addedBytes,
      wastedBytes,
      estimated: layers.some(layer => layer.estimated),
    },
  }
}
