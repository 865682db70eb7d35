import { describe, expect, it } from 'vitest'
import { buildModel, dockerfileModel, normalizeImageReference, resolveAgainst, stagesNeeded, stepAtLine, targetStage } from '../../../lib/dockerfile/model'
import { parseDockerfile } from '../../../lib/dockerfile/parse'

const FLASK = [
  'FROM python:3.12-slim',
  'WORKDIR /app',
  'ENV PYTHONUNBUFFERED=1',
  'COPY requirements.txt .',
  'RUN pip install --no-cache-dir -r requirements.txt',
  'COPY . .',
  'EXPOSE 5000',
  'USER nobody',
  'CMD ["python", "app.py"]',
].join('\n')

const numbering = (text: string) => buildModel(text).stages.map(stage => stage.steps.map(step => [step.keyword, step.number, stage.total]))

describe('dockerfile model: stages and steps', () => {
  it('numbers FROM, WORKDIR, COPY, RUN the way BuildKit does; metadata gets no number', () => {
    const [stage] = buildModel(FLASK).stages
    expect(stage!.total).toBe(5)
    expect(stage!.steps.map(step => [step.keyword, step.number, step.kind])).toEqual([
      ['FROM', 1, 'base'],
      ['WORKDIR', 2, 'layer'],
      ['ENV', null, 'metadata'],
      ['COPY', 3, 'layer'],
      ['RUN', 4, 'layer'],
      ['COPY', 5, 'layer'],
      ['EXPOSE', null, 'metadata'],
      ['USER', null, 'metadata'],
      ['CMD', null, 'metadata'],
    ])
    expect(stage!.label).toBe('')
  })

  it('does not number FROM scratch or FROM another stage; WORKDIR / takes no number but counts in the total', () => {
    expect(numbering('FROM scratch\nCOPY a /a\n')).toEqual([[['FROM', null, 1], ['COPY', 1, 1]]])
    expect(numbering('FROM alpine AS base\nRUN a\nFROM base\nRUN b\n')[1]).toEqual([['FROM', null, 1], ['RUN', 1, 1]])
    expect(numbering('FROM alpine\nWORKDIR /\nRUN x\n')).toEqual([[['FROM', 1, 3], ['WORKDIR', null, 3], ['RUN', 2, 3]]])
  })

  it('labels stages as BuildKit does: by name, stage-N when unnamed, nothing when there is one', () => {
    const model = buildModel('FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=build /out /app\n')
    expect(model.stages.map(stage => stage.label)).toEqual(['build', 'stage-1'])
    expect(model.stages[1]!.steps[1]!.copy).toMatchObject({ from: 'build', fromStage: 0, destination: '/app' })
    expect(model.stages[1]!.base).toEqual({ kind: 'image', reference: 'alpine', normalized: 'docker.io/library/alpine:latest' })
  })

  it('names steps as the progress output does', () => {
    const steps = buildModel(FLASK).stages[0]!.steps
    expect(steps.map(step => step.display).filter((_, i) => steps[i]!.number !== null)).toEqual([
      'FROM docker.io/library/python:3.12-slim',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install --no-cache-dir -r requirements.txt',
      'COPY . .',
    ])
  })
})

describe('dockerfile model: the state at each line', () => {
  it('tracks WORKDIR (relative ones join the previous), ENV, USER and SHELL', () => {
    const model = buildModel('FROM alpine\nWORKDIR /srv\nWORKDIR app/../web\nENV A=1 B="two words"\nUSER app\nSHELL ["/bin/bash", "-c"]\nRUN echo $A\n')
    const run = model.stages[0]!.steps.at(-1)!
    expect(run.before.workdir).toBe('/srv/web')
    expect([...run.before.env]).toEqual([['A', '1'], ['B', 'two words']])
    expect(run.before.user).toBe('app')
    expect(run.run).toEqual({ argv: ['/bin/bash', '-c', 'echo $A'], shellForm: true, command: 'echo $A' })
  })

  it('expands variables in WORKDIR and COPY from ENV and ARG, ENV winning over ARG', () => {
    const model = buildModel('FROM alpine\nARG DIR=/from-arg\nENV HOME_DIR=/home/app\nWORKDIR ${HOME_DIR}/src\nCOPY x $DIR/\n')
    const steps = model.stages[0]!.steps
    expect(steps[3]!.after.workdir).toBe('/home/app/src')
    expect(steps[4]!.copy?.destination).toBe('/from-arg/')
    const shadowed = buildModel('FROM alpine\nARG V=arg\nENV V=env\nWORKDIR /$V\n').stages[0]!.steps.at(-1)!
    expect(shadowed.after.workdir).toBe('/env')
  })

  it('reads ARG values: --build-arg first, then the default, then the global one for a bare ARG', () => {
    const text = 'ARG VERSION=3.12\nFROM python:${VERSION}-slim\nARG VERSION\nARG MODE=dev\nRUN echo $VERSION $MODE\n'
    const plain = buildModel(text)
    expect(plain.stages[0]!.base).toMatchObject({ reference: 'python:3.12-slim' })
    expect([...plain.stages[0]!.steps.at(-1)!.before.args]).toEqual([['VERSION', '3.12'], ['MODE', 'dev']])
    const overridden = buildModel(text, { buildArgs: { VERSION: '3.13', MODE: 'prod' } })
    expect(overridden.stages[0]!.base).toMatchObject({ normalized: 'docker.io/library/python:3.13-slim' })
    expect([...overridden.stages[0]!.steps.at(-1)!.before.args]).toEqual([['VERSION', '3.13'], ['MODE', 'prod']])
  })

  it('starts from the base image\'s configuration when it is known', () => {
    const model = buildModel('FROM python:3.12\nRUN pip list\n', {
      baseImage: ref => ref === 'docker.io/library/python:3.12'
        ? { cmd: ['python3'], entrypoint: null, env: [['LANG', 'C.UTF-8']], exposedPorts: [], volumes: [], workingDir: '', user: '', stopSignal: null }
        : null,
    })
    expect([...model.stages[0]!.steps[1]!.before.env]).toEqual([['LANG', 'C.UTF-8']])
    expect(model.stages[0]!.config.cmd).toEqual(['python3'])
  })

  it('a stage built FROM another inherits its state and configuration', () => {
    const model = buildModel('FROM alpine AS base\nWORKDIR /app\nENV X=1\nFROM base\nRUN ls\n')
    expect(model.stages[1]!.steps[1]!.before).toMatchObject({ workdir: '/app', env: new Map([['X', '1']]) })
  })
})

