// What a FROM line starts from, read from the image catalog (lib/docker/catalog): its ENV, WORKDIR, USER, CMD…

import type { CatalogImage } from '../docker/catalog'
import type { BaseImageConfig } from './model'
import { findCatalogImage } from '../docker/catalog'

/** `docker.io/library/python:3.12` → the catalog's python 3.12, or null (a digest, another registry, an unknown tag). */
export function catalogImageFor(normalized: string): CatalogImage | null {
  if (normalized.includes('@') || !normalized.startsWith('docker.io/'))
    return null
  const colon = normalized.lastIndexOf(':')
  return findCatalogImage(normalized.slice(0, colon), normalized.slice(colon + 1))
}

export function catalogBaseImage(normalized: string): BaseImageConfig | null {
  return catalogImageFor(normalized)?.config ?? null
}
