// docker compose on the simulated host: a project of two services, started, listed, logged, entered, removed.
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../lib/docker-sim/simulator'

const COMPOSE = [
  'services:',
  '  cache:',
  '    image: busybox',
  '    command: ["sh", "-c", "echo cache ready; while true; do sleep 1; done"]',
  '  app:',
  '    image: busybox',
  '    command: ["sh", "-c", "echo app up; while true; do sleep 1; done"]',
  '    ports:',
  '      - "8000:8000"',
  '    depends_on:',
  '      - cache',
  '',
].join('\n')

async function project(): Promise<Simulator> {
  const sim = new Simulator()
  sim.machine.fs.mkdir('/home/student/shop', { parents: true })
  sim.machine.fs.writeFile('/home/student/shop/compose.yaml', COMPOSE)
  await sim.run('cd shop')
  return sim
}

describe('docker compose', () => {
  it('up -d makes the network and the containers in dependency order, ps lists them, logs prefix each line', async () => {
    const sim = await project()
    const up = await sim.run('docker compose up -d')
    expect(up.exit).toBe(0)
    expect(up.stderr).toContain(' Network shop_default  Created\n')
    expect(up.stderr.indexOf('Container shop-cache-1  Started')).toBeLessThan(up.stderr.indexOf('Container shop-app-1  Started'))
    const ps = (await sim.run('docker compose ps')).stdout.split('\n')
    expect(ps[0]).toMatch(/^NAME +IMAGE +COMMAND +SERVICE +CREATED +STATUS +PORTS$/)
    expect(ps.slice(1).filter(Boolean).map(line => line.split(/\s+/)[0])).toEqual(['shop-cache-1', 'shop-app-1'])
    expect(ps[2]).toContain('0.0.0.0:8000->8000/tcp')
    const logs = (await sim.run('docker compose logs')).stdout
    expect(logs).toBe('cache-1  | cache ready\napp-1    | app up\n')
  })

  it('services find each other by name on the project network; exec runs in a service', async () => {
    const sim = await project()
    await sim.run('docker compose up -d')
    const net = sim.host.findNetwork('shop_default')!
    expect(sim.host.networkEndpoints(net).map(c => c.name).sort()).toEqual(['shop-app-1', 'shop-cache-1'])
    const exec = await sim.run('docker compose exec -T app echo inside')
    expect(exec).toMatchObject({ stdout: 'inside\n', exit: 0 })
  })

  it('down stops and removes the containers and the network', async () => {
    const sim = await project()
    await sim.run('docker compose up -d')
    const down = await sim.run('docker compose down')
    expect(down.exit).toBe(0)
    expect(down.stderr).toContain(' Container shop-app-1  Removed\n')
    expect(down.stderr).toContain(' Network shop_default  Removed\n')
    expect(sim.host.containers).toHaveLength(0)
    expect(sim.host.findNetwork('shop_default')).toBeNull()
  })

  it('without a compose file, says so as Compose does', async () => {
    const sim = new Simulator()
    expect(await sim.run('docker compose ps')).toMatchObject({ exit: 1, stderr: 'no configuration file provided: not found\n' })
  })
})

// stop/start/restart/rm were refused by the explainer as unknown until the grammar knew every Compose
// subcommand; a subcommand the simulator does not model (top) answers with Compose's own summary.
function states(sim: Simulator): Record<string, string> {
  return Object.fromEntries(sim.host.containers.map(c => [c.name, c.status]))
}

