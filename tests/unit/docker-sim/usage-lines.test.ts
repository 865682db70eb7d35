// The client's usage lines in the simulator (lib/docker-sim/usage-lines.ts) against the captured help of
// the docker 28.2.2 client: a re-capture that changes one fails here, with the table to paste.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { USAGE_LINES } from '../../../lib/docker-sim/usage-lines'

const HELP = join(import.meta.dirname, '../../fixtures/docker-help/help')

describe('usage lines', () => {
  it('are the first Usage line of each command\'s captured --help', () => {
    const captured: Record<string, string> = {}
    for (const file of readdirSync(HELP).filter(f => f.endsWith('.txt') && f !== 'docker.txt')) {
      const path = file.slice(0, -'.txt'.length).replace(/_/g, ' ')
      const line = readFileSync(join(HELP, file), 'utf8').split('\n').find(l => l.startsWith('Usage:  docker '))!
      captured[path] = line.slice(`Usage:  docker ${path}`.length).trim()
    }
    expect(USAGE_LINES).toEqual(captured)
  })
})
