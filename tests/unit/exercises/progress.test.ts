import { describe, expect, it } from 'vitest'
import { exportCode, importCode, parseSavedProgress } from '../../../lib/exercises/progress'

describe('exercise progress', () => {
  it('round-trips the passed exercises through an export code', () => {
    const code = exportCode(['stop-and-remove', 'named-volume'])
    expect(code).toMatch(/^DKX1-[\w-]+$/)
    expect(importCode(code)).toEqual({ ok: true, passed: ['named-volume', 'stop-and-remove'] })
    expect(importCode(exportCode([]))).toEqual({ ok: true, passed: [] })
  })

  it('refuses a foreign, damaged or unknown code with the reason', () => {
    expect(importCode('hello')).toMatchObject({ ok: false, error: expect.stringContaining('DKX1-') })
    expect(importCode('DKX1-%%%')).toMatchObject({ ok: false, error: expect.stringContaining('damaged') })
    expect(importCode(`DKX1-${btoa('named-volume,no-such')}`)).toMatchObject({ ok: false, error: expect.stringContaining('no-such') })
  })

  it('keeps only well-formed saved entries of known exercises', () => {
    const baseline = { containerIds: [], volumeNames: [], imageIds: [] }
    const text = JSON.stringify({ 'named-volume': { reached: [], passed: true, baseline }, 'gone': { reached: [], passed: true, baseline }, 'stop-and-remove': { passed: 'yes' } })
    expect(parseSavedProgress(text)).toEqual({ 'named-volume': { reached: [], passed: true, baseline } })
    expect(parseSavedProgress('{not json')).toEqual({})
  })
})
