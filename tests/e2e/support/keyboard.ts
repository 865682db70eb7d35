// Keyboard checks for a slide: typing into a field must never drive the deck (Slidev listens to
// space, arrows, letters such as d, o, g), and every interactive element can be reached with Tab and
// shows where the focus is.
import type { Locator, Page } from '@playwright/test'
import type { Deck, NavState } from './deck'

/**
 * Elements a keyboard user must reach. A Monaco editor counts as one element. Elements with a
 * negative tabindex are left to their widget (a roving tabindex moves the one Tab stop of a group).
 * list-slides.mjs mirrors this, plus `.slidev-monaco-container` for editors not drawn yet.
 */
export const INTERACTIVE_SELECTOR = ':is(a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]:not([contenteditable="false"]), .monaco-editor):not([tabindex^="-"])'

/** Elements that take typed text (mirrored in list-slides.mjs). */
export const EDITABLE_SELECTOR = ':is(input:not([type=button], [type=submit], [type=reset], [type=checkbox], [type=radio], [type=range], [type=color], [type=file], [type=image], [type=hidden]), textarea, [contenteditable]:not([contenteditable="false"]), .monaco-editor):not([tabindex^="-"])'

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

/** Puts the keyboard focus into an editable element (into the text of a Monaco editor). */
export async function focusEditable(field: Locator): Promise<void> {
  const isMonaco = await field.evaluate(element => element.matches('.monaco-editor'))
  if (isMonaco) {
    // Monaco focuses its own hidden input when its text area is clicked.
    await field.locator('.view-lines').first().click()
    return
  }
  await field.focus()
}

/** Is the field read-only or disabled (so typing into it is not expected to do anything)? */
export async function isReadOnly(field: Locator): Promise<boolean> {
  return field.evaluate((element) => {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
      return element.readOnly || element.disabled
    if (element.matches('.monaco-editor'))
      return element.querySelector('textarea[readonly], [aria-readonly="true"]') !== null
    return false
  })
}

export async function typeIntoFocused(page: Page): Promise<void> {
  await page.keyboard.type(TYPED_TEXT)
  for (const key of TYPED_KEYS)
    await page.keyboard.press(key)
}

export interface InteractiveElement {
  description: string
  /** Can be seen (not hidden by opacity or visibility): a Tab stop on an unseen element is a defect. */
  visible: boolean
}

/**
 * Marks the slide's interactive elements with `data-e2e-tab="<index>"` and describes them. Elements
 * inside another interactive element count as that element. Disabled and inert ones are left out;
 * hidden ones (opacity 0, visibility hidden) are marked as not visible.
 */
export async function markInteractive(page: Page, no: number): Promise<InteractiveElement[]> {
  return page.evaluate(([no, selector]) => {
    const slide = document.querySelector(`#slide-content [data-slidev-no="${no}"]`)!
    const all = [...slide.querySelectorAll(selector)]
      .filter(element => element.checkVisibility())
      .filter(element => !element.closest('[inert], [aria-hidden="true"]'))
      .filter(element => !(element as HTMLInputElement).disabled)
    const outermost = all.filter(element => !all.some(other => other !== element && other.contains(element)))
    return outermost.map((element, index) => {
      element.setAttribute('data-e2e-tab', String(index))
      return (window as any).__deckE2E.describeInteractive(element)
    })
  }, [no, INTERACTIVE_SELECTOR] as const)
}

export interface TabStop {
  /** The focus is inside the slide. */
  inSlide: boolean
  /** Index of the marked element holding the focus (marked now if it was not), or -1 outside the slide. */
  index: number
  /** Marked just now: a Tab stop the first look did not list (a roving tabindex moved to it). */
  added?: InteractiveElement
  /** The same DOM element as at the previous call: Tab did not move the focus. */
  same: boolean
  /** For a Monaco editor: Monaco shows it has the focus (`.focused`, with its cursor). */
  editorFocused?: boolean
  /** The focused element can be seen now (a control may stay hidden until it has the focus). */
  visibleWhenFocused: boolean
  description: string
}

/** Where the focus is now, in terms of the marked elements of slide `no`. */
export async function currentTabStop(page: Page, no: number): Promise<TabStop> {
  return page.evaluate((no) => {
    const helper = (window as any).__deckE2E
    const active = document.activeElement
    const same = active === helper.lastActive
    helper.lastActive = active
    const classes = active?.classList.length ? `.${[...active.classList].slice(0, 2).join('.')}` : ''
    const description = active ? `<${active.tagName.toLowerCase()}${classes}>` : '(nothing)'
    const visibleWhenFocused = Boolean(active?.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    if (!active || !active.closest(`#slide-content [data-slidev-no="${no}"]`))
      return { inSlide: false, index: -1, same, visibleWhenFocused, description }
    let marked = active.closest('[data-e2e-tab]')
    let added
    if (!marked) {
      marked = active
      marked.setAttribute('data-e2e-tab', String(document.querySelectorAll('[data-e2e-tab]').length))
      added = helper.describeInteractive(marked)
    }
    const editor = marked.matches('.monaco-editor') ? marked.classList.contains('focused') : undefined
    return { inSlide: true, index: Number(marked.getAttribute('data-e2e-tab')), added, same, editorFocused: editor, visibleWhenFocused, description }
  }, no)
}

/** Marked elements that still are Tab stops now (a roving tabindex may have moved away from some). */
export async function stillTabStops(page: Page, indexes: number[]): Promise<number[]> {
  return page.evaluate(([indexes, selector]) => indexes.filter((index) => {
    const element = document.querySelector(`[data-e2e-tab="${index}"]`)
    return element?.matches(selector) && element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  }), [indexes, INTERACTIVE_SELECTOR] as const)
}

/** Takes the focus away from the focused element, or gives it back (to compare both looks). */
export async function setFocused(page: Page, focused: boolean): Promise<void> {
  await page.evaluate((focused) => {
    const helper = (window as any).__deckE2E
    if (focused)
      helper.lastActive?.focus()
    else
      (document.activeElement as HTMLElement | null)?.blur()
  }, focused)
}

/**
 * A screenshot of the area where marked element `index` can show its focus: the element, and the
 * close ancestors around it (a field often shows focus on its frame, with :focus-within), plus a few
 * pixels for an outline drawn outside. Ancestors stop counting once they are much larger.
 * Null when the element is not inside the window at all.
 */
export async function pictureAround(page: Page, index: number): Promise<Buffer | null> {
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
  const width = Math.min(viewport.width, region.right + margin) - x
  const height = Math.min(viewport.height, region.bottom + margin) - y
  if (width < 1 || height < 1)
    return null
  const clip = { x, y, width, height }
  return page.screenshot({ clip, caret: 'hide', animations: 'disabled' })
}
