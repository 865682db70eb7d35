// The simulated `python -m http.server` against what Debian's python3 answered (http-server-fixtures.json).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SimFileSystem } from '../../../../lib/docker-sim/fs'
import { httpServerProgram } from '../../../../lib/docker-sim/programs/http-server'
import { Simulator } from '../../../../lib/docker-sim/simulator'
import { loopbackNetwork, run, settle, signalClock } from './harness'

const fixtures = JSON.parse(readFileSync(new URL('./http-server-fixtures.json', import.meta.url), 'utf8')) as {
  files: Record<string, string | null>
  stdout: string
  answers: { path: string, status: number, headers: [string, string][], body: string }[]
  log: string[]
}

function folder(): SimFileSystem {
  const fs = new SimFileSystem()
  fs.mkdir('/srv')
  for (const [name, content] of Object.entries(fixtures.files)) {
    if (content === null)
      fs.mkdir(`/srv/${name}`)
    else
      fs.writeFile(`/srv/${name}`, content)
  }
  return fs
}

function start(argv: string[], options: { env?: Record<string, string>, tty?: boolean } = {}) {
  const clock = signalClock()
  const network = loopbackNetwork()
  const done = run(argv, { fs: folder(), clock, network, program: httpServerProgram, env: options.env ?? { PATH: '/usr/bin' }, tty: options.tty ?? false })
  return { clock, network, done }
}

describe('python -m http.server', () => {
  it('answers and logs as CPython\'s http.server does', async () => {
    const { clock, network, done } = start(['http.server', '8000', '-b', '127.0.0.1', '-d', '/srv'], { tty: true })
    await settle()
    for (const answer of fixtures.answers) {
      const response = await network.request('127.0.0.1', 8000, { method: 'GET', path: answer.path, headers: {}, body: '' })
      const headers = Object.entries(response.headers).filter(([k]) => !['Date', 'Server', 'Last-Modified'].includes(k))
      expect({ path: answer.path, status: response.status, headers, body: response.body }).toEqual(answer)
    }
    clock.interrupt('SIGINT')
    const result = await done
    expect(result.exit).toBe(0)
    expect(result.stderr.trimEnd().split('\n').map(l => l.replace(/\[[^\]]+\]/, '[DATE]'))).toEqual(fixtures.log)
    expect(result.stdout).toBe(`${fixtures.stdout.replace(/PORT/g, '8000')}\nKeyboard interrupt received, exiting.\n`)
  })

  it('binds 0.0.0.0 in a container and logs the bridge gateway, as the real daemon\'s transcript shows', async () => {
    const { clock, network, done } = start(['http.server', '3000'], { env: { PYTHON_VERSION: '3.12.12' }, tty: true })
    await settle()
    const response = await network.request('localhost', 3000, { method: 'GET', path: '/', headers: {}, body: '', remoteAddress: '172.17.0.1' })
    expect(response.headers.Server).toBe('SimpleHTTP/0.6 Python/3.12.12')
    expect(response.body).toContain('<title>Directory listing for /</title>')
    clock.interrupt('SIGINT')
    const result = await done
    expect(result.stdout.split('\n')[0]).toBe('Serving HTTP on 0.0.0.0 port 3000 (http://0.0.0.0:3000/) ...')
    expect(result.stderr).toMatch(/^172\.17\.0\.1 - - \[03\/Mar\/2026 10:15:00\] "GET \/ HTTP\/1\.1" 200 -\n$/)
  })

  it('with -b :: logs IPv4 clients as ::ffff:…', async () => {
    const { clock, network, done } = start(['http.server', '3000', '-b', '::'], { tty: true })
    await settle()
    await network.request('localhost', 3000, { method: 'GET', path: '/', headers: {}, body: '', remoteAddress: '172.17.0.1' })
    clock.interrupt('SIGINT')
    const result = await done
    expect(result.stdout.split('\n')[0]).toBe('Serving HTTP on :: port 3000 (http://[::]:3000/) ...')
    expect(result.stderr.startsWith('::ffff:172.17.0.1 - - [')).toBe(true)
  })

  it('holds back its stdout without a terminal (block buffering), as `docker logs` of -d shows', async () => {
    const clock = signalClock()
    let seen = ''
    const done = run(['http.server', '3000'], { fs: folder(), clock, network: loopbackNetwork(), program: httpServerProgram, env: { PYTHON_VERSION: '3.12.12' }, onOutput: (t) => {
      seen += t
    } })
    await settle()
    expect(seen).toBe('')
    clock.interrupt('SIGINT')
    await done
    expect(seen).toBe('Serving HTTP on 0.0.0.0 port 3000 (http://0.0.0.0:3000/) ...\n\nKeyboard interrupt received, exiting.\n')
  })

  it('fails on a taken port with Errno 98', async () => {
    const clock = signalClock()
    const network = loopbackNetwork()
    network.listen(8000, async () => ({ status: 200, headers: {}, body: '' }))
    const result = await run(['http.server'], { fs: folder(), clock, network, program: httpServerProgram })
    expect(result.exit).toBe(1)
    expect(result.stderr.split('\n').slice(-2)[0]).toBe('OSError: [Errno 98] Address already in use')
  })
})

// Recorded (ports.yaml, the loopback steps): a server bound to the container's own 127.0.0.1 is published
// all the same, but docker-proxy finds nothing behind the port: curl gets no reply (52 or 56), another
// container on the network is refused, and the server logs no request.
describe('a server bound to the container\'s 127.0.0.1', () => {
  it('is not reachable through its published port nor from another container, only from inside', async () => {
    const sim = new Simulator()
    for (const bind of ['--bind 127.0.0.1', '-b 127.0.0.1', '--bind=127.0.0.1']) {
      const name = `lo${bind.length}`
      expect((await sim.run(`docker run -d --name ${name} -p 5003:8000 python:3.12 python3 -m http.server 8000 ${bind}`)).exit).toBe(0)
      await sim.run('sleep 1')
      expect(await sim.run('curl -s localhost:5003/'), bind).toMatchObject({ stdout: '', exit: 56 })
      expect((await sim.run('curl -sS localhost:5003/')).stderr).toBe('curl: (56) Recv failure: Connection reset by peer\n')
      const ip = (await sim.run(`docker inspect -f '{{.NetworkSettings.IPAddress}}' ${name}`)).stdout.trim()
      expect(await sim.run(`docker run --rm busybox wget -q -O- http://${ip}:8000/`)).toMatchObject({ exit: 1, stderr: expect.stringContaining(`wget: can't connect to remote host (${ip}): Connection refused\n`) })
      expect((await sim.run(`docker logs ${name}`)).stderr).toBe('')
      await sim.run(`docker rm -f ${name}`)
    }
  })

  it('answers on 0.0.0.0 (the default) through the published port', async () => {
    const sim = new Simulator()
    await sim.run('docker run -d --name all -p 5003:8000 python:3.12 python3 -m http.server 8000 --bind 0.0.0.0')
    await sim.run('sleep 1')
    expect((await sim.run('curl -s -o /dev/null -w "%{http_code}" localhost:5003/')).stdout).toBe('200')
  })
})
