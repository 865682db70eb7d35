// The engine's public entry: text in, one explanation per command out. Pure TypeScript, no DOM.

import type { ShellCommand } from './tokenize'
import type { CommandExplanation } from './types'
import { explainShellCommand, INTERNAL_ERROR } from './explain'
import { splitCommands } from './tokenize'

export { FLAG_MAPPINGS } from '../compose/mappings'
export { splitCommands, tokenize } from './tokenize'
export type { Expansion, Redirection, ShellCommand, Word } from './tokenize'
export type * from './types'
export { WARNING_RULES } from './warnings'

export { INTERNAL_ERROR }

function failed(shell: ShellCommand, failure: unknown): CommandExplanation {
  const detail = failure instanceof Error ? failure.message : String(failure)
  return {
    input: shell.text,
    offset: shell.start,
    isDocker: false,
    ok: false,
    command: [],
    summary: `${INTERNAL_ERROR}.`,
    segments: [],
    errors: [{ code: 'INTERNAL_ERROR', severity: 'error', start: 0, end: shell.text.length, message: `${INTERNAL_ERROR}: ${detail}` }],
    warnings: [],
    image: null,
    run: null,
    config: null,
    compose: null,
  }
}

/**
 * Explains every command in `text` (lines, `&&`, `;`, `|`…), in order. Each explanation's spans are
 * relative to its own `input`, which starts at `offset` in `text`. Blank text gives no command.
 * Never throws.
 */
export function explain(text: string): CommandExplanation[] {
  // Callers from plain JavaScript may pass anything.
  const source = typeof text === 'string' ? text : String(text ?? '')
  let commands: ShellCommand[]
  try {
    commands = splitCommands(source)
  }
  catch (failure) {
    const whole = { start: 0, end: source.length, text: source, words: [], redirections: [], separator: null, error: null }
    return [failed(whole, failure)]
  }
  return commands.map((shell) => {
    try {
      return explainShellCommand(shell)
    }
    catch (failure) {
      return failed(shell, failure)
    }
  })
}
