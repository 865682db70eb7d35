import { describe, expect, it } from 'vitest'
import { freezeLayer, SimFileSystem, treeFromSpec } from '../../../../lib/docker-sim/fs'
import { pathLookup, programFor, toolFamilyOf } from '../../../../lib/docker-sim/programs'
import { simulatedClients } from '../../../../lib/docker-sim/programs/services'
import { run } from './harness'

const POSTGRES_ENV = { PATH: '/usr/lib/postgresql/18/bin:/usr/bin', PG_MAJOR: '18', PG_VERSION: '18.1-1.pgdg13+2', POSTGRES_PASSWORD: 'mysecretpassword' }

describe('the deck\'s clients, as far as its slides go, each labelled', () => {
  it('psql -U postgres: banner, the postgres=# prompt, SELECT version(), \\q', async () => {
    const result = await run(['psql', '-U', 'postgres'], { program: simulatedClients.psql, env: POSTGRES_ENV, tty: true, input: ['SELECT version();', '\\q'] })
    expect(result.exit).toBe(0)
    expect(result.prompts).toEqual(['postgres=# ', 'postgres=# '])
    expect(result.stdout.startsWith('psql (18.1 (Debian 18.1-1.pgdg13+2))\nType "help" for help.\n\n')).toBe(true)
    expect(result.stdout).toContain(' PostgreSQL 18.1 (Debian 18.1-1.pgdg13+2) on x86_64-pc-linux-gnu [simulated: the compiler part is not modelled]\n(1 row)\n')
  })

  it('psql without -U tries the user root, as the deck\'s note says', async () => {
    const result = await run(['psql'], { program: simulatedClients.psql, env: { ...POSTGRES_ENV, USER: 'root' } })
    expect(result).toMatchObject({ exit: 2, stderr: 'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n' })
  })

  it('other SQL and ollama run say they are not simulated; redis-cli with no server says what redis-cli 7.0 says', async () => {
    const sql = await run(['psql', '-U', 'postgres'], { program: simulatedClients.psql, env: POSTGRES_ENV, input: ['SELECT 1;'] })
    expect(sql.stderr).toMatch(/^\[simulator\] psql: only SELECT version\(\); and \\q are simulated/)
    const model = await run(['ollama', 'run', 'llama3.2'], { program: simulatedClients.ollama })
    expect(model).toMatchObject({ exit: 1, stderr: expect.stringMatching(/^\[simulator\] ollama run llama3\.2: /) })
    expect(await run(['redis-cli', 'get', 'hits'], { program: simulatedClients['redis-cli'] })).toMatchObject({ exit: 1, stdout: '', stderr: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n' })
  })
})

describe('which program runs for a name', () => {
  const image = (spec: Record<string, string | null | { content: string, mode: number }>) => new SimFileSystem({ layers: [freezeLayer(treeFromSpec(spec))] })
  const exe = { content: '', mode: 0o755 }

  it('busyBox images get ash for sh; Debian images dash', () => {
    expect(toolFamilyOf(image({ '/bin/busybox': exe }))).toBe('busybox')
    expect(toolFamilyOf(image({ '/usr/bin/ls': exe }))).toBe('gnu')
    expect(programFor('/bin/sh', image({}))).not.toBeNull()
    expect(programFor('frobnicate', image({}))).toBeNull()
  })

  it('a program in the image that the simulator lacks says so, with 127', async () => {
    const fs = image({ '/usr/bin/apt-get': exe, '/usr/bin/bash': exe })
    const found = pathLookup('apt-get', new Map([['PATH', '/usr/bin']]), '/', fs)
    expect(found.found).toBe(true)
    const result = await run(['bash', '-c', 'apt-get update'], { fs, env: { PATH: '/usr/bin' } })
    expect(result).toMatchObject({ exit: 127, stderr: '[simulator] apt-get is in this image, but the simulator does not model it\n' })
  })

  it('a folder or a file without x is refused; a missing path is "No such file" in bash', async () => {
    const fs = image({ '/usr/bin/bash': exe, '/app/': null, '/app/run.sh': 'echo hi\n' })
    expect(await run(['bash', '-c', '/app'], { fs, env: { PATH: '/usr/bin' } })).toMatchObject({ exit: 126, stderr: 'bash: line 1: /app: Is a directory\n' })
    expect(await run(['bash', '-c', '/app/run.sh'], { fs, env: { PATH: '/usr/bin' } })).toMatchObject({ exit: 126, stderr: 'bash: line 1: /app/run.sh: Permission denied\n' })
    expect(await run(['bash', '-c', '/app/nope'], { fs, env: { PATH: '/usr/bin' } })).toMatchObject({ exit: 127, stderr: 'bash: line 1: /app/nope: No such file or directory\n' })
  })
})

describe('id, whoami and curl -w, as the daemon transcripts show them', () => {
  it('id and whoami for root, -u nobody and a bare uid', async () => {
    const fs = new SimFileSystem()
    const id = programFor('id', fs)!
    expect((await run(['id'], { program: id })).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n')
    const nobody = await run(['id'], { program: id, user: 'nobody' })
    expect(nobody.stdout).toBe('uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n')
    expect((await run(['id'], { program: id, user: '1000' })).stdout).toBe('uid=1000 gid=0(root) groups=0(root)\n')
    expect(await run(['whoami'], { program: programFor('whoami', fs)!, user: '1000' })).toMatchObject({ exit: 1, stderr: 'whoami: cannot find name for user ID 1000\n' })
  })
})
