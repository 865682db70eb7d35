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
  setFocused,
  stillTabStops,
  typeIntoFocused,
} from './support/keyboard'
import { deckSlides, slideName } from './support/slides'

for (const slide of deckSlides().filter(candidate => candidate.interactive > 0)) {
  const name = slideName(slide)

  test(`${name}: every interactive element is reached with Tab and shows its focus`, async ({ deck }) => {
    const { page } = deck
    await deck.openLastStep(slide.no)
    const elements = await markInteractive(page, slide.no)
    const listed = [...elements.keys()]
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.mouse.move(0, 0)

    // One pass of Tab through the slide: from the top of the page until the focus leaves the slide.
    const reached = new Set<number>()
    const noFocusRing: string[] = []
    const offScreen: string[] = []
    const unseen = new Set<string>()
    const trappedIn: string[] = []
    let wasInSlide = false
    for (let press = 0; press < elements.length * 3 + 30; press++) {
      await page.keyboard.press('Tab')
      let stop = await currentTabStop(page, slide.no)
      if (stop.inSlide && stop.same) {
        // An editor may keep Tab for indentation; Ctrl+M is Monaco's documented way to let Tab move on.
        await page.keyboard.press('Control+m')
        await page.keyboard.press('Tab')
        stop = await currentTabStop(page, slide.no)
        if (stop.inSlide && stop.same) {
          trappedIn.push(elements[stop.index]?.description ?? stop.description)
          break
        }
      }
      if (!stop.inSlide) {
        if (wasInSlide)
          break
        continue
      }
      wasInSlide = true
      if (stop.added)
        elements[stop.index] = stop.added
      const element = elements[stop.index]!
      // Judged while focused: a control that appears on focus (Slidev's copy button) is fine.
      if (!stop.visibleWhenFocused) {
        unseen.add(element.description)
        continue
      }
      if (reached.has(stop.index))
        continue
      reached.add(stop.index)
      if (stop.editorFocused !== undefined) {
        // Monaco shows its focus with a blinking cursor, which pixels cannot catch reliably.
        if (!stop.editorFocused)
          noFocusRing.push(element.description)
        continue
      }
      // Focused and unfocused looks of the same element must differ.
      const focused = await pictureAround(page, stop.index)
      await setFocused(page, false)
      const unfocused = await pictureAround(page, stop.index)
      await setFocused(page, true)
      if (!focused || !unfocused)
        offScreen.push(element.description)
      else if (focused.equals(unfocused))
        noFocusRing.push(element.description)
    }

    const stillStops = await stillTabStops(page, listed.filter(index => elements[index]!.visible))
    const unreached = stillStops.filter(index => !reached.has(index)).map(index => elements[index]!.description)
    expect.soft(trappedIn, `${name}: keyboard focus is trapped (Tab and Ctrl+M+Tab do not leave)`).toEqual([])
    expect.soft(unreached, `${name}: not reachable with Tab`).toEqual([])
    expect.soft([...unseen], `${name}: Tab stops on elements that cannot be seen (opacity 0 or hidden)`).toEqual([])
    expect.soft(offScreen, `${name}: outside the window when focused`).toEqual([])
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
