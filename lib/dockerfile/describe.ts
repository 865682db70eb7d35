// Explains the Dockerfile instruction under a position: what it does, and what its arguments mean here.
// Texts may use `code` spans, nothing else; values from the file are put in code spans.

import type { InstructionSpec } from './instructions'
import type { DockerfileModel, Step } from './model'
import type { ParsedInstruction } from './parse'
import type { TextPosition, TextRange } from './text'
import { findInstruction } from './instructions'
import { dockerfileModel, stepAtLine } from './model'
import { jsonItems, readJsonForm } from './parse'
import { rangeContains } from './text'

export interface DockerfileHover {
  /** What the hover is about: the keyword, a flag, or the arguments. */
  range: TextRange
  /** First line, e.g. "FROM — Start a build stage from a base image." */
  title: string
  paragraphs: string[]
}

export interface DescribeOptions {
  /**
   * Explains an image reference such as `ubuntu:24.04` (registry, repository, tag…);
   * null when it cannot. Supplied by the docker explainer engine.
   */
  explainImage?: (reference: string) => string | null
}

/** `text` as a Markdown code span, whatever backticks it contains. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

function describeCommand(instruction: ParsedInstruction, when: string): string[] {
  const reading = readJsonForm(instruction.argsText)
  if (reading.kind === 'not-strings')
    return [`Not buildable: a JSON array here must hold only strings in double quotes.`]
  if (reading.kind === 'exec') {
    const items = reading.items
    const emptyArray = findInstruction(instruction.keyword)?.emptyArray
    if (items.length === 0 && emptyArray)
      return [emptyArray]
    return [`${when} runs ${code(items.join(' '))} directly (JSON "exec" form: no shell in between, so the program receives signals such as Ctrl+C itself).`]
  }
  const command = instruction.argsText.trim()
  const chained = command.split('&&').length - 1
  const lines = [`${when} runs ${code(command)} through ${code('/bin/sh -c')} (shell form: variables, ${code('&&')} and pipes work).`]
  if (chained > 0)
    lines.push(`${chained + 1} commands joined by ${code('&&')}: each runs only if the previous one succeeded.`)
  return lines
}

type Details = (instruction: ParsedInstruction, options: DescribeOptions) => string[]

/** What the arguments given here mean, per keyword. */
const DETAILS: Partial<Record<string, Details>> = {
  FROM(instruction, options) {
    const [image, as, stage] = instruction.args
    if (!image)
      return []
    const lines: string[] = []
    if (image.value === 'scratch') {
      lines.push(`${code('scratch')} is the empty image: no operating system, no shell. Used for single static programs.`)
    }
    else {
      const explained = options.explainImage?.(image.value)
      lines.push(explained ?? `Base image: ${code(image.value)}.`)
    }
    if (as?.value.toUpperCase() === 'AS' && stage)
      lines.push(`${code(`AS ${stage.value}`)} names this stage, so a later ${code(`COPY --from=${stage.value}`)} can take files from it.`)
    return lines
  },
  RUN: instruction => describeCommand(instruction, 'At build time, it'),
  CMD: instruction => describeCommand(instruction, 'When a container starts, it'),
  ENTRYPOINT: instruction => describeCommand(instruction, 'Every container'),
  COPY: describeCopy,
  ADD: describeCopy,
  WORKDIR(instruction) {
    const path = instruction.args[0]
    return path ? [`From here on, the current directory is ${code(path.value)}.`] : []
  },
  ENV(instruction) {
    return assignments(instruction).map(([name, value]) => `${code(name)} = ${value === null ? 'no value' : code(value)}`)
  },
  LABEL(instruction) {
    return assignments(instruction).map(([name, value]) => `${code(name)} = ${value === null ? 'no value' : code(value)}`)
  },
  ARG(instruction) {
    return assignments(instruction).map(([name, value]) =>
      value === null
        ? `${code(name)}, no default: empty unless ${code(`--build-arg ${name}=…`)} is given.`
        : `${code(name)}, default ${code(value)}; override with ${code(`--build-arg ${name}=…`)}.`)
  },
  EXPOSE(instruction) {
    return instruction.args.map((arg) => {
      const [port, protocol = 'tcp'] = arg.value.split('/')
      return `Port ${code(port ?? arg.value)} (${protocol.toUpperCase()}). Publish it with ${code(`docker run -p <host port>:${port}`)}.`
    })
  },
  USER(instruction) {
    const user = instruction.args[0]
    return user ? [`Later instructions and the container run as ${code(user.value)} instead of root.`] : []
  },
  VOLUME(instruction) {
    const paths = jsonItems(instruction.argsText) ?? instruction.args.map(arg => arg.value)
    return [`Data written under ${paths.map(code).join(', ')} goes to a volume, not to the container's own layer.`]
  },
  STOPSIGNAL(instruction) {
    const signal = instruction.args[0]
    return signal ? [`${code('docker stop')} will send ${code(signal.value)} instead of SIGTERM.`] : []
  },
  SHELL(instruction) {
    const items = jsonItems(instruction.argsText)
    return items ? [`Shell-form commands after this run as ${code(`${items.join(' ')} "<command>"`)}.`] : []
  },
  HEALTHCHECK(instruction) {
    const [mode, ...rest] = instruction.args
    if (!mode)
      return []
    if (mode.value.toUpperCase() === 'NONE')
      return ['No health check for containers of this image (one inherited from the base image is switched off).']
    return [`Docker runs ${code(rest.map(arg => arg.value).join(' '))} inside the container; exit code 0 means healthy.`]
  },
  ONBUILD(instruction, options) {
    const trigger = instruction.trigger
    if (!trigger)
      return []
    const spec = findInstruction(trigger.keyword)
    return [
      `Stored for later: ${code(instruction.argsText.trim())}.`,
      ...(spec ? [`${spec.keyword}: ${spec.summary}`] : []),
      ...(DETAILS[trigger.keyword]?.(trigger, options) ?? []),
    ]
  },
}

