// Every slide, at every click step: no console error or warning, nothing loaded from outside, nothing
// running off the slide or cut off inside it, every code token at 4.5:1 or more, pictures with a text alternative, no serious accessibility violation, links
// that lead somewhere. At the last click step: a screenshot compared with the committed baseline.
// Runs in the `light` and `dark` projects (colour scheme emulated; the deck follows it).
import { expect, test } from './support/deck'
import { accessibilityProblems, clippingProblems, codeContrastProblems, imageProblems, linkReport, overflowProblems, typeSizeProblems } from './support/gates'
import { deckSlides, slideName } from './support/slides'

for (const slide of deckSlides()) {
  const name = slideName(slide)

  test(name, async ({ deck }, testInfo) => {
    const scheme = testInfo.project.name
    const first = await deck.open(slide.no)
    expect(first.currentPage, `${name} should open at #/${slide.no}`).toBe(slide.no)

    for (let clicks = 0; clicks <= first.clicksTotal; clicks++) {
      const where = `${name}, click ${clicks}/${first.clicksTotal}, ${scheme}`
      await test.step(`click ${clicks}/${first.clicksTotal}`, async () => {
        if (clicks > 0)
          await deck.open(slide.no, clicks)
        deck.expectNoProblems(where)
        expect.soft(await overflowProblems(deck.page, slide.no), `${where}: content runs off the slide`).toEqual([])
        expect.soft(await clippingProblems(deck.page, slide.no), `${where}: content cut off`).toEqual([])
        expect.soft(await codeContrastProblems(deck.page, slide.no), `${where}: code below 4.5:1`).toEqual([])
        expect.soft(await typeSizeProblems(deck.page, slide.no), `${where}: type too small for the room`).toEqual([])
        expect.soft(await imageProblems(deck.page, slide.no), `${where}: pictures need a text alternative`).toEqual([])
        expect.soft(await accessibilityProblems(deck.page), `${where}: serious or critical accessibility violations`).toEqual([])
        // Links do not depend on the colour scheme: checked once, in the light run.
        if (scheme === 'light') {
          const links = await linkReport(deck.page, slide.no, deck.origin, first.total)
          expect.soft(links.problems, `${where}: links`).toEqual([])
        }
        deck.expectNoProblems(where)
      })
    }

    await test.step('screenshot at the last click step', async () => {
      await expect.soft(deck.canvas, `${name} (${scheme}) looks as in its baseline`)
        .toHaveScreenshot(`slide-${String(slide.no).padStart(2, '0')}.png`)
    })
  })
}
