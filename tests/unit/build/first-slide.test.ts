import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { compactSlideMeta, countSlides, dropFontSubsets, dropKatexStylesheet, moveNotesOut } from '../../../setup/first-slide/plugin'
import { slideMeta } from '../../../setup/first-slide/slide-meta'

const require = createRequire(import.meta.url)

// The shape of a frontmatter module as @slidev/cli 52 generates it in a build (node/vite/loaders.ts).
const info = { content: '', note: '', title: 'Intro', noteHTML: '<p>Say hello.</p>\n', images: [] }
const frontmatterModule = [
  '// @unocss-include',
  'import { computed, reactive, shallowReactive } from "vue"',
  'export const frontmatterData = {"layout":"cover"}',
  'export const frontmatter = reactive(frontmatterData)',
  'export const meta = shallowReactive({',
  ...['layout', 'transition', 'class', 'clicks', 'name', 'preload'].map(key => `  get ${key}(){ return frontmatter.${key} },`),
  '  slide: {',
  `    ...(${JSON.stringify(info)}),`,
  '    frontmatter,',
  '    no: 3,',
  '  },',
  '  __clicksContext: null,',
  '  __preloaded: false,',
  '})',
].join('\n')

describe('moveNotesOut', () => {
  it('takes the notes out of the slide info and reads them from the store instead', () => {
    const { code, noteHTML } = moveNotesOut(frontmatterModule, 2, '/store.ts')
    expect(noteHTML).toBe('<p>Say hello.</p>\n')
    expect(code).not.toContain('Say hello')
    expect(code).toContain('import { noteHTML as __deckNoteHTML } from "/store.ts"')
    expect(code).toContain('    get noteHTML() { return __deckNoteHTML(2) },\n    frontmatter,')
    expect(code).toContain('"title":"Intro"')
  })

  it('says so when Slidev\'s generated code has another shape', () => {
    expect(() => moveNotesOut('export const meta = {}', 0)).toThrow(/Slidev changed its code/)
    expect(() => moveNotesOut(frontmatterModule.replace('"noteHTML":"<p>Say hello.</p>\\n",', ''), 0)).toThrow(/no noteHTML/)
  })
})

describe('compactSlideMeta', () => {
  it('builds the meta with the shared helper, which reads through to the frontmatter as Slidev\'s getters do', () => {
    const code = compactSlideMeta(frontmatterModule, 2, '/meta.ts')
    expect(code).toContain('import { slideMeta as __deckSlideMeta } from "/meta.ts"')
    expect(code).toContain('export const meta = shallowReactive(__deckSlideMeta(frontmatter, {\n  slide: {')
    expect(code).not.toContain('get layout')
    expect(code.trimEnd().endsWith('  },\n}))')).toBe(true)
    const frontmatter: Record<string, unknown> = { layout: 'cover' }
    const meta = slideMeta(frontmatter, { slide: { no: 3 } })
    frontmatter.preload = false
    expect([meta.layout, meta.preload, meta.slide.no, meta.__clicksContext, meta.__preloaded]).toEqual(['cover', false, 3, null, false])
  })

  it('says so when Slidev builds the meta differently', () => {
    expect(() => compactSlideMeta(frontmatterModule.replace('  get name(){ return frontmatter.name },\n', ''), 0)).toThrow(/Slidev changed its code/)
  })
})

it('counts the slides the slides module lists', () => {
  expect(countSlides('import { meta as f1 } from \'/@slidev/slides/1/frontmatter\'\nimport { meta as f2 } from \'/@slidev/slides/2/frontmatter\'')).toBe(2)
})

it('drops only the KaTeX stylesheet from Slidev\'s conditional styles', () => {
  const code = 'import "/@fs/app/styles/index.ts"\nimport "/@fs/app/node_modules/katex/dist/katex.min.css"'
  expect(dropKatexStylesheet(code)).toBe('import "/@fs/app/styles/index.ts"\n')
})

describe('dropFontSubsets', () => {
  it('keeps Latin, Latin Extended, Greek and box drawing, drops Cyrillic and Vietnamese (the real @fontsource files)', () => {
    const nunito = dropFontSubsets(readFileSync(require.resolve('@fontsource/nunito-sans/400.css'), 'utf8'))
    const fira = dropFontSubsets(readFileSync(require.resolve('@fontsource/fira-code/400.css'), 'utf8'))
    expect(nunito.match(/@font-face/g)).toHaveLength(2)
    expect(nunito).toContain('nunito-sans-latin-400-normal.woff2')
    expect(nunito).toContain('nunito-sans-latin-ext-400-normal.woff2')
    expect(nunito).not.toMatch(/cyrillic|vietnamese/)
    expect(fira).toMatch(/fira-code-greek-400-normal\.woff2/)
    expect(fira).toMatch(/fira-code-symbols2-400-normal\.woff2/)
    expect(fira).not.toMatch(/cyrillic|greek-ext/)
  })
})
