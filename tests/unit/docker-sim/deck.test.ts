// Every docker command of the slides, their notes and the snippets runs in the simulated host with no
// "not simulated" answer (item 4 of issue 12). The commands run in the deck's own order in one host, so a
// later slide finds what an earlier one made (the image a build made, the container a run started), as in
// class; the student's folder is the one the slides work in (snippets/…) when a command needs it.
// The only exceptions are listed in NEEDS_WHAT_THE_SIMULATOR_CANNOT_BE, each with its reason.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandsInFile, placeholderReason } from '../../../lib/deck/commands'
import { Simulator } from '../../../lib/docker-sim/simulator'

const ROOT = join(import.meta.dirname, '../../..')
const NOT_SIMULATED = /not simulated|\[simulator\]/

/**
 * The exceptions, each with why. A ratchet: an unlisted "not simulated" fails, and so does a listed
 * command that now runs (remove it then).
 */
const NEEDS_WHAT_THE_SIMULATOR_CANNOT_BE: Readonly<Record<string, string>> = {
  'docker exec -it ollama ollama run llama3.2':
    'downloads a 2 GB model from the internet first: the simulated host has no network, and the ollama program says so',
}

/** Gaps recognised by the answer itself (one program behind several commands), each with why; a ratchet too. */
const PENDING_PROGRAMS: readonly { answer: RegExp, reason: string }[] = []

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** The folder a command expects to be run in: builds and compose work in the snippet folder of the slide. */
function folderFor(command: string, file: string): string | null {
  if (/docker (?:build|compose)/.test(command)) {
    if (/flask-random|flask_app/.test(command) || file.includes('10-'))
      return 'snippets/flask_app'
    if (/compose/.test(command))
      return 'snippets/flask_redis'
    return 'snippets/example_dockerfile_1'
  }
  return null
}

describe('the deck\'s docker commands in the simulated host', () => {
  const files = [join(ROOT, 'slides.md'), ...filesUnder(join(ROOT, 'pages')), ...filesUnder(join(ROOT, 'snippets'))]
  const found = files.flatMap(path => commandsInFile(relative(ROOT, path), readFileSync(path, 'utf8')).sort((a, b) => a.line - b.line))
    .filter(command => placeholderReason(command.text) === null)
    // A bare name in prose (`docker run`) names a command; it is not one to run.
    .filter(command => /\s-|\s\S+\s|\s[\w./:-]+$/.test(command.text.replace(/^docker\s+(?:compose\s+)?\S+/, '')) || command.text.split(/\s+/).length > 3)

  it('finds the deck\'s commands', () => {
    expect(found.length).toBeGreaterThan(40)
  })

  it('runs every one with no "not simulated" answer but the listed ones', async () => {
    const simulator = new Simulator()
    const answers: string[] = []
    const excepted = new Set<string>()
    const pendingSeen = new Set<(typeof PENDING_PROGRAMS)[number]>()
    for (const command of found) {
      const folder = folderFor(command.text, command.file)
      const cd = await simulator.run(`cd /home/student/${folder ?? ''}`)
      expect(cd.exit, `cd to ${folder}: ${cd.stderr}`).toBe(0)
      const result = await simulator.run(command.text, { input: [], maxSimulatedMs: 3_000 })
      const line = `${result.stdout}${result.stderr}`.split('\n').find(text => NOT_SIMULATED.test(text))
      const pending = line ? PENDING_PROGRAMS.find(p => p.answer.test(line)) : undefined
      if (pending)
        pendingSeen.add(pending)
      else if (line && command.text in NEEDS_WHAT_THE_SIMULATOR_CANNOT_BE)
        excepted.add(command.text)
      else if (line)
        answers.push(`${command.file}:${command.line} \`${command.text}\`\n    ${line}`)
      expect(`${result.stderr}`, command.text).not.toContain('internal error')
    }
    expect(answers, `"not simulated" answers:\n${answers.join('\n')}`).toEqual([])
    const closed = Object.keys(NEEDS_WHAT_THE_SIMULATOR_CANNOT_BE).filter(text => found.some(c => c.text === text) && !excepted.has(text))
    expect(closed, 'listed exceptions that now run: remove them').toEqual([])
    expect(PENDING_PROGRAMS.filter(p => !pendingSeen.has(p)).map(p => p.reason), 'pending programs that now run: remove them').toEqual([])
  }, 300_000)
})
