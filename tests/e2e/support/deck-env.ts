// Where the built deck is, and where the tests serve it. Shared by playwright.config.ts and the specs.
import { existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')

/** The built deck under test: $DECK_DIST (absolute, or relative to the project), else `dist/`. */
export function deckDist(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DECK_DIST ?? 'dist'
  return isAbsolute(dir) ? dir : join(PROJECT_ROOT, dir)
}

/** Stops early, with the way out, when there is no built deck to test. */
export function requireBuiltDeck(env: NodeJS.ProcessEnv = process.env): string {
  const dist = deckDist(env)
  if (!existsSync(join(dist, 'index.html'))) {
    const where = env.DECK_DIST ? `DECK_DIST=${env.DECK_DIST}` : 'dist/'
    throw new Error(
      `No built deck at ${dist} (from ${where}). Run \`npm run build\` first, `
      + 'or build elsewhere with `npx slidev build --out /tmp/deck-dist` and set DECK_DIST=/tmp/deck-dist.',
    )
  }
  return dist
}

/** The port of the static server; $DECK_PORT lets two runs on one machine stay apart. */
export function deckPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DECK_PORT ?? '4173'
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`DECK_PORT must be a TCP port number, got "${raw}".`)
  return port
}

export function deckOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${deckPort(env)}`
}

/**
 * Chromium flags for every launch. `--no-sandbox`: the tests may run as root. The other three stop
 * Chromium's own background requests (updates, field trials), which a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]
