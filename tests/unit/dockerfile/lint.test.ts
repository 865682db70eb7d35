import type { LintCode } from '../../../lib/dockerfile/lint'
import { describe, expect, it } from 'vitest'
import { checkDockerfile } from '../../../lib/dockerfile/check'
import { LINT_RULES, lintDockerfile } from '../../../lib/dockerfile/lint'
import { buildModel, dockerfileModel } from '../../../lib/dockerfile/model'

const lint = (text: string) => lintDockerfile(dockerfileModel(text)).map(finding => finding.code)
const F = 'FROM python:3.12-slim\n'

/** For every rule: Dockerfiles where it fires, and close ones where it must stay quiet. */
const CASES: Record<LintCode, { fires: string[], quiet: string[] }> = {
  JSONArgsRecommended: {
    fires: [`${F}CMD python app.py\n`, `${F}ENTRYPOINT flask run\n`, `${F}CMD ['python', 'app.py']\n`, `${F}cmd python app.py\n`],
    quiet: [`${F}CMD ["python", "app.py"]\n`, `${F}ENTRYPOINT ["flask"]\nCMD []\n`, `${F}SHELL ["/bin/bash", "-c"]\nCMD python app.py\n`, `${F}RUN echo shell form is fine for RUN\n`],
  },
  StageNameCasing: {
    fires: ['FROM python:3.12-slim AS Build\n', 'FROM python:3.12-slim AS BUILD\n'],
    quiet: ['FROM python:3.12-slim AS build\n', 'FROM python:3.12-slim AS build-2\n', F],
  },
  FromAsCasing: {
    fires: ['FROM python:3.12-slim as build\n', 'from python:3.12-slim AS build\n'],
    quiet: ['FROM python:3.12-slim AS build\n', 'from python:3.12-slim as build\n'],
  },
  UndefinedVar: {
    fires: [`${F}WORKDIR /$APPDIR\n`, `${F}ENV APP_HOME=/app\nCOPY . $APP_HOM\n`, `${F}ENV PATH=/venv/bin:$PTAH\n`],
    quiet: [`${F}ENV APP_HOME=/app\nCOPY . $APP_HOME\n`, `${F}ENV PATH=/venv/bin:$PATH\n`, `${F}ARG TARGET\nWORKDIR /$TARGET\n`, 'FROM example.com/unknown:1\nWORKDIR $FROM_THE_BASE\n', `${F}RUN echo $NOT_CHECKED_IN_RUN\n`],
  },
  UndefinedArgInFrom: {
    fires: ['FROM python:${VERSION}-slim\n', 'ARG VERSION=3.12\nFROM python:${VERSOIN}\n'],
    quiet: ['ARG VERSION=3.12\nFROM python:${VERSION}-slim\n', 'FROM --platform=$BUILDPLATFORM python:3.12-slim\n', 'ARG TAG=3.12\nFROM python:$TAG\n'],
  },
  WorkdirRelativePath: {
    fires: [`${F}WORKDIR app\n`, `${F}WORKDIR src/app\n`],
    quiet: [`${F}WORKDIR /app\n`, `${F}WORKDIR /app\nWORKDIR src\n`, `${F}WORKDIR $HOME\n`],
  },
  SecretsUsedInArgOrEnv: {
    fires: [`${F}ENV API_KEY=abc\n`, `${F}ARG GITHUB_TOKEN\n`, `${F}ENV DATABASE_PASSWORD=x\n`, 'ARG AUTH\nFROM python:3.12-slim\n'],
    quiet: [`${F}ENV KEYBOARD=us\n`, `${F}ENV PUBLIC_KEY=ssh-ed25519\n`, `${F}ARG TOKEN_FILE=/run/secrets/t\n`, `${F}ENV PASSWORDLESS=1\n`],
  },
  MaintainerDeprecated: {
    fires: [`${F}MAINTAINER Ada <ada@example.com>\n`],
    quiet: [`${F}LABEL org.opencontainers.image.authors="ada@example.com"\n`],
  },
  MultipleInstructionsDisallowed: {
    fires: [`${F}CMD ["a"]\nCMD ["b"]\n`, `${F}ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n`, `${F}HEALTHCHECK NONE\nHEALTHCHECK CMD true\n`],
    quiet: [`${F}ENTRYPOINT ["a"]\nCMD ["b"]\n`, 'FROM python:3.12-slim AS one\nCMD ["a"]\nFROM python:3.12-slim\nCMD ["b"]\n'],
  },
  DuplicateStageName: {
    fires: ['FROM python:3.12-slim AS build\nFROM python:3.12-slim AS build\n'],
    quiet: ['FROM python:3.12-slim AS build\nFROM python:3.12-slim AS test\n'],
  },
  ReservedStageName: {
    fires: ['FROM python:3.12-slim AS scratch\n', 'FROM python:3.12-slim AS context\n'],
    quiet: ['FROM python:3.12-slim AS base\n', 'FROM scratch\n'],
  },
  LegacyKeyValueFormat: {
    fires: [`${F}ENV DEBUG 1\n`, `${F}LABEL version 1.0\n`],
    quiet: [`${F}ENV DEBUG=1\n`, `${F}ENV A=1 B=2\n`, `${F}LABEL version=1.0\n`],
  },
  ExposeInvalidFormat: {
    fires: [`${F}EXPOSE 8000:5000\n`, `${F}EXPOSE 127.0.0.1:8000:5000/tcp\n`],
    quiet: [`${F}EXPOSE 5000\n`, `${F}EXPOSE 5000/udp 8000-8010\n`],
  },
  ExposeProtoCasing: {
    fires: [`${F}EXPOSE 5000/TCP\n`, `${F}EXPOSE 53/Udp\n`],
    quiet: [`${F}EXPOSE 5000/tcp\n`, `${F}EXPOSE 5000\n`],
  },
  ConsistentInstructionCasing: {
    fires: [`${F}run echo a\nRUN echo b\n`, 'from python:3.12-slim\nrun echo a\nRUN echo b\n', `${F}Run echo\n`],
    quiet: [`${F}RUN echo a\n`, 'from python:3.12-slim\nrun echo a\n'],
  },
  CopyIgnoredFile: { fires: [], quiet: [] }, // needs a build context: its own test below
  BaseImageNotPinned: {
    fires: ['FROM python\n', 'FROM python:latest\n', 'FROM ghcr.io/org/app\n', 'FROM localhost:5000/app\n'],
    quiet: [F, 'FROM python@sha256:0123\n', 'ARG TAG=3.12\nFROM python:${TAG}\n', 'FROM scratch\n', 'FROM localhost:5000/app:1.0\n', 'FROM python:3.12-slim AS base\nFROM base\n'],
  },
  PipCacheKept: {
    fires: [`${F}RUN pip install flask\n`, `${F}RUN apt-get update && pip3 install -r requirements.txt\n`],
    quiet: [`${F}RUN pip install --no-cache-dir flask\n`, `${F}ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n`, `${F}RUN pip freeze\n`, `${F}RUN ["pip", "install", "--no-cache-dir", "flask"]\n`],
  },
  AptListsKept: {
    fires: [`${F}RUN apt-get update && apt-get install -y curl\n`, `${F}RUN apt-get -y update\n`],
    quiet: [`${F}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n`, `${F}RUN apt-get install -y --no-install-recommends curl\n`],
  },
  AptGetWithoutYes: {
    fires: [`${F}RUN apt-get update && apt-get install curl\n`, `${F}RUN apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n`],
    quiet: [`${F}RUN apt-get install -y curl\n`, `${F}RUN apt-get install --yes curl\n`, `${F}RUN apt-get -qq install curl\n`, `${F}RUN apt-get install -yq curl\n`],
  },
  CodeCopiedBeforeDependencies: {
    fires: [`${F}WORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n`, 'FROM node:22\nCOPY . /app\nRUN npm ci\n'],
    quiet: [
      `${F}WORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n`,
      `${F}WORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n`,
      'FROM node:22\nCOPY . /app\nRUN npm run build\n',
    ],
  },
}

