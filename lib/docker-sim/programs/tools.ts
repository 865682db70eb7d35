// The file and text tools an image's shell finds on PATH: GNU coreutils/grep in Debian-based images,
// BusyBox applets in busybox and alpine. Same behaviour, each family's own messages (recorded from the
// real tools: tests/unit/docker-sim/shell/record-fixtures.sh).

import type { Errno } from '../fs/errors'
import type { FileStat, FileSystem, ProcessIO, Program } from '../process'
import { ERRNO_TEXT, isFsError } from '../fs/errors'
import { resolvePath } from '../fs/filesystem'
import { Interrupted } from '../process'
import { formatDate, wallClock } from './time'

export type ToolFamily = 'gnu' | 'busybox'

interface Ctx {
  io: ProcessIO
  family: ToolFamily
  name: string
  err: (message: string) => void
  path: (arg: string) => string
}

function ctxOf(io: ProcessIO, family: ToolFamily): Ctx {
  const name = (io.argv[0] ?? '').split('/').pop()!
  return {
    io,
    family,
    name,
    err: message => io.stderr(`${name}: ${message}\n`),
    path: arg => resolvePath(io.cwd, arg),
  }
}

/** GNU quotes names in messages with ‘’ in a UTF-8 locale (python images set LANG=C.UTF-8), '' otherwise. */
function localeQuote(io: ProcessIO, name: string): string {
  const locale = io.env.get('LC_ALL') || io.env.get('LC_MESSAGES') || io.env.get('LANG') || ''
  return /utf-?8/i.test(locale) ? `‘${name}’` : `'${name}'`
}

/** GNU's shell-escape quoting (ls, rm, cp): plain names stay bare in listings, messages always quote. */
function shellQuote(name: string): string {
  return `'${name.replace(/'/g, '\'\\\'\'')}'`
}

function errnoOf(error: unknown): Errno {
  if (isFsError(error))
    return error.code
  throw error
}

/** Standard input in full. */
async function readStdin(io: ProcessIO): Promise<string> {
  let text = ''
  if (io.readChunk) {
    for (let c = await io.readChunk(); c !== null; c = await io.readChunk())
      text += c
    return text
  }
  for (let l = await io.readLine(); l !== null; l = await io.readLine())
    text += `${l}\n`
  return text
}

/** Splits `-abc` style flags from operands; `--` ends flags. Flags listed in `withValue` take the next word. */
function parseArgs(argv: readonly string[], withValue = ''): { flags: Map<string, string>, operands: string[], bad?: string } {
  const flags = new Map<string, string>()
  const operands: string[] = []
  let i = 1
  for (; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      i++
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg)
      continue
    }
    if (arg.startsWith('--')) {
      flags.set(arg, '')
      continue
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!
      if (withValue.includes(letter)) {
        const value = arg.slice(j + 1) || argv[++i] || ''
        flags.set(letter, value)
        break
      }
      flags.set(letter, '')
    }
  }
  operands.push(...argv.slice(i))
  return { flags, operands }
}

// ——— files ———

