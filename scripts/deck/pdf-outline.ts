// PDF outlines (bookmarks): the deck's chapter outline, written into a PDF and read back.
import type { PDFDocument } from 'pdf-lib'
import type { Deck } from './model'
import { PDFArray, PDFDict, PDFDocument as PdfDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib'

export interface OutlineItem {
  title: string
  pageIndex: number
  children: OutlineItem[]
}

/**
 * The outline of a PDF with one page per slide: entry-file slides at the top level, then each
 * chapter ("4. Running containers") with its slides under it. `pageOfSlide` gives a slide's
 * zero-based page index.
 */
export function chapterOutline(deck: Deck, pageOfSlide: (slideNo: number) => number = no => no - 1): OutlineItem[] {
  const outline: OutlineItem[] = []
  const emitted = new Set<number>()
  for (const slide of deck.slides) {
    if (slide.chapter === null) {
      outline.push({ title: slide.title, pageIndex: pageOfSlide(slide.no), children: [] })
      continue
    }
    if (emitted.has(slide.chapter))
      continue
    emitted.add(slide.chapter)
    const chapter = deck.chapters[slide.chapter]!
    outline.push({
      title: `${chapter.number}. ${chapter.title}`,
      pageIndex: pageOfSlide(chapter.slideNos[0]!),
      children: chapter.slideNos.map(no => ({ title: deck.slides[no - 1]!.title, pageIndex: pageOfSlide(no), children: [] })),
    })
  }
  return outline
}

/** Replaces the PDF's outline with `items`, chapters open, and asks viewers to show it. */
export function setOutline(pdf: PDFDocument, items: OutlineItem[]): void {
  const pages = pdf.getPages()
  const context = pdf.context
  const rootRef = context.nextRef()

  /** @returns how many entries are visible under `parentRef` (all open) */
  function writeLevel(levelItems: OutlineItem[], parentRef: PDFRef, parentDict: PDFDict): number {
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
        dict.set(PDFName.of('Prev'), refs[i - 1]!)
      if (i < refs.length - 1)
        dict.set(PDFName.of('Next'), refs[i + 1]!)
      if (item.children.length > 0) {
        const below = writeLevel(item.children, refs[i]!, dict)
        dict.set(PDFName.of('Count'), PDFNumber.of(below))
        visible += below
      }
      context.assign(refs[i]!, dict)
      visible += 1
    })
    if (refs.length > 0) {
      parentDict.set(PDFName.of('First'), refs[0]!)
      parentDict.set(PDFName.of('Last'), refs.at(-1)!)
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

function decodeTitle(value: unknown): string {
  if (value instanceof PDFHexString || value instanceof PDFString)
    return value.decodeText()
  return ''
}

/** Reads a PDF's outline back as a tree (titles and zero-based page indexes; -1 for no page). */
export function readOutline(pdf: PDFDocument): OutlineItem[] {
  const context = pdf.context
  const pageIndexByRef = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]))
  const lookupDict = (value: unknown): PDFDict | undefined =>
    value instanceof PDFRef ? context.lookup(value, PDFDict) : value instanceof PDFDict ? value : undefined

  function destinationPage(dict: PDFDict): number {
    let dest: unknown = dict.get(PDFName.of('Dest'))
    if (!dest)
      dest = lookupDict(dict.get(PDFName.of('A')))?.get(PDFName.of('D'))
    if (dest instanceof PDFRef)
      dest = context.lookup(dest)
    if (dest instanceof PDFArray) {
      const target = dest.get(0)
      return target instanceof PDFRef ? pageIndexByRef.get(target.toString()) ?? -1 : -1
    }
    return -1
  }

  function readLevel(firstRef: unknown): OutlineItem[] {
    const items: OutlineItem[] = []
    const seen = new Set<string>()
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
export async function editPdf(bytes: Uint8Array, edit: (pdf: PDFDocument) => void | Promise<void>): Promise<Uint8Array> {
  const pdf = await PdfDocument.load(bytes)
  await edit(pdf)
  return pdf.save()
}
