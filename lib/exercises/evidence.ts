// What the typed lines tell a check beyond the machine's state: the explainer engine's error and warning
// codes (SHELL_EXPANSION, FLAG_AFTER_IMAGE…). The CLI reads them from its stdin, the slide's box from
// the lines its terminals ran (composables/useMachine.ts's lastCommands).

import type { Evidence } from './types'
import { explain } from '../docker/index'

/** Engine codes (errors and warnings) of one typed line. */
export function engineCodes(line: string): string[] {
  return explain(line).flatMap(command => [...command.errors, ...command.warnings].map(issue => issue.code))
}

/** The codes of every line, as one check's evidence. */
export function evidenceOf(lines: readonly string[]): Evidence {
  return { codes: new Set(lines.flatMap(engineCodes)) }
}
