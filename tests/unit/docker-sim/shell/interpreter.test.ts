import { describe, expect, it } from 'vitest'
import { freezeLayer, SimFileSystem, treeFromSpec } from '../../../../lib/docker-sim/fs'
import { Interrupted } from '../../../../lib/docker-sim/process'
import { parseScript, ShellSyntaxError } from '../../../../lib/docker-sim/shell/syntax'
import { run, settle, signalClock } from '../programs/harness'

const TOOLS = ['cat', 'ls', 'touch', 'mkdir', 'rm', 'cp', 'mv', 'date', 'sleep', 'env', 'grep', 'head', 'wc', 'sort', 'tr', 'cut', 'tail', 'chmod', 'bash', 'sh', 'python3', 'python']

function debian(): SimFileSystem {
  const spec: Record<string, string | null | { content: string, mode: number }> = { '/tmp/': null, '/root/': null, '/etc/hostname': 'abc\n' }
  for (const tool of TOOLS)
    spec[`/usr/bin/${tool}`] = { content: '', mode: 0o755 }
  return new SimFileSystem({ layers: [freezeLayer(treeFromSpec(spec))] })
}

function busybox(): SimFileSystem {
  const spec: Record<string, string | null | { content: string, mode: number }> = { '/tmp/': null, '/root/': null, '/bin/busybox': { content: '', mode: 0o755 } }
  for (const tool of ['sh', 'ls', 'cat', 'echo'])
    spec[`/bin/${tool}`] = { content: '', mode: 0o755 }
  return new SimFileSystem({ layers: [freezeLayer(treeFromSpec(spec))] })
}

const ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', HOSTNAME: '3f2a1c9b7d4e' }

describe('interactive shells', () => {
  it('bash shows Debian\'s root prompt with the container\'s hostname and follows cd', async () => {
    const result = await run(['bash'], { fs: debian(), env: ENV, tty: true, input: ['cd /tmp', 'ping google.com', 'echo $?'] })
    expect(result.prompts).toEqual(['root@3f2a1c9b7d4e:/# ', 'root@3f2a1c9b7d4e:/tmp# ', 'root@3f2a1c9b7d4e:/tmp# ', 'root@3f2a1c9b7d4e:/tmp# '])
    expect(result.stderr).toBe('bash: ping: command not found\nexit\n')
    expect(result.stdout).toBe('127\n')
  })

  it('dash counts lines in its messages and prompts with #', async () => {
    const result = await run(['sh'], { fs: debian(), env: ENV, tty: true, input: ['true', 'ping x'] })
    expect(result.prompts[0]).toBe('# ')
    expect(result.stderr).toBe('sh: 2: ping: not found\n')
  })

  it('busybox sh prompts with the folder and speaks BusyBox', async () => {
    const result = await run(['sh'], { fs: busybox(), env: { PATH: '/bin', HOME: '/root' }, tty: true, input: ['cd /root', 'nosuch'] })
    expect(result.prompts).toEqual(['/ # ', '~ # ', '~ # '])
    expect(result.stderr).toBe('sh: nosuch: not found\n')
  })

  it('continues an open loop on the next line with PS2', async () => {
    const result = await run(['bash'], { fs: debian(), env: ENV, tty: true, input: ['for i in 1 2', 'do echo $i', 'done'] })
    expect(result.prompts.slice(1, 3)).toEqual(['> ', '> '])
    expect(result.stdout).toBe('1\n2\n')
  })

  it('exit ends the session with its code; the environment variables of -e are there', async () => {
    const result = await run(['bash'], { fs: debian(), env: { ...ENV, BLA: '5' }, tty: true, input: ['echo $BLA', 'exit 3', 'echo never'] })
    expect(result).toMatchObject({ stdout: '5\n', exit: 3 })
  })

  it('export and cd change the session for later commands and children', async () => {
    const result = await run(['bash'], { fs: debian(), env: ENV, input: ['export FOO=bar', 'env | grep FOO', 'cd /tmp; pwd'] })
    expect(result.stdout).toBe('FOO=bar\n/tmp\n')
  })
})

describe('the deck\'s pinger loop on the simulated clock', () => {
  it('prints the date every second and dies of SIGTERM only when it is not PID 1', async () => {
    const clock = signalClock()
    const lines: string[] = []
    const done = run(['bash', '-c', 'while true; do date; sleep 1; done'], { fs: debian(), env: ENV, clock, onOutput: t => lines.push(t) })
    await settle()
    clock.advance(1000)
    await settle()
    clock.advance(1000)
    await settle()
    expect(lines).toEqual(['Tue Mar  3 10:15:00 UTC 2026\n', 'Tue Mar  3 10:15:01 UTC 2026\n', 'Tue Mar  3 10:15:02 UTC 2026\n'])
    clock.interrupt('SIGTERM')
    await expect(done).rejects.toBeInstanceOf(Interrupted)
  })

  it('runs a trap once the running sleep ends (as the real daemon\'s stop-timing transcript shows: 1.1 s), then exits as the trap says', async () => {
    const clock = signalClock()
    const done = run(['sh', '-c', 'trap "echo got TERM; exit 0" TERM; while true; do sleep 1; done'], { fs: debian(), env: ENV, clock })
    await settle()
    clock.advance(300)
    clock.interrupt('SIGTERM')
    await settle()
    expect(clock.sleeping()).toBe(1)
    clock.advance(700)
    const result = await done
    expect(result).toMatchObject({ stdout: 'got TERM\n', exit: 0 })
    expect(result.signals.get('SIGTERM')).toBe('handle')
    expect(clock.now()).toBe(1000)
  })

  it('ctrl-C on a terminal reaches the foreground sleep at once, and the trap runs', async () => {
    const clock = signalClock()
    const done = run(['bash', '-c', 'trap "echo got INT" INT; sleep 5; echo after $?'], { fs: debian(), env: ENV, clock, tty: true })
    await settle()
    clock.interrupt('SIGINT')
    const result = await done
    expect(result.stdout).toBe('got INT\nafter 130\n')
    expect(clock.now()).toBe(0)
  })

  it('trap "" ignores, trap - restores the default', async () => {
    const result = await run(['sh', '-c', 'trap "" INT; trap - INT; trap "" TERM'], { fs: debian(), env: ENV })
    expect(result.signals.get('SIGINT')).toBe('default')
    expect(result.signals.get('SIGTERM')).toBe('ignore')
  })
})

