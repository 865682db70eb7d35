#!/usr/bin/env node
// The full build: the deck (slidev build, hash routing, any base path), the slides PDF behind the
// deck's download button (with a chapter outline), the handout with notes, and offline support.
// `npm run build [-- --base /docker-overview/] [--out dist] [--no-pdf] [--timings-file f.json]`
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { exportSlidesPdf, loadDeck } from './export-slides.mjs'
import { requireChromium } from './find-chromium.mjs'
import { buildHandout, handoutFilename } from './handout.mjs'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const SERVICE_WORKER_FILE = 'sw.js'

const USAGE = 'Usage: node scripts/build.mjs [--base /path/] [--out dir] [--no-pdf] [--timings-file file.json]'

/**
 * @param {string[]} argv
 * @returns {{ base: string, out: string, pdf: boolean, timingsFile: string | null }}
 */
export function parseBuildArgs(argv) {
  const options = { base: '/', out: 'dist', pdf: true, timingsFile: null }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s)
    const value = () => {
      const next = inline ?? argv[++i]
      if (next === undefined || next === '')
        throw new Error(`${flag} needs a value. ${USAGE}`)
      return next
    }
    if (flag === '--base')
      options.base = value()
    else if (flag === '--out')
      options.out = value()
    else if (flag === '--timings-file')
      options.timingsFile = value()
    else if (flag === '--no-pdf' && inline === undefined)
      options.pdf = false
    else
      throw new Error(`Unknown option "${argv[i]}". ${USAGE}`)
  }
  if (!options.base.startsWith('/') || !options.base.endsWith('/'))
    throw new Error(`--base must start and end with "/" (like /docker-overview/), got "${options.base}".`)
  return options
}

