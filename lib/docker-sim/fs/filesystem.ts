// A file tree in memory with overlayfs' rules: read-only image layers below, one writable upper layer
// on top (copy-on-write, whiteouts, opaque directories), and mounts over paths (volumes, bind mounts,
// tmpfs). The student's computer and every volume are the same class with no layers below.

import type { FileStat, FileSystem } from '../process'
import type { DirNode, EntryNode, Layer, TreeNode } from './nodes'
import { pathParts } from '../../text/paths'
import { FsError } from './errors'
import { byteLength, cloneNode, DEFAULT_DIR_MODE, DEFAULT_FILE_MODE, emptyDir, freezeLayer } from './nodes'

export type MountKind = 'volume' | 'bind' | 'tmpfs'

export interface Mount {
  /** Absolute path inside this tree where the mount shows. */
  target: string
  kind: MountKind
  /** The tree that holds the mounted files, shared with every other place it is mounted. */
  source: SimFileSystem
  /** Path inside `source` that shows at `target` ('/' for a whole volume). */
  sourcePath: string
  readOnly: boolean
}

export interface SimFileSystemOptions {
  /** Image layers, lowest first. */
  layers?: readonly Layer[]
  /** Simulated time for modification times. */
  now?: () => number
  /** `docker run --read-only`: the root tree refuses writes (mounts keep their own mode). */
  readOnly?: boolean
}

type Parts = string[]

const MAX_SYMLINKS = 40

/** Splits an absolute path into names, resolving `.` and `..` lexically (no symlinks). */
export function splitPath(path: string): Parts {
  if (!path.startsWith('/'))
    throw new Error(`file system paths are absolute, got "${path}"`)
  return pathParts(path)
}

export function joinPath(parts: readonly string[]): string {
  return `/${parts.join('/')}`
}

