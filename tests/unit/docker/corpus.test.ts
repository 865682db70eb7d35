import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker/index'

interface CorpusLine {
  input: string
  docker: boolean
  accepted: boolean
  message: string
}

const corpus: CorpusLine[] = readFileSync(resolve(__dirname, '../../fixtures/docker-corpus/corpus.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(line => JSON.parse(line))

// The compose plugin is not installed where the corpus was recorded: its answers say nothing.
const judged = corpus.filter(line => !/^docker\s+compose\b/.test(line.input))

describe('corpus: the engine agrees with the real docker client', () => {
  it('has a corpus with both accepted and refused commands', () => {
    expect(judged.length).toBeGreaterThan(200)
    expect(judged.filter(l => !l.accepted).length).toBeGreaterThan(60)
  })

  it.each(judged.filter(l => l.accepted).map(l => [l.input] as const))('%s is explained part by part, in words', (input) => {
    const [e] = explain(input)
    expect(e!.summary.length, 'summary').toBeGreaterThan(20)
    const words = e!.input.split(/\s+/).filter(Boolean).length
    expect(e!.segments.length, 'segments').toBeGreaterThan(0)
    // Every character that is not blank belongs to an explained part.
    const covered = new Set<number>()
    for (const s of e!.segments) {
      for (let i = s.start; i < s.end; i++) covered.add(i)
    }
    const loose = [...e!.input].flatMap((c, i) => (/\s|\\/.test(c) || covered.has(i) ? [] : [i]))
    expect(loose, `${words} words; characters no part explains`).toEqual([])
    for (const s of e!.segments) {
      expect(s.kind, s.text).not.toBe('unknown')
      expect(s.explanation.length, s.text).toBeGreaterThan(5)
      expect(s.explanation, s.text).not.toMatch(/\bundefined\b|\bNaN\b|\[object |\{value\}|\bnull\b(?!`)/)
    }
    expect(e!.summary).not.toMatch(/\bundefined\b|\bNaN\b|\[object |\{value\}/)
  })

  it.each(judged.map(l => [l.input, l.accepted, l.message] as const))('%s → accepted: %s', (input, accepted, message) => {
    const all = explain(input)
    expect(all).toHaveLength(1)
    const e = all[0]!
    const why = `docker said: ${message}\nengine said: ${e.errors.map(x => x.message).join(' | ')}`
    expect(e.ok, why).toBe(accepted)
  })
})
