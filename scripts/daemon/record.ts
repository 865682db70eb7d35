// Records reference transcripts from a real Docker daemon (started by scripts/daemon/start.sh).
//
//   npx tsx scripts/daemon/record.ts                    every scenario and build-cache case → the fixtures
//   npx tsx scripts/daemon/record.ts --only ports,logs  just these (scenario or case names)
//   npx tsx scripts/daemon/record.ts --check            record into a temporary folder and compare with
//                                                       the committed fixtures (exit 1 on any drift)
//   --scenarios-only / --build-cache-only               one half; --out DIR writes elsewhere
//
// The daemon is DOCKER_REFERENCE_HOST (unix:///tmp/dockerd/docker.sock by default). With --check and
// no daemon answering, it says so and exits 0 unless DOCKER_REFERENCE_HOST was set (CI): there a
// missing daemon is a failure. Format: tests/fixtures/daemon/README.md.
import type { BuildCacheRecord } from './build-cache'
import type { Transcript, TranscriptStep } from './transcript'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { BUILD_CACHE_DIR, buildCacheDrift, parseBuildCase, recordBuildCase } from './build-cache'
import { Daemon, referenceHost } from './daemon'
import { Normaliser, wordsOf } from './normalise'
import { parseScenario } from './scenario'
import { driftBetween, TRANSCRIPT_FORMAT } from './transcript'

export const FIXTURES = resolve(import.meta.dirname ?? '.', '../../tests/fixtures/daemon')
export const SCENARIO_DIR = join(FIXTURES, 'scenarios')
export const TRANSCRIPT_DIR = join(FIXTURES, 'transcripts')

function listYaml(dir: string): string[] {
  return readdirSync(dir).filter(file => file.endsWith('.yaml')).sort().map(file => file.slice(0, -'.yaml'.length))
}