describe('dockerfile model: the final image configuration', () => {
  it('collects CMD, ENTRYPOINT, ENV, EXPOSE, VOLUME, LABEL, USER, WORKDIR, STOPSIGNAL and HEALTHCHECK', () => {
    const config = buildModel([
      'FROM alpine',
      'WORKDIR /app',
      'ENV A=1',
      'EXPOSE 5000 53/UDP',
      'VOLUME /data',
      'LABEL org.opencontainers.image.title="demo"',
      'USER 1000',
      'STOPSIGNAL SIGINT',
      'HEALTHCHECK CMD wget -q -O- localhost:5000',
      'ENTRYPOINT ["python"]',
      'CMD app.py',
    ].join('\n')).stages[0]!.config
    expect(config).toEqual({
      cmd: ['/bin/sh', '-c', 'app.py'],
      entrypoint: ['python'],
      env: [['A', '1']],
      exposedPorts: ['5000/tcp', '53/udp'],
      volumes: ['/data'],
      workingDir: '/app',
      user: '1000',
      stopSignal: 'SIGINT',
      labels: [['org.opencontainers.image.title', 'demo']],
      healthcheck: ['CMD-SHELL', 'wget -q -O- localhost:5000'],
      shell: ['/bin/sh', '-c'],
    })
  })

  it('eNTRYPOINT drops an inherited CMD; CMD [] clears it; a CMD set before ENTRYPOINT in the stage stays', () => {
    const base = { cmd: ['python3'], entrypoint: null, env: [], exposedPorts: [], volumes: [], workingDir: '', user: '', stopSignal: null }
    const config = (text: string) => buildModel(text, { baseImage: () => base }).stages[0]!.config
    expect(config('FROM python\nENTRYPOINT ["flask"]\n')).toMatchObject({ entrypoint: ['flask'], cmd: null })
    expect(config('FROM python\nCMD []\n')).toMatchObject({ cmd: [] })
    expect(config('FROM python\nCMD ["run"]\nENTRYPOINT ["flask"]\n')).toMatchObject({ entrypoint: ['flask'], cmd: ['run'] })
  })
})

describe('dockerfile model: helpers and the shared parse', () => {
  it('normalizes references as BuildKit prints them', () => {
    expect(normalizeImageReference('python:3.12')).toBe('docker.io/library/python:3.12')
    expect(normalizeImageReference('ollama/ollama')).toBe('docker.io/ollama/ollama:latest')
    expect(normalizeImageReference('ghcr.io/astral-sh/uv:0.5')).toBe('ghcr.io/astral-sh/uv:0.5')
    expect(normalizeImageReference('localhost:5000/app')).toBe('localhost:5000/app:latest')
    expect(normalizeImageReference('alpine@sha256:abc')).toBe('docker.io/library/alpine@sha256:abc')
  })

  it('resolves paths against a directory', () => {
    expect(resolveAgainst('/app', '.')).toBe('/app')
    expect(resolveAgainst('/app', './')).toBe('/app/')
    expect(resolveAgainst('/app', '../etc/x')).toBe('/etc/x')
    expect(resolveAgainst('/', 'src/')).toBe('/src/')
  })

  it('finds the stages a target needs, the step at a line, and the target by name', () => {
    const model = buildModel('FROM alpine AS a\nRUN x\nFROM alpine AS b\nRUN y\nFROM alpine AS c\nCOPY --from=a /x /x\n')
    expect([...stagesNeeded(model, targetStage(model)!)].sort()).toEqual([0, 2])
    expect([...stagesNeeded(model, targetStage(model, 'B')!)]).toEqual([1])
    expect(targetStage(model, 'nope')).toBeUndefined()
    expect(stepAtLine(model, 3)?.display).toBe('RUN y')
  })

  it('parses a text once and shares the result', () => {
    const text = 'FROM alpine\nRUN echo shared\n'
    expect(parseDockerfile(text)).toBe(parseDockerfile(text))
    expect(dockerfileModel(text)).toBe(dockerfileModel(text))
    expect(dockerfileModel(text).parsed).toBe(parseDockerfile(text))
    expect(dockerfileModel(`${text}\n`)).not.toBe(dockerfileModel(text))
  })
})
