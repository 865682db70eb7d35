// Commands whose names, summaries and flags come from docker's own `--help` (transcribed.json,
// written by scripts/capture-docker-grammar.ts), with this project's knowledge laid on top:
// explanations, value checks, argument kinds, traits, and the flags docker hides from its help.
import type { CommandSpec, FlagSpec, ValueType } from '../types'
import TRANSCRIBED from './transcribed.json'

interface TranscribedFlag {
  long: string
  short?: string
  type: string
  help: string
  deprecated?: boolean
  hidden?: boolean
}

interface TranscribedCommand {
  summary: string
  /** Other paths reaching the command, joined with spaces. */
  aliases: string[]
  flags: TranscribedFlag[]
}

const COMMANDS_FROM_HELP: Readonly<Record<string, TranscribedCommand>> = TRANSCRIBED

/** What this project adds to a flag docker lists. */
export type FlagOverlay = Omit<FlagSpec, 'long' | 'short' | 'type' | 'help'>

/** What this project adds to a command docker lists: everything but its summary, aliases and listed flags. */
export interface CommandOverlay extends Omit<CommandSpec, 'summary' | 'aliases' | 'flags'> {
  /** By long name; each must be a flag the help lists. */
  flagOverlays?: Readonly<Record<string, FlagOverlay>>
  /** Flags the help does not list (hidden or deprecated), which the client still accepts. */
  unlistedFlags?: readonly FlagSpec[]
}

/**
 * Explanations of flags that mean the same wherever docker lists them; `-q` only where it prints
 * IDs (elsewhere it silences progress output, and docker's help says so).
 */
export function sharedExplanation(flag: TranscribedFlag): string | undefined {
  switch (flag.long) {
    case 'format':
      return 'Chooses how the output is printed: `table`, `json`, or a Go template such as \'{{.Name}}\'.'
    case 'filter':
      return 'Shows only the items matching a condition written key=value (here: {value}).'
    case 'no-trunc':
      return 'Prints IDs and commands in full instead of shortening them.'
    case 'quiet':
      if (/\bIDs?\b/.test(flag.help))
        return 'Prints only IDs (or names), one per line; handy for scripts.'
      // "Suppress verbose output", "Suppress progress output", "Only display token": docker's words say it.
      return `Prints less: ${flag.help.charAt(0).toLowerCase()}${flag.help.slice(1)}.`
    case 'dry-run':
      return 'Shows what Compose would do without changing anything.'
    case 'force':
      return flag.help === 'Do not prompt for confirmation' ? 'Does not ask for confirmation before deleting.' : undefined
    default:
      return undefined
  }
}

/** The command at `overlay.path`, from the transcribed help plus the overlay; throws when they disagree. */
export function fromHelp(overlay: CommandOverlay): CommandSpec {
  const name = overlay.path.join(' ')
  const help = COMMANDS_FROM_HELP[name] ?? Object.values(COMMANDS_FROM_HELP).find(command => command.aliases.includes(name))
  if (!help)
    throw new Error(`docker ${name} is not in transcribed.json: capture its help first`)
  const { flagOverlays = {}, unlistedFlags = [], ...command } = overlay
  for (const long of Object.keys(flagOverlays)) {
    if (!help.flags.some(flag => flag.long === long))
      throw new Error(`docker ${name}: the overlay names --${long}, which its help does not list`)
  }
  const listed: FlagSpec[] = help.flags.map(flag => ({
    long: flag.long,
    ...(flag.short ? { short: flag.short } : {}),
    type: flag.type as ValueType,
    help: flag.help,
    ...(flag.deprecated ? { deprecated: true } : {}),
    ...(flag.hidden ? { hidden: true } : {}),
    ...(sharedExplanation(flag) ? { explain: sharedExplanation(flag) } : {}),
    ...flagOverlays[flag.long],
  }))
  return {
    ...command,
    summary: help.summary,
    aliases: help.aliases.map(alias => alias.split(' ')),
    flags: [...listed, ...unlistedFlags],
  }
}
