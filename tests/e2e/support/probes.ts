// Functions that run inside the page (through page.evaluate): each looks at one slide of the built
// deck and returns plain data. They must be self-contained, as Playwright sends their source text.

export interface OverflowFinding {
  /** What runs off: a text snippet or an element description. */
  what: string
  /** By how many slide pixels it passes each edge (only the edges it passes). */
  beyond: Partial<Record<'left' | 'right' | 'top' | 'bottom', number>>
  /** Set when the content sits in a scroll box that is not marked as meant to scroll. */
  inUnmarkedScrollBox?: string
}

/**
 * Text and pictures of slide `no` that are visible yet lie (partly) outside the slide's canvas.
 * Coordinates come from getBoundingClientRect, which already includes Slidev's canvas scaling; the
 * result is given back in slide pixels. Content clipped by an `overflow: hidden` box inside the slide
 * is not visible there and does not count; a box that reaches the slide's edge (Slidev's layout)
 * does not hide content from this check, since what it cuts is cut at the slide's edge. A scroll box counts as meant to scroll when it carries `data-scrollable`
 * or a tabindex (a keyboard user must be able to scroll it); content in any other scroll box that
 * really scrolls is measured as if the box did not clip it.
 */
export function findOverflowingContent(no: number): OverflowFinding[] {
  const canvas = document.querySelector<HTMLElement>('#slide-content')
  const slide = canvas?.querySelector<HTMLElement>(`[data-slidev-no="${no}"]`)
  if (!canvas || !slide)
    throw new Error(`slide ${no} is not in the page`)
  const bounds = canvas.getBoundingClientRect()
  const scale = bounds.width / canvas.offsetWidth
  const toleranceSlidePx = 1

  interface Box { left: number, top: number, right: number, bottom: number }
  const describe = (element: Element): string => {
    const classes = [...element.classList].slice(0, 3).map(c => `.${c}`).join('')
    const src = element.getAttribute('src') ?? element.getAttribute('href')
    return `<${element.tagName.toLowerCase()}${classes}${src ? ` src="${src.slice(0, 80)}"` : ''}>`
  }
  const isScrollAxis = (value: string) => value === 'auto' || value === 'scroll'
  const meantToScroll = (element: Element) =>
    element.hasAttribute('data-scrollable') || element.hasAttribute('tabindex')

  /** The part of `box` left visible by the clipping ancestors of `element`, or null. */
  function visiblePart(element: Element, box: Box): { box: Box, unmarked?: string } | null {
    // Copied field by field: a DOMRect's fields are getters, which a spread would drop.
    const visible = { left: box.left, top: box.top, right: box.right, bottom: box.bottom }
    let unmarked: string | undefined
    for (let ancestor = element.parentElement; ancestor && ancestor !== canvas; ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor)
      if (style.overflowX === 'visible' && style.overflowY === 'visible')
        continue
      const rect = ancestor.getBoundingClientRect()
      const axes: Array<['x' | 'y', string]> = [['x', style.overflowX], ['y', style.overflowY]]
      for (const [axis, overflow] of axes) {
        if (overflow === 'visible')
          continue
        const scrolls = axis === 'x'
          ? ancestor.scrollWidth > ancestor.clientWidth + 1
          : ancestor.scrollHeight > ancestor.clientHeight + 1
        if (isScrollAxis(overflow) && scrolls && !meantToScroll(ancestor)) {
          unmarked ??= describe(ancestor)
          continue
        }
        // A box edge on (or past) the slide's edge hides nothing the slide edge would not: content
        // cut there still runs off the slide. Only edges inside the slide keep content in.
        const inside = toleranceSlidePx * scale
        if (axis === 'x') {
          if (rect.left > bounds.left + inside)
            visible.left = Math.max(visible.left, rect.left)
          if (rect.right < bounds.right - inside)
            visible.right = Math.min(visible.right, rect.right)
        }
        else {
          if (rect.top > bounds.top + inside)
            visible.top = Math.max(visible.top, rect.top)
          if (rect.bottom < bounds.bottom - inside)
            visible.bottom = Math.min(visible.bottom, rect.bottom)
        }
      }
      if (visible.right - visible.left < 0.5 || visible.bottom - visible.top < 0.5)
        return null
    }
    return { box: visible, unmarked }
  }

  const findings: OverflowFinding[] = []
  const seen = new Set<string>()
  function measure(element: Element, box: Box, what: string) {
    if (box.right - box.left < 0.5 || box.bottom - box.top < 0.5)
      return
    const part = visiblePart(element, box)
    if (!part)
      return
    const beyond: OverflowFinding['beyond'] = {}
    const edges = {
      left: bounds.left - part.box.left,
      right: part.box.right - bounds.right,
      top: bounds.top - part.box.top,
      bottom: part.box.bottom - bounds.bottom,
    }
    for (const [edge, by] of Object.entries(edges) as Array<[keyof typeof edges, number]>) {
      if (by / scale > toleranceSlidePx)
        beyond[edge] = Math.round(by / scale)
    }
    if (Object.keys(beyond).length === 0 || seen.has(what))
      return
    seen.add(what)
    findings.push({ what, beyond, ...(part.unmarked ? { inUnmarkedScrollBox: part.unmarked } : {}) })
  }

  const shown = (element: Element) =>
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })

  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim()
    const parent = node.parentElement
    if (!text || !parent || !shown(parent))
      continue
    const range = document.createRange()
    range.selectNodeContents(node)
    for (const rect of range.getClientRects())
      measure(parent, rect, `text "${text.slice(0, 60)}"`)
  }

  const pictures = slide.querySelectorAll('img, svg, video, canvas, iframe, object, embed, [role="img"]')
  for (const picture of pictures) {
    if (picture.parentElement?.closest('svg') || !shown(picture))
      continue
    measure(picture, picture.getBoundingClientRect(), describe(picture))
  }
  return findings
}

