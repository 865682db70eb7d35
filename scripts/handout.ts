import type { Deck } from './deck/model'
// The handout for students reading alone: every slide, as rendered by the built deck's print route
// (real text, selectable, fonts embedded), followed by its speaker notes, on A4 landscape pages. It is
// for a reader: presenter-only lines (`Room: …`) are left out, an explainer's parts are a table in the
// notes, the cheat sheet is one table of its own, no slide is shrunk below PRINT_ZOOM_FLOOR, and an
// appendix at the end gives every exercise's task, steps, expected output and reference solution.
// `npx tsx scripts/handout.ts [--dist dist] [--base /] [--out dist/<exportFilename>-handout.pdf]`
import type { OutlineItem } from './deck/pdf-outline'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { EXERCISES } from '../lib/exercises/index'
import { APPENDIX_TITLE, appendixExercises, solutionsAppendix } from './deck/exercise-appendix'
import { cheatSheetTable, dropRoomLines, explainerTables, ROOM_MARKER } from './deck/handout-page'
import { chapterLabel, loadDeck } from './deck/model'
import { chapterOutline, editPdf, readOutline, setOutline } from './deck/pdf-outline'
import { openPrintRoute, PRINT_ZOOM_FLOOR } from './deck/print-route'
import { serveDirectory } from './deck/static-server'
import { requireChromium } from './find-chromium'

// A4 landscape at 96 CSS px per inch is 1122.5 px wide. A portrait page would shrink a 980 px slide
// to 0.69 (explainer text at 6 pt); landscape keeps it at SLIDE_ZOOM with the notes below it.
const PAGE_MARGIN = { top: '12mm', bottom: '14mm', left: '14mm', right: '14mm' }
const PAGE_CONTENT_WIDTH_PX = 1122.5 - (2 * 14 * 96) / 25.4
export const SLIDE_ZOOM = 0.9

/** How much a slide of this width is shrunk on the page: SLIDE_ZOOM, less only if the page is narrower. */
export function handoutSlideZoom(slideWidth: number): number {
  // The frame adds a pixel on each side.
  return Math.min(SLIDE_ZOOM, PAGE_CONTENT_WIDTH_PX / (slideWidth + 2))
}

