// Speaker notes stay out of what the first slide downloads (issue 16: they are in a chunk of their own,
// setup/first-slide/plugin.ts), and every view that shows them still does: the presenter view on every
// slide, and print mode, where the handout reads them.
import type { DeckSlide } from '../../scripts/deck/model'
import { loadDeck } from '../../scripts/deck/model'
import { expect, test } from './support/deck'
import { PROJECT_ROOT } from './support/deck-env'

/** A run of plain words from a slide's notes: Markdown leaves it as it is in the HTML. */
function noteFragment(slide: DeckSlide): string | null {
  return /[A-Z][a-z]+(?: [a-z]+,?){5,}/.exec(slide.noteMarkdown)?.[0] ?? null
}

async function notedSlides(): Promise<{ no: number, fragment: string }[]> {
  const deck = await loadDeck(PROJECT_ROOT)
  return deck.slides.flatMap((slide) => {
    const fragment = noteFragment(slide)
    return fragment ? [{ no: slide.no, fragment }] : []
  })
}

test('the first slide downloads no speaker notes', async ({ page }) => {
  const noted = await notedSlides()
  expect(noted.length, 'slides whose notes have a run of plain words').toBeGreaterThan(10)
  const bodies: Promise<{ url: string, text: string }>[] = []
  page.on('response', (response) => {
    if (/\.(?:js|css|html)$|\/$/.test(new URL(response.url()).pathname))
      bodies.push(response.text().then(text => ({ url: response.url(), text }), () => ({ url: response.url(), text: '' })))
  })
  await page.goto('/#/1', { waitUntil: 'networkidle' })
  await expect(page.locator('[data-slidev-no="1"] h1')).toBeVisible()
  const carrying = (await Promise.all(bodies)).flatMap(({ url, text }) =>
    noted.filter(({ fragment }) => text.includes(fragment)).map(({ no }) => `${new URL(url).pathname} has slide ${no}'s notes`))
  expect(carrying).toEqual([])
})

test('the presenter view shows every slide\'s notes', async ({ page }) => {
  test.setTimeout(300_000)
  const noted = await notedSlides()
  await page.goto('/#/presenter/1')
  const missing: string[] = []
  for (const { no, fragment } of noted) {
    await page.evaluate(target => (location.hash = `#/presenter/${target}`), no)
    const note = page.locator('.slidev-presenter .slidev-note').first()
    await expect(note).toContainText(fragment).catch(() => missing.push(`slide ${no}: "${fragment}"`))
  }
  expect(missing).toEqual([])
})

test('in print mode every slide\'s notes are there once the deck is idle (what the handout reads)', async ({ page }) => {
  test.setTimeout(300_000)
  const noted = await notedSlides()
  // As scripts/handout.ts opens it, and reads the notes from Slidev's slide routes.
  await page.goto('/?print=true#/print', { waitUntil: 'networkidle', timeout: 180_000 })
  const notes = await page.evaluate(() => {
    const nav = (document.querySelector('#app') as any)?.__vue_app__?._context.provides['$$slidev-context']?.nav
    return (nav.slides as { no: number, meta: { slide: { noteHTML: string } } }[]).map(route => [route.no, route.meta.slide.noteHTML] as const)
  })
  const byNo = new Map(notes)
  expect(noted.filter(({ no, fragment }) => !byNo.get(no)?.includes(fragment)).map(({ no }) => no)).toEqual([])
})