function cat(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { operands } = parseArgs(io.argv)
    let status = 0
    for (const operand of operands.length ? operands : ['-']) {
      if (operand === '-') {
        io.stdout(await readStdin(io))
        continue
      }
      try {
        io.stdout(io.fs.readFile(ctx.path(operand)))
      }
      catch (error) {
        const code = errnoOf(error)
        status = 1
        if (family === 'gnu')
          ctx.err(`${operand}: ${ERRNO_TEXT[code]}`)
        else
          ctx.err(code === 'EISDIR' ? `read error: ${ERRNO_TEXT[code]}` : `can't open '${operand}': ${ERRNO_TEXT[code]}`)
      }
    }
    return status
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function modeString(stat: FileStat): string {
  const type = stat.kind === 'dir' ? 'd' : stat.kind === 'symlink' ? 'l' : '-'
  let bits = ''
  for (let shift = 6; shift >= 0; shift -= 3) {
    const triple = (stat.mode >> shift) & 7
    bits += `${triple & 4 ? 'r' : '-'}${triple & 2 ? 'w' : '-'}${triple & 1 ? 'x' : '-'}`
  }
  if (stat.mode & 0o1000)
    bits = `${bits.slice(0, 8)}${bits[8] === 'x' ? 't' : 'T'}`
  return type + bits
}

function lsTime(mtime: number, now: number): string {
  const date = new Date(mtime)
  const day = String(date.getUTCDate()).padStart(2, ' ')
  const sixMonths = 182.5 * 24 * 3600 * 1000
  const recent = now - mtime < sixMonths && mtime <= now + 3600 * 1000
  const tail = recent
    ? `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
    : ` ${date.getUTCFullYear()}`
  return `${MONTHS[date.getUTCMonth()]} ${day} ${tail}`
}

/** Names laid out in columns, filled top to bottom, as ls does on a terminal of `width` columns. */
function columns(names: string[], width: number): string {
  if (!names.length)
    return ''
  for (let rows = 1; rows <= names.length; rows++) {
    const cols = Math.ceil(names.length / rows)
    const widths: number[] = []
    for (let c = 0; c < cols; c++) {
      const column = names.slice(c * rows, (c + 1) * rows)
      widths.push(Math.max(...column.map(n => n.length)) + (c === cols - 1 ? 0 : 2))
    }
    if (widths.reduce((a, b) => a + b, 0) <= width || rows === names.length) {
      let out = ''
      for (let r = 0; r < rows; r++) {
        let line = ''
        for (let c = 0; c < cols; c++) {
          const name = names[c * rows + r]
          if (name === undefined)
            continue
          line += c === cols - 1 || names[(c + 1) * rows + r] === undefined ? name : name.padEnd(widths[c]!)
        }
        out += `${line.trimEnd()}\n`
      }
      return out
    }
  }
  return ''
}

function ls(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv)
    const all = flags.has('a')
    const almostAll = flags.has('A')
    const long = flags.has('l')
    const onePerLine = flags.has('1') || (!io.tty && !flags.has('C'))
    const fs = io.fs as FileSystem & { lstat?: (p: string) => FileStat | null, readlink?: (p: string) => string }
    const lstat = (p: string) => fs.lstat?.(p) ?? fs.stat(p)
    const now = wallClock(io.clock)
    const epoch = now - io.clock.now()
    let status = 0
    const files: string[] = []
    const dirs: string[] = []
    for (const operand of operands.length ? operands : ['.']) {
      const stat = io.fs.stat(ctx.path(operand))
      if (!stat) {
        status = family === 'gnu' ? 2 : 1
        ctx.err(family === 'gnu' ? `cannot access ${shellQuote(operand)}: No such file or directory` : `${operand}: No such file or directory`)
        continue
      }
      if (stat.kind === 'dir' && !flags.has('d'))
        dirs.push(operand)
      else
        files.push(operand)
    }
    // GNU ls sizes the columns of the file operands together with the folder operands listed after them.
    const operandSizes = (base: string | null): number[] => base === null ? [...files, ...dirs].map(o => String(lstat(ctx.path(o))?.size ?? 0).length) : []
    const render = (names: string[], base: string | null): string => {
      if (!long)
        return onePerLine ? names.map(n => `${n}\n`).join('') : columns(names, Number(io.env.get('COLUMNS') ?? 80))
      const rows = names.map((name) => {
        const full = base === null ? ctx.path(name) : resolvePath(ctx.path(base), name)
        const stat = lstat(full)!
        const link = stat.kind === 'symlink' && fs.readlink ? ` -> ${fs.readlink(full)}` : ''
        return { mode: modeString(stat), links: stat.kind === 'dir' ? '2' : '1', size: String(stat.size), time: lsTime(stat.mtime + epoch, now), name: name + link }
      })
      const sizeWidth = Math.max(0, ...rows.map(r => r.size.length), ...(rows.length ? operandSizes(base) : []))
      const linkWidth = Math.max(0, ...rows.map(r => r.links.length))
      const lines = rows.map(r => family === 'gnu'
        ? `${r.mode} ${r.links.padStart(linkWidth)} root root ${r.size.padStart(sizeWidth)} ${r.time} ${r.name}\n`
        : `${r.mode} ${r.links.padStart(4)} root     root     ${r.size.padStart(9)} ${r.time} ${r.name}\n`)
      return lines.join('')
    }
    let out = render(files, null)
    dirs.forEach((dir, i) => {
      const path = ctx.path(dir)
      let names = io.fs.readdir(path)
      if (all)
        names = ['.', '..', ...names]
      else if (!almostAll)
        names = names.filter(n => !n.startsWith('.'))
      names.sort((a, b) => a.replace(/^\./, '').localeCompare(b.replace(/^\./, ''), 'en') || (a < b ? -1 : 1))
      if (family === 'busybox' || io.env.get('LC_ALL') === 'C')
        names.sort()
      const header = dirs.length + files.length > 1 ? `${i || files.length ? '\n' : ''}${dir}:\n` : ''
      let total = ''
      if (long) {
        const blocks = names.reduce((sum, n) => {
          const s = lstat(resolvePath(path, n))
          return sum + (s?.kind === 'dir' ? 4 : s?.kind === 'file' && s.size ? Math.ceil(s.size / 4096) * 4 : 0)
        }, 0)
        total = `total ${blocks}\n`
      }
      out += header + total + render(names, dir)
    })
    io.stdout(out)
    return status
  }
}

function touch(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { operands } = parseArgs(io.argv, 'dt')
    let status = 0
    for (const operand of operands) {
      const path = ctx.path(operand)
      try {
        const stat = io.fs.stat(path)
        if (stat?.kind === 'file')
          io.fs.writeFile(path, '', { append: true })
        else if (!stat)
          io.fs.writeFile(path, '')
      }
      catch (error) {
        status = 1
        const code = errnoOf(error)
        ctx.err(family === 'gnu' ? `cannot touch ${shellQuote(operand)}: ${ERRNO_TEXT[code]}` : `${operand}: ${ERRNO_TEXT[code]}`)
      }
    }
    return status
  }
}

function mkdir(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv, 'm')
    let status = 0
    for (const operand of operands) {
      try {
        io.fs.mkdir(ctx.path(operand), { parents: flags.has('p') })
      }
      catch (error) {
        status = 1
        const code = errnoOf(error)
        ctx.err(family === 'gnu'
          ? `cannot create directory ${localeQuote(io, operand)}: ${ERRNO_TEXT[code]}`
          : `can't create directory '${operand}': ${ERRNO_TEXT[code]}`)
      }
    }
    return status
  }
}

