// `docker cp` between two trees (a container's and the host's, either way), with the rules of the
// docker cp reference: a file onto a folder lands inside it; a folder onto a missing path becomes it;
// `SRC/.` copies a folder's content; a trailing `/` on DEST demands a folder.

import type { SimFileSystem } from './filesystem'
import { FsError } from './errors'
import { resolvePath } from './filesystem'

/** Why a copy was refused; the caller words it as the docker client or daemon does. */
export type CopyRefusal
  = | 'source-missing'
    | 'source-not-a-directory'
    | 'destination-parent-missing'
    | 'destination-must-be-a-directory'
    | 'directory-onto-file'

export class CopyError extends Error {
  constructor(readonly reason: CopyRefusal, readonly path: string) {
    super(`${reason}: ${path}`)
    this.name = 'CopyError'
  }
}

export interface CopyResult {
  /** Where the copy landed in the destination tree. */
  written: string
  /** Bytes of regular files copied (the CLI's "Successfully copied 2.05kB to …" counts the tar stream). */
  bytes: number
}

/** Copies `srcPath` of `from` to `destPath` of `to` (absolute paths; trailing `/` and `/.` as typed). */
export function copyBetween(from: SimFileSystem, srcPath: string, to: SimFileSystem, destPath: string): CopyResult {
  const contentOnly = /\/\.$/.test(srcPath)
  const srcSlash = srcPath.endsWith('/') || contentOnly
  const source = from.stat(srcPath)
  if (!source)
    throw new CopyError('source-missing', srcPath)
  if (srcSlash && source.kind !== 'dir')
    throw new CopyError('source-not-a-directory', srcPath)
  const tree = from.exportTree(srcPath)
  const destSlash = destPath.endsWith('/')
  const dest = to.stat(destPath)
  const destClean = resolvePath('/', destPath)
  let written: string
  if (source.kind !== 'dir') {
    if (!dest) {
      if (destSlash)
        throw new CopyError('destination-must-be-a-directory', destPath)
      const parent = to.stat(resolvePath(destClean, '..'))
      if (!parent || parent.kind !== 'dir')
        throw new CopyError('destination-parent-missing', destPath)
      written = destClean
    }
    else if (dest.kind === 'dir') {
      written = resolvePath(destClean, baseName(srcPath))
    }
    else {
      if (destSlash)
        throw new CopyError('destination-must-be-a-directory', destPath)
      written = destClean
    }
  }
  else {
    if (dest && dest.kind !== 'dir')
      throw new CopyError('directory-onto-file', destPath)
    if (!dest) {
      const parent = to.stat(resolvePath(destClean, '..'))
      if (!parent || parent.kind !== 'dir')
        throw new CopyError('destination-parent-missing', destPath)
      written = destClean
    }
    else {
      written = contentOnly ? destClean : resolvePath(destClean, baseName(srcPath))
    }
  }
  try {
    to.importTree(written, tree)
  }
  catch (error) {
    if (error instanceof FsError && error.code === 'ENOTDIR')
      throw new CopyError('directory-onto-file', written)
    throw error
  }
  return { written, bytes: treeBytes(tree) }
}

function baseName(path: string): string {
  const parts = path.split('/').filter(p => p && p !== '.')
  return parts[parts.length - 1] ?? ''
}

function treeBytes(node: ReturnType<SimFileSystem['exportTree']>): number {
  if (node.kind === 'file')
    return new TextEncoder().encode(node.content).length
  if (node.kind !== 'dir')
    return 0
  return Object.values(node.entries).reduce((sum, child) => sum + (child.kind === 'whiteout' ? 0 : treeBytes(child)), 0)
}
