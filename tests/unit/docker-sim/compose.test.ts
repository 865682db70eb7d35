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
