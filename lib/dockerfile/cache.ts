// BuildKit's cache, as a beginner needs it: each step's cache inputs, its key, and after an edit which steps come
// from the cache and why the others ran again.
//
// What a key holds follows the LLB BuildKit makes of each step (frontend/dockerfile/dockerfile2llb/convert.go):
// - RUN is an exec op: its argv (the SHELL and the command), the environment of the state (every ENV, and every ARG
//   that has a value: dispatchArg adds them with AddEnv), the working directory and the user.
// - COPY and ADD are file ops: sources, destination (resolved against WORKDIR), flags, and the checksums of the
//   copied files' content and mode (BuildKit's contenthash), not their modification time. ENV does not enter.
// - WORKDIR is a mkdir file op: the path and the user.
// - Every key includes the key of the step before it, so once a step runs again, every later step of the stage does.
// ENV, LABEL, EXPOSE, CMD… are not steps at all: they change the image configuration, never a key of their own.

import type { BuildContext, ContextView } from './context'
import type { DockerfileModel, Stage, Step } from './model'
import { filesForSource, viewContext } from './context'
import { normalizeImageReference, PROXY_ARGS, stagesNeeded } from './model'
import { sha256Hex } from './sha256'

/** The inputs of one step's key, in fields a reason can name. */
export interface StepInputs {
  /** The operation: `FROM docker.io/library/python:3.12`, the RUN argv, the COPY sources and destination with flags. */
  operation: string
  /** RUN only: the environment the command sees, in order. */
  env: readonly (readonly [string, string])[]
  workdir: string
  user: string
  /** COPY/ADD from the context: each copied file with its checksum. */
  files: readonly (readonly [path: string, checksum: string])[]
  /** COPY --from a stage: that stage's final key. */
  fromStage: string | null
}

export interface StepKey {
  step: Step
  inputs: StepInputs
  /** The key of the step before it (FROM's is null). */
  parent: string | null
  key: string
}

export interface CachePlan {
  model: DockerfileModel
  context: ContextView
  /** Keys of the steps BuildKit would run for the target, in build order (stages needed, in file order). */
  steps: StepKey[]
  /** The final key of each stage built. */
  stageKeys: Map<number, string>
}

function stepInputs(step: Step, view: ContextView, stageKeys: ReadonlyMap<number, string>, options: CacheOptions): StepInputs {
  const base: StepInputs = { operation: step.display, env: [], workdir: step.before.workdir, user: step.before.user, files: [], fromStage: null }
  if (step.run) {
    const env = [...step.before.env]
    for (const [name, value] of step.before.args) {
      if (value !== undefined && !PROXY_ARGS.has(name) && !step.before.env.has(name))
        env.push([name, value])
    }
    const flags = step.instruction.flags.map(flag => `--${flag.name}=${flag.value ?? ''}`)
    return { ...base, operation: JSON.stringify(['RUN', ...flags, ...step.run.argv]), env }
  }
  if (step.copy) {
    const { sources, destination, from, fromStage, flags } = step.copy
    const operation = JSON.stringify([step.keyword, flags, sources, destination])
    if (from !== null) {
      const image = normalizeImageReference(from)
      return { ...base, operation, workdir: '', user: '', fromStage: fromStage !== null ? stageKeys.get(fromStage) ?? null : `image:${options.baseIdentity?.(image) ?? image}` }
    }
    const files = sources.flatMap(source => filesForSource(view, source)).map(file => [file.path, view.checksum(file)] as const)
    // A file op runs as root unless --chown says otherwise: USER does not enter its key.
    return { ...base, operation, workdir: '', user: '', files }
  }
  if (step.keyword === 'WORKDIR')
    return { ...base, operation: `WORKDIR ${step.after.workdir}`, workdir: '' }
  return base
}

function keyOf(parent: string | null, inputs: StepInputs): string {
  return sha256Hex(JSON.stringify([parent, inputs]))
}

export interface CacheOptions {
  /**
   * What a base image is, whatever name reaches it (an image ID or digest): FROM is cached when the image is the
   * same, even under another tag. Absent: the normalized name.
   */
  baseIdentity?: (normalized: string) => string
}

