import type { Server } from './processes'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { instructionArguments, optionValue, parseDockerfile, withOptionValue } from './dockerfiles'
import { PIN_FLOORS } from './pin-floors'
import { pinsBelowFloor, readPins, unpinnedImports } from './pins'
import { answersHttp, freePort, httpGet, PYTHON, pythonMissingReason, SNIPPETS, startServer, stopsWithin } from './processes'

const folder = path.join(SNIPPETS, 'flask_redis')

interface ComposeService {
  image?: string
  build?: string | { context?: string, dockerfile?: string, target?: string }
  ports?: string[]
  volumes?: string[]
  depends_on?: string[]
  stop_signal?: string
}

function readCompose(): Record<string, ComposeService> {
  const compose = parse(readFileSync(path.join(folder, 'compose.yaml'), 'utf8')) as { services?: Record<string, ComposeService> }
  if (!compose?.services)
    throw new Error('compose.yaml has no services')
  return compose.services
}

describe('snippets/flask_redis/compose.yaml', () => {
  const services = readCompose()

  it('builds web from a Dockerfile in its context, naming a target only when there are stages to choose from', () => {
    const raw = services.web?.build
    expect(raw).toBeDefined()
    const build = typeof raw === 'string' ? { context: raw } : raw!
    const context = path.resolve(folder, build.context ?? '.')
    expect(statSync(context).isDirectory()).toBe(true)
    const dockerfilePath = path.join(context, build.dockerfile ?? 'Dockerfile')
    expect(existsSync(dockerfilePath), `${dockerfilePath} is missing`).toBe(true)
    const stages = parseDockerfile(dockerfilePath).stages
    if (build.target !== undefined) {
      expect(stages.length, '`target:` picks a stage; a single-stage Dockerfile has nothing to pick').toBeGreaterThan(1)
      expect(stages.map(stage => stage.name)).toContain(build.target)
    }
  })

  it('redis runs the current major version of the official image, and the app is published on this machine only', () => {
    expect(services.redis?.image).toBe('redis:8-alpine')
    expect(services.web?.ports).toEqual(['127.0.0.1:8000:8000'])
  })

  it('every service is either built or pulled, and depends_on names services that exist', () => {
    for (const [name, service] of Object.entries(services))
      expect(Boolean(service.image) !== Boolean(service.build), `${name}: exactly one of image/build`).toBe(true)
    for (const dependency of services.web?.depends_on ?? [])
      expect(Object.keys(services)).toContain(dependency)
  })

  it('publishes the port the app listens on, and mounts the folder where the image keeps the code', () => {
    const web = services.web!
    const dockerfile = parseDockerfile(path.join(folder, 'Dockerfile'))
    const [, ...args] = dockerfile.cmd
    const containerPorts = (web.ports ?? []).map(mapping => mapping.split(':').at(-1))
    expect(containerPorts).toContain(optionValue(args, '--port'))
    expect(optionValue(args, '--host')).toBe('0.0.0.0')
    const workdir = readFileSync(path.join(folder, 'Dockerfile'), 'utf8').match(/^WORKDIR\s+(\S+)/m)?.[1]
    expect(web.volumes).toContain(`.:${workdir}`)
  })

  it('the app connects to the redis service by its name by default', () => {
    expect(Object.keys(services)).toContain('redis')
    expect(readFileSync(path.join(folder, 'app.py'), 'utf8')).toMatch(/os\.getenv\("REDIS_HOST", "redis"\)/)
  })
})

describe('snippets/flask_redis pins and image', () => {
  it('requirements.txt pins every distribution exactly, none below its stated floor', () => {
    const pins = readPins(path.join(folder, 'requirements.txt'))
    expect(pins.size).toBeGreaterThan(0)
    expect(pinsBelowFloor(pins, PIN_FLOORS)).toEqual([])
  })

  it('the Dockerfile stops on SIGINT and .dockerignore keeps .venv, __pycache__ and .env out of `COPY . .`', () => {
    expect(instructionArguments(path.join(folder, 'Dockerfile'), 'STOPSIGNAL')).toEqual([['SIGINT']])
    const ignored = readFileSync(path.join(folder, '.dockerignore'), 'utf8').split('\n').map(line => line.trim())
    expect(ignored).toEqual(expect.arrayContaining(['.venv', '__pycache__', '.env']))
  })
})

const pythonMissing = pythonMissingReason(['flask', 'redis'])
const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim()
const skipReason = pythonMissing ?? (redisServer ? null : 'redis-server not found (apt-get install redis-server)')

/** True once the server at port answers PING with PONG. */
function redisAnswers(port: number): () => Promise<boolean> {
  return () => new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.setTimeout(1_000, () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
  })
}

describe.skipIf(skipReason !== null)(`snippets/flask_redis against a real redis-server${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const servers: Server[] = []
  let redisPort = 0

  beforeAll(async () => {
    redisPort = await freePort()
    // No persistence: the test's counter must not leave files behind.
    servers.push(await startServer(redisServer, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      cwd: folder,
      isReady: redisAnswers(redisPort),
    }))
  })

  afterAll(async () => {
    await Promise.all(servers.splice(0).map(server => server.stop()))
  })

  it('the Dockerfile\'s CMD serves a counter that Redis increments on every visit', async () => {
    const [executable, ...args] = parseDockerfile(path.join(folder, 'Dockerfile')).cmd
    expect(executable).toBe('flask')
    const port = await freePort()
    servers.push(await startServer(PYTHON, ['-m', 'flask', ...withOptionValue(args, '--port', String(port))], {
      cwd: folder,
      env: { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(redisPort) },
      isReady: answersHttp(`http://127.0.0.1:${port}/favicon.ico`),
    }))
    const first = await httpGet(`http://127.0.0.1:${port}/`)
    const second = await httpGet(`http://127.0.0.1:${port}/`)
    expect(first).toEqual({ status: 200, body: 'Hello! Visits so far: 1\n' })
    expect(second).toEqual({ status: 200, body: 'Hello! Visits so far: 2\n' })
  })

  it('requirements.txt pins every library app.py imports', () => {
    const pins = readPins(path.join(folder, 'requirements.txt'))
    expect(unpinnedImports(path.join(folder, 'app.py'), pins)).toEqual([])
  })

  it('the image\'s command (with its --debug reloader) stops within 3 s of its STOPSIGNAL', async () => {
    const [, ...args] = parseDockerfile(path.join(folder, 'Dockerfile')).cmd
    const port = await freePort()
    const server = await startServer(PYTHON, ['-m', 'flask', ...withOptionValue(args, '--port', String(port))], {
      cwd: folder,
      env: { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(redisPort) },
      isReady: answersHttp(`http://127.0.0.1:${port}/favicon.ico`),
    })
    servers.push(server)
    const [[signal]] = instructionArguments(path.join(folder, 'Dockerfile'), 'STOPSIGNAL') as [[NodeJS.Signals]]
    expect(await stopsWithin(server, signal, 3_000), server.output()).toBe(true)
  })
})
