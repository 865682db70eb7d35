// The full explainer on its slide, used as a presenter would: type a command, read it part by part,
// look at the picture and the Compose view, break the command, and never move the slide while typing.
import type { Locator } from '@playwright/test'
import { expect, test } from './support/deck'
import { accessibilityProblems, overflowProblems } from './support/gates'
import { deckSlides, slideName } from './support/slides'

const TITLE = 'Explain any docker command'
const FULL_RUN = 'docker run -d -p 8090:3000 -v mydata:/data -e BLA=5 --name web python:3.12'

const slide = deckSlides().find(candidate => candidate.title === TITLE)

test.describe(`the "${TITLE}" slide`, () => {
  test.skip(!slide, `no slide titled "${TITLE}" in the built deck`)

  async function openExplainer(deck: import('./support/deck').Deck): Promise<Locator> {
    await deck.open(slide!.no)
    const explainer = deck.slide(slide!.no).getByTestId('docker-explainer').first()
    await expect(explainer).toBeVisible()
    return explainer
  }

  /** Clears the input and types like a person, key by key (spaces included). */
  async function typeCommand(explainer: Locator, command: string): Promise<void> {
    const input = explainer.getByTestId('explainer-input')
    await input.click()
    await input.press('ControlOrMeta+a')
    await input.press('Backspace')
    await expect(input).toHaveValue('')
    await input.pressSequentially(command)
    await expect(input).toHaveValue(command)
  }

  test(`${slideName(slide ?? { no: 0, title: TITLE })}: each part of a docker run is explained and drawn`, async ({ deck }) => {
    const explainer = await openExplainer(deck)
    await typeCommand(explainer, FULL_RUN)

    const spans = explainer.getByTestId('explainer-spans')
    await expect(spans).toHaveText(FULL_RUN)
    for (const part of ['docker', 'run', '-d', '-p 8090:3000', '-v mydata:/data', '-e BLA=5', '--name web', 'python:3.12']) {
      const span = spans.locator('button', { hasText: part }).filter({ hasText: new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      await expect(span, `span "${part}"`).toHaveCount(1)
    }

    const explanations = explainer.getByTestId('explainer-explanation')
    await expect(explanations).toHaveCount(8)
    for (let index = 0; index < 8; index++)
      await expect(explanations.nth(index).locator('.why')).not.toBeEmpty()

    // Pointing at a part highlights its explanation.
    await spans.locator('button', { hasText: '-p 8090:3000' }).hover()
    await expect(explainer.locator('[data-testid="explainer-explanation"].is-highlighted')).toContainText('-p 8090:3000')

    await explainer.getByTestId('explainer-tab-picture').click()
    const picture = explainer.getByTestId('explainer-picture')
    await expect(picture.getByTestId('picture-port')).toContainText('8090')
    await expect(picture).toContainText('port 3000')
    await expect(picture.getByTestId('picture-storage')).toContainText('mydata')
    await expect(picture).toContainText('/data')
    await expect(picture).toContainText('BLA=5')
    await expect(picture.getByTestId('picture-container')).toContainText('web')
    await expect(picture.getByTestId('picture-container')).toContainText('python:3.12')

    // The drawing stays inside the slide.
    const canvas = await deck.canvas.boundingBox()
    const drawn = await picture.boundingBox()
    expect(canvas && drawn).toBeTruthy()
    expect(drawn!.x + drawn!.width).toBeLessThanOrEqual(canvas!.x + canvas!.width + 1)
    expect(drawn!.y).toBeGreaterThanOrEqual(canvas!.y)

    await explainer.getByTestId('explainer-tab-compose').click()
    await expect(explainer.getByTestId('explainer-compose').locator('pre')).toContainText('services:')
    await expect(explainer.getByTestId('explainer-compose').locator('pre')).toContainText('8090:3000')
    deck.expectNoProblems('the explainer after typing a docker run')
  })

  test(`${slideName(slide ?? { no: 0, title: TITLE })}: a flag after the image is flagged`, async ({ deck }) => {
    const explainer = await openExplainer(deck)
    await typeCommand(explainer, 'docker run nginx -p 80:80')
    await explainer.getByTestId('explainer-tab-explanations').click()
    const warning = explainer.locator('[data-testid="explainer-issue"][data-code="FLAG_AFTER_IMAGE"]').first()
    await expect(warning).toBeVisible()
    await expect(warning).toContainText('FLAG_AFTER_IMAGE')
    await expect(explainer.getByTestId('explainer-spans').locator('button.has-warning').first()).toBeVisible()
    deck.expectNoProblems('the explainer with a flag after the image')
  })

  test(`${slideName(slide ?? { no: 0, title: TITLE })}: typing never moves the slide`, async ({ deck }) => {
    const explainer = await openExplainer(deck)
    const before = await deck.state()
    expect(before.currentPage).toBe(slide!.no)

    await typeCommand(explainer, 'docker run -it --rm -p 8080:80 nginx 1 2 3')
    const input = explainer.getByTestId('explainer-input')
    for (const key of ['Space', 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'PageDown', 'Digit5', 'Enter', 'o', 'f', 'd'])
      await input.press(key)

    // Arrow keys among the parts and tabs are the widget's too.
    const firstPart = explainer.getByTestId('explainer-spans').locator('button[tabindex="0"]')
    await firstPart.focus()
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'Space', 'Enter', 'End', 'Home'])
      await deck.page.keyboard.press(key)
    await explainer.getByTestId('explainer-tab-picture').focus()
    for (const key of ['ArrowRight', 'ArrowLeft', 'Space'])
      await deck.page.keyboard.press(key)
    // The scrollable panel takes focus too (to scroll with the keyboard); it is neither a field nor a button.
    await explainer.getByRole('tabpanel').focus()
    for (const key of ['ArrowDown', 'ArrowRight', 'Space', 'PageDown', 'Digit3'])
      await deck.page.keyboard.press(key)

    const after = await deck.state()
    expect(after.currentPage, 'the slide number while typing').toBe(before.currentPage)
    expect(after.clicks).toBe(before.clicks)
    expect(after.hash).toBe(before.hash)

    // Control: Escape hands the keys back to the deck, and then the same arrow key does move on.
    await deck.page.keyboard.press('Escape')
    await deck.page.keyboard.press('ArrowRight')
    await expect.poll(async () => {
      const moved = await deck.state()
      return moved.currentPage > before.currentPage || moved.clicks > before.clicks
    }, { message: 'ArrowRight outside the widget should advance the deck' }).toBe(true)
    deck.expectNoProblems('the explainer after typing')
  })
})

