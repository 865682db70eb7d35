// Shared pieces of the PDF and offline build: the deck's structure (slides grouped by chapter file),
// a PDF outline writer/reader, and a plain static file server that mounts a built deck at its base.
import { createReadStream } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { basename, extname, join, relative, resolve, sep } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib'

/**
 * @typedef {{ no: number, title: string, level: number, chapter: number | null, noteMarkdown: string, source: string }} DeckSlide
 * @typedef {{ number: number, title: string, file: string, slideNos: number[] }} DeckChapter
 * @typedef {{ title: string, exportFilename: string, author: string, info: string, slides: DeckSlide[], chapters: DeckChapter[] }} Deck
 * @typedef {{ title: string, pageIndex: number, children: OutlineItem[] }} OutlineItem
 */

const CHAPTER_FILE = /^(\d+)-(.+)\.md$/

/** "05-volumes-logs-env.md" → "Volumes logs env": the fallback when a chapter has no titled slide. */
export function titleFromChapterFile(file) {
  const match = CHAPTER_FILE.exec(basename(file))
  const words = (match ? match[2] : basename(file, extname(file))).replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Groups slides into chapters. A chapter is one `pages/NN-*.md` file; slides written in the entry file
 * itself (the title slide) belong to none. The chapter's title is its first slide's `chapter:`
 * frontmatter, else that slide's title, else one made from the file name.
 * @param {{ title?: string, level?: number, note?: string, content?: string, frontmatter?: Record<string, unknown>, file: string }[]} slides
 *   in deck order, `file` relative to the project root
 * @param {string} entryFile relative to the project root
 * @returns {{ slides: DeckSlide[], chapters: DeckChapter[] }}
 */
export function groupIntoChapters(slides, entryFile = 'slides.md') {
  /** @type {DeckChapter[]} */
  const chapters = []
  const deckSlides = slides.map((slide, index) => {
    const no = index + 1
    let chapter = null
    if (slide.file !== entryFile) {
      let current = chapters.at(-1)
      if (!current || current.file !== slide.file) {
        const named = typeof slide.frontmatter?.chapter === 'string' ? slide.frontmatter.chapter.trim() : ''
        const fileNumber = CHAPTER_FILE.exec(basename(slide.file))?.[1]
        current = {
          number: fileNumber ? Number(fileNumber) : chapters.length + 1,
          title: named || slide.title?.trim() || titleFromChapterFile(slide.file),
          file: slide.file,
          slideNos: [],
        }
        chapters.push(current)
      }
      current.slideNos.push(no)
      chapter = chapters.length - 1
    }
    return { no, title: slide.title?.trim() || `Slide ${no}`, level: slide.level ?? 1, chapter, noteMarkdown: slide.note?.trim() ?? '', source: slide.content ?? '' }
  })
  return { slides: deckSlides, chapters }
}

/**
 * Reads the deck the way Slidev does (hidden and disabled slides left out, `src:` imports resolved).
 * @returns {Promise<Deck>}
 */
export async function loadDeck(userRoot = process.cwd(), entry = 'slides.md') {
  const { parser } = await import('@slidev/cli')
  const entryPath = resolve(userRoot, entry)
  const data = await parser.load(userRoot, entryPath)
  const toProjectPath = path => relative(userRoot, path).split(sep).join('/')
  const grouped = groupIntoChapters(
    data.slides.map(slide => ({
      title: slide.title,
      level: slide.level,
      note: slide.note,
      content: slide.content,
      frontmatter: slide.frontmatter,
      file: toProjectPath(slide.source.filepath),
    })),
    toProjectPath(entryPath),
  )
  const title = String(data.headmatter.title ?? grouped.slides[0]?.title ?? 'Slides')
  // Slidev's own default when the headmatter names no file.
  const exportFilename = String(data.headmatter.exportFilename ?? 'slidev-exported')
  const author = typeof data.headmatter.author === 'string' ? data.headmatter.author : ''
  const info = typeof data.headmatter.info === 'string' ? data.headmatter.info.trim() : ''
  return { title, exportFilename, author, info, ...grouped }
}

/**
 * The outline of a PDF with one page per slide: entry-file slides at the top level, then each
 * chapter ("4. Running containers") with its slides under it.
 * @param {Deck} deck
 * @param {(slideNo: number) => number} pageOfSlide zero-based page index of a slide
 * @returns {OutlineItem[]}
 */
export function chapterOutline(deck, pageOfSlide = no => no - 1) {
  /** @type {OutlineItem[]} */
  const outline = []
  const emitted = new Set()
  for (const slide of deck.slides) {
    if (slide.chapter === null) {
      outline.push({ title: slide.title, pageIndex: pageOfSlide(slide.no), children: [] })
      continue
    }
    if (emitted.has(slide.chapter))
      continue
    emitted.add(slide.chapter)
    const chapter = deck.chapters[slide.chapter]
    outline.push({
      title: `${chapter.number}. ${chapter.title}`,
      pageIndex: pageOfSlide(chapter.slideNos[0]),
      children: chapter.slideNos.map(no => ({ title: deck.slides[no - 1].title, pageIndex: pageOfSlide(no), children: [] })),
    })
  }
  return outline
}

/**
 * Replaces the PDF's outline (bookmarks) with `items`, chapters open, and asks viewers to show it.
 * @param {PDFDocument} pdf
 * @param {OutlineItem[]} items
 */
export function setOutline(pdf, items) {
  const pages = pdf.getPages()
  const context = pdf.context
  const rootRef = context.nextRef()

  /** @returns {number} how many entries are visible under `parentRef` (all open) */
  function writeLevel(levelItems, parentRef, parentDict) {
    const refs = levelItems.map(() => context.nextRef())
    let visible = 0
    levelItems.forEach((item, i) => {
      const page = pages[item.pageIndex]
      if (!page)
        throw new Error(`Outline entry "${item.title}" points at page ${item.pageIndex + 1}, but the PDF has ${pages.length} pages.`)
      const dict = context.obj({})
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title))
      dict.set(PDFName.of('Parent'), parentRef)
      dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('Fit')]))
      if (i > 0)
        dict.set(PDFName.of('Prev'), refs[i - 1])
      if (i < refs.length - 1)
        dict.set(PDFName.of('Next'), refs[i + 1])
      if (item.children.length > 0) {
        const below = writeLevel(item.children, refs[i], dict)
        dict.set(PDFName.of('Count'), PDFNumber.of(below))
        visible += below
      }
      context.assign(refs[i], dict)
      visible += 1
    })
    if (refs.length > 0) {
      parentDict.set(PDFName.of('First'), refs[0])
      parentDict.set(PDFName.of('Last'), refs.at(-1))
    }
    return visible
  }

  const root = context.obj({ Type: 'Outlines' })
  const count = writeLevel(items, rootRef, root)
  root.set(PDFName.of('Count'), PDFNumber.of(count))
  context.assign(rootRef, root)
  pdf.catalog.set(PDFName.of('Outlines'), rootRef)
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

