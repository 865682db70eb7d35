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
    expect(checkDockerfile(text)).toEqual([])
  })

  it('marks an unknown instruction at its keyword and suggests the close one', () => {
    const [problem] = checkDockerfile('FROM alpine\nRUNN echo hi\n')
    expect(problem).toMatchObject({
      code: 'UNKNOWN_INSTRUCTION',
      severity: 'error',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
    })
    expect(problem?.message).toContain('Did you mean RUN?')
  })

  it('requires FROM first, but lets ARG come before it', () => {
    expect(codes('ARG VERSION=3.12\nFROM python:${VERSION}\n')).toEqual([])
    const problems = checkDockerfile('COPY . /app\nFROM python:3.12\n')
    expect(problems[0]).toMatchObject({ code: 'FROM_NOT_FIRST', range: { start: { line: 0, character: 0 } } })
  })

  it('reports missing arguments with what is needed', () => {
    const [problem] = checkDockerfile('FROM alpine\nCOPY app.py\n')
    expect(problem?.code).toBe('MISSING_ARGUMENTS')
    expect(problem?.message).toBe('COPY needs at least one source and a destination.')
    expect(problem?.range.start).toEqual({ line: 1, character: 5 })
    expect(codes('FROM\n')).toContain('MISSING_ARGUMENTS')
  })

  it('explains JSON-form commands that are not valid JSON', () => {
    const [single] = checkDockerfile('FROM python:3.12\nCMD [\'python\', \'app.py\']\n')
    expect(single?.code).toBe('BAD_JSON')
    expect(single?.severity).toBe('warning')
    expect(single?.message).toContain('double quotes')
    expect(single?.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 24 } })
    expect(codes('FROM python:3.12\nENTRYPOINT ["python", "app.py"\n')).toEqual(['BAD_JSON'])
    expect(codes('FROM python:3.12\nCMD ["python", \\\n  "app.py"]\n')).toEqual([])
  })

  it('requires SHELL to be a JSON array', () => {
    expect(codes('FROM alpine\nSHELL /bin/bash -c\n')).toEqual(['JSON_REQUIRED'])
    expect(codes('FROM alpine\nSHELL ["/bin/bash", "-c"]\n')).toEqual([])
  })

  it('rejects flags an instruction does not have', () => {
    const [problem] = checkDockerfile('FROM alpine\nCOPY --chwon=app a /b\n')
    expect(problem?.code).toBe('UNKNOWN_FLAG')
    expect(problem?.message).toContain('--chown')
    expect(codes('FROM alpine AS build\nFROM alpine\nCOPY --from=build --chown=1:1 /a /b\n')).toEqual([])
  })

  it('checks EXPOSE ports and explains a host mapping', () => {
    expect(codes('FROM alpine\nEXPOSE 5000 53/udp 8000-8010/tcp $PORT\n')).toEqual([])
    const [mapping] = checkDockerfile('FROM alpine\nEXPOSE 8000:5000\n')
    expect(mapping?.message).toContain('docker run -p 8000:5000')
    expect(codes('FROM alpine\nEXPOSE 70000\n')).toEqual(['BAD_PORT'])
    expect(codes('FROM alpine\nEXPOSE http\n')).toEqual(['BAD_PORT'])
  })

  it('needs a value in ENV, but accepts the old space form', () => {
    expect(codes('FROM alpine\nENV DEBUG\n')).toEqual(['MISSING_VALUE'])
    expect(codes('FROM alpine\nENV DEBUG 1\nENV A=1 B="two words"\n')).toEqual([])
  })

  it('warns about a relative WORKDIR and an overridden CMD', () => {
    const problems = checkDockerfile('FROM alpine\nWORKDIR app\nCMD ["a"]\nCMD ["b"]\n')
    expect(problems.map(p => [p.code, p.severity, p.range.start.line])).toEqual([
      ['RELATIVE_WORKDIR', 'warning', 1],
      ['IGNORED_INSTRUCTION', 'warning', 2],
    ])
    // A CMD per stage is fine.
    expect(codes('FROM alpine AS a\nCMD ["a"]\nFROM alpine\nCMD ["b"]\n')).toEqual([])
  })

  it('checks FROM … AS, stage names, HEALTHCHECK, STOPSIGNAL and ONBUILD', () => {
    expect(codes('FROM alpine builder\n')).toEqual(['BAD_FROM'])
    expect(codes('FROM alpine AS\n')).toEqual(['BAD_FROM'])
    expect(codes('FROM alpine AS x\nFROM alpine AS X\n')).toEqual(['DUPLICATE_STAGE'])
    expect(codes('FROM alpine\nHEALTHCHECK curl localhost\n')).toEqual(['BAD_HEALTHCHECK'])
    expect(codes('FROM alpine\nHEALTHCHECK --interval=5s CMD curl -f localhost || exit 1\n')).toEqual([])
    expect(codes('FROM alpine\nSTOPSIGNAL SIGINT\nSTOPSIGNAL 9\n')).toEqual([])
    expect(codes('FROM alpine\nSTOPSIGNAL SIGSTOPP\n')).toEqual(['BAD_SIGNAL'])
    expect(codes('FROM alpine\nONBUILD FROM x\n')).toEqual(['BAD_ONBUILD'])
    expect(codes('FROM alpine\nONBUILD RUNN x\n')).toEqual(['UNKNOWN_INSTRUCTION'])
  })

  it('flags MAINTAINER as deprecated', () => {
    expect(checkDockerfile('FROM alpine\nMAINTAINER me\n')).toMatchObject([{ code: 'DEPRECATED', severity: 'warning' }])
  })
})
