// The full explainer on its slide, used as a presenter would: type a command, read it part by part,
// look at the picture and the Compose view, break the command, and never move the slide while typing.
import type { Locator } from '@playwright/test'
import { expect, test } from './support/deck'
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
