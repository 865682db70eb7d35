// The progress output of `docker build` with BuildKit, as a student's terminal shows it when the build ends:
// the tty display's last frame (moby/buildkit util/progress/progressui/display.go, ttyDisplay.print: a
// `[+] Building 2.1s (10/10) FINISHED` header with `docker:default` on the right, then one ` => ` line per vertex
// with its time right-aligned, ` => => ` for a vertex's statuses), then buildx's warning summary
// (docker/buildx commands/build.go printWarnings) and, on failure, the vertex's log box and the Dockerfile excerpt
// (solver/errdefs/source.go Source.Print). `--progress=plain` gives printer.go's `#N …` form instead.
// The vertex list and names follow dockerfile2llb (the `[internal] load …` vertices, `[stage n/total]`, FROM with
// its digest). Times are simulated; the digest of a base image is derived from its name, as the simulated host's are.

import type { Step } from '../../dockerfile/model'
import type { BuildPlan } from './plan'
import { sha256Hex } from '../../dockerfile/sha256'

export type ProgressMode = 'tty' | 'plain'

export interface ProgressOptions {
  mode: ProgressMode
  /** Terminal columns (the tty display fits every line to them). */
  width?: number
  dockerfileName: string
  dockerfileBytes: number
  dockerignoreBytes: number
  contextBytes: number
  /** Normalised tags (`docker.io/library/myapp:latest`). */
  tags: string[]
  /** `sha256:…` of the image made. */
  imageId: string | null
  /** Base images the host had to fetch first. */
  pulled: ReadonlySet<string>
}

interface Vertex {
  name: string
  cached?: boolean
  error?: boolean
  seconds: number
  statuses: { id: string, status?: string }[]
  logs?: string[]
}

/** go-units' decimal sizes as BuildKit's progress prints them: 215B, 1.23kB, 45.60MB. */
export function progressBytes(bytes: number): string {
  if (bytes < 1000)
    return `${bytes}B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(2)}${units[unit]}`
}

/** `[build 2/4] RUN …`: BuildKit's prefixCommand, the number padded to the width of the total. */
export function stepName(step: Step, label: string, total: number): string {
  const width = Math.floor(1 + Math.log10(total))
  return `[${label ? `${label} ` : ''}${String(step.number).padStart(width, ' ')}/${total}] ${step.display}`
}

/** The digest the simulated registry gives a base image (derived from its name: no registry is reached). */
export function baseDigest(normalized: string): string {
  return `sha256:${sha256Hex(`catalog ${normalized}`)}`
}

/** Simulated durations: roughly what a laptop takes, so a student sees which steps cost time. */
function stepSeconds(plan: BuildPlan, step: Step): number {
  const layer = plan.stages.flatMap(stage => stage.layers).find(candidate => candidate.step === step)
  if (!layer || layer.verdict.cached)
    return 0
  if (step.keyword === 'RUN')
    return Math.max(0.3, Math.round(layer.bytes / (6 * 1024 * 1024) * 10) / 10)
  return layer.bytes > 1_000_000 ? 0.2 : 0.1
}

function vertices(plan: BuildPlan, options: ProgressOptions): Vertex[] {
  const list: Vertex[] = [
    { name: `[internal] load build definition from ${options.dockerfileName}`, seconds: 0, statuses: [{ id: 'transferring dockerfile:', status: progressBytes(options.dockerfileBytes) }] },
  ]
  if (plan.error?.code === 'DOCKERFILE_ERROR')
    return list
  for (const image of plan.images)
    list.push({ name: `[internal] load metadata for ${image.normalized}`, seconds: 0.5, statuses: [], error: plan.error?.code === 'BASE_NOT_FOUND' && plan.error.step === image.step })
  if (plan.error?.code === 'BASE_NOT_FOUND' || plan.error?.code === 'NO_SUCH_TARGET')
    return list
  list.push({ name: '[internal] load .dockerignore', seconds: 0, statuses: [{ id: 'transferring context:', status: progressBytes(options.dockerignoreBytes) }] })
  const usesContext = plan.stages.some(result => result.stage.steps.some(step => step.copy !== null && step.copy.from === null))
  let contextShown = false
  for (const result of plan.stages) {
    const { stage } = result
    const from = stage.steps[0]!
    if (stage.base.kind === 'image') {
      const reference = `${stage.base.normalized}@${result.base?.digest ?? baseDigest(stage.base.normalized)}`
      const pulled = options.pulled.has(stage.base.normalized)
      list.push({
        name: stepName({ ...from, display: `FROM ${reference}` }, stage.label, stage.total),
        seconds: pulled ? 3.2 : 0,
        statuses: pulled ? [{ id: `resolve ${reference}` }] : [],
      })
    }
    // `COPY --from=image` reads that image as a stage of its own, which BuildKit does not number.
    for (const image of plan.images.filter(candidate => !candidate.base && candidate.step.stage === stage.index))
      list.push({ name: `FROM ${image.normalized}@${baseDigest(image.normalized)}`, seconds: options.pulled.has(image.normalized) ? 1.1 : 0, statuses: [] })
    if (usesContext && !contextShown) {
      list.push({ name: '[internal] load build context', seconds: 0, statuses: [{ id: 'transferring context:', status: progressBytes(options.contextBytes) }] })
      contextShown = true
    }
    for (const layer of result.layers) {
      if (layer.step.number === null)
        continue
      const failed = plan.error?.step === layer.step
      list.push({
        name: stepName(layer.step, stage.label, stage.total),
        cached: layer.verdict.cached && !failed,
        error: failed,
        seconds: failed ? 0 : stepSeconds(plan, layer.step),
        statuses: [],
        logs: failed ? [] : undefined,
      })
      if (failed)
        return list
    }
  }
  if (plan.error)
    return list
  const naming = options.tags.map(tag => ({ id: `naming to ${tag}` }))
  list.push({
    name: 'exporting to image',
    seconds: 0.1,
    statuses: [{ id: 'exporting layers' }, ...(options.imageId ? [{ id: `writing image ${options.imageId}` }] : []), ...naming],
  })
  return list
}

