// A thin view over dockerfile-ast: the facts checks and hovers need, with ranges and raw text.

import type { Dockerfile, Flag, Instruction } from 'dockerfile-ast'
import { DockerfileParser, Onbuild } from 'dockerfile-ast'
import { LineIndex, type TextRange } from './text'

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
    argsText,
    argsRange,
    trigger: trigger ? convert(trigger, lines, escapeChar) : null,
  }
}

export function parseDockerfile(text: string): ParsedDockerfile {
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