describe('docker compose stop, start, restart, rm', () => {
  it('stop stops dependents first and keeps the containers; start starts them again in dependency order', async () => {
    const sim = await project()
    await sim.run('docker compose up -d')
    const stop = await sim.run('docker compose stop')
    expect(stop.exit).toBe(0)
    expect(stop.stderr).toBe([
      ' Container shop-app-1  Stopping',
      ' Container shop-app-1  Stopped',
      ' Container shop-cache-1  Stopping',
      ' Container shop-cache-1  Stopped',
      '',
    ].join('\n'))
    expect(states(sim)).toEqual({ 'shop-cache-1': 'exited', 'shop-app-1': 'exited' })
    const start = await sim.run('docker compose start')
    expect(start.exit).toBe(0)
    expect(start.stderr.indexOf('Container shop-cache-1  Started')).toBeLessThan(start.stderr.indexOf('Container shop-app-1  Starting'))
    expect(states(sim)).toEqual({ 'shop-cache-1': 'running', 'shop-app-1': 'running' })
    // The same containers ran twice: their output is kept across the stop.
    expect((await sim.run('docker compose logs app')).stdout).toBe('app-1  | app up\napp-1  | app up\n')
  })

  it('stop and restart of one service touch only its container', async () => {
    const sim = await project()
    await sim.run('docker compose up -d')
    expect((await sim.run('docker compose stop app')).stderr).not.toContain('shop-cache-1')
    expect(states(sim)).toEqual({ 'shop-cache-1': 'running', 'shop-app-1': 'exited' })
    const restart = await sim.run('docker compose restart cache')
    expect(restart.exit).toBe(0)
    expect(restart.stderr).toBe(' Container shop-cache-1  Stopping\n Container shop-cache-1  Stopped\n Container shop-cache-1  Restarting\n Container shop-cache-1  Started\n')
    expect(states(sim)).toEqual({ 'shop-cache-1': 'running', 'shop-app-1': 'exited' })
  })

  it('rm -f removes the stopped containers and leaves running ones', async () => {
    const sim = await project()
    await sim.run('docker compose up -d')
    await sim.run('docker compose stop app')
    const rm = await sim.run('docker compose rm -f')
    expect(rm).toMatchObject({ exit: 0, stdout: '' })
    expect(rm.stderr).toBe(' Container shop-app-1  Removing\n Container shop-app-1  Removed\n')
    expect(states(sim)).toEqual({ 'shop-cache-1': 'running' })
    expect(sim.host.findNetwork('shop_default')).not.toBeNull()
  })

  it('a valid subcommand the simulator does not model says so with Compose\'s summary, and changes nothing', async () => {
    const sim = await project()
    await sim.run('docker compose up -d')
    const before = states(sim)
    expect(await sim.run('docker compose top')).toMatchObject({
      exit: 0,
      stdout: 'docker compose top: not simulated here. What Docker does: Display the running processes.\n',
      stderr: '',
    })
    expect(await sim.run('docker compose scale app=2')).toMatchObject({
      exit: 0,
      stdout: 'docker compose scale: not simulated here. What Docker does: Scale services.\n',
    })
    expect(states(sim)).toEqual(before)
  })

  it('what Compose refuses is refused before anything runs: extra arguments, a flag of another command', async () => {
    const sim = await project()
    expect(await sim.run('docker compose ls shop')).toMatchObject({ exit: 1, stderr: expect.stringContaining('\'docker compose ls\' accepts no arguments') })
    expect(await sim.run('docker compose stop --signal KILL')).toMatchObject({ exit: 125, stderr: expect.stringContaining('Unknown flag: --signal') })
    expect(sim.host.containers).toHaveLength(0)
  })
})

describe('the deck\'s Flask + Redis project', () => {
  it('up -d, stop, start, restart web, stop and rm -f in snippets/flask_redis', async () => {
    const sim = new Simulator()
    await sim.run('cd /home/student/snippets/flask_redis')
    expect((await sim.run('docker compose up -d')).exit).toBe(0)
    expect((await sim.run('curl -s localhost:8000')).stdout).toBe('Hello! Visits so far: 1\n')
    const stop = await sim.run('docker compose stop')
    expect(stop.exit).toBe(0)
    expect(stop.stderr).toMatch(/^ Container flask_redis-web-1 {2}Stopping\n Container flask_redis-web-1 {2}Stopped\n Container flask_redis-redis-1 {2}Stopping\n Container flask_redis-redis-1 {2}Stopped\n$/)
    expect(states(sim)).toEqual({ 'flask_redis-redis-1': 'exited', 'flask_redis-web-1': 'exited' })
    expect((await sim.run('curl -s localhost:8000')).exit).not.toBe(0)
    expect((await sim.run('docker compose start')).exit).toBe(0)
    expect(states(sim)).toEqual({ 'flask_redis-redis-1': 'running', 'flask_redis-web-1': 'running' })
    expect((await sim.run('curl -s localhost:8000')).stdout).toMatch(/^Hello! Visits so far: \d+\n$/)
    const restart = await sim.run('docker compose restart web')
    expect(restart.exit).toBe(0)
    expect(restart.stderr).toContain(' Container flask_redis-web-1  Restarting\n')
    expect(restart.stderr).not.toContain('redis-1')
    expect((await sim.run('curl -s localhost:8000')).stdout).toMatch(/^Hello! Visits so far: \d+\n$/)
    await sim.run('docker compose stop')
    const rm = await sim.run('docker compose rm -f')
    expect(rm.exit).toBe(0)
    expect(rm.stderr).toContain(' Container flask_redis-web-1  Removed\n')
    expect(rm.stderr).toContain(' Container flask_redis-redis-1  Removed\n')
    expect(sim.host.containers).toHaveLength(0)
    expect((await sim.run('docker compose ps -a')).stdout).toBe('NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS\n')
  }, 60_000)
})

