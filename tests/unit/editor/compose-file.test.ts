import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { composeMarkers } from '../../../lib/editor/compose-file'

/** [code, line] of every marker, in order. */
const found = (text: string) => composeMarkers(text).map(m => [m.code, m.startLineNumber])
const file = (...lines: string[]) => `${lines.join('\n')}\n`

describe('composeMarkers: the deck and real Compose files', () => {
  it('accepts the deck\'s Compose file', () => {
    const text = readFileSync(new URL('../../../snippets/flask_redis/compose.yaml', import.meta.url), 'utf8')
    expect(composeMarkers(text)).toEqual([])
  })

  const real = new URL('../../fixtures/compose/real/', import.meta.url)
  const sources = JSON.parse(readFileSync(new URL('sources.json', real), 'utf8')) as { sets: Record<string, unknown>, expected: Record<string, { code: string, line: number }[]> }
  const files = Object.keys(sources.sets).flatMap(set => readdirSync(new URL(`${set}/`, real)).map(name => `${set}/${name}`))

  it('has the real files it names', () => {
    expect(files.length).toBeGreaterThanOrEqual(60)
    for (const name of Object.keys(sources.expected)) expect(files).toContain(name)
  })

  it.each(files)('%s: nothing but what docker compose itself reports', (name) => {
    const text = readFileSync(new URL(name, real), 'utf8')
    const expected = (sources.expected[name] ?? []).map(({ code, line }) => [code, line])
    expect(found(text)).toEqual(expected)
  })
})

