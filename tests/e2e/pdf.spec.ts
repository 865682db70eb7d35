// The two PDFs that `npm run build` puts next to the deck: the slides (one page per slide, chapter
// outline) behind the deck's download button, and the handout with the speaker notes.
import type { Deck as DeckSource } from '../../scripts/deck/model'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { EXERCISES } from '../../lib/exercises/index'
import { APPENDIX_TITLE } from '../../scripts/deck/exercise-appendix'
import { ROOM_MARKER } from '../../scripts/deck/handout-page'
import { loadDeck } from '../../scripts/deck/model'
import { readOutline } from '../../scripts/deck/pdf-outline'
import { expect, test } from './support/deck'
import { deckDist, PROJECT_ROOT } from './support/deck-env'

/** Text as compared: one space between words, straight quotes, no soft hyphens, case kept. */
function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, '\'')
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** What a reader sees of a Markdown note: no emphasis marks, code ticks, link targets or HTML. */
function plainNote(markdown: string): string {
  // Code spans are shown as written: set them aside before stripping marks and tags.
  const codeSpans: string[] = []
  // A fenced block prints its lines as they are: only its fences go.
  const withoutCode = markdown.replace(/^```[\w-]*\n([\s\S]*?)\n```\s*$/gm, (_, code: string) => `\u0000${codeSpans.push(code) - 1}\u0000`).replace(/`([^`]+)`/g, (_, code: string) => `\u0000${codeSpans.push(code) - 1}\u0000`)
  return withoutCode
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-z][\w-]*(?:\s[^>]*)?>/gi, ' ')
    .replace(/\[click(?::\d+)?\]/gi, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*~]+/g, '')
    // Underscores mark emphasis only at word edges; inside names (PYTHON_VERSION) they stay.
    .replace(/(^|\W)_+|_+(?=\W|$)/g, '$1')
    .replace(/^\s*(?:[\-+>]|\d+\.|#+)\s+/gm, '')
    .replace(/\0(\d+)\0/g, (_, index: string) => codeSpans[Number(index)]!)
}

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return normalizeText(execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))
}

/** Fonts that pdffonts lists as not embedded (the `emb` column). */
function fontsNotEmbedded(file: string): string[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  return lines.filter((line) => {
    // name, type, encoding vary in width; the last five columns are emb sub uni object-id generation.
    const columns = line.trim().split(/\s+/)
    return columns.at(-5) !== 'yes'
  })
}

/** 1-based numbers of pages rendered as a single flat colour (nothing drawn on them). */
function blankPages(file: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-pages-'))
  try {
    execFileSync('pdftoppm', ['-r', '20', file, join(dir, 'page')])
    const pages = readdirSync(dir).filter(name => name.endsWith('.ppm')).sort()
    const blank: number[] = []
    pages.forEach((name, index) => {
      const data = readFileSync(join(dir, name))
      // Binary PPM: "P6\n<w> <h>\n255\n" then RGB bytes.
      const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'))
      if (!header)
        throw new Error(`${name} is not a binary PPM`)
      const pixels = data.subarray(header[0].length)
      let differing = 0
      for (let i = 3; i < pixels.length; i += 3) {
        if (pixels[i] !== pixels[0] || pixels[i + 1] !== pixels[1] || pixels[i + 2] !== pixels[2])
          differing++
      }
      if (differing === 0)
        blank.push(index + 1)
    })
    return blank
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

let source: DeckSource
let slidesPdf = ''
let handoutPdf = ''

test.beforeAll(async () => {
  source = await loadDeck(PROJECT_ROOT)
  const dist = deckDist()
  slidesPdf = join(dist, `${source.exportFilename}.pdf`)
  handoutPdf = join(dist, `${source.exportFilename}-handout.pdf`)
  for (const file of [slidesPdf, handoutPdf]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: the deck in ${dist} was built without its PDFs. Run \`npm run build\`.`)
  }
})

test('the slides PDF has one page per slide, each with its slide\'s title', async () => {
  const pdf = await PDFDocument.load(readFileSync(slidesPdf))
  expect(pdf.getPageCount()).toBe(source.slides.length)
  for (const slide of source.slides)
    expect.soft(pdfText(slidesPdf, slide.no), `page ${slide.no}`).toContain(normalizeText(slide.title))
})

test('no page of either PDF is blank, and every font is embedded', () => {
  for (const file of [slidesPdf, handoutPdf]) {
    expect.soft(blankPages(file), `blank pages in ${file}`).toEqual([])
    expect.soft(fontsNotEmbedded(file), `fonts not embedded in ${file}`).toEqual([])
  }
})

test('both PDFs have an outline: chapters, then their slides, each pointing at its slide\'s page', async () => {
  const slidesPages = await PDFDocument.load(readFileSync(slidesPdf))
  const chapterFiles = source.chapters.map(chapter => chapter.file)
  expect(chapterFiles.every(file => /^pages\/\d+-.+\.md$/.test(file)), 'chapters are the pages/NN-*.md files').toBe(true)

  for (const [file, pdf] of [[slidesPdf, slidesPages], [handoutPdf, await PDFDocument.load(readFileSync(handoutPdf))]] as const) {
    const outline = readOutline(pdf)
    const chapterEntries = outline.filter(item => item.children.length > 0)
    expect(chapterEntries.map(item => item.title), `${file}: chapter entries`).toEqual(
      source.chapters.map(chapter => `${chapter.number}. ${chapter.title}`),
    )
    chapterEntries.forEach((entry, index) => {
      const chapter = source.chapters[index]!
      expect.soft(entry.children.map(child => child.title), `${file}: slides of ${entry.title}`).toEqual(
        chapter.slideNos.map(no => source.slides[no - 1]!.title),
      )
      // Every entry lands on a page that shows its slide's title (and the slide PDF has one per page).
      for (const [i, child] of entry.children.entries()) {
        const no = chapter.slideNos[i]!
        if (file === slidesPdf)
          expect.soft(child.pageIndex, `${file}: page of slide ${no}`).toBe(no - 1)
        expect.soft(pdfText(file, child.pageIndex + 1), `${file}: outline entry for slide ${no}`).toContain(normalizeText(child.title))
      }
    })
  }
})

