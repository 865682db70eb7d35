import type { Page } from '@playwright/test'
// The built deck on a plain static host: deep links with hash routing, a build under a sub-path
// (as on GitHub Pages), and the deck working offline once it has been opened.
import type { ChildProcess } from 'node:child_process'
import type { Deck as DeckSource } from '../../scripts/deck/model'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { loadDeck } from '../../scripts/deck/model'
import { Deck, expect, test } from './support/deck'
import { PROJECT_ROOT } from './support/deck-env'

const DEEP_LINK_SLIDE = 12
const SUB_PATH = '/docker-overview/'

/** Waits until Slidev shows slide `no` (its own navigation state, and the slide element on screen). */
async function expectSlideShown(page: Page, no: number, title: string): Promise<void> {
  await page.waitForFunction(
    no => (document.querySelector('#app') as any)?.__vue_app__?._context.provides['$$slidev-context']?.nav?.currentPage === no,
    no,
    { timeout: 30_000 },
  )
  const slide = page.locator(`#slide-content [data-slidev-no="${no}"]`)
  await expect(slide).toBeVisible()
  // Slidev's Markdown makes quotes typographic; the source has straight ones.
  const plain = (text: string) => text.replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim()
  await expect.poll(async () => plain(await slide.locator('h1, h2').first().textContent() ?? '')).toBe(plain(title))
}

let source: DeckSource
test.beforeAll(async () => {
  source = await loadDeck(PROJECT_ROOT)
  expect(source.slides.length, `the deck needs at least ${DEEP_LINK_SLIDE} slides for the deep-link check`).toBeGreaterThanOrEqual(DEEP_LINK_SLIDE)
})

test('a deep link opens its slide from a plain static server (no rewrites)', async ({ deck, page }) => {
  const response = await page.goto(`/#/${DEEP_LINK_SLIDE}`)
  expect(response?.status()).toBe(200)
  await expectSlideShown(page, DEEP_LINK_SLIDE, source.slides[DEEP_LINK_SLIDE - 1]!.title)
  expect(new URL(page.url()).hash).toBe(`#/${DEEP_LINK_SLIDE}`)
  await deck.ready(DEEP_LINK_SLIDE)
  deck.expectNoProblems('deep link')
})

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

/** `python3 -m http.server`, the plainest static host, serving the folder that holds the sub-path. */
async function startPythonServer(root: string): Promise<{ origin: string, process: ChildProcess }> {
  const port = await freePort()
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '-d', root, String(port)], { stdio: 'ignore' })
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (await fetch(`${origin}/`).then(r => r.ok, () => false))
      return { origin, process: child }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  child.kill()
  throw new Error(`python3 -m http.server did not start on port ${port}`)
}