/** Resolves `path` against `cwd` (both as a shell sees them), lexically. */
export function resolvePath(cwd: string, path: string): string {
  return joinPath(splitPath(path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`))
}

export class SimFileSystem implements FileSystem {
  readonly layers: readonly Layer[]
  /** The writable layer: what this container changed (what `docker diff` and `docker commit` read). */
  readonly upper: DirNode
  readonly mounts: Mount[] = []
  readonly readOnly: boolean
  private readonly now: () => number

  constructor(options: SimFileSystemOptions = {}) {
    this.layers = options.layers ?? []
    this.now = options.now ?? (() => 0)
    this.readOnly = options.readOnly ?? false
    const base = this.layers.length ? this.layers[this.layers.length - 1]!.root : undefined
    this.upper = emptyDir(base?.mtime ?? this.now(), base?.mode ?? DEFAULT_DIR_MODE)
    // The upper root starts as a copy of the merged root's metadata, so an untouched root is no change.
    for (const layer of this.layers) {
      this.upper.mtime = layer.root.mtime
      this.upper.mode = layer.root.mode
    }
  }

  // ——— mounts ———

  /** Mounts `source` (a volume, a host folder, a tmpfs) at `target`; the mount point is created if missing, as the daemon does. */
  mount(mount: Omit<Mount, 'sourcePath'> & { sourcePath?: string }): void {
    const target = joinPath(splitPath(mount.target))
    if (target === '/')
      throw new Error('cannot mount over /')
    const sourcePath = mount.sourcePath ?? '/'
    const sourceStat = mount.source.stat(sourcePath)
    if (!sourceStat)
      throw new FsError('ENOENT', sourcePath)
    const existing = this.statRaw(splitPath(target))
    if (!existing) {
      const parts = splitPath(target)
      this.ensureParentDirs(parts)
      if (sourceStat.kind === 'dir')
        this.mkdirRaw(parts, DEFAULT_DIR_MODE)
      else
        this.writeRaw(parts, '', false, DEFAULT_FILE_MODE)
    }
    this.mounts.push({ ...mount, target, sourcePath: joinPath(splitPath(sourcePath)) })
    // Longest target first, so a mount inside a mount wins.
    this.mounts.sort((a, b) => b.target.length - a.target.length)
  }

  /** The mount a resolved path falls in, and the path inside its source. */
  private mountOf(parts: Parts): { mount: Mount, rest: Parts } | null {
    for (const mount of this.mounts) {
      const targetParts = splitPath(mount.target)
      if (targetParts.length <= parts.length && targetParts.every((name, i) => parts[i] === name))
        return { mount, rest: [...splitPath(mount.sourcePath), ...parts.slice(targetParts.length)] }
    }
    return null
  }

  // ——— the public interface: paths may hold symlinks ———

  stat(path: string): FileStat | null {
    try {
      return this.statRaw(this.resolve(path, true))
    }
    catch {
      return null
    }
  }

  /** Like stat, without following a final symlink (ls -l, rm). */
  lstat(path: string): FileStat | null {
    try {
      return this.statRaw(this.resolve(path, false))
    }
    catch {
      return null
    }
  }

  readlink(path: string): string {
    const node = this.nodeAt(this.resolve(path, false))
    if (!node)
      throw new FsError('ENOENT', path)
    if (node.kind !== 'symlink')
      throw new FsError('EINVAL', path)
    return node.target
  }

  readFile(path: string): string {
    const node = this.nodeAt(this.resolve(path, true))
    if (!node)
      throw new FsError('ENOENT', path)
    if (node.kind === 'dir')
      throw new FsError('EISDIR', path)
    if (node.kind !== 'file')
      throw new FsError('EINVAL', path)
    return node.content
  }

  writeFile(path: string, content: string, options: { append?: boolean, mode?: number } = {}): void {
    const parts = this.resolve(path, true)
    this.requireParentDir(parts, path)
    this.writeRaw(parts, content, options.append ?? false, options.mode ?? DEFAULT_FILE_MODE, path)
  }

  mkdir(path: string, options: { parents?: boolean } = {}): void {
    const parts = this.resolve(path, false)
    if (options.parents) {
      for (let i = 1; i <= parts.length; i++) {
        const prefix = this.resolve(joinPath(parts.slice(0, i)), true)
        const stat = this.statRaw(prefix)
        if (stat?.kind === 'dir')
          continue
        if (stat)
          throw new FsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', path)
        this.mkdirRaw(prefix, DEFAULT_DIR_MODE, path)
      }
      return
    }
    if (this.statRaw(parts))
      throw new FsError('EEXIST', path)
    this.requireParentDir(parts, path)
    this.mkdirRaw(parts, DEFAULT_DIR_MODE, path)
  }

  readdir(path: string): string[] {
    const parts = this.resolve(path, true)
    const stat = this.statRaw(parts)
    if (!stat)
      throw new FsError('ENOENT', path)
    if (stat.kind !== 'dir')
      throw new FsError('ENOTDIR', path)
    return this.readdirRaw(parts)
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    const parts = this.resolve(path, false)
    if (parts.length === 0)
      throw new FsError('EBUSY', path)
    const stat = this.statRaw(parts)
    if (!stat)
      throw new FsError('ENOENT', path)
    if (this.mounts.some(m => m.target === joinPath(parts)))
      throw new FsError('EBUSY', path)
    if (stat.kind === 'dir') {
      const children = this.readdirRaw(parts)
      if (children.length && !options.recursive)
        throw new FsError('ENOTEMPTY', path)
      for (const child of children)
        this.remove(joinPath([...parts, child]), { recursive: true })
    }
    this.removeRaw(parts, path)
  }

  rename(from: string, to: string): void {
    const fromParts = this.resolve(from, false)
    const toParts = this.resolve(to, false)
    const node = this.nodeAt(fromParts)
    if (!node)
      throw new FsError('ENOENT', from)
    if (this.mountOf(fromParts)?.mount !== this.mountOf(toParts)?.mount)
      throw new FsError('EXDEV', to)
    this.requireParentDir(toParts, to)
    const existing = this.statRaw(toParts)
    if (existing?.kind === 'dir' && node.kind !== 'dir')
      throw new FsError('EISDIR', to)
    if (existing && existing.kind !== 'dir' && node.kind === 'dir')
      throw new FsError('ENOTDIR', to)
    if (existing?.kind === 'dir' && this.readdirRaw(toParts).length)
      throw new FsError('ENOTEMPTY', to)
    if (toParts.length > fromParts.length && fromParts.every((name, i) => toParts[i] === name))
      throw new FsError('EINVAL', to)
    if (joinPath(fromParts) === joinPath(toParts))
      return
    const copy = this.exportTree(joinPath(fromParts), false)
    this.remove(joinPath(fromParts), { recursive: true })
    if (existing)
      this.removeRaw(toParts, to)
    this.importTree(joinPath(toParts), copy)
  }

  chmod(path: string, mode: number): void {
    const parts = this.resolve(path, true)
    const node = this.nodeAt(parts)
    if (!node)
      throw new FsError('ENOENT', path)
    const upper = this.copyUp(parts, path)
    upper.mode = mode
  }

  symlink(target: string, path: string): void {
    const parts = this.resolve(path, false)
    if (this.statRaw(parts))
      throw new FsError('EEXIST', path)
    this.requireParentDir(parts, path)
    this.putEntry(parts, { kind: 'symlink', mode: 0o777, mtime: this.now(), target }, path)
  }

  /** A detached copy of the file or folder at `path` (docker cp out, a build's COPY source). */
  exportTree(path: string, followLast = true): EntryNode {
    const parts = this.resolve(path, followLast)
    const node = this.nodeAt(parts)
    if (!node)
      throw new FsError('ENOENT', path)
    if (node.kind !== 'dir')
      return cloneNode(node)
    const dir: DirNode = { kind: 'dir', mode: node.mode, mtime: node.mtime, entries: {} }
    for (const name of this.readdirRaw(parts))
      dir.entries[name] = this.exportTree(joinPath([...parts, name]), false)
    return dir
  }

  /** Writes a detached tree at `path`, merging into a folder that exists there (docker cp in, COPY). */
  importTree(path: string, node: EntryNode): void {
    const parts = this.resolve(path, false)
    this.requireParentDir(parts, path)
    const existing = this.statRaw(parts)
    if (node.kind === 'dir') {
      if (existing && existing.kind !== 'dir')
        throw new FsError('ENOTDIR', path)
      if (!existing)
        this.mkdirRaw(parts, node.mode, path)
      for (const [name, child] of Object.entries(node.entries)) {
        if (child.kind !== 'whiteout')
          this.importTree(joinPath([...parts, name]), child)
      }
      const dir = this.copyUp(parts, path)
      dir.mode = node.mode
      dir.mtime = node.mtime
      return
    }
    if (existing?.kind === 'dir')
      throw new FsError('EISDIR', path)
    this.putEntry(parts, cloneNode(node), path)
  }

  /** The writable layer as a new read-only layer (a build step's result, `docker commit`). */
  snapshotLayer(): Layer {
    return freezeLayer(cloneNode(this.upper))
  }

  /** Bytes this tree's writable layer holds (`SIZE` of `docker ps -s`); mounts are not counted. */
  get upperSize(): number {
    const count = (node: TreeNode): number => node.kind === 'file'
      ? byteLength(node.content)
      : node.kind === 'dir' ? Object.values(node.entries).reduce((sum, child) => sum + count(child), 0) : 0
    return count(this.upper)
  }

  // ——— symlink resolution ———

  /** Names of the path with every symlink on the way replaced; the last one too when `followLast`. */
  resolve(path: string, followLast: boolean): Parts {
    let pending = splitPath(path)
    const done: Parts = []
    let links = 0
    while (pending.length) {
      const name = pending.shift()!
      if (name === '..') {
        done.pop()
        continue
      }
      const candidate = [...done, name]
      const node = this.nodeAt(candidate)
      const isLast = pending.length === 0
      if (node?.kind === 'symlink' && (!isLast || followLast)) {
        if (++links > MAX_SYMLINKS)
          throw new FsError('ELOOP', path)
        const targetParts = node.target.split('/').filter(p => p !== '' && p !== '.')
        pending = [...targetParts, ...pending]
        if (node.target.startsWith('/'))
          done.length = 0
        continue
      }
      if (node && node.kind !== 'dir' && !isLast)
        throw new FsError('ENOTDIR', path)
      done.push(name)
    }
    return done
  }

  // ——— raw operations on resolved names (no symlinks left), mount-aware ———

  private statRaw(parts: Parts): FileStat | null {
    const node = this.nodeAt(parts)
    if (!node)
      return null
    return {
      kind: node.kind,
      mode: node.mode,
      size: node.kind === 'file' ? byteLength(node.content) : node.kind === 'symlink' ? byteLength(node.target) : 4096,
      mtime: node.mtime,
    }
  }

  /** The entry at `parts` as this tree shows it: the top-most layer's file, or the top directory. */
  private nodeAt(parts: Parts): EntryNode | null {
    const inMount = this.mountOf(parts)
    if (inMount)
      return inMount.mount.source.nodeAt(inMount.rest)
    return this.mergedAt(parts)[0] ?? null
  }

  /** The nodes that make up the entry at `parts`, top layer first (see `mergedNodes`). */
  private mergedAt(parts: Parts): EntryNode[] {
    return mergedNodes([this.upper, ...this.layers.map(l => l.root).reverse()], parts)
  }

  private readdirRaw(parts: Parts): string[] {
    const inMount = this.mountOf(parts)
    if (inMount)
      return inMount.mount.source.readdirRaw(inMount.rest)
    const names = new Set<string>()
    const hidden = new Set<string>()
    for (const node of this.mergedAt(parts)) {
      if (node.kind !== 'dir')
        break
      for (const [name, child] of Object.entries(node.entries)) {
        if (child.kind === 'whiteout')
          hidden.add(name)
        else if (!hidden.has(name))
          names.add(name)
      }
    }
    return [...names].sort()
  }

  private refuseWrite(parts: Parts, shown: string): { mount: Mount, rest: Parts } | null {
    const inMount = this.mountOf(parts)
    if (inMount ? inMount.mount.readOnly : this.readOnly)
      throw new FsError('EROFS', shown)
    return inMount
  }

  /**
   * The upper layer's own copy of the entry at `parts` (copied up from below when needed, parents too,
   * keeping their metadata as overlayfs does), ready to be changed.
   */
  private copyUp(parts: Parts, shown: string): EntryNode {
    const inMount = this.refuseWrite(parts, shown)
    if (inMount)
      return inMount.mount.source.copyUp(inMount.rest, shown)
    let dir = this.upper
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!
      const existing = dir.entries[name]
      const merged = this.mergedAt(parts.slice(0, i + 1))[0]
      if (!merged)
        throw new FsError('ENOENT', shown)
      let own: TreeNode
      if (existing && existing.kind !== 'whiteout') {
        own = existing
      }
      else {
        own = merged.kind === 'dir'
          ? { kind: 'dir', mode: merged.mode, mtime: merged.mtime, entries: {} }
          : cloneNode(merged)
        dir.entries[name] = own
      }
      if (i === parts.length - 1)
        return own as EntryNode
      if (own.kind !== 'dir')
        throw new FsError('ENOTDIR', shown)
      dir = own
    }
    return dir
  }

  /** Puts `node` at `parts` in the upper layer (replacing what is there) and touches the parent. */
  private putEntry(parts: Parts, node: EntryNode, shown: string): void {
    const inMount = this.refuseWrite(parts, shown)
    if (inMount) {
      inMount.mount.source.putEntry(inMount.rest, node, shown)
      return
    }
    const parent = this.copyUp(parts.slice(0, -1), shown)
    if (parent.kind !== 'dir')
      throw new FsError('ENOTDIR', shown)
    const name = parts[parts.length - 1]!
    const wasThere = this.mergedAt(parts).length > 0
    const replacedWhiteout = parent.entries[name]?.kind === 'whiteout'
    if (node.kind === 'dir' && (replacedWhiteout || this.existsBelow(parts)))
      node.opaque = true
    parent.entries[name] = node
    if (!wasThere)
      parent.mtime = this.now()
  }

  private existsBelow(parts: Parts): boolean {
    return mergedNodes(this.layers.map(l => l.root).reverse(), parts).length > 0
  }

  private writeRaw(parts: Parts, content: string, append: boolean, mode: number, shown = joinPath(parts)): void {
    const existing = this.nodeAt(parts)
    if (existing?.kind === 'dir')
      throw new FsError('EISDIR', shown)
    if (existing?.kind === 'file') {
      const own = this.copyUp(parts, shown) as typeof existing
      own.content = append ? own.content + content : content
      own.mtime = this.now()
      return
    }
    this.putEntry(parts, { kind: 'file', mode, mtime: this.now(), content }, shown)
  }

  private mkdirRaw(parts: Parts, mode: number, shown = joinPath(parts)): void {
    this.putEntry(parts, { kind: 'dir', mode, mtime: this.now(), entries: {} }, shown)
  }

  private removeRaw(parts: Parts, shown: string): void {
    const inMount = this.refuseWrite(parts, shown)
    if (inMount) {
      inMount.mount.source.removeRaw(inMount.rest, shown)
      return
    }
    const parent = this.copyUp(parts.slice(0, -1), shown)
    if (parent.kind !== 'dir')
      throw new FsError('ENOTDIR', shown)
    const name = parts[parts.length - 1]!
    if (this.existsBelow(parts))
      parent.entries[name] = { kind: 'whiteout' }
    else
      delete parent.entries[name]
    parent.mtime = this.now()
  }

  private requireParentDir(parts: Parts, shown: string): void {
    if (!parts.length)
      return
    const parent = this.statRaw(parts.slice(0, -1))
    if (!parent)
      throw new FsError('ENOENT', shown)
    if (parent.kind !== 'dir')
      throw new FsError('ENOTDIR', shown)
  }

  private ensureParentDirs(parts: Parts): void {
    for (let i = 1; i < parts.length; i++) {
      if (!this.statRaw(parts.slice(0, i)))
        this.mkdirRaw(parts.slice(0, i), DEFAULT_DIR_MODE)
    }
  }
}

/**
 * The nodes that make up the entry at `parts` in a stack of layers (top first): one file, or the
 * directories that merge into one (stopping at an opaque one). A whiteout, or a file over a prefix,
 * hides everything below it.
 */
function mergedNodes(stack: readonly DirNode[], parts: Parts): EntryNode[] {
  const found: EntryNode[] = []
  for (const root of stack) {
    let node: TreeNode | undefined = root
    let opaqueOnTheWay = root.opaque ?? false
    for (let i = 0; i < parts.length && node; i++) {
      if (node.kind !== 'dir')
        return found
      node = node.entries[parts[i]!]
      if (node?.kind === 'whiteout')
        return found
      if (node && node.kind !== 'dir' && i < parts.length - 1)
        return found
      if (node?.kind === 'dir' && node.opaque && i < parts.length - 1)
        opaqueOnTheWay = true
    }
    if (node && node.kind !== 'dir') {
      // A file stands alone, unless a directory above already hides it.
      if (!found.length)
        found.push(node as EntryNode)
      return found
    }
    if (node) {
      found.push(node)
      if (node.opaque)
        return found
    }
    if (opaqueOnTheWay)
      return found
  }
  return found
}
