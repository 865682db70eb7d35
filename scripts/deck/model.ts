// The deck's structure as the build, the PDFs and the tests see it: slides in deck order, grouped
// into chapters (one `pages/NN-*.md` file each), read the way Slidev reads them.
import { basename, extname, relative, resolve, sep } from 'node:path'

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

export interface SourceSlide {
  title?: string
  level?: number
  note?: string
  content?: string
  frontmatter?: Record<string, unknown>
  /** Relative to the project root. */
  file: string
}

const CHAPTER_FILE = /^(\d+)-(.+)\.md$/

/** "05-volumes-logs-env.md" → "Volumes logs env": the fallback when a chapter has no titled slide. */
export function titleFromChapterFile(file: string): string {
  const match = CHAPTER_FILE.exec(basename(file))
  const words = (match ? match[2]! : basename(file, extname(file))).replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Groups slides into chapters. A chapter is one `pages/NN-*.md` file; slides written in the entry file
 * itself (the title slide) belong to none. The chapter's title is its first slide's `chapter:`
 * frontmatter, else that slide's title, else one made from the file name.
 */
export function groupIntoChapters(slides: SourceSlide[], entryFile = 'slides.md'): { slides: DeckSlide[], chapters: DeckChapter[] } {
  const chapters: DeckChapter[] = []
  const deckSlides = slides.map((slide, index): DeckSlide => {
    const no = index + 1
    let chapter: number | null = null
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

/** Reads the deck the way Slidev does (hidden and disabled slides left out, `src:` imports resolved). */
export async function loadDeck(userRoot = process.cwd(), entry = 'slides.md'): Promise<Deck> {
  const { parser } = await import('@slidev/cli')
  const entryPath = resolve(userRoot, entry)
  const data = await parser.load({ roots: [userRoot], userRoot }, entryPath)
  const toProjectPath = (path: string) => relative(userRoot, path).split(sep).join('/')
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

/** "4. Running containers" for slides in a chapter, "" for the entry file's own slides. */
export function chapterLabel(deck: Deck, slide: DeckSlide): string {
  if (slide.chapter === null)
    return ''
  const chapter = deck.chapters[slide.chapter]!
  return `${chapter.number}. ${chapter.title}`
}
