// Table-driven cases for each value parser. Whether the client accepts a value was checked with
// the docker 28 client (`DOCKER_HOST=unix:///nonexistent docker run …`: accepted values end with
// "Cannot connect to the Docker daemon"); values-corpus.test.ts replays the recorded corpus.
import { describe, expect, it } from 'vitest'
import { findFlag, resolveCommand } from '../../../lib/docker/grammar'
import {
  checkFlagValue,
  checkValueType,
  parseAddHost,
  parseBytes,
  parseEnv,
  parseGoDuration,
  parseImageReference,
  parseMount,
  parseNanoCpus,
  parsePlatform,
  parsePublish,
  parseRestart,
  parseSignal,
  parseUlimit,
  parseVolume,
} from '../../../lib/docker/values'

describe('numbers as Go reads them', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1.5GB', 1.5 * 1024 ** 3],
    ['100kb', 100 * 1024],
    ['1KiB', 1024],
    ['10', 10],
    ['0', 0],
    ['1e3', 1000],
  ] as const)('bytes %s = %i', (text, bytes) => {
    expect(parseBytes(text)).toEqual({ ok: true, value: bytes })
  })

  it.each([
    ['1x', 'invalid suffix: \'x\'', 1, 2],
    ['1ki', 'invalid suffix: \'ki\'', 1, 3],
    ['-1', 'invalid size: \'-1\'', 0, 2],
    ['', 'invalid size: \'\'', 0, 0],
    ['1.5.5', 'strconv.ParseFloat: parsing "1.5.5": invalid syntax', 0, 5],
  ] as const)('bytes %s refused: %s', (text, message, start, end) => {
    expect(parseBytes(text)).toEqual({ ok: false, message, start, end })
  })

  it.each([
    ['1h30m', 5400e9],
    ['500ms', 500e6],
    ['10s', 10e9],
    ['0', 0],
    ['1.5h', 5400e9],
    ['1µs', 1e3],
    ['-5s', -5e9],
    ['5.s', 5e9],
  ] as const)('duration %s = %i ns', (text, nanoseconds) => {
    const result = parseGoDuration(text)
    expect(result.ok && result.value).toBe(nanoseconds)
  })

  it.each([
    ['10', 'time: missing unit in duration "10"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['5S', 'time: unknown unit "S" in duration "5S"'],
    ['', 'time: invalid duration ""'],
    ['.s', 'time: invalid duration ".s"'],
    ['5s3', 'time: missing unit in duration "5s3"'],
  ] as const)('duration %s refused: %s', (text, message) => {
    const result = parseGoDuration(text)
    expect(!result.ok && result.message).toBe(message)
  })

  it('reads --cpus as a rational number with at most nine decimals', () => {
    expect(parseNanoCpus('1.5')).toEqual({ ok: true, value: 1_500_000_000 })
    expect(parseNanoCpus('1/2')).toEqual({ ok: true, value: 500_000_000 })
    expect(parseNanoCpus('1e-3')).toEqual({ ok: true, value: 1_000_000 })
    expect(parseNanoCpus('abc')).toMatchObject({ ok: false, message: 'failed to parse abc as a rational number' })
    expect(parseNanoCpus('0.0000000001')).toMatchObject({ ok: false, message: 'value is too precise' })
  })

  it.each([
    ['int', '0x10', true],
    ['int', '010', true],
    ['int', '1_0', true],
    ['int', '_10', false],
    ['int', '1.5', false],
    ['int', '99999999999999999999', false],
    ['uint16', '70000', false],
    ['uint16', '-1', false],
    ['uint16', '65535', true],
    ['bool', 'T', true],
    ['bool', 'True', true],
    ['bool', 'yes', false],
    ['bool', 'fAlse', false],
    ['float', '1.5e3', true],
    ['float', 'x', false],
    ['filter', 'status=running', true],
    ['filter', 'foo', false],
    ['string', 'anything at all', true],
  ] as const)('%s %j accepted: %s', (type, text, accepted) => {
    expect(checkValueType(type, text).ok).toBe(accepted)
  })
})

