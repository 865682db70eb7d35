import { describe, expect, it } from 'vitest'
import { CATALOG, catalogTags, defaultCommand, findCatalogImage, isEndOfLife } from '../../../lib/docker/catalog'

describe('the image catalog', () => {
  it('finds images by any tag, with docker.io/library/ prefixes and latest by default', () => {
    expect(findCatalogImage('python', '3.12')?.version).toBe('3.12.13')
    expect(findCatalogImage('docker.io/library/python', '3.12.13')?.tag).toBe('3.12')
    expect(findCatalogImage('postgres')?.tag).toBe('18')
    expect(findCatalogImage('python', '3.99')).toBeNull()
    expect(findCatalogImage('nosuchimage')).toBeNull()
  })

  it('gives the command an image runs by default (ENTRYPOINT then CMD)', () => {
    expect(defaultCommand(findCatalogImage('python', '3.12')!)).toEqual(['python3'])
    expect(defaultCommand(findCatalogImage('postgres', '18')!)).toEqual(['docker-entrypoint.sh', 'postgres'])
    expect(defaultCommand(findCatalogImage('nginx')!)).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'])
  })

  it('knows which tags are end of life', () => {
    expect(isEndOfLife(findCatalogImage('python', '3.5')!, '2026-12-01')).toBe(true)
    expect(isEndOfLife(findCatalogImage('python', '3.12')!, '2026-12-01')).toBe(false)
  })

  it('python images have no ping; alpine and busybox do; slim has no curl', () => {
    expect(findCatalogImage('python', '3.12')!.programs).not.toContain('ping')
    expect(findCatalogImage('python', '3.12-slim')!.programs).not.toContain('curl')
    expect(findCatalogImage('python', '3.12')!.programs).toContain('bash')
    expect(findCatalogImage('alpine')!.programs).toContain('ping')
    expect(findCatalogImage('alpine')!.programs).not.toContain('bash')
  })

  it('has no tag twice in a repository, and layer sizes add up to the disk size', () => {
    const repositories = new Set(CATALOG.map(image => image.repository))
    for (const repository of repositories) {
      const tags = catalogTags(repository)
      expect(new Set(tags).size, repository).toBe(tags.length)
    }
    for (const image of CATALOG) {
      const total = image.history.reduce((sum, step) => sum + step.size, 0)
      expect(Math.abs(total - image.diskBytes), `${image.repository}:${image.tag}`).toBeLessThan(1000)
      expect(Number.isInteger(image.diskBytes) && Number.isInteger(image.contentBytes)).toBe(true)
    }
  })
})
