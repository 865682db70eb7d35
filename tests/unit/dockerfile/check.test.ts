import { describe, expect, it } from 'vitest'
import { checkDockerfile } from '../../../lib/dockerfile/check'

const codes = (text: string) => checkDockerfile(text).map(problem => problem.code)

describe('checkDockerfile', () => {
  it('accepts the deck\'s example Dockerfile', () => {
    const text = [
      'FROM ubuntu:24.04',
      '',
      'RUN apt-get -y update && \\',
      '    apt-get -y install python3',
      '',
      'COPY hello.py /opt/hello.py',
      '',
      'CMD ["python3", "/opt/hello.py"]',
    ].join('\n')
    // It builds; the only advice is about the apt lists it leaves in its layer.
    expect(checkDockerfile(text).map(problem => [problem.code, problem.severity])).toEqual([['AptListsKept', 'warning']])
  })

  it('marks an unknown instruction at its keyword and suggests the close one', () => {
    const [problem] = checkDockerfile('FROM alpine:3.20\nRUNN echo hi\n')
    expect(problem).toMatchObject({
      code: 'UNKNOWN_INSTRUCTION',
      severity: 'error',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
    })
    expect(problem?.message).toContain('Did you mean RUN?')
  })

  it('requires FROM first, but lets ARG come before it', () => {
    expect(codes('ARG VERSION=3.12\nFROM python:${VERSION}\n')).toEqual([])
    const problems = checkDockerfile('COPY . /app\nFROM python:3.12-slim\n')
    expect(problems[0]).toMatchObject({ code: 'FROM_NOT_FIRST', range: { start: { line: 0, character: 0 } } })
  })

  it('reports missing arguments with what is needed', () => {
    const [problem] = checkDockerfile('FROM alpine:3.20\nCOPY app.py\n')
    expect(problem?.code).toBe('MISSING_ARGUMENTS')
    expect(problem?.message).toBe('COPY needs at least one source and a destination.')
    expect(problem?.range.start).toEqual({ line: 1, character: 5 })
    expect(codes('FROM\n')).toContain('MISSING_ARGUMENTS')
  })

  it('explains JSON-form commands that are not valid JSON', () => {
    const [single] = checkDockerfile('FROM python:3.12-slim\nRUN [\'pip\', \'install\', \'flask\']\n')
    expect(single?.code).toBe('BAD_JSON')
    expect(single?.severity).toBe('warning')
    expect(single?.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 31 } })
    expect(single?.start).toBe('FROM python:3.12-slim\nRUN '.length)
    expect(codes('FROM python:3.12-slim\nENTRYPOINT ["python", "app.py"\n')).toEqual(['JSONArgsRecommended'])
    expect(codes('FROM python:3.12-slim\nCMD ["python", \\\n  "app.py"]\n')).toEqual([])
  })

  it('requires SHELL to be a JSON array', () => {
    expect(codes('FROM alpine:3.20\nSHELL /bin/bash -c\n')).toEqual(['JSON_REQUIRED'])
    expect(codes('FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\n')).toEqual([])
  })

  it('rejects flags an instruction does not have', () => {
    const [problem] = checkDockerfile('FROM alpine:3.20\nCOPY --chwon=app a /b\n')
    expect(problem?.code).toBe('UNKNOWN_FLAG')
    expect(problem?.message).toContain('--chown')
    expect(codes('FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build --chown=1:1 /a /b\n')).toEqual([])
  })

  it('checks EXPOSE ports and explains a host mapping', () => {
    expect(codes('FROM alpine:3.20\nEXPOSE 5000 53/udp 8000-8010/tcp $PORT\n')).toEqual([])
    const [mapping] = checkDockerfile('FROM alpine:3.20\nEXPOSE 8000:5000\n')
    expect(mapping?.message).toContain('docker run -p 8000:5000')
    expect(codes('FROM alpine:3.20\nEXPOSE 70000\n')).toEqual(['BAD_PORT'])
    expect(codes('FROM alpine:3.20\nEXPOSE http\n')).toEqual(['BAD_PORT'])
  })

  it('needs a value in ENV, but accepts the old space form', () => {
    expect(codes('FROM alpine:3.20\nENV DEBUG\n')).toEqual(['MISSING_VALUE'])
    expect(codes('FROM alpine:3.20\nENV DEBUG 1\nENV A=1 B="two words"\n')).toEqual(['LegacyKeyValueFormat'])
  })

  it('warns about a relative WORKDIR and an overridden CMD', () => {
    const problems = checkDockerfile('FROM alpine:3.20\nWORKDIR app\nCMD ["a"]\nCMD ["b"]\n')
    expect(problems.map(p => [p.code, p.severity, p.range.start.line])).toEqual([
      ['WorkdirRelativePath', 'warning', 1],
      ['MultipleInstructionsDisallowed', 'warning', 2],
    ])
    // A CMD per stage is fine.
    expect(codes('FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n')).toEqual([])
  })

  it('checks FROM … AS, stage names, HEALTHCHECK, STOPSIGNAL and ONBUILD', () => {
    expect(codes('FROM alpine:3.20 builder\n')).toEqual(['BAD_FROM'])
    expect(codes('FROM alpine:3.20 AS\n')).toEqual(['BAD_FROM'])
    expect(codes('FROM alpine:3.20 AS x\nFROM alpine:3.20 AS X\n')).toEqual(['StageNameCasing', 'DuplicateStageName'])
    expect(codes('FROM alpine:3.20\nHEALTHCHECK curl localhost\n')).toEqual(['BAD_HEALTHCHECK'])
    expect(codes('FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD curl -f localhost || exit 1\n')).toEqual([])
    expect(codes('FROM alpine:3.20\nSTOPSIGNAL SIGINT\nSTOPSIGNAL 9\n')).toEqual([])
    expect(codes('FROM alpine:3.20\nSTOPSIGNAL SIGSTOPP\n')).toEqual(['BAD_SIGNAL'])
    expect(codes('FROM alpine:3.20\nONBUILD FROM x\n')).toEqual(['BAD_ONBUILD'])
    expect(codes('FROM alpine:3.20\nONBUILD RUNN x\n')).toEqual(['UNKNOWN_INSTRUCTION'])
  })

  it('flags MAINTAINER as deprecated', () => {
    expect(checkDockerfile('FROM alpine:3.20\nMAINTAINER me\n')).toMatchObject([{ code: 'MaintainerDeprecated', severity: 'warning' }])
  })
})
