// `docker diff`: the changes in a container's writable layer, computed the way the daemon computes them
// for overlay2 (moby pkg/archive changes.go, `changes` with `overlayDeletedFile`): a walk of the upper
// layer in lexical order; a whiteout or an opaque directory is D, a path absent below is A, a path
// present below is C (a directory whose mode and modification time did not change is skipped), and the
// parent of an A or D that was not itself recorded is reported as C just before it (never `/`).

import type { SimFileSystem } from './filesystem'
import type { Layer, TreeNode } from './nodes'

export type ChangeKind = 'A' | 'C' | 'D'

export interface Change {
  kind: ChangeKind
  path: string
}

export function containerChanges(fs: Pick<SimFileSystem, 'upper' | 'layers'>): Change[] {
  const changes: Change[] = []
  const changedDirs = new Set<string>()
  const below = (parts: string[]): TreeNode | undefined => lowerNode(fs.layers, parts)

  const walk = (node: TreeNode, parts: string[]): void => {
    if (node.kind !== 'dir')
      return
    for (const name of Object.keys(node.entries).sort()) {
      const child = node.entries[name]!
      const childParts = [...parts, name]
      const path = `/${childParts.join('/')}`
      const deleted = child.kind === 'whiteout' || (child.kind === 'dir' && child.opaque === true)
      let kind: ChangeKind | null
      if (deleted) {
        kind = 'D'
      }
      else {
        const lower = below(childParts)
        kind = lower ? 'C' : 'A'
        if (lower?.kind === 'dir' && child.kind === 'dir' && lower.mode === child.mode && lower.mtime === child.mtime)
          kind = null
      }
      if (kind !== null) {
        if (child.kind === 'dir')
          changedDirs.add(path)
        if (kind !== 'C') {
          const parent = `/${parts.join('/')}`
          if (parent !== '/' && !changedDirs.has(parent)) {
            changes.push({ kind: 'C', path: parent })
            changedDirs.add(parent)
          }
        }
        changes.push({ kind, path })
      }
      walk(child, childParts)
    }
  }
  walk(fs.upper, [])
  return changes
}

/** The node at `parts` in the merged image layers (whiteouts and opaque directories respected). */
function lowerNode(layers: readonly Layer[], parts: string[]): TreeNode | undefined {
  for (let l = layers.length - 1; l >= 0; l--) {
    let node: TreeNode | undefined = layers[l]!.root
    let opaque = false
    for (const name of parts) {
      node = node?.kind === 'dir' ? node.entries[name] : undefined
      if (!node)
        break
      if (node.kind === 'whiteout')
        return undefined
      if (node.kind === 'dir' && node.opaque)
        opaque = true
    }
    if (node)
      return node
    if (opaque)
      return undefined
  }
  return undefined
}

export function formatChanges(changes: readonly Change[]): string {
  return changes.map(c => `${c.kind} ${c.path}\n`).join('')
}
