// Finds a Chromium for tests and PDF export. Playwright cannot download its own browser on every
// machine, so we look, in order: $CHROMIUM_PATH, Playwright's own installed browser, a system one.
// `npx tsx scripts/find-chromium.ts` prints the path, or explains how to install one and exits 1.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

export const INSTALL_HINT
  = 'No Chromium found. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), '
    + 'or `npx playwright install chromium` where downloads are allowed, '
    + 'or point CHROMIUM_PATH at a Chromium or Chrome binary.'

function playwrightOwnBrowser(): string | null {
  try {
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  }
  catch {
    return null
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string, source: 'CHROMIUM_PATH' | 'Playwright' | 'system' } | null {
  if (env.CHROMIUM_PATH) {
    // An explicit choice that does not exist is an error, not something to silently replace.
    if (!existsSync(env.CHROMIUM_PATH))
      throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but no file is there.`)
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
  }
  const own = playwrightOwnBrowser()
  if (own)
    return { path: own, source: 'Playwright' }
  const system = SYSTEM_CANDIDATES.find(candidate => existsSync(candidate))
  return system ? { path: system, source: 'system' } : null
}

/** Like findChromium, but stops with the install hint when there is none. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env)
  if (!found)
    throw new Error(INSTALL_HINT)
  return found.path
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(requireChromium())
  }
  catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
