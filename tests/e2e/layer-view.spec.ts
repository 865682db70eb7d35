// The layer view on the building slide: trying "Edit app.py" marks only the steps after the COPY that copies
// app.py as run again; the steps before it stay CACHED, and typing in the Dockerfile updates the stack.
import { expect, test } from './support/deck'
import { deckSlides, slideName } from './support/slides'

/** The slide the lead places <LayerView> on (see /tmp/coord/layer-view.md). */
const LAYER_SLIDE = /layers and the build cache/i

function findSlide() {
  const slide = deckSlides().find(candidate => LAYER_SLIDE.test(candidate.title))
  if (!slide)
    throw new Error(`no slide whose title matches ${LAYER_SLIDE} in the built deck: the layer view is not placed`)
  return slide
}

test.describe('layer view', () => {
  const slide = findSlide()

  test(`${slideName(slide)}: editing app.py marks only the later steps as rebuilt`, async ({ deck }) => {
    await deck.open(slide.no)
    const view = deck.slide(slide.no).getByTestId('layer-view')
    const rows = view.getByTestId('layer-view-row')
    const statuses = async () => (await rows.evaluateAll(elements => elements.map(element => [element.getAttribute('data-status'), element.querySelector('code')?.textContent ?? ''])))
    const before = await statuses()
    expect(before.some(([status]) => status === 'rebuilt')).toBe(false)

    await view.getByTestId('what-if-edit-app').click()
    const after = await statuses()
    const firstRebuilt = after.findIndex(([status]) => status === 'rebuilt')
    expect(firstRebuilt, 'editing app.py reruns a step').toBeGreaterThan(0)
    // The rebuilt step copies app.py; every layer before it is cached, every layer after it is rebuilt.
    expect(after[firstRebuilt]![1]).toMatch(/^\[\d+\/\d+\] COPY /)
    for (const [index, [status]] of after.entries()) {
      if (status === 'metadata' || status === 'base')
        continue
      expect(status, `row ${index}: ${after[index]![1]}`).toBe(index < firstRebuilt ? 'cached' : 'rebuilt')
    }
    await expect(view.getByTestId('layer-view-summary')).toContainText('run again')
    deck.expectNoProblems(slideName(slide))
  })

  test(`${slideName(slide)}: typing in the Dockerfile updates the stack without moving the slide`, async ({ deck, page }) => {
    await deck.open(slide.no)
    const view = deck.slide(slide.no).getByTestId('layer-view')
    const editor = view.getByTestId('layer-view-dockerfile')
    await editor.click()
    await page.keyboard.press('ControlOrMeta+Home')
    // A change on the first line (the FROM) makes every layer run again.
    await page.keyboard.press('End')
    await page.keyboard.type('-bookworm')
    await expect(view.locator('[data-testid="layer-view-row"][data-status="cached"]')).toHaveCount(0)
    expect((await deck.state()).currentPage).toBe(slide.no)
    deck.expectNoProblems(slideName(slide))
  })
})
