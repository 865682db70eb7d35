// The deprecation lint: each rule fires where it should and stays quiet on its near misses, and the
// deck itself (pages with their notes, slides.md, every snippet) teaches none of it.
import type { DeprecationCode } from '../../../lib/deck'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEPRECATION_RULES, fileContext, formatFinding, lintDeprecations } from '../../../lib/deck'

const ROOT = join(import.meta.dirname, '../../..')

function codes(file: string, text: string): DeprecationCode[] {
  return lintDeprecations(file, text).map(finding => finding.code)
}

const fence = (language: string, body: string) => `Some prose.\n\n\`\`\`${language}\n${body}\n\`\`\`\n`

describe('each rule fires', () => {
  const cases: { code: DeprecationCode, file: string, text: string }[] = [
    { code: 'DOCKER_SCAN', file: 'pages/x.md', text: 'Then run `docker scan myimage:0.1`.' },
    { code: 'COMPOSE_V1_COMMAND', file: 'pages/x.md', text: '<!--\nType `docker-compose up -d`.\n-->' },
    { code: 'COMPOSE_V1_COMMAND', file: 'snippets/run.sh', text: '#!/bin/sh\ndocker-compose down\n' },
    { code: 'COMPOSE_VERSION_KEY', file: 'snippets/app/compose.yaml', text: 'version: "3.8"\nservices:\n  web:\n    image: nginx\n' },
    { code: 'COMPOSE_VERSION_KEY', file: 'pages/x.md', text: fence('yaml', 'version: \'3\'\nservices: {}') },
    { code: 'MAINTAINER', file: 'snippets/app/Dockerfile', text: 'FROM python:3.14-slim\nMAINTAINER me@example.com\n' },
    { code: 'MAINTAINER', file: 'pages/x.md', text: fence('dockerfile', 'FROM ubuntu:24.04\nmaintainer someone') },
    { code: 'LINK_FLAG', file: 'pages/x.md', text: '<DockerExplainer command="docker run --link db:db nginx" />' },
    { code: 'LINK_FLAG', file: 'pages/x.md', text: 'Use `docker run --link=db nginx`.' },
    { code: 'PLAY_WITH_DOCKER', file: 'pages/x.md', text: 'Try it on [PWD](https://labs.play-with-docker.com/).' },
    { code: 'PLAY_WITH_DOCKER', file: 'pages/x.md', text: 'No Docker? Use Play with Docker.' },
  ]

  for (const { code, file, text } of cases) {
    it(`${code} in ${file}: ${JSON.stringify(text.slice(0, 50))}`, () => {
      expect(codes(file, text)).toEqual([code])
    })
  }

  it('has a case for every rule', () => {
    expect(new Set(cases.map(testCase => testCase.code))).toEqual(new Set(DEPRECATION_RULES.map(rule => rule.code)))
  })
})

describe('near misses stay quiet', () => {
  const quiet: { why: string, file: string, text: string }[] = [
    { why: 'the file name docker-compose.yml is still valid', file: 'pages/x.md', text: 'An old `docker-compose.yml` is read by `docker compose` too.' },
    { why: '--link-local-ip is a current flag', file: 'pages/x.md', text: '`docker run --link-local-ip 169.254.0.9 nginx`' },
    { why: '"version:" in prose, or in a non-Compose file', file: 'pages/x.md', text: 'A line like version: 3 used to open Compose files.' },
    { why: 'version: nested under a service', file: 'snippets/compose.yaml', text: 'services:\n  web:\n    labels:\n      version: "1"\n' },
    { why: 'maintainer in prose', file: 'pages/x.md', text: 'Maintainer of the image: the Python team.' },
    { why: 'the LABEL that replaces MAINTAINER', file: 'snippets/Dockerfile', text: 'FROM python:3.14-slim\nLABEL org.opencontainers.image.authors="me"\n' },
    { why: 'docker compose (v2)', file: 'snippets/run.sh', text: 'docker compose up --build\n' },
    { why: 'docker scout', file: 'pages/x.md', text: '`docker scout cves myimage:0.1`' },
  ]
  for (const { why, file, text } of quiet) {
    it(why, () => {
      expect(codes(file, text)).toEqual([])
    })
  }
})

it('reports where: file, line and column of each finding, and what to write instead', () => {
  const [finding] = lintDeprecations('snippets/app/Dockerfile', 'FROM python:3.14-slim\n  MAINTAINER me\n')
  expect(finding).toMatchObject({ code: 'MAINTAINER', file: 'snippets/app/Dockerfile', line: 2, column: 1 })
  expect(formatFinding(finding!)).toMatch(/^snippets\/app\/Dockerfile:2:1 MAINTAINER: .* Instead: `LABEL/)
})

it('reads files in the context their name says', () => {
  expect(['pages/01-x.md', 'snippets/a/Dockerfile', 'snippets/a/compose.yaml', 'x/docker-compose.yml', 'snippets/a/app.py'].map(fileContext))
    .toEqual(['markdown', 'dockerfile', 'compose', 'compose', 'text'])
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('the deck', () => {
  const files = [join(ROOT, 'slides.md'), ...filesUnder(join(ROOT, 'pages')), ...filesUnder(join(ROOT, 'snippets'))]

  it('reads every page and snippet (more than 20 files)', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  it('teaches nothing deprecated, in slides, notes or snippets', () => {
    const findings = files.flatMap(path => lintDeprecations(relative(ROOT, path), readFileSync(path, 'utf8')))
    expect(findings.map(formatFinding)).toEqual([])
  })
})
