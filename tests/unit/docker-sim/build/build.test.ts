import type { BuildRequest } from '../../../../lib/docker-sim/build/build'
import type { ProcessIO } from '../../../../lib/docker-sim/process'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../../../lib/docker-sim/build/build'
import { DockerHost } from '../../../../lib/docker-sim/docker-host'
import { SimFileSystem } from '../../../../lib/docker-sim/fs'

const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n'

function setup() {
  const host = new DockerHost()
  const fs = host.hostFiles
  fs.mkdir('/home/student/app', { parents: true })
  fs.writeFile('/home/student/app/Dockerfile', DOCKERFILE)
  fs.writeFile('/home/student/app/requirements.txt', 'flask==3.1.3\n')
  fs.writeFile('/home/student/app/app.py', 'print("hi")\n')
  let stdout = ''
  let stderr = ''
  const io = {
    cwd: '/home/student/app',
    fs,
    tty: true,
    stdout: (text: string) => {
      stdout += text
    },
    stderr: (text: string) => {
      stderr += text
    },
  } as unknown as ProcessIO
  const build = async (over: Partial<BuildRequest> = {}) => {
    stdout = ''
    stderr = ''
    const code = await runBuild(host, io, { contextPath: '.', dockerfile: null, tags: ['myapp'], noCache: false, target: undefined, buildArgs: {}, progress: 'auto', quiet: false, ...over })
    return { code, stdout, stderr }
  }
  return { host, fs, build }
}

const stepLines = (stderr: string) => stderr.split('\n').filter(line => /\[(?:\S+ )?\d\/\d\]/.test(line)).map(line => line.replace(/\s+\d+\.\ds$/, '').replace(/@sha256:\w+/, '').trim())

