// ps, df, wget and kill inside containers, and `-u` reaching programs: what the real programs print
// (recorded in tests/fixtures/daemon/transcripts/container-tools.json; these tests pin the cases the
// transcript cannot: the simulator's own PIDs, a GNU image's tools, a shell killing a process).
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

describe('ps inside a container', () => {
  it('lists PID 1, what docker exec started and itself, as BusyBox prints them', async () => {
    const sim = await host('docker run -d --name box busybox sleep 300', 'docker exec -d box sleep 200')
    const listed = await sim.run('docker exec -u nobody box ps -o user,args')
    expect(listed.stdout).toBe('USER     COMMAND\nroot     sleep 300\nroot     sleep 200\nnobody   ps -o user,args\n')
    const plain = (await sim.run('docker exec box ps')).stdout.split('\n')
    expect(plain[0]).toBe('PID   USER     TIME  COMMAND')
    expect(plain[1]).toBe('    1 root      0:00 sleep 300')
    const bad = await sim.run('docker exec box ps -o nosuch')
    expect(bad.exit).toBe(1)
    expect(bad.stderr).toContain('ps: bad -o argument \'nosuch\'')
  })

  it('a finished exec leaves the list; a shell\'s ps is listed under it', async () => {
    const sim = await host('docker run -d --name box busybox sleep 300', 'docker exec box true')
    expect((await sim.run('docker exec box sh -c \'ps -o args\'')).stdout).toBe('COMMAND\nsleep 300\nsh -c ps -o args\nps -o args\n')
  })

  it('procps\' columns in a Debian-based image', async () => {
    const sim = await host('docker run -d --name py python:3.12 sleep 300')
    expect((await sim.run('docker exec py ps -o pid,args')).stdout.split('\n').slice(0, 2)).toEqual(['    PID COMMAND', '      1 sleep 300'])
  })
})

describe('df inside a container', () => {
  it('names the mount that holds each path; a missing one is BusyBox\'s error', async () => {
    const sim = await host('docker pull busybox')
    const shown = await sim.run('docker run --rm --tmpfs /scratch -v data:/data busybox df -h / /data /scratch /etc/hosts')
    expect(shown.stdout.split('\n').map(line => line.split(/ +/)[0])).toEqual(['Filesystem', 'overlay', '/dev/vda', 'tmpfs', '/dev/vda', ''])
    expect(shown.stdout.split('\n').map(line => line.split(/ +/).pop())).toEqual(['on', '/', '/data', '/scratch', '/etc/hosts', ''])
    const used = await sim.run('docker run --rm --tmpfs /scratch busybox sh -c \'echo x > /scratch/a && df /scratch\'')
    expect(used.stdout.split('\n')[1]).toMatch(/^tmpfs +\d+ +4 +\d+ +0% \/scratch$/)
    const missing = await sim.run('docker run --rm busybox df -h /nosuch')
    expect(missing.exit).toBe(1)
    expect(missing.stderr).toBe('df: /nosuch: can\'t find mount point\n')
  })
})

describe('wget inside a container', () => {
  it('fetches from another container by name on a user network, and from a published port through the gateway', async () => {
    const sim = await host('docker pull busybox', 'docker network create net', 'docker run -d --name web --network net -p 8095:8000 python:3.12 python3 -m http.server 8000')
    const got = await sim.run('docker run --rm --network net busybox wget -O- http://web:8000/')
    expect(got.stdout).toContain('<!DOCTYPE HTML>')
    expect(got.stderr).toMatch(/^Connecting to web:8000 \(172\.18\.0\.2:8000\)\nwriting to stdout\n- {20}100% \|\*{32}\| +\d+ {2}0:00:00 ETA\nwritten to stdout\n$/)
    expect((await sim.run('docker run --rm busybox wget -qO- http://172.17.0.1:8095/')).stdout).toContain('<!DOCTYPE HTML>')
    const saved = await sim.run('docker run --rm --network net busybox sh -c \'cd /tmp && wget -q http://web:8000/ && ls\'')
    expect(saved.stdout).toBe('index.html\n')
  })

  it('says what failed as BusyBox does: no such name, nothing listening, an HTTP error', async () => {
    const sim = await host('docker pull busybox', 'docker network create net', 'docker run -d --name web --network net python:3.12 python3 -m http.server 8000')
    const cases: [string, string][] = [
      ['docker run --rm busybox wget -q -O- http://web:8000/', 'wget: bad address \'web:8000\'\n'],
      ['docker run --rm --network net busybox wget -q -O- http://web:8001/', 'wget: can\'t connect to remote host (172.18.0.2): Connection refused\n'],
      ['docker run --rm --network net busybox wget -q -O- http://web:8000/nosuch', 'wget: server returned error: HTTP/1.0 404 File not found\n'],
    ]
    for (const [command, stderr] of cases) {
      const result = await sim.run(command)
      expect(result.stderr, command).toBe(stderr)
      expect(result.exit, command).toBe(1)
    }
  })
})

