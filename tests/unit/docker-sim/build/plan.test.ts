import type { BaseInfo, PlanInput } from '../../../../lib/docker-sim/build/plan'
import { describe, expect, it } from 'vitest'
import { estimateRun, requirementNames } from '../../../../lib/docker-sim/build/estimates'
import { BuildCache, planBuild } from '../../../../lib/docker-sim/build/plan'
import { baseDigest, progressBytes, renderProgress, sourceExcerpt } from '../../../../lib/docker-sim/build/progress'
import { catalogImageFor } from '../../../../lib/dockerfile/base-images'

const MB = 1024 * 1024

function resolveBase(normalized: string): BaseInfo | null {
  const image = catalogImageFor(normalized)
  return image ? { normalized, digest: baseDigest(normalized), config: image.config, diskBytes: image.diskBytes, history: image.history, present: true } : null
}

const FLASK = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n'
const files = (extra: Record<string, string> = {}) => Object.entries({ 'Dockerfile': FLASK, 'app.py': 'print(1)\n', 'requirements.txt': 'flask==3.1.3\nnumpy\n', ...extra }).map(([path, content]) => ({ path, content }))
const input = (over: Partial<PlanInput> = {}): PlanInput => ({ dockerfile: FLASK, context: { files: files() }, cache: new BuildCache(), resolveBase, ...over })

