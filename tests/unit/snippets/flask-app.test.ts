import type { Server } from './processes'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { instructionArguments, optionValue, parseDockerfile, withOptionValue } from './dockerfiles'
import { NUMPY_PYTHON_RANGE, PIN_FLOORS } from './pin-floors'
import { compareReleases, interpreterWithPins, pinsBelowFloor, readPins, releaseNumbers, unpinnedImports } from './pins'
import { answersHttp, freePort, httpGet, PYTHON, pythonMissingReason, SNIPPETS, startServer, stopsWithin } from './processes'

const folder = path.join(SNIPPETS, 'flask_app')
const missing = pythonMissingReason(['flask', 'numpy'])
const running: Server[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map(server => server.stop()))
})

/** Starts `flask --app <module> run` exactly as the slides do, on a free loopback port. */
async function flaskRun(module: string, python: string = PYTHON): Promise<string> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  running.push(await startServer(python, ['-m', 'flask', '--app', module, 'run', '--port', String(port)], {
    cwd: folder,
    isReady: answersHttp(`${base}/`),
  }))
  return base
}

describe('snippets/flask_app/setup-venv.sh', () => {
  const script = path.join(folder, 'setup-venv.sh')
  const text = readFileSync(script, 'utf8')

  it('is valid bash', () => {
    const check = spawnSync('bash', ['-n', script], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('creates the venv with `-m venv`, activates it, then installs Flask into it', () => {
    const commands = text.split('\n').map(line => line.trim()).filter(line => line && !line.startsWith('#'))
    expect(commands).toContain('python3 -m venv .venv')
    expect(text).not.toMatch(/python3 -v venv/)
    const order = ['python3 -m venv .venv', 'source .venv/bin/activate', 'python3 -m pip install Flask']
      .map(command => commands.indexOf(command))
    expect(order.every(index => index >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })
})

describe('snippets/flask_app pins and image', () => {
  const pins = readPins(path.join(folder, 'requirements.txt'))
  const dockerfile = parseDockerfile(path.join(folder, 'Dockerfile'))

  it('requirements.txt pins every distribution exactly, none below its stated floor', () => {
    expect(pins.size).toBeGreaterThan(0)
    expect(pinsBelowFloor(pins, PIN_FLOORS)).toEqual([])
  })

  it('the base image is a current python:3.x-slim whose Python the pinned numpy ships wheels for', () => {
    const image = dockerfile.stages.at(-1)?.image ?? ''
    const match = /^python:(3\.\d+)-slim$/.exec(image)
    expect(match, `base image "${image}" should be python:3.X-slim`).not.toBeNull()
    const python = releaseNumbers(match![1]!, 'base image')
    const numpyMinor = (pins.get('numpy') ?? '').split('.').slice(0, 2).join('.')
    const range = NUMPY_PYTHON_RANGE[numpyMinor]
    expect(range, `numpy ${numpyMinor}: add its Python range (release notes) to NUMPY_PYTHON_RANGE`).toBeDefined()
    expect(compareReleases(python, releaseNumbers(range!.oldest, 'oldest'))).toBeGreaterThanOrEqual(0)
    expect(compareReleases(python, releaseNumbers(range!.newest, 'newest'))).toBeLessThanOrEqual(0)
  })

  it('stops on SIGINT (STOPSIGNAL), so `docker stop` does not wait 10 s for a PID 1 that ignores SIGTERM', () => {
    expect(instructionArguments(path.join(folder, 'Dockerfile'), 'STOPSIGNAL')).toEqual([['SIGINT']])
  })

  it('.dockerignore keeps the venv, bytecode caches and secrets out of the build context', () => {
    const ignored = readFileSync(path.join(folder, '.dockerignore'), 'utf8').split('\n').map(line => line.trim())
    expect(ignored).toEqual(expect.arrayContaining(['.venv', '__pycache__', '.env']))
  })
})

describe.skipIf(missing !== null)(`snippets/flask_app with ${PYTHON}${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('minimal.py answers GET /a with the Hello World HTML', async () => {
    const base = await flaskRun('minimal')
    expect(await httpGet(`${base}/a`)).toEqual({ status: 200, body: '<p>Hello, <strong>World!</strong></p>' })
    expect((await httpGet(`${base}/`)).status).toBe(404)
  })

  it('app.py answers GET /random with a new number in [0, 1) each time', async () => {
    const base = await flaskRun('app')
    const numbers: number[] = []
    for (let i = 0; i < 3; i++) {
      const { status, body } = await httpGet(`${base}/random`)
      expect(status).toBe(200)
      const match = /^Random number: (\d+(?:\.\d+)?(?:e-\d+)?)$/.exec(body)
      expect(match, `unexpected body "${body}"`).not.toBeNull()
      numbers.push(Number(match![1]))
    }
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(0)
      expect(n).toBeLessThan(1)
    }
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('requirements.txt pins every library app.py and minimal.py import', () => {
    const pins = readPins(path.join(folder, 'requirements.txt'))
    expect(unpinnedImports(path.join(folder, 'app.py'), pins)).toEqual([])
    expect(unpinnedImports(path.join(folder, 'minimal.py'), pins)).toEqual([])
  })

  it('the image\'s command stops within 3 s of its STOPSIGNAL', async () => {
    const [, ...args] = parseDockerfile(path.join(folder, 'Dockerfile')).cmd
    const port = await freePort()
    const server = await startServer(PYTHON, ['-m', 'flask', ...withOptionValue(args, '--port', String(port))], {
      cwd: folder,
      isReady: answersHttp(`http://127.0.0.1:${port}/`),
    })
    running.push(server)
    const [[signal]] = instructionArguments(path.join(folder, 'Dockerfile'), 'STOPSIGNAL') as [[NodeJS.Signals]]
    expect(await stopsWithin(server, signal, 3_000), server.output()).toBe(true)
  })

  it('the Dockerfile copies existing files and its CMD serves /random on 0.0.0.0 at the exposed port', async () => {
    const dockerfile = parseDockerfile(path.join(folder, 'Dockerfile'))
    for (const source of dockerfile.copySources)
      expect(readFileSync(path.join(folder, source), 'utf8').length).toBeGreaterThan(0)
    const [executable, ...args] = dockerfile.cmd
    expect(executable).toBe('flask')
    expect(optionValue(args, '--host')).toBe('0.0.0.0')
    expect(dockerfile.exposedPorts).toEqual([optionValue(args, '--port')])

    // Run the image's command with this machine's interpreter, only on another port.
    const port = await freePort()
    running.push(await startServer(PYTHON, ['-m', 'flask', ...withOptionValue(args, '--port', String(port))], {
      cwd: folder,
      isReady: answersHttp(`http://127.0.0.1:${port}/`),
    }))
    const { status, body } = await httpGet(`http://127.0.0.1:${port}/random`)
    expect(status).toBe(200)
    expect(body).toMatch(/^Random number: 0\.\d+/)
  })
})

