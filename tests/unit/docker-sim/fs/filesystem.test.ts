import { describe, expect, it } from 'vitest'
import { containerChanges, copyBetween, CopyError, formatChanges, freezeLayer, FsError, SimFileSystem, treeFromSpec } from '../../../../lib/docker-sim/fs'

function image() {
  return freezeLayer(treeFromSpec({
    '/bin/sh': { symlink: 'dash' },
    '/bin/dash': { content: 'ELF', mode: 0o755 },
    '/etc/hostname': 'base\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
    '/root/': null,
    '/tmp/': null,
    '/usr/lib/os-release': 'ID=debian\n',
  }, 1000))
}

function code(fn: () => unknown): string {
  try {
    fn()
  }
  catch (error) {
    if (error instanceof FsError)
      return error.code
    throw error
  }
  return 'ok'
}

describe('copy-on-write over an image layer', () => {
  it('shows the image, and a write stays in the container that made it', () => {
    const layer = image()
    let t = 5000
    const a = new SimFileSystem({ layers: [layer], now: () => t })
    const b = new SimFileSystem({ layers: [layer], now: () => t })
    a.writeFile('/tmp/note.txt', 'hello\n')
    a.writeFile('/etc/hostname', 'changed\n')
    expect(a.readFile('/tmp/note.txt')).toBe('hello\n')
    expect(b.stat('/tmp/note.txt')).toBeNull()
    expect(b.readFile('/etc/hostname')).toBe('base\n')
    expect(layer.root.entries.tmp).toMatchObject({ entries: {} })
    t = 6000
    a.writeFile('/tmp/note.txt', 'more\n', { append: true })
    expect(a.readFile('/tmp/note.txt')).toBe('hello\nmore\n')
    expect(a.stat('/tmp/note.txt')).toMatchObject({ kind: 'file', size: 11, mtime: 6000 })
  })

  it('hides a deleted image file with a whiteout and lets a new one take its place', () => {
    const fs = new SimFileSystem({ layers: [image()] })
    fs.remove('/etc/passwd')
    expect(fs.stat('/etc/passwd')).toBeNull()
    expect(fs.readdir('/etc')).toEqual(['hostname'])
    fs.writeFile('/etc/passwd', 'new\n')
    expect(fs.readFile('/etc/passwd')).toBe('new\n')
  })

  it('does not resurrect image files under a directory deleted and made again', () => {
    const fs = new SimFileSystem({ layers: [image()] })
    fs.remove('/usr', { recursive: true })
    fs.mkdir('/usr/lib', { parents: true })
    expect(fs.readdir('/usr/lib')).toEqual([])
  })

  it('follows symlinks and reads them with lstat', () => {
    const fs = new SimFileSystem({ layers: [image()] })
    expect(fs.stat('/bin/sh')).toMatchObject({ kind: 'file', mode: 0o755 })
    expect(fs.lstat('/bin/sh')).toMatchObject({ kind: 'symlink' })
    expect(fs.readlink('/bin/sh')).toBe('dash')
  })

  it('reports errno codes as the kernel would', () => {
    const fs = new SimFileSystem({ layers: [image()] })
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT')
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR')
    expect(code(() => fs.readdir('/etc/hostname'))).toBe('ENOTDIR')
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST')
    expect(code(() => fs.mkdir('/a/b'))).toBe('ENOENT')
    expect(code(() => fs.writeFile('/etc/hostname/x', ''))).toBe('ENOTDIR')
    expect(code(() => fs.remove('/etc'))).toBe('ENOTEMPTY')
    expect(code(() => fs.mkdir('/etc/hostname', { parents: true }))).toBe('EEXIST')
    expect(code(() => fs.mkdir('/a/b/c', { parents: true }))).toBe('ok')
  })

  it('renames files and folders, refusing a folder into itself', () => {
    const fs = new SimFileSystem({ layers: [image()] })
    fs.rename('/etc/hostname', '/tmp/h')
    expect(fs.readFile('/tmp/h')).toBe('base\n')
    expect(fs.stat('/etc/hostname')).toBeNull()
    expect(code(() => fs.rename('/tmp', '/tmp/inner'))).toBe('EINVAL')
    fs.rename('/root', '/home')
    expect(fs.stat('/home')?.kind).toBe('dir')
  })

  it('round-trips a layer through JSON', () => {
    const layer = image()
    const copy = JSON.parse(JSON.stringify(layer))
    const fs = new SimFileSystem({ layers: [copy] })
    expect(fs.readFile('/etc/hostname')).toBe('base\n')
  })

  it('counts the writable layer\'s bytes and snapshots it as a layer', () => {
    const fs = new SimFileSystem({ layers: [image()] })
    fs.writeFile('/tmp/x', 'ünï\n')
    expect(fs.upperSize).toBe(6)
    const next = new SimFileSystem({ layers: [image(), fs.snapshotLayer()] })
    expect(next.readFile('/tmp/x')).toBe('ünï\n')
  })
})

