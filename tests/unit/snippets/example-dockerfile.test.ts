import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDockerfile } from './dockerfiles'
import { PROJECT_ROOT, PYTHON, runPython, SNIPPETS } from './processes'

const folder = path.join(SNIPPETS, 'example_dockerfile_1')
const dockerfile = parseDockerfile(path.join(folder, 'Dockerfile'))

describe('snippets/example_dockerfile_1', () => {
  it('copies only files that exist in the build context', () => {
    expect(dockerfile.copySources).toEqual(['hello.py'])
    for (const source of dockerfile.copySources)
      expect(existsSync(path.join(folder, source)), `${source} is missing`).toBe(true)
  })

  it('runs the file it copied into the image', () => {
    expect(dockerfile.cmd[0]).toBe('python3')
    expect(dockerfile.copyDestinations).toContain(dockerfile.cmd[1])
  })

  it.skipIf(!existsSync(PYTHON))('hello.py prints what the Dockerfile slide says it prints', () => {
    const slide = readFileSync(path.join(PROJECT_ROOT, 'pages/09-building-images.md'), 'utf8')
    const promised = /`docker run myimage:0\.1`: it prints `([^`]+)`/.exec(slide)
    expect(promised, 'the slide should say what `docker run myimage:0.1` prints').not.toBeNull()
    expect(runPython([path.join(folder, 'hello.py')])).toBe(`${promised![1]}\n`)
  })
})