function rm(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv)
    const recursive = flags.has('r') || flags.has('R')
    const force = flags.has('f')
    let status = 0
    if (!operands.length && !force) {
      ctx.err(family === 'gnu' ? 'missing operand' : 'missing operand')
      io.stderr(family === 'gnu' ? 'Try \'rm --help\' for more information.\n' : '')
      return 1
    }
    for (const operand of operands) {
      const path = ctx.path(operand)
      const fs = io.fs as FileSystem & { lstat?: (p: string) => FileStat | null }
      const stat = fs.lstat?.(path) ?? fs.stat(path)
      if (!stat) {
        if (!force) {
          status = 1
          ctx.err(family === 'gnu' ? `cannot remove ${shellQuote(operand)}: No such file or directory` : `can't remove '${operand}': No such file or directory`)
        }
        continue
      }
      if (stat.kind === 'dir' && !recursive) {
        status = 1
        ctx.err(family === 'gnu' ? `cannot remove ${shellQuote(operand)}: Is a directory` : `'${operand}' is a directory`)
        continue
      }
      if (path === '/') {
        status = 1
        ctx.err(family === 'gnu' ? 'it is dangerous to operate recursively on \'/\'' : 'can\'t remove \'/\'')
        continue
      }
      try {
        io.fs.remove(path, { recursive })
      }
      catch (error) {
        status = 1
        const code = errnoOf(error)
        ctx.err(family === 'gnu' ? `cannot remove ${shellQuote(operand)}: ${ERRNO_TEXT[code]}` : `can't remove '${operand}': ${ERRNO_TEXT[code]}`)
      }
    }
    return status
  }
}

function rmdir(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { operands } = parseArgs(io.argv)
    let status = 0
    for (const operand of operands) {
      const path = ctx.path(operand)
      const stat = io.fs.stat(path)
      try {
        if (!stat)
          throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
        if (stat.kind !== 'dir')
          throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' })
        io.fs.remove(path)
      }
      catch (error) {
        status = 1
        const code = (error as { code: Errno }).code
        ctx.err(family === 'gnu' ? `failed to remove ${shellQuote(operand)}: ${ERRNO_TEXT[code]}` : `'${operand}': ${ERRNO_TEXT[code]}`)
      }
    }
    return status
  }
}

