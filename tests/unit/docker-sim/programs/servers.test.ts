// The three servers the deck's demos start: postgres:18 (its entrypoint), redis-server and ollama serve,
// run through the whole simulated host as the student types them.
import { describe, expect, it } from 'vitest'
import { MISSING_PASSWORD_ERROR } from '../../../../lib/docker-sim/programs/postgres'
import { Simulator } from '../../../../lib/docker-sim/simulator'

const POSTGRES_RUN = 'docker run -d --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -p 127.0.0.1:5432:5432 -v pgdata:/var/lib/postgresql postgres:18'

async function timedStop(sim: Simulator, name: string): Promise<{ exit: number, seconds: number }> {
  const before = sim.host.clock.now()
  const result = await sim.run(`docker stop ${name}`)
  return { exit: result.exit, seconds: (sim.host.clock.now() - before) / 1000 }
}

describe('postgres:18', () => {
  it('initialises the cluster once, listens on 5432 and logs that it is ready', async () => {
    const sim = new Simulator()
    expect((await sim.run(POSTGRES_RUN)).exit).toBe(0)
    const container = sim.host.findContainer('some-postgres')!
    expect(container.status).toBe('running')
    expect(sim.host.containerPorts.get(container.id)?.has(5432)).toBe(true)
    const logs = await sim.run('docker logs some-postgres')
    expect(logs.stdout).toContain('Data page checksums are enabled.\n')
    expect(logs.stdout).toContain('PostgreSQL init process complete; ready for start up.')
    expect(logs.stderr.trimEnd().split('\n').at(-1)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[1\] LOG: {2}database system is ready to accept connections$/)
    expect(sim.host.volumeFiles.get('pgdata')?.readFile('/18/docker/PG_VERSION')).toBe('18\n')
  })

  it('takes docker stop (SIGINT, its STOPSIGNAL) as a fast shutdown: exit 0 at once', async () => {
    const sim = new Simulator()
    await sim.run(POSTGRES_RUN)
    const stop = await timedStop(sim, 'some-postgres')
    expect(stop.exit).toBe(0)
    expect(stop.seconds).toBeLessThan(1)
    const container = sim.host.findContainer('some-postgres')!
    expect(container.status).toBe('exited')
    expect(container.exitCode).toBe(0)
    const logs = await sim.run('docker logs some-postgres')
    expect(logs.stderr).toMatch(/LOG: {2}received fast shutdown request\n.*LOG: {2}aborting any active transactions\n.*LOG: {2}database system is shut down\n$/)
  })

  it('skips initialisation when the volume already holds a cluster', async () => {
    const sim = new Simulator()
    await sim.run(POSTGRES_RUN)
    await sim.run('docker rm -f some-postgres')
    await sim.run(POSTGRES_RUN)
    const logs = await sim.run('docker logs some-postgres')
    expect(logs.stdout).toBe('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n')
    expect(sim.host.findContainer('some-postgres')!.status).toBe('running')
  })

  it('refuses to start without POSTGRES_PASSWORD, with the entrypoint\'s text, exit 1', async () => {
    const sim = new Simulator()
    const run = await sim.run('docker run --name nopw postgres:18')
    expect(run.exit).toBe(1)
    expect(run.stderr.endsWith(MISSING_PASSWORD_ERROR)).toBe(true)
    expect(MISSING_PASSWORD_ERROR.split('\n')[0]).toBe('Error: Database is uninitialized and superuser password is not specified.')
    expect(sim.host.findContainer('nopw')!.exitCode).toBe(1)
  })

  it('execs another command as it is, and says postgres --version is not modelled', async () => {
    const sim = new Simulator()
    const echo = await sim.run('docker run --rm postgres:18 echo hi')
    expect([echo.exit, echo.stdout]).toEqual([0, 'hi\n'])
    const version = await sim.run('docker run --rm postgres:18 postgres --version')
    expect(version.exit).toBe(1)
    expect(version.stderr).toMatch(/\[simulator\] postgres --version: .*not modelled/)
  })

  it('starts with POSTGRES_HOST_AUTH_METHOD=trust and no password', async () => {
    const sim = new Simulator()
    await sim.run('docker run -d --name trusting -e POSTGRES_HOST_AUTH_METHOD=trust postgres:18')
    expect(sim.host.findContainer('trusting')!.status).toBe('running')
  })

  it('answers docker exec -it … psql -U postgres with the psql client', async () => {
    const sim = new Simulator()
    await sim.run(POSTGRES_RUN)
    const psql = await sim.run('docker exec -it some-postgres psql -U postgres', { input: ['\\q'], tty: true })
    expect(psql.exit).toBe(0)
    expect(psql.stdout).toContain('psql (18.3 (Debian 18.3-1.pgdg13+1))')
  })
})

describe('redis-server', () => {
  it('logs Ready to accept connections tcp, listens on 6379 and exits 0 on docker stop at once', async () => {
    const sim = new Simulator()
    expect((await sim.run('docker run -d --name cache redis:7-alpine')).exit).toBe(0)
    const container = sim.host.findContainer('cache')!
    expect(container.status).toBe('running')
    expect(sim.host.containerPorts.get(container.id)?.has(6379)).toBe(true)
    const logs = await sim.run('docker logs cache')
    expect(logs.stdout).toMatch(/^1:M \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3} \* Ready to accept connections tcp\n$/)
    const stop = await timedStop(sim, 'cache')
    expect(stop).toEqual({ exit: 0, seconds: 0 })
    expect(sim.host.findContainer('cache')!.exitCode).toBe(0)
  })

  it('runs as the redis service of the deck\'s compose example', async () => {
    const sim = new Simulator()
    await sim.run('cd snippets/flask_redis')
    await sim.run('docker compose up -d')
    const logs = await sim.run('docker compose logs redis')
    expect(logs.stdout).toMatch(/^redis-1 {2}\| 1:M .* Ready to accept connections tcp\n$/)
  })
})

describe('ollama/ollama', () => {
  it('runs /bin/ollama serve, answers on the published port and exits 0 on docker stop', async () => {
    const sim = new Simulator()
    const run = await sim.run('docker run -d --rm -v ./ollama:/root/.ollama -p 127.0.0.1:11434:11434 --name ollama ollama/ollama')
    expect(run.exit).toBe(0)
    expect(sim.host.findContainer('ollama')!.status).toBe('running')
    const curl = await sim.run('curl -s localhost:11434')
    expect(curl.stdout).toBe('Ollama is running')
    const logs = await sim.run('docker logs ollama')
    expect(logs.stderr).toMatch(/^\[simulator\] ollama serve: listening on 0\.0\.0\.0:11434/)
    const stop = await timedStop(sim, 'ollama')
    expect(stop).toEqual({ exit: 0, seconds: 0 })
    expect(sim.host.findContainer('ollama')).toBeNull()
  })

  it('says ollama run would download the model and that there is none here', async () => {
    const sim = new Simulator()
    await sim.run('docker run -d --name ollama ollama/ollama')
    const chat = await sim.run('docker exec -it ollama ollama run llama3.2', { tty: true })
    expect(chat.exit).toBe(1)
    // -t merges stderr into the terminal, so it arrives on stdout as Docker shows it.
    expect(chat.stdout).toMatch(/^\[simulator\] ollama run llama3\.2: .*about 2\.0 GB.*no network and no model/)
    const missing = await sim.run('docker exec ollama ollama run')
    expect(missing.exit).toBe(1)
  })
})