describe('beginner lint', () => {
  it('has fire-and-quiet cases for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(LINT_RULES.map(rule => rule.code).sort())
  })

  for (const rule of LINT_RULES) {
    const cases = CASES[rule.code]
    if (cases.fires.length === 0)
      continue
    describe(rule.code, () => {
      it.each(cases.fires.map(text => [text]))('fires: %j', (text) => {
        const findings = lintDockerfile(dockerfileModel(text)).filter(finding => finding.code === rule.code)
        expect(findings.length).toBeGreaterThan(0)
        // BuildKit's rules also carry BuildKit's own wording, for the build's warnings summary.
        for (const finding of findings)
          expect(finding.buildkit !== undefined).toBe(rule.origin === 'buildkit')
      })
      it.each(cases.quiet.map(text => [text]))('stays quiet: %j', (text) => {
        expect(lint(text)).not.toContain(rule.code)
      })
    })
  }

  it('copyIgnoredFile fires only for a file .dockerignore leaves out', () => {
    const text = `${F}COPY secrets.env config.yml /app/\n`
    const context = (ignore: string) => ({ buildContext: { files: [{ path: 'secrets.env', content: 'A=1' }, { path: 'config.yml', content: 'x' }, { path: '.dockerignore', content: ignore }] } })
    expect(lintDockerfile(buildModel(text), context('*.env\n')).map(f => f.code)).toEqual(['CopyIgnoredFile'])
    expect(lintDockerfile(buildModel(text), context('*.log\n')).map(f => f.code)).toEqual([])
    expect(lintDockerfile(buildModel(text)).map(f => f.code)).toEqual([])
  })

  it('every rule explains itself and says how to fix it, with a link', () => {
    for (const rule of LINT_RULES) {
      expect(rule.explain.length, rule.code).toBeGreaterThan(40)
      expect(rule.fix.length, rule.code).toBeGreaterThan(10)
      expect(rule.url, rule.code).toMatch(/^https:\/\//)
    }
  })

  it('merges the rules BuildKit and hadolint share: one finding each', () => {
    const problems = checkDockerfile(`${F}WORKDIR app\nCMD python app.py\nCMD python other.py\nMAINTAINER me\n`)
    expect(problems.map(p => p.code)).toEqual(['WorkdirRelativePath', 'MultipleInstructionsDisallowed', 'JSONArgsRecommended', 'JSONArgsRecommended', 'MaintainerDeprecated'])
  })

  it('shows up as warnings with a suggestion in checkDockerfile', () => {
    const [problem] = checkDockerfile(`${F}RUN pip install flask\n`)
    expect(problem).toMatchObject({ code: 'PipCacheKept', severity: 'warning', suggestion: 'pip install --no-cache-dir flask' })
  })

  it('never throws on broken or half-typed Dockerfiles', () => {
    const samples = ['FROM', 'FROM AS', 'FROM python:3.12 AS', 'COPY', 'RUN', 'CMD [', 'EXPOSE :', 'ENV', 'ARG', 'WORKDIR', 'FROM x\nCOPY --from= a b', 'FROM x\nONBUILD', 'FROM ${', 'FROM x\nWORKDIR ${A:-', 'HEALTHCHECK CMD', 'FROM x\nLABEL', 'FROM x AS Y\nFROM y']
    for (const text of samples) {
      for (let cut = 0; cut <= text.length; cut++)
        expect(() => checkDockerfile(text.slice(0, cut)), text.slice(0, cut)).not.toThrow()
    }
  })
})