/** The keys of every step a build of `target` runs, with the build context `context`. */
export function planCache(model: DockerfileModel, context: BuildContext, target: Stage | undefined = model.stages.at(-1), options: CacheOptions = {}): CachePlan {
  const view = viewContext(context)
  const stageKeys = new Map<number, string>()
  const steps: StepKey[] = []
  if (!target)
    return { model, context: view, steps, stageKeys }
  const needed = stagesNeeded(model, target)
  for (const stage of model.stages) {
    if (!needed.has(stage.index))
      continue
    let parent: string | null = null
    for (const step of stage.steps) {
      if (step.keyword === 'FROM') {
        const origin = stage.base.kind === 'image' ? stage.base.normalized : stage.base.kind === 'stage' ? stageKeys.get(stage.base.stage)! : 'scratch'
        const inputs: StepInputs = { operation: `FROM ${origin}`, env: [], workdir: '', user: '', files: [], fromStage: null }
        const identity = stage.base.kind === 'image' ? options.baseIdentity?.(origin) ?? origin : origin
        parent = stage.base.kind === 'stage' ? origin : keyOf(null, { ...inputs, operation: `FROM ${identity}` })
        steps.push({ step, inputs, parent: null, key: parent })
        continue
      }
      if (step.kind !== 'layer')
        continue
      const inputs = stepInputs(step, view, stageKeys, options)
      const key = keyOf(parent, inputs)
      steps.push({ step, inputs, parent, key })
      parent = key
    }
    stageKeys.set(stage.index, parent!)
  }
  return { model, context: view, steps, stageKeys }
}

/** What the cache remembers of earlier builds: each key, with the inputs it was made from. */
export class BuildCache {
  private readonly entries = new Map<string, StepKey>()
  /** Keys by parent, newest last, to find what an edited step used to be. */
  private readonly children = new Map<string | null, StepKey[]>()

  has(key: string): boolean {
    return this.entries.has(key)
  }

  remember(plan: CachePlan): void {
    for (const entry of plan.steps) {
      if (this.entries.has(entry.key))
        continue
      this.entries.set(entry.key, entry)
      const siblings = this.children.get(entry.parent) ?? []
      siblings.push(entry)
      this.children.set(entry.parent, siblings)
    }
  }

  /** The newest remembered step that followed `parent` and was the same kind of instruction as `step`. */
  previousAfter(parent: string | null, keyword: string): StepKey | undefined {
    const siblings = this.children.get(parent) ?? []
    return [...siblings].reverse().find(entry => entry.step.keyword === keyword) ?? siblings.at(-1)
  }

  get size(): number {
    return this.entries.size
  }
}

export type RebuildReason
  = | { kind: 'cached' }
    | { kind: 'no-cache' }
    | { kind: 'never-built' }
    | { kind: 'base-changed', from: string, to: string }
    | { kind: 'command-changed', from: string, to: string }
    | { kind: 'files-changed', changed: string[], added: string[], removed: string[] }
    | { kind: 'environment-changed', names: string[] }
    | { kind: 'workdir-changed', from: string, to: string }
    | { kind: 'user-changed', from: string, to: string }
    | { kind: 'stage-changed', stage: string }
    | { kind: 'earlier-step', line: number }

export interface StepVerdict extends StepKey {
  cached: boolean
  reason: RebuildReason
}

