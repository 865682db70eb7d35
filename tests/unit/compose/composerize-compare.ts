// The semantic comparison of our conversion with composerize's expected output (used by
// composerize.test.ts): the same services with the same settings, whatever the YAML layout,
// list-or-mapping form, quoting, service key or key order.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { composeFromCommands } from '../../../lib/compose/from-run'
import { commandWords } from '../../../lib/compose/to-run'

export interface Case {
  source: string
  title: string
  command: string
  existingCompose: string | null
  composeVersion: string | null
  expected?: string
  expectedError?: string
  dockerClient: { accepted: boolean, said: string }
}

export const fixtures = new URL('../../fixtures/compose/composerize/', import.meta.url)
export const { cases } = JSON.parse(readFileSync(new URL('cases.json', fixtures), 'utf8')) as { cases: Case[] }
export const differences = JSON.parse(readFileSync(new URL('differences.json', fixtures), 'utf8')) as { differences: Record<string, string> }

type Value = unknown

/**
 * Spellings that mean the same to a reader of the file: a leading $PWD, ${PWD} or $(pwd) in a path is
 * the folder docker ran in, which we write . (the issue asks for it; Compose then reads the file's
 * folder); a command substitution is a value the shell computed, which composerize leaves as $(cmd)
 * (Compose would pass it as literal text) and we leave as a marked blank <output of cmd>.
 */
function sameMeaning(text: string): string {
  return text
    .replace(/^(?:\$\{PWD\}|\$PWD\b|\$\(pwd\))/, '.')
    .replace(/\$\(([^()]*)\)/g, (_whole, command: string) => `<output of ${command.trim()}>`)
}

/** One reading of a setting whatever its form: KEY=VALUE lists as mappings, scalars as text, commands as words. */
function normalize(key: string, value: Value): Value {
  if (['environment', 'labels', 'sysctls', 'annotations', 'storage_opt', 'options', 'extra_hosts'].includes(key)) {
    const entries = Array.isArray(value)
      ? value.map((item) => {
          const text = String(item)
          const at = key === 'extra_hosts' ? text.search(/[=:]/) : text.indexOf('=')
          return at === -1 ? [text, null] : [text.slice(0, at), text.slice(at + 1)]
        })
      : Object.entries(value as Record<string, Value>).map(([k, v]) => [k, v === null ? null : String(v)])
    for (const entry of entries) entry[1] = entry[1] === null ? null : sameMeaning(String(entry[1]))
    return Object.fromEntries(entries.sort(([a], [b]) => String(a).localeCompare(String(b))))
  }
  if (key === 'command' || key === 'entrypoint')
    return commandWords(value as string | string[])
  // One item or a list of one: the same in Compose.
  if ((key === 'tmpfs' || key === 'env_file' || key === 'dns') && typeof value === 'string')
    return [value]
  // A test as text is the CMD-SHELL form (Compose Specification, healthcheck).
  if (key === 'test' && typeof value === 'string')
    return ['CMD-SHELL', value]
  if (typeof value === 'string')
    return sameMeaning(value)
  if (Array.isArray(value))
    return value.map(item => normalize('', item))
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(k, v)]).sort(([a], [b]) => String(a).localeCompare(String(b))))
  return value === null ? null : String(value)
}

function services(file: Record<string, Value> | null, leave: Set<string> = new Set()): Value[] {
  const all = (file?.services ?? {}) as Record<string, Record<string, Value>>
  return Object.entries(all).filter(([name]) => !leave.has(name)).map(([, service]) => normalize('', service))
}

function topLevelNames(file: Record<string, Value> | null, key: string, leave: Set<string>): string[] {
  return Object.keys((file?.[key] ?? {}) as object).filter(name => !leave.has(name)).sort()
}

/** Our verdict on one case: null when it matches by meaning, else what differs. */
export function compare(testCase: Case): string | null {
  const ours = composeFromCommands(testCase.command)
  const produced = JSON.parse(JSON.stringify(ours.file)) as Record<string, Value>
  if (testCase.expectedError !== undefined)
    return Object.keys(ours.file.services).length === 0 ? null : `composerize refuses it (${testCase.expectedError}); we convert it`
  const expected = parseYaml(testCase.expected!) as Record<string, Value>
  const existing = testCase.existingCompose ? (parseYaml(testCase.existingCompose) ?? {}) as Record<string, Value> : null
  const leave = (key: string) => new Set(Object.keys((existing?.[key] ?? {}) as object))
  const theirs = services(expected, leave('services'))
  const mine = services(produced)
  const problems: string[] = []
  if (JSON.stringify(mine) !== JSON.stringify(theirs))
    problems.push(`services: ours ${JSON.stringify(mine)} / composerize ${JSON.stringify(theirs)}`)
  for (const key of ['networks', 'volumes']) {
    const a = topLevelNames(produced, key, new Set())
    const b = topLevelNames(expected, key, leave(key))
    if (JSON.stringify(a) !== JSON.stringify(b))
      problems.push(`${key}: ours ${a.join(',')} / composerize ${b.join(',')}`)
  }
  return problems.length === 0 ? null : problems.join('; ')
}