describe('docker build on the simulated host', () => {
  it('builds, tags and registers the image; pulls a missing base first', async () => {
    const { host, build } = setup()
    const { code, stderr } = await build()
    expect(code).toBe(0)
    expect(stderr).toContain(' => => resolve docker.io/library/python:3.12-slim@sha256:')
    const image = host.findImage('myapp')!
    expect(image.repoTags).toEqual(['myapp:latest'])
    expect(image.config).toMatchObject({ cmd: ['python', 'app.py'], workingDir: '/app' })
    expect(image.parentId).toBe(host.findImage('python:3.12-slim')!.id)
    expect(image.history.at(-1)).toEqual({ createdBy: 'CMD ["python" "app.py"]', size: 0 })
    expect(host.imageLayers(image).length).toBeGreaterThan(1)
  })

  it('after editing app.py only the last COPY runs again; an identical rebuild gives the same image', async () => {
    const { host, fs, build } = setup()
    await build()
    fs.writeFile('/home/student/app/app.py', 'print("hello")\n')
    const second = await build()
    expect(stepLines(second.stderr)).toEqual([
      '=> [1/5] FROM docker.io/library/python:3.12-slim',
      '=> CACHED [2/5] WORKDIR /app',
      '=> CACHED [3/5] COPY requirements.txt .',
      '=> CACHED [4/5] RUN pip install --no-cache-dir -r requirements.txt',
      '=> [5/5] COPY . .',
    ])
    expect(second.stderr).not.toContain('resolve docker.io')
    const id = host.findImage('myapp')!.id
    await build()
    expect(host.findImage('myapp')!.id).toBe(id)
    // The first image lost its tag: it is dangling now.
    expect(host.images.filter(image => image.repoTags.length === 0)).toHaveLength(1)
  })

  it('--no-cache runs every step; -q prints only the image ID', async () => {
    const { build } = setup()
    await build()
    expect(stepLines((await build({ noCache: true })).stderr).filter(line => line.includes('CACHED'))).toEqual([])
    const quiet = await build({ quiet: true })
    expect(quiet.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/)
    expect(quiet.stderr).toBe('')
  })

  it('-f picks another Dockerfile and --target a stage', async () => {
    const { host, fs, build } = setup()
    fs.writeFile('/home/student/app/Dockerfile.multi', 'FROM python:3.12 AS build\nRUN echo build\nFROM python:3.12-slim AS final\nCOPY app.py /app/\n')
    const result = await build({ dockerfile: 'Dockerfile.multi', target: 'build', tags: ['builder:1'] })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('load build definition from Dockerfile.multi')
    expect(stepLines(result.stderr)).toEqual(['=> [build 1/2] FROM docker.io/library/python:3.12', '=> [build 2/2] RUN echo build'])
    expect(host.findImage('builder:1')).not.toBeNull()
  })

  it('says what went wrong: no context, no Dockerfile, a missing file, an unknown base', async () => {
    const { fs, build } = setup()
    expect(await build({ contextPath: 'nope' })).toMatchObject({ code: 1, stderr: 'ERROR: failed to build: unable to prepare context: path "nope" not found\n' })
    expect((await build({ dockerfile: 'Dockerfile.none' })).stderr).toBe('ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile.none: no such file or directory\n')
    fs.remove('/home/student/app/requirements.txt')
    const missing = await build()
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(' => ERROR [3/5] COPY requirements.txt .')
    expect(missing.stderr).toMatch(/ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref \w+::\w+: "\/requirements.txt": not found\n$/)
    fs.writeFile('/home/student/app/Dockerfile', 'FROM python:3.99\n')
    expect((await build()).stderr).toContain('ERROR: failed to build: failed to solve: python:3.99: failed to resolve source metadata for docker.io/library/python:3.99: docker.io/library/python:3.99: not found')
  })

  it('uses plain progress when the output is not a terminal', async () => {
    const { build } = setup()
    const result = await build({ progress: 'plain' })
    expect(result.stderr).toMatch(/^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n/)
    expect(result.stderr).toContain('#6 [2/5] WORKDIR /app\n#6 DONE')
  })

  it('the image holds the copied files and the programs its installs bring, so a container finds them', async () => {
    const { host, fs, build } = setup()
    fs.writeFile('/home/student/app/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir flask && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app.py .\nCMD ["flask", "run"]\n')
    expect((await build()).code).toBe(0)
    const files = new SimFileSystem({ layers: host.imageLayers(host.findImage('myapp')!), now: () => 0 })
    expect(files.readFile('/app/app.py')).toBe('print("hi")\n')
    expect(files.stat('/usr/local/bin/flask')).toMatchObject({ kind: 'file', mode: 0o755 })
    expect(files.stat('/usr/bin/curl')).toMatchObject({ kind: 'file', mode: 0o755 })
    expect(files.stat('/usr/local/lib/python3.12/site-packages/flask')?.kind).toBe('dir')
    expect(files.readdir('/var/lib/apt/lists')).toEqual([])
  })

  it('a file deleted by a later RUN is gone for the container (a whiteout), though its bytes still ship', async () => {
    const { host, fs, build } = setup()
    fs.writeFile('/home/student/app/Dockerfile', 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists\n')
    expect((await build()).code).toBe(0)
    const image = host.findImage('myapp')!
    const files = new SimFileSystem({ layers: host.imageLayers(image), now: () => 0 })
    expect(files.stat('/var/lib/apt/lists')).toBeNull()
    expect(files.stat('/usr/bin/curl')?.kind).toBe('file')
    expect(image.diskBytes - host.findImage('python:3.12-slim')!.diskBytes).toBe((20 + 8) * 1024 * 1024)
  })

  it('`rm -rf dir/*` in a later RUN leaves the directory, empty', async () => {
    const { host, fs, build } = setup()
    fs.writeFile('/home/student/app/Dockerfile', 'FROM python:3.12-slim\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n')
    expect((await build()).code).toBe(0)
    const files = new SimFileSystem({ layers: host.imageLayers(host.findImage('myapp')!), now: () => 0 })
    expect(files.stat('/var/lib/apt/lists')?.kind).toBe('dir')
    expect(files.readdir('/var/lib/apt/lists')).toEqual([])
  })
})