/** Every file under `dir`, as `/`-separated paths relative to it, with sizes. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = []
  for (const entry of entries) {
    if (!entry.isFile())
      continue
    const path = join(entry.parentPath ?? entry.path, entry.name)
    files.push({ path: relative(dir, path).split(sep).join('/'), size: (await stat(path)).size })
  }
  return files.sort((a, b) => a.path.localeCompare(b.path))
}

/** The same-deck URLs `index.html` loads at once (entry script, preloads, styles, icon). */
export function shellUrls(indexHtml, base) {
  const urls = new Set([base])
  for (const match of indexHtml.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
    const url = match[1]
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
export function fontStem(path, extensions) {
  return new RegExp(`^(.+)-[\\w-]{8}\\.(?:${extensions})$`).exec(path)?.[1] ?? null
}

/**
 * What the service worker keeps: `shell` at install (what the first slide needs, so a reload works
 * offline), `lazy` after the first slide, when the page is idle (every other chunk: Monaco, the
 * explainer, Pyodide's files…), small files first so most slides are covered early.
 * @param {{ path: string, size: number }[]} files relative to the build output
 * @param {string[]} shell URLs from shellUrls()
 * @param {string} base
 * @param {string} version changes whenever any file's content changes
 */
export function precacheManifest(files, shell, base, version) {
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

/**
 * The service worker: cache-first for the deck's files (they are content-hashed, or versioned with
 * the cache), network-first for page loads; it caches what is used, and on the page's request, the
 * whole manifest. A new build gets a new cache name; activation drops the old caches.
 */
export function serviceWorkerSource(manifest) {
  return `// Generated by scripts/build.mjs: keeps the deck working offline once it has been opened.
const VERSION = ${JSON.stringify(manifest.version)}
const BASE = ${JSON.stringify(manifest.base)}
const SHELL = ${JSON.stringify(manifest.shell)}
const LAZY = ${JSON.stringify(manifest.lazy)}
const CACHE = 'deck-' + VERSION
const PARALLEL_DOWNLOADS = 4

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('deck-') && key !== CACHE)
        await caches.delete(key)
    }
    await self.clients.claim()
  })())
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || request.headers.has('range'))
    return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE))
    return
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request))
})

async function networkFirst(request) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok)
      await cache.put(BASE, response.clone())
    return response
  }
  catch (error) {
    // Hash routing: every page of the deck is the same document.
    const cached = await cache.match(BASE)
    if (cached)
      return cached
    throw error
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request, { ignoreVary: true })
  if (cached)
    return cached
  const response = await fetch(request)
  if (response.ok && response.type === 'basic')
    await cache.put(request, response.clone())
  return response
}

let precaching = null

async function precacheAll() {
  const cache = await caches.open(CACHE)
  const wanted = [...SHELL, ...LAZY]
  const missing = []
  for (const url of wanted) {
    if (!(await cache.match(url)))
      missing.push(url)
  }
  const failed = []
  const queue = [...missing]
  async function downloadNext() {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const response = await fetch(url, { cache: 'no-cache' })
        if (response.ok)
          await cache.put(url, response)
        else
          failed.push(url)
      }
      catch {
        failed.push(url)
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, downloadNext))
  return { total: wanted.length, downloaded: missing.length - failed.length, failed }
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'precache')
    return
  precaching ??= precacheAll().finally(() => (precaching = null))
  event.waitUntil(precaching.then(result => event.source?.postMessage({ type: 'precache-done', ...result })))
})
`
}

/**
 * The page's side, inlined into index.html: once the page has loaded and the browser is idle,
 * register the worker and ask it to fetch the rest. Progress shows on <html data-offline>:
 * "caching", then "ready" (or "partial", or "unavailable"). Not in automated browsers, unless asked.
 */
export function registrationScript(base) {
  return `<script>
(function () {
  if (!('serviceWorker' in navigator)) return
  // Automated browsers (PDF export, tests, crawlers) need no offline copy; a test of offline
  // support opts in with localStorage "deck:offline" = "always".
  var optedIn = false
  try { optedIn = localStorage.getItem('deck:offline') === 'always' } catch (error) {}
  if (navigator.webdriver && !optedIn) return
  var base = ${JSON.stringify(base)}
  var root = document.documentElement
  var whenIdle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 200) }
  navigator.serviceWorker.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'precache-done')
      root.dataset.offline = event.data.failed.length ? 'partial' : 'ready'
  })
  addEventListener('load', function () {
    whenIdle(function () {
      navigator.serviceWorker.register(base + ${JSON.stringify(SERVICE_WORKER_FILE)}, { scope: base })
        .then(function () { return navigator.serviceWorker.ready })
        .then(function (registration) {
          whenIdle(function () {
            root.dataset.offline = 'caching'
            registration.active.postMessage({ type: 'precache' })
          }, { timeout: 10000 })
        })
        .catch(function (error) {
          root.dataset.offline = 'unavailable'
          root.dataset.offlineError = String(error && error.message || error)
        })
    }, { timeout: 5000 })
  })
})()
</script>`
}

export function injectBeforeBodyEnd(html, snippet) {
  if (!html.includes('</body>'))
    throw new Error('index.html has no </body>: cannot add the offline registration script.')
  return html.replace('</body>', `${snippet}\n</body>`)
}

/** Adds the service worker and its registration to a built deck; returns the manifest. */
export async function addOfflineSupport(outDir, base) {
  const indexPath = join(outDir, 'index.html')
  const indexHtml = await readFile(indexPath, 'utf8')
  const files = await listFiles(outDir)
  const hash = createHash('sha256')
  for (const file of files) {
    if (NOT_PRECACHED.some(pattern => pattern.test(file.path)))
      continue
    hash.update(file.path).update('\0').update(await readFile(join(outDir, file.path)))
  }
  const manifest = precacheManifest(files, shellUrls(indexHtml, base), base, hash.digest('hex').slice(0, 16))
  await writeFile(join(outDir, SERVICE_WORKER_FILE), serviceWorkerSource(manifest))
  const withRegistration = injectBeforeBodyEnd(indexHtml, registrationScript(base))
  await writeFile(indexPath, withRegistration)
  if (existsSync(join(outDir, '404.html')))
    await writeFile(join(outDir, '404.html'), withRegistration)
  return manifest
}

/** Runs `slidev build`, echoing its output; returns when Vite finished and when the command did. */
function runSlidevBuild(args) {
  const slidev = join(PROJECT_ROOT, 'node_modules', '.bin', 'slidev')
  return new Promise((resolveRun, reject) => {
    const started = performance.now()
    let bundledAt = null
    const child = spawn(slidev, ['build', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const watch = stream => (chunk) => {
      stream.write(chunk)
      // Vite's last line; what follows is Slidev's PDF export.
      if (bundledAt === null && /built in \d/.test(chunk.toString()))
        bundledAt = performance.now()
    }
    child.stdout.on('data', watch(process.stdout))
    child.stderr.on('data', watch(process.stderr))
    child.on('error', reject)
    child.on('close', (code) => {
      const finished = performance.now()
      if (code !== 0)
        reject(new Error(`slidev build ${args.join(' ')} failed with exit code ${code}.`))
      else
        resolveRun({ bundleMs: (bundledAt ?? finished) - started, totalMs: finished - started })
    })
  })
}

/** Empties the output folder, refusing anything that does not look like a previous build. */
async function prepareOutDir(outDir) {
  if (!existsSync(outDir))
    return
  const entries = await readdir(outDir)
  if (entries.length > 0 && !entries.includes('index.html'))
    throw new Error(`${outDir} is not empty and holds no index.html: not removing it. Choose another --out.`)
  await rm(outDir, { recursive: true, force: true })
}

const seconds = ms => `${(ms / 1000).toFixed(1)} s`

export async function build(options) {
  const started = performance.now()
  const outDir = resolve(PROJECT_ROOT, options.out)
  if (outDir === PROJECT_ROOT || PROJECT_ROOT.startsWith(outDir + sep))
    throw new Error(`--out ${options.out} would replace the project itself.`)
  await prepareOutDir(outDir)
  await mkdir(dirname(outDir), { recursive: true })

  const deck = await loadDeck(PROJECT_ROOT)
  const chromiumPath = options.pdf ? requireChromium() : null
  // --download builds the print route and the download button, which fetches `<exportFilename>.pdf`
  // next to index.html. It also makes Slidev print the PDF, with waits fixed at 30 s: too short for
  // Pyodide to start in print on a busy machine. So Slidev prints slide 1 alone (per slide: with
  // hash routing its print route ignores --range), and we print the whole deck ourselves below,
  // from the same built site, with room to wait.
  const slidevArgs = ['--out', outDir, '--base', options.base]
  if (chromiumPath)
    slidevArgs.push('--download', '--executable-path', chromiumPath, '--per-slide', '--range', '1')
  const slidev = await runSlidevBuild(slidevArgs)

  const timings = { bundleMs: Math.round(slidev.bundleMs), slidesPdfMs: 0, handoutMs: 0, offlineMs: 0, totalMs: 0 }
  const result = { outDir, base: options.base, slides: deck.slides.length, chapters: deck.chapters.length, slidesPdf: null, handoutPdf: null, timings, precache: null }

  if (chromiumPath) {
    const slides = await exportSlidesPdf({ dist: outDir, base: options.base, out: join(outDir, `${deck.exportFilename}.pdf`), deck, chromiumPath })
    timings.slidesPdfMs = slides.milliseconds
    result.slidesPdf = { path: slides.out, pages: slides.pages }

    const handout = await buildHandout({ dist: outDir, base: options.base, out: join(outDir, handoutFilename(deck)), projectRoot: PROJECT_ROOT, chromiumPath, deck })
    timings.handoutMs = handout.milliseconds
    result.handoutPdf = { path: handout.out, pages: handout.pages }
  }

  // Last: the PDFs above were printed without it, and its version covers every file it keeps.
  const offlineStarted = performance.now()
  const manifest = await addOfflineSupport(outDir, options.base)
  timings.offlineMs = Math.round(performance.now() - offlineStarted)
  result.precache = { files: manifest.shell.length + manifest.lazy.length, lazyBytes: manifest.lazyBytes, version: manifest.version }
  timings.totalMs = Math.round(performance.now() - started)
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const options = parseBuildArgs(process.argv.slice(2))
    const result = await build(options)
    const { timings } = result
    const perSlide = ms => seconds(ms / Math.max(1, result.slides))
    console.log(`\nBuilt ${relative(process.cwd(), result.outDir) || '.'} for base ${result.base}: ${result.slides} slides in ${result.chapters} chapters.`)
    console.log(`  deck bundle      ${seconds(timings.bundleMs)}`)
    if (result.slidesPdf)
      console.log(`  slides PDF       ${seconds(timings.slidesPdfMs)} (${perSlide(timings.slidesPdfMs)}/slide), ${result.slidesPdf.pages} pages: ${relative(process.cwd(), result.slidesPdf.path)}`)
    if (result.handoutPdf)
      console.log(`  handout PDF      ${seconds(timings.handoutMs)} (${perSlide(timings.handoutMs)}/slide), ${result.handoutPdf.pages} pages: ${relative(process.cwd(), result.handoutPdf.path)}`)
    else
      console.log('  PDFs             skipped (--no-pdf): the deck has no download button')
    console.log(`  offline worker   ${result.precache.files} files, ${(result.precache.lazyBytes / 1024 / 1024).toFixed(1)} MiB fetched after the first slide`)
    console.log(`  total            ${seconds(timings.totalMs)}`)
    if (options.timingsFile)
      await writeFile(options.timingsFile, `${JSON.stringify(result, null, 2)}\n`)
  }
  catch (error) {
    console.error(`\nBuild failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  }
}