export interface UnnamedImage {
  element: string
  problem: string
}

/**
 * Pictures on slide `no` without a text alternative: `img` needs a non-empty alt, `[role=img]` (also
 * `svg[role=img]`) an accessible name (aria-label, aria-labelledby or an svg `<title>`). Decorative
 * pictures say so: `aria-hidden="true"`, or `alt=""` together with role="presentation" or "none".
 */
export function findUnnamedImages(no: number): UnnamedImage[] {
  const slide = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)
  if (!slide)
    throw new Error(`slide ${no} is not in the page`)
  const describe = (element: Element) => {
    const src = element.getAttribute('src')
    const classes = [...element.classList].slice(0, 3).map(c => `.${c}`).join('')
    return `<${element.tagName.toLowerCase()}${classes}${src ? ` src="${src.slice(0, 80)}"` : ''}>`
  }
  const hidden = (element: Element) => element.closest('[aria-hidden="true"]') !== null
  const labelledBy = (element: Element) => (element.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map(id => (id ? document.getElementById(id)?.textContent ?? '' : ''))
    .join(' ')
    .trim()

  const problems: UnnamedImage[] = []
  for (const img of slide.querySelectorAll('img')) {
    if (hidden(img))
      continue
    const alt = img.getAttribute('alt')
    const role = img.getAttribute('role')
    const decorative = alt === '' && (role === 'presentation' || role === 'none')
    if (decorative)
      continue
    if (alt === null)
      problems.push({ element: describe(img), problem: 'has no alt attribute' })
    else if (!alt.trim() && !img.getAttribute('aria-label')?.trim() && !labelledBy(img))
      problems.push({ element: describe(img), problem: 'has an empty alt: describe it, or mark it decorative with role="presentation"' })
  }
  for (const picture of slide.querySelectorAll('[role="img"]')) {
    if (hidden(picture) || picture.tagName.toLowerCase() === 'img')
      continue
    const title = picture.tagName.toLowerCase() === 'svg'
      ? picture.querySelector(':scope > title')?.textContent?.trim()
      : ''
    const name = picture.getAttribute('aria-label')?.trim() || labelledBy(picture) || title
    if (!name)
      problems.push({ element: describe(picture), problem: 'has role="img" but no accessible name (aria-label, aria-labelledby or <title>)' })
  }
  return problems
}

export interface SlideLink {
  /** The href as written. */
  href: string
  /** The href resolved against the page. */
  url: string
  text: string
  target: string | null
  rel: string | null
  download: boolean
}

/** Every link (`a[href]`, `area[href]`) on slide `no`. */
export function listLinks(no: number): SlideLink[] {
  const slide = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)
  if (!slide)
    throw new Error(`slide ${no} is not in the page`)
  return [...slide.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')].map(link => ({
    href: link.getAttribute('href') ?? '',
    url: link.href,
    text: (link.textContent ?? link.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
    target: link.getAttribute('target'),
    rel: link.getAttribute('rel'),
    download: link.hasAttribute('download'),
  }))
}

export interface ClippedContent {
  /** The box that cuts, or the widget that is too tall. */
  element: string
  problem: string
}

/**
 * Content of slide `no` that the audience cannot see in full: a box that cuts off text (overflow
 * hidden or clip, or a line clamp) with no way to scroll, a scroll box with hidden content but no
 * visible scroll bar or no way to reach it by keyboard, and a widget taller than the slide itself.
 * Screen-reader-only text (1 px boxes) and Monaco's own virtual scrolling are not the audience's view.
 */
