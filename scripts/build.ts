// The full build: the deck (slidev build, hash routing, any base path), the slides PDF behind the
// deck's download button (with a chapter outline), the handout with notes, and offline support.
// `npm run build [-- --base /docker-overview/] [--out dist] [--no-pdf] [--timings-file f.json]`
// `--out /tmp/mine` builds elsewhere without touching dist/.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadDeck } from './deck/model'
import { exportSlidesPdf } from './export-slides'
import { requireChromium } from './find-chromium'
import { buildHandout, handoutFilename } from './handout'
import { addOfflineSupport } from './offline'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const USAGE = 'Usage: npm run build -- [--base /path/] [--out dir] [--no-pdf] [--timings-file file.json]'

export interface BuildOptions {
  base: string
  out: string
  pdf: boolean
  timingsFile: string | null
}

export interface BuildResult {
  outDir: string
  base: string
  slides: number
  chapters: number
  slidesPdf: { path: string, pages: number } | null
  handoutPdf: { path: string, pages: number } | null
  timings: { bundleMs: number, slidesPdfMs: number, handoutMs: number, offlineMs: number, totalMs: number }
  precache: { files: number, lazyBytes: number, version: string } | null
}

export function parseBuildArgs(argv: string[]): BuildOptions {
  let values
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base': { type: 'string', default: '/' },
        'out': { type: 'string', default: 'dist' },
        'no-pdf': { type: 'boolean', default: false },
        'timings-file': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }))
  }
  catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error} ${USAGE}`)
  }
  for (const name of ['base', 'out', 'timings-file'] as const) {
    if (values[name] === '')
      throw new Error(`--${name} needs a value. ${USAGE}`)
  }
  const options: BuildOptions = { base: values.base, out: values.out, pdf: !values['no-pdf'], timingsFile: values['timings-file'] ?? null }
  if (!options.base.startsWith('/') || !options.base.endsWith('/'))
    throw new Error(`--base must start and end with "/" (like /docker-overview/), got "${options.base}".`)
  return options
}

/** Runs `slidev build`, echoing its output; returns when Vite finished and when the command did. */
function runSlidevBuild(args: string[]): Promise<{ bundleMs: number, totalMs: number }> {
  const slidev = join(PROJECT_ROOT, 'node_modules', '.bin', 'slidev')
  return new Promise((resolveRun, reject) => {
    const started = performance.now()
    let bundledAt: number | null = null
    const child = spawn(slidev, ['build', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const watch = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
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
async function prepareOutDir(outDir: string): Promise<void> {
  if (!existsSync(outDir))
    return
  const entries = await readdir(outDir)
  if (entries.length > 0 && !entries.includes('index.html'))
    throw new Error(`${outDir} is not empty and holds no index.html: not removing it. Choose another --out.`)
  await rm(outDir, { recursive: true, force: true })
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export async function build(options: BuildOptions): Promise<BuildResult> {
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
  const result: BuildResult = { outDir, base: options.base, slides: deck.slides.length, chapters: deck.chapters.length, slidesPdf: null, handoutPdf: null, timings, precache: null }

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
    const perSlide = (ms: number) => seconds(ms / Math.max(1, result.slides))
    console.log(`\nBuilt ${relative(process.cwd(), result.outDir) || '.'} for base ${result.base}: ${result.slides} slides in ${result.chapters} chapters.`)
    console.log(`  deck bundle      ${seconds(timings.bundleMs)}`)
    if (result.slidesPdf)
      console.log(`  slides PDF       ${seconds(timings.slidesPdfMs)} (${perSlide(timings.slidesPdfMs)}/slide), ${result.slidesPdf.pages} pages: ${relative(process.cwd(), result.slidesPdf.path)}`)
    if (result.handoutPdf)
      console.log(`  handout PDF      ${seconds(timings.handoutMs)} (${perSlide(timings.handoutMs)}/slide), ${result.handoutPdf.pages} pages: ${relative(process.cwd(), result.handoutPdf.path)}`)
    else
      console.log('  PDFs             skipped (--no-pdf): the deck has no download button')
    if (result.precache)
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
