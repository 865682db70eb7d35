// The slides PDF: one page per slide at its last click step, the size of a slide, real text, the
// deck's metadata and the chapter outline, printed from the built deck.
import type { Deck } from './deck/model'
import { writeFile } from 'node:fs/promises'
import { chromium } from '@playwright/test'
import { chapterOutline, editPdf, setOutline } from './deck/pdf-outline'
import { openPrintRoute } from './deck/print-route'
import { serveDirectory } from './deck/static-server'

export interface SlidesPdfOptions {
  /** The built deck. */
  dist: string
  base?: string
  out: string
  deck: Deck
  chromiumPath: string
}

export async function exportSlidesPdf({ dist, base = '/', out, deck, chromiumPath }: SlidesPdfOptions): Promise<{ out: string, pages: number, milliseconds: number }> {
  const started = performance.now()
  const server = await serveDirectory(dist, { base })
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] })
  try {
    // The print route lays slides out at the window's width: it must be the slide's own width, or
    // the pages come out cut. Slidev's default canvas first; the deck's own size, measured, if not.
    const context = await browser.newContext({ viewport: { width: 980, height: 552 }, colorScheme: 'light', serviceWorkers: 'block' })
    const page = await context.newPage()
    let containers = await openPrintRoute(page, server.url, deck.slides.length)
    const box = await containers.first().boundingBox()
    if (!box)
      throw new Error('The first slide of the print route has no size.')
    if (Math.round(box.width) !== page.viewportSize()?.width) {
      await page.setViewportSize({ width: Math.round(box.width), height: Math.round(box.height) })
      containers = await openPrintRoute(page, server.url, deck.slides.length)
    }
    const pdfBytes = await page.pdf({
      width: `${box.width}px`,
      height: `${box.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: true,
    })
    let pages = 0
    const bytes = await editPdf(pdfBytes, (pdf) => {
      pages = pdf.getPageCount()
      if (pages !== deck.slides.length)
        throw new Error(`The slides PDF has ${pages} pages for ${deck.slides.length} slides; expected one page per slide.`)
      pdf.setTitle(deck.title)
      if (deck.author)
        pdf.setAuthor(deck.author)
      if (deck.info)
        pdf.setSubject(deck.info)
      setOutline(pdf, chapterOutline(deck))
    })
    await writeFile(out, bytes)
    return { out, pages, milliseconds: Math.round(performance.now() - started) }
  }
  finally {
    await browser.close()
    await server.close()
  }
}
