import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBuildCase } from '../../../scripts/daemon/build-cache'
import { parseScenario, ScenarioError } from '../../../scripts/daemon/scenario'

const FIXTURES = join(import.meta.dirname, '../../fixtures/daemon')

describe('scenario files', () => {
  it('reads plain lines and mappings with their options', () => {
    const s = parseScenario('demo', `title: Demo
files:
  app.py: print(1)
steps:
  - docker run busybox echo hi
  - run: docker stop web
    timed: true
  - run: docker run -it --rm busybox sh
    tty: true
    input: [echo hi, exit]
  - run: docker logs -f web
    interruptAfter: 2
  - run: docker rm web
    docker29:
      stderr: "Error response from daemon: ..."
      source: moby daemon/delete.go
`)
    expect(s.files).toEqual({ 'app.py': 'print(1)' })
    expect(s.steps.map(step => [step.run, step.tty, step.timed, step.input.length, step.interruptAfter])).toEqual([
      ['docker run busybox echo hi', false, false, 0, undefined],
      ['docker stop web', false, true, 0, undefined],
      ['docker run -it --rm busybox sh', true, false, 2, undefined],
      ['docker logs -f web', false, false, 0, 2],
      ['docker rm web', false, false, 0, undefined],
    ])
    expect(s.steps[4]!.docker29?.source).toBe('moby daemon/delete.go')
  })

  it.each([
    ['steps: []\ntitle: x', /steps must be a non-empty list/],
    ['title: x\nsteps: [1]', /step 1: expected a command line/],
    ['title: x\nsteps:\n  - run: ls\n    tyy: true', /step 1 \(ls\): unknown key tyy/],
    ['title: x\nsteps:\n  - run: ls\n    input: [a]', /input is typed into a terminal/],
    ['title: x\nsteps:\n  - run: ls\n    docker29: { stderr: x }', /source must name/],
    ['title: x\nsteps:\n  - run: ls\n    docker29: { source: y }', /stdout, stderr, exit\) or a note/],
    ['title: x\nfiles: { /etc/passwd: x }\nsteps: [ls]', /relative path/],
    ['title: x\nsteps: [ls]\nextra: 1', /unknown key extra/],
    ['title: [unclosed', /not valid YAML/],
  ])('refuses %j with a message saying where', (text, message) => {
    expect(() => parseScenario('bad', text)).toThrow(ScenarioError)
    expect(() => parseScenario('bad', text)).toThrow(message)
  })

  it('every committed scenario parses and has a transcript with its steps', () => {
    const names = readdirSync(join(FIXTURES, 'scenarios')).filter(f => f.endsWith('.yaml'))
    expect(names.length).toBeGreaterThan(0)
    for (const file of names) {
      const s = parseScenario(file, readFileSync(join(FIXTURES, 'scenarios', file), 'utf8'))
      const transcript = JSON.parse(readFileSync(join(FIXTURES, 'transcripts', file.replace(/\.yaml$/, '.json')), 'utf8'))
      expect(transcript.steps.map((step: { command: string }) => step.command), file).toEqual(s.steps.map(step => step.run))
    }
  })

  it('every committed build-cache case parses and has a record with one build per edit plus the first', () => {
    const names = readdirSync(join(FIXTURES, 'build-cache/cases')).filter(f => f.endsWith('.yaml'))
    for (const file of names) {
      const c = parseBuildCase(file, readFileSync(join(FIXTURES, 'build-cache/cases', file), 'utf8'))
      const record = JSON.parse(readFileSync(join(FIXTURES, 'build-cache', file.replace(/\.yaml$/, '.json')), 'utf8'))
      expect(record.builds.map((b: { edit: string }) => b.edit), file).toEqual(['initial', ...c.edits.map(e => e.name)])
    }
  })
})
