// The deck's container sessions end to end on one container's files: what a student types, what
// `docker diff` then reads from the writable layer.
import { describe, expect, it } from 'vitest'
import { containerChanges, formatChanges, freezeLayer, SimFileSystem, treeFromSpec } from '../../../../lib/docker-sim/fs'
import { interpreterVersion } from '../../../../lib/docker-sim/programs/python'
import { run } from './harness'

const ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', HOSTNAME: '3f2a1c9b7d4e', PYTHON_VERSION: '3.12.12' }

function python312(): SimFileSystem {
  const spec: Record<string, string | null | { content: string, mode: number }> = { '/tmp/': null, '/root/': null }
  for (const tool of ['bash', 'sh', 'ls', 'cat', 'echo', 'rm'])
    spec[`/usr/bin/${tool}`] = { content: '', mode: 0o755 }
  for (const tool of ['python', 'python3'])
    spec[`/usr/local/bin/${tool}`] = { content: '', mode: 0o755 }
  return new SimFileSystem({ layers: [freezeLayer(treeFromSpec(spec))], now: () => 1000 })
}

describe('a session in a python:3.12 container', () => {
  it('bash: a note in /tmp, then docker diff lists it with bash\'s history', async () => {
    const fs = python312()
    const result = await run(['bash'], { fs, env: ENV, tty: true, input: ['echo "hello" > /tmp/note.txt', 'cat /tmp/note.txt', 'exit'] })
    expect(result.stdout).toBe('hello\n')
    expect(fs.readFile('/root/.bash_history')).toBe('echo "hello" > /tmp/note.txt\ncat /tmp/note.txt\nexit\n')
    expect(formatChanges(containerChanges(fs))).toBe('C /root\nA /root/.bash_history\nC /tmp\nA /tmp/note.txt\n')
  })

  it('a second container of the same image sees none of it', async () => {
    const first = python312()
    await run(['bash', '-c', 'echo x > /tmp/note.txt'], { fs: first, env: ENV })
    const second = python312()
    expect(await run(['bash', '-c', 'cat /tmp/note.txt'], { fs: second, env: ENV })).toMatchObject({ exit: 1, stderr: 'cat: /tmp/note.txt: No such file or directory\n' })
  })

  it('the Python prompt reads the note and leaves ~/.python_history', async () => {
    await interpreterVersion()
    const fs = python312()
    fs.writeFile('/tmp/note.txt', 'hello\n')
    const result = await run(['python3'], { fs, env: ENV, tty: true, input: ['print(open("/tmp/note.txt").read().strip())', 'exit()'] })
    expect(result.stdout).toBe('hello\n')
    expect(fs.readFile('/root/.python_history')).toBe('print(open("/tmp/note.txt").read().strip())\nexit()\n')
  }, 120_000)
})
