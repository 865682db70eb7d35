// The other docker commands and their error paths, and the terminal session API.
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../lib/docker-sim/simulator'

async function host(...setup: string[]): Promise<Simulator> {
  const simulator = new Simulator()
  for (const line of setup) {
    const result = await simulator.run(line)
    if (result.exit !== 0)
      throw new Error(`setup failed: ${line}\n${result.stderr}`)
  }
  return simulator
}

describe('files: cp, diff, exec', () => {
  it('diff lists what a container changed; cp copies out of it and into it', async () => {
    const sim = await host('docker run -d --name box busybox sleep 1000', 'docker exec box sh -c "echo hi > /tmp/a.txt; rm /etc/group"')
    expect((await sim.run('docker diff box')).stdout).toBe('C /etc\nD /etc/group\nC /tmp\nA /tmp/a.txt\n')
    expect((await sim.run('docker cp box:/tmp/a.txt .')).exit).toBe(0)
    expect((await sim.run('cat a.txt')).stdout).toBe('hi\n')
    await sim.run('echo back > b.txt')
    expect((await sim.run('docker cp b.txt box:/tmp/')).exit).toBe(0)
    expect((await sim.run('docker exec box cat /tmp/b.txt')).stdout).toBe('back\n')
    const missing = await sim.run('docker cp box:/nope .')
    expect(missing.exit).toBe(1)
    expect(missing.stderr).toBe('Error response from daemon: Could not find the file /nope in container box\n')
  })

  it('exec of a program the image lacks: the OCI error and 126; of a stopped container: not running', async () => {
    const sim = await host('docker run -d --name box python:3.12 sleep 1000')
    const ping = await sim.run('docker exec box ping localhost')
    expect(ping.exit).toBe(126)
    expect(ping.stdout).toContain('exec: "ping": executable file not found in $PATH')
    await sim.run('docker kill box')
    const stopped = await sim.run('docker exec box ls')
    expect(stopped.exit).toBe(1)
    expect(stopped.stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/)
  })

  it('run of a program the image lacks: 127 and the runtime\'s error; the container stays, Created (it never ran)', async () => {
    // Recorded (errors.yaml, `docker run --name nf busybox nosuchprogram`): ps -a "nf Created", inspect "created 127",
    // and docker start fails again with the same error and "Error: failed to start containers: nf".
    const sim = await host()
    const run = await sim.run('docker run --name noping python:3.12 ping localhost')
    expect(run.exit).toBe(127)
    expect(run.stderr).toContain('exec: "ping": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n')
    expect((await sim.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe('noping Created\n')
    expect((await sim.run('docker ps -q')).stdout).toBe('')
    expect((await sim.run('docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" noping')).stdout).toBe('created 127\n')
    const start = await sim.run('docker start noping')
    expect(start).toMatchObject({ exit: 1, stderr: expect.stringMatching(/executable file not found in \$PATH: unknown\nError: failed to start containers: noping\n$/) })
    expect((await sim.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toBe('noping Created\n')
  })
})

describe('names, tags, history, top', () => {
  it('rename moves the name; a taken name is refused in the client\'s two lines', async () => {
    const sim = await host('docker run -d --name one busybox sleep 100', 'docker run -d --name two busybox sleep 100')
    expect((await sim.run('docker rename one uno')).exit).toBe(0)
    expect((await sim.run('docker ps --format "{{.Names}}"')).stdout).toBe('two\nuno\n')
    const taken = await sim.run('docker rename uno two')
    expect(taken.exit).toBe(1)
    expect(taken.stderr).toMatch(/Error when allocating new name: Conflict\. The container name "\/two" is already in use by container "[0-9a-f]{64}"\..*\nError: failed to rename container named uno\n$/)
  })

  it('tag adds a name to the same ID; rmi of one of two tags only untags', async () => {
    const sim = await host('docker pull busybox', 'docker tag busybox mybox:1')
    const ids = (await sim.run('docker images -q')).stdout.trim().split('\n')
    expect(new Set(ids).size).toBe(1)
    expect((await sim.run('docker rmi mybox:1')).stdout).toBe('Untagged: mybox:1\n')
    expect((await sim.run('docker tag nosuch x')).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n')
  })

  it('history lists the image\'s steps newest first, <missing> below the top', async () => {
    const sim = await host('docker pull python:3.12')
    const lines = (await sim.run('docker history python:3.12')).stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^IMAGE {10}CREATED {8}CREATED BY {38}SIZE {6}COMMENT$/)
    expect(lines[1]).toMatch(/^[0-9a-f]{12} .*CMD \["python3"\]/)
    expect(lines.slice(2).every(line => line.startsWith('<missing>'))).toBe(true)
  })

  it('top shows the main process; a stopped container is refused', async () => {
    const sim = await host('docker run -d --name box busybox sleep 300')
    const top = (await sim.run('docker top box')).stdout.split('\n')
    expect(top[0]).toMatch(/^UID +PID +PPID +C +STIME +TTY +TIME +CMD$/)
    expect(top[1]).toMatch(/sleep 300$/)
    await sim.run('docker kill box')
    expect((await sim.run('docker top box')).exit).toBe(1)
  })
})

describe('prune, df, volumes, networks', () => {
  it('container prune -f removes stopped containers only; image prune -a removes unused images', async () => {
    const sim = await host('docker run --name done busybox true', 'docker run -d --name up busybox sleep 100', 'docker pull alpine')
    const prune = await sim.run('docker container prune -f')
    expect(prune.stdout).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: /)
    expect((await sim.run('docker ps -a --format "{{.Names}}"')).stdout).toBe('up\n')
    const images = await sim.run('docker image prune -a -f')
    expect(images.stdout).toContain('untagged: alpine:latest')
    expect(sim.host.images.map(i => i.repoTags[0])).toEqual(['busybox:latest'])
  })

  it('prune without -f asks, and does nothing on no (end of input)', async () => {
    const sim = await host('docker run --name done busybox true')
    const asked = await sim.run('docker container prune')
    expect(asked.stdout).toBe('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ')
    expect(sim.host.containers).toHaveLength(1)
    await sim.run('docker container prune', { input: ['y'] })
    expect(sim.host.containers).toHaveLength(0)
  })

  it('system df counts images, containers and volumes', async () => {
    const sim = await host('docker run -d -v data:/data --name box busybox sleep 100')
    const df = (await sim.run('docker system df --format "{{.Type}} {{.TotalCount}} {{.Active}}"')).stdout
    expect(df).toBe('Images 1 1\nContainers 1 1\nLocal Volumes 1 1\nBuild Cache 0 0\n')
  })

  it('volume prune keeps named volumes unless --all; network rm refuses one in use', async () => {
    const sim = await host('docker volume create keep', 'docker run --rm -v /anon busybox true', 'docker network create net', 'docker run -d --network net --name box busybox sleep 100')
    expect(sim.host.volumes).toHaveLength(1) // --rm removed the anonymous volume with its container
    await sim.run('docker volume prune -f')
    expect(sim.host.volumes.map(v => v.name)).toEqual(['keep'])
    const rm = await sim.run('docker network rm net')
    expect(rm.exit).toBe(1)
    expect(rm.stderr).toMatch(/has active endpoints\nexit status 1\n$/)
  })
})

describe('answers that are not Docker\'s', () => {
  it('a valid command the simulator does not model says so plainly', async () => {
    const sim = await host()
    const result = await sim.run('docker swarm init')
    expect(result.exit).toBe(0)
    expect(result.stdout).toMatch(/^docker swarm init: not simulated here\. What Docker does: /)
  })

  it('a command the client refuses gets the client\'s refusal (exit 125 for flags)', async () => {
    const sim = await host()
    const flag = await sim.run('docker run --nosuchflag busybox')
    expect(flag.exit).toBe(125)
    const missing = await sim.run('docker run')
    expect(missing).toMatchObject({ exit: 1 })
    expect(missing.stderr).toMatch(/^docker: 'docker run' requires at least 1 argument\n/)
    const unknown = await sim.run('docker nosuchcommand')
    expect(unknown.stderr).toBe('docker: unknown command: docker nosuchcommand\n\nRun \'docker --help\' for more information\n')
  })

  it('no input crashes it', async () => {
    const sim = await host()
    for (const line of ['docker run "unclosed', '\u0000\u0001', 'docker ps --format "{{.Nope"', 'docker inspect', 'docker logs -f', 'docker compose up', '|||', 'docker run -p 99999:1 busybox']) {
      const result = await sim.run(line)
      expect(typeof result.exit, line).toBe('number')
      expect(result.stderr, line).not.toContain('internal error')
    }
  })
})

describe('a terminal session', () => {
  it('shows the prompt, runs lines, streams output and detaches with Ctrl-P Ctrl-Q', async () => {
    const sim = new Simulator()
    let screen = ''
    const session = sim.openSession({ onOutput: (text) => {
      screen += text
    }, time: 'manual' })
    expect(session.prompt()).toBe('student@laptop:~$ ')
    session.submit('docker run -it --name shell busybox sh')
    for (let i = 0; i < 50 && !screen.includes('/ # '); i++)
      await new Promise(resolve => setTimeout(resolve, 10))
    expect(screen).toContain('/ # ')
    session.submit('echo inside')
    for (let i = 0; i < 50 && !screen.includes('inside\r\n'); i++)
      await new Promise(resolve => setTimeout(resolve, 10))
    expect(screen).toContain('inside')
    session.detachKeys()
    for (let i = 0; i < 50 && session.busy; i++)
      await new Promise(resolve => setTimeout(resolve, 10))
    expect(session.busy).toBe(false)
    expect(sim.host.findContainer('shell')?.status).toBe('running')
    session.close()
  })

  it('ctrl-C ends docker logs -f', async () => {
    const sim = await host('docker run -d --name pinger busybox sh -c "while true; do echo tick; sleep 1; done"')
    let screen = ''
    const session = sim.openSession({ onOutput: (text) => {
      screen += text
    }, time: 'manual' })
    session.submit('docker logs -f pinger')
    await session.advance(3000)
    expect(screen.match(/tick/g)?.length).toBeGreaterThanOrEqual(3)
    session.interrupt()
    for (let i = 0; i < 50 && session.busy; i++)
      await new Promise(resolve => setTimeout(resolve, 10))
    expect(session.busy).toBe(false)
    session.close()
  })
})