function handoutCss(zoom: number): string {
  return `
@page { size: A4 landscape; margin: ${PAGE_MARGIN.top} ${PAGE_MARGIN.right} ${PAGE_MARGIN.bottom} ${PAGE_MARGIN.left}; }
html.print, html.print body, #app, #page-root, #print-container, #print-content {
  background: #fff !important;
}
/* Plain block flow, nothing clipped: forced page breaks do not cross grid items or clipped boxes. */
#page-root, #print-container, #print-content {
  display: block !important;
  overflow: visible !important;
  height: auto !important;
}
.print-slide-container {
  break-before: auto !important;
  break-after: auto !important;
  break-inside: avoid;
  /* A frame drawn in the page's own grey, whole: a hairline outline printed in parts. */
  border: 1px solid #c8c8c8;
  box-sizing: content-box;
  margin: 0 auto;
  /* zoom, unlike a transform, shrinks the layout box too, and text stays text. */
  zoom: ${zoom.toFixed(4)};
}
.handout-intro { font: 10.5pt/1.4 'Nunito Sans', sans-serif; color: #444; margin: 0 0 4mm; }
.handout-heading {
  break-before: page;
  break-after: avoid;
  margin: 0 0 3mm;
  font: 600 11pt/1.3 'Nunito Sans', sans-serif;
  color: #333;
  display: flex;
  gap: 0.6em;
  align-items: baseline;
}
.handout-heading.handout-first { break-before: auto; }
.handout-heading .handout-slide-no { color: #777; font-weight: 400; font-variant-numeric: tabular-nums; }
.handout-heading .handout-chapter { margin-left: auto; color: #777; font-weight: 400; font-size: 9.5pt; }
.handout-notes {
  margin: 4mm 0 0;
  font: 11pt/1.45 'Nunito Sans', sans-serif;
  color: #1f1f1f;
  /* A landscape line would be too long to read; one column keeps the reading (and copying) order. */
  max-width: 200mm;
}
.handout-notes p { margin: 0 0 0.6em; }
.handout-notes ul, .handout-notes ol { margin: 0 0 0.6em; padding-left: 1.4em; }
.handout-notes ul { list-style: disc outside; }
.handout-notes ol { list-style: decimal outside; }
.handout-notes li { display: list-item; }
.handout-notes li { margin: 0.15em 0; }
.handout-notes code {
  font-family: 'Fira Code', monospace;
  /* As typed, and as copied out of the PDF: no ligature turns -- into one glyph (read back as "-"). */
  font-variant-ligatures: none;
  font-feature-settings: 'calt' 0, 'liga' 0;
  font-size: 0.9em;
  background: #f1f1f1;
  border-radius: 3px;
  padding: 0 0.25em;
}
.handout-notes pre { white-space: pre-wrap; background: #f5f5f5; padding: 0.5em; border-radius: 4px; }
.handout-notes pre code { background: none; padding: 0; }
.handout-notes a { color: #0b5c7a; }
.handout-notes .slidev-note-click-mark { display: none; }
.handout-notes.handout-empty { color: #777; font-style: italic; }
/* The explainer on the slide shows its command at full size; its parts are the table in the notes. */
.print-slide-container .docker-explainer .tabs { display: none !important; }
.print-slide-container .docker-explainer { zoom: 1 !important; }
table.handout-explainer, table.handout-cheat-sheet {
  width: 100%;
  border-collapse: collapse;
  margin: 0 0 0.8em;
  font: 10.5pt/1.35 'Nunito Sans', sans-serif;
  break-inside: auto;
}
.handout-explainer caption { caption-side: top; text-align: left; font-weight: 600; margin-bottom: 0.3em; }
.handout-explainer th, .handout-cheat-sheet th { text-align: left; font-weight: 700; }
.handout-explainer th, .handout-explainer td, .handout-cheat-sheet td {
  border-bottom: 1px solid #d0d0d0;
  padding: 0.25em 0.5em 0.25em 0;
  vertical-align: top;
}
.handout-explainer td:first-child { white-space: nowrap; }
.handout-explainer td:last-child { color: #8a3b00; }
.handout-cheat-sheet-page { break-before: page; }
.handout-cheat-sheet-page h2 { font: 700 14pt/1.3 'Nunito Sans', sans-serif; margin: 0 0 3mm; }
.handout-cheat-sheet { columns: auto; }
.handout-cheat-sheet tbody { break-inside: avoid; }
.handout-cheat-sheet th { padding: 0.7em 0 0.2em; font-size: 11.5pt; border-bottom: 2px solid #888; }
.handout-cheat-sheet td:first-child { width: 45%; }
.handout-cheat-sheet code, .handout-explainer code { font-family: 'Fira Code', monospace; font-size: 0.92em; }
/* The exercise solutions: one column as wide as the notes (two would interleave when text is copied out). */
.handout-solutions-page { break-before: page; font: 10.5pt/1.4 'Nunito Sans', sans-serif; color: #1f1f1f; }
.handout-solutions-page h2 { font: 700 14pt/1.3 'Nunito Sans', sans-serif; margin: 0 0 2mm; }
.handout-solutions-intro { color: #444; margin: 0 0 4mm; max-width: 200mm; }
.handout-solutions { max-width: 200mm; }
.handout-solution { break-inside: avoid; margin: 0 0 6mm; }
.handout-solution h3 { display: flex; gap: 0.6em; align-items: baseline; font: 700 11.5pt/1.3 'Nunito Sans', sans-serif; margin: 0 0 1mm; break-after: avoid; }
.handout-solution-slide { margin-left: auto; color: #666; font-weight: 400; font-size: 9.5pt; white-space: nowrap; }
.handout-solution p { margin: 0; }
.handout-solution .handout-solution-label { margin: 1.6mm 0 0.6mm; font-weight: 700; font-size: 9.5pt; color: #444; }
.handout-solution-steps { margin: 0; padding-left: 1.5em; list-style: decimal outside; }
.handout-solution-steps li { display: list-item; margin: 0.1em 0; }
.handout-solution code, .handout-solution pre {
  font-family: 'Fira Code', monospace;
  font-variant-ligatures: none;
  font-feature-settings: 'calt' 0, 'liga' 0;
  font-size: 9.5pt;
}
.handout-solution-task code { background: #f1f1f1; border-radius: 3px; padding: 0 0.25em; }
.handout-solution pre { margin: 0; padding: 0.35em 0.5em; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.35; background: #f5f5f5; border: 1px solid #d0d0d0; border-radius: 3px; }
.handout-solution .handout-solution-note { margin-top: 1.4mm; color: #555; font-style: italic; }
`
}

export function handoutFilename(deck: Pick<Deck, 'exportFilename'>): string {
  return `${deck.exportFilename}-handout.pdf`
}

export interface HandoutOptions {
  /** The built deck. */
  dist: string
  base?: string
  out: string
  projectRoot?: string
  chromiumPath?: string
  deck?: Deck
}

