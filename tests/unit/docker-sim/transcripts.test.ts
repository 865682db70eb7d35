// The simulator against a real Docker daemon: every recorded scenario (tests/fixtures/daemon/
// transcripts/, recorded by scripts/daemon/record.ts from Debian's dockerd 20.10 driven by the 28.2.2
// client) is replayed on a fresh simulated host and compared line by line after the recorder's own
// normalising (scripts/daemon/transcript.ts). Where 20.10 and Docker 28/29 differ, the fixture's
// `docker29` text is expected. Each scenario must agree on at least 90% of its lines, and every
// difference that remains is listed in KNOWN_DIFFERENCES with its reason: an unlisted one fails.

import type { ActualStep, Transcript } from '../../../scripts/daemon/transcript'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../lib/docker-sim/simulator'
import { findCatalogImage } from '../../../lib/docker/catalog'
import { compareTranscript } from '../../../scripts/daemon/transcript'

const DIR = join(import.meta.dirname, '../../fixtures/daemon/transcripts')
const HOME = '/home/student'
/** Over all transcripts: the bar. */
const MINIMUM_AGREEMENT = 0.9
/** A scenario may fall below the bar only through listed differences; this floor catches a collapse. */
const MINIMUM_SCENARIO_AGREEMENT = 0.6

interface KnownDifference {
  scenario: string
  /** A substring of the step's command. */
  command: string
  /** 'stdout' | 'stderr' | 'exit' | 'elapsed', or '*' for all of the step's. */
  stream: string
  reason: string
}

/**
 * The differences that remain, each with its reason. A difference that is not listed fails the test,
 * and so does a listed one that no longer happens (remove it then): this list is the documentation.
 */
