// Tar archives of simulated files: what `docker cp CONTAINER:PATH -` writes to stdout and what `tar`
// reads back. POSIX ustar, 512-byte blocks, held in a string of byte values (0–255) as a pipe carries it.

import type { FileSystem } from '../process'

export interface TarEntry {
  /** Relative path; folders end in `/`. */
  name: string
  kind: 'file' | 'dir'
  mode: number
  /** UTF-8 text of a file ('' for a folder). */
  content: string
  mtime: number
}

const BLOCK = 512

/** UTF-8 bytes as one character each (what a byte stream looks like in a JS string). */
function toBytes(text: string): string {
  return Array.from(new TextEncoder().encode(text), b => String.fromCharCode(b)).join('')
}

function fromBytes(bytes: string): string {
  return new TextDecoder().decode(Uint8Array.from(bytes, c => c.charCodeAt(0)))
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`
}

function header(entry: TarEntry, size: number): string {
  const field = (text: string, width: number): string => text.slice(0, width).padEnd(width, '\0')
  const fields = [
    field(toBytes(entry.name), 100),
    octal(entry.mode & 0o7777, 8),
    octal(0, 8),
    octal(0, 8),
    octal(size, 12),
    octal(Math.floor(entry.mtime / 1000), 12),
    '        ',
    entry.kind === 'dir' ? '5' : '0',
    field('', 100),
    'ustar\0',
    '00',
    field('root', 32),
    field('root', 32),
    field('', 8 + 8 + 155 + 12),
  ]
  let block = fields.join('')
  const sum = Array.from(block, c => c.charCodeAt(0)).reduce((a, b) => a + b, 0)
  block = `${block.slice(0, 148)}${sum.toString(8).padStart(6, '0')}\0 ${block.slice(156)}`
  return block
}

/** The archive of `path` (a file or a folder, recursively), named from its last component as docker cp names it. */
export function tarOf(fs: FileSystem, path: string, epochMs = 0): string {
  const entries: TarEntry[] = []
  const base = path.replace(/\/+$/, '').split('/').pop() || '.'
  const walk = (full: string, name: string): void => {
    const stat = fs.stat(full)
    if (!stat)
      return
    if (stat.kind === 'dir') {
      entries.push({ name: `${name}/`, kind: 'dir', mode: stat.mode, content: '', mtime: epochMs + stat.mtime })
      for (const child of fs.readdir(full))
        walk(`${full.replace(/\/$/, '')}/${child}`, `${name}/${child}`)
    }
    else {
      entries.push({ name, kind: 'file', mode: stat.mode, content: fs.readFile(full), mtime: epochMs + stat.mtime })
    }
  }
  walk(path, base)
  let archive = ''
  for (const entry of entries) {
    const data = toBytes(entry.content)
    archive += header(entry, data.length) + data + '\0'.repeat((BLOCK - (data.length % BLOCK)) % BLOCK)
  }
  return archive + '\0'.repeat(BLOCK * 2)
}

/** The entries of an archive; null when it is not a tar archive. */
export function readTar(archive: string): TarEntry[] | null {
  const entries: TarEntry[] = []
  let at = 0
  while (at + BLOCK <= archive.length) {
    const block = archive.slice(at, at + BLOCK)
    if (/^\0*$/.test(block))
      return entries
    if (block.slice(257, 262) !== 'ustar')
      return null
    const name = fromBytes(block.slice(0, 100).replace(/\0.*$/s, ''))
    const size = Number.parseInt(block.slice(124, 136).replace(/\0.*$/s, '').trim() || '0', 8)
    const mode = Number.parseInt(block.slice(100, 108).replace(/\0.*$/s, '').trim() || '644', 8)
    const mtime = Number.parseInt(block.slice(136, 148).replace(/\0.*$/s, '').trim() || '0', 8) * 1000
    const kind = block[156] === '5' ? 'dir' : 'file'
    const data = archive.slice(at + BLOCK, at + BLOCK + size)
    entries.push({ name, kind, mode, content: kind === 'file' ? fromBytes(data) : '', mtime })
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK
  }
  return entries.length ? entries : null
}
