// A SIGINT that reaches the Flask development server before it serves: CPython has its SIGINT handler from
// start-up, so as PID 1 it is never ignored the way SIGTERM is. What the real container printed and exited
// with is recorded in tests/fixtures/daemon/transcripts/interrupts.json (docker stop early: click's "Aborted!",
// exit 1, in 0.4 s) and was measured by hand on the same daemon (a stop right after `docker run -d`: Python was
// still importing Flask, KeyboardInterrupt's traceback, exit 130).
//
// A file of its own: its first test must find Pyodide not loaded yet (each test file has its own modules).
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../../lib/docker-sim/simulator'

const HOME = '/home/student'

async function timed(sim: Simulator, line: string): Promise<{ stdout: string, stderr: string, exit: number, seconds: number }> {
  const before = sim.host.clock.now()
  const result = await sim.run(line)
  return { ...result, seconds: (sim.host.clock.now() - before) / 1000 }
}

describe('a SIGINT while flask run is still starting', () => {
  it('docker compose stop right after up -d of snippets/flask_redis (stop_signal: SIGINT): web stops at once, as Python still importing Flask does', async () => {
    const sim = new Simulator()
    await sim.run(`cd ${HOME}/snippets/flask_redis`)
    expect((await sim.run('docker compose up -d')).exit).toBe(0)
    // Pyodide is still loading (this file's first use of it): in a real container Python was importing Flask.
    const stop = await timed(sim, 'docker compose stop')
    expect(stop.exit).toBe(0)
    expect(stop.seconds).toBeLessThan(1)
    const ps = await sim.run('docker ps -a --format \'{{.Names}} {{.Status}}\'')
    expect(ps.stdout).toMatch(/^flask_redis-web-1 Exited \(130\) /m)
    expect(ps.stdout).not.toContain('Exited (137)')
    expect((await sim.run('docker logs flask_redis-web-1')).stderr).toBe('Traceback (most recent call last):\n  [simulator: Python was still importing Flask; the frames where the signal landed are left out]\nKeyboardInterrupt\n')
    // Started again and serving, the same SIGINT ends Werkzeug's serve_forever: exit 0.
    expect((await sim.run('docker compose start')).exit).toBe(0)
    expect((await sim.run('curl -s localhost:8000')).stdout).toBe('Hello! Visits so far: 1\n')
    const again = await timed(sim, 'docker compose stop')
    expect(again.seconds).toBeLessThan(1)
    expect((await sim.run('docker inspect --format \'{{.State.ExitCode}}\' flask_redis-web-1')).stdout).toBe('0\n')
  }, 120_000)

  it('a SIGINT during the app\'s import (it sleeps 4 s) is a KeyboardInterrupt inside flask run: click\'s "Aborted!", exit 1, at once', async () => {
    const sim = new Simulator()
    sim.machine.fs.writeFile(`${HOME}/slow.py`, 'import time\n\nprint("importing slow", flush=True)\ntime.sleep(4)\n\nfrom flask import Flask\n\napp = Flask(__name__)\n')
    sim.machine.fs.mkdir('/tmp/stack', { parents: true })
    sim.machine.fs.writeFile('/tmp/stack/Dockerfile', 'FROM python:3.14-slim\nRUN pip install --no-cache-dir flask\n')
    expect((await sim.run('docker build -q -t flask-stack /tmp/stack')).exit).toBe(0)
    await sim.run(`docker run -d --name early --stop-signal SIGINT -v ${HOME}:/app -w /app flask-stack flask --app slow run --host 0.0.0.0`)
    await sim.run('sleep 1')
    const stop = await timed(sim, 'docker stop early')
    expect(stop.seconds).toBeLessThan(1)
    expect((await sim.run('docker inspect --format \'{{.State.ExitCode}}\' early')).stdout).toBe('1\n')
    expect(await sim.run('docker logs early')).toMatchObject({ stdout: 'importing slow\n', stderr: '\nAborted!\n' })
    // Not stopped, the import's 4 s pass on the clock before Flask serves.
    await sim.run(`docker run -d --name late -p 5000:5000 -v ${HOME}:/app -w /app flask-stack flask --app slow run --host 0.0.0.0`)
    await sim.run('sleep 1')
    expect((await sim.run('docker logs late')).stdout).toBe('importing slow\n')
    await sim.run('sleep 4')
    expect((await sim.run('docker logs late')).stderr).toContain('Press CTRL+C to quit\n')
  }, 120_000)
})
