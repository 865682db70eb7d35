// Transcribes the captured `--help` texts (tests/fixtures/docker-help, written by
// capture-docker-help.ts) and Compose's reference (tests/fixtures/docker-help/compose/*.yaml: the
// plugin is not installed where the help was captured) into lib/docker/grammar/transcribed.json: each command's summary,
// aliases, and flags with their shorthand, type and help text, in docker's words. The grammar
// tables add what this project knows on top (explanations, checks, traits, argument kinds), so a
// docker upgrade is: capture-docker-help.ts, then this script, then the tests.
//
//   npx tsx scripts/capture-docker-grammar.ts          write the file
//   npx tsx scripts/capture-docker-grammar.ts --check  exit 1 when the file is not up to date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { loadHelpFixture } from '../tests/fixtures/docker-help/parse-help'

export const TRANSCRIBED_FILE = resolve(import.meta.dirname ?? '.', '../lib/docker/grammar/transcribed.json')

/** The value types the engine knows (lib/docker/types.ts ValueType): a new one must be added there first. */
const KNOWN_TYPES = new Set(['bool', 'string', 'strings', 'stringArray', 'list', 'int', 'int64', 'uint', 'uint16', 'uint64', 'decimal', 'float', 'bytes', 'duration', 'map', 'filter', 'mount', 'network', 'ulimit', 'gpu-request', 'pref', 'command', 'external-ca', 'node-addr', 'port', 'secret', 'config', 'stringToString', 'uint32', 'credential-spec', 'pem-file', 'ipNetSlice'])

export function transcribe(): string {
  const commands: Record<string, unknown> = {}
  for (const [path, help] of loadHelpFixture()) {
    // A short form (`docker run`) prints the help of its command (`docker container run`): keep the first path docker lists.
    const paths = help.aliases.map(alias => alias.join(' '))
    if (paths.length > 0 && paths[0] !== path)
      continue
    for (const flag of help.flags) {
      if (!KNOWN_TYPES.has(flag.type))
        throw new Error(`docker ${path} --${flag.long}: value type "${flag.type}" is new; add it to ValueType in lib/docker/types.ts`)
    }
    commands[path] = {
      summary: help.summary,
      aliases: paths.filter(alias => alias !== path),
      flags: help.flags.map(flag => ({ long: flag.long, ...(flag.short ? { short: flag.short } : {}), type: flag.type, help: flag.help })),
    }
  }
  Object.assign(commands, transcribeCompose())
  return `${JSON.stringify(commands, null, 2)}\n`
}

const COMPOSE_REFERENCE = resolve(import.meta.dirname ?? '.', '../tests/fixtures/docker-help/compose')

interface ComposeOption {
  option: string
  shorthand?: string
  value_type: string
  description: string
  deprecated?: boolean
  hidden?: boolean
}

/** `docker compose …` from its reference: own options, then the inherited ones, as the reference lists them. */
function transcribeCompose(): Record<string, unknown> {
  const commands: Record<string, unknown> = {}
  for (const file of readdirSync(COMPOSE_REFERENCE).sort()) {
    const reference = parse(readFileSync(join(COMPOSE_REFERENCE, file), 'utf8')) as { command: string, short: string, options?: ComposeOption[], inherited_options?: ComposeOption[] }
    const path = reference.command.split(' ').slice(1).join(' ')
    const options = [...(reference.options ?? []), ...(reference.inherited_options ?? [])]
    for (const option of options) {
      if (!KNOWN_TYPES.has(option.value_type))
        throw new Error(`${reference.command} --${option.option}: value type "${option.value_type}" is new; add it to ValueType in lib/docker/types.ts`)
    }
    commands[path] = {
      summary: reference.short,
      aliases: [],
      flags: options.map(option => ({
        long: option.option,
        ...(option.shorthand ? { short: option.shorthand } : {}),
        type: option.value_type,
        // The reference wraps and aligns its text; the client's help is one line.
        help: option.description.trim().replace(/\s+/g, ' '),
        ...(option.deprecated ? { deprecated: true } : {}),
        ...(option.hidden ? { hidden: true } : {}),
      })),
    }
  }
  return commands
}

function main(): number {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
  const text = transcribe()
  if (values.check) {
    const current = readFileSync(TRANSCRIBED_FILE, 'utf8')
    if (current !== text) {
      process.stderr.write(`${TRANSCRIBED_FILE} is out of date: run npx tsx scripts/capture-docker-grammar.ts\n`)
      return 1
    }
    return 0
  }
  writeFileSync(TRANSCRIBED_FILE, text)
  process.stdout.write(`wrote ${TRANSCRIBED_FILE}\n`)
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = main()
