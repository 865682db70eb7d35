// Finds what is wrong in a Dockerfile before `docker build` would: each problem at its own range.

import type { Issue } from '../text/issue'
import type { InstructionSpec } from './instructions'
import type { LintCode, LintContext } from './lint'
import type { ParsedDockerfile, ParsedInstruction } from './parse'
import type { TextRange } from './text'
import { parseSignal } from '../docker/values'
import { closest } from '../text/edit-distance'
import { findInstruction, INSTRUCTIONS } from './instructions'
import { lintDockerfile, lintRule } from './lint'
import { dockerfileModel } from './model'
import { readJsonForm } from './parse'

export type Severity = 'error' | 'warning'

export type ProblemCode
  = | 'UNKNOWN_INSTRUCTION'
    | 'MISSING_ARGUMENTS'
    | 'FROM_NOT_FIRST'
    | 'BAD_JSON'
    | 'JSON_NOT_STRINGS'
    | 'NO_INSTRUCTIONS'
    | 'JSON_REQUIRED'
    | 'UNKNOWN_FLAG'
    | 'BAD_FROM'
    | 'BAD_PORT'
    | 'MISSING_VALUE'
    | 'BAD_HEALTHCHECK'
    | 'BAD_SIGNAL'
    | 'BAD_ONBUILD'

/** Problems found before the build: the build fails on an error; a warning is BuildKit's or hadolint's advice. */
interface RawProblem {
  code: ProblemCode
  severity: Severity
  message: string
  range: TextRange
}

/** The issue shape shared with the Docker engine and the Compose checks, plus the same place as lines and characters (for editors). */
export interface DockerfileProblem extends Issue<ProblemCode | LintCode> {
  severity: Severity
  range: TextRange
}

const VARIABLE = /^\$(?:\w+|\{[^}]+\})/
const PORT = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i

function closestKeyword(written: string): string | null {
  return closest(written.toUpperCase(), INSTRUCTIONS.keys())
}

/** Checks of one instruction on its own; `problems` collects what they find. */
type InstructionCheck = (instruction: ParsedInstruction, spec: InstructionSpec, problems: RawProblem[]) => void

const checkArgumentCount: InstructionCheck = (instruction, spec, problems) => {
  const reading = spec.jsonForm === 'none' ? null : readJsonForm(instruction.argsText)
  if (reading?.kind === 'not-strings')
    return // the JSON check says why the build fails
  if (reading?.kind === 'exec' && reading.items.length === 0 && spec.emptyArray)
    return
  const count = reading?.kind === 'exec' ? reading.items.length : instruction.args.length
  if (count < spec.minArgs) {
    problems.push({
      code: 'MISSING_ARGUMENTS',
      severity: 'error',
      message: `${spec.keyword} needs ${spec.needs}.`,
      range: instruction.argsRange ?? instruction.keywordRange,
    })
  }
}

const checkFlags: InstructionCheck = (instruction, spec, problems) => {
  // dockerfile-ast reads `--x` as a flag only where Docker allows flags; elsewhere it is an argument.
  for (const flag of instruction.flags) {
    if (spec.flags.some(known => known.name === flag.name))
      continue
    const accepted = spec.flags.map(known => `--${known.name}`).join(', ')
    problems.push({
      code: 'UNKNOWN_FLAG',
      severity: 'error',
      message: accepted
        ? `${spec.keyword} has no flag --${flag.name}. It accepts: ${accepted}.`
        : `${spec.keyword} takes no flags; --${flag.name} is not allowed here.`,
      range: flag.range,
    })
  }
}