/** cp and mv share their operand rules: the last operand is the target; several sources need a folder. */
function copyOrMove(family: ToolFamily, move: boolean): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv)
    const recursive = move || flags.has('r') || flags.has('R') || flags.has('a')
    if (operands.length < 2) {
      ctx.err(operands.length ? `missing destination file operand after ${family === 'gnu' ? shellQuote(operands[0]!) : `'${operands[0]}'`}` : 'missing file operand')
      if (family === 'gnu')
        io.stderr(`Try '${ctx.name} --help' for more information.\n`)
      return 1
    }
    const target = operands[operands.length - 1]!
    const sources = operands.slice(0, -1)
    const targetStat = io.fs.stat(ctx.path(target))
    if (sources.length > 1 && targetStat?.kind !== 'dir') {
      ctx.err(family === 'gnu' ? `target ${shellQuote(target)}: ${targetStat ? 'Not a directory' : 'No such file or directory'}` : `'${target}' is not a directory`)
      return 1
    }
    const fs = io.fs as FileSystem & { exportTree?: (p: string) => unknown, importTree?: (p: string, n: unknown) => void }
    let status = 0
    for (const source of sources) {
      const from = ctx.path(source)
      const stat = io.fs.stat(from)
      if (!stat) {
        status = 1
        ctx.err(family === 'gnu' ? `cannot stat ${shellQuote(source)}: No such file or directory` : `${move ? 'can\'t rename' : 'can\'t stat'} '${source}': No such file or directory`)
        continue
      }
      if (stat.kind === 'dir' && !recursive) {
        status = 1
        ctx.err(family === 'gnu' ? `-r not specified; omitting directory ${shellQuote(source)}` : `omitting directory '${source}'`)
        continue
      }
      const to = targetStat?.kind === 'dir' ? resolvePath(ctx.path(target), from.split('/').pop()!) : ctx.path(target)
      try {
        if (move) {
          try {
            io.fs.rename(from, to)
          }
          catch (error) {
            if (!isFsError(error) || error.code !== 'EXDEV' || !fs.exportTree || !fs.importTree)
              throw error
            fs.importTree(to, fs.exportTree(from))
            io.fs.remove(from, { recursive: true })
          }
        }
        else if (stat.kind === 'dir' && fs.exportTree && fs.importTree) {
          fs.importTree(to, fs.exportTree(from))
        }
        else {
          io.fs.writeFile(to, io.fs.readFile(from), { mode: stat.mode })
        }
      }
      catch (error) {
        status = 1
        const code = errnoOf(error)
        ctx.err(family === 'gnu'
          ? `cannot ${move ? 'move' : 'create regular file'} ${shellQuote(move ? source : target)}${move ? ` to ${shellQuote(target)}` : ''}: ${ERRNO_TEXT[code]}`
          : `can't ${move ? 'rename' : 'create'} '${move ? source : target}': ${ERRNO_TEXT[code]}`)
      }
    }
    return status
  }
}

function chmod(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const [modeText, ...files] = io.argv.slice(1).filter(a => a !== '-R')
    if (!modeText || !files.length) {
      ctx.err(modeText ? `missing operand after ${shellQuote(modeText)}` : 'missing operand')
      return 1
    }
    let status = 0
    for (const file of files) {
      const path = ctx.path(file)
      const stat = io.fs.stat(path)
      if (!stat) {
        status = 1
        ctx.err(family === 'gnu' ? `cannot access ${shellQuote(file)}: No such file or directory` : `${file}: No such file or directory`)
        continue
      }
      const mode = applyMode(stat.mode, modeText)
      if (mode === null) {
        ctx.err(family === 'gnu' ? `invalid mode: ${shellQuote(modeText)}` : `invalid mode '${modeText}'`)
        return 1
      }
      try {
        io.fs.chmod(path, mode)
      }
      catch (error) {
        status = 1
        ctx.err(family === 'gnu' ? `changing permissions of ${shellQuote(file)}: ${ERRNO_TEXT[errnoOf(error)]}` : `${file}: ${ERRNO_TEXT[errnoOf(error)]}`)
      }
    }
    return status
  }
}