const pinnedPython = interpreterWithPins(readPins(path.join(folder, 'requirements.txt')))

describe.skipIf(pinnedPython === null)(`snippets/flask_app with the pinned versions${pinnedPython ? ` (${pinnedPython})` : ' (skipped: no interpreter has exactly the pinned versions; set PINNED_PYTHON)'}`, () => {
  it('app.py answers GET /random with the pinned Flask and numpy', async () => {
    const base = await flaskRun('app', pinnedPython!)
    const { status, body } = await httpGet(`${base}/random`)
    expect(status).toBe(200)
    expect(body).toMatch(/^Random number: 0\.\d+/)
  })

  // pallets/flask#6025: click 8.4.0 left debug mode off for both (click's floor in pin-floors.ts).
  // `--debug` before `run` is how flask_redis's CMD starts the reloader for its mounted code.
  it.each([
    { how: '`--debug` before `run`', args: ['--debug', 'run'], env: {} },
    { how: 'FLASK_DEBUG=1', args: ['run'], env: { FLASK_DEBUG: '1' } },
  ])('$how turns on debug mode and the reloader with the pinned click', async ({ args, env }) => {
    const port = await freePort()
    const server = await startServer(pinnedPython!, ['-m', 'flask', '--app', 'app', ...args, '--port', String(port)], {
      cwd: folder,
      env,
      isReady: answersHttp(`http://127.0.0.1:${port}/`),
    })
    running.push(server)
    expect(server.output()).toContain(' * Debug mode: on')
    expect(server.output()).toContain(' * Restarting with stat')
  })
})