function badJsonHint(text: string): string {
  if (text.includes('\''))
    return 'JSON needs double quotes: write ["python", "app.py"], not [\'python\', \'app.py\'].'
  if (/\[[^"]*\w/.test(text) && !text.includes('"'))
    return 'Every item needs double quotes: ["python", "app.py"].'
  return 'Check the brackets, commas and double quotes.'
}

const checkJsonForm: InstructionCheck = (instruction, spec, problems) => {
  if (spec.jsonForm === 'none' || !instruction.argsRange)
    return
  const reading = readJsonForm(instruction.argsText)
  if (reading.kind === 'not-strings') {
    const culprit = reading.items.find(item => typeof item !== 'string')
    problems.push({
      code: 'JSON_NOT_STRINGS',
      severity: 'error',
      message: `The build fails here: in the JSON form every item must be a string in double quotes, and ${JSON.stringify(culprit)} is not. Write ${JSON.stringify(reading.items.map(item => typeof item === 'string' ? item : JSON.stringify(item)))}.`,
      range: instruction.argsRange,
    })
    return
  }
  if (spec.jsonForm === 'required') {
    if (reading.kind !== 'exec') {
      problems.push({
        code: reading.kind === 'not-json' ? 'BAD_JSON' : 'JSON_REQUIRED',
        severity: 'error',
        message: reading.kind === 'not-json'
          ? `${spec.keyword} must be a valid JSON array. ${badJsonHint(instruction.argsText)}`
          : `${spec.keyword} must be written as a JSON array, e.g. ["/bin/bash", "-c"].`,
        range: instruction.argsRange,
      })
    }
    return
  }
  // Text that is not JSON is the shell form, and builds; it is worth a word only when it was meant as an array.
  // For CMD and ENTRYPOINT, JSONArgsRecommended (lint.ts) says it.
  if (reading.kind === 'not-json' && reading.looksLikeAnArray && spec.keyword !== 'CMD' && spec.keyword !== 'ENTRYPOINT') {
    problems.push({
      code: 'BAD_JSON',
      severity: 'warning',
      message: `This looks like the JSON (exec) form but is not valid JSON, so Docker reads the whole text as a shell command and runs it through /bin/sh. ${badJsonHint(instruction.argsText)}`,
      range: instruction.argsRange,
    })
  }
}

const checkFrom: InstructionCheck = (instruction, _spec, problems) => {
  const [, keyword, name, ...extra] = instruction.args
  if (keyword && keyword.value.toUpperCase() !== 'AS') {
    problems.push({
      code: 'BAD_FROM',
      severity: 'error',
      message: 'FROM takes one image, optionally followed by `AS <stage name>`.',
      range: keyword.range,
    })
  }
  else if (keyword && !name) {
    problems.push({ code: 'BAD_FROM', severity: 'error', message: '`AS` must be followed by a name for this stage.', range: keyword.range })
  }
  else if (extra.length > 0) {
    problems.push({
      code: 'BAD_FROM',
      severity: 'error',
      message: 'Unexpected text after the stage name.',
      range: { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end },
    })
  }
}

const checkExpose: InstructionCheck = (instruction, _spec, problems) => {
  for (const arg of instruction.args) {
    if (VARIABLE.test(arg.value))
      continue
    // `[ip:]host:container` builds, exposing the container port (BuildKit warns: ExposeInvalidFormat, lint.ts).
    const containerPort = arg.value.split(':').at(-1)!
    const match = PORT.exec(containerPort)
    const inRange = match && [match[1], match[2]].every(port => port === undefined || (Number(port) >= 1 && Number(port) <= 65535))
    if (match && inRange)
      continue
    problems.push({
      code: 'BAD_PORT',
      severity: 'error',
      message: `"${containerPort}" is not a port: use a number from 1 to 65535, optionally with /tcp or /udp (e.g. 5000/tcp).`,
      range: arg.range,
    })
  }
}

/** ENV and LABEL: every entry has a value (`ENV DEBUG` alone is refused by Docker). */
const checkAssignments: InstructionCheck = (instruction, spec, problems) => {
  for (const property of instruction.properties) {
    if (property.value === null && !VARIABLE.test(property.name)) {
      problems.push({
        code: 'MISSING_VALUE',
        severity: 'error',
        message: `${spec.keyword} needs a value for "${property.name}": write ${property.name}=<value>.`,
        range: property.range,
      })
    }
  }
}

const checkHealthcheck: InstructionCheck = (instruction, _spec, problems) => {
  const [mode, ...rest] = instruction.args
  if (!mode)
    return
  const word = mode.value.toUpperCase()
  if (word === 'NONE' && rest.length > 0) {
    problems.push({ code: 'BAD_HEALTHCHECK', severity: 'error', message: 'HEALTHCHECK NONE takes nothing after it.', range: rest[0]!.range })
  }
  else if (word !== 'NONE' && word !== 'CMD') {
    problems.push({
      code: 'BAD_HEALTHCHECK',
      severity: 'error',
      message: `HEALTHCHECK expects CMD <command> or NONE, not "${mode.value}".`,
      range: mode.range,
    })
  }
  else if (word === 'CMD' && rest.length === 0) {
    problems.push({ code: 'MISSING_ARGUMENTS', severity: 'error', message: 'HEALTHCHECK CMD needs the command that checks the container.', range: mode.range })
  }
  else if (word === 'CMD') {
    const command = { start: rest[0]!.range.start, end: rest[rest.length - 1]!.range.end }
    if (readJsonForm(instruction.argsText.trim().slice(mode.value.length)).kind === 'not-strings')
      problems.push({ code: 'JSON_NOT_STRINGS', severity: 'error', message: 'The build fails here: in the JSON form every item must be a string in double quotes.', range: command })
  }
}

const checkStopsignal: InstructionCheck = (instruction, _spec, problems) => {
  const signal = instruction.args[0]
  if (!signal || VARIABLE.test(signal.value))
    return
  // The same signal names as `docker run --stop-signal`: the daemon reads both with one table.
  const read = parseSignal(signal.value)
  if (!read.ok || read.daemon) {
    problems.push({
      code: 'BAD_SIGNAL',
      severity: 'error',
      message: `"${signal.value}" is not a signal name: use e.g. SIGTERM, SIGINT, SIGQUIT or a number.`,
      range: signal.range,
    })
  }
}

const checkOnbuild: InstructionCheck = (instruction, _spec, problems) => {
  const trigger = instruction.trigger
  if (!trigger)
    return
  if (['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger.keyword)) {
    problems.push({
      code: 'BAD_ONBUILD',
      severity: 'error',
      message: `ONBUILD cannot store ${trigger.keyword}.`,
      range: trigger.keywordRange,
    })
    return
  }
  problems.push(...checkInstruction(trigger))
}

/** Extra checks per keyword; every instruction also gets the argument-count, flag and JSON checks. */
const KEYWORD_CHECKS: Partial<Record<string, readonly InstructionCheck[]>> = {
  FROM: [checkFrom],
  EXPOSE: [checkExpose],
  ENV: [checkAssignments],
  LABEL: [checkAssignments],
  HEALTHCHECK: [checkHealthcheck],
  STOPSIGNAL: [checkStopsignal],
  ONBUILD: [checkOnbuild],
}

function checkInstruction(instruction: ParsedInstruction): RawProblem[] {
  const problems: RawProblem[] = []
  const spec = findInstruction(instruction.keyword)
  if (!spec) {
    const suggestion = closestKeyword(instruction.keyword)
    problems.push({
      code: 'UNKNOWN_INSTRUCTION',
      severity: 'error',
      message: `Unknown instruction "${instruction.written}".${suggestion ? ` Did you mean ${suggestion}?` : ''} Every line of a Dockerfile starts with an instruction such as FROM, RUN, COPY or CMD.`,
      range: instruction.keywordRange,
    })
    return problems
  }
  checkArgumentCount(instruction, spec, problems)
  checkFlags(instruction, spec, problems)
  checkJsonForm(instruction, spec, problems)
  if (instruction.args.length > 0) {
    for (const check of KEYWORD_CHECKS[spec.keyword] ?? [])
      check(instruction, spec, problems)
  }
  return problems
}

/** Rules that look at the order of instructions rather than at one alone. */
function checkStructure(parsed: ParsedDockerfile): RawProblem[] {
  const problems: RawProblem[] = []
  const firstReal = parsed.instructions.find(instruction => instruction.keyword !== 'ARG')
  if (firstReal && firstReal.keyword !== 'FROM' && findInstruction(firstReal.keyword)) {
    problems.push({
      code: 'FROM_NOT_FIRST',
      severity: 'error',
      message: `A Dockerfile must begin with FROM (only ARG may come before it); ${firstReal.keyword} has no base image to work on.`,
      range: firstReal.keywordRange,
    })
  }

  return problems
}

/**
 * Every problem in the Dockerfile `text`, in document order: what fails the build (errors) and the build checks'
 * advice (warnings, lint.ts). `context` adds the checks that look at the files. Never throws.
 */
export function checkDockerfile(text: string, context: LintContext = {}): DockerfileProblem[] {
  const model = dockerfileModel(text)
  const parsed = model.parsed
  const lines = parsed.lines
  const located = (problem: Omit<DockerfileProblem, 'start' | 'end'>): DockerfileProblem => ({
    ...problem,
    start: lines.offsetAt(problem.range.start),
    end: lines.offsetAt(problem.range.end),
  })
  if (parsed.instructions.length === 0) {
    // BuildKit refuses both: "the Dockerfile cannot be empty" and "file with no instructions".
    return [located({
      code: 'NO_INSTRUCTIONS',
      severity: 'error',
      message: text.length === 0
        ? 'This Dockerfile is empty: docker build needs at least a FROM instruction (e.g. FROM python:3.12-slim).'
        : 'This Dockerfile has no instructions, only comments or blank lines: docker build needs at least a FROM instruction.',
      range: { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) },
    })]
  }
  const problems = [...checkStructure(parsed), ...parsed.instructions.flatMap(checkInstruction)].map(located)
  for (const finding of lintDockerfile(model, context)) {
    const rule = lintRule(finding.code)
    problems.push(located({
      code: finding.code,
      severity: 'warning',
      message: `${finding.message} ${rule.explain} Fix: ${rule.fix}`,
      range: finding.range,
      ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
    }))
  }
  return problems.sort((a, b) => a.start - b.start || a.end - b.end)
}
