// The image catalog's entry: find an image by the name a command gives it.

import type { CatalogImage } from './types'
import { CATALOG } from './images'

export { CATALOG }
export type * from './types'

/** `docker.io/library/python` and `library/python` are `python` on Docker Hub. */
export function canonicalRepository(name: string): string {
  let repository = name.toLowerCase()
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/']) {
    if (repository.startsWith(prefix))
      repository = repository.slice(prefix.length)
  }
  if (repository.startsWith('library/'))
    repository = repository.slice('library/'.length)
  return repository
}

/** Every tag the catalog knows for a repository, canonical tags first. */
export function catalogTags(repository: string): string[] {
  const wanted = canonicalRepository(repository)
  const images = CATALOG.filter(image => image.repository === wanted)
  return [...images.map(image => image.tag), ...images.flatMap(image => image.aliases)]
}

export function isCatalogRepository(repository: string): boolean {
  const wanted = canonicalRepository(repository)
  return CATALOG.some(image => image.repository === wanted)
}

/** The image `repository:tag` names (tag `latest` when none), or null when the catalog does not hold it. */
export function findCatalogImage(repository: string, tag: string | null = 'latest'): CatalogImage | null {
  const wanted = canonicalRepository(repository)
  const wantedTag = tag ?? 'latest'
  return CATALOG.find(image => image.repository === wanted && (image.tag === wantedTag || image.aliases.includes(wantedTag))) ?? null
}

/** true once the upstream software is past its end of life on `today` (ISO date). */
export function isEndOfLife(image: CatalogImage, today: string): boolean {
  return image.endOfLife !== null && image.endOfLife < today
}

/** The command the image runs when `docker run` gives none: ENTRYPOINT followed by CMD. */
export function defaultCommand(image: CatalogImage): string[] {
  return [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])]
}
