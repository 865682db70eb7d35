// What the first slide downloads, cut to what it draws (issue 16: no heavier than a stock one-slide
// deck). Slidev's build puts every slide's rendered notes in the module that lists the slides (loaded
// before slide 1), ships Vue with its template compiler (no template here is compiled at run time) and
// loads KaTeX's stylesheet on every slide as soon as any `$…$` appears anywhere, shell variables included.
// This plugin moves the notes into one lazy chunk (setup/first-slide/notes-store.ts), bundles Vue's
// runtime-only build, gives KaTeX's stylesheet only to the slides (and notes) that render KaTeX, and
// keeps only the font subsets of the scripts the deck writes in (a subset is an @font-face rule in the
// stylesheet every slide downloads, even when its file never is). The one font file the title slide
// draws is preloaded: otherwise its download starts only once the slide is laid out.
import type { Plugin } from 'vite'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const NOTES_STORE = fileURLToPath(new URL('./notes-store.ts', import.meta.url))
const SLIDE_META = fileURLToPath(new URL('./slide-meta.ts', import.meta.url))
const NOTES_ID = 'virtual:deck-notes'
const RESOLVED_NOTES_ID = `\0${NOTES_ID}`
// The ids Slidev gives its generated modules (@slidev/cli, node/vite/loaders.ts and node/virtual/).
const SLIDES_MODULE = '/@slidev/slides'
const CONDITIONAL_STYLES = '/@slidev/conditional-styles'
const SLIDE_FRONTMATTER = /__slidev_(\d+)\.frontmatter$/
const SLIDE_MARKDOWN = /__slidev_\d+\.md$/
// `slide: { ...(<the slide's info as JSON>), frontmatter, … }` in each frontmatter module.
const SLIDE_INFO_LINE = /^( *)\.\.\.\((\{[^\n]*\})\),$/m
const KATEX_IMPORT = /^import "[^"\n]*katex\.min\.css";?$/m
const RENDERS_KATEX = /\bkatex\b/
const FONTSOURCE_CSS = /\/@fontsource\/[\w-]+\/[\w-]+\.css$/
// Latin, and Greek for Fira Code (µs); no text of the deck is Cyrillic or Vietnamese. A character of
// those typed into a terminal is drawn in the system's font.
const UNUSED_FONT_SUBSETS = ['cyrillic', 'cyrillic-ext', 'greek-ext', 'vietnamese']
const FONT_FACE = /(?:\/\*[^*]*\*\/\s*)?@font-face\s*\{[^}]*\}\s*/g

/**
 * A slide's frontmatter module without its notes: the info keeps a `noteHTML` getter that reads the
 * lazy notes store instead. Throws when Slidev's generated code no longer has the expected shape.
 */
export function moveNotesOut(code: string, index: number, store = NOTES_STORE): { code: string, noteHTML: string } {
  const line = SLIDE_INFO_LINE.exec(code)
  if (!line)
    throw new Error(`Slide ${index + 1}'s frontmatter module has no "...({slide info}),"` + ' line: Slidev changed its code, update setup/first-slide/plugin.ts.')
  const info = JSON.parse(line[2]!) as { noteHTML?: unknown }
  if (typeof info.noteHTML !== 'string')
    throw new Error(`Slide ${index + 1}'s info has no noteHTML string: Slidev changed its code, update setup/first-slide/plugin.ts.`)
  const { noteHTML, ...rest } = info
  const indent = line[1]!
  const replaced = `${indent}...(${JSON.stringify(rest)}),\n${indent}get noteHTML() { return __deckNoteHTML(${index}) },`
  return {
    code: `import { noteHTML as __deckNoteHTML } from ${JSON.stringify(store)}\n${code.slice(0, line.index)}${replaced}${code.slice(line.index + line[0].length)}`,
    noteHTML,
  }
}

// Slidev's meta object in each frontmatter module, getters first and two flags last.
const META_HEAD = [
  'export const meta = shallowReactive({',
  ...['layout', 'transition', 'class', 'clicks', 'name', 'preload'].map(key => `  get ${key}(){ return frontmatter.${key} },`),
].join('\n')
const META_TAIL = '  __clicksContext: null,\n  __preloaded: false,\n})'

/** A frontmatter module whose meta object is built by slide-meta.ts instead of spelled out. */
export function compactSlideMeta(code: string, index: number, helper = SLIDE_META): string {
  const head = code.indexOf(META_HEAD)
  const tail = code.lastIndexOf(META_TAIL)
  if (head < 0 || tail < head)
    throw new Error(`Slide ${index + 1}'s frontmatter module builds its meta differently: Slidev changed its code, update setup/first-slide/slide-meta.ts and plugin.ts.`)
  return `import { slideMeta as __deckSlideMeta } from ${JSON.stringify(helper)}\n${code.slice(0, head)}`
    + `export const meta = shallowReactive(__deckSlideMeta(frontmatter, {${code.slice(head + META_HEAD.length, tail)}}))${code.slice(tail + META_TAIL.length)}`
}

