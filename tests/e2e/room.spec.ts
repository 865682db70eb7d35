// What the room sees when the presenter moves fast: ArrowRight every 400 ms through every slide and
// click step and back, in the deck and in the presenter view, and the overview of all slides; no
// console error or warning on any of these paths. And in print, nothing shrunk below the zoom floor.
import type { Page } from '@playwright/test'
import { PRINT_ZOOM_FLOOR } from '../../scripts/deck/print-route'
import { Deck, expect, test } from './support/deck'

const STEP_MS = 400

interface Position { page: number, clicks: number, clicksTotal: number, total: number }

function position(page: Page): Promise<Position> {
  return page.evaluate(() => {
    const nav = (window as any).__deckE2E.nav()
    return { page: nav.currentPage, clicks: nav.clicks, clicksTotal: nav.clicksTotal, total: nav.total }
  })
}

/** Presses `key` every STEP_MS until `done`; a press that does not move is a problem (focus caught the key). */
async function walk(page: Page, deck: Deck, key: 'ArrowRight' | 'ArrowLeft', done: (at: Position) => boolean, problems: string[]): Promise<number> {
  let at = await position(page)
  let steps = 0
  while (!done(at)) {
    if (steps++ > 2_000)
      throw new Error(`${key} walk did not end after 2000 steps (at slide ${at.page}, click ${at.clicks})`)
    const before = at
    await page.keyboard.press(key)
    await page.waitForTimeout(STEP_MS)
    at = await position(page)
    for (const problem of deck.takeProblems())
      problems.push(`${key} to slide ${at.page}, click ${at.clicks}: ${problem}`)
    if (at.page === before.page && at.clicks === before.clicks) {
      const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '')
      problems.push(`${key} on slide ${at.page}, click ${at.clicks} did not move on (focus on ${focused})`)
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    }
  }
  return steps
}

const isAtEnd = (at: Position) => at.page === at.total && at.clicks >= at.clicksTotal
const isAtStart = (at: Position) => at.page === 1 && at.clicks === 0

test.describe('fast presenter', () => {
  test.describe.configure({ timeout: 600_000 })

  test('ArrowRight every 400 ms through every slide and click step, then back: no console error', async ({ page, baseURL }) => {
    const deck = new Deck(page, new URL(baseURL!).origin)
    await deck.install({ keepPreload: true })
    await deck.open(1)
    const problems: string[] = []
    const forward = await walk(page, deck, 'ArrowRight', isAtEnd, problems)
    const back = await walk(page, deck, 'ArrowLeft', isAtStart, problems)
    const total = (await position(page)).total
    expect(problems).toEqual([])
    // Every slide was passed on the way out and on the way back (clicks add steps).
    expect(forward).toBeGreaterThanOrEqual(total - 1)
    expect(back).toBeGreaterThanOrEqual(total - 1)
  })

  test('the presenter view, walked forward at the same pace: no console error', async ({ page, baseURL }) => {
    const deck = new Deck(page, new URL(baseURL!).origin)
    await deck.install({ keepPreload: true })
    await page.goto('/#/presenter/1')
    await page.waitForFunction(() => (window as any).__deckE2E?.nav()?.clicksContext?.isMounted)
    const problems = deck.takeProblems().map(problem => `opening the presenter view: ${problem}`)
    await walk(page, deck, 'ArrowRight', isAtEnd, problems)
    expect(problems).toEqual([])
  })

  test('the overview of every slide: no console error', async ({ page, baseURL }) => {
    const deck = new Deck(page, new URL(baseURL!).origin)
    await deck.install({ keepPreload: true })
    await page.goto('/#/overview')
    const total = await page.waitForFunction(() => (window as any).__deckE2E?.nav()?.total).then(handle => handle.jsonValue() as Promise<number>)
    // Scrolled through, so that every slide's preview is drawn.
    for (let y = 0; y < 40; y++) {
      await page.mouse.wheel(0, 600)
      await page.waitForTimeout(150)
    }
    await page.waitForLoadState('networkidle')
    expect(total).toBeGreaterThan(1)
    expect(deck.takeProblems()).toEqual([])
  })
})

test('print: no slide and nothing on one is zoomed below the floor', async ({ page }) => {
  test.setTimeout(300_000)
  await page.goto('/?print=true#/print', { waitUntil: 'networkidle' })
  await page.locator('.print-slide-container').first().waitFor()
  await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading'), undefined, { timeout: 180_000 })
  const shrunk = await page.evaluate((floor) => {
    const found: string[] = []
    for (const container of document.querySelectorAll('.print-slide-container')) {
      for (const element of container.querySelectorAll<HTMLElement>('*')) {
        const zoom = Number.parseFloat(getComputedStyle(element).zoom || '1')
        if (zoom >= 1 || !(zoom > 0))
          continue
        let total = 1
        for (let node: Element | null = element; node && node !== container.parentElement; node = node.parentElement)
          total *= Number.parseFloat(getComputedStyle(node).zoom || '1') || 1
        if (total < floor && element.textContent?.trim())
          found.push(`slide ${container.id.split('-')[0]}: <${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 2).join('.')}> at ${total.toFixed(2)}×`)
      }
    }
    return found
  }, PRINT_ZOOM_FLOOR)
  expect(shrunk).toEqual([])
})
