// Ctrl-C on an attached `docker run`, as the real client and daemon answered it (tests/fixtures/daemon/
// transcripts/interrupts.json): without -t the client catches SIGINT, passes each on to PID 1 (--sig-proxy) and
// gives up on the third, leaving the container running; with -it the ^C goes through the container's terminal
// to its foreground process group, and the client waits for the container as before.
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../lib/docker-sim/simulator'

const ctrlC = { interruptAfterMs: 1000, interrupts: 3 }

async function statusOf(sim: Simulator, name: string): Promise<string> {
  return (await sim.run(`docker ps -a --filter name=${name} --format '{{.Status}}'`)).stdout.trim()
}

describe('ctrl-C on an attached docker run', () => {
  it('without -t: each SIGINT goes to PID 1, which as `sleep` or a shell ignores it; the third ends the client (exit 1), the container runs on', async () => {
    const sim = new Simulator()
    await sim.run('docker pull -q busybox')
    for (const [name, command] of [['fg', 'sleep 8'], ['fgsh', 'sh -c \'sleep 8; echo done\'']] as const) {
      const before = sim.host.clock.now()
      const run = await sim.run(`docker run --name ${name} busybox ${command}`, { ...ctrlC, tty: false })
      expect(run).toMatchObject({ stdout: '', stderr: '\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n', exit: 1 })
      expect((sim.host.clock.now() - before) / 1000).toBe(3)
      expect(await statusOf(sim, name)).toMatch(/^Up /)
    }
    await sim.run('sleep 8')
    expect(await statusOf(sim, 'fgsh')).toMatch(/^Exited \(0\) /)
    expect((await sim.run('docker logs fgsh')).stdout).toBe('done\n')
  })

  it('without -t: Python gets the SIGINT (KeyboardInterrupt, 130); with --sig-proxy=false it does not, and runs on', async () => {
    const sim = new Simulator()
    await sim.run('docker pull -q python:3.12')
    const py = 'python3 -c \'import time; print("working", flush=True); time.sleep(30)\''
    const proxied = await sim.run(`docker run --name fgpy python:3.12 ${py}`, { interruptAfterMs: 2000, interrupts: 3, tty: false })
    expect(proxied).toMatchObject({ stdout: 'working\n', exit: 130 })
    expect(proxied.stderr).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*\nKeyboardInterrupt\n$/)
    expect(await statusOf(sim, 'fgpy')).toMatch(/^Exited \(130\) /)
    const kept = await sim.run(`docker run --sig-proxy=false --name noproxy python:3.12 ${py}`, { ...ctrlC, tty: false })
    expect(kept).toMatchObject({ stdout: 'working\n', stderr: '\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n', exit: 1 })
    expect(await statusOf(sim, 'noproxy')).toMatch(/^Up /)
  })

  it('with -it: ^C reaches the container\'s foreground group: `sh -c` ends with 130, `sleep` as PID 1 ignores it, an interactive shell prompts again', async () => {
    const sim = new Simulator()
    await sim.run('docker pull -q busybox')
    const shell = await sim.run('docker run -it --name fgt busybox sh -c \'sleep 8; echo done\'', { ...ctrlC, mergeStreams: true })
    expect(shell).toMatchObject({ stdout: '^C', exit: 130 })
    expect(await statusOf(sim, 'fgt')).toMatch(/^Exited \(130\) /)
    const before = sim.host.clock.now()
    const sleeper = await sim.run('docker run -it --name fgs busybox sleep 5', { ...ctrlC, mergeStreams: true })
    expect(sleeper).toMatchObject({ stdout: '^C^C^C', exit: 0 })
    expect((sim.host.clock.now() - before) / 1000).toBe(5)
    const prompt = await sim.run('docker run -it --name sh1 busybox sh', { input: ['sleep 30', 'echo back'], interruptAfterMs: 1000, interrupts: 1, mergeStreams: true })
    expect(prompt).toMatchObject({ exit: 0 })
    expect(prompt.stdout).toContain('/ # sleep 30\n^C\r\n/ # echo back\nback\r\n')
  })

  it('a Flask server in the foreground ends with 0 on the first Ctrl-C', async () => {
    const sim = new Simulator()
    sim.machine.fs.writeFile('/home/student/minimal.py', 'from flask import Flask\n\napp = Flask(__name__)\n')
    sim.machine.fs.mkdir('/tmp/stack', { parents: true })
    sim.machine.fs.writeFile('/tmp/stack/Dockerfile', 'FROM python:3.14-slim\nRUN pip install --no-cache-dir flask\n')
    expect((await sim.run('docker build -q -t flask-stack /tmp/stack')).exit).toBe(0)
    const run = await sim.run('docker run --name fgflask -v /home/student:/app -w /app flask-stack flask --app minimal run', { interruptAfterMs: 3000, interrupts: 3, tty: false })
    expect(run).toMatchObject({ stdout: ' * Serving Flask app \'minimal\'\n * Debug mode: off\n', exit: 0 })
    expect(run.stderr).toContain('Press CTRL+C to quit\n')
    expect(await statusOf(sim, 'fgflask')).toMatch(/^Exited \(0\) /)
  }, 60_000)
})
