// What the typed lines tell a check beyond the machine's state: the explainer engine's error and warning
// codes (SHELL_EXPANSION, FLAG_AFTER_IMAGE…). The CLI reads them from its stdin, the slide's box from
// the lines its terminals ran (composables/useMachine.ts's lastCommands).

import type { Evidence } from './types'
import { explain } from '../docker/index'

/** Engine codes (errors and warnings) of one typed line. */
export function engineCodes(line: string): string[] {
  return explain(line).flatMap(command => [...command.errors, ...command.warnings].map(issue => issue.code))
}

/** Lines already explained: every box checks after every command, over the same lines again. */
const known = new Map<string, readonly string[]>()
const KNOWN_LINES = 1000

function codesOf(line: string): readonly string[] {
  let codes = known.get(line)
  if (codes === undefined) {
    codes = engineCodes(line)
    if (known.size >= KNOWN_LINES)
      known.clear()
    known.set(line, codes)
  }
  return codes
}

/** The codes of every line, as one check's evidence. */
export function evidenceOf(lines: readonly string[]): Evidence {
  return { codes: new Set(lines.flatMap(codesOf)) }
}