describe('image references', () => {
  it.each([
    ['python:3.5', 'docker.io', 'library', 'python', '3.5', true, 'Docker Hub\'s official `python` image, tag 3.5.'],
    ['ollama/ollama', 'docker.io', 'ollama', 'ollama', 'latest', false, 'user or organisation `ollama`'],
    ['ghcr.io/org/app:1', 'ghcr.io', 'org', 'app', '1', false, 'from the registry ghcr.io'],
    ['localhost:5000/app', 'localhost:5000', null, 'app', 'latest', false, 'from the registry localhost:5000'],
    ['localhost/app', 'localhost', null, 'app', 'latest', false, 'registry localhost'],
    ['Foo/bar', 'Foo', null, 'bar', 'latest', false, 'registry Foo'],
    ['index.docker.io/library/nginx', 'docker.io', 'library', 'nginx', 'latest', true, 'official'],
    ['registry:5000', 'docker.io', 'library', 'registry', '5000', true, 'tag 5000'],
  ] as const)('%s', (raw, registry, namespace, repository, tag, official, explanation) => {
    const result = parseImageReference(raw)
    expect(result.ok).toBe(true)
    if (!result.ok)
      return
    expect(result.value).toMatchObject({ raw, registry, namespace, repository, tag, official })
    expect(result.value.explanation).toContain(explanation)
  })

  it('fills in what was left out and says so', () => {
    const result = parseImageReference('nginx')
    expect(result.ok && result.value.defaulted).toEqual({ registry: true, namespace: true, tag: true })
    expect(result.ok && result.value.explanation).toContain('latest')
  })

  it('keeps a digest and then no default tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    const result = parseImageReference(`nginx@${digest}`)
    expect(result.ok && result.value.digest).toBe(digest)
    expect(result.ok && result.value.tag).toBeNull()
    const both = parseImageReference(`nginx:1.27@${digest}`)
    expect(both.ok && [both.value.tag, both.value.digest]).toEqual(['1.27', digest])
  })

  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase', 0, 1],
    ['ghcr.io/Org/app', 'invalid reference format: repository name (Org/app) must be lowercase', 8, 9],
    ['nginx:', 'invalid reference format', 5, 6],
    ['nginx:a b', 'invalid reference format', 5, 9],
    [`nginx:${'a'.repeat(129)}`, 'invalid reference format', 5, 135],
    ['nginx:-x', 'invalid reference format', 5, 8],
    ['nginx@sha256:abc', 'invalid reference format', 5, 16],
    [`nginx@md5:${'a'.repeat(64)}`, 'unsupported digest algorithm', 6, 9],
    [`nginx@sha256:${'a'.repeat(66)}`, 'invalid checksum digest length', 13, 79],
    ['a___b', 'invalid reference format', 0, 5],
    [':tag', 'invalid reference format', 0, 1],
  ] as const)('%s refused: %s', (raw, message, start, end) => {
    expect(parseImageReference(raw)).toEqual({ ok: false, message, start, end })
  })
})