/** Renders the handout PDF from a built deck. */
export async function buildHandout({ dist, base = '/', out, projectRoot = process.cwd(), chromiumPath = requireChromium(), deck: knownDeck }: HandoutOptions): Promise<{ out: string, pages: number, slides: number, milliseconds: number }> {
  const started = performance.now()
  const deck = knownDeck ?? await loadDeck(projectRoot)
  const server = await serveDirectory(dist, { base })
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] })
  try {
    // No service worker: the handout must not start the deck's offline precache while printing.
    const context = await browser.newContext({
      viewport: { width: Math.round(PAGE_CONTENT_WIDTH_PX), height: 1000 },
      colorScheme: 'light',
      serviceWorkers: 'block',
    })
    const page = await context.newPage()
    const containers = await openPrintRoute(page, server.url, deck.slides.length)

    const chapters = deck.slides.map(slide => chapterLabel(deck, slide))
    // The page-side helpers, by their source (tsx names functions with __name: an identity there).
    await page.addScriptTag({ content: `globalThis.__name ??= (f) => f;\nglobalThis.__handout = { dropRoomLines: ${dropRoomLines}, explainerTables: ${explainerTables}, cheatSheetTable: ${cheatSheetTable}, solutionsAppendix: ${solutionsAppendix} }` })
    const exercises = appendixExercises(EXERCISES, deck.slides)
    const missing = await page.evaluate(({ chapters, total, title, roomMarker, exercises, appendixTitle }) => {
      const helpers = (globalThis as unknown as { __handout: { dropRoomLines: typeof dropRoomLines, explainerTables: typeof explainerTables, cheatSheetTable: typeof cheatSheetTable, solutionsAppendix: typeof solutionsAppendix } }).__handout
      // The notes come from the built deck itself (what the presenter view shows, already HTML):
      // Slidev's render context, which the app provides to every component.
      interface SlideRoute { no: number, meta?: { slide?: { title?: string, noteHTML?: string } } }
      const app = document.querySelector('#app') as (Element & { __vue_app__?: { _context?: { provides?: Record<string, { nav?: { slides?: unknown } }> } } }) | null
      const slideRoutes = app?.__vue_app__?._context?.provides?.['$$slidev-context']?.nav?.slides
      if (!Array.isArray(slideRoutes))
        return ['Slidev\'s context ($$slidev-context) is not reachable from #app.__vue_app__']
      const slideMeta = new Map((slideRoutes as SlideRoute[]).map(route => [route.no, route.meta?.slide]))
      const problems: string[] = []
      const intro = document.createElement('p')
      intro.className = 'handout-intro'
      intro.textContent = `${title}: each slide with the speaker's notes below it.`
      document.querySelectorAll('.print-slide-container').forEach((container, index) => {
        const no = Number(container.id.split('-')[0])
        const meta = slideMeta.get(no)
        if (!meta)
          problems.push(`slide ${no} (container #${container.id}) has no route data`)

        const heading = document.createElement('h2')
        heading.className = `handout-heading${index === 0 ? ' handout-first' : ''}`
        const number = document.createElement('span')
        number.className = 'handout-slide-no'
        number.textContent = `${no} / ${total}`
        const name = document.createElement('span')
        name.textContent = meta?.title || `Slide ${no}`
        const chapter = document.createElement('span')
        chapter.className = 'handout-chapter'
        chapter.textContent = chapters[no - 1] ?? ''
        heading.append(number, name, chapter)

        const notes = document.createElement('div')
        notes.className = 'handout-notes'
        if (meta?.noteHTML?.trim()) {
          notes.innerHTML = meta.noteHTML
          helpers.dropRoomLines(notes, roomMarker)
        }
        const tables = helpers.explainerTables(container)
        notes.prepend(...tables)
        if (!notes.textContent?.trim()) {
          notes.classList.add('handout-empty')
          notes.textContent = 'No notes for this slide.'
        }
        container.before(heading)
        container.after(notes)
        if (index === 0)
          heading.before(intro)
      })
      const sheets = [...document.querySelectorAll('.print-slide-container .cheat-sheet')]
      const table = helpers.cheatSheetTable(sheets)
      if (sheets.length > 0 && !table)
        problems.push('the cheat sheet slides hold no "**Topic**" paragraph followed by a list')
      if (table) {
        const page = document.createElement('section')
        page.className = 'handout-cheat-sheet-page'
        const heading = document.createElement('h2')
        heading.textContent = 'Cheat sheet'
        page.append(heading, table)
        const last = sheets.at(-1)!.closest('.print-slide-container')!
        const lastNotes = last.nextElementSibling?.classList.contains('handout-notes') ? last.nextElementSibling : last
        lastNotes.after(page)
      }
      // After every slide, its notes and the cheat sheet: the last pages.
      const content = document.querySelector('.print-slide-container')?.parentElement
      if (!content)
        problems.push('the printed deck has no slide to put the exercise solutions after')
      else if (exercises.length > 0)
        content.append(helpers.solutionsAppendix(exercises, appendixTitle))
      return problems
    }, { chapters, total: deck.slides.length, title: deck.title, roomMarker: ROOM_MARKER, exercises, appendixTitle: APPENDIX_TITLE })
    if (missing.length > 0)
      throw new Error(`Cannot build the handout: ${missing.join('; ')}.`)

    const slideWidth = await containers.first().evaluate(element => element.getBoundingClientRect().width)
    const zoom = handoutSlideZoom(slideWidth)
    if (zoom < PRINT_ZOOM_FLOOR)
      throw new Error(`A ${slideWidth} px slide would print at ${zoom.toFixed(2)}× in the handout, below the ${PRINT_ZOOM_FLOOR}× floor.`)
    await page.addStyleTag({ content: handoutCss(zoom) })
    await page.evaluate(title => (document.title = title), `${deck.title} — handout with notes`)
    await page.evaluate(() => document.fonts.ready.then(() => undefined))

    // Chromium writes an outline from the document's headings (ours and the slides' own); it is the
    // one exact record of the page each slide's heading landed on. We read it, then replace it with
    // the chapter outline.
    const pdfBytes = await page.pdf({
      format: 'A4',
      landscape: true,
      margin: PAGE_MARGIN,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="width:100%;font:8pt sans-serif;color:#777;padding:0 14mm;display:flex;justify-content:space-between">`
        + `<span>${escapeHtml(deck.title)} — handout</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      outline: true,
      tagged: true,
    })
    const headings = readOutline(await PDFDocument.load(pdfBytes))
    const pageOfSlide = slideStartPages(headings, deck.slides.length)
    const appendixPage = exercises.length > 0 ? headingPage(headings, APPENDIX_TITLE) : null
    const finalBytes = await editPdf(pdfBytes, (pdf) => {
      const appendix = appendixPage === null ? [] : [{ title: APPENDIX_TITLE, pageIndex: appendixPage, children: [] }]
      setOutline(pdf, [...chapterOutline(deck, no => pageOfSlide[no - 1]!), ...appendix])
      pdf.setTitle(`${deck.title} — handout with notes`)
      pdf.setSubject('Slides with speaker notes')
    })
    await writeFile(out, finalBytes)
    const pages = (await PDFDocument.load(finalBytes)).getPageCount()
    return { out, pages, slides: deck.slides.length, milliseconds: Math.round(performance.now() - started) }
  }
  finally {
    await browser.close()
    await server.close()
  }
}

