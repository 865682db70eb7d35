import type { Plugin } from 'vite'
import { createReadStream, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import linkAttributes from 'markdown-it-link-attributes'
import { defineConfig } from 'vite'
import { PYODIDE_DIR, PYODIDE_RUNTIME_FILES } from './lib/python/files'
import { firstSlidePlugins } from './setup/first-slide/plugin'

const require = createRequire(import.meta.url)
const pyodideRoot = dirname(require.resolve('pyodide/package.json'))

const contentTypes: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
}

/**
 * Serves the Pyodide runtime under `<base>pyodide/` in dev and emits it into the build,
 * straight from node_modules: nothing is committed, nothing comes from a CDN.
 */
function pyodideRuntime(): Plugin {
  let base = '/'
  return {
    name: 'deck:pyodide-runtime',
    configResolved(config) {
      base = config.base
    },
    configureServer(server) {
      // Registered before Vite's own middlewares, so the files are served raw (not transformed).
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? ''
        const prefix = `${base}${PYODIDE_DIR}`
        if (!path.startsWith(prefix))
          return next()
        const name = path.slice(prefix.length)
        if (!(PYODIDE_RUNTIME_FILES as readonly string[]).includes(name))
          return next()
        const ext = name.slice(name.lastIndexOf('.'))
        res.setHeader('Content-Type', contentTypes[ext] ?? 'application/octet-stream')
        createReadStream(join(pyodideRoot, name)).pipe(res)
      })
    },
    generateBundle() {
      for (const name of PYODIDE_RUNTIME_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${PYODIDE_DIR}${name}`,
          source: readFileSync(join(pyodideRoot, name)),
        })
      }
    },
  }
}

/**
 * Slidev's own `manualChunks` forces every Shiki module into one chunk and the Monaco type
 * bundle into another; with Rolldown those chunks also swallow their shared dependencies
 * (Vue helpers, Monaco itself), so the entry imports them statically and the first slide
 * downloads ~18 MB. Letting the bundler split by import graph keeps Shiki's grammars and
 * Monaco in lazy chunks that load only where a slide needs them.
 */
function manualChunks(id: string): string | undefined {
  // Vue alone in its own long-cached chunk: it has no dependencies to drag along.
  if (/\/node_modules\/(?:vue|@vue\/[\w-]+)\//.test(id))
    return 'modules/vue'
  return undefined
}

type InlineCodeRule = (...args: never[]) => string | Promise<string>

const WHOLE_INLINE_CODE = /^(<code[^>]*>)([^<]*)(<\/code>)$/

/**
 * Inline code may break at its spaces only: each word goes in a `.code-word` (white-space: nowrap in
 * styles/theme.css), so `--name` or `POSTGRES_PASSWORD=…` never split across lines. Copying the
 * text gives the same characters.
 */
export function splitInlineCodeWords(html: string): string {
  const match = WHOLE_INLINE_CODE.exec(html)
  if (!match)
    return html
  const words = match[2]!.split(/( +)/).map(part => part === '' || part.startsWith(' ') ? part : `<span class="code-word">${part}</span>`)
  return `${match[1]}${words.join('')}${match[3]}`
}

export default defineConfig({
  slidev: {
    markdown: {
      // Slidev opens external links in a new tab; `noopener` keeps that tab from reaching back.
      markdownSetup(md) {
        // Slidev's parser is markdown-exit, a markdown-it fork with the same plugin API but its own types.
        md.use(linkAttributes as unknown as Parameters<typeof md.use>[0], {
          matcher: (href: string) => /^https?:\/\//.test(href),
          attrs: { target: '_blank', rel: 'noopener' },
        })
        const codeInline = md.renderer.rules.code_inline as InlineCodeRule | undefined
        if (!codeInline)
          throw new Error('The Markdown renderer has no code_inline rule to wrap.')
        md.renderer.rules.code_inline = (async (...args: never[]) => splitInlineCodeWords(await codeInline(...args))) as typeof md.renderer.rules.code_inline
      },
    },
  },
  plugins: [pyodideRuntime(), ...firstSlidePlugins()],
  optimizeDeps: {
    // Loaded at run time from <base>pyodide/, never pre-bundled.
    exclude: ['pyodide'],
  },
  build: {
    // Fonts stay files: inlined, a subset only some slides draw (Fira Code's box drawing) would sit
    // in the stylesheet every slide downloads; as a file it loads when a glyph needs it.
    assetsInlineLimit: (file: string) => /\.woff2?$/.test(file) ? false : undefined,
    rollupOptions: {
      output: { manualChunks },
      // Slidev's client imports @slidev/parser/core for one helper, and that module imports `yaml`,
      // which declares no "sideEffects": the unused import then stays in the entry, so the first slide
      // downloads the whole YAML library (~94 KiB) that only the explainer's Compose view needs.
      // yaml does nothing on import; marked so, it loads with the slides that use it.
      treeshake: { moduleSideEffects: (id: string) => !/\/node_modules\/yaml\//.test(id) },
    },
  },
})