/** An octal mode, or symbolic clauses like `+x`, `u+x,go-w`, `a=r`. */
export function applyMode(current: number, text: string): number | null {
  if (/^[0-7]{1,4}$/.test(text))
    return Number.parseInt(text, 8)
  let mode = current
  for (const clause of text.split(',')) {
    const match = /^([ugoa]*)([-+=])([rwxt]*)$/.exec(clause)
    if (!match)
      return null
    const [, who = '', op, perms = ''] = match
    const targets = who === '' || who.includes('a') ? 'ugo' : who
    let bits = 0
    for (const t of targets) {
      const shift = t === 'u' ? 6 : t === 'g' ? 3 : 0
      for (const p of perms)
        bits |= (p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' ? 1 : 0) << shift
      if (op === '=')
        mode &= ~(7 << shift)
    }
    if (perms.includes('t'))
      bits |= 0o1000
    mode = op === '-' ? mode & ~bits : mode | bits
  }
  return mode
}

// ——— environment and time ———

/** BusyBox's usage text for `sleep` alone, as Debian's busybox 1.35 prints it (the busybox image's own build line differs). */
const BUSYBOX_SLEEP_USAGE = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n'

const env: Program = async (io) => {
  const args = io.argv.slice(1)
  const vars = new Map(io.env)
  while (args.length && /^[A-Z_]\w*=/i.test(args[0]!)) {
    const item = args.shift()!
    vars.set(item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1))
  }
  if (args.length)
    return io.spawn(args, { env: vars })
  io.stdout([...vars].map(([k, v]) => `${k}=${v}\n`).join(''))
  return 0
}

const printenv: Program = async (io) => {
  const names = io.argv.slice(1)
  if (!names.length) {
    io.stdout([...io.env].map(([k, v]) => `${k}=${v}\n`).join(''))
    return 0
  }
  let status = 0
  for (const name of names) {
    const value = io.env.get(name)
    if (value === undefined)
      status = 1
    else
      io.stdout(`${value}\n`)
  }
  return status
}

function sleep(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const args = io.argv.slice(1)
    if (!args.length) {
      if (family === 'busybox') {
        io.stderr(BUSYBOX_SLEEP_USAGE)
        return 1
      }
      ctx.err('missing operand')
      io.stderr('Try \'sleep --help\' for more information.\n')
      return 1
    }
    let ms = 0
    for (const arg of args) {
      const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg)
      if (!match) {
        ctx.err(family === 'gnu' ? `invalid time interval ${localeQuote(io, arg)}` : `invalid number '${arg}'`)
        if (family === 'gnu')
          io.stderr('Try \'sleep --help\' for more information.\n')
        return 1
      }
      ms += Number(match[1]) * ({ '': 1, 's': 1, 'm': 60, 'h': 3600, 'd': 86400 }[match[2]!] ?? 1) * 1000
    }
    const end = io.clock.now() + ms
    while (true) {
      try {
        await io.clock.sleep(Math.max(0, end - io.clock.now()))
        return 0
      }
      catch (error) {
        // A signal for the shell that started this sleep (PID 1 with a trap): sleep itself goes on.
        if (error instanceof Interrupted && io.signalledParent?.(error))
          continue
        throw error
      }
    }
  }
}

const date: Program = async (io) => {
  const format = io.argv.slice(1).find(a => a.startsWith('+'))
  io.stdout(`${formatDate(new Date(wallClock(io.clock)), format?.slice(1))}\n`)
  return 0
}

const hostname: Program = async (io) => {
  let name = io.env.get('HOSTNAME') ?? 'localhost'
  try {
    name = io.fs.readFile('/etc/hostname').trim() || name
  }
  catch {}
  io.stdout(`${name}\n`)
  return 0
}

/** The accounts of Debian's and BusyBox's /etc/passwd that `-u` names in practice. */
const ACCOUNTS: { name: string, uid: number, gid: number, group: string }[] = [
  { name: 'root', uid: 0, gid: 0, group: 'root' },
  { name: 'daemon', uid: 1, gid: 1, group: 'daemon' },
  { name: 'www-data', uid: 33, gid: 33, group: 'www-data' },
  { name: 'nobody', uid: 65534, gid: 65534, group: 'nogroup' },
]

function accountOf(io: ProcessIO): { name: string | null, uid: number, gid: number, group: string } | null {
  const user = io.user ?? 'root'
  const [who = 'root', groupPart] = user.split(':')
  const known = ACCOUNTS.find(a => a.name === who || String(a.uid) === who)
  if (!known && !/^\d+$/.test(who))
    return null
  const account = known ?? { name: null, uid: Number(who), gid: 0, group: 'root' }
  if (groupPart !== undefined) {
    const group = ACCOUNTS.find(a => a.group === groupPart || String(a.gid) === groupPart)
    return { ...account, gid: group?.gid ?? Number(groupPart), group: group?.group ?? '' }
  }
  return account
}

