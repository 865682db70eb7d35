import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { composeMarkers } from '../../../lib/editor/compose'

const brief = (text: string) => composeMarkers(text).map(m => [m.severity, m.startLineNumber, m.startColumn, m.message])

describe('composeMarkers', () => {
  it('accepts the deck\'s Compose file', () => {
    const text = readFileSync(new URL('../../../snippets/flask_redis/compose.yaml', import.meta.url), 'utf8')
    expect(composeMarkers(text)).toEqual([])
  })

  it('marks YAML that does not parse, at the place it breaks', () => {
    const markers = composeMarkers('services:\n  web:\n    image: "nginx\n')
    expect(markers.length).toBeGreaterThan(0)
    expect(markers[0]).toMatchObject({ severity: 'error', source: 'YAML' })
    const tabs = composeMarkers('services:\n\tweb:\n    image: nginx\n')
    expect(tabs[0]?.startLineNumber).toBe(2)
  })

  it('checks top-level keys and the services mapping', () => {
    expect(brief('version: "3.8"\nservices:\n  web:\n    image: nginx\n')).toEqual([
      ['warning', 1, 1, '`version` is obsolete: Docker Compose ignores it.'],
    ])
    expect(brief('service:\n  web:\n    image: nginx\n')).toEqual([
      ['error', 1, 1, '"service" is not a top-level Compose key. Did you mean "services"?'],
      ['error', 1, 1, 'A Compose file needs a `services` section.'],
    ])
    expect(brief('services:\n  - web\n')[0]?.[3]).toBe('`services` must map service names to their settings.')
    expect(brief('- a\n- b\n')[0]?.[3]).toContain('is a mapping')
  })

  it('checks each service: image or build, known keys, restart, depends_on', () => {
    const text = [
      'services:',
      '  web:',
      '    build: .',
      '    port:',
      '      - "8000:5000"',
      '    restart: sometimes',
      '    depends_on:',
      '      - db',
      '  worker:',
      '    command: python worker.py',
    ].join('\n')
    expect(brief(text)).toEqual([
      ['error', 4, 5, '"port" is not a service setting. Did you mean "ports"?'],
      ['error', 6, 14, '`restart` is one of: no, always, unless-stopped, on-failure[:max-retries].'],
      ['error', 8, 9, 'depends_on names "db", but there is no service with that name.'],
      ['error', 10, 5, 'Service "worker" needs an `image` to run or a `build` to make one.'],
    ])
  })

  it('checks ports with the engine\'s -p parser', () => {
    const text = 'services:\n  web:\n    image: nginx\n    ports:\n      - "8000:5000"\n      - "127.0.0.1:8080:80/udp"\n      - "80:http"\n      - target: 80\n      - published: 81\n'
    const markers = composeMarkers(text)
    expect(markers.map(m => m.startLineNumber)).toEqual([7, 9])
    expect(markers[0]?.message).toMatch(/^Invalid port mapping "80:http": /)
    expect(markers[1]?.message).toContain('`target`')
  })

  it('says nothing about an empty file', () => {
    expect(composeMarkers('')).toEqual([])
  })
})