/** The number of slides the slides module lists (one `meta as fN` import each). */
export function countSlides(code: string): number {
  return code.match(/\bimport \{ meta as f\d+ \}/g)?.length ?? 0
}

/** Slidev's conditional styles without the deck-wide KaTeX stylesheet. */
export function dropKatexStylesheet(code: string): string {
  return code.replace(KATEX_IMPORT, '')
}

/** A @fontsource stylesheet without the @font-face rules of `subsets`. */
export function dropFontSubsets(css: string, subsets: readonly string[] = UNUSED_FONT_SUBSETS): string {
  const unused = new RegExp(`-(?:${subsets.join('|')})-\\d+-(?:normal|italic)\\.woff2?\\b`)
  const kept = css.replace(FONT_FACE, rule => unused.test(rule) ? '' : rule)
  if (unused.test(kept))
    throw new Error('A font subset to drop is still referenced: @fontsource changed its stylesheets, update setup/first-slide/plugin.ts.')
  return kept
}

// The body face, regular, Latin: the only font file the title slide's text uses (headmatter `fonts.sans`).
const FIRST_SLIDE_FONT = /(?:^|\/)nunito-sans-latin-400-normal-[\w-]+\.woff2$/

export function firstSlidePlugins(): Plugin[] {
  return [fontSubsets(), lighterFirstSlide(), preloadFirstSlideFont()]
}

function preloadFirstSlideFont(): Plugin {
  let base = '/'
  return {
    name: 'deck:preload-first-slide-font',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const font = Object.keys(context.bundle ?? {}).find(file => FIRST_SLIDE_FONT.test(file))
        if (!font)
          throw new Error('The title slide\'s font (Nunito Sans 400, Latin) is not in the build: update FIRST_SLIDE_FONT in setup/first-slide/plugin.ts.')
        return [{ tag: 'link', attrs: { rel: 'preload', href: `${base}${font}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' }]
      },
    },
  }
}

function fontSubsets(): Plugin {
  return {
    name: 'deck:font-subsets',
    apply: 'build',
    // Before Vite's CSS plugin turns the font URLs into asset references.
    enforce: 'pre',
    transform(code, id) {
      return FONTSOURCE_CSS.test(id) ? dropFontSubsets(code) : undefined
    },
  }
}

function lighterFirstSlide(): Plugin {
  const katexCss = require.resolve('katex/dist/katex.min.css', { paths: [require.resolve('@slidev/cli/package.json')] })
  const notes = new Map<number, string>()
  let slideCount: number | null = null
  let allNotes: () => void = () => {}
  const notesReady = new Promise<void>(resolve => (allNotes = resolve))
  const checkNotes = () => {
    if (slideCount !== null && notes.size === slideCount)
      allNotes()
  }
  return {
    name: 'deck:first-slide',
    // The dev server serves notes from its own API and compiles nothing for size: build only.
    apply: 'build',
    config() {
      return { resolve: { alias: [{ find: /^vue$/, replacement: require.resolve('vue/dist/vue.runtime.esm-bundler.js') }] } }
    },
    resolveId(id) {
      return id === NOTES_ID ? RESOLVED_NOTES_ID : undefined
    },
    async load(id) {
      if (id !== RESOLVED_NOTES_ID)
        return undefined
      // Imported (lazily) from the frontmatter modules: wait until every one of them has been seen.
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([notesReady, new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Notes collected for ${notes.size} of ${slideCount ?? '?'} slides after 60 s.`)), 60_000)
      })]).finally(() => clearTimeout(timer))
      const list = Array.from({ length: slideCount! }, (_, index) => notes.get(index) ?? '')
      const style = list.some(html => RENDERS_KATEX.test(html)) ? `import ${JSON.stringify(katexCss)}\n` : ''
      return `${style}export default ${JSON.stringify(list)}\n`
    },
    transform(code, id) {
      if (id === SLIDES_MODULE) {
        slideCount = countSlides(code)
        checkNotes()
        return undefined
      }
      if (id === CONDITIONAL_STYLES)
        return dropKatexStylesheet(code)
      if (SLIDE_MARKDOWN.test(id))
        return RENDERS_KATEX.test(code) ? `import ${JSON.stringify(katexCss)}\n${code}` : undefined
      const frontmatter = SLIDE_FRONTMATTER.exec(id)
      if (!frontmatter)
        return undefined
      const index = Number(frontmatter[1]) - 1
      const moved = moveNotesOut(code, index)
      notes.set(index, moved.noteHTML)
      checkNotes()
      return compactSlideMeta(moved.code, index)
    },
  }
}
