// @vitest-environment happy-dom
// The handout's exercise appendix: every exercise, with its slide, task, steps, expected output and
// reference solution, built as the printed page builds it.
import { describe, expect, it } from 'vitest'
import { EXERCISES } from '../../../lib/exercises/index'
import { APPENDIX_TITLE, appendixExercises, solutionsAppendix } from '../../../scripts/deck/exercise-appendix'

const slides = [
  { no: 12, title: 'Exercise: The same line under Python 3.5 and 3.12' },
  { no: 30, title: 'Try it: logs of a background container' },
  { no: 31, title: `Exercise: ${EXERCISES.find(e => e.id === 'background-logs')!.title}` },
]

describe('exercise appendix', () => {
  it('takes every exercise in order, with the slide that holds its box (null when none does)', () => {
    const data = appendixExercises(EXERCISES, slides)
    expect(data.map(e => e.id)).toEqual(EXERCISES.map(e => e.id))
    expect(data.find(e => e.id === 'python-versions')!.slideNo).toBe(12)
    expect(data.find(e => e.id === 'background-logs')!.slideNo).toBe(31)
    expect(data.find(e => e.id === 'named-volume')!.slideNo).toBeNull()
    // Plain data: it travels to the page as JSON.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
  })

  it('prints each exercise\'s task, numbered steps, expected output and solution (Dockerfile too)', () => {
    const section = solutionsAppendix(appendixExercises(EXERCISES, slides), APPENDIX_TITLE)
    expect(section.querySelector('h2')!.textContent).toBe(APPENDIX_TITLE)
    const blocks = [...section.querySelectorAll('article.handout-solution')]
    expect(blocks).toHaveLength(EXERCISES.length)
    EXERCISES.forEach((exercise, index) => {
      const block = blocks[index]!
      expect(block.getAttribute('data-exercise')).toBe(exercise.id)
      expect(block.querySelector('h3')!.textContent).toContain(`${index + 1}. ${exercise.title}`)
      // Backquoted words are code, without their backquotes.
      const task = block.querySelector('.handout-solution-task')!
      expect(task.textContent).toBe(exercise.task.replace(/`([^`\n]+)`/g, '$1'))
      expect([...task.querySelectorAll('code')].map(code => code.textContent)).toEqual([...exercise.task.matchAll(/`([^`\n]+)`/g)].map(match => match[1]))
      expect([...block.querySelectorAll('.handout-solution-steps li')].map(li => li.textContent)).toEqual(exercise.steps)
      expect(block.querySelector('.handout-solution-expected')!.textContent).toBe(exercise.expectedOutput)
      expect([...block.querySelectorAll('.handout-solution-commands')].map(pre => pre.textContent)).toEqual(exercise.solutions.map(s => s.commands.join('\n')))
      const dockerfiles = exercise.solutions.flatMap(s => s.dockerfile === undefined ? [] : [s.dockerfile.trimEnd()])
      expect([...block.querySelectorAll('.handout-solution-dockerfile')].map(pre => pre.textContent)).toEqual(dockerfiles)
    })
    expect(blocks[0]!.querySelector('.handout-solution-slide')!.textContent).toBe('slide 12')
    expect(section.querySelector('[data-exercise="dockerize-flask"] .handout-solution-dockerfile')!.textContent).toContain('FROM python:')
  })
})
