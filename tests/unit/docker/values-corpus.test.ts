// The value parsers against the docker client: every line of values-corpus.jsonl was recorded
// by scripts/capture-docker-help.ts from the client on this machine. A value the client lets
// through may still be refused by the daemon: the parsers then add a `daemon` note to the result.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findFlag, resolveCommand } from '../../../lib/docker/grammar'
import { checkFlagValue, parseImageReference } from '../../../lib/docker/values'

interface CorpusLine {
  command: string[]
  flag?: string
  value?: string
  image?: string
  accepted: boolean
  error?: string
}

const corpus = readFileSync(join(import.meta.dirname, '../../fixtures/docker-help/values-corpus.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map(line => JSON.parse(line) as CorpusLine)

describe('values the client was given', () => {
  it('the corpus has both accepted and refused values', () => {
    expect(corpus.filter(line => line.accepted).length).toBeGreaterThan(100)
    expect(corpus.filter(line => !line.accepted).length).toBeGreaterThan(100)
  })

  const flagCases = corpus.filter(line => line.flag !== undefined)
  it.each(flagCases.map(line => [`${line.command.join(' ')} --${line.flag}=${JSON.stringify(line.value)}`, line] as const))(
    'docker %s',
    (_, line) => {
      const spec = resolveCommand(line.command)?.spec
      const flag = spec && findFlag(spec, line.flag ?? '', false)
      expect(flag).toBeDefined()
      if (!flag)
        return
      const result = checkFlagValue(flag, line.value ?? '')
      expect(result.ok, line.error ?? 'accepted by the client').toBe(line.accepted)
      if (!result.ok) {
        expect(result.start).toBeGreaterThanOrEqual(0)
        expect(result.end).toBeLessThanOrEqual((line.value ?? '').length)
        expect(result.start).toBeLessThanOrEqual(result.end)
      }
    },
  )

  const imageCases = corpus.filter(line => line.image !== undefined)
  it.each(imageCases.map(line => [line.image ?? '', line] as const))('docker run %s', (image, line) => {
    const result = parseImageReference(image)
    expect(result.ok, line.error ?? 'accepted by the client').toBe(line.accepted)
    if (!result.ok && line.error) {
      // Same wording as docker, after its "docker: " prefix.
      expect(line.error.replace(/^docker: /, '')).toBe(result.message)
    }
  })
})