const id: Program = async (io) => {
  const account = accountOf(io)
  if (!account) {
    io.stderr(`id: '${io.user}': no such user\n`)
    return 1
  }
  const user = account.name ? `${account.uid}(${account.name})` : String(account.uid)
  const group = account.group ? `${account.gid}(${account.group})` : String(account.gid)
  io.stdout(`uid=${user} gid=${group} groups=${group}\n`)
  return 0
}

const whoami: Program = async (io) => {
  const account = accountOf(io)
  if (!account?.name) {
    io.stderr(`whoami: cannot find name for user ID ${account?.uid ?? io.user}\n`)
    return 1
  }
  io.stdout(`${account.name}\n`)
  return 0
}

const uname: Program = async (io) => {
  const all = io.argv.includes('-a')
  io.stdout(all ? `Linux ${io.env.get('HOSTNAME') ?? 'localhost'} 6.1.0 #1 SMP x86_64 GNU/Linux\n` : 'Linux\n')
  return 0
}

// ——— text filters ———

async function inputsOf(io: ProcessIO, ctx: Ctx, operands: string[]): Promise<{ name: string, text: string }[] | null> {
  if (!operands.length)
    return [{ name: '', text: await readStdin(io) }]
  const inputs: { name: string, text: string }[] = []
  for (const operand of operands) {
    if (operand === '-') {
      inputs.push({ name: '-', text: await readStdin(io) })
      continue
    }
    try {
      inputs.push({ name: operand, text: io.fs.readFile(ctx.path(operand)) })
    }
    catch (error) {
      const code = errnoOf(error)
      ctx.err(ctx.family === 'gnu' || code === 'EISDIR' ? `${operand}: ${ERRNO_TEXT[code]}` : `can't open '${operand}': ${ERRNO_TEXT[code]}`)
      return null
    }
  }
  return inputs
}

function linesOf(text: string): string[] {
  if (!text)
    return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '')
    lines.pop()
  return lines
}

function grep(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv, 'e')
    const pattern = flags.get('e') ?? operands.shift()
    if (pattern === undefined) {
      io.stderr(family === 'gnu' ? 'Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n' : 'Usage: grep [-HhnlLoqvsrRiwFExzc] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n')
      return 2
    }
    let regex: RegExp
    try {
      const source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : basicToExtended(pattern)
      regex = new RegExp(flags.has('w') ? `\\b(?:${source})\\b` : source, flags.has('i') ? 'i' : '')
    }
    catch {
      ctx.err(family === 'gnu' ? 'Unmatched ( or \\(' : `bad regex '${pattern}'`)
      return 2
    }
    const inputs = await inputsOf(io, ctx, operands)
    if (!inputs)
      return 2
    let matched = 0
    for (const input of inputs) {
      let count = 0
      linesOf(input.text).forEach((line, i) => {
        if (regex.test(line) === flags.has('v'))
          return
        count++
        matched++
        if (flags.has('q') || flags.has('c') || flags.has('l'))
          return
        const prefix = (inputs.length > 1 && !flags.has('h') ? `${input.name}:` : '') + (flags.has('n') ? `${i + 1}:` : '')
        io.stdout(`${prefix}${line}\n`)
      })
      if (flags.has('c'))
        io.stdout(`${inputs.length > 1 ? `${input.name}:` : ''}${count}\n`)
      if (flags.has('l') && count)
        io.stdout(`${input.name || '(standard input)'}\n`)
    }
    return matched ? 0 : 1
  }
}

/** POSIX basic regular expressions: `\(` `\)` `\{` `\}` `\|` are the operators; bare ones are literal. */
function basicToExtended(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!
      out += '(){}|+?'.includes(n) ? n : `\\${n}`
    }
    else {
      out += '(){}|+?'.includes(c) ? `\\${c}` : c
    }
  }
  return out
}

function countOption(flags: Map<string, string>, operands: string[], fallback: number): number {
  const value = flags.get('n')
  if (value !== undefined)
    return Number(value)
  const legacy = operands.findIndex(o => /^-\d+$/.test(o))
  if (legacy !== -1)
    return Number(operands.splice(legacy, 1)[0]!.slice(1))
  return fallback
}