/** Zero-based PDF page of each slide's heading ("12 / 40 Title…"), found in Chromium's heading outline. */
export function slideStartPages(outline: OutlineItem[], slideCount: number): number[] {
  const pageOfSlide = Array.from<number>({ length: slideCount }).fill(-1)
  const visit = (items: OutlineItem[]) => {
    for (const item of items) {
      const match = /^(\d+) \/ (\d+)(?!\d)/.exec(item.title)
      if (match && Number(match[2]) === slideCount && pageOfSlide[Number(match[1]) - 1] === -1)
        pageOfSlide[Number(match[1]) - 1] = item.pageIndex
      visit(item.children)
    }
  }
  visit(outline)
  const lost = pageOfSlide.flatMap((page, index) => (page < 0 ? [index + 1] : []))
  if (lost.length > 0)
    throw new Error(`The handout PDF has no heading for slide(s) ${lost.join(', ')}; cannot place them in the outline.`)
  return pageOfSlide
}

/** Zero-based PDF page of the first heading titled `title` in Chromium's heading outline. */
export function headingPage(outline: OutlineItem[], title: string): number {
  const find = (items: OutlineItem[]): number | null => {
    for (const item of items) {
      if (item.title.trim() === title)
        return item.pageIndex
      const inside = find(item.children)
      if (inside !== null)
        return inside
    }
    return null
  }
  const page = find(outline)
  if (page === null)
    throw new Error(`The handout PDF has no heading "${title}"; cannot place it in the outline.`)
  return page
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

const USAGE = 'Usage: npx tsx scripts/handout.ts [--dist dist] [--base /] [--out file.pdf]'

export function parseHandoutArgs(argv: string[]): { dist: string, base: string, out: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, out: { type: 'string', default: '' } },
      strict: true,
      allowPositionals: false,
    })
    return { dist: values.dist, base: values.base, out: values.out }
  }
  catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error} ${USAGE}`)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const options = parseHandoutArgs(process.argv.slice(2))
    const deck = await loadDeck()
    const out = resolve(options.out || join(options.dist, handoutFilename(deck)))
    const result = await buildHandout({ dist: resolve(options.dist), base: options.base, out, deck })
    console.log(`${result.out}: ${result.pages} pages for ${result.slides} slides in ${(result.milliseconds / 1000).toFixed(1)} s`)
  }
  catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