describe('-p/--publish', () => {
  it.each([
    ['80', null, null, '80', 'tcp'],
    ['8080:80', null, '8080', '80', 'tcp'],
    ['80/udp', null, null, '80', 'udp'],
    ['80:80/UDP', null, '80', '80', 'udp'],
    ['127.0.0.1:8080:80', '127.0.0.1', '8080', '80', 'tcp'],
    ['1.2.3.4::80', '1.2.3.4', null, '80', 'tcp'],
    ['[::1]:80:80', '::1', '80', '80', 'tcp'],
    ['::1:80:80', '::1', '80', '80', 'tcp'],
    ['8000-8010:8000-8010', null, '8000-8010', '8000-8010', 'tcp'],
    ['8000-8010:80', null, '8000-8010', '80', 'tcp'],
    [':80', null, null, '80', 'tcp'],
    ['0:80', null, '0', '80', 'tcp'],
    ['80:80/sctp', null, '80', '80', 'sctp'],
  ] as const)('%s', (text, hostIp, hostPort, containerPort, protocol) => {
    expect(parsePublish(text)).toEqual({ ok: true, value: [expect.objectContaining({ hostIp, hostPort, containerPort, protocol, allInterfaces: hostIp === null })] })
  })

  it.each([
    ['0.0.0.0:8080:80', '0.0.0.0'],
    ['[::]:8080:80', '::'],
    [':::8080:80', '::'],
    ['8080:80', null],
  ])('%s is published on every interface', (text, hostIp) => {
    expect(parsePublish(text)).toMatchObject({ ok: true, value: [{ hostIp, allInterfaces: true, hostPorts: { start: 8080, end: 8080 }, containerPorts: { start: 80, end: 80 } }] })
  })

  it('keeps port ranges as numbers', () => {
    expect(parsePublish('127.0.0.1:8000-8010:9000-9010/udp')).toMatchObject({
      ok: true,
      value: [{ allInterfaces: false, hostPorts: { start: 8000, end: 8010 }, containerPorts: { start: 9000, end: 9010 }, protocol: 'udp' }],
    })
    expect(parsePublish('80')).toMatchObject({ ok: true, value: [{ hostPorts: null, containerPorts: { start: 80, end: 80 } }] })
  })

  it.each([
    ['70000:80', 'invalid hostPort: 70000', 0, 5],
    ['80:70000', 'invalid containerPort: 70000', 3, 8],
    ['abc:80', 'invalid hostPort: abc', 0, 3],
    ['80:80/xyz', 'invalid proto: xyz', 6, 9],
    ['1.2.3:80:80', 'invalid IP address: 1.2.3', 0, 5],
    ['localhost:80:80', 'invalid IP address: localhost', 0, 9],
    ['8000-8010:8000-8005', 'invalid ranges specified for container and host Ports: 8000-8005 and 8000-8010', 0, 19],
    ['8010-8000:80', 'invalid hostPort: 8010-8000', 0, 9],
    ['', 'no port specified: <empty>', 0, 0],
    ['80:', 'no port specified: 80:<empty>', 3, 3],
  ] as const)('%s refused: %s', (text, message, start, end) => {
    const result = parsePublish(text)
    expect(result.ok).toBe(false)
    if (result.ok)
      return
    expect(result.message.startsWith(message)).toBe(true)
    expect([result.start, result.end]).toEqual([start, end])
  })
})

describe('-v/--volume', () => {
  it.each([
    ['data:/data', 'volume', 'data', '/data', false],
    ['/abs:/data:ro', 'bind', '/abs', '/data', true],
    ['/abs:/data:rw', 'bind', '/abs', '/data', false],
    ['/data', 'anonymous', null, '/data', false],
    ['./x:/y', 'bind', './x', '/y', false],
    ['/abs:/data:ro,z', 'bind', '/abs', '/data', true],
    ['C:\\x:/y', 'bind', 'C:\\x', '/y', false],
  ] as const)('%s', (text, type, source, target, readOnly) => {
    expect(parseVolume(text)).toEqual({ ok: true, value: expect.objectContaining({ type, source, target, readOnly, syntax: 'volume' }) })
  })

  it.each([
    ['', 'invalid empty volume spec'],
    [':/data', 'invalid spec: :/data: empty section between colons'],
    ['data:', 'invalid spec: data:: empty section between colons'],
    ['data:/data:ro:rw', 'invalid spec: data:/data:ro:rw: too many colons'],
  ] as const)('%s refused by the client: %s', (text, message) => {
    expect(parseVolume(text)).toMatchObject({ ok: false, message })
  })

  it.each([
    ['data:/data:xyz', 'invalid mode: xyz', 11, 14],
    ['data:relative', 'mount path must be absolute', 5, 13],
    ['/abs:/', 'destination can\'t be \'/\'', 5, 6],
    ['~/x:/y', 'docker does not expand ~', 0, 1],
    ['data/x:/y', 'invalid characters for a local volume name', 0, 6],
  ] as const)('%s accepted by the client, refused by the daemon: %s', (text, message, start, end) => {
    const result = parseVolume(text)
    expect(result.ok).toBe(true)
    expect(result.ok && result.daemon?.message).toContain(message)
    expect(result.ok && [result.daemon?.start, result.daemon?.end]).toEqual([start, end])
  })
})

