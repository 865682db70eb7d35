import type { Program } from '../../../../lib/docker-sim/process'
import { describe, expect, it } from 'vitest'
import { HOST_HOME, HostMachine } from '../../../../lib/docker-sim/host/machine'
import { SNIPPETS } from '../../../../lib/docker-sim/host/snippets-data'
import { readSnippetsFromRepository } from '../../../../lib/docker-sim/host/snippets-source'
import { settle, signalClock } from '../programs/harness'

function machine(options: { docker?: Program, published?: number[] } = {}) {
  const clock = signalClock()
  const host = new HostMachine({
    clock,
    docker: options.docker,
    publishedPort: port => options.published?.includes(port) ? async () => ({ status: 200, headers: {}, body: `from container port ${port}\n` }) : null,
    portTaken: port => options.published?.includes(port) ?? false,
  })
  const run = async (line: string) => {
    let stdout = ''
    let stderr = ''
    const exit = await host.run(line, {
      stdout: (t) => {
        stdout += t
      },
      stderr: (t) => {
        stderr += t
      },
    })
    return { stdout, stderr, exit }
  }
  return { host, clock, run }
}

describe('the student\'s computer', () => {
  it('holds the deck\'s snippets/ exactly as the repository has them', () => {
    expect(SNIPPETS).toEqual(readSnippetsFromRepository())
    const { host } = machine()
    for (const [path, file] of Object.entries(SNIPPETS)) {
      expect(host.fs.readFile(`${HOST_HOME}/snippets/${path}`)).toBe(file.content)
      expect(host.fs.stat(`${HOST_HOME}/snippets/${path}`)?.mode).toBe(file.mode)
    }
  })

  it('starts in the home folder with the student\'s prompt; cd carries over', async () => {
    const { host, run } = machine()
    expect(host.prompt()).toBe('student@laptop:~$ ')
    expect((await run('ls')).stdout).toBe('snippets\n')
    await run('cd snippets/flask_app')
    expect(host.prompt()).toBe('student@laptop:~/snippets/flask_app$ ')
    expect((await run('pwd')).stdout).toBe(`${HOST_HOME}/snippets/flask_app\n`)
  })

  it('edits files with echo > and >>, mkdir -p, chmod, rm', async () => {
    const { host, run } = machine()
    await run('mkdir -p work/a/b && echo one > work/a/b/f.txt && echo two >> work/a/b/f.txt')
    expect(host.fs.readFile(`${HOST_HOME}/work/a/b/f.txt`)).toBe('one\ntwo\n')
    await run('touch s.sh && chmod +x s.sh')
    expect(host.fs.stat(`${HOST_HOME}/s.sh`)?.mode).toBe(0o755)
    expect(await run('rm work')).toMatchObject({ exit: 1, stderr: 'rm: cannot remove \'work\': Is a directory\n' })
    expect((await run('rm -r work; ls')).stdout).toBe('s.sh  snippets\n')
    expect((await run('ls | cat')).stdout).toBe('s.sh\nsnippets\n')
  })

  it('says a missing program in interactive bash\'s words', async () => {
    const { run } = machine()
    expect(await run('ping google.com')).toMatchObject({ exit: 127, stderr: 'bash: ping: command not found\n' })
    expect(await run('docker ps')).toMatchObject({ exit: 127, stderr: 'bash: docker: command not found\n' })
  })

  it('hands docker lines to the Docker host, with the working folder and the words as typed', async () => {
    const calls: { argv: readonly string[], cwd: string }[] = []
    const docker: Program = async (io) => {
      calls.push({ argv: io.argv, cwd: io.cwd })
      io.stdout('CONTAINER ID   IMAGE\n')
      return 0
    }
    const { run } = machine({ docker })
    await run('cd snippets')
    const result = await run('docker run -v "$PWD":/app --name web python:3.12')
    expect(result).toMatchObject({ exit: 0, stdout: 'CONTAINER ID   IMAGE\n' })
    expect(calls).toEqual([{ argv: ['docker', 'run', '-v', `${HOST_HOME}/snippets:/app`, '--name', 'web', 'python:3.12'], cwd: `${HOST_HOME}/snippets` }])
  })

  it('curl reaches a host server and a published port, and says curl\'s error for a closed one', async () => {
    const { run } = machine({ published: [8090] })
    const server = run('python3 -m http.server 4567 &')
    await server
    await settle()
    const listing = await run('curl localhost:4567')
    expect(listing.stdout).toContain('<li><a href="snippets/">snippets/</a></li>')
    expect((await run('curl -s http://localhost:8090/')).stdout).toBe('from container port 8090\n')
    expect(await run('curl localhost:8080')).toMatchObject({ exit: 7, stdout: '', stderr: 'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn\'t connect to server\n' })
    expect(await run('curl -s localhost:8080; echo $?')).toMatchObject({ stdout: '7\n', stderr: '' })
    expect((await run('curl http://example.invalid/')).stderr).toBe('curl: (6) Could not resolve host: example.invalid\n')
  })

  it('a second server on a taken port fails, as does one on a port Docker publishes', async () => {
    const { run } = machine({ published: [8090] })
    await run('python3 -m http.server 4567 &')
    await settle()
    const again = await run('python3 -m http.server 4567')
    expect(again.exit).toBe(1)
    expect(again.stderr).toMatch(/OSError: \[Errno 98\] Address already in use\n$/)
    expect((await run('python3 -m http.server 8090')).exit).toBe(1)
  })
})

describe('typed input on the host', () => {
  it('reaches the programs a line runs (cat, read)', async () => {
    const host = new HostMachine({ clock: signalClock() })
    const input = ['first', 'second']
    let stdout = ''
    await host.run('cat; read x; echo "x=$x"', { stdout: (t) => {
      stdout += t
    }, stderr: () => {}, readLine: async () => input.shift() ?? null })
    expect(stdout).toBe('first\nsecond\nx=\n')
  })
})