export function findClippedContent(no: number): ClippedContent[] {
  const canvas = document.querySelector<HTMLElement>('#slide-content')
  const slide = canvas?.querySelector<HTMLElement>(`[data-slidev-no="${no}"]`)
  if (!canvas || !slide)
    throw new Error(`slide ${no} is not in the page`)
  const tolerance = 2
  const found: ClippedContent[] = []
  const describe = (element: Element): string => {
    const classes = [...element.classList].slice(0, 3).map(c => `.${c}`).join('')
    const testId = element.getAttribute('data-testid')
    return `<${element.tagName.toLowerCase()}${classes}${testId ? ` data-testid="${testId}"` : ''}>`
  }
  const snippet = (text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim()
    return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean
  }
  /** Text of `element` drawn (partly) outside its own visible box. */
  const textOutside = (element: Element): string | null => {
    const box = element.getBoundingClientRect()
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim())
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0)
          continue
        if (rect.bottom > box.bottom + tolerance || rect.top < box.top - tolerance || rect.right > box.right + tolerance || rect.left < box.left - tolerance)
          return snippet(node.textContent)
      }
    }
    return null
  }

  const slideBox = canvas.getBoundingClientRect()
  for (const widget of slide.querySelectorAll('.docker-explainer, .slidev-monaco-container, svg.dg, [data-widget]')) {
    const box = widget.getBoundingClientRect()
    if (widget.checkVisibility() && box.height > slideBox.height + tolerance)
      found.push({ element: describe(widget), problem: `is ${Math.round(box.height)} px tall on a ${Math.round(slideBox.height)} px slide` })
  }

  for (const element of slide.querySelectorAll<HTMLElement>('*')) {
    if (element.closest('.monaco-editor') || element instanceof SVGElement || !element.checkVisibility())
      continue
    if (element.clientWidth <= 2 || element.clientHeight <= 2)
      continue
    const style = getComputedStyle(element)
    const cutsAt = (value: string) => value === 'hidden' || value === 'clip'
    const scrollsAt = (value: string) => value === 'auto' || value === 'scroll'
    const hiddenY = element.scrollHeight > element.clientHeight + tolerance
    const hiddenX = element.scrollWidth > element.clientWidth + tolerance
    const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && hiddenY
    if (clamped || (cutsAt(style.overflowY) && hiddenY) || (cutsAt(style.overflowX) && hiddenX)) {
      const cut = textOutside(element)
      if (cut !== null)
        found.push({ element: describe(element), problem: `cuts off "${cut}" with no way to scroll` })
      continue
    }
    const scrollY = scrollsAt(style.overflowY) && hiddenY
    const scrollX = scrollsAt(style.overflowX) && hiddenX
    if (!scrollY && !scrollX)
      continue
    const hasBar = scrollY ? element.offsetWidth - element.clientWidth - Number.parseFloat(style.borderLeftWidth) - Number.parseFloat(style.borderRightWidth) > 0 : element.offsetHeight - element.clientHeight - Number.parseFloat(style.borderTopWidth) - Number.parseFloat(style.borderBottomWidth) > 0
    const reachable = element.tabIndex >= 0 || element.hasAttribute('data-scrollable')
    if (!hasBar)
      found.push({ element: describe(element), problem: `hides ${scrollY ? element.scrollHeight - element.clientHeight : element.scrollWidth - element.clientWidth} px of content behind a scroll with no visible scroll bar` })
    else if (!reachable)
      found.push({ element: describe(element), problem: 'scrolls, but not by keyboard (no tabindex)' })
  }
  return found
}

export interface LowContrastToken {
  text: string
  colour: string
  background: string
  ratio: number
}

/**
 * Code text on slide `no` (code blocks, inline code, Monaco editors, the explainer's command parts)
 * whose rendered colour has less than `minimum`:1 contrast with the background it is drawn on, as
 * Chromium computes both. One finding per colour pair.
 */
