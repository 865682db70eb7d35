// `npm run bench [-- --reuse] [--runs 7] [--dist DIR] [--first-slide]`: how heavy and how fast the deck's first slide is next to a
// one-slide stock Slidev deck (same Slidev, default theme, no web fonts), plus build size and times,
// PDF export time per slide, and the explainer engine's own benchmark when it is there.
// and the simulated Docker host's per-command times (scripts/bench-sim.ts), and each exercise check's time
// (scripts/bench-exercises.ts).
// Exits 1 when the first slide is over budget: more than 1.0× the stock deck's bytes or 1.3× its time.
import type { Browser, Request } from '@playwright/test'
import type { BuildResult } from './build'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { serveDirectory } from './deck/static-server'
import { requireChromium } from './find-chromium'

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Issue 16: the first slide no heavier than a stock one-slide deck, and at most 30% slower.
const BYTES_BUDGET_RATIO = 1.0
const TIME_BUDGET_RATIO = 1.3
const QUIET_MS = 500
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'deck-bench')
const STOCK_DIR = join(tmpdir(), 'deck-bench-stock')

const STOCK_SLIDES = `---
theme: default
title: Stock deck
fonts:
  provider: none
---

# Stock deck

One slide, default theme, no Monaco.
`

// --dist measures a deck already built there (`npx tsx scripts/build.ts --out DIR`) instead of building
// dist/; --first-slide stops after the first-slide comparison (no engine, simulator or exercise runs).
interface Options { reuse: boolean, runs: number, dist: string | null, firstSlideOnly: boolean }

const USAGE = 'Usage: npm run bench [-- --reuse] [--runs 7] [--dist DIR] [--first-slide]'

export function parseBenchArgs(argv: string[]): Options {
  let values
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'reuse': { type: 'boolean', default: false },
        'runs': { type: 'string', default: '7' },
        'dist': { type: 'string' },
        'first-slide': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }))
  }
  catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error} ${USAGE}`)
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs needs a whole number of loads, got "${values.runs}".`)
  if (values.dist === '')
    throw new Error(`--dist needs a directory. ${USAGE}`)
  return { reuse: values.reuse, runs, dist: values.dist ? resolve(values.dist) : null, firstSlideOnly: values['first-slide'] }
}

