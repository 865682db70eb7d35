import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { COMPOSE_MAPPINGS } from '../../../lib/docker/compose'
import { COMMANDS } from '../../../lib/docker/grammar'
import { explain } from '../../../lib/docker/index'

function composeOf(text: string): { yaml: string, file: any } {
  const [e] = explain(text)
  expect(e!.errors).toEqual([])
  expect(e!.compose).not.toBeNull()
  return { yaml: e!.compose!, file: parseYaml(e!.compose!) }
}

describe('compose: the equivalent service', () => {
  it('maps the deck ollama command', () => {
    const { yaml, file } = composeOf(
      'docker run --rm -d -v /my/home/model/path:/root/.ollama -p 11434:11434 --name ollama -it ollama/ollama',
    )
    expect(file.services.ollama).toEqual({
      image: 'ollama/ollama',
      container_name: 'ollama',
      volumes: ['/my/home/model/path:/root/.ollama'],
      ports: ['11434:11434'],
      stdin_open: true,
      tty: true,
    })
    // What has no Compose form is said, not dropped.
    expect(yaml).toMatch(/^#.*--rm/m)
    expect(yaml).toMatch(/^#.*-d.*docker compose up -d/m)
    expect(yaml).toContain('"11434:11434"')
  })

  it('named volumes get a top-level volumes entry; folders do not', () => {
    const { file } = composeOf('docker run -v pgdata:/var/lib/postgresql/data -v ./init:/init:ro postgres:16')
    expect(file.volumes).toEqual({ pgdata: {} })
    expect(file.services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data', './init:/init:ro'])
  })

  it('environment, command as a list, restart, working dir, user, labels', () => {
    const { file } = composeOf(
      'docker run --name web -e A=1 -e HOME --restart unless-stopped -w /app -u 1000 -l tier=front python:3.12 python -m http.server 8000',
    )
    expect(file.services.web).toMatchObject({
      environment: ['A=1', 'HOME'],
      restart: 'unless-stopped',
      working_dir: '/app',
      user: '1000',
      labels: ['tier=front'],
      command: ['python', '-m', 'http.server', '8000'],
    })
  })

  it('network mode versus a user-defined network', () => {
    expect(composeOf('docker run --network host nginx').file.services.nginx.network_mode).toBe('host')
    const { file } = composeOf('docker run --network mynet nginx')
    expect(file.services.nginx.networks).toEqual(['mynet'])
    expect(file.networks).toEqual({ mynet: { external: true } })
  })

  it('the service name comes from --name or the image repository', () => {
    expect(Object.keys(composeOf('docker run ghcr.io/acme/my-app:1').file.services)).toEqual(['my-app'])
    expect(Object.keys(composeOf('docker run --name Some_DB postgres').file.services)).toEqual(['some_db'])
  })

  it('resources, privileges and entrypoint', () => {
    const { file } = composeOf('docker run --memory 512m --cpus 1.5 --privileged --entrypoint sh --init nginx -c "echo hi"')
    expect(file.services.nginx).toMatchObject({
      mem_limit: '512m',
      cpus: 1.5,
      privileged: true,
      init: true,
      entrypoint: ['sh'],
      command: ['-c', 'echo hi'],
    })
  })

  it('create works too; other commands have no compose form', () => {
    expect(composeOf('docker create --name x nginx').file.services.x.image).toBe('nginx')
    expect(explain('docker exec -it x bash')[0]!.compose).toBeNull()
  })
})

describe('compose: the table covers every flag', () => {
  it.each(['container run', 'container create'])('every flag of docker %s is mapped or said to have no Compose form', (path) => {
    const spec = COMMANDS.find(c => c.path.join(' ') === path)!
    const missing = spec.flags.filter(f => f.long !== 'help' && !COMPOSE_MAPPINGS[f.long]).map(f => f.long)
    expect(missing).toEqual([])
  })

  it('a flag with no Compose form becomes a comment naming it', () => {
    const { yaml, file } = composeOf('docker run --gpus all --cpuset-mems 0 nvidia/cuda:12.0-base')
    expect(yaml).toMatch(/^# --gpus all: .*deploy/m)
    expect(yaml).toMatch(/^# --cpuset-mems 0: /m)
    expect(file.services.cuda).toEqual({ image: 'nvidia/cuda:12.0-base' })
  })

  it('block-device limits nest under blkio_config', () => {
    const { file } = composeOf('docker run --device-read-bps /dev/sda:1mb --blkio-weight 300 nginx')
    expect(file.services.nginx.blkio_config).toEqual({ device_read_bps: [{ path: '/dev/sda', rate: '1mb' }], weight: 300 })
  })
})
