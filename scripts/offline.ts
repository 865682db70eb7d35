// Offline support for a built deck: the precache list (what the service worker keeps), and the
// worker itself, bundled from setup/offline/service-worker.ts with that list injected.
import type { PrecacheManifest } from '../setup/offline/service-worker'
import { createHash } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { SERVICE_WORKER_FILE } from '../setup/offline/register'

const WORKER_SOURCE = fileURLToPath(new URL('../setup/offline/service-worker.ts', import.meta.url))

export interface BuiltFile { path: string, size: number }

export interface Precache extends PrecacheManifest {
  /** Bytes fetched after the first slide. */
  lazyBytes: number
}

/** Every file under `dir`, as `/`-separated paths relative to it, with sizes. */
export async function listFiles(dir: string): Promise<BuiltFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: BuiltFile[] = []
  for (const entry of entries) {
    if (!entry.isFile())
      continue
    const path = join(entry.parentPath, entry.name)
    files.push({ path: relative(dir, path).split(sep).join('/'), size: (await stat(path)).size })
  }
  return files.sort((a, b) => a.path.localeCompare(b.path))
}

/** The same-deck URLs `index.html` loads at once (entry script, preloads, styles, icon). */
export function shellUrls(indexHtml: string, base: string): string[] {
  const urls = new Set([base])
  for (const match of indexHtml.matchAll(/<(?:script|link)\s(?:[^>]*?\s)?(?:src|href)="([^"]+)"/g)) {
    const url = match[1]!
    if (url.startsWith(base) && !url.startsWith('//'))
      urls.add(url)
  }
  return [...urls]
}

// Not worth keeping offline: downloads, host configuration, the worker itself, source maps.
const NOT_PRECACHED = [/\.pdf$/i, /^404\.html$/, /^_redirects$/, /\.map$/, new RegExp(`^${SERVICE_WORKER_FILE.replace('.', '\\.')}$`)]

/**
 * "assets/KaTeX_Main-Bold-Cx986IdX.woff2" → "assets/KaTeX_Main-Bold" (Vite's 8-character hash removed).
 * Browsers that run the deck take a font's woff2 and never fetch its woff/ttf fallbacks.
 */
export function fontStem(path: string, extensions: string): string | null {
  return new RegExp(`^(.+)-[\\w-]{8}\\.(?:${extensions})$`).exec(path)?.[1] ?? null
}

/**
 * What the service worker keeps: `shell` at install, `lazy` after the first slide (every other
 * chunk: Monaco, the explainer, Pyodide's files…), small files first so most slides are covered early.
 */
export function precacheManifest(files: BuiltFile[], shell: string[], base: string, version: string): Precache {
  const shellSet = new Set(shell)
  const woff2Stems = new Set(files.map(file => fontStem(file.path, 'woff2')).filter(Boolean))
  const kept = files.filter(file => !NOT_PRECACHED.some(pattern => pattern.test(file.path))
    && !woff2Stems.has(fontStem(file.path, 'woff|ttf|otf|eot')))
  const lazy = kept
    .filter(file => file.path !== 'index.html' && !shellSet.has(base + file.path))
    .sort((a, b) => a.size - b.size || a.path.localeCompare(b.path))
  return {
    version,
    base,
    shell,
    lazy: lazy.map(file => base + file.path),
    lazyBytes: lazy.reduce((sum, file) => sum + file.size, 0),
  }
}

/** The worker as one classic script, the manifest in place of __DECK_PRECACHE__. */
export async function serviceWorkerScript(manifest: PrecacheManifest): Promise<string> {
  const { version, base, shell, lazy } = manifest
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define: { __DECK_PRECACHE__: JSON.stringify({ version, base, shell, lazy }) },
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry: WORKER_SOURCE, formats: ['iife'], name: 'deckServiceWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  })
  const chunks = (Array.isArray(output) ? output : [output]).flatMap(result => 'output' in result ? result.output : [])
  const chunk = chunks.find(item => item.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk')
    throw new Error(`Bundling ${WORKER_SOURCE} gave no script.`)
  return `// Built from setup/offline/service-worker.ts by scripts/offline.ts: keeps the deck working offline.\n${chunk.code}`
}

/** Writes `sw.js` into a built deck; returns the manifest. The page registers it (setup/offline/register.ts). */
export async function addOfflineSupport(outDir: string, base: string): Promise<Precache> {
  const indexHtml = await readFile(join(outDir, 'index.html'), 'utf8')
  const files = await listFiles(outDir)
  const hash = createHash('sha256')
  for (const file of files) {
    if (NOT_PRECACHED.some(pattern => pattern.test(file.path)))
      continue
    hash.update(file.path).update('\0').update(await readFile(join(outDir, file.path)))
  }
  const manifest = precacheManifest(files, shellUrls(indexHtml, base), base, hash.digest('hex').slice(0, 16))
  await writeFile(join(outDir, SERVICE_WORKER_FILE), await serviceWorkerScript(manifest))
  return manifest
}
