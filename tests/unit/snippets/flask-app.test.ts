import type { Server } from './processes'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { optionValue, parseDockerfile, withOptionValue } from './dockerfiles'
import { pinsDifferingFromInstalled, readPins, unpinnedImports } from './pins'
import { answersHttp, freePort, httpGet, PYTHON, pythonMissingReason, runPython, SNIPPETS, startServer } from './processes'

const folder = path.join(SNIPPETS, 'flask_app')
const missing = pythonMissingReason(['flask', 'numpy'])
const running: Server[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map(server => server.stop()))
})

/** Starts `flask --app <module> run` exactly as the slides do, on a free loopback port. */
async function flaskRun(module: string): Promise<string> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  running.push(await startServer(PYTHON, ['-m', 'flask', '--app', module, 'run', '--port', String(port)], {
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

  it('requirements.txt pins exactly the versions installed here, and every library app.py imports', () => {
    const pins = readPins(path.join(folder, 'requirements.txt'))
    expect(pinsDifferingFromInstalled(pins)).toEqual([])
    expect(unpinnedImports(path.join(folder, 'app.py'), pins)).toEqual([])
    expect(unpinnedImports(path.join(folder, 'minimal.py'), pins)).toEqual([])
  })

  it('the Dockerfile\'s base image runs the Python minor version the pins are tested with', () => {
    const [stage] = parseDockerfile(path.join(folder, 'Dockerfile')).stages
    const imageMinor = /^python:(\d+\.\d+)(?:[.-]|$)/.exec(stage?.image ?? '')
    expect(imageMinor, `base image "${stage?.image}" should be a python:X.Y tag`).not.toBeNull()
    const testedMinor = runPython(['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")']).trim()
    expect(imageMinor![1]).toBe(testedMinor)
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