function headOrTail(family: ToolFamily, tail: boolean): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const args = io.argv.map(a => /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a)
    const { flags, operands } = parseArgs(args, 'nc')
    const count = countOption(flags, operands, 10)
    if (!tail && !operands.length) {
      // head stops reading once it has its lines, so `yes | head -n 2` ends (the writer then gets SIGPIPE).
      for (let i = 0; i < count; i++) {
        const line = await io.readLine()
        if (line === null)
          break
        io.stdout(`${line}\n`)
      }
      return 0
    }
    const inputs = await inputsOf(io, ctx, operands)
    if (!inputs)
      return 1
    inputs.forEach((input, i) => {
      if (inputs.length > 1)
        io.stdout(`${i ? '\n' : ''}==> ${input.name} <==\n`)
      const lines = linesOf(input.text)
      const picked = tail ? lines.slice(Math.max(0, lines.length - count)) : lines.slice(0, count)
      const lastHasNewline = input.text.endsWith('\n')
      io.stdout(picked.map((l, j) => (j === picked.length - 1 && !lastHasNewline && (tail || count >= lines.length)) ? l : `${l}\n`).join(''))
    })
    return 0
  }
}

function wc(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv)
    const inputs = await inputsOf(io, ctx, operands)
    if (!inputs)
      return 1
    const chosen = ['l', 'w', 'c'].filter(f => flags.has(f) || (f === 'c' && flags.has('m')))
    const show = chosen.length ? chosen : ['l', 'w', 'c']
    const rows = inputs.map(input => ({
      name: input.name,
      l: (input.text.match(/\n/g) ?? []).length,
      w: input.text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(input.text).length,
    }))
    if (rows.length > 1)
      rows.push({ name: 'total', l: sum(rows, 'l'), w: sum(rows, 'w'), c: sum(rows, 'c') })
    let width: number
    if (family === 'busybox')
      width = show.length === 1 ? 0 : 9
    else if (show.length === 1 && rows.length === 1)
      width = 0
    else
      width = operands.length ? Math.max(...rows.flatMap(r => show.map(k => String(r[k as 'l']).length))) : 7
    io.stdout(rows.map(r => `${show.map(k => String(r[k as 'l']).padStart(width)).join(family === 'busybox' ? ' ' : ' ')}${r.name ? ` ${r.name}` : ''}\n`).join(''))
    return 0
  }
}

function sum(rows: { l: number, w: number, c: number }[], key: 'l' | 'w' | 'c'): number {
  return rows.reduce((total, r) => total + r[key], 0)
}

function sort(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv, 'tk')
    const inputs = await inputsOf(io, ctx, operands)
    if (!inputs)
      return 2
    let lines = inputs.flatMap(i => linesOf(i.text))
    const field = flags.get('k') ? Number(flags.get('k')!.split(',')[0]) : 0
    const separator = flags.get('t')
    const keyOf = (line: string) => field ? (separator !== undefined ? line.split(separator) : line.trim().split(/\s+/)).slice(field - 1).join(separator ?? ' ') : line
    const numeric = flags.has('n')
    lines.sort((a, b) => {
      const ka = keyOf(a)
      const kb = keyOf(b)
      if (numeric)
        return (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0) || (a < b ? -1 : a > b ? 1 : 0)
      return ka < kb ? -1 : ka > kb ? 1 : 0
    })
    if (flags.has('r'))
      lines.reverse()
    if (flags.has('u'))
      lines = lines.filter((l, i) => i === 0 || keyOf(l) !== keyOf(lines[i - 1]!))
    io.stdout(lines.map(l => `${l}\n`).join(''))
    return 0
  }
}

const uniq: Program = async (io) => {
  const text = await readStdin(io)
  const counts = io.argv.includes('-c')
  const out: { line: string, n: number }[] = []
  for (const line of linesOf(text)) {
    const last = out[out.length - 1]
    if (last && last.line === line)
      last.n++
    else
      out.push({ line, n: 1 })
  }
  io.stdout(out.map(o => counts ? `${String(o.n).padStart(7)} ${o.line}\n` : `${o.line}\n`).join(''))
  return 0
}