describe('grammar and builtins', () => {
  const sh = async (script: string, fs = debian()) => run(['sh', '-c', script], { fs, env: ENV, cwd: '/tmp' })

  it('here-documents write files, with and without expansion', async () => {
    const fs = debian()
    await sh('X=1\ncat > a.txt <<EOF\nx is $X\nEOF\ncat > b.txt <<\'EOF\'\nx is $X\nEOF', fs)
    expect(fs.readFile('/tmp/a.txt')).toBe('x is 1\n')
    expect(fs.readFile('/tmp/b.txt')).toBe('x is $X\n')
  })

  it('set -e stops at the first failure, but not in a condition', async () => {
    const result = await sh('set -e; if false; then :; fi; echo one; false; echo two')
    expect(result).toMatchObject({ stdout: 'one\n', exit: 1 })
  })

  it('2>&1 joins the streams, > /dev/null drops them', async () => {
    expect((await sh('ls /nope 2>&1 | wc -l')).stdout).toBe('1\n')
    expect((await sh('ls /nope 2>/dev/null; echo $?')).stdout).toBe('2\n')
  })

  it('read takes lines from a pipe; while read loops over them', async () => {
    expect((await sh('printf "a b\\nc d\\n" | while read x y; do echo "$y-$x"; done')).stdout).toBe('b-a\nd-c\n')
  })

  it('arithmetic, ${#}, defaults, and positional parameters', async () => {
    const result = await run(['sh', '-c', 'echo $((2 * (3 + 4))) $# $1 ${2:-none} "$@"', 'me', 'one'], { fs: debian(), env: ENV })
    expect(result.stdout).toBe('14 1 one none one\n')
  })

  it('reports a file that is not executable, then runs it once it is', async () => {
    const fs = debian()
    fs.writeFile('/tmp/s.sh', '#!/bin/sh\necho "args: $*"\nexit 5\n')
    const denied = await sh('./s.sh', fs)
    expect(denied).toMatchObject({ exit: 126, stderr: 'sh: 1: ./s.sh: Permission denied\n' })
    const allowed = await sh('chmod +x s.sh; ./s.sh a b; echo $?', fs)
    expect(allowed.stdout).toBe('args: a b\n5\n')
  })

  it('a program the image lacks is not found, even if the simulator could run it', async () => {
    const fs = debian()
    fs.remove('/usr/bin/ls')
    expect(await sh('ls', fs)).toMatchObject({ exit: 127, stderr: 'sh: 1: ls: not found\n' })
  })

  it('writes through a read-only mount fail with the kernel\'s text', async () => {
    const fs = debian()
    const volume = new SimFileSystem()
    fs.mount({ target: '/data', kind: 'volume', source: volume, readOnly: true })
    const result = await sh('echo x > /data/f; touch /data/g', fs)
    expect(result.stderr).toBe('sh: 1: cannot create /data/f: Read-only file system\ntouch: cannot touch \'/data/g\': Read-only file system\n')
  })

  it('a pipeline\'s writer stops when its reader is done', async () => {
    const result = await sh('while true; do echo y; done | head -n 2')
    expect(result).toMatchObject({ stdout: 'y\ny\n', exit: 0 })
  })

  it('sleep moves the simulated clock, not real time', async () => {
    const started = Date.now()
    const result = await sh('date +%T; sleep 90; date +%T')
    expect(result.stdout).toBe('10:15:00\n10:16:30\n')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('runs a shell command in under 20 ms', async () => {
    const fs = debian()
    const script = 'for i in 1 2 3 4 5; do echo $i > /tmp/f$i; done; ls /tmp | sort | head -n 3; cat /tmp/f1 | tr 1 x'
    await sh(script, fs)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      await sh(script, fs)
      times.push(performance.now() - started)
    }
    expect(Math.min(...times)).toBeLessThan(20)
  })

  it('parse errors name the token, as dash does', () => {
    expect(() => parseScript('echo )')).toThrow(ShellSyntaxError)
    expect(() => parseScript('while true; do echo')).toThrow(/end of file/)
    expect(parseScript('a && b || c; d &')).toHaveLength(2)
  })
})
