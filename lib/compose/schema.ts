// The official Compose Specification schema (vendored from compose-spec/compose-go, draft 2020-12),
// checked with ajv's 2020 build. ajv speaks JSON Schema ("must NOT have additional properties");
// this file turns each of its errors into one sentence a beginner can act on, with a code and the
// path of the key or value it is about.

import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020'
import type { DataPath, DataProblem } from './issues'
import Ajv2020 from 'ajv/dist/2020'
import composeSpec from '../../vendor/compose-spec/compose-spec.json'
import { closest } from '../text/edit-distance'

export { composeSpec }

let compiled: ValidateFunction | undefined

/** Compiled on first use: about 0.2 s, and most pages never need it. */
function validator(): ValidateFunction {
  // strict: false because the schema uses the annotation "deprecated" and formats (duration) ajv does not check.
  compiled ??= new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(composeSpec)
  return compiled
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined)
    return 'null'
  if (Array.isArray(value))
    return 'array'
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function decodePointer(pointer: string): (string | number)[] {
  if (pointer === '')
    return []
  return pointer.slice(1).split('/').map(part => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The data path of an ajv instancePath, with list indexes as numbers (read from the data). */
function toPath(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = []
  let node = data
  for (const part of decodePointer(pointer)) {
    const key = Array.isArray(node) ? Number(part) : part
    path.push(key)
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined
  }
  return path
}

/** How a path reads in a sentence: `ports` item 2 of service "web". */
export function describePath(path: DataPath): string {
  if (path.length === 0)
    return 'The file'
  const [top, name, ...rest] = path
  const inner = (parts: readonly (string | number)[]) => {
    const words: string[] = []
    for (const part of parts) {
      const last = words.at(-1)
      if (typeof part === 'number')
        words.push(`item ${part + 1}`)
      else if (last?.startsWith('`'))
        words[words.length - 1] = `${last.slice(0, -1)}.${part}\``
      else words.push(`\`${part}\``)
    }
    return words.join(' ')
  }
  const owner: Record<string, string> = { services: 'service', volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config', models: 'model' }
  if (typeof top === 'string' && owner[top] && name !== undefined) {
    if (rest.length === 0)
      return `${owner[top]![0]!.toUpperCase()}${owner[top]!.slice(1)} "${name}"`
    return `${inner(rest)} of ${owner[top]} "${name}"`
  }
  return inner(path)
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data
  for (const key of path)
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined
  return node
}

function schemaWords(schema: unknown): string[] {
  const types = (schema as { type?: string | string[] } | undefined)?.type
  return (Array.isArray(types) ? types : types ? [types] : []).map(type => TYPE_WORDS[type] ?? type)
}

function joinOr(words: readonly string[]): string {
  const unique = [...new Set(words)]
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`
}

/** Keywords by which ajv reports that a value took none of a schema's alternatives. */
const BRANCH_KEYWORDS = new Set(['type', 'oneOf', 'anyOf', 'if', 'not'])

function unknownKey(error: ErrorObject, path: DataPath): DataProblem {
  const key = String((error.params as { additionalProperty: string }).additionalProperty)
  const keyPath = [...path, key]
  const parent = error.parentSchema as { properties?: Record<string, unknown>, patternProperties?: Record<string, unknown> } | undefined
  const known = Object.keys(parent?.properties ?? {})
  const namePatterns = Object.keys(parent?.patternProperties ?? {}).filter(pattern => pattern !== '^x-')
  if (known.length === 0 && namePatterns.length > 0) {
    return { code: 'COMPOSE_INVALID_VALUE', path: keyPath, atKey: true, message: `"${key}" is not a valid name here: use letters, digits, dot, dash and underscore only (${namePatterns.join(' ')}).` }
  }
  const suggestion = closest(key, known)
  const where = path.length === 0 ? 'a top-level Compose key' : path.length === 2 && path[0] === 'services' ? 'a service setting' : `a setting of ${describePath(path)}`
  const problem: DataProblem = {
    code: 'COMPOSE_UNKNOWN_KEY',
    path: keyPath,
    atKey: true,
    message: `"${key}" is not ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : key.startsWith('x-') ? '' : ' Keys of your own start with x-.'}`,
  }
  if (suggestion)
    problem.suggestion = suggestion
  return problem
}

function valueProblem(error: ErrorObject, path: DataPath): DataProblem | null {
  const where = describePath(path)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(error, path)
    case 'required':
      return { code: 'COMPOSE_MISSING_KEY', path, atKey: false, message: `${where} needs \`${String(params.missingProperty)}\`.` }
    case 'enum':
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} is one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}.` }
    case 'const':
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} can only be ${JSON.stringify(params.allowedValue)}.` }
    case 'pattern':
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} does not have the expected form (${String(params.pattern)}).` }
    case 'uniqueItems': {
      const second = Number(params.i)
      return { code: 'COMPOSE_DUPLICATE_ITEM', path: [...path, second], atKey: false, message: `${where} lists the same item twice (items ${Number(params.j) + 1} and ${second + 1}).` }
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} must be ${error.keyword.includes('inimum') ? 'at least' : 'at most'} ${String(params.limit)}.` }
    case 'minItems':
    case 'minProperties':
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} must not be empty.` }
    case 'maxItems':
    case 'maxProperties':
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} has too many entries (at most ${String(params.limit)}).` }
    case 'dependentRequired':
    case 'dependencies':
      return { code: 'COMPOSE_MISSING_KEY', path, atKey: false, message: `${where}: \`${String(params.property)}\` also needs \`${String(params.missingProperty)}\`.` }
    case 'propertyNames':
      return null // reported by the error on the name itself
    default:
      return { code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${where} is not valid here: ${error.message ?? error.keyword}.` }
  }
}

/**
 * Every way `data` (the parsed, interpolated Compose file) breaks the Compose Specification, one
 * problem per mistake. ajv reports each alternative a value failed (a port is a number, or text, or a
 * mapping…); only the alternative that matches the value's own kind is kept, or, when none does, one
 * sentence naming the kinds allowed. `skip` tells which values are not known (a variable not set).
 */
export function schemaProblems(data: unknown, skip: (path: DataPath) => boolean = () => false): DataProblem[] {
  const validate = validator()
  if (validate(data))
    return []
  const byPointer = new Map<string, ErrorObject[]>()
  for (const error of validate.errors ?? []) {
    const list = byPointer.get(error.instancePath) ?? []
    list.push(error)
    byPointer.set(error.instancePath, list)
  }
  const pointers = [...byPointer.keys()]
  const problems: DataProblem[] = []
  for (const [pointer, errors] of byPointer) {
    const path = toPath(pointer, data)
    if (skip(path))
      continue
    // A deeper error explains why this value failed its alternatives: say that one only.
    const deeper = pointers.some(other => other.startsWith(`${pointer}/`))
    const specific = errors.filter(error => !BRANCH_KEYWORDS.has(error.keyword))
    if (specific.length > 0) {
      for (const error of specific) {
        const problem = valueProblem(error, path)
        if (problem && !problems.some(p => p.message === problem.message && p.path.join('/') === problem.path.join('/')))
          problems.push(problem)
      }
      continue
    }
    if (deeper)
      continue
    const allowed = errors.filter(error => error.keyword === 'type').flatMap(error => schemaWords(error.parentSchema))
    const actual = TYPE_WORDS[typeOf(valueAt(data, path))] ?? 'something else'
    if (allowed.length > 0) {
      problems.push({ code: 'COMPOSE_WRONG_TYPE', path, atKey: false, message: `${describePath(path)} must be ${joinOr(allowed)}, not ${actual}.` })
    }
    else {
      problems.push({ code: 'COMPOSE_INVALID_VALUE', path, atKey: false, message: `${describePath(path)} is not valid here (${errors[0]?.message ?? 'no alternative matches'}).` })
    }
  }
  return problems
}

/** The schema's own description of a service key (for hovers and notes), or null. */
export function serviceKeyDescription(key: string): string | null {
  const service = (composeSpec as { $defs: { service: { properties: Record<string, { description?: string }> } } }).$defs.service
  return service.properties[key]?.description ?? null
}
