import type { ContextFile } from '../../../lib/dockerfile/context'
import { describe, expect, it } from 'vitest'
import { BuildCache, describeReason, judgeCache, planCache } from '../../../lib/dockerfile/cache'
import { buildModel } from '../../../lib/dockerfile/model'

const DOCKERFILE = [
  'FROM python:3.12-slim',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN pip install --no-cache-dir -r requirements.txt',
  'COPY . .',
  'CMD ["python", "app.py"]',
].join('\n')

function files(overrides: Record<string, string> = {}, dockerfile = DOCKERFILE): ContextFile[] {
  const all: Record<string, string> = { 'Dockerfile': dockerfile, 'app.py': 'print("hi")\n', 'requirements.txt': 'flask==3.0.3\n', ...overrides }
  return Object.entries(all).filter(([, content]) => content !== '').map(([path, content]) => ({ path, content }))
}

/** Builds `first`, then `second`; returns for each step of the second build [display, cached, reason kind]. */
function rebuild(first: { text?: string, files?: ContextFile[], buildArgs?: Record<string, string> }, second: { text?: string, files?: ContextFile[], buildArgs?: Record<string, string> }) {
  const cache = new BuildCache()
  const before = buildModel(first.text ?? DOCKERFILE, { buildArgs: first.buildArgs })
  cache.remember(planCache(before, { files: first.files ?? files({}, first.text) }))
  const after = buildModel(second.text ?? DOCKERFILE, { buildArgs: second.buildArgs })
  return judgeCache(planCache(after, { files: second.files ?? files({}, second.text) }), cache)
}

const summary = (verdicts: ReturnType<typeof rebuild>) => verdicts.map(v => [v.step.display, v.cached, v.reason.kind])

