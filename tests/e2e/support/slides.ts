// The slides of the deck under test, known before any test runs (see list-slides.mjs and
// playwright.config.ts), so that every test can carry its slide's number and title in its name.
import { readFileSync } from 'node:fs'

export interface SlideListing {
  no: number
  /** The slide's title as Slidev reads it (its first heading), '' when it has none. */
  title: string
  /** Elements a keyboard user should reach with Tab (links, buttons, fields, editors). */
  interactive: number
  /** Elements that take typed text (text fields, textareas, contenteditable, Monaco editors). */
  editable: number
}

export interface DeckListing {
  dist: string
  total: number
  slides: SlideListing[]
}

/** Set by playwright.config.ts in the runner process; workers inherit it. */
export const SLIDE_LIST_ENV = 'DECK_E2E_SLIDE_LIST'

let cached: DeckListing | undefined

export function deckListing(): DeckListing {
  if (cached)
    return cached
  const file = process.env[SLIDE_LIST_ENV]
  if (!file)
    throw new Error(`${SLIDE_LIST_ENV} is not set: run the tests through playwright.config.ts (npx playwright test).`)
  cached = JSON.parse(readFileSync(file, 'utf8')) as DeckListing
  return cached
}

export function deckSlides(): SlideListing[] {
  return deckListing().slides
}

/** `slide 12 "Step 2: download the image"`: how tests and failure messages name a slide. */
export function slideName(slide: Pick<SlideListing, 'no' | 'title'>): string {
  return `slide ${slide.no} ${slide.title ? JSON.stringify(slide.title) : '(untitled)'}`
}