function difference(before: StepInputs, after: StepInputs, model: DockerfileModel, step: Step): RebuildReason {
  if (step.keyword === 'FROM' && before.operation !== after.operation)
    return { kind: 'base-changed', from: before.operation.replace(/^FROM /, ''), to: after.operation.replace(/^FROM /, '') }
  if (before.operation !== after.operation)
    return { kind: 'command-changed', from: before.operation, to: after.operation }
  const beforeFiles = new Map(before.files)
  const afterFiles = new Map(after.files)
  const changed = [...afterFiles].filter(([path, sum]) => beforeFiles.has(path) && beforeFiles.get(path) !== sum).map(([path]) => path)
  const added = [...afterFiles.keys()].filter(path => !beforeFiles.has(path))
  const removed = [...beforeFiles.keys()].filter(path => !afterFiles.has(path))
  if (changed.length + added.length + removed.length > 0)
    return { kind: 'files-changed', changed, added, removed }
  const beforeEnv = new Map(before.env)
  const afterEnv = new Map(after.env)
  const names = [...new Set([...beforeEnv.keys(), ...afterEnv.keys()])].filter(name => beforeEnv.get(name) !== afterEnv.get(name))
  if (names.length > 0)
    return { kind: 'environment-changed', names }
  if (before.workdir !== after.workdir)
    return { kind: 'workdir-changed', from: before.workdir, to: after.workdir }
  if (before.user !== after.user)
    return { kind: 'user-changed', from: before.user, to: after.user }
  if (before.fromStage !== after.fromStage) {
    const from = step.copy?.from ?? ''
    return { kind: 'stage-changed', stage: from }
  }
  void model
  return { kind: 'never-built' }
}

/**
 * Which steps of `plan` come from `cache` and why each other one runs. With `noCache` every step runs
 * (`docker build --no-cache`).
 */
export function judgeCache(plan: CachePlan, cache: BuildCache, options: { noCache?: boolean } = {}): StepVerdict[] {
  const verdicts: StepVerdict[] = []
  const ranAgain = new Map<string, StepVerdict>()
  for (const entry of plan.steps) {
    if (options.noCache) {
      verdicts.push({ ...entry, cached: false, reason: { kind: 'no-cache' } })
      continue
    }
    if (cache.has(entry.key)) {
      verdicts.push({ ...entry, cached: true, reason: { kind: 'cached' } })
      continue
    }
    const parentVerdict = entry.parent !== null ? ranAgain.get(entry.parent) : undefined
    let reason: RebuildReason
    if (parentVerdict) {
      reason = { kind: 'earlier-step', line: parentVerdict.step.instruction.range.start.line + 1 }
    }
    else {
      const previous = cache.previousAfter(entry.parent, entry.step.keyword)
      reason = previous ? difference(previous.inputs, entry.inputs, plan.model, entry.step) : { kind: 'never-built' }
      if (entry.step.keyword === 'FROM' && !previous)
        reason = { kind: 'never-built' }
    }
    const verdict: StepVerdict = { ...entry, cached: false, reason }
    ranAgain.set(entry.key, verdict)
    verdicts.push(verdict)
  }
  return verdicts
}

/** The reason in a few plain words: "app.py changed", "the command changed", "an earlier step ran again". */
export function describeReason(reason: RebuildReason): string {
  switch (reason.kind) {
    case 'cached':
      return 'nothing it depends on changed'
    case 'no-cache':
      return '--no-cache: every step runs'
    case 'never-built':
      return 'not built before'
    case 'base-changed':
      return `the base image changed (${reason.from} → ${reason.to})`
    case 'command-changed':
      return 'the command changed'
    case 'files-changed': {
      const names = [...reason.changed, ...reason.added, ...reason.removed]
      const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '')
      if (reason.changed.length > 0 && reason.added.length + reason.removed.length === 0)
        return `${shown} changed`
      if (reason.added.length > 0 && reason.changed.length + reason.removed.length === 0)
        return `new file${names.length > 1 ? 's' : ''}: ${shown}`
      if (reason.removed.length > 0 && reason.changed.length + reason.added.length === 0)
        return `no longer copied: ${shown}`
      return `the copied files changed: ${shown}`
    }
    case 'environment-changed':
      return `${reason.names.join(', ')} changed (the command sees ENV and ARG values)`
    case 'workdir-changed':
      return `the working directory changed (${reason.from} → ${reason.to})`
    case 'user-changed':
      return `the user changed (${reason.from || 'root'} → ${reason.to || 'root'})`
    case 'stage-changed':
      return `the stage ${reason.stage} it copies from was rebuilt`
    case 'earlier-step':
      return `an earlier step ran again (line ${reason.line})`
  }
}
