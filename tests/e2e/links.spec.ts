// All links of the deck in one place. Same-origin targets are fetched (200 expected) and `#/N` must
// name a slide; external https links cannot be reached from a closed network, so they are checked for
// form (https, new tab, rel noopener) and listed in this test's output for a person to follow.
import type { SlideLink } from './support/probes'
import { expect, test } from './support/deck'
import { linkReport } from './support/gates'
import { deckSlides, slideName } from './support/slides'

test('every link of the deck leads somewhere; external links are listed', async ({ deck }) => {
  test.setTimeout(300_000)
  const problems: string[] = []
  const external = new Map<string, string[]>()
  let total = 0
  for (const slide of deckSlides()) {
    const state = await deck.openLastStep(slide.no)
    total = state.total
    const report = await linkReport(deck.page, slide.no, deck.origin, state.total)
    problems.push(...report.problems.map(problem => `${slideName(slide)}: ${problem}`))
    for (const link of report.external as SlideLink[])
      external.set(link.url, [...(external.get(link.url) ?? []), `slide ${slide.no}`])
    deck.expectNoProblems(slideName(slide))
  }

  const listing = [...external.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([url, slides]) => `${url}  (${[...new Set(slides)].join(', ')})`)
    .join('\n')
  console.log(`External links in the deck (${external.size}, not reachable offline; follow them by hand):\n${listing || '(none)'}`)
  await test.info().attach('external links', { body: listing || '(none)', contentType: 'text/plain' })
  expect(total, 'the deck should have slides').toBeGreaterThan(0)
  expect(problems).toEqual([])
})