describe('kill in a container\'s shell', () => {
  it('pID 1 ignores even SIGKILL from inside (exit 0); another process is signalled', async () => {
    const sim = await host('docker pull busybox')
    const self = await sim.run('docker run --rm busybox sh -c \'kill -9 $$; echo still here\'')
    expect(self).toMatchObject({ stdout: 'still here\n', exit: 0 })
    await sim.run('docker run -d --name box busybox sleep 300')
    const before = (await sim.run('docker exec box ps -o pid,args')).stdout
    expect(before).toContain('    1 sleep 300')
    const missing = await sim.run('docker exec box sh -c \'kill 99\'')
    expect(missing).toMatchObject({ stderr: 'sh: can\'t kill pid 99: No such process\n', exit: 1 })
  })
})

describe('-u reaches the programs', () => {
  it('id, whoami, HOME from the image\'s passwd, and the prompt', async () => {
    const sim = await host('docker pull busybox', 'docker pull python:3.12')
    expect((await sim.run('docker run --rm -u nobody python:3.12 sh -c \'id; whoami; echo "HOME=$HOME"\'')).stdout).toBe('uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\nnobody\nHOME=/nonexistent\n')
    expect((await sim.run('docker run --rm -u 1000 busybox id')).stdout).toBe('uid=1000 gid=0(root) groups=0(root)\n')
    const bash = await sim.run('docker run -it --rm -u 1000 python:3.12 bash', { tty: true, input: ['pwd', 'exit'], mergeStreams: true })
    expect(bash.stdout).toMatch(/^I have no name!@[0-9a-f]{12}:\/\$ pwd\n/)
    const ash = await sim.run('docker run -it --rm -u nobody busybox sh', { tty: true, input: ['exit'], mergeStreams: true })
    expect(ash.stdout).toBe('/ $ exit\n')
    await sim.run('docker run -d --name box busybox sleep 300')
    expect((await sim.run('docker exec -u nobody box id')).stdout).toBe('uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n')
  })
})

describe('ping inside a container', () => {
  it('reaches a container by name on a user network; a name it cannot resolve is a bad address', async () => {
    const sim = await host('docker pull busybox', 'docker network create net', 'docker run -d --name server --network net busybox sleep 300')
    const reached = await sim.run('docker run --rm --network net busybox ping -c 2 server')
    expect(reached.stdout).toBe('PING server (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.080 ms\n64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.080 ms\n\n--- server ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.080/0.080/0.080 ms\n')
    expect(reached.exit).toBe(0)
    expect(await sim.run('docker run --rm busybox ping -c 1 server')).toMatchObject({ stderr: 'ping: bad address \'server\'\n', exit: 1 })
  })
})

describe('docker cp with - and tar', () => {
  it('docker cp CONTAINER:PATH - writes a tar stream the host\'s tar lists and unpacks; docker cp - unpacks one into a container', async () => {
    const sim = await host('docker run -d --name box busybox sleep 300', 'docker exec box sh -c \'mkdir /tmp/out && echo hi > /tmp/out/a.txt\'')
    expect((await sim.run('docker cp box:/tmp/out - | tar -tf - | sort')).stdout).toBe('out/\nout/a.txt\n')
    expect((await sim.run('docker cp box:/tmp/out - | tar -xf - && cat out/a.txt')).stdout).toBe('hi\n')
    expect((await sim.run('tar -cf - out | docker cp - box:/root')).exit).toBe(0)
    expect((await sim.run('docker exec box cat /root/out/a.txt')).stdout).toBe('hi\n')
    expect((await sim.run('tar -cf - out | docker cp - box:/nowhere')).stderr).toBe('Error response from daemon: Could not find the file /nowhere in container box\n')
    expect(await sim.run('echo nope | tar -tf -')).toMatchObject({ exit: 2, stderr: 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n' })
  })
})

describe('ip inside a container, and the addresses it is given', () => {
  it('lo and one eth per network; a removed container\'s address goes to the next one (lowest free)', async () => {
    const sim = await host('docker pull busybox', 'docker run -d --name first busybox sleep 300')
    expect((await sim.run('docker run --rm --network none busybox ip -o link')).stdout).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n')
    const route = 'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.3 \n'
    expect((await sim.run('docker run --rm busybox ip route')).stdout).toBe(route)
    expect((await sim.run('docker run --rm busybox ip route')).stdout).toBe(route)
    expect((await sim.run('docker exec first ip -o -4 addr')).stdout).toContain('eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\')
  })
})