export function findLowContrastCode({ no, minimum }: { no: number, minimum: number }): LowContrastToken[] {
  const slide = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)
  if (!slide)
    throw new Error(`slide ${no} is not in the page`)
  const parse = (value: string): [number, number, number, number] => {
    const match = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(value)
    if (!match)
      throw new Error(`cannot read the colour "${value}"`)
    return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])]
  }
  const over = (top: [number, number, number, number], bottom: [number, number, number]): [number, number, number] =>
    [0, 1, 2].map(i => top[i]! * top[3] + bottom[i]! * (1 - top[3])) as [number, number, number]
  const backgroundOf = (element: Element): [number, number, number] => {
    const layers: [number, number, number, number][] = []
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor)
      if (colour[3] > 0)
        layers.push(colour)
      if (colour[3] >= 1)
        break
    }
    const page = document.documentElement.classList.contains('dark') ? [18, 18, 18] as [number, number, number] : [255, 255, 255] as [number, number, number]
    return layers.reverse().reduce((below, layer) => over(layer, below), page)
  }
  const luminance = (rgb: [number, number, number]) => {
    const [r, g, b] = rgb.map((c) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const hex = (rgb: [number, number, number]) => `#${rgb.map(c => Math.round(c).toString(16).padStart(2, '0')).join('')}`
  const findings = new Map<string, LowContrastToken>()
  const selector = '.slidev-code span, :not(pre) > code, .monaco-editor .view-line span, .docker-explainer [class*="ex-kind-"]'
  for (const element of slide.querySelectorAll(selector)) {
    const ownText = [...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.textContent ?? '').join('').trim()
    if (!ownText || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      continue
    const background = backgroundOf(element)
    const colour = over(parse(getComputedStyle(element).color), background)
    const [high, low] = [luminance(colour), luminance(background)].sort((a, b) => b - a) as [number, number]
    const ratio = (high + 0.05) / (low + 0.05)
    if (ratio >= minimum)
      continue
    const key = `${hex(colour)} on ${hex(background)}`
    if (!findings.has(key))
      findings.set(key, { text: ownText.slice(0, 40), colour: hex(colour), background: hex(background), ratio: Math.round(ratio * 100) / 100 })
  }
  return [...findings.values()]
}

export interface SmallText {
  kind: 'body' | 'code' | 'diagram label'
  text: string
  /** Rendered size in screen pixels (the test window is 1280 × 720, like the room's projector). */
  px: number
  minimum: number
}

/**
 * Text of slide `no` smaller on screen than the room can read: body text under `body` px, code under
 * `code` px, diagram labels under `label` px. Sizes are as rendered (the canvas scale, and an SVG's
 * own scale, included). Widgets' own controls (the explainer's tabs and tags), the footer and
 * screen-reader-only text are not body text.
 */
export function findSmallText({ no, body, code, label }: { no: number, body: number, code: number, label: number }): SmallText[] {
  const canvas = document.querySelector<HTMLElement>('#slide-content')
  const slide = canvas?.querySelector<HTMLElement>(`[data-slidev-no="${no}"]`)
  if (!canvas || !slide)
    throw new Error(`slide ${no} is not in the page`)
  const scale = canvas.getBoundingClientRect().width / canvas.offsetWidth
  const found = new Map<string, SmallText>()
  const note = (kind: SmallText['kind'], element: Element, px: number, minimum: number) => {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)
    if (px + 0.05 < minimum && text && !found.has(`${kind}:${text}`))
      found.set(`${kind}:${text}`, { kind, text, px: Math.round(px * 10) / 10, minimum })
  }
  for (const element of slide.querySelectorAll('svg.dg text')) {
    const svg = element.closest('svg')!
    const svgScale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
    note('diagram label', element, Number.parseFloat(getComputedStyle(element).fontSize) * svgScale, label)
  }
  // The layer view is a student's tool for their own screen (a Dockerfile, a table of steps): like the
  // explainer's panel it is read up close, so its text is measured by its own tests, not by the room's floor.
  const skip = '.docker-explainer, .layer-view, svg, .deck-footer, .sr-only, .slidev-monaco-container, .monaco-editor'
  for (const element of slide.querySelectorAll('pre code, :not(pre) > code')) {
    if (!element.closest(skip) && element.checkVisibility())
      note('code', element, Number.parseFloat(getComputedStyle(element).fontSize) * scale, code)
  }
  for (const element of slide.querySelectorAll('.monaco-editor .view-line')) {
    if (element.checkVisibility())
      note('code', element, Number.parseFloat(getComputedStyle(element).fontSize) * scale, code)
  }
  for (const element of slide.querySelectorAll('.docker-explainer .explainer-spans, .docker-explainer textarea')) {
    if (element.checkVisibility())
      note('code', element, Number.parseFloat(getComputedStyle(element).fontSize) * scale, code)
  }
  for (const element of slide.querySelectorAll('p, li, td, th, blockquote, dd, dt')) {
    if (element.closest(skip) || !element.checkVisibility())
      continue
    const ownText = [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
    if (ownText)
      note('body', element, Number.parseFloat(getComputedStyle(element).fontSize) * scale, body)
  }
  return [...found.values()]
}
