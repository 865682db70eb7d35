// The file tree as plain data: an image layer is one of these trees, frozen and shared by every
// container of the image; JSON.stringify/parse round-trips it (no classes, no cycles).

export interface FileNode {
  kind: 'file'
  mode: number
  mtime: number
  content: string
}

export interface DirNode {
  kind: 'dir'
  mode: number
  mtime: number
  entries: Record<string, TreeNode>
  /** Set in an upper layer on a directory that replaced a deleted one: nothing from the layers below shows through (overlayfs "opaque"). */
  opaque?: boolean
}

export interface SymlinkNode {
  kind: 'symlink'
  mode: number
  mtime: number
  target: string
}

/** Marks, in an upper layer, a name deleted from the layers below (overlayfs' whiteout). */
export interface WhiteoutNode {
  kind: 'whiteout'
}

export type TreeNode = FileNode | DirNode | SymlinkNode | WhiteoutNode
export type EntryNode = FileNode | DirNode | SymlinkNode

/** A read-only image layer: what one Dockerfile step (or the base image) added, changed and deleted. */
export interface Layer {
  root: DirNode
}

export const DEFAULT_FILE_MODE = 0o644
export const DEFAULT_DIR_MODE = 0o755

export function emptyDir(mtime = 0, mode = DEFAULT_DIR_MODE): DirNode {
  return { kind: 'dir', mode, mtime, entries: {} }
}

/** A deep copy, so a tree handed out (docker cp, a new layer) never aliases a live one. */
export function cloneNode<T extends TreeNode>(node: T): T {
  if (node.kind !== 'dir')
    return { ...node }
  const entries: Record<string, TreeNode> = {}
  for (const [name, child] of Object.entries(node.entries))
    entries[name] = cloneNode(child)
  return { ...node, entries }
}

/** Bytes of a text as a file holds it (UTF-8). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length
}

/** Bytes the regular files of a tree hold (what `docker ps -s` and `system df` count). */
export function treeSize(node: TreeNode): number {
  switch (node.kind) {
    case 'file': return byteLength(node.content)
    case 'symlink': return byteLength(node.target)
    case 'whiteout': return 0
    case 'dir': return Object.values(node.entries).reduce((sum, child) => sum + treeSize(child), 0)
  }
}

/** Freezes a tree so a shared layer cannot be written through by mistake. */
export function freezeLayer(root: DirNode): Layer {
  const deepFreeze = (node: TreeNode): void => {
    if (node.kind === 'dir') {
      for (const child of Object.values(node.entries))
        deepFreeze(child)
      Object.freeze(node.entries)
    }
    Object.freeze(node)
  }
  deepFreeze(root)
  return Object.freeze({ root })
}

/** Builds a tree from a flat description: `{ '/etc/hostname': 'x\n', '/tmp/': null, '/bin/sh': { symlink: 'dash' } }`. */
export type TreeSpec = Record<string, string | null | { symlink: string } | { content: string, mode: number }>

export function treeFromSpec(spec: TreeSpec, mtime = 0): DirNode {
  const root = emptyDir(mtime)
  for (const [path, value] of Object.entries(spec)) {
    const parts = path.split('/').filter(Boolean)
    const isDir = value === null
    let dir = root
    const last = isDir ? parts.length : parts.length - 1
    for (let i = 0; i < last; i++) {
      const name = parts[i]!
      let child = dir.entries[name]
      if (!child) {
        child = emptyDir(mtime, name === 'tmp' && i === 0 ? 0o1777 : DEFAULT_DIR_MODE)
        dir.entries[name] = child
      }
      if (child.kind !== 'dir')
        throw new Error(`treeFromSpec: ${parts.slice(0, i + 1).join('/')} is not a directory in ${path}`)
      dir = child
    }
    if (isDir)
      continue
    const name = parts[parts.length - 1]
    if (!name)
      throw new Error(`treeFromSpec: "${path}" names no file`)
    if (typeof value === 'string')
      dir.entries[name] = { kind: 'file', mode: DEFAULT_FILE_MODE, mtime, content: value }
    else if ('symlink' in value)
      dir.entries[name] = { kind: 'symlink', mode: 0o777, mtime, target: value.symlink }
    else
      dir.entries[name] = { kind: 'file', mode: value.mode, mtime, content: value.content }
  }
  return root
}
