import { describe, expect, it } from 'vitest'
import { EXERCISES } from '../../../lib/exercises/index'
import { replay } from '../../../lib/exercises/replay'
import { ALTERNATIVES, WRONG_PATHS } from './paths'

// Python runs in Pyodide (python-versions): its first load takes seconds.
const SLOW = 60_000

describe('exercises as data', () => {
  it('has at least 12 exercises with unique ids, each with a solution, goals and hints', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(12)
    expect(new Set(EXERCISES.map(e => e.id)).size).toBe(EXERCISES.length)
    for (const exercise of EXERCISES) {
      expect(exercise.solutions.length, exercise.id).toBeGreaterThan(0)
      expect(exercise.goals.length, exercise.id).toBeGreaterThan(0)
      expect(exercise.hints.length, exercise.id).toBeGreaterThan(0)
      expect(exercise.steps.length, exercise.id).toBeGreaterThan(0)
    }
  })

  it('has tests for every hint written: each is some wrong path\'s intended hint', () => {
    for (const exercise of EXERCISES) {
      const tested = new Set((WRONG_PATHS[exercise.id] ?? []).map(path => path.hint))
      expect(exercise.hints.map(h => h.id).filter(id => !tested.has(id)), exercise.id).toEqual([])
    }
  })

  it('has an alternative valid path for every exercise', () => {
    for (const exercise of EXERCISES)
      expect(ALTERNATIVES[exercise.id]?.length ?? 0, exercise.id).toBeGreaterThan(0)
  })
})

for (const exercise of EXERCISES) {
  describe(exercise.id, () => {
    it('is not passed from its starting state', async () => {
      const result = await replay(exercise, { commands: [] })
      expect(result.passed).toBe(false)
    })
    exercise.solutions.forEach((solution, index) => {
      it(`passes with reference solution ${index + 1}`, async () => {
        const result = await replay(exercise, solution)
        expect(result.hints).toEqual([])
        expect(result.passed).toBe(true)
      }, SLOW)
    })
    for (const attempt of ALTERNATIVES[exercise.id] ?? []) {
      it(`passes another way: ${attempt.commands.join(' ; ')}`, async () => {
        const result = await replay(exercise, attempt)
        expect(result.hints).toEqual([])
        expect(result.passed).toBe(true)
      }, SLOW)
    }
    for (const wrong of WRONG_PATHS[exercise.id] ?? []) {
      it(`fails with hint ${wrong.hint}: ${wrong.commands.join(' ; ')}`, async () => {
        const result = await replay(exercise, wrong)
        expect(result.passed).toBe(false)
        expect(result.hints[0]?.id).toBe(wrong.hint)
      }, SLOW)
    }
  })
}
