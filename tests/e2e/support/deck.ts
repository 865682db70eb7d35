// The `deck` fixture: a page on the built deck that records everything a slide must not do (console
// errors and warnings, uncaught errors, requests outside 127.0.0.1, failed same-origin loads), and
// helpers to open a slide at a click step and wait until it has fully rendered.
//
//   import { expect, test } from './support/deck'
//   test('…', async ({ deck }) => { await deck.open(3); deck.expectNoProblems('slide 3') })
//
// Components that load lazily can say "not ready yet" with a `data-loading` attribute (or
// aria-busy="true") on any element inside the slide; the tests wait until none is left.
import type { Locator, Page } from '@playwright/test'
import { test as base, expect } from '@playwright/test'
import { isAllowedConsoleMessage } from './console-allowlist'

export { expect }

export interface NavState {
  /** 1-based number of the slide on screen. */
  currentPage: number
  clicks: number
  clicksTotal: number
  total: number
  hash: string
  dark: boolean
}

/** Page-side access to Slidev's navigation (the reactive context Slidev provides to every slide). */
const DECK_INIT_SCRIPT = `(() => {
  const nav = () => document.querySelector('#app')?.__vue_app__?._context.provides['$$slidev-context']?.nav
  // How keyboard checks name an interactive element, and whether it can be seen.
  const describeInteractive = (element) => {
    const text = (element.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40)
    const label = element.getAttribute('aria-label') || element.getAttribute('placeholder') || element.getAttribute('title') || text
    const classes = element.classList.length ? '.' + [...element.classList].slice(0, 2).join('.') : ''
    return {
      description: '<' + element.tagName.toLowerCase() + classes + '>' + (label ? ' "' + label + '"' : ''),
      visible: element.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    }
  }
  window.__deckE2E = { nav, describeInteractive, lastActive: null }

  // Transitions and animations off, so a click step is on screen as soon as it is taken.
  const css = '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;'
    + ' animation-duration: 0s !important; animation-delay: 0s !important; scroll-behavior: auto !important; }'
    + ' ::view-transition-group(*), ::view-transition-old(*), ::view-transition-new(*) { animation: none !important; }'
  const addStyle = () => {
    const style = document.createElement('style')
    style.dataset.deckE2e = 'no-motion'
    style.textContent = css
    document.head.append(style)
  }
  if (document.head) addStyle()
  else document.addEventListener('DOMContentLoaded', addStyle, { once: true })

  // Slidev mounts every slide 3 s after load. In a test only the slide under test and its
  // neighbours are mounted, so that a console message or a request belongs to the right slide;
  // a walk through the whole deck keeps Slidev's own behaviour (window.__deckE2EKeepPreload).
  if (window.__deckE2EKeepPreload) return
  const stopPreload = setInterval(() => {
    const slides = nav()?.slides
    if (!slides) return
    clearInterval(stopPreload)
    // route.meta.preload is a getter over the slide's (reactive) frontmatter.
    for (const route of slides) route.meta.slide.frontmatter.preload = false
  }, 10)
})()`

export class Deck {
  readonly page: Page
  readonly origin: string
  private problems: string[] = []
  private inFlight = 0
  private lastNetworkActivity = Date.now()
  private loaded = false
  /** The slide the test is looking at (set by open). */
  private currentSlide = 0
  /** Outside URLs blocked while preloading another slide's pictures. */
  private readonly blockedForOtherSlides = new Set<string>()

  constructor(page: Page, origin: string) {
    this.page = page
    this.origin = origin
  }

