// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PortMappingDiagram from '../../../components/PortMappingDiagram.vue'
import { browserHost, diagramPortMapping, parseHostIp, parsePort, publishFlag } from '../../../lib/diagram/ports'

describe('parsePort', () => {
  it('accepts numbers and numeric strings from 1 to 65535', () => {
    expect(parsePort('8090', 'host')).toBe(8090)
    expect(parsePort(' 1 ', 'host')).toBe(1)
    expect(parsePort(65535, 'host')).toBe(65535)
  })

  it.each(['0', '65536', '80.5', '-1', '', 'http', '1e3'])('refuses %j with the prop name', (value) => {
    expect(() => parsePort(value, 'host')).toThrow(`host must be a port number between 1 and 65535, got "${value}"`)
  })
})

describe('parseHostIp', () => {
  it('accepts IPv4 and IPv6, with or without brackets', () => {
    expect(parseHostIp('127.0.0.1', 'hostIp')).toBe('127.0.0.1')
    expect(parseHostIp('[::1]', 'hostIp')).toBe('::1')
    expect(parseHostIp('2001:db8::1', 'hostIp')).toBe('2001:db8::1')
  })

  it.each(['localhost', '256.0.0.1', '1.2.3', 'abc'])('refuses %j', (value) => {
    expect(() => parseHostIp(value, 'hostIp')).toThrow(`hostIp must be an IPv4 or IPv6 address, got "${value}"`)
  })
})

describe('browserHost and publishFlag', () => {
  it('uses localhost for loopback and wildcard binds, the address otherwise', () => {
    expect(browserHost(undefined)).toBe('localhost')
    expect(browserHost('0.0.0.0')).toBe('localhost')
    expect(browserHost('::1')).toBe('localhost')
    expect(browserHost('192.168.1.20')).toBe('192.168.1.20')
    expect(browserHost('2001:db8::1')).toBe('[2001:db8::1]')
  })

  it('spells -p the way docker run expects it', () => {
    expect(publishFlag(8090, 3000)).toBe('8090:3000')
    expect(publishFlag(8090, 3000, '127.0.0.1')).toBe('127.0.0.1:8090:3000')
    expect(publishFlag(8090, 3000, '::1')).toBe('[::1]:8090:3000')
  })
})

describe('diagramPortMapping reads -p with the engine', () => {
  it.each([
    ['8090:3000', undefined, true, 8090, 3000],
    ['127.0.0.1:8090:3000', '127.0.0.1', false, 8090, 3000],
    ['0.0.0.0:8080:80', '0.0.0.0', true, 8080, 80],
    ['[::]:8080:80', '::', true, 8080, 80],
    ['[::1]:5433:5432/tcp', '::1', false, 5433, 5432],
  ] as const)('%s', (publish, hostIp, allInterfaces, hostPort, containerPort) => {
    expect(diagramPortMapping(publish, 'p')).toEqual({ publish, hostIp, allInterfaces, hostPort, containerPort })
  })

  it.each([
    ['80090:80', 'docker refuses -p 80090:80: invalid hostPort'],
    ['3000', 'lets Docker pick the host port'],
    ['8000-8001:8000-8001', 'publishes a range'],
    ['1.2.3:80:80', 'invalid IP address'],
  ])('refuses %s, saying why', (publish, message) => {
    expect(() => diagramPortMapping(publish, 'p')).toThrow(message)
  })

  it('a wildcard bind is reached as localhost', () => {
    expect(browserHost('::')).toBe('localhost')
  })
})

describe('portMappingDiagram takes a -p value', () => {
  it('draws what the engine reads from publish', () => {
    const text = mount(PortMappingDiagram, { props: { publish: '0.0.0.0:8080:80' } }).text()
    expect(text).toContain('docker run -p 0.0.0.0:8080:80 …')
    expect(text).toContain('on every address')
    expect(text).toContain('localhost:8080')
    const local = mount(PortMappingDiagram, { props: { publish: '127.0.0.1:5433:5432' } }).text()
    expect(local).toContain('on 127.0.0.1 only')
    expect(local).toContain('host port 5433')
  })

  it('refuses a value docker refuses', () => {
    expect(() => mount(PortMappingDiagram, { props: { publish: '8080:80/tcpx' } })).toThrow('docker refuses -p 8080:80/tcpx')
  })
})