describe('build cache', () => {
  it('takes every step from the cache when nothing changed', () => {
    expect(rebuild({}, {}).every(verdict => verdict.cached)).toBe(true)
  })

  it('editing app.py reruns only the COPY . . (and nothing after it)', () => {
    const verdicts = rebuild({}, { files: files({ 'app.py': 'print("hello")\n' }) })
    expect(summary(verdicts)).toEqual([
      ['FROM docker.io/library/python:3.12-slim', true, 'cached'],
      ['WORKDIR /app', true, 'cached'],
      ['COPY requirements.txt .', true, 'cached'],
      ['RUN pip install --no-cache-dir -r requirements.txt', true, 'cached'],
      ['COPY . .', false, 'files-changed'],
    ])
    expect(describeReason(verdicts[4]!.reason)).toBe('app.py changed')
  })

  it('editing requirements.txt reruns its COPY and every later step, each with its reason', () => {
    const verdicts = rebuild({}, { files: files({ 'requirements.txt': 'flask==3.1.0\n' }) })
    expect(summary(verdicts).slice(2)).toEqual([
      ['COPY requirements.txt .', false, 'files-changed'],
      ['RUN pip install --no-cache-dir -r requirements.txt', false, 'earlier-step'],
      ['COPY . .', false, 'earlier-step'],
    ])
    expect(describeReason(verdicts[3]!.reason)).toBe('an earlier step ran again (line 3)')
  })

  it('a file\'s mode is an input', () => {
    const executable = files().map(file => file.path === 'app.py' ? { ...file, mode: 0o755 } : file)
    expect(summary(rebuild({}, { files: executable })).at(-1)).toEqual(['COPY . .', false, 'files-changed'])
  })

  it('changing the base tag reruns everything', () => {
    const text = DOCKERFILE.replace('3.12-slim', '3.13-slim')
    const verdicts = rebuild({}, { text })
    expect(verdicts.map(v => v.cached)).toEqual([false, false, false, false, false])
    expect(verdicts[0]!.reason).toEqual({ kind: 'base-changed', from: 'docker.io/library/python:3.12-slim', to: 'docker.io/library/python:3.13-slim' })
    expect(verdicts[1]!.reason.kind).toBe('earlier-step')
  })

  it('changing a RUN command reruns it, and the Dockerfile itself is in the context that COPY . . copies', () => {
    const text = DOCKERFILE.replace('pip install --no-cache-dir', 'pip install --no-cache-dir --upgrade')
    expect(summary(rebuild({}, { text })).slice(3)).toEqual([
      ['RUN pip install --no-cache-dir --upgrade -r requirements.txt', false, 'command-changed'],
      ['COPY . .', false, 'earlier-step'],
    ])
  })

  it('a .dockerignore that leaves the Dockerfile out keeps COPY . . cached when only the CMD changes', () => {
    const ignore = { '.dockerignore': 'Dockerfile\n.dockerignore\n' }
    const text = DOCKERFILE.replace('app.py"]', 'app.py", "--debug"]')
    expect(rebuild({ files: files(ignore) }, { text, files: files(ignore, text) }).every(v => v.cached)).toBe(true)
    // Without it, the changed Dockerfile is a changed file of the context.
    expect(describeReason(rebuild({}, { text }).at(-1)!.reason)).toBe('Dockerfile changed')
  })

  it('eNV is not an input of COPY but is one of RUN (BuildKit)', () => {
    const withEnv = (value: string) => DOCKERFILE.replace('WORKDIR /app', `WORKDIR /app\nENV MODE=${value}`)
    const ignore = { '.dockerignore': 'Dockerfile\n' }
    const verdicts = rebuild({ text: withEnv('dev'), files: files(ignore, withEnv('dev')) }, { text: withEnv('prod'), files: files(ignore, withEnv('prod')) })
    expect(summary(verdicts).slice(2)).toEqual([
      ['COPY requirements.txt .', true, 'cached'],
      ['RUN pip install --no-cache-dir -r requirements.txt', false, 'environment-changed'],
      ['COPY . .', false, 'earlier-step'],
    ])
  })

  it('a --build-arg value reaches the first RUN after its ARG, not the COPY before it', () => {
    const text = DOCKERFILE.replace('WORKDIR /app', 'WORKDIR /app\nARG MODE=dev')
    const verdicts = rebuild({ text }, { text, buildArgs: { MODE: 'prod' } })
    expect(summary(verdicts).slice(2, 4)).toEqual([
      ['COPY requirements.txt .', true, 'cached'],
      ['RUN pip install --no-cache-dir -r requirements.txt', false, 'environment-changed'],
    ])
  })

  it('changing WORKDIR changes where COPY . puts files', () => {
    const text = DOCKERFILE.replace('WORKDIR /app', 'WORKDIR /srv')
    expect(summary(rebuild({}, { text })).slice(1, 3)).toEqual([
      ['WORKDIR /srv', false, 'command-changed'],
      ['COPY requirements.txt .', false, 'earlier-step'],
    ])
  })

  it('--no-cache runs every step', () => {
    const cache = new BuildCache()
    const plan = planCache(buildModel(DOCKERFILE), { files: files() })
    cache.remember(plan)
    expect(judgeCache(plan, cache, { noCache: true }).map(v => v.reason.kind)).toEqual(Array.from({ length: 5 }).fill('no-cache'))
  })

  it('remembers every earlier build, not only the last one', () => {
    const cache = new BuildCache()
    const v1 = files()
    const v2 = files({ 'app.py': 'print(2)\n' })
    cache.remember(planCache(buildModel(DOCKERFILE), { files: v1 }))
    cache.remember(planCache(buildModel(DOCKERFILE), { files: v2 }))
    expect(judgeCache(planCache(buildModel(DOCKERFILE), { files: v1 }), cache).every(v => v.cached)).toBe(true)
  })

  it('multi-stage: a COPY --from follows the stage it copies from; unneeded stages are not built', () => {
    const text = 'FROM golang:1.22 AS build\nCOPY main.go .\nRUN go build -o /out main.go\nFROM alpine AS unused\nRUN echo never\nFROM alpine\nCOPY --from=build /out /app\n'
    const base = { 'main.go': 'package main\n', '.dockerignore': 'Dockerfile\n' }
    const verdicts = rebuild({ text, files: files(base, text) }, { text, files: files({ ...base, 'main.go': 'package main // v2\n' }, text) })
    expect(summary(verdicts)).toEqual([
      ['FROM docker.io/library/golang:1.22', true, 'cached'],
      ['COPY main.go .', false, 'files-changed'],
      ['RUN go build -o /out main.go', false, 'earlier-step'],
      ['FROM docker.io/library/alpine:latest', true, 'cached'],
      ['COPY --from=build /out /app', false, 'stage-changed'],
    ])
  })
})