/** tr's sets: ranges like a-z and the classes [:lower:] [:upper:] [:digit:] [:space:]. */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = {
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\v\f',
  }
  let text = set.replace(/\[:\w+:\]/g, m => classes[m] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t')
  const out: string[] = []
  text = text.replace(/\\\\/g, '\\')
  for (let i = 0; i < text.length; i++) {
    if (text[i + 1] === '-' && i + 2 < text.length) {
      for (let c = text.charCodeAt(i); c <= text.charCodeAt(i + 2); c++)
        out.push(String.fromCharCode(c))
      i += 2
    }
    else {
      out.push(text[i]!)
    }
  }
  return out
}

function tr(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv)
    if (!operands.length) {
      ctx.err('missing operand')
      return 1
    }
    const text = await readStdin(io)
    const from = expandSet(operands[0]!)
    if (flags.has('d')) {
      const drop = new Set(from)
      io.stdout([...text].filter(c => !drop.has(c)).join(''))
      return 0
    }
    const to = expandSet(operands[1] ?? '')
    if (!to.length) {
      ctx.err(family === 'gnu' ? `missing operand after ${shellQuote(operands[0]!)}` : 'missing operand')
      return 1
    }
    const map = new Map(from.map((c, i) => [c, to[Math.min(i, to.length - 1)]!]))
    let out = [...text].map(c => map.get(c) ?? c).join('')
    if (flags.has('s'))
      out = out.replace(/(.)\1+/gs, (m, c: string) => to.includes(c) ? c : m)
    io.stdout(out)
    return 0
  }
}

function cut(family: ToolFamily): Program {
  return async (io) => {
    const ctx = ctxOf(io, family)
    const { flags, operands } = parseArgs(io.argv, 'dfc')
    const list = flags.get('f') ?? flags.get('c')
    if (!list) {
      ctx.err(family === 'gnu' ? 'you must specify a list of bytes, characters, or fields' : 'expected a list of bytes, characters, or fields')
      return 1
    }
    const wanted = (n: number) => list.split(',').some((range) => {
      const [a, b] = range.split('-')
      const lo = a ? Number(a) : 1
      const hi = range.includes('-') ? (b ? Number(b) : Infinity) : lo
      return n >= lo && n <= hi
    })
    const inputs = await inputsOf(io, ctx, operands)
    if (!inputs)
      return 1
    const delimiter = flags.get('d') ?? '\t'
    for (const line of inputs.flatMap(i => linesOf(i.text))) {
      if (flags.has('c')) {
        io.stdout(`${[...line].filter((_, i) => wanted(i + 1)).join('')}\n`)
        continue
      }
      if (!line.includes(delimiter)) {
        io.stdout(`${line}\n`)
        continue
      }
      io.stdout(`${line.split(delimiter).filter((_, i) => wanted(i + 1)).join(delimiter)}\n`)
    }
    return 0
  }
}

const tee: Program = async (io) => {
  const append = io.argv.includes('-a')
  const files = io.argv.slice(1).filter(a => !a.startsWith('-'))
  for (const file of files)
    io.fs.writeFile(resolvePath(io.cwd, file), '', { append })
  const text = await readStdin(io)
  for (const file of files)
    io.fs.writeFile(resolvePath(io.cwd, file), text, { append: true })
  io.stdout(text)
  return 0
}

function echo(family: ToolFamily): Program {
  return async (io) => {
    let args = io.argv.slice(1)
    let newline = true
    if (args[0] === '-n') {
      newline = false
      args = args.slice(1)
    }
    void family
    io.stdout(`${args.join(' ')}${newline ? '\n' : ''}`)
    return 0
  }
}

const trueProgram: Program = async () => 0
const falseProgram: Program = async () => 1

/** Every tool, by the name it has on PATH. */
export function toolPrograms(family: ToolFamily): Record<string, Program> {
  return {
    cat: cat(family),
    ls: ls(family),
    touch: touch(family),
    mkdir: mkdir(family),
    rm: rm(family),
    rmdir: rmdir(family),
    cp: copyOrMove(family, false),
    mv: copyOrMove(family, true),
    chmod: chmod(family),
    env,
    printenv,
    sleep: sleep(family),
    date,
    hostname,
    whoami,
    id,
    uname,
    grep: grep(family),
    head: headOrTail(family, false),
    tail: headOrTail(family, true),
    wc: wc(family),
    sort: sort(family),
    uniq,
    tr: tr(family),
    cut: cut(family),
    tee,
    echo: echo(family),
    true: trueProgram,
    false: falseProgram,
  }
}