const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  // The stand-in images (scripts/daemon/images.sh) where they are not the images students pull.
  { scenario: 'container-tools', command: 'docker exec box ps | cut -c7-', stream: 'stdout', reason: 'the busybox image\'s ps has a TIME column (PID USER TIME COMMAND, "    1 root      0:00 sh" in every busybox/alpine transcript); the stand-in\'s (Debian\'s BusyBox build) has none' },
  { scenario: 'container-tools', command: 'wget', stream: '*', reason: 'the progress line gives the size of http.server\'s listing of /, which lists the stand-in\'s own root folder (other entries than the simulated python:3.12\'s)' },
  { scenario: 'container-tools', command: 'docker run -it --rm -u nobody busybox sh', stream: 'stdout', reason: 'the stand-in\'s BusyBox (Debian\'s build) greets an interactive ash with its banner; the busybox image\'s build (FEATURE_SH_EXTRA_QUIET) does not, and the simulator follows the image' },
  { scenario: 'exec', command: 'docker exec box ps -o pid,args', stream: 'stdout', reason: 'python:3.12 has procps\' ps ("    PID COMMAND", buildpack-deps:scm installs procps); the stand-in has BusyBox\'s applets ("PID   COMMAND")' },
  { scenario: 'exec', command: 'docker exec -it box python3', stream: 'stdout', reason: 'Python runs in Pyodide: its banner names Pyodide\'s version, not the stand-in image\'s Debian python 3.11.2' },
  { scenario: 'flask', command: 'curl -s -i localhost:5000/nosuch', stream: 'stdout', reason: 'the Server header names the Werkzeug and Python of the image: the stand-in (flask-stack) has Debian\'s Werkzeug 2.2.2 on Python 3.11.2, the simulator the deck\'s pinned Werkzeug 3.1.8 (lib/docker-sim/programs/flask.ts)' },
  { scenario: 'flask', command: 'curl -s -i localhost:5001/', stream: 'stdout', reason: 'the Server header (see curl -s -i localhost:5000/nosuch)' },
  { scenario: 'flask', command: 'docker logs boom', stream: 'stderr', reason: 'Flask\'s own traceback frames are Flask 3.1.3\'s in the simulator (the deck\'s pin: app.py lines 1511/919/917/902, checked against pip\'s Flask 3.1.3 on this machine), Debian\'s 2.2.2 in the stand-in, and formatted by Python 3.14 as in python:3.14-slim (no line of carets under a call that is a whole assignment\'s value; the stand-in\'s 3.11 draws one); and the daemon gave boom the freed 172.17.0.2 again where the core\'s address allocator hands out the next one (lib/docker-sim/docker-host.ts attach)' },
  { scenario: 'flask', command: 'docker logs lonely', stream: 'stderr', reason: 'redis-py\'s own frames are left out (one labelled line each time) and Flask\'s are 3.1.3\'s (see docker logs boom); the error lines and the app\'s own frame are the same' },
  { scenario: 'flask', command: 'docker logs wrongport', stream: 'stderr', reason: 'redis-py\'s and Flask\'s frames (see docker logs lonely)' },
  { scenario: 'images', command: 'docker images --format \'{{.Repository}}:{{.Tag}}\'', stream: 'stdout', reason: 'order by creation time: the stand-in images were imported in another order than the catalog\'s publication dates' },
  { scenario: 'images', command: 'docker history busybox', stream: 'stdout', reason: 'the recorder\'s stand-in was made by `docker import` (history "Imported from -"); the simulator shows the real busybox image\'s history from its Dockerfile' },
  { scenario: 'images', command: 'docker history --no-trunc --format \'{{.CreatedBy}}\' busybox', stream: 'stdout', reason: 'stand-in history (see `docker history busybox`)' },
  { scenario: 'inspect-top', command: 'docker inspect web', stream: 'stdout', reason: 'the stand-in image carries the label reference.images.version (scripts/daemon/images.sh); the real python image has none' },
  { scenario: 'python', command: 'docker run -it --rm python:3.12', stream: 'stdout', reason: 'Python runs in Pyodide: its banner says so instead of the stand-in\'s "Python 3.11.2 (main, …) [GCC 12.2.0]"' },
  { scenario: 'python', command: 'docker run --rm python:3.12 python3 -c \'import flask\'', stream: 'stderr', reason: 'Pyodide has no flask package; the program says so on stderr (lib/docker-sim/programs/python.ts); the stand-in has Debian\'s python3-flask' },
  // Gaps of the simulator, each in the part of it that would fill it.
  { scenario: 'container-tools', command: 'touch /made-here', stream: '*', reason: 'simulated files have no owner and the file system checks no permission: a user other than root writes where only root may (lib/docker-sim/fs)' },
  { scenario: 'container-tools', command: 'touch /tmp/by-nobody', stream: 'stdout', reason: 'simulated files have no owner: `ls -l` shows root for a file nobody made (lib/docker-sim/fs and ls in programs)' },
  { scenario: 'exit-codes', command: 'docker run -it --rm python:3.12 python3 -c \'import time', stream: 'stdout', reason: 'Ctrl-C during time.sleep inside Pyodide: the KeyboardInterrupt traceback is the Python program\'s (lib/docker-sim/programs), which cannot interrupt a sleep inside Pyodide' },
  { scenario: 'interrupts', command: 'docker run --name fgpy python:3.12', stream: 'stderr', reason: 'the traceback of a KeyboardInterrupt during time.sleep comes from the Python program (Pyodide), which does not know the sleeping line (see lifecycle\'s docker logs pyint)' },
  { scenario: 'lifecycle', command: 'docker logs pyint', stream: 'stderr', reason: 'the traceback of a KeyboardInterrupt during time.sleep comes from the Python program (Pyodide), which does not know the sleeping line' },
  { scenario: 'ports', command: 'curl -s -o /dev/null -w \'%{http_code}', stream: 'stdout', reason: 'curl\'s -w option is not in the simulated curl (lib/docker-sim/programs)' },
  { scenario: 'ports', command: 'docker run -d --name clash -p 8093:8000', stream: '*', reason: 'the recorder started a host server with `(setsid … &)` in a subshell, which the host shell (lib/docker-sim/host) does not keep running, so the port is free in the simulator' },
  { scenario: 'ports', command: 'kill $(cat host-server.pid)', stream: '*', reason: 'the host server of the step before never ran (see the clash step), so the shell\'s `kill` finds no such process' },
]

function transcripts(): Transcript[] {
  return readdirSync(DIR).filter(name => name.endsWith('.json')).sort().map(name => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Transcript)
}

