// What the layer view draws (components/LayerView.vue only presents it): the Dockerfile's steps as a stack of
// layers, each cached or rebuilt compared with the last build and why, the image size and the wasted bytes, the
// stages that reach the final image, and what-if edits a student can try.

import type { BaseImageConfig } from '../../dockerfile/model'
import type { BaseInfo, BuildPlan, LayerResult } from './plan'
import { catalogTags, findCatalogImage } from '../../docker/catalog'
import { catalogImageFor } from '../../dockerfile/base-images'
import { describeReason } from '../../dockerfile/cache'
import { lintDockerfile, lintRule } from '../../dockerfile/lint'
import { humanSize } from '../format'
import { BuildCache, planBuild } from './plan'
import { baseDigest } from './progress'

/** The files of a build: the Dockerfile is one of them (`COPY . .` copies it too). */
export interface BuildInputs {
  dockerfile: string
  files: Readonly<Record<string, string>>
}

export type RowStatus = 'cached' | 'rebuilt' | 'metadata' | 'base'

export interface LayerRow {
  id: string
  /** 1-based line of the instruction. */
  line: number
  /** `[3/5]`, `[build 2/4]`; null for metadata. */
  label: string | null
  instruction: string
  status: RowStatus
  /** Why it runs again ("app.py changed"), or what it is ("metadata only: no layer"). */
  reason: string
  /** Bytes the layer adds; null when unknown. */
  bytes: number | null
  /** The size comes from the estimates table. */
  estimated: boolean
  sizeText: string
  /** Bytes of earlier layers this one deletes or replaces (they still ship). */
  wastedBytes: number
  /** Advice of the build checks on this line (codes and plain words). */
  findings: { code: string, message: string }[]
}

export interface StageView {
  name: string
  /** Its layers are part of the final image (or it only lends files through COPY --from). */
  inFinalImage: boolean
  rows: LayerRow[]
}

export interface LayerStack {
  stages: StageView[]
  /** Base + every layer of the final image, wasted bytes included; null while any part is unknown. */
  imageBytes: number | null
  wastedBytes: number
  estimated: boolean
  rebuiltCount: number
  /** Why nothing can be built (a Dockerfile error, a missing file), in BuildKit's words. */
  error: string | null
}

const EMPTY_BASE: BaseImageConfig = { cmd: null, entrypoint: null, env: [], exposedPorts: [], volumes: [], workingDir: '', user: '', stopSignal: null }

/** Base images for the view: the catalog's, or an unknown one of unknown size (the view still shows the steps). */
function viewBase(normalized: string): BaseInfo {
  const image = catalogImageFor(normalized)
  return {
    normalized,
    // One image under several tags (python:3.12 = python:3.12.13) is one base.
    digest: baseDigest(image ? `${image.repository}:${image.tag}` : normalized),
    config: image?.config ?? EMPTY_BASE,
    diskBytes: image?.diskBytes ?? Number.NaN,
    history: image?.history ?? [],
    present: true,
  }
}

function contextOf(inputs: BuildInputs) {
  const files = { ...inputs.files, Dockerfile: inputs.dockerfile }
  return { files: Object.entries(files).map(([path, content]) => ({ path, content })) }
}

function plan(inputs: BuildInputs, cache: BuildCache): BuildPlan {
  return planBuild({ dockerfile: inputs.dockerfile, context: contextOf(inputs), cache, resolveBase: viewBase })
}

function sizeText(bytes: number | null, estimated: boolean): string {
  if (bytes === null || Number.isNaN(bytes))
    return 'size unknown'
  return `${humanSize(bytes)}${estimated ? ' (estimate)' : ''}`
}

function layerRow(layer: LayerResult, label: string | null, findings: LayerRow['findings']): LayerRow {
  const { verdict } = layer
  return {
    id: `${layer.step.stage}:${layer.step.index}`,
    line: layer.step.instruction.range.start.line + 1,
    label,
    instruction: layer.step.display,
    status: verdict.cached ? 'cached' : 'rebuilt',
    reason: verdict.cached ? 'from the cache: nothing it depends on changed' : describeReason(verdict.reason),
    bytes: layer.sizeKnown ? layer.bytes : null,
    estimated: layer.estimated,
    sizeText: layer.sizeKnown ? sizeText(layer.bytes, layer.estimated) : 'size unknown',
    wastedBytes: layer.wastes.reduce((sum, waste) => sum + waste.bytes, 0),
    findings,
  }
}

/**
 * The stack for `current`, compared with a cache that holds the build of `previous` (and the builds before it):
 * what `docker build` would take from the cache now, and why it runs the rest again.
 */
