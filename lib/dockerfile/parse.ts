// A thin view over dockerfile-ast: the facts checks and hovers need, with ranges and raw text.

import type { Dockerfile, Flag, Instruction, Property } from 'dockerfile-ast'
import type { TextRange } from './text'
import { DockerfileParser, Onbuild } from 'dockerfile-ast'
import { Util } from 'dockerfile-ast/lib/util'
import { LineIndex } from './text'

// dockerfile-ast looks for a UTF-8 byte order mark with Node's `Buffer`, which browsers lack.
// A BOM read from a JS string is the single character U+FEFF: same answer, no Buffer.
Util.isUTF8BOM = (char: string) => char === '\uFEFF'

export interface ParsedFlag {
  name: string
  value: string | null
  range: TextRange
  nameRange: TextRange
}

export interface ParsedArgument {
  value: string
  range: TextRange
}

export interface ParsedProperty {
  name: string
  /** Unquoted; null when no value is given (`ENV DEBUG`). */
  value: string | null
  range: TextRange
}

export interface ParsedInstruction {
  /** Upper case, as Docker reads it. */
  keyword: string
  /** As written (`from` stays `from`). */
  written: string
  keywordRange: TextRange
  /** The whole instruction, continuation lines included. */
  range: TextRange
  flags: ParsedFlag[]
  args: ParsedArgument[]
  /** The argument text after the flags, with line continuations removed; '' when there is none. */
  argsText: string
  /** Range of `argsText` in the document; null when there are no arguments. */
  argsRange: TextRange | null
  /** For ENV, LABEL and ARG: the `name=value` entries, quotes understood. */
  properties: ParsedProperty[]
  /** For ONBUILD: the instruction it stores. */
  trigger: ParsedInstruction | null
}

export interface ParsedDockerfile {
  text: string
  lines: LineIndex
  escapeChar: string
  instructions: ParsedInstruction[]
}

function flagsOf(instruction: Instruction): Flag[] {
  const withFlags = instruction as Instruction & { getFlags?: () => Flag[] }
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : []
}

function propertiesOf(instruction: Instruction): ParsedProperty[] {
  const withProperties = instruction as Instruction & { getProperties?: () => Property[] }
  if (typeof withProperties.getProperties !== 'function')
    return []
  return withProperties.getProperties().map(property => ({
    name: property.getName(),
    value: property.getValue() === null ? null : property.getUnescapedValue(),
    range: property.getRange(),
  }))
}

function convert(instruction: Instruction, lines: LineIndex, escapeChar: string): ParsedInstruction {
  const args = instruction.getArguments().map(arg => ({ value: arg.getValue(), range: arg.getRange() }))
  const first = args[0]
  const last = args[args.length - 1]
  const argsRange = first && last ? { start: first.range.start, end: last.range.end } : null
  const continuation = new RegExp(`${escapeChar === '`' ? '`' : '\\\\'}[ \\t]*\\r?\\n`, 'g')
  const argsText = argsRange ? lines.slice(argsRange).replace(continuation, '') : ''
  const trigger = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : null
  return {
    keyword: instruction.getKeyword(),
    written: instruction.getInstruction(),
    keywordRange: instruction.getInstructionRange(),
    range: instruction.getRange(),
    flags: flagsOf(instruction).map(flag => ({
      name: flag.getName(),
      value: flag.getValue(),
      range: flag.getRange(),
      nameRange: flag.getNameRange(),
    })),
    args,
    properties: propertiesOf(instruction),
    argsText,
    argsRange,
    trigger: trigger ? convert(trigger, lines, escapeChar) : null,
  }
}

const PARSE_CACHE_SIZE = 16
const parseCache = new Map<string, ParsedDockerfile>()

/**
 * The parsed form of `text`, computed once per text: the markers, the hovers, the model and the views asking about
 * the text an editor holds share one parse. Results are never mutated by their readers.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const cached = parseCache.get(text)
  if (cached) {
    parseCache.delete(text)
    parseCache.set(text, cached)
    return cached
  }
  const parsed = parseUncached(text)
  parseCache.set(text, parsed)
  if (parseCache.size > PARSE_CACHE_SIZE)
    parseCache.delete(parseCache.keys().next().value!)
  return parsed
}

function parseUncached(text: string): ParsedDockerfile {
  const dockerfile: Dockerfile = DockerfileParser.parse(text)
  const lines = new LineIndex(text)
  const escapeChar = dockerfile.getEscapeCharacter()
  return {
    text,
    lines,
    escapeChar,
    instructions: dockerfile.getInstructions().map(instruction => convert(instruction, lines, escapeChar)),
  }
}

/**
 * How BuildKit reads arguments that may be a JSON array (its `parseMaybeJSON`, frontend/dockerfile/parser/line_parsers.go):
 * text that starts with `[` and parses as a JSON array of strings is the exec form; a JSON array holding anything
 * else fails the build; text that is not JSON at all is the shell form, whatever it starts with.
 */
export type JsonFormReading
  = | { kind: 'shell' }
    | { kind: 'exec', items: string[] }
    | { kind: 'not-strings', items: unknown[] }
    | { kind: 'not-json', looksLikeAnArray: boolean }

export function readJsonForm(text: string): JsonFormReading {
  const trimmed = text.trim()
  if (!trimmed.startsWith('['))
    return { kind: 'shell' }
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  }
  catch {
    return { kind: 'not-json', looksLikeAnArray: looksLikeAnArray(trimmed) }
  }
  if (!Array.isArray(value))
    return { kind: 'not-json', looksLikeAnArray: true }
  if (value.every(item => typeof item === 'string'))
    return { kind: 'exec', items: value }
  return { kind: 'not-strings', items: value }
}

/**
 * Whether text that is not JSON was still meant as an array. The shell's test command `[ … ]` is a word of its own,
 * followed by a space and without commas between its operands; an array written by hand either hugs its first item
 * (`['python', 'app.py']`, `[python]`) or separates items with commas inside the brackets.
 */
function looksLikeAnArray(trimmed: string): boolean {
  if (!/^\[\s/.test(trimmed))
    return true
  const close = trimmed.indexOf(']')
  const inside = close > 0 ? trimmed.slice(1, close) : trimmed.slice(1)
  return inside.includes(',')
}

/** Whether the arguments are written in JSON ("exec") form as Docker reads them: a valid JSON array. */
export function isJsonForm(instruction: ParsedInstruction): boolean {
  const reading = readJsonForm(instruction.argsText)
  return reading.kind === 'exec' || reading.kind === 'not-strings'
}

/** The items of a JSON array of strings, or null when the text is not one. */
export function jsonItems(text: string): string[] | null {
  const reading = readJsonForm(text)
  return reading.kind === 'exec' ? reading.items : null
}
