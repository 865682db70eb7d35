// The deck checks itself against the simulated host (lib/docker-sim, whose own tests compare it with a
// real daemon):
//   - every output the deck promises (lib/deck/promises.ts, in the page's own words) is what the
//     simulated host prints;
//   - every docker command on the slides and in the notes runs in a fresh simulated host without a
//     "not simulated" answer, except the gaps listed below, each with why. The list is a ratchet: a new
//     gap fails, and so does a listed gap the simulator has closed (remove it then).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandsInFile, placeholderReason } from '../../../lib/deck/commands'
import { PROMISED_OUTPUTS } from '../../../lib/deck/promises'

const ROOT = join(import.meta.dirname, '../../..')
const SIMULATOR = join(ROOT, 'lib/docker-sim/simulator.ts')
/** How the simulator marks what it does not model (lib/docker-sim/messages.ts NOT_SIMULATED, and programs' notes). */
const NOT_SIMULATED = /not simulated|\[simulator\]/

/** Commands the simulated host answers with "not simulated" today, each run alone in a fresh host. */
const KNOWN_GAPS: Readonly<Record<string, string>> = {
  'docker context': 'contexts are not modelled',
  'docker login': 'registries are not modelled',
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

const simulatorMissing = existsSync(SIMULATOR) ? null : `${relative(ROOT, SIMULATOR)} does not exist yet`

describe.skipIf(simulatorMissing !== null)(`the deck against the simulated host${simulatorMissing ? ` (skipped: ${simulatorMissing})` : ''}`, async () => {
  const { Simulator } = await import('../../../lib/docker-sim/simulator')

  describe('promised outputs', () => {
    for (const promise of PROMISED_OUTPUTS) {
      it(`${promise.page}: ${promise.command} → ${promise.shown}`, async () => {
        expect(readFileSync(join(ROOT, promise.page), 'utf8'), `${promise.page} no longer says this`).toContain(promise.shown)
        const simulator = new Simulator()
        if (promise.snippet) {
          const home = `/home/student/${promise.snippet}`
          simulator.host.hostFiles.mkdir(home, { parents: true })
          for (const name of readdirSync(join(ROOT, 'snippets', promise.snippet)))
            simulator.host.hostFiles.writeFile(`${home}/${name}`, readFileSync(join(ROOT, 'snippets', promise.snippet, name), 'utf8'))
          await simulator.run(`cd ${home}`)
        }
        for (const step of promise.setup ?? []) {
          const result = await simulator.run(step, { input: [] })
          expect(`${result.stdout}${result.stderr}`, `setup step \`${step}\``).not.toMatch(NOT_SIMULATED)
        }
        const result = await simulator.run(promise.command, { input: promise.input ?? [] })
        const expected = promise.output ?? promise.shown
        const printed = result[promise.stream]
        if (typeof expected === 'string')
          expect(printed).toContain(expected)
        else
          expect(printed).toMatch(expected)
        if (promise.exit !== undefined)
          expect(result.exit).toBe(promise.exit)
      }, 60_000) // the first Python program loads Pyodide
    }
  })

  it('every docker command of the slides and notes runs without a "not simulated" answer, but the listed gaps', async () => {
    const files = [join(ROOT, 'slides.md'), ...filesUnder(join(ROOT, 'pages')), ...filesUnder(join(ROOT, 'snippets'))]
    const commands = [...new Set(files
      .flatMap(path => commandsInFile(relative(ROOT, path), readFileSync(path, 'utf8')))
      .filter(command => placeholderReason(command.text) === null)
      .map(command => command.text))]
    expect(commands.length).toBeGreaterThan(50)
    const gaps: Record<string, string> = {}
    for (const command of commands) {
      const result = await new Simulator().run(command, { input: [], maxSimulatedMs: 3_000 })
      const answer = `${result.stdout}${result.stderr}`.split('\n').find(line => NOT_SIMULATED.test(line))
      if (answer)
        gaps[command] = answer
    }
    const unexpected = Object.keys(gaps).filter(command => !(command in KNOWN_GAPS)).map(command => `${command}\n    ${gaps[command]}`)
    const closed = Object.keys(KNOWN_GAPS).filter(command => !(command in gaps) && commands.includes(command))
    expect(unexpected, 'new "not simulated" answers').toEqual([])
    expect(closed, 'gaps the simulator has closed: remove them from KNOWN_GAPS').toEqual([])
  }, 120_000)
})
