// The container configuration of run/create: every setting typed, read from values parsed once,
// whatever the spelling (flag order, `=` forms, long and short names, quoting, old aliases).
import type { ContainerConfig } from '../../../lib/docker/container-config'
import { describe, expect, it } from 'vitest'
import { explain } from '../../../lib/docker/index'

function configOf(text: string): ContainerConfig {
  const [e] = explain(text)
  expect(e!.ok, `${text}: ${e!.errors.map(x => x.message).join('; ')}`).toBe(true)
  expect(e!.config, text).not.toBeNull()
  return e!.config!
}

describe('container configuration', () => {
  it('is null for commands that make no container, and for --help', () => {
    expect(explain('docker ps')[0]!.config).toBeNull()
    expect(explain('docker exec -it web sh')[0]!.config).toBeNull()
    expect(explain('docker run --help')[0]!.config).toBeNull()
  })

  it.each([
    'docker run -d --name web -p 8080:80 nginx:1.27',
    'docker run --detach --name=web --publish=8080:80 nginx:1.27',
    'docker container run -p 8080:80 --name "web" -d nginx:1.27',
    'docker run --name web -dp 8080:80 nginx:1.27',
  ])('reads the same settings from %s', (text) => {
    const config = configOf(text)
    expect(config).toMatchObject({ name: 'web', detach: true, imageText: 'nginx:1.27', command: [] })
    expect(config.image).toMatchObject({ repository: 'nginx', tag: '1.27' })
    expect(config.ports).toEqual([expect.objectContaining({ hostIp: null, allInterfaces: true, hostPorts: { start: 8080, end: 8080 }, containerPorts: { start: 80, end: 80 }, protocol: 'tcp' })])
  })

  it.each([
    ['-v data:/data', { type: 'volume', source: 'data', target: '/data', syntax: 'volume' }],
    ['--volume=/srv/site:/usr/share/nginx/html:ro', { type: 'bind', source: '/srv/site', readOnly: true }],
    ['-v "$PWD":/app', { type: 'bind', target: '/app' }],
    ['-v /cache', { type: 'anonymous', source: null, target: '/cache' }],
    ['--mount type=image,source=alpine:3.20,target=/mnt', { type: 'image', source: 'alpine:3.20', target: '/mnt', syntax: 'mount' }],
    ['--mount "type=image,src=alpine,dst=/mnt"', { type: 'image', source: 'alpine' }],
    ['--mount type=tmpfs,target=/tmp,tmpfs-size=64m', { type: 'tmpfs', options: { 'tmpfs-size': '64m' } }],
    ['--tmpfs /run:rw,size=64m', { type: 'tmpfs', target: '/run', syntax: 'tmpfs', options: { size: '64m' } }],
    ['--mount type=bind,src=/a,dst=/b,readonly', { type: 'bind', source: '/a', readOnly: true }],
    ['--mount target=/data', { type: 'anonymous', target: '/data' }],
  ])('mount %s keeps its real type', (flag, expected) => {
    expect(configOf(`docker run ${flag} nginx:1.27`).mounts).toEqual([expect.objectContaining(expected)])
  })

  it('reads environment variables, from the command or from your shell', () => {
    const config = configOf('docker run -e A=1 --env B= -e HOME --env=C=x=y nginx:1.27')
    expect(config.env.map(({ name, value, fromHost }) => ({ name, value, fromHost }))).toEqual([
      { name: 'A', value: '1', fromHost: false },
      { name: 'B', value: '', fromHost: false },
      { name: 'HOME', value: null, fromHost: true },
      { name: 'C', value: 'x=y', fromHost: false },
    ])
  })

  it.each([
    ['--restart always', { name: 'always', maxRetries: null }],
    ['--restart=on-failure:3', { name: 'on-failure', maxRetries: 3 }],
    ['--restart "unless-stopped"', { name: 'unless-stopped', maxRetries: null }],
  ])('restart policy %s', (flag, expected) => {
    expect(configOf(`docker run -d ${flag} nginx:1.27`).restart).toMatchObject(expected)
  })

  it.each([
    ['-m 512m', 512 * 1024 ** 2],
    ['--memory=1g', 1024 ** 3],
    ['--memory 1.5GB', 1.5 * 1024 ** 3],
    ['-m 536870912', 536870912],
  ])('memory %s is a number of bytes', (flag, bytes) => {
    expect(configOf(`docker run ${flag} nginx:1.27`).memory).toBe(bytes)
  })

  it('reads resources, limits and health as numbers', () => {
    const config = configOf('docker run --cpus 1.5 --memory-swap -1 --shm-size 1g --pids-limit 100 --ulimit nofile=1024:2048 --health-cmd "curl -f localhost" --health-interval 30s --health-retries 3 --stop-timeout 5 --stop-signal term nginx:1.27')
    expect(config).toMatchObject({ cpus: 1.5, memorySwap: -1, shmSize: 1024 ** 3, pidsLimit: 100, stopTimeout: 5, stopSignal: 'SIGTERM' })
    expect(config.ulimits).toEqual([{ name: 'nofile', soft: 1024, hard: 2048 }])
    expect(config.healthcheck).toMatchObject({ test: ['CMD-SHELL', 'curl -f localhost'], interval: 30e9, retries: 3, disabled: false })
  })

  it.each([
    ['--network mynet --network-alias web2 --ip 172.20.0.5', { name: 'mynet', mode: 'user-defined', aliases: ['web2'], ipv4: '172.20.0.5' }],
    ['--net=mynet --net-alias=web2', { name: 'mynet', aliases: ['web2'] }],
    ['--network name=mynet,alias=a,alias=b', { name: 'mynet', aliases: ['a', 'b'] }],
    ['--network \'name=mynet,"alias=a,b"\'', { name: 'mynet', aliases: ['a,b'] }],
    ['--network host', { name: 'host', mode: 'host' }],
    ['--network container:db', { mode: 'container', container: 'db' }],
    ['--network "name=front,driver-opt=com.docker.network.mtu=1400"', { name: 'front', driverOptions: { 'com.docker.network.mtu': '1400' } }],
  ])('network %s', (flags, expected) => {
    expect(configOf(`docker run ${flags} nginx:1.27`).network).toMatchObject(expected)
  })

  it('reads the rest of the settings', () => {
    const config = configOf([
      'docker run -it --rm --init -w /app -u 1000:1000 -h box --label a=b -l c --sysctl net.ipv4.ip_forward=1',
      '--log-driver json-file --log-opt max-size=10m --device /dev/snd:/dev/snd:r --gpus device=0,1 --platform linux/arm64',
      '--pull always --add-host db:10.0.0.2 --dns 1.1.1.1 --cap-add NET_ADMIN --cap-drop ALL --privileged --read-only',
      '--security-opt no-new-privileges --entrypoint "" --expose 8000-8001/udp python:3.12 python -m http.server',
    ].join(' '))
    expect(config).toMatchObject({
      interactive: true,
      tty: true,
      remove: true,
      init: true,
      workdir: '/app',
      user: '1000:1000',
      hostname: 'box',
      labels: { a: 'b', c: '' },
      sysctls: { 'net.ipv4.ip_forward': '1' },
      logging: { driver: 'json-file', options: { 'max-size': '10m' } },
      devices: [{ host: '/dev/snd', container: '/dev/snd', permissions: 'r' }],
      gpus: { devices: ['0', '1'] },
      platform: { os: 'linux', architecture: 'arm64' },
      pull: 'always',
      addHosts: [{ host: 'db', ip: '10.0.0.2' }],
      dns: ['1.1.1.1'],
      capAdd: ['NET_ADMIN'],
      capDrop: ['ALL'],
      privileged: true,
      readOnly: true,
      securityOpt: ['no-new-privileges'],
      entrypoint: [],
      expose: [{ start: 8000, end: 8001, protocol: 'udp' }],
      command: ['python', '-m', 'http.server'],
    })
  })

  it('reads namespaces, links and runtime settings', () => {
    const config = configOf('docker run --pid host --ipc=container:db --uts host --userns host --cgroupns private --group-add audio --link db:database --annotation a=1 --storage-opt size=1G --cpuset-cpus 0-3 --runtime runc --oom-kill-disable --mac-address 92:d0:c6:0a:29:33 -m 1g nginx:1.27')
    expect(config).toMatchObject({
      pid: 'host',
      ipc: 'container:db',
      uts: 'host',
      userns: 'host',
      cgroupns: 'private',
      groupAdd: ['audio'],
      links: ['db:database'],
      annotations: { a: '1' },
      storageOptions: { size: '1G' },
      cpuset: '0-3',
      runtime: 'runc',
      oomKillDisable: true,
      macAddress: '92:d0:c6:0a:29:33',
    })
  })

  it('lists every flag given with its canonical name', () => {
    const config = configOf('docker run --net=mynet --dns-opt ndots:2 -itd nginx:1.27')
    expect(config.flags.map(f => [f.written, f.name])).toEqual([
      ['--net', 'network'],
      ['--dns-opt', 'dns-option'],
      ['-i', 'interactive'],
      ['-t', 'tty'],
      ['-d', 'detach'],
    ])
  })

  it('a bool flag set to false is off', () => {
    expect(configOf('docker run --rm=false -d=0 nginx:1.27')).toMatchObject({ remove: false, detach: false })
  })
})
