// The committed fixtures themselves: normalised (nothing left that changes from run to run), and
// their hand-written notes consistent with what was recorded.
import type { BuildCacheRecord } from '../../../scripts/daemon/build-cache'
import type { Transcript } from '../../../scripts/daemon/transcript'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBuildCase } from '../../../scripts/daemon/build-cache'

const FIXTURES = join(import.meta.dirname, '../../fixtures/daemon')
function read<T>(dir: string) {
  return readdirSync(join(FIXTURES, dir)).filter(f => f.endsWith('.json')).map(f => [f, JSON.parse(readFileSync(join(FIXTURES, dir, f), 'utf8')) as T] as const)
}
const transcripts = read<Transcript>('transcripts')
const records = read<BuildCacheRecord>('build-cache')

// Raw IDs (hex with a letter), private paths, RFC 3339 times: the normaliser should have replaced them.
const LEFTOVERS = [/(?<![\w<])(?=[0-9a-f]*[a-f])[0-9a-f]{12,64}\b/, /\/tmp\/docker(?:d|-scenario-|-build-case-)/, /\b20\d\d-\d\d-\d\dT\d\d:\d\d/]

describe('transcripts', () => {
  it('there are scenarios for every area the simulator claims', () => {
    const names = transcripts.map(([f]) => f.replace(/\.json$/, ''))
    for (const area of ['lifecycle', 'exit-codes', 'restart', 'names', 'ps', 'ports', 'volumes', 'exec', 'logs', 'stop-timing', 'errors', 'images', 'networks', 'cp-diff', 'inspect-top', 'python', 'deck'])
      expect(names).toContain(area)
  })

  it.each(transcripts)('%s is normalised and says what recorded it', (_file, t) => {
    expect(t.recorded.daemon).toMatch(/^\d+\.\d+/)
    expect(t.recorded.client).toMatch(/^\d+\.\d+/)
    expect(t.recorded.date).toMatch(/^\d{4}-\d\d-\d\d$/)
    for (const step of t.steps) {
      for (const pattern of LEFTOVERS) {
        expect(step.stdout, step.command).not.toMatch(pattern)
        expect(step.stderr, step.command).not.toMatch(pattern)
      }
    }
  })

  it.each(transcripts)('%s: each docker29 note changes something or says why it cannot', (_file, t) => {
    for (const step of t.steps.filter(s => s.docker29)) {
      const d = step.docker29!
      expect(d.source.length, step.command).toBeGreaterThan(20)
      const changes = (d.stdout !== undefined && d.stdout !== step.stdout) || (d.stderr !== undefined && d.stderr !== step.stderr) || (d.exit !== undefined && d.exit !== step.exit)
      expect(changes || (d.stdout === undefined && d.stderr === undefined && d.exit === undefined && !!d.note), step.command).toBe(true)
    }
  })

  it('stop timing was measured: the full 10 s wait and at once', () => {
    const stop = transcripts.find(([f]) => f === 'stop-timing.json')![1]
    const took = (command: string) => stop.steps.find(s => s.command === command)!.elapsedSeconds!
    expect(took('docker stop loop')).toBeGreaterThanOrEqual(10)
    expect(took('docker stop -t 2 short')).toBeGreaterThanOrEqual(2)
    expect(took('docker stop -t 2 short')).toBeLessThan(5)
    expect(took('docker stop withinit')).toBeLessThan(3)
  })
})

describe('build-cache records', () => {
  it('cover at least 15 Dockerfiles with at least 3 edits each', () => {
    expect(records.length).toBeGreaterThanOrEqual(15)
    for (const [file, r] of records) expect(r.builds.length, file).toBeGreaterThanOrEqual(4)
  })

  it.each(records)('%s: the first build ran every step and each build succeeded', (_file, r) => {
    expect(r.builds[0]!.steps.filter(s => s.cached === true)).toEqual([])
    for (const build of r.builds) {
      expect(build.exit, `${r.case}: ${build.edit}\n${build.stdout}\n${build.stderr}`).toBe(0)
      expect(build.steps.length, build.edit).toBeGreaterThan(1)
    }
  })

  it.each(records)('%s: BuildKit notes name BuildKit steps of their build', (_file, r) => {
    for (const build of r.builds.filter(b => b.buildkit)) {
      for (const instruction of Object.keys(build.buildkit!.cached))
        expect(build.steps.find(s => s.instruction === instruction)?.buildkitStep, instruction).toBe(true)
    }
  })
})

describe('build-cache case files', () => {
  const base = 'title: t\nfiles: { Dockerfile: "FROM busybox\\n" }\n'
  it.each([
    [`${base}edits: [{ name: a }, { name: b }]`, /at least three edits/],
    [`${base}edits: [{ name: a, wrte: {} }, { name: b }, { name: c }]`, /edit 1: unknown key wrte/],
    [`${base}edits: [{ name: a, buildkit: { cached: {} } }, { name: b }, { name: c }]`, /edit 1.buildkit: needs cached .* and source/],
    ['title: t\nedits: [{ name: a }, { name: b }, { name: c }]', /a Dockerfile is needed/],
    ['title: t\ncontext: snippets/nowhere\nedits: [{ name: a }, { name: b }, { name: c }]', /not a folder of this repository/],
  ])('refuses %j', (text, message) => {
    expect(() => parseBuildCase('bad', text)).toThrow(message)
  })
})
