// How the recorder runs a command line (no daemon needed): bash, a pseudo-terminal, typed input,
// Ctrl-C, exit codes.
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { Daemon } from '../../../scripts/daemon/daemon'

const daemon = new Daemon('unix:///nonexistent/docker.sock')
const hasScript = spawnSync('script', ['--version']).status === 0

describe('daemon.run', () => {
  it('runs a line through bash with both streams and the exit code apart', async () => {
    const result = await daemon.run('echo out; echo err >&2; exit 3', { cwd: tmpdir() })
    expect(result).toMatchObject({ stdout: 'out\n', stderr: 'err\n', exit: 3, interrupts: 0 })
  })

  it('gives the line the daemon address and a throw-away client configuration', async () => {
    const result = await daemon.run('echo "$DOCKER_HOST $DOCKER_BUILDKIT"; test -d "$DOCKER_CONFIG" && echo config', { cwd: tmpdir() })
    expect(result.stdout).toBe('unix:///nonexistent/docker.sock 0\nconfig\n')
  })

  it('presses Ctrl-C until the command ends and counts the presses', async () => {
    const once = await daemon.run('sleep 20', { cwd: tmpdir(), interruptAfter: 0.3 })
    expect(once).toMatchObject({ exit: 130, interrupts: 1 })
    // 1 s: bash must have set its trap before the first press
    const stubborn = await daemon.run('trap "" INT; sleep 3.6', { cwd: tmpdir(), interruptAfter: 1 })
    expect(stubborn, JSON.stringify(stubborn)).toMatchObject({ interrupts: 3 })
    expect(stubborn.exit).toBe(0)
  })

  it.skipIf(!hasScript)('runs a tty line on a pseudo-terminal and types its input', async () => {
    const result = await daemon.run('test -t 0 && echo on a terminal; read line; echo "got $line"', { cwd: tmpdir(), tty: true, input: ['hello'] })
    expect(result.stdout).toContain('on a terminal')
    expect(result.stdout).toContain('got hello')
    expect(result.exit).toBe(0)
  })

  it('fails a line that outlives its timeout, saying what it printed', async () => {
    // 3 s: time for bash to start and print on a busy machine
    await expect(daemon.run('echo started; sleep 10', { cwd: tmpdir(), timeout: 3 })).rejects.toThrow(/still running after 3 s.*started/s)
  })

  it('maps the recorder\'s private daemon folders to a default install\'s', () => {
    expect(new Daemon('unix:///tmp/dockerd/docker.sock').pathRules()).toEqual([
      { from: '/tmp/dockerd/root', to: '/var/lib/docker' },
      { from: '/tmp/dockerd/exec', to: '/var/run/docker' },
      { from: '/tmp/dockerd/docker.sock', to: '/var/run/docker.sock' },
    ])
    expect(new Daemon('unix:///var/run/docker.sock').pathRules()).toEqual([])
  })
})
