// The checks every slide passes at every click step. Each returns a list of plain-language problems
// (empty when all is well), so that a spec can assert `toEqual([])` and a failure reads as a list.
import type { Page } from '@playwright/test'
import type { SlideLink } from './probes'
import AxeBuilder from '@axe-core/playwright'
import { findClippedContent, findLowContrastCode, findOverflowingContent, findSmallText, findUnnamedImages, listLinks } from './probes'

export async function overflowProblems(page: Page, no: number): Promise<string[]> {
  const findings = await page.evaluate(findOverflowingContent, no)
  return findings.map((finding) => {
    const edges = Object.entries(finding.beyond).map(([edge, px]) => `${px}px past the ${edge} edge`).join(', ')
    const scroll = finding.inUnmarkedScrollBox
      ? ` (inside ${finding.inUnmarkedScrollBox}, which scrolls but is not marked data-scrollable or focusable)`
      : ''
    return `${finding.what} runs off the slide: ${edges}${scroll}`
  })
}

export async function imageProblems(page: Page, no: number): Promise<string[]> {
  const unnamed = await page.evaluate(findUnnamedImages, no)
  return unnamed.map(image => `${image.element} ${image.problem}`)
}

/**
 * axe findings in Slidev's own navigation bar (outside the slide canvas) that the deck cannot fix.
 * Only these rules, and only on elements inside Slidev's `<nav>` outside `#slide-content`, are let
 * through; the same rule on anything of the deck still fails.
 */
export const SLIDEV_NAV_A11Y_EXCEPTIONS: ReadonlyArray<{ rule: string, reason: string }> = [
  {
    rule: 'nested-interactive',
    reason: 'Slidev 52 renders its menu buttons as an IconButton <button> inside MenuButton\'s <button> '
      + '(@slidev/client internals/MenuButton.vue): Slidev\'s markup, not the deck\'s.',
  },
]

/**
 * Accessibility violations of impact serious or critical (axe-core, all rules it runs by default).
 * The whole page is checked (the slide and the deck around it); hidden slides are skipped by axe.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per call to merge
  // per-frame results, which the deck (no iframes) does not need and which costs a second each time.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze()
  const problems: string[] = []
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical')
      continue
    const excepted = SLIDEV_NAV_A11Y_EXCEPTIONS.some(exception => exception.rule === violation.id)
    for (const node of violation.nodes) {
      const selector = node.target.join(' ')
      if (excepted) {
        const inSlidevNav = await page.evaluate((selector) => {
          const element = document.querySelector(selector)
          return Boolean(element && !element.closest('#slide-content') && element.closest('#slide-container nav'))
        }, String(node.target[0]))
        if (inSlidevNav)
          continue
      }
      problems.push(`${violation.impact} ${violation.id}: ${violation.help} — ${selector}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    }
  }
  return problems
}

/** Hosts that mean "this computer": links there point at a demo the audience runs, not at the deck. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface LinkReport {
  problems: string[]
  /** External links (https, or http to the audience's own machine): not reachable from the tests. */
  external: SlideLink[]
}

/**
 * Links on slide `no`: same-origin targets (pages, downloads) must answer 200; `#/N` must name a
 * slide of the deck; external links must be well-formed https (or http to localhost / 127.0.0.1, for a
 * demo the audience runs), open in a new tab, with rel noopener.
 */
export async function linkReport(page: Page, no: number, origin: string, totalSlides: number): Promise<LinkReport> {
  const links = await page.evaluate(listLinks, no)
  const problems: string[] = []
  const external: SlideLink[] = []
  const checked = new Map<string, number>()
  for (const link of links) {
    const label = `link "${link.text}" → ${link.href}`
    let url: URL
    try {
      url = new URL(link.url)
    }
    catch {
      problems.push(`${label}: not a valid URL`)
      continue
    }

    const route = url.hash.match(/^#\/(\d+)/)
    if (url.origin === origin && route) {
      const target = Number(route[1])
      if (target < 1 || target > totalSlides)
        problems.push(`${label}: the deck has no slide ${target} (it has ${totalSlides})`)
      continue
    }
    if (url.origin === origin) {
      const file = `${url.origin}${url.pathname}`
      if (!checked.has(file)) {
        const response = await page.request.get(file, { maxRedirects: 0 })
        checked.set(file, response.status())
      }
      const status = checked.get(file)
      if (status !== 200)
        problems.push(`${label}: ${file} answers HTTP ${status}, expected 200`)
      continue
    }
    if (url.protocol === 'mailto:') {
      if (!/^[^@\s]+@[^\s@][^\s.@]*\.[^\s@]+$/.test(decodeURIComponent(url.pathname)))
        problems.push(`${label}: not a well-formed e-mail address`)
      continue
    }
    // A link to a server the audience starts on its own machine (the Flask demo) may be plain http.
    const onOwnMachine = LOOPBACK_HOSTS.has(url.hostname)
    if (url.protocol !== 'https:' && !(onOwnMachine && url.protocol === 'http:')) {
      problems.push(`${label}: external links must use https (found ${url.protocol})`)
      continue
    }
    const wellFormed = (onOwnMachine || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) && !/\s/.test(link.href)
    if (!wellFormed)
      problems.push(`${label}: not a well-formed https URL`)
    if (link.target !== '_blank')
      problems.push(`${label}: external links open in a new tab (target="_blank")`)
    if (!(link.rel ?? '').split(/\s+/).includes('noopener'))
      problems.push(`${label}: external links need rel="noopener"`)
    external.push(link)
  }
  return { problems, external }
}

export async function clippingProblems(page: Page, no: number): Promise<string[]> {
  const found = await page.evaluate(findClippedContent, no)
  return found.map(finding => `${finding.element} ${finding.problem}`)
}

/** WCAG AA for text: what every token of code must reach, in both colour schemes. */
export const MINIMUM_CODE_CONTRAST = 4.5

export async function codeContrastProblems(page: Page, no: number): Promise<string[]> {
  const found = await page.evaluate(findLowContrastCode, { no, minimum: MINIMUM_CODE_CONTRAST })
  return found.map(token => `"${token.text}" is ${token.colour} on ${token.background}: ${token.ratio}:1 (needs ${MINIMUM_CODE_CONTRAST}:1)`)
}

/** Rendered sizes the back row can read on a 1280 × 720 projection (issue 16). */
export const ROOM_TYPE = { body: 26, code: 22, label: 18 } as const

export async function typeSizeProblems(page: Page, no: number): Promise<string[]> {
  const found = await page.evaluate(findSmallText, { no, ...ROOM_TYPE })
  return found.map(text => `${text.kind} "${text.text}" is ${text.px} px on screen (needs ${text.minimum} px)`)
}
