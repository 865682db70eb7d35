import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { composeFromCommands } from '../../../lib/compose/from-run'
import { FLAG_MAPPINGS } from '../../../lib/compose/mappings'
import { readComposeFile } from '../../../lib/compose/read'
import { composeText, composeYaml } from '../../../lib/compose/yaml'
import { COMMANDS } from '../../../lib/docker/grammar'

/** The conversion, and a check that Compose itself would accept what is written. */
function convert(text: string) {
  const conversion = composeFromCommands(text)
  const yaml = composeYaml(conversion)
  const errors = readComposeFile(yaml, { environment: {} }).issues.filter(issue => issue.severity === 'error' && issue.code !== 'COMPOSE_UNDECLARED_VOLUME')
  expect(errors).toEqual([])
  expect(parseYaml(yaml)).toEqual(JSON.parse(JSON.stringify(conversion.file)))
  return { ...conversion, yaml, notes: conversion.notes.map(note => [note.path.join('.'), note.severity]), texts: conversion.notes.map(note => note.text) }
}

describe('from run: one command, one service, as data', () => {
  it('maps the deck ollama command; what has no Compose form is a note on its line', () => {
    const { file, notes, yaml } = convert('docker run --rm -d -v /my/home/model/path:/root/.ollama -p 11434:11434 --name ollama -it ollama/ollama')
    expect(file).toEqual({
      services: {
        ollama: {
          image: 'ollama/ollama',
          container_name: 'ollama',
          ports: ['11434:11434'],
          volumes: ['/my/home/model/path:/root/.ollama'],
          stdin_open: true,
          tty: true,
        },
      },
    })
    expect(notes).toEqual([['services.ollama', 'info'], ['services.ollama', 'info'], ['services.ollama.container_name', 'info']])
    expect(yaml).toMatch(/# --rm: .*\n {2}# -d: .*docker compose up -d.*\n {2}ollama:/)
    expect(yaml).toContain('- "11434:11434"')
  })

  it('named volumes are declared at top level; folders are not', () => {
    const { file } = convert('docker run -v pgdata:/var/lib/postgresql/data -v ./init:/init:ro postgres:16')
    expect(file.volumes).toEqual({ pgdata: {} })
    expect(file.services.postgres!.volumes).toEqual(['pgdata:/var/lib/postgresql/data', './init:/init:ro'])
  })

  it('environment, command as a list, restart, working dir, user, labels', () => {
    const { file } = convert('docker run --name web -e A=1 -e HOME --restart unless-stopped -w /app -u 1000 -l tier=front python:3.12 python -m http.server 8000')
    expect(file.services.web).toMatchObject({
      environment: ['A=1', 'HOME'],
      restart: 'unless-stopped',
      working_dir: '/app',
      user: '1000',
      labels: ['tier=front'],
      command: ['python', '-m', 'http.server', '8000'],
    })
  })

  it('network mode versus a user-defined network (external unless the commands create it)', () => {
    expect(convert('docker run --network host nginx').file.services.nginx!.network_mode).toBe('host')
    const { file } = convert('docker run --network mynet nginx')
    expect(file.services.nginx!.networks).toEqual(['mynet'])
    expect(file.networks).toEqual({ mynet: { external: true } })
  })

  it('per-network settings: --ip, --ip6, --network-alias, --link-local-ip', () => {
    const { file } = convert('docker run --network app --ip 172.20.0.5 --ip6 2001:db8::5 --network-alias api --network-alias web --link-local-ip 169.254.1.1 nginx')
    expect(file.services.nginx!.networks).toEqual({ app: { ipv4_address: '172.20.0.5', ipv6_address: '2001:db8::5', aliases: ['api', 'web'], link_local_ips: ['169.254.1.1'] } })
  })

  it('resources under deploy.resources; --gpus as a device reservation', () => {
    const { file } = convert('docker run --memory 512m --cpus 1.5 --memory-reservation 256m --pids-limit 100 --gpus all --privileged --entrypoint sh --init nginx -c "echo hi"')
    expect(file.services.nginx).toMatchObject({
      privileged: true,
      init: true,
      entrypoint: ['sh'],
      command: ['-c', 'echo hi'],
      deploy: {
        resources: {
          limits: { memory: '512m', cpus: 1.5, pids: 100 },
          reservations: { memory: '256m', devices: [{ driver: 'nvidia', count: 'all', capabilities: ['gpu'] }] },
        },
      },
    })
    expect(convert('docker run --gpus \'"device=0,1"\' nvidia/cuda').file.services.cuda!.deploy).toEqual({ resources: { reservations: { devices: [{ driver: 'nvidia', device_ids: ['0', '1'], capabilities: ['gpu'] }] } } })
  })

  it('healthcheck, logging, ulimits, sysctls, devices, blkio, stop timeout', () => {
    const { file } = convert('docker run --health-cmd "curl -f http://localhost" --health-interval 30s --health-retries 3 --log-driver json-file --log-opt max-size=10m --ulimit nofile=1024:2048 --ulimit nproc=512 --sysctl net.core.somaxconn=1024 --device /dev/snd:/dev/snd --device-read-bps /dev/sda:1mb --blkio-weight 300 --stop-timeout 20 nginx')
    expect(file.services.nginx).toMatchObject({
      healthcheck: { test: ['CMD-SHELL', 'curl -f http://localhost'], interval: '30s', retries: 3 },
      logging: { driver: 'json-file', options: { 'max-size': '10m' } },
      ulimits: { nofile: { soft: 1024, hard: 2048 }, nproc: 512 },
      sysctls: { 'net.core.somaxconn': '1024' },
      devices: ['/dev/snd:/dev/snd'],
      blkio_config: { device_read_bps: [{ path: '/dev/sda', rate: '1mb' }], weight: 300 },
      stop_grace_period: '20s',
    })
  })

  it('the service name comes from --name or the image repository, made unique', () => {
    expect(Object.keys(convert('docker run ghcr.io/acme/my-app:1').file.services)).toEqual(['my-app'])
    expect(Object.keys(convert('docker run --name Some_DB postgres').file.services)).toEqual(['some_db'])
    expect(Object.keys(convert('docker run nginx\ndocker run nginx').file.services)).toEqual(['nginx', 'nginx-2'])
  })
})

describe('from run: the shell\'s $ and placeholders', () => {
  it('$(pwd), ${PWD} and `pwd` at the start of a bind source become . with a note', () => {
    const { file, notes } = convert('docker run -v "$(pwd)/data":/data -v ${PWD}/logs:/logs -v `pwd`:/src --mount type=bind,src=$(pwd)/conf,dst=/conf nginx')
    expect(file.services.nginx!.volumes).toEqual(['./data:/data', './logs:/logs', '.:/src', { type: 'bind', source: './conf', target: '/conf' }])
    expect(notes.filter(([path]) => path === 'services.nginx.volumes').length).toBeGreaterThanOrEqual(3)
  })

  it('a literal $ becomes $$; a shell variable stays (Compose reads it from the same shell)', () => {
    const { file, yaml } = convert('docker run -e \'PRICE=5$\' -e "HOME_DIR=$HOME" -e PASS=\'a$b\' nginx')
    expect(file.services.nginx!.environment).toEqual(['PRICE=5$$', 'HOME_DIR=$HOME', 'PASS=a$$b'])
    expect(readComposeFile(yaml, { environment: { HOME: '/home/me' } }).data!.services).toEqual({ nginx: { image: 'nginx', environment: ['PRICE=5$', 'HOME_DIR=/home/me', 'PASS=a$b'] } })
  })

  it('another command substitution is a blank to fill in, never $( in the file', () => {
    const { file, yaml, notes } = convert('docker run -e PUID=$(id -u) nginx sh -c "echo $(date)"')
    expect(file.services.nginx!.environment).toEqual(['PUID=<output of id -u>'])
    expect(yaml).not.toContain('$(')
    expect(notes).toContainEqual(['services.nginx.environment', 'warning'])
    expect(notes).toContainEqual(['services.nginx.command', 'warning'])
  })

  it('documentation placeholders still convert, with a comment at each', () => {
    const { file, yaml } = convert('docker run -v <CONFIG_FILE_PATH>:/etc/alloy/config.alloy -e TOKEN=<your token> -p 12345:12345 grafana/alloy:latest')
    expect(file.services.alloy).toEqual({ image: 'grafana/alloy:latest', environment: ['TOKEN=<your token>'], ports: ['12345:12345'], volumes: ['<CONFIG_FILE_PATH>:/etc/alloy/config.alloy'] })
    expect(yaml).toMatch(/# <your token> is a blank .*\n {4}environment:/)
    expect(yaml).toMatch(/# <CONFIG_FILE_PATH> is a blank .*\n {4}volumes:/)
  })
})

describe('from run: commands as pasted from documentation', () => {
  it('a $ prompt, a line that lost its \\, podman: read as meant, each said', () => {
    const { file, texts } = convert('$ docker run --name web \\\n  -p 8080:80\n  -e A=1 \\\n  nginx')
    expect(file.services.web).toEqual({ image: 'nginx', container_name: 'web', environment: ['A=1'], ports: ['8080:80'] })
    expect(texts.filter(text => /prompt|lost the/.test(text))).toHaveLength(2)
    expect(convert('podman run -p 80:80 foobar/baz').file.services.baz).toEqual({ image: 'foobar/baz', ports: ['80:80'] })
  })

  it('with the host network, -p is left out as docker discards it', () => {
    const { file, notes } = convert('docker run --network host -p 80:80 nginx')
    expect(file.services.nginx).toEqual({ image: 'nginx', network_mode: 'host' })
    expect(notes).toContainEqual(['services.nginx.network_mode', 'info'])
  })
})

describe('from run: several commands, one file', () => {
  it('each run is a service; depends_on only where a command names another\'s container', () => {
    const { file, texts } = convert([
      'docker network create app',
      'docker volume create pgdata',
      'docker run -d --name db --network app -v pgdata:/var/lib/postgresql/data postgres:16',
      'docker run -d --name cache redis',
      'docker run -d --name web --network app --link db:database --volumes-from cache -p 8000:5000 myapp',
      'docker run --network container:web busybox',
      'docker ps',
    ].join('\n'))
    expect(Object.keys(file.services)).toEqual(['db', 'cache', 'web', 'busybox'])
    expect(file.services.db!.depends_on).toBeUndefined()
    expect(file.services.cache!.depends_on).toBeUndefined()
    expect(file.services.web!.depends_on).toEqual(['db', 'cache'])
    expect(file.services.web!.links).toEqual(['db:database'])
    expect(file.services.web!.volumes_from).toEqual(['cache'])
    expect(file.services.busybox).toMatchObject({ network_mode: 'service:web', depends_on: ['web'] })
    expect(file.networks).toEqual({ app: {} })
    expect(file.volumes).toEqual({ pgdata: {} })
    expect(texts).toContain('Not part of a Compose file, left out: docker ps')
  })

  it('&& and ; split commands too; a container not started here is external', () => {
    const { file } = convert('docker run -d --name web1 nginx && docker run --link other:o --volumes-from data nginx')
    expect(file.services.nginx).toMatchObject({ external_links: ['other:o'], volumes_from: ['container:data'] })
  })
})

describe('from docker service create: a Swarm service', () => {
  it('its own flags land under deploy; shared flags use the run rows', () => {
    const { file } = convert('docker service create --name web -p 80:80 -p published=8443,target=443 --replicas 3 -e A=1 --mount type=volume,src=data,dst=/data --network net --constraint node.role==manager --limit-memory 512m --restart-condition on-failure --secret tok --label tier=front foobar/baz:latest echo hi')
    expect(file.services.web).toEqual({
      image: 'foobar/baz:latest',
      command: ['echo', 'hi'],
      environment: ['A=1'],
      ports: ['80:80', { published: 8443, target: 443 }],
      volumes: [{ type: 'volume', source: 'data', target: '/data' }],
      networks: ['net'],
      deploy: { replicas: 3, placement: { constraints: ['node.role==manager'] }, resources: { limits: { memory: '512m' } }, restart_policy: { condition: 'on-failure' }, labels: ['tier=front'] },
      secrets: ['tok'],
    })
    expect(file.secrets).toEqual({ tok: { external: true } })
    expect(file.networks).toEqual({ net: { external: true } })
  })
})

describe('from run: best effort when docker would refuse', () => {
  it('an unknown flag and a bad value are noted where they were; the rest converts', () => {
    const conversion = convert('docker run --bogus 1 -p 80:http -p 8080:80 -e A=1 nginx')
    expect(conversion.file.services).toEqual({ nginx: { image: 'nginx', environment: ['A=1'], ports: ['8080:80'] } })
    expect(conversion.notes).toContainEqual(['services.nginx', 'error'])
    expect(conversion.notes).toContainEqual(['services.nginx.ports', 'error'])
    expect(conversion.yaml).toMatch(/# docker refuses this: .*80:http.*\n {4}ports:/)
  })

  it('no image: the service is still written, with the problem said', () => {
    const { notes } = composeFromCommands('docker run -p 80:80')
    expect(notes.map(note => [note.path.join('.'), note.severity])).toContainEqual(['services.app', 'error'])
  })
})

describe('from run: the one table', () => {
  it.each(['container run', 'container create'])('every flag of docker %s has a row', (path) => {
    const spec = COMMANDS.find(c => c.path.join(' ') === path)!
    const rows = new Set(FLAG_MAPPINGS.map(row => row.flag))
    // Old spellings (--net, --dns-opt) arrive under their new names.
    expect(spec.flags.filter(f => f.long !== 'help' && !f.aliasOf && !rows.has(f.long)).map(f => f.long)).toEqual([])
  })

  it('each declarative path is a key the schema knows (checked by writing one service per row)', () => {
    for (const row of FLAG_MAPPINGS) {
      if (!('shape' in row))
        continue
      const service: Record<string, unknown> = { image: 'nginx' }
      let node = service
      const keys = row.path.split('/')
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
      node[keys.at(-1)!] = row.shape === 'flag' ? true : row.shape === 'number' ? 1 : row.shape === 'list' ? ['x'] : row.shape === 'map' ? { x: 'y' } : '1s'
      const unknown = readComposeFile(JSON.stringify({ services: { s: service } }), { environment: {} }).issues.filter(issue => issue.code === 'COMPOSE_UNKNOWN_KEY')
      expect([row.flag, unknown]).toEqual([row.flag, []])
    }
  })

  it('other commands have no Compose form', () => {
    expect(composeText('docker exec -it x bash')).toBeNull()
    expect(composeText('docker create --name web nginx')).toContain('container_name: web')
    // The daemon refuses one-letter names: said, not written.
    expect(composeText('docker create --name x nginx')).toMatch(/# --name x: docker refuses this name/)
  })
})
