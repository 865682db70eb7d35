import type { CommandExplanation } from '../../../lib/docker/types'
import { describe, expect, it } from 'vitest'
import { explain, INTERNAL_ERROR } from '../../../lib/docker/index'

/** mulberry32: a small deterministic PRNG, so every run tests the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
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
  'for c in $(docker ps -aq); do docker rm -f "$c"; done',
  'if docker inspect web; then docker start web; else docker run -d --name web -v <path/to/data>:/data nginx:1.27; fi',
  'docker run --network \'name=a,"alias=x,y"\' --mount type=image,source=alpine,target=/mnt -m 512 -p 0.0.0.0:8080:80 python:3.12',
  'docker top web -eo pid,comm',
]
const PIECES = [
  'docker',
  'run',
  '-it',
  '-p',
  '8080:80',
  '-v',
  'x:/y',
  '--rm',
  '-e',
  'A=1',
  '--',
  '-',
  '=',
  '"',
  '\'',
  '\\',
  '\n',
  '$',
  '$(',
  ')',
  '`',
  '#',
  '&&',
  '|',
  ';',
  '>',
  '2>&1',
  '~',
  '*',
  '<script>alert(1)</script>',
  '<path/to/data>',
  'YOUR_TOKEN',
  '...',
  'for',
  'do',
  'done',
  'if',
  'then',
  '--net',
  '--mount',
  'type=image,target=/x',
  '\u0000',
  '\u001B[31m',
  'é',
  '😀',
  '\r\n',
  '\t',
  'container',
  'exec',
  'nginx:',
  '@sha256:',
  '--restart=always',
  '-itd',
  '--name=',
  'ps',
]

function mutate(random: () => number, text: string): string {
  let out = text
  const steps = 1 + Math.floor(random() * 4)
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(random() * (out.length + 1))
    const roll = random()
    if (roll < 0.4)
      out = out.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + out.slice(at)
    else if (roll < 0.7)
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5))
    else if (roll < 0.85)
      out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + out.slice(at)
    else out = `${out.slice(0, at)} ${out.slice(at)}`
  }
  return out
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 12)
  return Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join(random() < 0.7 ? ' ' : '')
}

/** The broken invariants of one result (plain checks: thousands of cases must stay fast). */
function brokenInvariants(text: string, all: CommandExplanation[]): string[] {
  const broken: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok)
      broken.push(what)
  }
  let previousEnd = 0
  all.forEach((e, n) => {
    const at = `command ${n}`
    check(e.offset >= previousEnd, `${at}: offset ${e.offset} before the previous command's end ${previousEnd}`)
    check(text.slice(e.offset, e.offset + e.input.length) === e.input, `${at}: input is not text.slice(offset)`)
    previousEnd = e.offset + e.input.length
    check(e.ok === (e.errors.length === 0), `${at}: ok is ${e.ok} with ${e.errors.length} errors`)
    for (const d of [...e.errors, ...e.warnings]) {
      check(d.start >= 0 && d.start <= d.end && d.end <= e.input.length, `${at}: span ${d.start}-${d.end} out of bounds`)
      check(!d.message.includes(INTERNAL_ERROR), `${at}: ${d.message}`)
    }
    let last = 0
    for (const s of e.segments) {
      check(s.start >= last, `${at}: segment ${JSON.stringify(s.text)} at ${s.start} overlaps the previous one (ends ${last})`)
      check(s.start <= s.end && s.end <= e.input.length, `${at}: segment span ${s.start}-${s.end} out of bounds`)
      check(s.text === e.input.slice(s.start, s.end), `${at}: segment text differs from its span`)
      if (s.value) {
        check(s.value.start >= s.start && s.value.end <= s.end, `${at}: value span outside its segment`)
        check(s.value.text === e.input.slice(s.value.start, s.value.end), `${at}: value text differs from its span`)
      }
      last = s.end
    }
    check(typeof JSON.stringify(e) === 'string', `${at}: not serialisable`)
    check(!(e.compose ?? '').includes(INTERNAL_ERROR), `${at}: ${e.compose}`)
    check(e.compose === null || e.run !== null, `${at}: compose without a run command`)
  })
  return broken
}

describe('fuzz: never throws, spans stay consistent', () => {
  it('5,000 random and mutated commands', { timeout: 120_000 }, () => {
    const random = prng(20240607)
    // CPU time of this process, not wall time: the limit must hold on a machine busy with other work.
    const started = process.cpuUsage()
    for (let n = 0; n < 5000; n++) {
      const text = n % 3 === 0 ? randomText(random) : mutate(random, SEEDS[n % SEEDS.length]!)
      let all: CommandExplanation[] = []
      try {
        all = explain(text)
      }
      catch (failure) {
        throw new Error(`case ${n} threw: ${JSON.stringify(text)}\n${(failure as Error).stack}`)
      }
      const broken = brokenInvariants(text, all)
      if (broken.length > 0)
        expect(broken, `case ${n}: ${JSON.stringify(text)}`).toEqual([])
    }
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(10_000)
  })

  it('edge inputs: empty, huge, control characters, unbalanced, markup', () => {
    const huge = 'docker run -p 80:80 nginx\n'.repeat(4000) + 'x'.repeat(10_000)
    for (const text of ['', ' ', '\u0000\u0001\u0002', '"', '\'', '`', '$(', '\\', 'docker "', huge, '<img src=x onerror=alert(1)>', 'docker run "<script>"']) {
      expect(brokenInvariants(text, explain(text)), JSON.stringify(text.slice(0, 80))).toEqual([])
    }
    expect(explain(huge).length).toBe(4001)
  }, 60_000)
})
