// The container lifecycle through the docker client: what a student types, what comes back.
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

const PINGER = 'docker run -d --name pinger python:3.12 bash -c "while true; do date; sleep 1; done"'

describe('run -d, ps, logs, stop, rm', () => {
  it('prints the 64-hex ID, lists the container with a 12-hex ID and its name', async () => {
    const sim = await host()
    const run = await sim.run(PINGER)
    expect(run.exit).toBe(0)
    expect(run.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(run.stderr).toContain('Unable to find image \'python:3.12\' locally')
    const ps = await sim.run('docker ps')
    const [header, row] = ps.stdout.split('\n')
    expect(header).toMatch(/^CONTAINER ID {3}IMAGE {9}COMMAND {18}CREATED {18}STATUS {18}PORTS {5}NAMES$/)
    expect(row!.slice(0, 12)).toBe(run.stdout.slice(0, 12))
    expect(row).toContain('"bash -c \'while true…"')
    expect(row).toMatch(/pinger$/)
  })

  it('logs grow with simulated time; --tail and --since cut them', async () => {
    const sim = await host(PINGER)
    await sim.host.clock.advance(4500)
    const logs = await sim.run('docker logs pinger')
    expect(logs.stdout.trim().split('\n')).toHaveLength(5)
    expect((await sim.run('docker logs --tail 2 pinger')).stdout.trim().split('\n')).toHaveLength(2)
    expect((await sim.run('docker logs --since 2s pinger')).stdout.trim().split('\n')).toHaveLength(2)
    expect((await sim.run('docker logs -t --tail 1 pinger')).stdout).toMatch(/^2026-12-01T09:00:04\.\d{9}Z \w{3} Dec {2}1 09:00:04 UTC 2026\n$/)
  })

  it('stop waits 10 s for bash as PID 1 (it ignores SIGTERM), then SIGKILL: Exited (137)', async () => {
    const sim = await host(PINGER)
    const before = sim.host.clock.now()
    const stop = await sim.run('docker stop pinger')
    expect(stop).toMatchObject({ stdout: 'pinger\n', exit: 0 })
    expect(sim.host.clock.now() - before).toBe(10_000)
    expect((await sim.run('docker ps -a --format "{{.Status}}"')).stdout).toBe('Exited (137) Less than a second ago\n')
  })

  it('stop -t 2 waits 2 s; kill is immediate', async () => {
    const sim = await host(PINGER)
    const before = sim.host.clock.now()
    await sim.run('docker stop -t 2 pinger')
    expect(sim.host.clock.now() - before).toBe(2000)
    await sim.run('docker start pinger')
    const start = sim.host.clock.now()
    expect((await sim.run('docker kill pinger')).stdout).toBe('pinger\n')
    expect(sim.host.clock.now() - start).toBe(0)
    expect((await sim.run('docker inspect -f "{{.State.ExitCode}}" pinger')).stdout).toBe('137\n')
  })

  it('refuses to remove a running container, removes it with -f, and then knows no such container', async () => {
    const sim = await host(PINGER)
    const rm = await sim.run('docker rm pinger')
    expect(rm.exit).toBe(1)
    expect(rm.stderr).toBe('Error response from daemon: cannot remove container "/pinger": container is running: stop the container before removing or force remove\n')
    expect((await sim.run('docker rm -f pinger')).stdout).toBe('pinger\n')
    const again = await sim.run('docker rm pinger')
    expect(again).toMatchObject({ exit: 1, stderr: 'Error response from daemon: No such container: pinger\n' })
    expect((await sim.run('docker rm -f pinger')).exit).toBe(0)
  })

  it('a second container with the same name is a conflict (exit 125)', async () => {
    const sim = await host(PINGER)
    const id = sim.host.containers[0]!.id
    const second = await sim.run(PINGER)
    expect(second.exit).toBe(125)
    expect(second.stderr).toBe(`docker: Error response from daemon: Conflict. The container name "/pinger" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`)
  })

  it('--rm removes the container when its program ends; the exit code is the program\'s', async () => {
    const sim = await host()
    const run = await sim.run('docker run --rm python:3.12 bash -c "echo hi; exit 3"')
    expect(run).toMatchObject({ stdout: 'hi\n', exit: 3 })
    expect(sim.host.containers).toHaveLength(0)
  })

  it('gives unnamed containers Docker-style adjective_surname names', async () => {
    const sim = await host('docker run -d python:3.12 sleep 100', 'docker run -d python:3.12 sleep 100')
    const names = (await sim.run('docker ps --format "{{.Names}}"')).stdout.trim().split('\n')
    expect(names).toHaveLength(2)
    for (const name of names)
      expect(name).toMatch(/^[a-z]+_[a-z]+$/)
  })

  it('pause holds the program; unpause lets it go on', async () => {
    const sim = await host(PINGER)
    await sim.host.clock.advance(1500)
    expect((await sim.run('docker pause pinger')).stdout).toBe('pinger\n')
    const count = sim.host.containers[0]!.logs.length
    await sim.host.clock.advance(5000)
    expect(sim.host.containers[0]!.logs.length).toBe(count)
    expect((await sim.run('docker ps --format "{{.Status}}"')).stdout).toMatch(/\(Paused\)\n$/)
    expect((await sim.run('docker pause pinger')).stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is already paused\n$/)
    await sim.run('docker unpause pinger')
    await sim.host.clock.advance(2000)
    expect(sim.host.containers[0]!.logs.length).toBeGreaterThan(count)
  })

  it('a restart policy brings an exited program back; docker stop keeps it down', async () => {
    const sim = await host('docker run -d --restart always --name flaky python:3.12 bash -c "sleep 1; exit 1"')
    await sim.host.clock.advance(1050)
    expect(sim.host.containers[0]!.status).toBe('restarting')
    expect((await sim.run('docker ps --format "{{.Status}}"')).stdout).toMatch(/^Restarting \(1\) /)
    await sim.host.clock.advance(200)
    expect(sim.host.containers[0]!.status).toBe('running')
    expect(sim.host.containers[0]!.restartCount).toBe(1)
    await sim.run('docker stop flaky')
    await sim.host.clock.advance(5000)
    expect(sim.host.containers[0]!.status).toBe('exited')
  })
})

describe('ports', () => {
  it('publishes on 0.0.0.0 and [::]; a second binding of the port fails as Docker fails', async () => {
    const sim = await host('docker run -d -p 8080:80 --name one python:3.12 sleep 1000')
    expect((await sim.run('docker port one')).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n')
    expect((await sim.run('docker ps --format "{{.Ports}}"')).stdout).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n')
    const second = await sim.run('docker run -d -p 8080:80 --name two python:3.12 sleep 1000')
    expect(second.exit).toBe(125)
    expect(second.stderr).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint two \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n/)
    expect((await sim.run('docker ps -a --filter name=two --format "{{.Status}}"')).stdout).toBe('Created\n')
  })
})

describe('images', () => {
  it('pulls once; the second pull says up to date; rmi refuses while a container uses it', async () => {
    const sim = await host()
    const first = await sim.run('docker pull python:3.12')
    expect(first.stdout).toMatch(/^3\.12: Pulling from library\/python\n(?:[0-9a-f]{12}: Pull complete\n)+Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for python:3\.12\ndocker\.io\/library\/python:3\.12\n$/)
    const second = await sim.run('docker pull python:3.12')
    expect(second.stdout).toContain('Status: Image is up to date for python:3.12')
    await sim.run('docker run --name cc python:3.12 true')
    const rmi = await sim.run('docker rmi python:3.12')
    expect(rmi.exit).toBe(1)
    expect(rmi.stderr).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "python:3\.12" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/)
    await sim.run('docker rm cc')
    expect((await sim.run('docker rmi python:3.12')).stdout).toMatch(/^Untagged: python:3\.12\n/)
    expect(sim.host.images).toHaveLength(0)
  })

  it('shows Docker 29\'s images view by default and the classic table with --format', async () => {
    const sim = await host('docker pull python:3.12', 'docker tag python:3.12 mypy:1')
    const view = (await sim.run('docker images')).stdout.split('\n')
    expect(view[0]).toBe('IMAGE         ID             DISK USAGE   CONTENT SIZE   EXTRA')
    expect(view[1]).toMatch(/^mypy:1 {8}[0-9a-f]{12} {4,}\S+ {4,}\S+ {8}$/)
    expect(view[2]).toMatch(/^python:3\.12 {3}/)
    const classic = (await sim.run('docker images --format table')).stdout.split('\n')
    expect(classic[0]).toBe('REPOSITORY   TAG       IMAGE ID       CREATED        SIZE')
  })

  it('an unknown tag of a known image is manifest unknown', async () => {
    const sim = await host()
    const pull = await sim.run('docker pull python:3.99')
    expect(pull).toMatchObject({ exit: 1, stderr: 'Error response from daemon: manifest for python:3.99 not found: manifest unknown: manifest unknown\n' })
  })
})

