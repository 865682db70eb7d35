// Without a mouse: on every slide with links, buttons, fields or editors, Tab reaches each of them and
// the focus is visible; typing into a field (letters, space, arrows) never moves or changes the deck.
import { expect, test } from './support/deck'
import {
  currentTabStop,
  deckSnapshot,
  EDITABLE_SELECTOR,
  editableText,
  focusEditable,
  isReadOnly,
  markInteractive,
  pictureAround,
  typeIntoFocused,
} from './support/keyboard'
import { deckSlides, slideName } from './support/slides'

for (const slide of deckSlides().filter(candidate => candidate.interactive > 0)) {
  const name = slideName(slide)

  test(`${name}: every interactive element is reached with Tab and shows its focus`, async ({ deck }) => {
    const { page } = deck
    await deck.openLastStep(slide.no)
    const elements = await markInteractive(page, slide.no)
    expect(elements.length, `${name}: the slide lists interactive elements but none is visible at its last click step`).toBeGreaterThan(0)

    // What each element looks like without focus, to tell whether focusing it shows anything.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.mouse.move(0, 0)
    const unfocused = await Promise.all(elements.map((_, index) => pictureAround(page, index)))

    const reached = new Set<number>()
    const noFocusRing: string[] = []
    const trappedIn: string[] = []
    let previous = -1
    for (let press = 0; press < elements.length * 3 + 30 && reached.size < elements.length; press++) {
      await page.keyboard.press('Tab')
      let stop = await currentTabStop(page)
      if (stop.index >= 0 && stop.index === previous) {
        // An editor may keep Tab for indentation; Ctrl+M is Monaco's documented way to let Tab move on.
        await page.keyboard.press('Control+m')
        await page.keyboard.press('Tab')
        stop = await currentTabStop(page)
        if (stop.index === previous) {
          trappedIn.push(elements[stop.index]!)
          break
        }
      }
      previous = stop.index
      if (stop.index < 0 || reached.has(stop.index))
        continue
      reached.add(stop.index)
      const focused = await pictureAround(page, stop.index)
      if (focused.equals(unfocused[stop.index]!))
        noFocusRing.push(elements[stop.index]!)
    }

    const unreached = elements.filter((_, index) => !reached.has(index))
    expect.soft(trappedIn, `${name}: keyboard focus is trapped (Tab and Ctrl+M+Tab do not leave)`).toEqual([])
    expect.soft(unreached, `${name}: not reachable with Tab`).toEqual([])
    expect.soft(noFocusRing, `${name}: no visible focus indicator when focused with Tab`).toEqual([])
    deck.expectNoProblems(name)
  })

  if (slide.editable === 0)
    continue

  test(`${name}: typing into its fields never moves the deck`, async ({ deck }) => {
    const { page } = deck
    await deck.openLastStep(slide.no)
    const fields = deck.slide(slide.no).locator(EDITABLE_SELECTOR)
    const writable: number[] = []
    for (let index = 0; index < await fields.count(); index++) {
      if (await fields.nth(index).isVisible() && !(await isReadOnly(fields.nth(index))))
        writable.push(index)
    }
    test.skip(writable.length === 0, 'every field on this slide is read-only at its last click step')

    for (const index of writable) {
      const field = fields.nth(index)
      const where = `${name}, field ${index + 1}`
      const before = await deckSnapshot(deck)
      const textBefore = await editableText(field)
      await focusEditable(field)
      await typeIntoFocused(page)
      const after = await deckSnapshot(deck)
      expect.soft(after, `${where}: typing changed the deck (slide, click step, colour scheme or an overlay)`).toEqual(before)
      expect.soft(await editableText(field), `${where}: the typed text should reach the field`).not.toBe(textBefore)
      // Back to where the next field's check starts.
      if (after.currentPage !== before.currentPage || after.clicks !== before.clicks)
        await deck.open(before.currentPage, before.clicks)
    }
    deck.expectNoProblems(name)
  })
}