test.describe('built under a sub-path', () => {
  test.describe.configure({ mode: 'serial' })

  let siteRoot = ''
  let ownBuild = ''
  let server: { origin: string, process: ChildProcess } | undefined

  test.beforeAll(async () => {
    test.setTimeout(600_000)
    // $DECK_BASE_DIST reuses a build made with `npm run build -- --base /docker-overview/ --out …/docker-overview`.
    const prebuilt = process.env.DECK_BASE_DIST
    if (prebuilt) {
      expect(basename(prebuilt), 'DECK_BASE_DIST must be a folder named like the sub-path').toBe(SUB_PATH.slice(1, -1))
      expect(existsSync(join(prebuilt, 'index.html')), `no index.html in ${prebuilt}`).toBe(true)
      siteRoot = dirname(prebuilt)
    }
    else {
      ownBuild = mkdtempSync(join(tmpdir(), 'deck-base-'))
      siteRoot = ownBuild
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--no-pdf', '--base', SUB_PATH, '--out', join(siteRoot, SUB_PATH)], {
        cwd: PROJECT_ROOT,
        stdio: 'ignore',
        timeout: 540_000,
      })
    }
    server = await startPythonServer(siteRoot)
  })

  test.afterAll(() => {
    server?.process.kill()
    if (ownBuild)
      rmSync(ownBuild, { recursive: true, force: true })
  })

  test('a deep link under the sub-path opens its slide, and nothing loads from outside it', async ({ page }) => {
    const deck = new Deck(page, server!.origin)
    await deck.install()
    const outsideBase: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.origin === server!.origin && !url.pathname.startsWith(SUB_PATH))
        outsideBase.push(url.pathname)
    })
    await page.goto(`${server!.origin}${SUB_PATH}#/${DEEP_LINK_SLIDE}`)
    await expectSlideShown(page, DEEP_LINK_SLIDE, source.slides[DEEP_LINK_SLIDE - 1]!.title)
    await deck.ready(DEEP_LINK_SLIDE)
    expect(outsideBase, 'requests outside the sub-path').toEqual([])
    // Automated browsers get no offline worker unless they ask (see the offline test): by the time
    // the page has loaded and been idle twice, the deck would have started registering one.
    await page.evaluate(() => new Promise(resolve => requestIdleCallback(() => requestIdleCallback(resolve, { timeout: 5000 }), { timeout: 5000 })))
    expect(await page.locator('html').getAttribute('data-offline')).toBeNull()
    deck.expectNoProblems('sub-path deep link')
  })

  test.describe('offline once loaded', () => {
    test.use({ serviceWorkers: 'allow' })

    test('every slide, the explainer, an editor and the Python demo work with the server gone', async ({ page, context }) => {
      test.setTimeout(300_000)
      const deck = new Deck(page, server!.origin)
      await deck.install()
      // The deck skips offline support in automated browsers unless asked.
      await page.addInitScript(() => localStorage.setItem('deck:offline', 'always'))
      await page.goto(`${server!.origin}${SUB_PATH}#/1`)
      await expectSlideShown(page, 1, source.slides[0]!.title)
      // The worker fetches the rest of the deck once the first slide is up and the page is idle.
      await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 180_000 })
      expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the page is controlled by the worker').toBe(true)

      // Offline for real: the browser is told so, and the server is gone.
      await context.setOffline(true)
      server!.process.kill()
      await expect.poll(() => fetch(`${server!.origin}${SUB_PATH}`).then(() => 'up', () => 'down')).toBe('down')
      deck.takeProblems()

      const failed: string[] = []
      page.on('requestfailed', request => failed.push(`${request.url()} (${request.failure()?.errorText})`))
      const goTo = async (no: number) => {
        await page.evaluate((no) => {
          location.hash = `#/${no}`
        }, no)
        await expectSlideShown(page, no, source.slides[no - 1]!.title)
        await deck.ready(no)
      }

      for (const slide of source.slides) {
        await goTo(slide.no)
        expect.soft(failed, `slide ${slide.no}: requests that failed offline`).toEqual([])
        failed.length = 0
      }

      // The explainer reacts to a new command.
      const explainerSlide = source.slides.find(slide => /<DockerExplainer\s(?:[^>]*\s)?compact\b/.test(slide.source))
      expect(explainerSlide, 'a slide with a compact DockerExplainer').toBeDefined()
      await goTo(explainerSlide!.no)
      const explainer = page.locator(`#slide-content [data-slidev-no="${explainerSlide!.no}"] [data-testid="docker-explainer"]`).first()
      await explainer.getByTestId('explainer-input').fill('docker run -p 8080:80 nginx')
      await expect(explainer).toContainText('8080:80')
      await expect(explainer.getByTestId('explainer-focus-line')).not.toBeEmpty()

      // An editor takes typing.
      const editorSlide = source.slides.find(slide => /\{monaco\}/.test(slide.source))
      expect(editorSlide, 'a slide with a Monaco editor').toBeDefined()
      await goTo(editorSlide!.no)
      const editor = page.locator(`#slide-content [data-slidev-no="${editorSlide!.no}"] .monaco-editor`).first()
      await expect(editor.locator('.view-line').first()).toBeVisible()
      await editor.locator('.view-lines').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type('\n# typed offline')
      await expect(editor.locator('.view-lines')).toContainText('typed offline')

      // The Python demo runs, and prints what CPython prints for the same code.
      const pythonSlide = source.slides.find(slide => /```python \{monaco-run\}/.test(slide.source))
      expect(pythonSlide, 'a slide with a runnable Python block').toBeDefined()
      const code = /```python \{monaco-run\}[^\n]*\n([\s\S]*?)```/.exec(pythonSlide!.source)![1]!
      const expected = execFileSync('python3', ['-c', code], { encoding: 'utf8' }).trim()
      await goTo(pythonSlide!.no)
      const slide = page.locator(`#slide-content [data-slidev-no="${pythonSlide!.no}"]`)
      await slide.getByTitle('Run code').first().click()
      await expect(slide.locator('.slidev-runner-output').first()).toContainText(expected, { timeout: 120_000 })

      // A reload with no network still opens the deck.
      await page.reload()
      await expectSlideShown(page, pythonSlide!.no, pythonSlide!.title)
      expect.soft(failed, 'requests that failed offline').toEqual([])
      // The page being offline makes Chromium log failed fetches of its own (none expected here).
      deck.expectNoProblems('offline')
    })
  })
})