function describeCopy(instruction: ParsedInstruction): string[] {
  const items = jsonItems(instruction.argsText) ?? instruction.args.map(arg => arg.value)
  if (items.length < 2)
    return []
  const destination = items[items.length - 1]!
  const sources = items.slice(0, -1)
  const from = instruction.flags.find(flag => flag.name === 'from')?.value
  const origin = from ? `stage or image ${code(from)}` : 'build context'
  const where = destination.startsWith('/') ? code(destination) : `${code(destination)} (relative to the WORKDIR)`
  return [`Copies ${sources.map(code).join(', ')} from the ${origin} to ${where} in the image.`]
}

function assignments(instruction: ParsedInstruction): [string, string | null][] {
  return instruction.properties.map(property => [property.name, property.value])
}

function title(spec: InstructionSpec): string {
  return `${spec.keyword} — ${spec.summary}`
}

/** What the build makes of this step, from the shared model: its BuildKit number, layer or metadata, the state it runs in. */
function stepFacts(step: Step, model: DockerfileModel): string[] {
  const stage = model.stages[step.stage]!
  const label = step.number === null ? null : code(`[${stage.label ? `${stage.label} ` : ''}${step.number}/${stage.total}]`)
  if (step.kind === 'base')
    return label ? [`Build step ${label}: the base image's layers.`] : []
  if (step.kind === 'metadata')
    return ['Metadata only: it changes the image\'s configuration, adds no layer and is no build step of its own.']
  const cache = 'It comes from the cache unless its inputs or an earlier step changed.'
  const facts = [label ? `Build step ${label}: adds a filesystem layer. ${cache}` : `Adds a filesystem layer. ${cache}`]
  if (step.run)
    facts.push(`Runs in ${code(step.before.workdir)} as ${step.before.user ? code(step.before.user) : 'root'}.`)
  if (step.copy && step.copy.from === null)
    facts.push(`Files land in ${code(step.copy.destination)}; their content (not their modification time) decides the cache.`)
  return facts
}

function describeInstruction(instruction: ParsedInstruction, position: TextPosition, options: DescribeOptions, model?: DockerfileModel): DockerfileHover | null {
  const spec = findInstruction(instruction.keyword)
  if (!spec)
    return null
  const flag = instruction.flags.find(flag => rangeContains(flag.range, position))
  if (flag) {
    const known = spec.flags.find(known => known.name === flag.name)
    return {
      range: flag.range,
      title: code(`${spec.keyword} --${flag.name}${flag.value === null ? '' : `=${flag.value}`}`),
      paragraphs: [known?.explain ?? `${spec.keyword} has no flag --${flag.name}.`],
    }
  }
  // Inside ONBUILD, the stored instruction explains itself.
  if (instruction.trigger && rangeContains(instruction.trigger.range, position) && !rangeContains(instruction.keywordRange, position))
    return describeInstruction(instruction.trigger, position, options)
  const details = DETAILS[spec.keyword]?.(instruction, options) ?? []
  if (rangeContains(instruction.keywordRange, position) || !instruction.argsRange) {
    const step = model ? stepAtLine(model, instruction.keywordRange.start.line) : undefined
    const facts = step && step.instruction === instruction ? stepFacts(step, model!) : []
    return { range: instruction.keywordRange, title: title(spec), paragraphs: [spec.explain, ...details, ...facts] }
  }
  return { range: instruction.argsRange, title: title(spec), paragraphs: details.length > 0 ? details : [spec.explain] }
}

/** The explanation for whatever sits at `position` in the Dockerfile `text`; null on blank lines and comments. */
export function describeAt(text: string, position: TextPosition, options: DescribeOptions = {}): DockerfileHover | null {
  const model = dockerfileModel(text)
  const instruction = model.parsed.instructions.find(instruction => rangeContains(instruction.range, position))
  return instruction ? describeInstruction(instruction, position, options, model) : null
}