function align(left: string, right: string, width: number): string {
  return `${left.padEnd(width - right.length - 1, ' ')} ${right}`
}

function timer(seconds: number): string {
  return ` ${(seconds < 0.05 ? 0 : seconds).toFixed(1).padStart(3, ' ')}s`
}

/** The Dockerfile excerpt BuildKit prints under an error (errdefs Source.Print): the line, 2 lines around it. */
export function sourceExcerpt(fileName: string, text: string, line: number): string {
  const lines = text.split('\n')
  let start = line
  let end = line
  const pad = 4
  let p = 0
  while (p < pad) {
    if (start > 1) {
      start--
      p++
    }
    if (end !== lines.length) {
      end++
      p++
    }
    p++
  }
  const out = [`${fileName}:${line}`, '--------------------']
  for (let i = start; i <= end; i++)
    out.push(` ${String(i).padStart(3, ' ')} | ${i === line ? '>>>' : '   '} ${lines[i - 1] ?? ''}`.replace(/\s+$/, ''))
  out.push('--------------------')
  return `${out.join('\n')}\n`
}

function warningsSummary(plan: BuildPlan): string {
  if (plan.warnings.length === 0)
    return ''
  const count = plan.warnings.length === 1 ? '1 warning found' : `${plan.warnings.length} warnings found`
  const lines = plan.warnings.map(warning => ` - ${warning.code}: ${warning.buildkit} (line ${warning.range.start.line + 1})`)
  return `\n ${count} (use docker --debug to expand):\n${lines.join('\n')}\n`
}

function errorTail(plan: BuildPlan, options: ProgressOptions, text: string): string {
  const error = plan.error!
  let out = ''
  if (error.step) {
    const stage = plan.model.stages[error.step.stage]!
    const name = error.step.number !== null ? stepName(error.step, stage.label, stage.total) : error.step.display
    out += `------\n > ${name}:\n------\n`
  }
  if (error.line !== null)
    out += sourceExcerpt(options.dockerfileName, text, error.line)
  return `${out}ERROR: failed to build: failed to solve: ${error.message}\n`
}

/** Everything `docker build` writes to stderr for this plan, as the build's last frame shows it. */
export function renderProgress(plan: BuildPlan, options: ProgressOptions, dockerfileText: string): string {
  const list = vertices(plan, options)
  const width = options.width ?? 80
  const total = list.reduce((sum, vertex) => sum + vertex.seconds, 0)
  if (options.mode === 'plain') {
    const out: string[] = ['#0 building with "default" instance using docker driver', '']
    list.forEach((vertex, i) => {
      const n = i + 1
      out.push(`#${n} ${vertex.name}`)
      for (const status of vertex.statuses)
        out.push(`#${n} ${status.id}${status.status ? ` ${status.status}` : ''} done`)
      if (vertex.error)
        out.push(`#${n} ERROR: ${plan.error!.message}`)
      else
        out.push(vertex.cached ? `#${n} CACHED` : `#${n} DONE ${vertex.seconds.toFixed(1)}s`)
      out.push('')
    })
    let text = `${out.join('\n')}`
    text += plan.error ? errorTail(plan, options, dockerfileText) : warningsSummary(plan)
    return text
  }
  const completed = plan.error ? list.length - 1 : list.length
  const header = `[+] Building ${total.toFixed(1)}s (${completed}/${list.length})${plan.error ? ' ' : ' FINISHED'}`
  const lines = [align(header, 'docker:default', width - 1)]
  for (const vertex of list) {
    const prefix = `${vertex.error ? 'ERROR ' : ''}${vertex.cached ? 'CACHED ' : ''}`
    const time = timer(vertex.seconds)
    const room = width - 4 - (time.length + 1) - 1
    lines.push(align(` => ${`${prefix}${vertex.name}`.slice(0, room)}`, time, width - 1))
    for (const status of vertex.statuses) {
      const text = `=> ${status.id}${status.status ? ` ${status.status}` : ''}`
      lines.push(align(` => ${text.slice(0, room)}`, timer(0), width - 1))
    }
  }
  let text = `${lines.join('\n')}\n`
  text += plan.error ? errorTail(plan, options, dockerfileText) : warningsSummary(plan)
  return text
}