describe('volumes and networks', () => {
  it('a named volume keeps files across containers; a container\'s own files stay its own', async () => {
    const sim = await host()
    await sim.run('docker run --rm -v data:/data python:3.12 bash -c "echo kept > /data/f; echo mine > /tmp/f"')
    const read = await sim.run('docker run --rm -v data:/data python:3.12 bash -c "cat /data/f; cat /tmp/f"')
    expect(read.stdout).toBe('kept\n')
    expect(read.stderr).toContain('/tmp/f')
    expect((await sim.run('docker volume ls')).stdout).toBe('DRIVER    VOLUME NAME\nlocal     data\n')
  })

  it('refuses to remove a volume in use and a network that exists twice', async () => {
    const sim = await host('docker run -d -v data:/data --name cc python:3.12 sleep 100', 'docker network create net')
    expect((await sim.run('docker volume rm data')).stderr).toMatch(/^Error response from daemon: remove data: volume is in use - \[[0-9a-f]{64}\]\n$/)
    expect((await sim.run('docker network create net')).stderr).toBe('Error response from daemon: network with name net already exists\n')
  })

  it('containers on a user network find each other by name; on the default bridge they do not', async () => {
    const sim = await host('docker network create net', 'docker run -d --network net --name server python:3.12 python -m http.server 8000')
    // Python starts for real (Pyodide) while `run -d` has already returned, as a real server takes its time.
    const server = sim.host.containers[0]!
    for (let i = 0; i < 200 && !sim.host.containerPorts.get(server.id)?.has(8000); i++)
      await new Promise(resolve => setTimeout(resolve, 50))
    const byName = await sim.run('docker run --rm --network net python:3.12 curl -s http://server:8000/')
    expect(byName.exit).toBe(0)
    expect(byName.stdout).toContain('Directory listing for /')
    const bridge = await sim.run('docker run --rm python:3.12 curl -s http://server:8000/')
    expect(bridge.exit).toBe(6)
  }, 30_000)
})

describe('snapshot', () => {
  it('restores images, containers, volumes and files', async () => {
    const sim = await host('docker run --name keep -v v:/v python:3.12 bash -c "echo x > /v/a; echo y > /root/b"')
    const copy = Simulator.restore(JSON.parse(JSON.stringify(sim.snapshot())))
    expect((await copy.run('docker ps -a --format "{{.Names}} {{.Status}}"')).stdout).toMatch(/^keep Exited \(0\)/)
    expect((await copy.run('docker diff keep')).stdout).toContain('A /root/b')
    expect((await copy.run('docker run --rm -v v:/v python:3.12 cat /v/a')).stdout).toBe('x\n')
  })
})