export async function recordScenario(daemon: Daemon, name: string): Promise<Transcript> {
  const scenario = parseScenario(name, readFileSync(join(SCENARIO_DIR, `${name}.yaml`), 'utf8'))
  daemon.reset(scenario.images)
  // Before the first step: a scenario may untag or remove a base image.
  const images = daemon.images(scenario.images)
  const cwd = mkdtempSync(join(tmpdir(), 'docker-scenario-'))
  try {
    for (const [path, content] of Object.entries(scenario.files)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true })
      writeFileSync(join(cwd, path), content)
    }
    const typed = wordsOf(...scenario.steps.map(step => step.run), ...Object.keys(scenario.files), ...Object.values(scenario.files))
    const normaliser = new Normaliser({ generatedNames: [], knownWords: typed, paths: [...daemon.pathRules(), { from: cwd, to: '<cwd>' }] })
    const steps: TranscriptStep[] = []
    for (const step of scenario.steps) {
      const result = await daemon.run(step.run, { cwd, tty: step.tty, input: step.input, interruptAfter: step.interruptAfter })
      normaliser.learnGeneratedNames(daemon.containerNames().filter(n => !typed.has(n)))
      const recorded: TranscriptStep = {
        command: step.run,
        stdout: normaliser.text(result.stdout, step.run),
        stderr: normaliser.text(result.stderr, step.run),
        exit: result.exit,
      }
      if (step.tty)
        recorded.tty = true
      if (step.input.length)
        recorded.input = step.input
      if (step.timed)
        recorded.elapsedSeconds = result.elapsedSeconds
      if (step.interruptAfter !== undefined) {
        recorded.interruptAfter = step.interruptAfter
        recorded.interrupts = result.interrupts
      }
      if (step.note)
        recorded.note = step.note
      if (step.docker29)
        recorded.docker29 = step.docker29
      steps.push(recorded)
    }
    return {
      format: TRANSCRIPT_FORMAT,
      scenario: name,
      title: scenario.title,
      ...(scenario.about ? { about: scenario.about } : {}),
      recorded: daemon.recordedOn(),
      images,
      files: scenario.files,
      steps,
    }
  }
  finally {
    rmSync(cwd, { recursive: true, force: true })
  }
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'only': { type: 'string' },
      'check': { type: 'boolean', default: false },
      'out': { type: 'string' },
      'scenarios-only': { type: 'boolean', default: false },
      'build-cache-only': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  const daemon = new Daemon(referenceHost())
  if (!daemon.reachable()) {
    const why = `no Docker daemon answers on ${daemon.host}`
    if (values.check && !process.env.DOCKER_REFERENCE_HOST) {
      console.log(`test:daemon skipped: ${why} (start one as root with scripts/daemon/start.sh, or set DOCKER_REFERENCE_HOST); the committed transcripts were not re-checked against Docker`)
      return 0
    }
    if (values.check)
      console.error(`test:daemon failed: DOCKER_REFERENCE_HOST is set, but ${why} (did scripts/daemon/start.sh fail? its log is DIR/dockerd.log)`)
    else console.error(`${why}: start one as root with scripts/daemon/start.sh`)
    return 1
  }
  const only = values.only ? new Set(values.only.split(',').map(s => s.trim()).filter(Boolean)) : undefined
  const scenarios = values['build-cache-only'] ? [] : listYaml(SCENARIO_DIR).filter(n => !only || only.has(n))
  const cases = values['scenarios-only'] ? [] : listYaml(join(BUILD_CACHE_DIR, 'cases')).filter(n => !only || only.has(n))
  if (only) {
    const known = new Set([...listYaml(SCENARIO_DIR), ...listYaml(join(BUILD_CACHE_DIR, 'cases'))])
    const unknown = [...only].filter(n => !known.has(n))
    if (unknown.length) {
      console.error(`--only: no scenario or build-cache case named ${unknown.join(', ')}`)
      return 1
    }
  }
  // Every input is read before anything runs, so a typo fails at once and not after minutes.
  for (const name of scenarios)
    parseScenario(name, readFileSync(join(SCENARIO_DIR, `${name}.yaml`), 'utf8'))
  for (const name of cases)
    parseBuildCase(name, readFileSync(join(BUILD_CACHE_DIR, 'cases', `${name}.yaml`), 'utf8'))
  if (values.check) {
    // Another client or daemon prints other text: say that, not a page of differences.
    const here = daemon.recordedOn()
    const first = scenarios[0] ?? undefined
    const committed = first ? (JSON.parse(readFileSync(join(TRANSCRIPT_DIR, `${first}.json`), 'utf8')) as Transcript).recorded : undefined
    if (committed && (committed.daemon !== here.daemon || committed.client !== here.client)) {
      console.error(`test:daemon: the fixtures were recorded with dockerd ${committed.daemon} and client ${committed.client}; ${daemon.host} is dockerd ${here.daemon} with client ${here.client} (docker on PATH). Use those versions, or re-record on purpose: npx tsx scripts/daemon/record.ts`)
      return 1
    }
  }
  const out = values.check ? mkdtempSync(join(tmpdir(), 'docker-reference-')) : (values.out ? resolve(values.out) : FIXTURES)
  const drift: string[] = []
  const started = performance.now()
  for (const name of scenarios) {
    const t0 = performance.now()
    const transcript = await recordScenario(daemon, name)
    writeJson(join(out, 'transcripts', `${name}.json`), transcript)
    if (values.check) {
      const committed = JSON.parse(readFileSync(join(TRANSCRIPT_DIR, `${name}.json`), 'utf8')) as Transcript
      drift.push(...driftBetween(committed, transcript))
    }
    console.error(`scenario ${name}: ${transcript.steps.length} steps, ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  for (const name of cases) {
    const t0 = performance.now()
    const buildCase = parseBuildCase(name, readFileSync(join(BUILD_CACHE_DIR, 'cases', `${name}.yaml`), 'utf8'))
    const record = await recordBuildCase(daemon, buildCase)
    writeJson(join(out, 'build-cache', `${name}.json`), record)
    if (values.check) {
      const committed = JSON.parse(readFileSync(join(BUILD_CACHE_DIR, `${name}.json`), 'utf8')) as BuildCacheRecord
      drift.push(...buildCacheDrift(committed, record))
    }
    console.error(`build case ${name}: ${record.builds.length} builds, ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  daemon.reset()
  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  if (values.check) {
    if (drift.length) {
      console.error(`The real daemon no longer prints what the fixtures say (${drift.length} differences; fresh recording in ${out}):`)
      for (const line of drift) console.error(`  ${line}`)
      console.error('If Docker or the scenarios changed on purpose, re-record: npx tsx scripts/daemon/record.ts')
      return 1
    }
    rmSync(out, { recursive: true, force: true })
    console.log(`test:daemon: ${scenarios.length} scenarios and ${cases.length} build-cache cases re-recorded against ${daemon.host} in ${seconds} s: identical to the fixtures`)
    return 0
  }
  console.log(`recorded ${scenarios.length} scenarios and ${cases.length} build-cache cases into ${out} in ${seconds} s`)
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = await main()
