import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { requireChromium } from './scripts/find-chromium'
import { CHROMIUM_ARGS, deckOrigin, deckPort, PROJECT_ROOT, requireBuiltDeck } from './tests/e2e/support/deck-env'
import { SLIDE_LIST_ENV } from './tests/e2e/support/slides'

// Both checks run before any test: no browser or no built deck stops the run with the way out.
// The browser is found, never downloaded (scripts/find-chromium.ts says where it looked).
const chromiumPath = requireChromium()
const dist = requireBuiltDeck()
const origin = deckOrigin()

// One test per slide needs the slide list while tests are being collected, before the web server
// starts. The runner asks the built deck once; workers inherit the file's path through the env.
if (!process.env[SLIDE_LIST_ENV]) {
  const listFile = join(tmpdir(), 'deck-e2e', `slides-${createHash('sha1').update(dist).digest('hex').slice(0, 12)}.json`)
  execFileSync(process.execPath, [
    join(PROJECT_ROOT, 'tests/e2e/support/list-slides.mjs'),
    dist,
    listFile,
    chromiumPath,
    origin,
    JSON.stringify(CHROMIUM_ARGS),
  ], { stdio: 'inherit', cwd: PROJECT_ROOT })
  process.env[SLIDE_LIST_ENV] = listFile
}

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  // Baselines are per scheme, not per OS: the tests run on Linux with the fonts in styles/.
  snapshotPathTemplate: '{testDir}/{testFilePath}-snapshots/{arg}-{projectName}{ext}',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  reporter: [['list'], ['html', { open: 'never' }]],
  expect: {
    timeout: 10_000,
    toHaveScreenshot: {
      // Measured: two runs on the same machine give identical pixels, and one changed word on a
      // slide changes several hundred. 0.0002 of 1280×720 is ~180 pixels.
      maxDiffPixelRatio: 0.0002,
      threshold: 0.2,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    },
  },
  use: {
    baseURL: origin,
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    // Headless Chromium hides scroll bars by default; the room's browser shows them, and the clipping
    // gate checks that a box that scrolls shows it can.
    launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] },
  },
  projects: [
    // Every spec runs once, in light mode; the per-slide screenshots and gates run again in dark.
    { name: 'light', use: { colorScheme: 'light' } },
    { name: 'dark', use: { colorScheme: 'dark' }, testMatch: /slides\.spec\.ts$/ },
  ],
  webServer: {
    // A plain static server is all the built deck needs (hash routing).
    command: `python3 -m http.server --bind 127.0.0.1 -d ${JSON.stringify(dist)} ${deckPort()}`,
    url: `${origin}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    timeout: 30_000,
  },
})