describe('build plan', () => {
  it('gives the image its base size from the catalog, COPY sizes from the files and RUN sizes from the estimates', () => {
    const plan = planBuild(input())
    expect(plan.error).toBeNull()
    const layers = plan.stages[0]!.layers
    expect(layers.map(layer => [layer.step.display, layer.estimated])).toEqual([
      ['WORKDIR /app', false],
      ['COPY requirements.txt .', false],
      ['RUN pip install --no-cache-dir -r requirements.txt', true],
      ['COPY . .', false],
    ])
    expect(layers[1]!.bytes).toBe('flask==3.1.3\nnumpy\n'.length)
    expect(layers[1]!.files.map(file => file.path)).toEqual(['/app/requirements.txt'])
    // flask and numpy, read from the requirements.txt the step before copied.
    expect(layers[2]!.parts.map(part => part.what)).toEqual(['flask (pip)', 'numpy (pip)'])
    expect(layers[2]!.bytes).toBe(64 * MB)
    expect(plan.image!.baseBytes).toBe(catalogImageFor('docker.io/library/python:3.12-slim')!.diskBytes)
    expect(plan.image!.estimated).toBe(true)
  })

  it('records the history as BuildKit writes it', () => {
    const history = planBuild(input()).image!.history
    const base = catalogImageFor('docker.io/library/python:3.12-slim')!.history.length
    expect(history.slice(base).map(row => row.createdBy)).toEqual([
      'WORKDIR /app',
      'COPY requirements.txt . # buildkit',
      'RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit',
      'COPY . . # buildkit',
      'CMD ["python" "app.py"]',
    ])
  })

  it('counts a file deleted in a later layer as wasted: it still ships', () => {
    const text = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n'
    const plan = planBuild(input({ dockerfile: text, context: { files: [] } }))
    expect(plan.stages[0]!.layers[1]!.wastes).toEqual([{ path: '/var/lib/apt/lists', bytes: 20 * MB, line: 2 }])
    expect(plan.image!.wastedBytes).toBe(20 * MB)
    // Deleting in the same RUN leaves nothing behind.
    const tidy = planBuild(input({ dockerfile: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', context: { files: [] } }))
    expect(tidy.image!.wastedBytes).toBe(0)
    expect(tidy.stages[0]!.layers[0]!.bytes).toBe(8 * MB)
  })

  it('--target builds only what the stage needs; multi-stage shows what reaches the final image', () => {
    const text = 'FROM python:3.12 AS build\nCOPY app.py /src/app.py\nRUN pip install --no-cache-dir flask\nFROM python:3.12-slim AS test\nRUN echo test\nFROM python:3.12-slim\nCOPY --from=build /src /app\n'
    const plan = planBuild(input({ dockerfile: text }))
    expect(plan.stages.map(stage => [stage.stage.name, stage.inFinalImage])).toEqual([['build', false], [null, true]])
    expect(plan.stages[1]!.layers[0]!.files).toEqual([{ path: '/app/app.py', bytes: 9, content: 'print(1)\n' }])
    expect(plan.image!.addedBytes).toBe(9)
    const test = planBuild(input({ dockerfile: text, target: 'test' }))
    expect(test.stages.map(stage => stage.stage.name)).toEqual(['test'])
    expect(planBuild(input({ dockerfile: text, target: 'nope' })).error).toMatchObject({ code: 'NO_SUCH_TARGET', message: 'target stage "nope" could not be found' })
  })

  it('fails where BuildKit fails: a missing COPY source, an unknown base, a parse error, no instructions', () => {
    expect(planBuild(input({ context: { files: files().filter(file => file.path !== 'requirements.txt') } })).error).toMatchObject({ code: 'COPY_SOURCE_MISSING', line: 3 })
    expect(planBuild(input({ dockerfile: 'FROM python:3.99\n' })).error).toMatchObject({
      code: 'BASE_NOT_FOUND',
      message: 'python:3.99: failed to resolve source metadata for docker.io/library/python:3.99: docker.io/library/python:3.99: not found',
    })
    expect(planBuild(input({ dockerfile: 'FROM python:3.12\nRUNN x\n' })).error).toMatchObject({ code: 'DOCKERFILE_ERROR', message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean run?)' })
    expect(planBuild(input({ dockerfile: '' })).error?.message).toBe('the Dockerfile cannot be empty')
    expect(planBuild(input({ dockerfile: '# nothing\n' })).error?.message).toBe('file with no instructions')
  })

  it('--no-cache runs every step; a second build takes them from the cache', () => {
    const cache = new BuildCache()
    const first = planBuild(input({ cache }))
    cache.remember(first.cachePlan)
    expect(planBuild(input({ cache })).verdicts.every(verdict => verdict.cached)).toBe(true)
    expect(planBuild(input({ cache, noCache: true })).verdicts.some(verdict => verdict.cached)).toBe(false)
  })
})

describe('rUN size estimates', () => {
  it('reads pip, apt and apk installs; pip\'s cache counts without --no-cache-dir', () => {
    expect(estimateRun('pip install flask').parts.map(part => part.what)).toEqual(['flask (pip)', 'pip\'s download cache'])
    expect(estimateRun('pip install --no-cache-dir flask==3.1.3 "requests>=2"').parts.map(part => part.what)).toEqual(['flask (pip)', 'requests (pip)'])
    expect(estimateRun('apt-get update && apt-get install -y --no-install-recommends curl git').bytes).toBe((20 + 8 + 40) * MB)
    expect(estimateRun('apk add --no-cache curl').bytes).toBe(4 * MB)
    expect(estimateRun('echo hello > /greeting').known).toBe(false)
    expect(requirementNames('flask==3.1.3\n# comment\n-r other.txt\nnumpy>=2 ; python_version>"3"\nrequests[socks]\n')).toEqual(['flask', 'numpy', 'requests'])
  })
})

describe('progress output', () => {
  it('prints sizes as go-units does', () => {
    expect([progressBytes(2), progressBytes(215), progressBytes(1234), progressBytes(45_600_000)]).toEqual(['2B', '215B', '1.23kB', '45.60MB'])
  })

  it('prints the tty frame: header with docker:default, CACHED steps, lines fitted to the width', () => {
    const cache = new BuildCache()
    cache.remember(planBuild(input({ cache })).cachePlan)
    const plan = planBuild(input({ cache, context: { files: files({ 'app.py': 'print(2)\n' }) } }))
    const text = renderProgress(plan, { mode: 'tty', width: 80, dockerfileName: 'Dockerfile', dockerfileBytes: 120, dockerignoreBytes: 2, contextBytes: 95, tags: ['docker.io/library/myapp:latest'], imageId: 'sha256:abc', pulled: new Set() }, FLASK)
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\[\+\] Building \d+\.\ds \(10\/10\) FINISHED +docker:default$/)
    expect(lines.every(line => line.length <= 79)).toBe(true)
    const steps = lines.filter(line => /\[\d\/5\]/.test(line)).map(line => line.replace(/\s+\d+\.\ds$/, '').trim())
    expect(steps).toEqual([
      `=> [1/5] FROM docker.io/library/python:3.12-slim@${baseDigest('docker.io/library/python:3.12-slim')}`.slice(0, 72),
      '=> CACHED [2/5] WORKDIR /app',
      '=> CACHED [3/5] COPY requirements.txt .',
      '=> CACHED [4/5] RUN pip install --no-cache-dir -r requirements.txt',
      '=> [5/5] COPY . .',
    ])
    expect(lines).toContain(' => => naming to docker.io/library/myapp:latest                            0.0s')
  })

  it('ends with the build checks BuildKit prints', () => {
    const text = FLASK.replace('CMD ["python", "app.py"]', 'CMD python app.py')
    const plan = planBuild(input({ dockerfile: text, context: { files: files({ Dockerfile: text }) } }))
    const out = renderProgress(plan, { mode: 'plain', dockerfileName: 'Dockerfile', dockerfileBytes: 1, dockerignoreBytes: 2, contextBytes: 1, tags: [], imageId: null, pulled: new Set() }, text)
    expect(out).toContain('\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 6)\n')
    expect(out.startsWith('#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n')).toBe(true)
  })

  it('shows the Dockerfile around a failing line as BuildKit does', () => {
    expect(sourceExcerpt('Dockerfile', 'A\nB\nC\nD\nE\nF\n', 3)).toBe('Dockerfile:3\n--------------------\n   1 |     A\n   2 |     B\n   3 | >>> C\n   4 |     D\n   5 |     E\n--------------------\n')
    expect(sourceExcerpt('Dockerfile', 'A\nB\n', 1)).toBe('Dockerfile:1\n--------------------\n   1 | >>> A\n   2 |     B\n   3 |\n--------------------\n')
  })
})

describe('sources outside the context', () => {
  it('a URL in ADD needs nothing in the context; COPY --from an image reads that image like a base', () => {
    const text = 'FROM python:3.12-slim\nADD https://example.com/data.csv /data/\nCOPY --from=python:3.11 /usr/local/bin/python3 /opt/py311\n'
    const plan = planBuild(input({ dockerfile: text, context: { files: [] } }))
    expect(plan.error).toBeNull()
    expect(plan.images.map(image => [image.normalized, image.base])).toEqual([['docker.io/library/python:3.12-slim', true], ['docker.io/library/python:3.11', false]])
    expect(plan.stages[0]!.layers.map(layer => [layer.step.keyword, layer.sizeKnown])).toEqual([['ADD', false], ['COPY', false]])
    const out = renderProgress(plan, { mode: 'tty', dockerfileName: 'Dockerfile', dockerfileBytes: 1, dockerignoreBytes: 2, contextBytes: 0, tags: [], imageId: 'sha256:1', pulled: new Set() }, text)
    expect(out).toContain(' => [internal] load metadata for docker.io/library/python:3.11 ')
    expect(out).toContain(` => FROM docker.io/library/python:3.11@${baseDigest('docker.io/library/python:3.11')}`.slice(0, 60))
    const unknown = planBuild(input({ dockerfile: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv\n', context: { files: [] } }))
    expect(unknown.error).toMatchObject({ code: 'BASE_NOT_FOUND', line: 2, message: 'ghcr.io/astral-sh/uv:0.5: failed to resolve source metadata for ghcr.io/astral-sh/uv:0.5: ghcr.io/astral-sh/uv:0.5: not found' })
  })
})

describe('build checks printed after a build', () => {
  it('reports dispatch-time checks only for the stages built, parse-time ones for all', () => {
    const text = 'FROM python:3.12-slim as base\nRUN echo base\nFROM base AS final\nCMD python app.py\n'
    const codes = (target?: string) => planBuild(input({ dockerfile: text, target, context: { files: [] } })).warnings.map(warning => warning.code)
    expect(codes()).toEqual(['FromAsCasing', 'JSONArgsRecommended'])
    expect(codes('base')).toEqual(['FromAsCasing'])
  })
})