test.describe('every view of the explainer', () => {
  test.skip(!slide, `no slide titled "${TITLE}" in the built deck`)

  for (const scheme of ['light', 'dark'] as const) {
    test(`passes the slide gates in each tab and expanded, ${scheme}`, async ({ deck }) => {
      await deck.page.emulateMedia({ colorScheme: scheme })
      await deck.open(slide!.no)
      const explainer = deck.slide(slide!.no).getByTestId('docker-explainer').first()
      const input = explainer.getByTestId('explainer-input')
      await input.fill('docker run nginx -p 80:80 && docker run --rm -e TOKEN -v "$PWD":/app:ro -p 127.0.0.1:8000:80 --name api python:3.12 python -m http.server 80')
      for (const tab of ['explanations', 'picture', 'compose']) {
        await explainer.getByTestId(`explainer-tab-${tab}`).click()
        await expect(explainer.getByTestId(`explainer-panel-${tab}`)).toBeVisible()
        const where = `full explainer, ${tab} tab, ${scheme}`
        expect.soft(await accessibilityProblems(deck.page), `${where}: accessibility`).toEqual([])
        expect.soft(await overflowProblems(deck.page, slide!.no), `${where}: runs off the slide`).toEqual([])
      }

      // The first slide with a compact explainer (only the open slide and its neighbours are mounted).
      let compactNo: number | null = null
      for (const candidate of deckSlides()) {
        if (candidate.editable === 0 || candidate.no === slide!.no)
          continue
        await deck.open(candidate.no)
        if (await deck.slide(candidate.no).locator('.docker-explainer.is-compact').count() > 0) {
          compactNo = candidate.no
          break
        }
      }
      expect(compactNo, 'the deck shows at least one compact explainer').not.toBeNull()
      await deck.open(compactNo!)
      const compact = deck.slide(compactNo!).locator('.docker-explainer.is-compact').first()
      await compact.getByTestId('explainer-expand').click()
      const dialog = compact.getByRole('dialog')
      await expect(dialog).toBeVisible()
      const canvas = (await deck.canvas.boundingBox())!
      const panel = (await dialog.boundingBox())!
      expect(panel.x).toBeGreaterThanOrEqual(canvas.x)
      expect(panel.y).toBeGreaterThanOrEqual(canvas.y)
      expect(panel.x + panel.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1)
      expect(panel.y + panel.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1)
      for (const tab of ['explanations', 'picture', 'compose']) {
        await compact.getByTestId(`explainer-tab-${tab}`).click()
        const where = `compact explainer on slide ${compactNo}, expanded, ${tab} tab, ${scheme}`
        expect.soft(await accessibilityProblems(deck.page), `${where}: accessibility`).toEqual([])
      }
      await deck.page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
      await expect(compact.getByTestId('explainer-expand')).toBeFocused()
      deck.expectNoProblems(`every view, ${scheme}`)
    })
  }
})