export function layerStack(current: BuildInputs, previous: readonly BuildInputs[]): LayerStack {
  const cache = new BuildCache()
  for (const earlier of previous) {
    const built = plan(earlier, cache)
    if (!built.error)
      cache.remember(built.cachePlan)
  }
  const result = plan(current, cache)
  const findings = lintDockerfile(result.model, { buildContext: contextOf(current) })
  const findingsAt = (line: number) => findings
    .filter(finding => finding.range.start.line + 1 === line)
    .map(finding => ({ code: finding.code, message: `${finding.message} Fix: ${lintRule(finding.code).fix}` }))
  const stages: StageView[] = result.stages.map(({ stage, base, layers, inFinalImage }) => {
    const rows: LayerRow[] = []
    const from = stage.steps[0]!
    const fromVerdict = result.verdicts.find(verdict => verdict.step === from)
    const baseLine = from.instruction.range.start.line + 1
    rows.push({
      id: `${stage.index}:0`,
      line: baseLine,
      label: from.number === null ? null : `[${stage.label ? `${stage.label} ` : ''}${from.number}/${stage.total}]`,
      instruction: from.display,
      status: 'base',
      reason: fromVerdict && !fromVerdict.cached && fromVerdict.reason.kind === 'base-changed' ? describeReason(fromVerdict.reason) : 'the base image: its layers come first',
      bytes: base && !Number.isNaN(base.diskBytes) ? base.diskBytes : null,
      estimated: base !== null && !Number.isNaN(base.diskBytes),
      sizeText: base ? sizeText(base.diskBytes, true) : stage.base.kind === 'stage' ? 'the layers of that stage' : 'empty',
      wastedBytes: 0,
      findings: findingsAt(baseLine),
    })
    const byStep = new Map(layers.map(layer => [layer.step, layer]))
    for (const step of stage.steps.slice(1)) {
      const line = step.instruction.range.start.line + 1
      const layer = byStep.get(step)
      if (layer) {
        rows.push(layerRow(layer, step.number === null ? null : `[${stage.label ? `${stage.label} ` : ''}${step.number}/${stage.total}]`, findingsAt(line)))
        continue
      }
      rows.push({
        id: `${stage.index}:${step.index}`,
        line,
        label: null,
        instruction: step.display,
        status: 'metadata',
        reason: 'metadata only: no layer, no cache step',
        bytes: 0,
        estimated: false,
        sizeText: 'no layer',
        wastedBytes: 0,
        findings: findingsAt(line),
      })
    }
    return { name: stage.name ?? (result.stages.length > 1 ? `stage ${stage.index}` : 'image'), inFinalImage, rows }
  })
  const final = stages.filter(stage => stage.inFinalImage).flatMap(stage => stage.rows)
  const unknown = final.some(row => row.bytes === null && row.status !== 'metadata') || !result.image
  // Layers keep what later layers delete, so the image is the plain sum; the wasted bytes are part of it.
  const imageBytes = unknown ? null : final.reduce((sum, row) => sum + (row.bytes ?? 0), 0)
  return {
    stages,
    imageBytes,
    wastedBytes: result.image?.wastedBytes ?? final.reduce((sum, row) => sum + row.wastedBytes, 0),
    estimated: final.some(row => row.estimated),
    rebuiltCount: stages.flatMap(stage => stage.rows).filter(row => row.status === 'rebuilt').length,
    error: result.error ? result.error.message : null,
  }
}

export interface WhatIf {
  id: 'edit-app' | 'edit-requirements' | 'change-base-tag' | 'add-dockerignore'
  label: string
  /** The inputs after the edit; null when it does not apply to these inputs. */
  apply: (inputs: BuildInputs) => BuildInputs | null
}

/** A .dockerignore a Python project usually wants. */
export const SUGGESTED_DOCKERIGNORE = '.git\n__pycache__/\n*.pyc\n.venv/\nDockerfile\n.dockerignore\n'

function firstFile(inputs: BuildInputs, candidates: readonly string[]): string | undefined {
  return candidates.find(name => name in inputs.files)
}

export const WHAT_IFS: readonly WhatIf[] = [
  {
    id: 'edit-app',
    label: 'Edit app.py',
    apply(inputs) {
      const name = firstFile(inputs, ['app.py', 'main.py', 'hello.py']) ?? 'app.py'
      return { ...inputs, files: { ...inputs.files, [name]: `${inputs.files[name] ?? ''}# edited\n` } }
    },
  },
  {
    id: 'edit-requirements',
    label: 'Edit requirements.txt',
    apply: inputs => 'requirements.txt' in inputs.files
      ? { ...inputs, files: { ...inputs.files, 'requirements.txt': `${inputs.files['requirements.txt']}requests\n` } }
      : null,
  },
  {
    id: 'change-base-tag',
    label: 'Change the base tag',
    apply(inputs) {
      const match = /^(\s*FROM\s+(?:--\S+\s+)*)([\w./-]+):([\w.-]+)/im.exec(inputs.dockerfile)
      if (!match)
        return null
      const [whole, before, repository, tag] = match as unknown as [string, string, string, string]
      const other = catalogTags(repository).find(candidate => candidate !== tag && findCatalogImage(repository, candidate) !== findCatalogImage(repository, tag) && candidate.includes('slim') === tag.includes('slim'))
        ?? (tag === 'latest' ? '3.12' : 'latest')
      return { ...inputs, dockerfile: inputs.dockerfile.replace(whole, `${before}${repository}:${other}`) }
    },
  },
  {
    id: 'add-dockerignore',
    label: 'Add a .dockerignore',
    apply: inputs => '.dockerignore' in inputs.files ? null : { ...inputs, files: { ...inputs.files, '.dockerignore': SUGGESTED_DOCKERIGNORE } },
  },
]
