// Prints transcripts as a terminal session, for reading and reviewing them:
//   npx tsx scripts/daemon/show.ts ports logs     (names in tests/fixtures/daemon/transcripts/)
//   npx tsx scripts/daemon/show.ts --build flask_app  (build-cache records: each build's steps, cached or run)
// stderr lines are marked "2|", a Docker 28/29 difference "29|" under what 20.10 printed.
import type { BuildCacheRecord } from './build-cache'
import type { Transcript } from './transcript'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const FIXTURES = resolve(import.meta.dirname ?? '.', '../../tests/fixtures/daemon')
const DIR = join(FIXTURES, 'transcripts')
const { positionals, values } = parseArgs({ allowPositionals: true, strict: true, options: { build: { type: 'boolean', default: false } } })
if (values.build) {
  for (const name of positionals) {
    const r = JSON.parse(readFileSync(join(FIXTURES, 'build-cache', `${name.replace(/\.json$/, '')}.json`), 'utf8')) as BuildCacheRecord
    console.log(`# ${r.case}: ${r.title}`)
    for (const build of r.builds) {
      console.log(`  ${build.edit}${build.exit ? ` (exit ${build.exit})` : ''}`)
      for (const step of build.steps) {
        const mark = step.cached === null ? 'base  ' : step.cached ? 'CACHED' : 'ran   '
        const kit = build.buildkit?.cached[step.instruction]
        console.log(`    ${mark} ${step.buildkitStep ? ' ' : 'm'} ${step.instruction}${kit === undefined ? '' : `   [BuildKit: ${kit ? 'cached' : 'runs'}]`}`)
      }
    }
  }
}
else if (!positionals.length) {
  console.error('usage: npx tsx scripts/daemon/show.ts NAME… (a transcript in tests/fixtures/daemon/transcripts/)')
  process.exitCode = 1
}
const indent = (text: string, mark: string) => text.replace(/\n$/, '').split('\n').map(line => `${mark}${line}`).join('\n')
for (const name of values.build ? [] : positionals) {
  const t = JSON.parse(readFileSync(join(DIR, `${name.replace(/\.json$/, '')}.json`), 'utf8')) as Transcript
  console.log(`# ${t.scenario}: ${t.title} (dockerd ${t.recorded.daemon}, client ${t.recorded.client}, ${t.recorded.date})`)
  t.steps.forEach((step, i) => {
    const extras = [step.tty && 'tty', step.input && `input ${JSON.stringify(step.input)}`, step.interruptAfter !== undefined && `Ctrl-C after ${step.interruptAfter}s ×${step.interrupts}`].filter(Boolean)
    console.log(`\n${i + 1}$ ${step.command}${extras.length ? `    [${extras.join(', ')}]` : ''}`)
    if (step.stdout)
      console.log(indent(step.stdout, '  |'))
    if (step.stderr)
      console.log(indent(step.stderr, '2 |'))
    console.log(`  [exit ${step.exit}${step.elapsedSeconds !== undefined ? `, ${step.elapsedSeconds} s` : ''}]`)
    if (step.docker29) {
      for (const key of ['stdout', 'stderr'] as const) {
        if (step.docker29[key] !== undefined)
          console.log(indent(step.docker29[key]!, `29${key === 'stderr' ? '2' : ' '}|`))
      }
      if (step.docker29.exit !== undefined)
        console.log(`29 [exit ${step.docker29.exit}]`)
      console.log(`29 source: ${step.docker29.source}`)
    }
  })
}