describe('mounts', () => {
  it('shares a volume between containers and refuses writes through :ro', () => {
    const volume = new SimFileSystem()
    const a = new SimFileSystem({ layers: [image()] })
    const b = new SimFileSystem({ layers: [image()] })
    a.mount({ target: '/my_mount_point', kind: 'volume', source: volume, readOnly: false })
    b.mount({ target: '/data', kind: 'volume', source: volume, readOnly: true })
    a.writeFile('/my_mount_point/file.txt', 'shared\n')
    expect(b.readFile('/data/file.txt')).toBe('shared\n')
    expect(volume.readFile('/file.txt')).toBe('shared\n')
    expect(code(() => b.writeFile('/data/other', 'x'))).toBe('EROFS')
    expect(code(() => b.remove('/data/file.txt'))).toBe('EROFS')
    expect(new FsError('EROFS', '/data/other').text).toBe('Read-only file system')
    expect(code(() => a.remove('/my_mount_point', { recursive: true }))).toBe('EBUSY')
  })

  it('bind-mounts a folder of the host, both ways', () => {
    const host = new SimFileSystem()
    host.mkdir('/home/student/snippets', { parents: true })
    host.writeFile('/home/student/snippets/app.py', 'print(1)\n')
    const c = new SimFileSystem({ layers: [image()] })
    c.mount({ target: '/app', kind: 'bind', source: host, sourcePath: '/home/student/snippets', readOnly: false })
    expect(c.readdir('/app')).toEqual(['app.py'])
    c.writeFile('/app/out.txt', 'from the container\n')
    expect(host.readFile('/home/student/snippets/out.txt')).toBe('from the container\n')
    expect(code(() => c.rename('/app/out.txt', '/tmp/out.txt'))).toBe('EXDEV')
  })

  it('keeps a tmpfs apart from the writable layer', () => {
    const c = new SimFileSystem({ layers: [image()] })
    c.mount({ target: '/scratch', kind: 'tmpfs', source: new SimFileSystem(), readOnly: false })
    c.writeFile('/scratch/x', 'tmp\n')
    expect(formatChanges(containerChanges(c))).toBe('A /scratch\n')
  })

  it('refuses writes to the root of a --read-only container but not to its volumes', () => {
    const c = new SimFileSystem({ layers: [image()], readOnly: true })
    expect(code(() => c.writeFile('/tmp/x', 'x'))).toBe('EROFS')
  })
})

describe('docker diff', () => {
  it('lists changes in Docker\'s order, with parents as C', () => {
    let t = 2000
    const fs = new SimFileSystem({ layers: [image()], now: () => t++ })
    fs.writeFile('/tmp/note.txt', 'x\n')
    fs.remove('/etc/passwd')
    fs.mkdir('/data/sub', { parents: true })
    fs.writeFile('/root/.bash_history', 'ls\n')
    expect(formatChanges(containerChanges(fs))).toBe([
      'A /data',
      'A /data/sub',
      'C /etc',
      'D /etc/passwd',
      'C /root',
      'A /root/.bash_history',
      'C /tmp',
      'A /tmp/note.txt',
    ].map(l => `${l}\n`).join(''))
  })

  it('reports an edited image file as C without its unchanged folder', () => {
    const fs = new SimFileSystem({ layers: [image()], now: () => 9999 })
    fs.writeFile('/etc/hostname', 'x\n', { append: true })
    expect(formatChanges(containerChanges(fs))).toBe('C /etc/hostname\n')
  })

  it('is empty for a fresh container', () => {
    expect(containerChanges(new SimFileSystem({ layers: [image()] }))).toEqual([])
  })
})

describe('docker cp', () => {
  it('copies a file into a folder, and a folder onto a new name', () => {
    const c = new SimFileSystem({ layers: [image()] })
    const host = new SimFileSystem()
    host.mkdir('/home/student', { parents: true })
    c.writeFile('/tmp/note.txt', 'n\n')
    expect(copyBetween(c, '/tmp/note.txt', host, '/home/student')).toEqual({ written: '/home/student/note.txt', bytes: 2 })
    expect(copyBetween(c, '/etc', host, '/home/student/etc-copy').written).toBe('/home/student/etc-copy')
    expect(host.readdir('/home/student/etc-copy')).toEqual(['hostname', 'passwd'])
    expect(copyBetween(c, '/etc/.', host, '/home/student').written).toBe('/home/student')
    expect(host.readFile('/home/student/hostname')).toBe('base\n')
    copyBetween(host, '/home/student/note.txt', c, '/root/')
    expect(c.readFile('/root/note.txt')).toBe('n\n')
  })

  it('refuses as docker cp does', () => {
    const c = new SimFileSystem({ layers: [image()] })
    const reason = (fn: () => unknown) => {
      try {
        fn()
      }
      catch (error) {
        return error instanceof CopyError ? error.reason : String(error)
      }
      return 'ok'
    }
    expect(reason(() => copyBetween(c, '/nope', c, '/tmp'))).toBe('source-missing')
    expect(reason(() => copyBetween(c, '/etc/hostname/', c, '/tmp'))).toBe('source-not-a-directory')
    expect(reason(() => copyBetween(c, '/etc/hostname', c, '/missing/'))).toBe('destination-must-be-a-directory')
    expect(reason(() => copyBetween(c, '/etc/hostname', c, '/missing/x'))).toBe('destination-parent-missing')
    expect(reason(() => copyBetween(c, '/etc', c, '/etc/hostname'))).toBe('directory-onto-file')
  })
})
