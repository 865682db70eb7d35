// The deck keeps the draft's outline: every title of tests/fixtures/draft-titles.json is the title of a
// slide, in the same order (the deck may add slides in between).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/deck'
import { PROJECT_ROOT } from './support/deck-env'

const FIXTURE = 'tests/fixtures/draft-titles.json'

/** Same title whatever the quote style: the draft may use typographic quotes where the deck types ' and ". */
function normalizeTitle(title: string): string {
  return title.replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim()
}

function draftTitles(): string[] {
  const parsed: unknown = JSON.parse(readFileSync(join(PROJECT_ROOT, FIXTURE), 'utf8'))
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(title => typeof title === 'string' && title.trim()))
    throw new Error(`${FIXTURE} must be a non-empty JSON array of non-empty strings`)
  return parsed.map(normalizeTitle)
}

/** Problems found matching `draft` in order against `deck` (greedy: each title takes the next fitting slide). */
function outlineProblems(draft: string[], deck: string[]): string[] {
  const problems: string[] = []
  let from = 0
  for (const [index, title] of draft.entries()) {
    const at = deck.indexOf(title, from)
    if (at >= 0) {
      from = at + 1
      continue
    }
    const elsewhere = deck.indexOf(title)
    problems.push(elsewhere >= 0
      ? `draft title ${index + 1} "${title}" is on slide ${elsewhere + 1}, out of order (expected after slide ${from})`
      : `draft title ${index + 1} "${title}" is not the title of any slide`)
  }
  return problems
}

test('the deck has every draft title as a slide title, in the draft\'s order', async ({ deck }) => {
  const draft = draftTitles()
  await deck.open(1)
  const titles = (await deck.titles()).map(normalizeTitle)
  const numbered = titles.map((title, index) => `${index + 1}. ${title || '(untitled)'}`).join('\n')
  await test.info().attach('deck titles', { body: numbered, contentType: 'text/plain' })
  expect(outlineProblems(draft, titles), `deck titles:\n${numbered}`).toEqual([])
})