describe('--mount', () => {
  it.each([
    ['type=bind,source=/a,target=/b,readonly', 'bind', '/a', '/b', true],
    ['type=volume,src=v,dst=/x', 'volume', 'v', '/x', false],
    ['target=/x', 'anonymous', null, '/x', false],
    ['type=tmpfs,target=/x,tmpfs-size=1m', 'tmpfs', null, '/x', false],
    ['type=volume,source=v,target=/x,ro=true', 'volume', 'v', '/x', true],
    ['"target=/x",readonly', 'anonymous', null, '/x', true],
  ] as const)('%s', (text, type, source, target, readOnly) => {
    const result = parseMount(text)
    expect(result.ok && result.value).toMatchObject({ type, source, target, readOnly, syntax: 'mount' })
  })

  it.each([
    ['type=image,source=alpine:3.20,target=/mnt', 'image', 'alpine:3.20'],
    ['TYPE=IMAGE,src=alpine,dst=/mnt,image-subpath=/etc', 'image', 'alpine'],
    ['type=npipe,source=\\\\.\\pipe\\docker_engine,target=\\\\.\\pipe\\docker_engine', 'npipe', '\\\\.\\pipe\\docker_engine'],
    ['type=cluster,source=shared,target=/srv', 'cluster', 'shared'],
  ] as const)('--mount %s keeps its real type', (text, type, source) => {
    expect(parseMount(text)).toMatchObject({ ok: true, value: { type, source } })
  })

  it('keeps the other options of a mount', () => {
    expect(parseMount('type=bind,src=/a,dst=/b,bind-propagation=rshared')).toMatchObject({ ok: true, value: { options: { 'bind-propagation': 'rshared' } } })
    expect(parseVolume('/a:/b:ro,z')).toMatchObject({ ok: true, value: { readOnly: true, options: { z: '' }, syntax: 'volume' } })
  })

  it.each([
    ['type=bind', 'target is required'],
    ['', 'EOF'],
    ['source=v,target=/x,foo=bar', 'unexpected key \'foo\' in \'foo=bar\''],
    ['type=volume,source=v,target=/x,readonly=maybe', 'invalid value for readonly: maybe'],
    ['target=/x,bind-propagation=foo', 'cannot mix \'bind-*\' options with mount type \'volume\''],
    ['tmpfs-size=x,type=tmpfs,target=/x', 'invalid value for tmpfs-size: x'],
    ['target=/x,bad', 'invalid field \'bad\' must be a key=value pair'],
  ] as const)('%s refused: %s', (text, message) => {
    const result = parseMount(text)
    expect(!result.ok && result.message.startsWith(message)).toBe(true)
  })
})

describe('-e/--env', () => {
  it.each([
    ['A=1', 'A', '1'],
    ['A', 'A', null],
    ['A=', 'A', ''],
    ['A=b=c', 'A', 'b=c'],
  ] as const)('%s', (text, name, value) => {
    expect(parseEnv(text)).toEqual({ ok: true, value: { name, value } })
  })

  it('refuses a missing name as docker does', () => {
    const result = parseEnv('=x')
    expect(!result.ok && result.message.startsWith('invalid environment variable: =x')).toBe(true)
    expect(parseEnv('').ok).toBe(false)
  })
})

describe('--restart', () => {
  it.each([
    ['no', 'no', null],
    ['always', 'always', null],
    ['unless-stopped', 'unless-stopped', null],
    ['on-failure', 'on-failure', null],
    ['on-failure:3', 'on-failure', 3],
  ] as const)('%s', (text, name, maxRetries) => {
    expect(parseRestart(text)).toEqual({ ok: true, value: { name, maxRetries } })
  })

  it('refuses a retry count that is no integer, as the client does', () => {
    expect(parseRestart('on-failure:x')).toMatchObject({
      ok: false,
      message: 'invalid restart policy format: maximum retry count must be an integer',
      start: 11,
      end: 12,
    })
  })

  it('notes what the daemon refuses', () => {
    const always = parseRestart('always:3')
    expect(always.ok && always.daemon?.message).toBe('invalid restart policy: maximum retry count can only be used with \'on-failure\'')
    const unknown = parseRestart('sometimes')
    expect(unknown.ok && unknown.daemon?.message).toContain('unknown policy \'sometimes\'')
  })
})

