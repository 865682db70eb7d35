// Live code on the slides: Python runs in the browser (mouse and keyboard), Dockerfile editors
// explain what is under the pointer, and the title slide stays light (no Monaco, no Pyodide).
import { test as plain } from '@playwright/test'
import { expect, test } from './support/deck'
import { deckSlides, slideName } from './support/slides'

const PYTHON_SLIDE = /see this in action/i
const DOCKERFILE_SLIDE = /^Dockerfile: an example$/

function findSlide(title: RegExp) {
  const slide = deckSlides().find(candidate => title.test(candidate.title))
  if (!slide)
    throw new Error(`no slide whose title matches ${title} in the built deck`)
  return slide
}

test.describe('Python in the browser', () => {
  const slide = findSlide(PYTHON_SLIDE)

  test(`${slideName(slide)}: Run prints the f-string's value`, async ({ deck }) => {
    await deck.open(slide.no)
    const root = deck.slide(slide.no)
    await expect(root.locator('.monaco-editor .view-lines')).toContainText('print(f\'this is {3+2}\')')
    const run = root.getByRole('button', { name: 'Run code' })
    await expect(run).toBeVisible()
    await run.click()
    // Pyodide (~12 MB) comes from this server on the first run only.
    await expect(root.locator('.slidev-runner-output')).toHaveText('this is 5', { timeout: 60_000 })
    deck.expectNoProblems(slideName(slide))
  })

  test(`${slideName(slide)}: the Run button is reached with Tab and pressed with Enter`, async ({ deck, page }) => {
    await deck.open(slide.no)
    const root = deck.slide(slide.no)
    const run = root.getByRole('button', { name: 'Run code' })
    let reached = false
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab')
      reached = await run.evaluate(button => button === document.activeElement)
    }
    expect(reached, 'Tab never reached the Run button').toBe(true)
    await page.keyboard.press('Enter')
    await expect(root.locator('.slidev-runner-output')).toHaveText('this is 5', { timeout: 60_000 })
    // Pressing Enter on the button ran the code; it did not move the deck.
    expect((await deck.state()).currentPage).toBe(slide.no)
    deck.expectNoProblems(slideName(slide))
  })

  test(`${slideName(slide)}: a Python error shows its traceback`, async ({ deck, page }) => {
    await deck.open(slide.no)
    const root = deck.slide(slide.no)
    await root.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('print(1 / 0)')
    await root.getByRole('button', { name: 'Run code' }).click()
    const error = root.locator('.slidev-runner-output [role="alert"]')
    await expect(error).toContainText('ZeroDivisionError: division by zero', { timeout: 60_000 })
    await expect(error).toContainText('File "<exec>", line 1')
    deck.expectNoProblems(slideName(slide))
  })
})

test.describe('Dockerfile editor', () => {
  const slide = findSlide(DOCKERFILE_SLIDE)

  test(`${slideName(slide)}: hovering FROM explains the instruction and the image`, async ({ deck, page }) => {
    await deck.open(slide.no)
    const root = deck.slide(slide.no)
    const from = root.locator('.monaco-editor .view-line').filter({ hasText: /^FROM\s/ }).first()
    await expect(from).toBeVisible()
    await from.hover({ position: { x: 12, y: 8 } })
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'FROM' })
    await expect(hover).toContainText('FROM — Start a build stage from a base image.')
    // From the explainer engine's image-reference parser, not a fixed text.
    await expect(hover).toContainText(/official\s+ubuntu\s+image, tag 24\.04/)
    // The example has no mistakes: no squiggles.
    await expect(root.locator('.squiggly-error')).toHaveCount(0)
    deck.expectNoProblems(slideName(slide))
  })

  test(`${slideName(slide)}: a mistake typed into the Dockerfile is marked`, async ({ deck, page }) => {
    await deck.open(slide.no)
    const root = deck.slide(slide.no)
    await root.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.type('RUNN echo hi\n')
    await expect(root.locator('.squiggly-error').first()).toBeAttached({ timeout: 5_000 })
    deck.expectNoProblems(slideName(slide))
  })
})

// Without the deck fixture: it turns Slidev's background preloading off, and that is exactly
// what must not pull Monaco or Pyodide onto the title slide.
plain('the title slide loads no Monaco, no Pyodide, and stays under 960 KiB', async ({ page, baseURL }) => {
  const fetched: { url: string, bytes: number }[] = []
  const outside: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(`${baseURL}/`) && !/^(?:data|blob):/.test(request.url()))
      outside.push(request.url())
  })
  page.on('requestfinished', async (request) => {
    const response = await request.response()
    const body = await response?.body().catch(() => Buffer.alloc(0))
    fetched.push({ url: request.url(), bytes: body?.length ?? 0 })
  })
  await page.goto('/#/1', { waitUntil: 'networkidle' })
  const firstLoad = fetched.reduce((sum, entry) => sum + entry.bytes, 0)
  // Slidev mounts every other slide after 3 s; editors must still wait until their slide is shown.
  await page.waitForTimeout(4_500)

  const heavy = fetched.map(entry => entry.url).filter(url => /monaco|editor\.api|editor\.worker|pyodide|typescript|\.wasm/i.test(url))
  expect(heavy, 'Monaco/Pyodide files requested on the title slide').toEqual([])
  expect(outside, 'requests that left 127.0.0.1').toEqual([])
  expect(firstLoad, `bytes fetched before the page went idle:\n${fetched.map(e => `${e.bytes}\t${e.url}`).join('\n')}`).toBeLessThanOrEqual(960 * 1024)

  const html = await (await page.request.get('/index.html')).text()
  expect(html).not.toMatch(/modulepreload[^>]*(?:monaco|shiki|pyodide|typescript)/i)
})
