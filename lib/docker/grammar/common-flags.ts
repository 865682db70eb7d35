// Flag specs that many docker commands share word for word. Each help text is the client's own
// (the grammar fixture test compares them), so variants with different help stay separate.
import type { FlagSpec } from '../types'

/** `--format` of listing commands: table (default), json or a Go template. */
export const FORMAT_TABLE_FLAG: FlagSpec = { long: 'format', type: 'string', help: 'Format output using a custom template: \'table\':            Print output in table format with column headers (default) \'table TEMPLATE\':   Print output in table format using the given Go template \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates', explain: 'Chooses how the output is printed: `table`, `json`, or a Go template such as \'{{.Name}}\'.' }

/** `-f, --format` of inspect commands: json or a Go template, no table. */
export const FORMAT_JSON_FLAG: FlagSpec = { long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates', explain: 'Chooses how the output is printed: `table`, `json`, or a Go template such as \'{{.Name}}\'.' }

/** `-f, --filter` of listing commands. */
export const FILTER_FLAG: FlagSpec = { long: 'filter', short: 'f', type: 'filter', help: 'Filter output based on conditions provided', explain: 'Shows only the items matching a condition written key=value (here: {value}).' }

/** `--filter` of prune commands (until=, label=). */
export const PRUNE_FILTER_FLAG: FlagSpec = { long: 'filter', type: 'filter', help: 'Provide filter values (e.g. "until=<timestamp>")', explain: 'Shows only the items matching a condition written key=value (here: {value}).' }

/** `--pretty` of the Swarm inspect commands. */
export const PRETTY_FLAG: FlagSpec = { long: 'pretty', type: 'bool', help: 'Print the information in a human friendly format' }

/** `--checkpoint-dir` of the checkpoint commands and `docker start`. */
export const CHECKPOINT_DIR_FLAG: FlagSpec = { long: 'checkpoint-dir', type: 'string', help: 'Use a custom checkpoint storage directory' }

/** `-f, --force` of the prune commands: skip the confirmation prompt. */
export const FORCE_NO_PROMPT_FLAG: FlagSpec = { long: 'force', short: 'f', type: 'bool', help: 'Do not prompt for confirmation', explain: 'Does not ask for confirmation before deleting.' }

/** `-q, --quiet` that prints only IDs; the help wording differs from command to command. */
export function quietFlag(help: string): FlagSpec {
  return { long: 'quiet', short: 'q', type: 'bool', help, explain: 'Prints only IDs (or names), one per line; handy for scripts.' }
}

/** `--no-trunc`; the client words its help two ways. */
export function noTruncFlag(help: string): FlagSpec {
  return { long: 'no-trunc', type: 'bool', help, explain: 'Prints IDs and commands in full instead of shortening them.' }
}
