import { describe, expect, it } from 'vitest'
import { explain, INTERNAL_ERROR } from '../../../lib/docker/index'
import type { CommandExplanation } from '../../../lib/docker/types'

/** mulberry32: a small deterministic PRNG, so every run tests the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SEEDS = [
  'docker run -it --rm --name mypython python:3.9 bash',
  'docker run --rm -d -v /my/home/model/path:/root/.ollama -p 11434:11434 --name ollama -it ollama/ollama',
  'docker exec -it ollama ollama run llama3.2',
  'docker -H tcp://x --context c ps -a',
  'docker run --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -d postgres',
  'docker build -t myimage:0.1 .',
  'docker run -v "$PWD":/app -e A=$(id -u) nginx && docker ps | grep x',
  'docker container ls --format "{{.Names}}"',
  'docker compose up -d',
  'pip install flask',
]
const PIECES = [
  'docker', 'run', '-it', '-p', '8080:80', '-v', 'x:/y', '--rm', '-e', 'A=1', '--', '-', '=', '"', "'", '\\', '\n',
  '$', '$(', ')', '`', '#', '&&', '|', ';', '>', '2>&1', '~', '*', '<script>alert(1)</script>', '\u0000', '\u001b[31m',
  'é', '😀', '\r\n', '\t', 'container', 'exec', 'nginx:', '@sha256:', '--restart=always', '-itd', '--name=', 'ps',
]

function mutate(random: () => number, text: string): string {
  let out = text
  const steps = 1 + Math.floor(random() * 4)
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(random() * (out.length + 1))
    const roll = random()
    if (roll < 0.4) out = out.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + out.slice(at)
    else if (roll < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5))
    else if (roll < 0.85) out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + out.slice(at)
    else out = out.slice(0, at) + ' ' + out.slice(at)
  }
  return out
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 12)
  return Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join(random() < 0.7 ? ' ' : '')
}

function checkInvariants(text: string, all: CommandExplanation[]): void {
  let previousEnd = 0
  for (const e of all) {
    expect(e.offset).toBeGreaterThanOrEqual(previousEnd)
    expect(text.slice(e.offset, e.offset + e.input.length)).toBe(e.input)
    previousEnd = e.offset + e.input.length
    expect(e.ok).toBe(e.errors.length === 0)
    for (const d of [...e.errors, ...e.warnings]) {
      expect(d.start).toBeGreaterThanOrEqual(0)
      expect(d.end).toBeGreaterThanOrEqual(d.start)
      expect(d.end).toBeLessThanOrEqual(e.input.length)
      expect(d.message).not.toContain(INTERNAL_ERROR)
    }
    let last = 0
    for (const s of e.segments) {
      expect(s.start).toBeGreaterThanOrEqual(last)
      expect(s.end).toBeGreaterThanOrEqual(s.start)
      expect(s.end).toBeLessThanOrEqual(e.input.length)
      expect(s.text).toBe(e.input.slice(s.start, s.end))
      if (s.value) {
        expect(s.value.start).toBeGreaterThanOrEqual(s.start)
        expect(s.value.end).toBeLessThanOrEqual(s.end)
        expect(s.value.text).toBe(e.input.slice(s.value.start, s.value.end))
      }
      last = s.end
    }
    JSON.stringify(e)
  }
}

describe('fuzz: never throws, spans stay consistent', () => {
  it('5,000 random and mutated commands', () => {
    const random = prng(20240607)
    const started = performance.now()
    for (let n = 0; n < 5000; n++) {
      const text = n % 3 === 0 ? randomText(random) : mutate(random, SEEDS[n % SEEDS.length]!)
      let all: CommandExplanation[] = []
      expect(() => (all = explain(text)), JSON.stringify(text)).not.toThrow()
      try {
        checkInvariants(text, all)
      } catch (failure) {
        throw new Error(`case ${n}: ${JSON.stringify(text)}\n${(failure as Error).message}`)
      }
    }
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('edge inputs: empty, huge, control characters, unbalanced, markup', () => {
    const huge = 'docker run -p 80:80 nginx\n'.repeat(4000) + 'x'.repeat(10_000)
    for (const text of ['', ' ', '\u0000\u0001\u0002', '"', "'", '`', '$(', '\\', 'docker "', huge, '<img src=x onerror=alert(1)>', 'docker run "<script>"']) {
      const all = explain(text)
      checkInvariants(text, all)
    }
    expect(explain(huge).length).toBe(4001)
  }, 60_000)
})