  /** `keepPreload`: Slidev mounts every slide after 3 s, as in the room (for walks through the deck). */
  async install({ keepPreload = false }: { keepPreload?: boolean } = {}): Promise<void> {
    const { page, origin } = this
    if (keepPreload)
      await page.addInitScript(() => ((window as unknown as { __deckE2EKeepPreload: boolean }).__deckE2EKeepPreload = true))
    await page.addInitScript(DECK_INIT_SCRIPT)
    await page.context().route('**/*', async (route) => {
      const url = route.request().url()
      if (this.isDeckUrl(url))
        return route.continue()
      // Slidev preloads the pictures of other slides (the next few at once, all after 3 s). Such a
      // request is that slide's fault and fails that slide's own test; here it is only blocked.
      const owners = await this.slidesReferring(url)
      if (owners.length > 0 && !owners.includes(this.currentSlide)) {
        this.blockedForOtherSlides.add(url)
        return route.abort('blockedbyclient')
      }
      const from = owners.length > 0 ? ` by slide ${owners.join(', ')}` : ''
      this.problems.push(`request to ${url}${from} (blocked: the deck may load nothing but ${origin})`)
      return route.abort('blockedbyclient')
    })
    page.on('console', (message) => {
      const type = message.type()
      if (type !== 'error' && type !== 'warning')
        return
      const text = message.text()
      const { url, lineNumber } = message.location()
      if (isAllowedConsoleMessage(text) || (this.blockedForOtherSlides.has(url) && text.startsWith('Failed to load resource')))
        return
      this.problems.push(`console.${type === 'warning' ? 'warn' : 'error'}: ${text}${url ? ` (${url}:${lineNumber})` : ''}`)
    })
    page.on('pageerror', (error) => {
      this.problems.push(`uncaught ${error.name}: ${error.message}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400 && this.isDeckUrl(response.url()))
        this.problems.push(`HTTP ${response.status()} for ${response.url()}`)
    })
    page.on('websocket', (socket) => {
      if (!this.isDeckUrl(socket.url().replace(/^ws/, 'http')))
        this.problems.push(`websocket to ${socket.url()}`)
    })
    const activity = () => {
      this.lastNetworkActivity = Date.now()
    }
    page.on('request', () => {
      this.inFlight++
      activity()
    })
    const done = () => {
      this.inFlight = Math.max(0, this.inFlight - 1)
      activity()
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
  }

  isDeckUrl(url: string): boolean {
    return url === this.origin || url.startsWith(`${this.origin}/`) || /^(?:data|blob|about):/.test(url)
  }

  /** The slide's root element inside the canvas (hidden slides stay in the DOM). */
  slide(no: number): Locator {
    return this.page.locator(`#slide-content [data-slidev-no="${no}"]`)
  }

  /** The canvas: what the audience sees, already scaled to the window. */
  get canvas(): Locator {
    return this.page.locator('#slide-content')
  }

  /** Slides whose pictures (as Slidev lists them, or as their DOM shows them) use `url`. */
  private async slidesReferring(url: string): Promise<number[]> {
    try {
      // The first pictures are requested while Slidev mounts, a moment before its app is reachable.
      await this.page.waitForFunction(() => (window as any).__deckE2E?.nav()?.slides, undefined, { timeout: 5_000 })
      return await this.page.evaluate((url) => {
        const owners = new Set<number>()
        const nav = (window as any).__deckE2E?.nav()
        for (const route of nav?.slides ?? []) {
          for (const image of route.meta?.slide?.images ?? []) {
            if (new URL(image, location.href).href === url)
              owners.add(route.no)
          }
        }
        for (const element of document.querySelectorAll('#slide-content [data-slidev-no] :is([src], [srcset], [href], [poster])')) {
          const refs = ['src', 'href', 'poster'].map(name => (element as any)[name]).filter(value => typeof value === 'string')
          const srcset = element.getAttribute('srcset') ?? ''
          if (refs.includes(url) || srcset.includes(url))
            owners.add(Number(element.closest('[data-slidev-no]')!.getAttribute('data-slidev-no')))
        }
        return [...owners].sort((a, b) => a - b)
      }, url)
    }
    catch {
      // The page is navigating or closing: no owner known, so the request counts against this test.
      return []
    }
  }

  /** Opens slide `no` at click step `clicks` (hash routing, as a viewer would) and waits until ready. */
  async open(no: number, clicks = 0): Promise<NavState> {
    this.currentSlide = no
    const hash = `#/${no}${clicks > 0 ? `?clicks=${clicks}` : ''}`
    if (!this.loaded) {
      await this.page.goto(`/${hash}`)
      this.loaded = true
    }
    else {
      await this.page.evaluate((h) => {
        location.hash = h
      }, hash)
    }
    await this.page.waitForFunction(([no, clicks]) => {
      const nav = (window as any).__deckE2E?.nav()
      return nav && nav.currentPage === no && nav.clicksContext.isMounted
        && nav.clicks === Math.min(clicks, nav.clicksTotal)
    }, [no, clicks] as const, { timeout: 30_000 })
    await this.ready(no)
    return this.state()
  }

  /** Opens slide `no` at its last click step. */
  async openLastStep(no: number): Promise<NavState> {
    const first = await this.open(no, 0)
    return first.clicksTotal > 0 ? this.open(no, first.clicksTotal) : first
  }

  async state(): Promise<NavState> {
    return this.page.evaluate(() => {
      const nav = (window as any).__deckE2E.nav()
      return {
        currentPage: nav.currentPage,
        clicks: nav.clicks,
        clicksTotal: nav.clicksTotal,
        total: nav.total,
        hash: location.hash,
        dark: document.documentElement.classList.contains('dark'),
      }
    })
  }

  /** Titles of all slides, in order, as the deck itself knows them. */
  async titles(): Promise<string[]> {
    return this.page.evaluate(() => (window as any).__deckE2E.nav().slides.map((route: any) => String(route.meta?.slide?.title ?? '').replace(/\s+/g, ' ').trim()))
  }

  /**
   * Waits until slide `no` has fully rendered: fonts loaded, images decoded, no element saying
   * `data-loading` / aria-busy, Monaco editors drawn, no request in flight, two frames painted.
   */
  async ready(no: number): Promise<void> {
    const pending = () => this.page.evaluate((no) => {
      const slide = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)
      if (!slide)
        return ['the slide element']
      const waiting: string[] = []
      if (!slide.checkVisibility())
        waiting.push('the slide to be shown')
      if (document.fonts.status !== 'loaded')
        waiting.push('fonts')
      for (const busy of slide.querySelectorAll('[data-loading], [aria-busy="true"]'))
        waiting.push(`<${busy.tagName.toLowerCase()}${busy.id ? `#${busy.id}` : ''}> with data-loading/aria-busy`)
      for (const img of slide.querySelectorAll('img')) {
        if (!img.complete)
          waiting.push(`image ${img.getAttribute('src')}`)
      }
      for (const editor of slide.querySelectorAll('.slidev-monaco-container')) {
        if (!editor.querySelector('.monaco-editor .view-line'))
          waiting.push('a Monaco editor to render')
      }
      return waiting
    }, no)

    const deadline = Date.now() + 30_000
    let waiting = await pending()
    while (waiting.length > 0 && Date.now() < deadline) {
      await this.page.waitForTimeout(50)
      waiting = await pending()
    }
    if (waiting.length > 0)
      throw new Error(`slide ${no} did not finish rendering within 30 s; still waiting for: ${waiting.join(', ')}`)

    await this.page.evaluate(() => document.fonts.ready.then(() => undefined))
    await this.networkIdle(deadline)
    await this.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  }

  /** No request in flight for 200 ms. */
  private async networkIdle(deadline: number): Promise<void> {
    while (this.inFlight > 0 || Date.now() - this.lastNetworkActivity < 200) {
      if (Date.now() > deadline)
        throw new Error(`the network did not settle: ${this.inFlight} request(s) still in flight`)
      await this.page.waitForTimeout(50)
    }
  }

  /** Problems recorded since the last call, cleared. */
  takeProblems(): string[] {
    const taken = this.problems
    this.problems = []
    return taken
  }

  /** Fails (softly, so the test goes on and reports all) when anything was recorded since the last check. */
  expectNoProblems(where: string): void {
    expect.soft(this.takeProblems(), `${where}: console errors/warnings, uncaught errors or forbidden requests`).toEqual([])
  }
}

export const test = base.extend<{ deck: Deck }>({
  deck: async ({ page, baseURL }, use) => {
    if (!baseURL)
      throw new Error('baseURL is not set: run through playwright.config.ts')
    const deck = new Deck(page, new URL(baseURL).origin)
    await deck.install()
    await use(deck)
    // Anything that happened after the test's last check still fails it.
    expect(deck.takeProblems(), 'after the last check: console errors/warnings, uncaught errors or forbidden requests').toEqual([])
  },
})
