// Reads a Compose file the way `docker compose config` does: YAML (with merge keys and Compose's
// !reset/!override tags), interpolation of every value, the official schema, then the checks the
// schema cannot express. Every problem comes back with its code and its place in the text.

import type { Environment } from './interpolate'
import type { ComposeIssue, DataPath, DataProblem } from './issues'
import { isMap, parseDocument } from 'yaml'
import { composeConfigProblems } from './checks'
import { interpolate } from './interpolate'
import { composeIssue } from './issues'
import { YamlLocator } from './locate'
import { schemaProblems } from './schema'

export interface ComposeFileReading {
  /** The interpolated data as Compose sees it (null when the YAML does not parse or is not a mapping). */
  data: Record<string, unknown> | null
  /** Every problem, in text order. */
  issues: ComposeIssue[]
  /** Paths whose value uses a variable with no known value: not checked. */
  unknownPaths: DataPath[]
  /** Every variable the file reads. */
  variables: string[]
}

export interface ReadOptions {
  /**
   * The variables the shell (and the .env file) would give. Null (the editor) means unknown: values
   * that use a variable are not judged, and `${VAR:?message}` is not reported.
   */
  environment?: Environment | null
}

/** Compose's own YAML tags: `!reset` clears an inherited value, `!override` replaces it. */
const COMPOSE_TAGS = (['!reset', '!override'] as const).flatMap(tag => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
])

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** compose-go casts interpolated values where the schema wants a number or a boolean. */
function castInterpolated(value: string): unknown {
  if (/^-?\d+$/.test(value))
    return Number(value)
  if (/^-?\d+\.\d+$/.test(value))
    return Number(value)
  if (/^(?:true|false)$/i.test(value))
    return value.toLowerCase() === 'true'
  return value
}

/** Values that name a place on the host: bind-mount sources, env files, build contexts. */
function isHostPath(path: DataPath): boolean {
  if (path[0] !== 'services' || path.length < 3)
    return false
  const [, , key, , field] = path
  if (key === 'volumes')
    return path.length === 4 || field === 'source'
  if (key === 'env_file')
    return path.length === 4 || field === 'path'
  if (key === 'build')
    return path.length === 3 || path[3] === 'context'
  return false
}

interface Interpolated {
  issues: { path: DataPath, issue: ComposeIssue }[]
  unknown: DataPath[]
  variables: string[]
}

/** Interpolates every text value in place (keys are left alone, as Compose does). */
function interpolateAll(node: unknown, path: (string | number)[], environment: Environment | null, out: Interpolated): unknown {
  if (typeof node === 'string') {
    if (!node.includes('$') && !node.includes('`'))
      return node
    const result = interpolate(node, environment, isHostPath(path))
    out.variables.push(...result.variables)
    for (const issue of result.issues) out.issues.push({ path: [...path], issue })
    if (result.value === null) {
      out.unknown.push([...path])
      return node
    }
    return result.variables.length > 0 ? castInterpolated(result.value) : result.value
  }
  if (Array.isArray(node))
    return node.map((item, index) => interpolateAll(item, [...path, index], environment, out))
  if (isMapping(node)) {
    for (const key of Object.keys(node))
      node[key] = interpolateAll(node[key], [...path, key], environment, out)
  }
  return node
}

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index])
}

export function readComposeFile(text: string, options: ReadOptions = {}): ComposeFileReading {
  const environment = options.environment ?? null
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, merge: true, customTags: COMPOSE_TAGS })
  const issues: ComposeIssue[] = [...document.errors, ...document.warnings].map(problem =>
    composeIssue(
      problem.name === 'YAMLWarning' ? 'COMPOSE_YAML_WARNING' : 'COMPOSE_YAML_SYNTAX',
      problem.pos[0],
      Math.max(problem.pos[1], problem.pos[0] + 1),
      problem.message.split('\n')[0] ?? problem.message,
    ),
  )
  const empty: ComposeFileReading = { data: null, issues, unknownPaths: [], variables: [] }
  if (document.errors.length > 0 || document.contents === null)
    return empty
  if (!isMap(document.contents)) {
    const [start, end] = document.contents.range ?? [0, text.length]
    issues.push(composeIssue('COMPOSE_NOT_A_MAPPING', start, Math.max(end, start + 1), 'A Compose file is a mapping of top-level keys, starting with services: (then one key per service).'))
    return empty
  }

  const data = document.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>
  const locator = new YamlLocator(document, text)
  const interpolated: Interpolated = { issues: [], unknown: [], variables: [] }
  interpolateAll(data, [], environment, interpolated)
  for (const { path, issue } of interpolated.issues) {
    const start = locator.valueStart(path)
    if (start !== null) {
      issues.push({ ...issue, start: start + issue.start, end: start + issue.end })
    }
    else {
      const [from, to] = locator.range(path, false)
      issues.push({ ...issue, start: from, end: to })
    }
  }

  const isUnknown = (path: DataPath) => interpolated.unknown.some(unknown => samePath(unknown, path))
  const place = (problem: DataProblem): ComposeIssue => {
    const valueStart = problem.within && !problem.atKey ? locator.valueStart(problem.path) : null
    const [start, end] = valueStart !== null && problem.within
      ? [valueStart + problem.within[0], valueStart + problem.within[1]]
      : locator.range(problem.path, problem.atKey)
    return composeIssue(problem.code, start, end, problem.message, problem.suggestion)
  }
  for (const problem of schemaProblems(data, isUnknown)) issues.push(place(problem))
  if ('version' in data) {
    issues.push(place({ code: 'COMPOSE_OBSOLETE_VERSION', path: ['version'], atKey: true, message: '`version` is obsolete: Docker Compose ignores it, so you can delete this line.' }))
  }
  for (const problem of composeConfigProblems(data, isUnknown)) issues.push(place(problem))

  const seen = new Set<string>()
  const unique = issues.filter((issue) => {
    const key = `${issue.code}@${issue.start}-${issue.end}:${issue.message}`
    if (seen.has(key))
      return false
    seen.add(key)
    return true
  })
  unique.sort((a, b) => a.start - b.start || a.end - b.end)
  return { data, issues: unique, unknownPaths: interpolated.unknown, variables: [...new Set(interpolated.variables)] }
}