/** Notes as the handout prints them: paragraphs and list items that start with `Room:` dropped. */
function withoutRoomLines(markdown: string): string {
  const item = /^\s*(?:[-*]|\d+\.)\s+/
  return markdown.split(/\n\s*\n/).map((block) => {
    const items: string[][] = []
    for (const line of block.split('\n')) {
      if (item.test(line) || items.length === 0)
        items.push([line])
      else
        items.at(-1)!.push(line)
    }
    return items.filter(lines => !lines[0]!.replace(item, '').trimStart().startsWith(ROOM_MARKER)).map(lines => lines.join('\n')).join('\n')
  }).filter(block => block.trim()).join('\n\n')
}

test('the handout holds every slide and its notes', () => {
  const text = pdfText(handoutPdf)
  // Inline code has padding, which pdftotext reads as a space ("prints this is 5 ."): notes are
  // compared with no spaces at all.
  // pdftotext reads a run of dashes as one ("--debug" comes back as "-debug"): compared as one.
  const compact = (value: string) => value.replace(/\s+/g, '').replace(/[-–—]+/g, '-')
  // Each page's running footer ("Docker: an overview - handout 12/125") may fall inside a paragraph that
  // continues on the next page: it is not part of the notes.
  const compactText = compact(text).replace(/Docker:anoverview[-–—]handout\d+\/\d+/g, '')
  const withNotes = source.slides.filter(slide => slide.noteMarkdown)
  expect(withNotes.length, 'slides with notes').toBeGreaterThan(0)
  expect(source.slides.some(slide => slide.noteMarkdown.includes(ROOM_MARKER)), 'notes with room-only lines').toBe(true)
  expect(compactText, 'room-only lines stay out of the handout').not.toContain(compact(ROOM_MARKER))
  for (const slide of source.slides) {
    expect.soft(text, `slide ${slide.no} heading`).toContain(normalizeText(`${slide.no} / ${source.slides.length} ${slide.title}`))
    if (!slide.noteMarkdown)
      continue
    // The first and last words of each note paragraph, as a reader would see them; presenter-only
    // lines (`Room: …`) are left out of the handout.
    const forReaders = withoutRoomLines(slide.noteMarkdown)
    for (const paragraph of plainNote(forReaders).split(/\n\s*\n/).map(normalizeText).filter(p => p.split(' ').length >= 4)) {
      const words = paragraph.split(' ')
      expect.soft(compactText, `slide ${slide.no} notes`).toContain(compact(words.slice(0, 6).join(' ')))
      expect.soft(compactText, `slide ${slide.no} notes`).toContain(compact(words.slice(-4).join(' ')))
    }
  }
})

test('the handout ends with every exercise\'s task, steps, expected output and reference solution', async () => {
  const pdf = await PDFDocument.load(readFileSync(handoutPdf))
  const entry = readOutline(pdf).find(item => item.title === APPENDIX_TITLE)
  expect(entry, 'an outline entry for the appendix').toBeDefined()
  const lastSlideHeading = normalizeText(`${source.slides.length} / ${source.slides.length} ${source.slides.at(-1)!.title}`)
  // Page by page, each without its running footer ("Docker: an overview - handout 137 / 143").
  const appendixText = Array.from({ length: pdf.getPageCount() - entry!.pageIndex }, (_, i) => pdfText(handoutPdf, entry!.pageIndex + 1 + i)
    .replace(/Docker: an overview - handout \d+ \/ \d+/g, ' ')).join(' ')
  expect(appendixText.startsWith(APPENDIX_TITLE), 'the appendix starts its page').toBe(true)
  expect(appendixText, 'after the last slide').not.toContain(lastSlideHeading)
  // No spaces (code padding, wrapped lines) and no dashes: pdftotext joins a word broken after its
  // hyphen ("Read-" / "only" comes back as "Readonly") and reads a run of dashes as one.
  const compact = (value: string) => normalizeText(value).replace(/\s+/g, '').replace(/[-–—]+/g, '')
  const text = compact(appendixText)
  for (const [index, exercise] of EXERCISES.entries()) {
    const where = `exercise ${index + 1} (${exercise.id})`
    expect.soft(text, `${where}: title`).toContain(compact(`${index + 1}. ${exercise.title}`))
    expect.soft(text, `${where}: task`).toContain(compact(exercise.task.replace(/`/g, '')))
    for (const step of exercise.steps)
      expect.soft(text, `${where}: step`).toContain(compact(step))
    expect.soft(text, `${where}: expected output`).toContain(compact(exercise.expectedOutput))
    for (const command of exercise.solutions.flatMap(solution => solution.commands))
      expect.soft(text, `${where}: solution`).toContain(compact(command))
  }
})

test('the deck\'s download button serves the slides PDF', async ({ deck, page, request }) => {
  await deck.open(1)
  // The navigation bar shows on hover, bottom left.
  await page.mouse.move(40, 700)
  const button = page.getByTitle('Download as PDF')
  await expect(button).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  const response = await request.get(download.url())
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  expect(Buffer.compare(await response.body(), readFileSync(slidesPdf)), 'the button serves the built slides PDF').toBe(0)
  deck.expectNoProblems('download')
})