function decodeTitle(value) {
  if (value instanceof PDFHexString || value instanceof PDFString)
    return value.decodeText()
  return ''
}

/**
 * Reads a PDF's outline back as a tree (titles and zero-based page indexes).
 * @param {PDFDocument} pdf
 * @returns {OutlineItem[]}
 */
export function readOutline(pdf) {
  const context = pdf.context
  const pageIndexByRef = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]))
  const lookupDict = value => (value instanceof PDFRef ? context.lookup(value, PDFDict) : value instanceof PDFDict ? value : undefined)

  function destinationPage(dict) {
    let dest = dict.get(PDFName.of('Dest'))
    if (!dest) {
      const action = lookupDict(dict.get(PDFName.of('A')))
      dest = action?.get(PDFName.of('D'))
    }
    if (dest instanceof PDFRef)
      dest = context.lookup(dest)
    if (dest instanceof PDFArray) {
      const target = dest.get(0)
      return target instanceof PDFRef ? pageIndexByRef.get(target.toString()) ?? -1 : -1
    }
    return -1
  }

  function readLevel(firstRef) {
    const items = []
    const seen = new Set()
    let ref = firstRef
    while (ref instanceof PDFRef && !seen.has(ref.toString())) {
      seen.add(ref.toString())
      const dict = context.lookup(ref, PDFDict)
      items.push({
        title: decodeTitle(dict.get(PDFName.of('Title'))),
        pageIndex: destinationPage(dict),
        children: readLevel(dict.get(PDFName.of('First'))),
      })
      ref = dict.get(PDFName.of('Next'))
    }
    return items
  }

  const root = lookupDict(pdf.catalog.get(PDFName.of('Outlines')))
  return root ? readLevel(root.get(PDFName.of('First'))) : []
}

/** Loads a PDF, lets `edit` change it, saves it back. */
export async function editPdf(bytes, edit) {
  const pdf = await PDFDocument.load(bytes)
  await edit(pdf)
  return pdf.save()
}

/** How long one slide may take to settle in print (Pyodide starting on a busy machine takes a while). */
export const PRINT_WAIT_MS = 180_000

/**
 * Opens the built deck's print route (every slide, at its last click step) and waits until it has
 * settled the way Slidev's exporter does (no loading placeholders, every `data-waitfor` target
 * shown, Monaco's hidden aria text out of the way), with room for a slow machine.
 * @param {import('@playwright/test').Page} page
 * @param {string} deckUrl the deck's base URL
 * @param {number} slideCount
 */