describe('other checked options', () => {
  it('--add-host', () => {
    expect(parseAddHost('db:10.0.0.2')).toEqual({ ok: true, value: { host: 'db', ip: '10.0.0.2' } })
    expect(parseAddHost('gw:host-gateway').ok).toBe(true)
    expect(parseAddHost('a:[::1]').ok).toBe(true)
    expect(parseAddHost('a:b')).toMatchObject({ ok: false, message: 'invalid IP address in add-host: "b"' })
    expect(parseAddHost('a')).toMatchObject({ ok: false })
  })

  it('--platform', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ ok: true, value: { os: 'linux', architecture: 'amd64', variant: null } })
    expect(parsePlatform('x86_64').ok && parsePlatform('x86_64')).toMatchObject({ value: { architecture: 'amd64' } })
    expect(parsePlatform('foo').ok).toBe(false)
    expect(parsePlatform('linux/amd64/v8/x').ok).toBe(false)
  })

  it('--ulimit', () => {
    expect(parseUlimit('nofile=1024:2048')).toEqual({ ok: true, value: { name: 'nofile', soft: 1024n, hard: 2048n } })
    expect(parseUlimit('nofile=2048:1024')).toMatchObject({ ok: false, message: 'ulimit soft limit must be less than or equal to hard limit: 2048 > 1024' })
    expect(parseUlimit('foo=1')).toMatchObject({ ok: false, message: 'invalid ulimit type: foo', start: 0, end: 3 })
  })

  it('--stop-signal is passed on by the client; the daemon knows the signals', () => {
    expect(parseSignal('SIGTERM')).toEqual({ ok: true, value: 'SIGTERM' })
    expect(parseSignal('term')).toEqual({ ok: true, value: 'SIGTERM' })
    expect(parseSignal('9')).toEqual({ ok: true, value: '9' })
    const unknown = parseSignal('foo')
    expect(unknown.ok && unknown.daemon?.message).toContain('invalid signal: foo')
  })

  it('checkFlagValue combines type, rule and choices', () => {
    const run = resolveCommand(['run'])?.spec
    if (!run)
      throw new Error('no run')
    const flag = (name: string) => {
      const found = findFlag(run, name, false)
      if (!found)
        throw new Error(name)
      return found
    }
    expect(checkFlagValue(flag('memory'), '1x')).toMatchObject({ ok: false, message: 'invalid suffix: \'x\'' })
    expect(checkFlagValue(flag('memory-swap'), '-1').ok).toBe(true)
    expect(checkFlagValue(flag('pull'), 'sometimes')).toMatchObject({ ok: false })
    expect(checkFlagValue(flag('attach'), 'stdout').ok).toBe(true)
    expect(checkFlagValue(flag('attach'), 'foo')).toMatchObject({ ok: false, message: 'valid streams are STDIN, STDOUT and STDERR' })
    expect(checkFlagValue(flag('health-interval'), '5')).toMatchObject({ ok: false, message: 'time: missing unit in duration "5"' })
    expect(checkFlagValue(flag('cpus'), 'abc').ok).toBe(false)
    expect(checkFlagValue(flag('restart'), 'always:3')).toMatchObject({ ok: true, daemon: { start: 6, end: 8 } })
    expect(checkFlagValue(flag('detach'), 'maybe')).toMatchObject({ ok: false, message: 'strconv.ParseBool: parsing "maybe": invalid syntax' })
  })
})

describe('never throws', () => {
  const nasty = ['', ':', '::::', '[', ']', '@', '@@', '=', ',', '"', '\u0000', '\uD800', 'a'.repeat(10_000), '-'.repeat(300), '1'.repeat(400)]
  it('on any input', () => {
    for (const text of nasty) {
      for (const parse of [parseImageReference, parsePublish, parseVolume, parseMount, parseEnv, parseRestart, parseBytes, parseGoDuration, parseNanoCpus, parsePlatform, parseUlimit, parseAddHost, parseSignal]) {
        const result = parse(text)
        if (!result.ok) {
          expect(result.start).toBeGreaterThanOrEqual(0)
          expect(result.end).toBeLessThanOrEqual(text.length)
        }
      }
    }
  })
})
