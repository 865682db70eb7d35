import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { schemaProblems } from '../../../lib/compose/schema'

const vendored = new URL('../../../vendor/compose-spec/', import.meta.url)

describe('the vendored Compose Specification schema', () => {
  it('is byte for byte the file recorded with its source commit', () => {
    const source = JSON.parse(readFileSync(new URL('source.json', vendored), 'utf8'))
    expect(source).toMatchObject({ repository: 'https://github.com/compose-spec/compose-go', path: 'schema/compose-spec.json' })
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
    const bytes = readFileSync(new URL('compose-spec.json', vendored))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('73ca5878c77570ba222a558016c7b3c6770ba5f3377786593e32180666512f8f')
    expect(source.sha256).toBe('73ca5878c77570ba222a558016c7b3c6770ba5f3377786593e32180666512f8f')
    expect(JSON.parse(bytes.toString('utf8')).$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })
})

describe('schemaProblems: ajv errors as one sentence each', () => {
  const codes = (data: unknown) => schemaProblems(data).map(p => [p.code, p.path.join('.')])

  it('accepts a valid file', () => {
    expect(schemaProblems({ services: { web: { image: 'nginx', ports: ['8080:80', 80, { target: 80 }] } } })).toEqual([])
  })

  it('an unknown key, with the nearest known one', () => {
    const [problem, ...rest] = schemaProblems({ services: { web: { image: 'nginx', port: ['80'] } } })
    expect(rest).toEqual([])
    expect(problem).toMatchObject({ code: 'COMPOSE_UNKNOWN_KEY', path: ['services', 'web', 'port'], atKey: true, suggestion: 'ports' })
    expect(codes({ service: {} })).toEqual([['COMPOSE_UNKNOWN_KEY', 'service']])
  })

  it('a wrong kind of value names the kinds allowed, once, not each alternative', () => {
    const problems = schemaProblems({ services: { web: { image: 'nginx', command: { run: 'x' } } } })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'COMPOSE_WRONG_TYPE', path: ['services', 'web', 'command'] })
    expect(problems[0]!.message).toMatch(/text.*a list/)
  })

  it('inside an alternative, the error of the alternative that matches the value', () => {
    expect(codes({ services: { web: { image: 'nginx', ports: [{ target: 80, publised: 8080 }] } } })).toEqual([['COMPOSE_UNKNOWN_KEY', 'services.web.ports.0.publised']])
    expect(codes({ services: { web: { image: 'nginx', depends_on: { db: { condition: 'healthy' } } }, db: { image: 'postgres' } } })).toEqual([['COMPOSE_INVALID_VALUE', 'services.web.depends_on.db.condition']])
    expect(codes({ services: { web: { image: 'nginx', volumes: [{ source: './x', target: '/x' }] } } })).toEqual([['COMPOSE_MISSING_KEY', 'services.web.volumes.0']])
  })

  it('repeated list items and bad service names', () => {
    expect(codes({ services: { web: { image: 'nginx', ports: ['80', '80'] } } })).toEqual([['COMPOSE_DUPLICATE_ITEM', 'services.web.ports.1']])
    expect(codes({ services: { 'my app': { image: 'nginx' } } })).toEqual([['COMPOSE_INVALID_VALUE', 'services.my app']])
  })

  it('skips values whose variables are unknown', () => {
    const data = { services: { web: { image: 'nginx', ports: '${PORTS}' } } }
    expect(codes(data)).toEqual([['COMPOSE_WRONG_TYPE', 'services.web.ports']])
    expect(schemaProblems(data, path => path.join('.') === 'services.web.ports')).toEqual([])
  })
})
