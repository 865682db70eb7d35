import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { groupIntoChapters, titleFromChapterFile } from '../../../scripts/deck/model'
import { chapterOutline, editPdf, readOutline, setOutline } from '../../../scripts/deck/pdf-outline'
import { PRINT_ZOOM_FLOOR } from '../../../scripts/deck/print-route'
import { fileForRequest, serveDirectory } from '../../../scripts/deck/static-server'
import { handoutSlideZoom, parseHandoutArgs, slideStartPages } from '../../../scripts/handout'

const SLIDES = [
  { title: 'Docker: an overview', file: 'slides.md', note: 'Welcome.' },
  { title: 'The problem of the state', file: 'pages/01-the-problem.md' },
  { title: 'What about security?', file: 'pages/01-the-problem.md' },
  { title: 'Enough talk, let\'s see this in action!', file: 'pages/04-running-containers.md', frontmatter: { chapter: 'Running containers' } },
  { file: 'pages/04-running-containers.md', content: '<DockerExplainer />' },
  { file: 'pages/05-volumes-logs-env.md' },
]

describe('groupIntoChapters', () => {
  const { slides, chapters } = groupIntoChapters(SLIDES)

  it('makes one chapter per pages file, in order, numbered from the file name', () => {
    expect(chapters).toEqual([
      { number: 1, title: 'The problem of the state', file: 'pages/01-the-problem.md', slideNos: [2, 3] },
      { number: 4, title: 'Running containers', file: 'pages/04-running-containers.md', slideNos: [4, 5] },
      { number: 5, title: 'Volumes logs env', file: 'pages/05-volumes-logs-env.md', slideNos: [6] },
    ])
  })

  it('leaves entry-file slides out of chapters and names untitled slides by number', () => {
    expect(slides.map(slide => [slide.no, slide.title, slide.chapter])).toEqual([
      [1, 'Docker: an overview', null],
      [2, 'The problem of the state', 0],
      [3, 'What about security?', 0],
      [4, 'Enough talk, let\'s see this in action!', 1],
      [5, 'Slide 5', 1],
      [6, 'Slide 6', 2],
    ])
    expect(slides[0]!.noteMarkdown).toBe('Welcome.')
    expect(slides[4]!.source).toBe('<DockerExplainer />')
  })

  it('titles a chapter from its file name when nothing better is there', () => {
    expect(titleFromChapterFile('pages/08-compose-and-kubernetes.md')).toBe('Compose and kubernetes')
  })
})

describe('pDF outline', () => {
  const deck = { title: 'Deck', exportFilename: 'deck', author: '', info: '', ...groupIntoChapters(SLIDES) }

  it('puts entry slides at the top, then chapters with their slides', () => {
    expect(chapterOutline(deck)).toEqual([
      { title: 'Docker: an overview', pageIndex: 0, children: [] },
      { title: '1. The problem of the state', pageIndex: 1, children: [
        { title: 'The problem of the state', pageIndex: 1, children: [] },
        { title: 'What about security?', pageIndex: 2, children: [] },
      ] },
      { title: '4. Running containers', pageIndex: 3, children: [
        { title: 'Enough talk, let\'s see this in action!', pageIndex: 3, children: [] },
        { title: 'Slide 5', pageIndex: 4, children: [] },
      ] },
      { title: '5. Volumes logs env', pageIndex: 5, children: [{ title: 'Slide 6', pageIndex: 5, children: [] }] },
    ])
  })

  it('survives a save and a reload, with non-Latin titles', async () => {
    const pdf = await PDFDocument.create()
    for (let i = 0; i < 6; i++)
      pdf.addPage([200, 100])
    const outline = chapterOutline(deck, no => no - 1)
    outline[0]!.title = 'Docker: an overview — ünïcødé 🐳'
    const bytes = await editPdf(await pdf.save(), doc => setOutline(doc, outline))
    expect(readOutline(await PDFDocument.load(bytes))).toEqual(outline)
  })

  it('refuses an entry pointing past the last page', async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage([200, 100])
    expect(() => setOutline(pdf, [{ title: 'Lost', pageIndex: 3, children: [] }])).toThrow(/page 4, but the PDF has 1 pages/)
  })

  it('finds each handout slide\'s page from Chromium\'s heading outline', () => {
    const chromiumOutline = [
      { title: '1 / 3Docker: an overview', pageIndex: 0, children: [{ title: 'Docker: an overview', pageIndex: 0, children: [] }] },
      { title: '2 / 3The problem', pageIndex: 1, children: [] },
      { title: 'The problem', pageIndex: 1, children: [{ title: '3 / 3Recap1. The problem', pageIndex: 3, children: [] }] },
    ]
    expect(slideStartPages(chromiumOutline, 3)).toEqual([0, 1, 3])
    expect(() => slideStartPages(chromiumOutline, 4)).toThrow(/no heading for slide\(s\) 1, 2, 3, 4/)
  })
})

describe('static server', () => {
  let root = ''
  let server: Awaited<ReturnType<typeof serveDirectory>>

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-test-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<p>deck</p>')
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
    writeFileSync(join(root, 'deck.pdf'), '%PDF-1.7')
    server = await serveDirectory(root, { base: '/sub/' })
  })
  afterAll(async () => {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('maps paths under the base only, never out of the folder', () => {
    expect(fileForRequest('/srv', '/sub/', '/sub/')).toBe('/srv/index.html')
    expect(fileForRequest('/srv', '/sub/', '/sub/assets/a.js?v=1')).toBe('/srv/assets/a.js')
    expect(fileForRequest('/srv', '/sub/', '/other/a.js')).toBeNull()
    expect(fileForRequest('/srv', '/sub/', '/sub/../../etc/passwd')).toBeNull()
    expect(fileForRequest('/srv', '/sub/', '/sub/%2e%2e/%2e%2e/etc/passwd')).toBeNull()
  })

  it('serves files with their types, 404 for missing ones, 400 outside the base', async () => {
    const index = await fetch(server.url)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toBe('<p>deck</p>')
    const pdf = await fetch(`${server.url}deck.pdf`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect((await fetch(`${server.url}assets/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404)
    expect((await fetch(`${server.origin}/assets/app.js`)).status).toBe(400)
  })

  it('refuses a base without its slashes', async () => {
    await expect(serveDirectory(root, { base: 'sub' })).rejects.toThrow(/start and end with "\/"/)
  })
})

describe('handout options', () => {
  it('defaults to dist/ at the root base, and refuses what it does not know', () => {
    expect(parseHandoutArgs([])).toEqual({ dist: 'dist', base: '/', out: '' })
    expect(parseHandoutArgs(['--dist', '/tmp/site', '--out=/tmp/h.pdf'])).toEqual({ dist: '/tmp/site', base: '/', out: '/tmp/h.pdf' })
    expect(() => parseHandoutArgs(['--pages', '3'])).toThrow(/Unknown option '--pages'.*Usage/)
  })
})

describe('handout page', () => {
  it('prints the deck\'s 980 px slides above the zoom floor, and would not a much wider one', () => {
    expect(handoutSlideZoom(980)).toBeGreaterThanOrEqual(PRINT_ZOOM_FLOOR)
    expect(handoutSlideZoom(1600)).toBeLessThan(PRINT_ZOOM_FLOOR)
  })
})