function run(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolveRun, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('error', reject)
    child.on('close', code => code === 0
      ? resolveRun(performance.now() - started)
      : reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed with exit code ${code}.`)))
  })
}

async function directorySize(dir: string, skip: (path: string) => boolean = () => false): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    if (entry.isFile() && !skip(path))
      total += (await stat(path)).size
  }
  return total
}

interface DeckBuild { dist: string, buildMs: number | null, result: BuildResult | null }

async function buildThisDeck(options: Options): Promise<DeckBuild> {
  if (options.dist) {
    if (!existsSync(join(options.dist, 'index.html')))
      throw new Error(`--dist ${options.dist} has no index.html: build it first (npx tsx scripts/build.ts --out ${options.dist}).`)
    console.log(`Measuring the build in ${options.dist} (no build timings)`)
    return { dist: options.dist, buildMs: null, result: null }
  }
  const dist = join(PROJECT_ROOT, 'dist')
  const timingsFile = join(CACHE_DIR, 'build.json')
  await mkdir(CACHE_DIR, { recursive: true })
  if (options.reuse && existsSync(join(dist, 'index.html'))) {
    const result = existsSync(timingsFile) ? JSON.parse(await readFile(timingsFile, 'utf8')) as BuildResult : null
    console.log(`Reusing dist/${result ? '' : ' (no timings recorded: build with `npm run bench` once for them)'}`)
    return { dist, buildMs: result?.timings.totalMs ?? null, result }
  }
  console.log('Building this deck (npm run build)…')
  const buildMs = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--timings-file', timingsFile], PROJECT_ROOT)
  return { dist, buildMs, result: JSON.parse(await readFile(timingsFile, 'utf8')) as BuildResult }
}

async function buildStockDeck(options: Options): Promise<{ dist: string, buildMs: number | null }> {
  const dist = join(STOCK_DIR, 'dist')
  if (options.reuse && existsSync(join(dist, 'index.html'))) {
    console.log(`Reusing the stock deck in ${dist}`)
    return { dist, buildMs: null }
  }
  console.log(`Building the stock deck in ${STOCK_DIR}…`)
  await mkdir(STOCK_DIR, { recursive: true })
  await writeFile(join(STOCK_DIR, 'slides.md'), STOCK_SLIDES)
  await writeFile(join(STOCK_DIR, 'package.json'), '{ "name": "stock-deck", "private": true, "type": "module" }\n')
  // Same Slidev, same theme: this project's own installation.
  if (!existsSync(join(STOCK_DIR, 'node_modules')))
    await symlink(join(PROJECT_ROOT, 'node_modules'), join(STOCK_DIR, 'node_modules'), 'dir')
  const buildMs = await run(join(PROJECT_ROOT, 'node_modules', '.bin', 'slidev'), ['build', '--out', 'dist'], STOCK_DIR)
  return { dist, buildMs }
}

interface Load { requests: number, bytes: number, firstSlideMs: number }

// Polls each frame until slide 1's first heading is laid out with its text and the fonts are in.
const FIRST_SLIDE_PROBE = `(() => {
  const check = () => {
    const heading = document.querySelector('[data-slidev-no="1"] h1, [data-slidev-no="1"] h2')
    const box = heading && heading.getBoundingClientRect()
    if (heading && heading.textContent.trim() && box.width > 0 && box.height > 0 && document.fonts.status === 'loaded') {
      window.__firstSlideShownAt = performance.now()
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

/** One cold load (new context, no cache, no service worker): first slide time, then bytes until quiet. */
async function measureLoad(browser: Browser, url: string, settleMs = QUIET_MS): Promise<Load> {
  const origin = new URL(url).origin
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' })
  try {
    // The stock theme asks a CDN for its favicon; nothing outside the server counts, or loads.
    await context.route('**/*', route => route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'))
    const page = await context.newPage()
    await page.addInitScript(FIRST_SLIDE_PROBE)
    const finished: Request[] = []
    let inFlight = 0
    let lastActivity = performance.now()
    page.on('request', () => {
      inFlight++
      lastActivity = performance.now()
    })
    const settle = (request: Request, ok: boolean) => {
      inFlight = Math.max(0, inFlight - 1)
      lastActivity = performance.now()
      if (ok && request.url().startsWith(origin))
        finished.push(request)
    }
    page.on('requestfinished', request => settle(request, true))
    page.on('requestfailed', request => settle(request, false))

    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => (window as unknown as { __firstSlideShownAt?: number }).__firstSlideShownAt, undefined, { timeout: 60_000 })
    const firstSlideMs = await page.evaluate(() => (window as unknown as { __firstSlideShownAt: number }).__firstSlideShownAt)
    // The request handlers change inFlight and lastActivity while this loop waits.
    const isBusy = () => inFlight > 0 || performance.now() - lastActivity < settleMs
    while (isBusy())
      await page.waitForTimeout(50)
    let bytes = 0
    for (const request of finished)
      bytes += (await request.sizes()).responseBodySize
    return { requests: finished.length, bytes, firstSlideMs }
  }
  finally {
    await context.close()
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const secs = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`)
const ratio = (ours: number, stock: number) => (stock > 0 ? `${(ours / stock).toFixed(2)}×` : 'n/a')

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)))
  return rows.map(row => row.map((cell, column) => column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)).join('   ')).join('\n')
}

async function engineBench(): Promise<string> {
  const file = join(PROJECT_ROOT, 'scripts', 'bench-engine.ts')
  if (!existsSync(file))
    return 'Explainer engine: not available (scripts/bench-engine.ts is missing)'
  const module = await import('./bench-engine') as { runEngineBench?: () => Promise<{ name: string, opsPerSecond: number }[]> }
  if (typeof module.runEngineBench !== 'function')
    return 'Explainer engine: not available (scripts/bench-engine.ts exports no runEngineBench)'
  const results = await module.runEngineBench()
  return `Explainer engine\n${table([['case', 'ops/s'], ...results.map(r => [r.name, Math.round(r.opsPerSecond).toLocaleString('en-US')])])}`
}

async function simulatorBench(): Promise<string> {
  const { runSimBench } = await import('./bench-sim')
  const rows = await runSimBench()
  return `Simulated Docker host\n${table([['scenario', 'ms/command', 'budget'], ...rows.map(r => [r.name, r.msPerCommand.toFixed(2), `≤ ${r.budgetMs} ms${r.withinBudget ? '' : ' (over)'}`])])}`
}

async function exerciseBench(): Promise<string> {
  const { runExerciseBench } = await import('./bench-exercises')
  const rows = await runExerciseBench()
  return `Exercise checks (what the box runs after every command)\n${table([['exercise', 'ms/check', 'budget'], ...rows.map(r => [r.name, r.msPerCheck.toFixed(3), `≤ ${r.budgetMs} ms${r.withinBudget ? '' : ' (over)'}`])])}`
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2))
  const ours = await buildThisDeck(options)
  const stock = await buildStockDeck(options)

  const oursServer = await serveDirectory(ours.dist)
  const stockServer = await serveDirectory(stock.dist)
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  const oursLoads: Load[] = []
  const stockLoads: Load[] = []
  let oursAllSlides: Load
  try {
    const oursUrl = `${oursServer.url}#/1`
    const stockUrl = stockServer.url
    // One warm-up each (Chromium's own start-up), then alternate so drift hits both alike.
    await measureLoad(browser, oursUrl)
    await measureLoad(browser, stockUrl)
    for (let i = 0; i < options.runs; i++) {
      oursLoads.push(await measureLoad(browser, oursUrl))
      stockLoads.push(await measureLoad(browser, stockUrl))
    }
    // For information: Slidev mounts every slide 3 s after load, which fetches their chunks too.
    oursAllSlides = await measureLoad(browser, oursUrl, 4_000)
  }
  finally {
    await browser.close()
    await oursServer.close()
    await stockServer.close()
  }

  const o = { requests: median(oursLoads.map(l => l.requests)), bytes: median(oursLoads.map(l => l.bytes)), ms: median(oursLoads.map(l => l.firstSlideMs)) }
  const s = { requests: median(stockLoads.map(l => l.requests)), bytes: median(stockLoads.map(l => l.bytes)), ms: median(stockLoads.map(l => l.firstSlideMs)) }
  const isPdf = (path: string) => path.endsWith('.pdf')
  const oursDist = await directorySize(ours.dist)
  const oursDistNoPdf = await directorySize(ours.dist, isPdf)
  const stockDist = await directorySize(stock.dist)
  const result = ours.result
  const slides = result?.slides ?? 0

  console.log(`\nFirst slide, median of ${options.runs} cold loads (no cache, no service worker), served from 127.0.0.1`)
  console.log(table([
    ['', 'this deck', 'stock deck', 'ratio', 'budget'],
    ['requests', String(o.requests), String(s.requests), ratio(o.requests, s.requests), ''],
    ['bytes (uncompressed)', kib(o.bytes), kib(s.bytes), ratio(o.bytes, s.bytes), `≤ ${BYTES_BUDGET_RATIO}× (${kib(s.bytes * BYTES_BUDGET_RATIO)})`],
    ['time to first slide', `${o.ms.toFixed(0)} ms`, `${s.ms.toFixed(0)} ms`, ratio(o.ms, s.ms), `≤ ${TIME_BUDGET_RATIO}× (${(s.ms * TIME_BUDGET_RATIO).toFixed(0)} ms)`],
  ]))
  console.log(`  per load, this deck: ${oursLoads.map(l => `${l.firstSlideMs.toFixed(0)} ms`).join(', ')}`)
  console.log(`  per load, stock:     ${stockLoads.map(l => `${l.firstSlideMs.toFixed(0)} ms`).join(', ')}`)
  console.log(`  this deck after Slidev preloads every slide (4 s quiet): ${oursAllSlides!.requests} requests, ${kib(oursAllSlides!.bytes)}`)
  if (result?.precache)
    console.log(`  offline precache, fetched in the background after the first slide: ${result.precache.files} files, ${mib(result.precache.lazyBytes)}`)

  if (!options.firstSlideOnly) {
    console.log('\nBuild')
    console.log(table([
      ['', 'this deck', 'stock deck'],
      ['dist/ size', mib(oursDist), mib(stockDist)],
      ['dist/ without PDFs', mib(oursDistNoPdf), mib(stockDist)],
      ['build time (total)', secs(ours.buildMs), secs(stock.buildMs)],
      ['  deck bundle', secs(result?.timings.bundleMs ?? null), ''],
      ['  slides PDF', result ? `${secs(result.timings.slidesPdfMs)} (${(result.timings.slidesPdfMs / Math.max(1, slides)).toFixed(0)} ms/slide)` : 'n/a', ''],
      ['  handout PDF', result ? `${secs(result.timings.handoutMs)} (${(result.timings.handoutMs / Math.max(1, slides)).toFixed(0)} ms/slide)` : 'n/a', ''],
      ['slides / PDF pages', result ? `${slides} / ${result.slidesPdf?.pages ?? '-'} + handout ${result.handoutPdf?.pages ?? '-'}` : 'n/a', '1'],
    ]))

    console.log(`\n${await engineBench()}`)
    console.log(`\n${await simulatorBench()}`)
    console.log(`\n${await exerciseBench()}`)
  }

  const over: string[] = []
  if (o.bytes > s.bytes * BYTES_BUDGET_RATIO)
    over.push(`bytes ${kib(o.bytes)} > ${kib(s.bytes * BYTES_BUDGET_RATIO)}`)
  if (o.ms > s.ms * TIME_BUDGET_RATIO)
    over.push(`time ${o.ms.toFixed(0)} ms > ${(s.ms * TIME_BUDGET_RATIO).toFixed(0)} ms`)
  if (over.length > 0) {
    console.error(`\nFirst slide over budget: ${over.join('; ')}.`)
    return 1
  }
  console.log('\nFirst slide within budget.')
  return 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(code => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
