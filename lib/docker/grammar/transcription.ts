// Commands whose names, summaries and flags come from docker's own `--help` (transcribed.json,
// written by scripts/capture-docker-grammar.ts), with this project's knowledge laid on top:
// explanations, value checks, argument kinds, traits, and the flags docker hides from its help.
import type { CommandSpec, FlagSpec, ValueType } from '../types'
import { FILTER_FLAG, FORMAT_TABLE_FLAG, noTruncFlag, quietFlag } from './common-flags'
import TRANSCRIBED from './transcribed.json'

interface TranscribedFlag {
  long: string
  short?: string
  type: string
  help: string
}

interface TranscribedCommand {
  summary: string
  /** Other paths reaching the command, joined with spaces. */
  aliases: string[]
  flags: TranscribedFlag[]
}

const COMMANDS_FROM_HELP: Readonly<Record<string, TranscribedCommand>> = TRANSCRIBED

/** What this project adds to a flag docker lists. */
export type FlagOverlay = Pick<FlagSpec, 'explain' | 'check' | 'choices' | 'deprecated'>

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
function sharedExplanation(flag: TranscribedFlag): string | undefined {
  switch (flag.long) {
    case 'format':
      return FORMAT_TABLE_FLAG.explain
    case 'filter':
      return FILTER_FLAG.explain
    case 'no-trunc':
      return noTruncFlag(flag.help).explain
    case 'quiet':
      return /\bIDs?\b/.test(flag.help) ? quietFlag(flag.help).explain : undefined
    default:
      return undefined
  }
}

/** The command at `overlay.path`, from the transcribed help plus the overlay; throws when they disagree. */
export function fromHelp(overlay: CommandOverlay): CommandSpec {
  const name = overlay.path.join(' ')
  const help = COMMANDS_FROM_HELP[name]
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