describe('composeMarkers: each kind of mistake, on its line', () => {
  it('yAML that does not parse, at the place it breaks', () => {
    expect(composeMarkers('services:\n  web:\n    image: "nginx\n')[0]).toMatchObject({ code: 'COMPOSE_YAML_SYNTAX', source: 'YAML' })
    expect(found('services:\n\tweb:\n    image: nginx\n')[0]).toEqual(['COMPOSE_YAML_SYNTAX', 2])
    expect(found(file('services:', '  web:', '    image: nginx', '    image: httpd'))).toEqual([['COMPOSE_YAML_SYNTAX', 4]])
  })

  it('not a mapping; obsolete version; unknown top-level key', () => {
    expect(found('- a\n- b\n')).toEqual([['COMPOSE_NOT_A_MAPPING', 1]])
    expect(found(file('version: "3.8"', 'services:', '  web:', '    image: nginx'))).toEqual([['COMPOSE_OBSOLETE_VERSION', 1]])
    const markers = composeMarkers(file('service:', '  web:', '    image: nginx'))
    expect(markers.map(m => [m.code, m.startLineNumber])).toEqual([['COMPOSE_UNKNOWN_KEY', 1]])
    expect(markers[0]!.message).toContain('"services"')
  })

  it('schema: unknown service key, wrong type, value not among the choices, missing key, repeated item', () => {
    const text = file(
      'services:',
      '  web:',
      '    image: nginx',
      '    port:', //            4
      '      - "8000:5000"',
      '    restart: 5', //       6
      '    depends_on:',
      '      db:',
      '        condition: healthy', // 9
      '    volumes:',
      '      - source: ./x', //  11
      '        target: /x',
      '    expose: ["80", "80"]', // 13
      '  db:',
      '    image: postgres',
    )
    expect(found(text)).toEqual([
      ['COMPOSE_UNKNOWN_KEY', 4],
      ['COMPOSE_WRONG_TYPE', 6],
      ['COMPOSE_INVALID_VALUE', 9],
      ['COMPOSE_MISSING_KEY', 11],
      ['COMPOSE_DUPLICATE_ITEM', 13],
    ])
    expect(composeMarkers(text)[0]!.message).toBe('"port" is not a service setting. Did you mean "ports"?')
  })

  it('references to services that do not exist: depends_on, links, network_mode, volumes_from, extends', () => {
    const text = file(
      'services:',
      '  web:',
      '    image: nginx',
      '    depends_on: [db]', //              4
      '    links: ["cache:redis"]', //         5
      '    volumes_from: ["data:ro"]', //      6
      '  sidecar:',
      '    image: busybox',
      '    network_mode: "service:wbe"', //    9
      '  child:',
      '    extends: { service: parent }', //  11
      '  shared:',
      '    image: busybox',
      '    pid: "service:nobody"', //         14
    )
    expect(found(text)).toEqual([
      ['COMPOSE_UNKNOWN_SERVICE', 4],
      ['COMPOSE_UNKNOWN_SERVICE', 5],
      ['COMPOSE_UNKNOWN_SERVICE', 6],
      ['COMPOSE_UNKNOWN_SERVICE', 9],
      ['COMPOSE_UNKNOWN_SERVICE', 11],
      ['COMPOSE_UNKNOWN_SERVICE', 14],
    ])
    expect(composeMarkers(text)[3]).toMatchObject({ startColumn: 28, endColumn: 31 })
    expect(composeMarkers(text)[3]!.message).toContain('Did you mean "web"?')
  })

  it('named volumes, networks, secrets and configs must be declared at top level', () => {
    const text = file(
      'services:',
      '  web:',
      '    image: nginx',
      '    volumes:',
      '      - data:/data', //         5
      '      - ./site:/site',
      '      - type: volume',
      '        source: cache', //      8
      '        target: /cache',
      '    networks: [back]', //       10
      '    secrets: [token]', //       11
      '    configs:',
      '      - source: nginx_conf', // 13
      'volumes:',
      '  other: {}',
    )
    expect(found(text)).toEqual([
      ['COMPOSE_UNDECLARED_VOLUME', 5],
      ['COMPOSE_UNDECLARED_VOLUME', 8],
      ['COMPOSE_UNDECLARED_NETWORK', 10],
      ['COMPOSE_UNDECLARED_SECRET', 11],
      ['COMPOSE_UNDECLARED_CONFIG', 13],
    ])
  })

  it('a service needs an image or a build; network_mode excludes networks; dependency circles; healthcheck.test', () => {
    expect(found(file('services:', '  worker:', '    command: python worker.py'))).toEqual([['COMPOSE_NO_IMAGE', 2]])
    expect(found(file('services:', '  web:', '    image: nginx', '    network_mode: host', '    networks: [default]'))).toEqual([['COMPOSE_NETWORK_MODE_WITH_NETWORKS', 5]])
    expect(found(file('services:', '  a:', '    image: x', '    depends_on: [b]', '  b:', '    image: y', '    depends_on: [a]'))).toEqual([['COMPOSE_DEPENDENCY_CYCLE', 4]])
    expect(found(file('services:', '  web:', '    image: nginx', '    healthcheck:', '      test: ["curl", "-f", "http://localhost"]'))).toEqual([['COMPOSE_INVALID_HEALTHCHECK', 5]])
  })

  it('ports and volumes read with the engine\'s -p and -v parsers, marked at the bad part', () => {
    const text = file(
      'services:',
      '  web:',
      '    image: nginx',
      '    ports:',
      '      - "8000:5000"',
      '      - 127.0.0.1:8080:80/udp',
      '      - "80:http"', //        7
      '      - 9000',
      '      - "${PORT:-8000}:80"',
      '    volumes:',
      '      - ./a:/a:ro', //        11, and tmpfs has /a already
      '      - ./b:relative', //     12
      '      - ./c:/c:rx', //        13
      '    tmpfs: /a',
    )
    const markers = composeMarkers(text)
    expect(markers.map(m => [m.code, m.startLineNumber])).toEqual([
      ['COMPOSE_INVALID_PORT', 7],
      ['COMPOSE_DUPLICATE_MOUNT', 11],
      ['COMPOSE_INVALID_VOLUME', 12],
      ['COMPOSE_INVALID_VOLUME', 13],
    ])
    expect(markers[0]).toMatchObject({ startColumn: 13, endColumn: 17 }) // "http"
  })

  it('interpolation: ${VAR}, defaults, errors and $$ are fine; broken ${ and $( are not', () => {
    const ok = file('services:', '  web:', '    image: "nginx:${TAG:-latest}"', '    environment:', '      A: $HOME', '      B: "${B:?set B first}"', '      C: "$${literal}"', '      D: "price: 5$"')
    expect(found(ok)).toEqual([])
    const text = file(
      'services:',
      '  web:',
      '    image: nginx',
      '    environment:',
      '      A: "${}"', //                  5
      '      B: "${B:x}"', //               6
      '      C: "${C"', //                  7
      '    command: sh -c "echo $(hostname)"', // 8
      '    volumes:',
      '      - $(pwd)/data:/data', //       10
      '      - "`pwd`/logs:/logs"', //      11
      '    labels:',
      '      - "traefik.http.routers.go.rule=Path(`/`)"',
    )
    const markers = composeMarkers(text)
    expect(markers.map(m => [m.code, m.startLineNumber, m.severity])).toEqual([
      ['COMPOSE_INVALID_INTERPOLATION', 5, 'error'],
      ['COMPOSE_INVALID_INTERPOLATION', 6, 'error'],
      ['COMPOSE_INVALID_INTERPOLATION', 7, 'error'],
      ['COMPOSE_UNESCAPED_DOLLAR', 8, 'warning'],
      ['COMPOSE_COMMAND_SUBSTITUTION', 10, 'error'],
      ['COMPOSE_COMMAND_SUBSTITUTION', 11, 'error'],
    ])
    expect(markers[4]).toMatchObject({ startColumn: 9, endColumn: 15 })
  })

  it('says nothing about an empty file', () => {
    expect(composeMarkers('')).toEqual([])
  })
})
