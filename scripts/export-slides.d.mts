import type { Locator, Page } from '@playwright/test'
import type { PDFDocument } from 'pdf-lib'

export interface DeckSlide {
  no: number
  title: string
  level: number
  /** Index into Deck.chapters; null for slides of the entry file itself (the title slide). */
  chapter: number | null
  noteMarkdown: string
  /** The slide's Markdown body, as written. */
  source: string
}

export interface DeckChapter {
  number: number
  title: string
  file: string
  slideNos: number[]
}

export interface Deck {
  title: string
  exportFilename: string
  author: string
  info: string
  slides: DeckSlide[]
  chapters: DeckChapter[]
}

export interface OutlineItem {
  title: string
  pageIndex: number
  children: OutlineItem[]
}

export function titleFromChapterFile(file: string): string
export function groupIntoChapters(
  slides: { title?: string, level?: number, note?: string, content?: string, frontmatter?: Record<string, unknown>, file: string }[],
  entryFile?: string,
): { slides: DeckSlide[], chapters: DeckChapter[] }
export function loadDeck(userRoot?: string, entry?: string): Promise<Deck>
export function chapterOutline(deck: Deck, pageOfSlide?: (slideNo: number) => number): OutlineItem[]
export function setOutline(pdf: PDFDocument, items: OutlineItem[]): void
export function readOutline(pdf: PDFDocument): OutlineItem[]
export function editPdf(bytes: Uint8Array, edit: (pdf: PDFDocument) => void | Promise<void>): Promise<Uint8Array>
export function contentTypeOf(path: string): string
export function fileForRequest(root: string, base: string, requestPath: string): string | null
export function serveDirectory(root: string, options?: { base?: string, port?: number }): Promise<{ origin: string, url: string, close: () => Promise<void> }>
export const PRINT_WAIT_MS: number
export function openPrintRoute(page: Page, deckUrl: string, slideCount: number): Promise<Locator>
export function exportSlidesPdf(options: { dist: string, base?: string, out: string, deck: Deck, chromiumPath: string }): Promise<{ out: string, pages: number, milliseconds: number }>
