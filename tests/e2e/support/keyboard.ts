// Keyboard checks for a slide: typing into a field must never drive the deck (Slidev listens to
// space, arrows, letters such as d, o, g), and every interactive element can be reached with Tab and
// shows where the focus is.
import type { Locator, Page } from '@playwright/test'
import type { Deck, NavState } from './deck'

/** Elements a keyboard user must reach (mirrored in list-slides.mjs). */
export const INTERACTIVE_SELECTOR = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable]:not([contenteditable="false"]), .slidev-monaco-container'

/** Elements that take typed text (mirrored in list-slides.mjs). */
export const EDITABLE_SELECTOR = 'input:not([type=button], [type=submit], [type=reset], [type=checkbox], [type=radio], [type=range], [type=color], [type=file], [type=image], [type=hidden]), textarea, [contenteditable]:not([contenteditable="false"]), .slidev-monaco-container'

/** Typed into every field: letters Slidev binds (d, o, g, f), a space, and the arrow and edit keys. */
export const TYPED_TEXT = 'docker run -d --name fog go'
export const TYPED_KEYS = ['Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Backspace'] as const

export interface DeckSnapshot extends NavState {
  /** Slidev overlays open (quick overview, go-to dialog). */
  overlays: number
}

export async function deckSnapshot(deck: Deck): Promise<DeckSnapshot> {
  const state = await deck.state()
  const overlays = await deck.page.evaluate(() => [...document.querySelectorAll('#slidev-goto-dialog, .z-modal')]
    .filter(element => element.checkVisibility({ opacityProperty: true }))
    .length)
  return { ...state, overlays }
}

/** The text an editable element holds: a field's value, or the rendered text of an editor. */
export async function editableText(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
      return element.value
    const lines = element.querySelector('.view-lines')
    return (lines ?? element).textContent ?? ''
  })
}

/** Puts the keyboard focus into an editable element (into the editor for a Monaco container). */
export async function focusEditable(field: Locator): Promise<void> {
  const isMonaco = await field.evaluate(element => element.matches('.slidev-monaco-container'))
  if (isMonaco) {
    // Monaco focuses its own hidden input when its text area is clicked.
    await field.locator('.monaco-editor .view-lines').first().click()
    return
  }
  await field.focus()
}

/** Is the field read-only or disabled (so typing into it is not expected to do anything)? */
export async function isReadOnly(field: Locator): Promise<boolean> {
  return field.evaluate((element) => {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
      return element.readOnly || element.disabled
    if (element.matches('.slidev-monaco-container'))
      return element.querySelector('.monaco-editor textarea[readonly], .monaco-editor [aria-readonly="true"]') !== null
    return false
  })
}

export async function typeIntoFocused(page: Page): Promise<void> {
  await page.keyboard.type(TYPED_TEXT)
  for (const key of TYPED_KEYS)
    await page.keyboard.press(key)
}

export interface TabStop {
  /** Index among the slide's interactive elements, or -1 when the focus is outside the slide. */
  index: number
  description: string
}

/**
 * Marks the slide's visible interactive elements with `data-e2e-tab="<index>"` and describes them.
 * Elements inside another interactive element (a button in a Monaco editor) count as that element.
 */
export async function markInteractive(page: Page, no: number): Promise<string[]> {
  return page.evaluate(([no, selector]) => {
    const slide = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)!
    const all = [...slide.querySelectorAll(selector)]
      .filter(element => element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .filter(element => !element.closest('[inert], [aria-hidden="true"]'))
      .filter(element => !(element as HTMLInputElement).disabled)
    const outermost = all.filter(element => !all.some(other => other !== element && other.contains(element)))
    return outermost.map((element, index) => {
      element.setAttribute('data-e2e-tab', String(index))
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
      const label = element.getAttribute('aria-label') ?? element.getAttribute('placeholder') ?? element.getAttribute('title') ?? text
      return `<${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].slice(0, 2).join('.')}` : ''}>${label ? ` "${label}"` : ''}`
    })
  }, [no, INTERACTIVE_SELECTOR] as const)
}

/** Where the focus is now, in terms of the marked elements. */
export async function currentTabStop(page: Page): Promise<TabStop> {
  return page.evaluate(() => {
    const active = document.activeElement
    const marked = active?.closest('[data-e2e-tab]')
    const description = active ? `<${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}>` : '(nothing)'
    return { index: marked ? Number(marked.getAttribute('data-e2e-tab')) : -1, description }
  })
}

/**
 * A screenshot of the area where marked element `index` can show its focus: the element, and the
 * close ancestors around it (a field often shows focus on its frame, with :focus-within), plus a few
 * pixels for an outline drawn outside. Ancestors stop counting once they are much larger.
 */
export async function pictureAround(page: Page, index: number): Promise<Buffer> {
  const region = await page.evaluate((index) => {
    const element = document.querySelector(`[data-e2e-tab="${index}"]`)!
    const own = element.getBoundingClientRect()
    const area = (rect: DOMRect) => rect.width * rect.height
    let box = { left: own.left, top: own.top, right: own.right, bottom: own.bottom }
    let ancestor = element.parentElement
    for (let level = 0; level < 3 && ancestor && !ancestor.matches('[data-slidev-no]'); level++, ancestor = ancestor.parentElement) {
      const rect = ancestor.getBoundingClientRect()
      if (area(rect) > Math.max(4 * area(own), area(own) + 40_000))
        break
      box = {
        left: Math.min(box.left, rect.left),
        top: Math.min(box.top, rect.top),
        right: Math.max(box.right, rect.right),
        bottom: Math.max(box.bottom, rect.bottom),
      }
    }
    return box
  }, index)
  const viewport = page.viewportSize()!
  const margin = 6
  const x = Math.max(0, region.left - margin)
  const y = Math.max(0, region.top - margin)
  const clip = {
    x,
    y,
    width: Math.max(1, Math.min(viewport.width, region.right + margin) - x),
    height: Math.max(1, Math.min(viewport.height, region.bottom + margin) - y),
  }
  return page.screenshot({ clip, caret: 'hide', animations: 'disabled' })
}
