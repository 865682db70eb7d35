// composerize's own test suite (transcribed as data in tests/fixtures/compose/composerize/cases.json,
// with the docker client's verdict on each command) run against our converter, compared by meaning:
// the same services with the same settings, whatever the YAML layout, list-or-mapping form, quoting,
// service key or key order. Where we differ, differences.json says why.
import { describe, expect, it } from 'vitest'
import { cases, compare, differences } from './composerize-compare'

const verdicts = cases.map(testCase => ({ testCase, difference: compare(testCase) }))

describe('composerize\'s test suite, compared by meaning', () => {
  it('is transcribed whole: 87 cases from its two test files', () => {
    expect(cases).toHaveLength(87)
    expect(new Set(cases.map(c => c.source.split('#')[0]))).toEqual(new Set([
      'https://github.com/composerize/composerize/blob/92bbdba613a61cba8a78d7c70219d5090010935f/packages/composerize/__tests__/index.test.js',
      'https://github.com/composerize/composerize/blob/92bbdba613a61cba8a78d7c70219d5090010935f/packages/composerize/__tests__/mappings.test.js',
    ]))
  })

  it('at least 90% of the cases give the same services', () => {
    const same = verdicts.filter(v => v.difference === null).length
    expect(same / cases.length).toBeGreaterThanOrEqual(0.9)
  })

  it('every case whose commands the docker client accepts gives the same services, or a listed reason', () => {
    const unexplained = verdicts.filter(v => v.testCase.dockerClient.accepted && v.difference !== null && !differences.differences[v.testCase.source])
    expect(unexplained.map(v => [v.testCase.source, v.testCase.title, v.difference])).toEqual([])
  })

  it('the list of differences is exactly the cases that differ', () => {
    const differing = verdicts.filter(v => v.difference !== null).map(v => v.testCase.source).sort()
    expect(differing).toEqual(Object.keys(differences.differences).sort())
  })
})