// `docker compose up SERVICE…` starts the named services and the services they depend on, never the
// services that depend on them; --no-deps starts only the named ones. Compose is not installed on the
// reference daemon, so this follows Compose's documentation (docs.docker.com reference for
// `docker compose up`: "Builds, (re)creates, starts, and attaches to containers for a service. Unless
// they are already running, this command also starts any linked services"; --no-deps: "Don't start
// linked services") rather than a recorded transcript.
describe('docker compose up SERVICE', () => {
  it('up -d redis in snippets/flask_redis starts redis alone: web depends on redis, not the reverse', async () => {
    const sim = new Simulator()
    await sim.run('cd /home/student/snippets/flask_redis')
    const up = await sim.run('docker compose up -d redis')
    expect(up.exit, up.stderr).toBe(0)
    expect(up.stderr).not.toContain('web')
    expect(states(sim)).toEqual({ 'flask_redis-redis-1': 'running' })
  }, 60_000)

  it('up -d web starts redis first, then web', async () => {
    const sim = new Simulator()
    await sim.run('cd /home/student/snippets/flask_redis')
    const up = await sim.run('docker compose up -d web')
    expect(up.exit, up.stderr).toBe(0)
    expect(up.stderr.indexOf('Container flask_redis-redis-1  Started')).toBeLessThan(up.stderr.indexOf('Container flask_redis-web-1  Started'))
    expect(states(sim)).toEqual({ 'flask_redis-redis-1': 'running', 'flask_redis-web-1': 'running' })
  }, 60_000)

  it('--no-deps starts only the named service; an unknown service is refused as Compose refuses it', async () => {
    const sim = await project()
    expect((await sim.run('docker compose up -d --no-deps app')).exit).toBe(0)
    expect(states(sim)).toEqual({ 'shop-app-1': 'running' })
    expect(await sim.run('docker compose up -d nosuch')).toMatchObject({ exit: 1, stderr: 'no such service: nosuch\n' })
  })
})

describe('compose\'s own options before the subcommand', () => {
  it('-f reads another file and -p names the project (containers, network)', async () => {
    const sim = new Simulator()
    sim.machine.fs.mkdir('/home/student/shop', { parents: true })
    sim.machine.fs.writeFile('/home/student/shop/other.yaml', COMPOSE)
    await sim.run('cd shop')
    expect(await sim.run('docker compose up -d')).toMatchObject({ exit: 1, stderr: 'no configuration file provided: not found\n' })
    const up = await sim.run('docker compose -f other.yaml -p store up -d')
    expect(up.exit, up.stderr).toBe(0)
    expect(up.stderr).toContain(' Network store_default  Created\n')
    expect(states(sim)).toEqual({ 'store-cache-1': 'running', 'store-app-1': 'running' })
    expect((await sim.run('docker compose --file other.yaml --project-name store ps -q')).stdout.trim().split('\n')).toHaveLength(2)
    expect((await sim.run('docker compose --file=other.yaml --project-name=store down')).exit).toBe(0)
    expect(sim.host.containers).toHaveLength(0)
  })

  it('a missing -f file is refused; options the simulator does not read say so and change nothing', async () => {
    const sim = await project()
    expect(await sim.run('docker compose -f nosuch.yaml up -d')).toMatchObject({ exit: 1, stderr: 'open /home/student/shop/nosuch.yaml: no such file or directory\n' })
    for (const text of ['docker compose -f compose.yaml -f other.yaml up -d', 'docker compose --profile debug up -d', 'docker compose --env-file x.env up -d']) {
      const result = await sim.run(text)
      expect(result, text).toMatchObject({ exit: 0, stdout: expect.stringContaining('docker compose up: not simulated here') })
    }
    expect(sim.host.containers).toHaveLength(0)
  })
})