/** A fresh host holding the transcript's images (the recorder's stand-ins: no pull), and its files in the working folder. */
async function hostFor(transcript: Transcript): Promise<Simulator> {
  const sim = new Simulator()
  for (const standIn of transcript.images) {
    // A stand-in with packages installed (flask-stack): python:3.12 after the same `pip install`, built in the simulator.
    if (standIn.pip) {
      const context = `/tmp/stand-in-${standIn.name.replace(/\W/g, '-')}`
      sim.machine.fs.mkdir(context, { parents: true })
      sim.machine.fs.writeFile(`${context}/Dockerfile`, `FROM python:3.12\nRUN pip install --no-cache-dir ${standIn.pip.join(' ')}\n`)
      const built = await sim.run(`docker build -q -t ${standIn.name} ${context}`)
      expect(built.exit, built.stderr).toBe(0)
      sim.machine.fs.remove(context, { recursive: true })
      const image = sim.host.findImage(standIn.name)!
      image.config = { ...image.config, cmd: standIn.cmd, env: standIn.env.map(pair => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const) }
      continue
    }
    // "the same image as python:3.12 (another tag)": one image, several tags, as the recorder made them.
    const same = /^the same image as (\S+) \(another tag\)/.exec(standIn.standsFor)?.[1]
    const sameImage = same ? sim.host.findImage(same) : null
    if (sameImage) {
      sim.host.retag(sameImage, standIn.name)
      continue
    }
    const [repository, tag] = standIn.name.split(':') as [string, string]
    const entry = findCatalogImage(repository, tag) ?? findCatalogImage('python', '3.12')!
    const { image } = sim.host.addCatalogImage(entry, standIn.name)
    // The stand-in's own CMD and ENV: `docker inspect` and `env` show what the recorded image had.
    if (standIn.cmd)
      image.config = { ...image.config, cmd: standIn.cmd, env: standIn.env.map(pair => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const) }
  }
  for (const [path, content] of Object.entries(transcript.files)) {
    const full = `${HOME}/${path}`
    sim.machine.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { parents: true })
    sim.machine.fs.writeFile(full, content)
  }
  return sim
}

async function replay(transcript: Transcript): Promise<{ actual: ActualStep[], generatedNames: string[] }> {
  const sim = await hostFor(transcript)
  const actual: ActualStep[] = []
  for (const step of transcript.steps) {
    const before = sim.host.clock.now()
    const result = await sim.run(step.command, {
      tty: step.tty === true,
      input: step.input,
      mergeStreams: step.tty === true,
      interruptAfterMs: step.interruptAfter === undefined ? undefined : step.interruptAfter * 1000,
      interrupts: 3,
    })
    actual.push({
      stdout: result.stdout,
      stderr: result.stderr,
      exit: result.exit,
      ...(step.elapsedSeconds === undefined ? {} : { elapsedSeconds: (sim.host.clock.now() - before) / 1000 }),
    })
  }
  return { actual, generatedNames: [...sim.host.generatedNames] }
}

/** The entry for a difference: the one naming the most of its command (`docker images` vs `docker images -q busybox`). */
function documented(scenario: string, difference: { command: string, stream: string }): KnownDifference | undefined {
  return KNOWN_DIFFERENCES
    .filter(k => k.scenario === scenario && difference.command.includes(k.command) && (k.stream === '*' || k.stream === difference.stream))
    .sort((a, b) => b.command.length - a.command.length)[0]
}

describe('the simulator replays the real daemon\'s transcripts', () => {
  const all = transcripts()
  const totals = { identical: 0, total: 0 }
  const perScenario: string[] = []
  const used = new Set<KnownDifference>()

  it('has transcripts to replay', () => {
    expect(all.length).toBeGreaterThanOrEqual(10)
  })

  for (const transcript of all) {
    it(`${transcript.scenario}: every difference from the real daemon documented`, async () => {
      const { actual, generatedNames } = await replay(transcript)
      const comparison = compareTranscript(transcript, actual, { cwd: HOME, generatedNames })
      totals.identical += comparison.identicalLines
      totals.total += comparison.totalLines
      perScenario.push(`${transcript.scenario} ${comparison.identicalLines}/${comparison.totalLines}`)
      const undocumented = comparison.differences.filter((d) => {
        const known = documented(transcript.scenario, d)
        if (known)
          used.add(known)
        return !known
      })
      const report = undocumented.map(d => `step ${d.step} \`${d.command}\` ${d.stream}:\n  expected: ${JSON.stringify(d.expected)}\n  actual:   ${JSON.stringify(d.actual)}`).join('\n')
      expect(undocumented, report).toEqual([])
      expect(comparison.agreement, `${transcript.scenario}: ${comparison.identicalLines}/${comparison.totalLines}`).toBeGreaterThanOrEqual(MINIMUM_SCENARIO_AGREEMENT)
    }, 120_000)
  }

  it(`agrees on at least ${MINIMUM_AGREEMENT * 100}% of all recorded lines`, () => {
    expect(totals.total).toBeGreaterThan(1000)
    // The figures the note reports: lines identical after normalising, per scenario and in all.
    console.info(`transcript agreement: ${totals.identical}/${totals.total} (${(100 * totals.identical / totals.total).toFixed(1)}%); ${perScenario.join(', ')}`)
    expect(totals.identical / totals.total, `${totals.identical}/${totals.total}`).toBeGreaterThanOrEqual(MINIMUM_AGREEMENT)
  })

  it('lists no difference that no longer happens', () => {
    const stale = KNOWN_DIFFERENCES.filter(k => !used.has(k)).map(k => `${k.scenario}: ${k.command}`)
    expect(stale).toEqual([])
  })
})
