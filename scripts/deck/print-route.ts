// The built deck's print route (every slide at its last click step), opened and settled the way
// Slidev's exporter does it, with room to wait on a slow machine.
import type { Locator, Page } from '@playwright/test'

/** No printed slide, and nothing on one, is shrunk further than this (text stays ≥ 8 pt). */
export const PRINT_ZOOM_FLOOR = 0.85

/** How long one slide may take to settle in print (Pyodide starting on a busy machine takes a while). */
export const PRINT_WAIT_MS = 180_000

/**
 * Opens `<deckUrl>?print=true#/print` and waits until no loading placeholder is left, every
 * `data-waitfor` target shows and the fonts are in; Monaco's hidden aria text is taken out of the way.
 * @returns the slides' print containers
 */
export async function openPrintRoute(page: Page, deckUrl: string, slideCount: number): Promise<Locator> {
  const pageErrors: string[] = []
  page.on('pageerror', error => pageErrors.push(error.message))
  // tsx names the functions it compiles with __name(); callers' page.evaluate code then needs it.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f' })
  await page.goto(`${deckUrl}?print=true#/print`, { waitUntil: 'networkidle', timeout: PRINT_WAIT_MS })
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  const containers = page.locator('.print-slide-container')
  await containers.first().waitFor({ timeout: PRINT_WAIT_MS })
  const rendered = await containers.count()
  if (rendered !== slideCount) {
    throw new Error(`The print route rendered ${rendered} slides, but the deck has ${slideCount}. `
      + `Page errors: ${pageErrors.join(' | ') || 'none'}`)
  }
  const loading = page.locator('.slidev-slide-loading')
  for (let i = await loading.count() - 1; i >= 0; i--)
    await loading.nth(i).waitFor({ state: 'detached', timeout: PRINT_WAIT_MS })
  const waiting = page.locator('[data-waitfor]')
  for (let i = 0; i < await waiting.count(); i++) {
    const element = waiting.nth(i)
    const target = await element.getAttribute('data-waitfor')
    if (!target)
      continue
    const slideId = await element.evaluate(node => node.closest('.print-slide-container')?.id ?? '?')
    await element.locator(target).first().waitFor({ state: 'visible', timeout: PRINT_WAIT_MS }).catch(() => {
      throw new Error(`In print, slide ${slideId.split('-')[0]} never showed "${target}" (waited ${PRINT_WAIT_MS / 1000} s).`)
    })
  }
  // Mermaid's scratch area sits after the last slide: once diagrams are drawn it would only add a
  // blank last page. Monaco's screen-reader text is off-screen, not for paper.
  const mermaid = page.locator('#mermaid-rendering-container')
  if (await mermaid.count() > 0) {
    await page.waitForFunction(() => !document.querySelector('#mermaid-rendering-container > div'), undefined, { timeout: PRINT_WAIT_MS })
    await mermaid.evaluate(node => ((node as HTMLElement).style.display = 'none'))
  }
  await page.locator('.monaco-aria-container').evaluateAll(nodes => nodes.forEach(node => ((node as HTMLElement).style.display = 'none')))
  await page.waitForLoadState('networkidle', { timeout: PRINT_WAIT_MS })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return containers
}
