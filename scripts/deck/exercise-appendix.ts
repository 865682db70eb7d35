// The handout's last pages: every exercise with its task, steps, expected output and reference
// solution, for a student working from paper. The data is read from lib/exercises in Node; the page is
// built in the printed deck (page.evaluate), so `solutionsAppendix` is self-contained and plain DOM
// (its source text is sent to the page; tests run it in happy-dom).

import type { Exercise } from '../../lib/exercises/types'
import type { TextRun } from '../../lib/text/inline-code'
import { splitInlineCode } from '../../lib/text/inline-code'

export const APPENDIX_TITLE = 'Appendix: exercise solutions'

/** What the appendix prints of one exercise: plain data, sent to the page as JSON. */
export interface AppendixExercise {
  id: string
  title: string
  /** The slide that holds the exercise's box ("Exercise: <title>"), when the deck has one. */
  slideNo: number | null
  /** The task, its `backquoted` words as code runs. */
  task: TextRun[]
  steps: string[]
  expectedOutput: string
  solutions: { commands: string[], dockerfile?: string }[]
  notChecked?: string
}

/** The exercises in the deck's order, each with the number of its slide. */
export function appendixExercises(exercises: readonly Exercise[], slides: readonly { no: number, title: string }[]): AppendixExercise[] {
  return exercises.map((exercise) => {
    const slide = slides.find(candidate => candidate.title === `Exercise: ${exercise.title}`)
    return {
      id: exercise.id,
      title: exercise.title,
      slideNo: slide?.no ?? null,
      task: splitInlineCode(exercise.task),
      steps: [...exercise.steps],
      expectedOutput: exercise.expectedOutput,
      solutions: exercise.solutions.map(solution => solution.dockerfile === undefined
        ? { commands: [...solution.commands] }
        : { commands: [...solution.commands], dockerfile: solution.dockerfile }),
      ...(exercise.notChecked ? { notChecked: exercise.notChecked } : {}),
    }
  })
}

/**
 * The appendix as a section of the printed page: a heading, a line on how to read it, then one block
 * per exercise (its number and slide, task, numbered steps, expected output, the reference solution's
 * commands and Dockerfile, and what the check does not see).
 */
export function solutionsAppendix(exercises: AppendixExercise[], title: string): HTMLElement {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const made = document.createElement(tag)
    if (className)
      made.className = className
    if (text !== undefined)
      made.textContent = text
    return made
  }
  const section = element('section', 'handout-solutions-page')
  section.append(element('h2', '', title))
  section.append(element('p', 'handout-solutions-intro', 'One way to reach each exercise\'s goal. The boxes on the slides check the machine\'s state, not the commands typed: any other path to the same state passes too.'))
  const list = element('div', 'handout-solutions')
  exercises.forEach((exercise, index) => {
    const block = element('article', 'handout-solution')
    block.dataset.exercise = exercise.id
    const heading = element('h3', '', `${index + 1}. ${exercise.title}`)
    if (exercise.slideNo !== null)
      heading.append(element('span', 'handout-solution-slide', `slide ${exercise.slideNo}`))
    const task = element('p', 'handout-solution-task')
    task.append(...exercise.task.map(run => run.code ? element('code', '', run.text) : document.createTextNode(run.text)))
    block.append(heading, task)
    block.append(element('p', 'handout-solution-label', 'Steps'))
    const steps = element('ol', 'handout-solution-steps')
    for (const step of exercise.steps) {
      const item = element('li', '')
      item.append(element('code', '', step))
      steps.append(item)
    }
    block.append(steps)
    block.append(element('p', 'handout-solution-label', 'Expected output'), element('pre', 'handout-solution-expected', exercise.expectedOutput))
    exercise.solutions.forEach((solution, n) => {
      const label = exercise.solutions.length > 1 ? `Reference solution ${n + 1}` : 'Reference solution'
      if (solution.dockerfile !== undefined)
        block.append(element('p', 'handout-solution-label', `${label}: the Dockerfile`), element('pre', 'handout-solution-dockerfile', solution.dockerfile.trimEnd()))
      block.append(element('p', 'handout-solution-label', solution.dockerfile === undefined ? label : `${label}: the commands`), element('pre', 'handout-solution-commands', solution.commands.join('\n')))
    })
    if (exercise.notChecked)
      block.append(element('p', 'handout-solution-note', `Not checked: ${exercise.notChecked}`))
    list.append(block)
  })
  section.append(list)
  return section
}