export async function openPrintRoute(page, deckUrl, slideCount) {
  const pageErrors = []
  page.on('pageerror', error => pageErrors.push(error.message))
  await page.goto(`${deckUrl}?print=true#/print`, { waitUntil: 'networkidle', timeout: PRINT_WAIT_MS })
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  const containers = page.locator('.print-slide-container')
  await containers.first().waitFor({ timeout: PRINT_WAIT_MS })
  const rendered = await containers.count()
  if (rendered !== slideCount) {
    throw new Error(`The print route rendered ${rendered} slides, but the deck has ${slideCount}. `
      + `Page errors: ${pageErrors.join(' | ') || 'none'}`)
  }
  const loading = page.locator('.slidev-slide-loading')
  for (let i = await loading.count() - 1; i >= 0; i--)
    await loading.nth(i).waitFor({ state: 'detached', timeout: PRINT_WAIT_MS })
  const waiting = page.locator('[data-waitfor]')
  for (let i = 0; i < await waiting.count(); i++) {
    const element = waiting.nth(i)
    const target = await element.getAttribute('data-waitfor')
    if (!target)
      continue
    const slideId = await element.evaluate(node => node.closest('.print-slide-container')?.id ?? '?')
    await element.locator(target).first().waitFor({ state: 'visible', timeout: PRINT_WAIT_MS }).catch(() => {
      throw new Error(`In print, slide ${slideId.split('-')[0]} never showed "${target}" (waited ${PRINT_WAIT_MS / 1000} s).`)
    })
  }
  // Mermaid's scratch area sits after the last slide: once diagrams are drawn it would only add a
  // blank last page. Monaco's screen-reader text is off-screen, not for paper.
  const mermaid = page.locator('#mermaid-rendering-container')
  if (await mermaid.count() > 0) {
    await page.waitForFunction(() => !document.querySelector('#mermaid-rendering-container > div'), undefined, { timeout: PRINT_WAIT_MS })
    await mermaid.evaluate(node => (node.style.display = 'none'))
  }
  await page.locator('.monaco-aria-container').evaluateAll(nodes => nodes.forEach(node => (node.style.display = 'none')))
  await page.waitForLoadState('networkidle', { timeout: PRINT_WAIT_MS })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return containers
}

/**
 * The slides PDF: one page per slide at its last click step, the size of a slide, real text,
 * the deck's metadata and the chapter outline.
 * @param {{ dist: string, base?: string, out: string, deck: Deck, chromiumPath: string }} options
 */
export async function exportSlidesPdf({ dist, base = '/', out, deck, chromiumPath }) {
  const started = performance.now()
  const { chromium } = await import('@playwright/test')
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

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.tar': 'application/x-tar',
  '.whl': 'application/zip',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a request path to a file under `root` when the deck is mounted at `base`; null when the path
 * is outside the base or tries to climb out of `root`. Like a plain static host: no rewrites.
 */
export function fileForRequest(root, base, requestPath) {
  let path
  try {
    path = decodeURIComponent(requestPath.split(/[?#]/)[0])
  }
  catch {
    return null
  }
  if (!path.startsWith(base))
    return null
  const inside = path.slice(base.length)
  const file = resolve(root, `./${inside}`)
  if (file !== resolve(root) && !file.startsWith(resolve(root) + sep))
    return null
  return inside === '' || inside.endsWith('/') ? join(file, 'index.html') : file
}

/**
 * Serves `root` at `base` on 127.0.0.1 (port 0 = any free port). No compression, no SPA fallback:
 * what a plain static host does.
 * @returns {Promise<{ origin: string, url: string, close: () => Promise<void> }>}
 */
export async function serveDirectory(root, { base = '/', port = 0 } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`The base must start and end with "/", got "${base}".`)
  const server = http.createServer(async (request, response) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? fileForRequest(root, base, request.url ?? '/') : null
    const info = file ? await stat(file).catch(() => null) : null
    if (!file || !info?.isFile()) {
      response.writeHead(file ? 404 : 400, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(file ? 'Not found\n' : 'Bad request\n')
      return
    }
    response.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': info.size,
      'Last-Modified': info.mtime.toUTCString(),
      'Cache-Control': 'no-cache',
    })
    if (request.method === 'HEAD')
      response.end()
    else
      createReadStream(file).pipe(response)
  })
  // Keep-alive sockets would keep close() waiting after the browser is gone.
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolveListen(undefined))
  })
  const address = server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise((resolveClose) => {
      for (const socket of sockets)
        socket.destroy()
      server.close(() => resolveClose(undefined))
    }),
  }
}
