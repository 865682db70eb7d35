// The tools that read a container's kernel view rather than its files: `ps` (the container's processes:
// PID 1 and what `docker exec` started), `df` (its mounts), BusyBox `wget`, `ping` and `ip` (its network);
// and `tar`, which `docker cp … -` pairs with.
// Each family's own format: BusyBox's applets (busybox, alpine), procps and coreutils in Debian-based
// images. Recorded from the real programs: tests/fixtures/daemon/scenarios/container-tools.yaml.

import type { MountInfo, ProcessInfo, ProcessIO, Program } from './process'
import type { ToolFamily } from './programs'
import { resolvePath } from './fs/filesystem'
import { readTar, tarOf } from './fs/tar'
import { Interrupted } from './process'
import { resolveUser } from './users'

// ——— ps ———

interface PsColumn { header: string, width: number, right: boolean, value: (p: ProcessInfo, io: ProcessIO) => string }

function userName(io: ProcessIO, user: string | undefined): string {
  const resolved = resolveUser(io.fs, user)
  return resolved?.name ?? String(resolved?.uid ?? user ?? 0)
}

/** BusyBox ps -o: each column's width and alignment (procps/ps.c out_spec). */
const BUSYBOX_COLUMNS: Record<string, PsColumn> = {
  pid: { header: 'PID', width: 5, right: true, value: p => String(p.pid) },
  ppid: { header: 'PPID', width: 5, right: true, value: p => String(p.ppid) },
  user: { header: 'USER', width: 8, right: false, value: (p, io) => userName(io, p.user) },
  comm: { header: 'COMMAND', width: 16, right: false, value: p => (p.argv[0] ?? '').split('/').pop() ?? '' },
  args: { header: 'COMMAND', width: 0, right: false, value: p => p.argv.join(' ') },
  // The simulator keeps no CPU time: every process shows 0:00.
  time: { header: 'TIME', width: 5, right: true, value: () => '0:00' },
}

function busyboxPs(io: ProcessIO, rows: ProcessInfo[]): number {
  const at = io.argv.indexOf('-o')
  // The busybox image's default (FEATURE_PS_TIME): PID USER TIME COMMAND; other options (aux, -ef) are ignored.
  const spec = at > 0 ? (io.argv[at + 1] ?? '') : 'pid,user,time,args'
  const fields = spec.split(',').filter(Boolean)
  const bad = fields.find(field => !(field in BUSYBOX_COLUMNS))
  if (bad) {
    io.stderr(`ps: bad -o argument '${bad}', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\n`)
    return 1
  }
  const columns = fields.map(field => BUSYBOX_COLUMNS[field]!)
  const line = (cells: string[]): string => cells.map((cell, i) => {
    const column = columns[i]!
    if (column.width === 0)
      return cell
    const fitted = cell.slice(0, column.width)
    return column.right ? fitted.padStart(column.width) : fitted.padEnd(column.width)
  }).join(' ').replace(/ +$/, '')
  // Headers are left-aligned in the column's width; values of numeric columns right-aligned.
  io.stdout(`${columns.map(c => c.width ? c.header.padEnd(c.width) : c.header).join(' ').replace(/ +$/, '')}\n`)
  for (const p of rows)
    io.stdout(`${line(columns.map(c => c.value(p, io)))}\n`)
  return 0
}

/** procps-ng ps: the default (this terminal's processes: all of them here), -e/-f, aux, -o. */
function procpsPs(io: ProcessIO, rows: ProcessInfo[]): number {
  const args = io.argv.slice(1)
  const tty = io.tty ? 'pts/0' : '?'
  const table = (headers: string[], right: boolean[], cells: string[][]): void => {
    const widths = headers.map((h, i) => Math.max(h.length, ...cells.map(r => (r[i] ?? '').length)))
    const render = (row: string[]): string => row.map((cell, i) => i === row.length - 1 ? cell : right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)).join(' ')
    io.stdout(`${render(headers)}\n`)
    for (const row of cells)
      io.stdout(`${render(row)}\n`)
  }
  const at = args.findIndex(a => a === '-o' || a === '-eo')
  if (at >= 0) {
    const known: Record<string, [string, boolean, (p: ProcessInfo) => string]> = {
      pid: ['PID', true, p => String(p.pid)],
      ppid: ['PPID', true, p => String(p.ppid)],
      user: ['USER', false, p => userName(io, p.user)],
      comm: ['COMMAND', false, p => (p.argv[0] ?? '').split('/').pop() ?? ''],
      args: ['COMMAND', false, p => p.argv.join(' ')],
      cmd: ['CMD', false, p => p.argv.join(' ')],
    }
    const fields = (args[at + 1] ?? '').split(',').filter(Boolean)
    const bad = fields.find(field => !(field in known))
    if (bad || fields.length === 0) {
      io.stderr(`error: unknown user-defined format specifier "${bad ?? ''}"\n`)
      return 1
    }
    // procps pads PID columns to 7 (pid_max 4194304).
    table(fields.map(f => known[f]![0].padStart(known[f]![1] ? 7 : 0)), fields.map(f => known[f]![1]), rows.map(p => fields.map(f => known[f]![2](p))))
    return 0
  }
  if (args.includes('aux') || args.includes('-aux')) {
    table(['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'], [false, true, true, true, true, true, false, false, false, true, false], rows.map(p => [userName(io, p.user), String(p.pid), '0.0', '0.0', '2576', '1024', tty, p.pid === 1 ? 'Ss' : 'R', '00:00', '0:00', p.argv.join(' ')]))
    return 0
  }
  if (args.some(a => /^-[a-zA-Z]*f/.test(a))) {
    table(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], [false, true, true, true, false, false, false, false], rows.map(p => [userName(io, p.user), String(p.pid), String(p.ppid), '0', '00:00', tty, '00:00:00', p.argv.join(' ')]))
    return 0
  }
  table(['PID', 'TTY', 'TIME', 'CMD'], [true, false, true, false], rows.map(p => [String(p.pid).padStart(7), tty, '00:00:00', (p.argv[0] ?? '').split('/').pop() ?? '']))
  return 0
}

function ps(family: ToolFamily): Program {
  return async (io) => {
    const rows = io.system?.processes() ?? []
    // Run by a shell, ps is that shell's child: it is not among the host's processes yet.
    if (!rows.some(p => p.argv === io.argv))
      rows.push({ pid: Math.max(1, ...rows.map(p => p.pid)) + 6, ppid: rows[rows.length - 1]?.pid ?? 1, argv: io.argv, ...(io.user ? { user: io.user } : {}) })
    return family === 'busybox' ? busyboxPs(io, rows) : procpsPs(io, rows)
  }
}

// ——— df ———

/** The figures df shows, in 1K blocks: the VM's disk (Docker Desktop's default 64 GB disk), half its RAM for tmpfs, 64 MB for /dev and shm. */
const DISK = { blocks: 61202244, used: 12933680 }
const RAM_HALF = 4020180
const DEV = 65536

function usedUnder(io: ProcessIO, path: string): number {
  let kib = 0
  const walk = (dir: string): void => {
    for (const name of io.fs.readdir(dir)) {
      const full = `${dir.replace(/\/$/, '')}/${name}`
      const stat = io.fs.stat(full)
      if (stat?.kind === 'dir')
        walk(full)
      else if (stat)
        kib += Math.ceil(stat.size / 4096) * 4
    }
  }
  try {
    walk(path)
  }
  catch {}
  return kib
}

function figures(io: ProcessIO, mount: MountInfo): { blocks: number, used: number } {
  if (mount.kind === 'root' || mount.kind === 'disk')
    return DISK
  if (mount.kind === 'dev')
    return { blocks: DEV, used: 0 }
  return { blocks: RAM_HALF, used: usedUnder(io, mount.target) }
}

/** BusyBox's -h: one decimal below 10 units… as make_human_readable_str prints (1K blocks in). */
function busyboxHuman(kib: number): string {
  if (kib === 0)
    return '0'
  const units = ['K', 'M', 'G', 'T']
  let value = kib
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)}${units[unit]}`
}

/** coreutils' -h: powers of 1024, rounded up, one decimal below 10. */
function gnuHuman(kib: number): string {
  if (kib === 0)
    return '0'
  const units = ['K', 'M', 'G', 'T']
  let value = kib
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return value < 10 ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${units[unit]}` : `${Math.ceil(value)}${units[unit]}`
}

/** The mount that holds a path: the longest target that is the path or a folder above it. */
function mountOf(mounts: MountInfo[], path: string): MountInfo {
  return mounts.filter(m => m.target === '/' || path === m.target || path.startsWith(`${m.target}/`)).sort((a, b) => b.target.length - a.target.length)[0]!
}

function df(family: ToolFamily): Program {
  return async (io) => {
    const human = io.argv.slice(1).some(a => /^-[a-zA-Z]*h/.test(a))
    const operands = io.argv.slice(1).filter(a => !a.startsWith('-'))
    const mounts = io.system?.mounts() ?? [{ filesystem: 'overlay', target: '/', kind: 'root' as const }]
    const shown: MountInfo[] = []
    const errors: string[] = []
    for (const operand of operands) {
      const path = resolvePath(io.cwd, operand)
      // Docker's resolv.conf, hostname and hosts are bind-mounted files, there even when the image lacks them.
      const dockerFile = mounts.some(m => m.target === path && m.target.startsWith('/etc/'))
      if (!dockerFile && !io.fs.stat(path)) {
        errors.push(family === 'busybox' ? `df: ${operand}: can't find mount point` : `df: ${operand}: No such file or directory`)
        continue
      }
      shown.push(mountOf(mounts, path))
    }
    const list = operands.length ? shown : mounts
    const rows = list.map((m) => {
      const { blocks, used } = figures(io, m)
      const available = blocks - used
      // BusyBox rounds Use% to the nearest (df.c); coreutils rounds it up.
      const percent = blocks ? (family === 'busybox' ? Math.round((used * 100) / blocks) : Math.ceil((used * 100) / blocks)) : 0
      return { m, blocks, used, available, percent }
    })
    if (family === 'busybox') {
      const size = (kib: number): string => (human ? busyboxHuman(kib) : String(kib)).padStart(9)
      io.stdout(`${'Filesystem'.padEnd(20)} ${(human ? 'Size' : '1K-blocks').padStart(9)} ${'Used'.padStart(9)} ${'Available'.padStart(9)} Use% Mounted on\n`)
      for (const r of rows)
        io.stdout(`${r.m.filesystem.padEnd(20)} ${size(r.blocks)} ${size(r.used)} ${size(r.available)} ${String(r.percent).padStart(3)}% ${r.m.target}\n`)
    }
    else if (rows.length) {
      const value = (kib: number): string => human ? gnuHuman(kib) : String(kib)
      const cells = [[`Filesystem`, human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'], ...rows.map(r => [r.m.filesystem, value(r.blocks), value(r.used), value(r.available), `${r.percent}%`, r.m.target])]
      const widths = [0, 1, 2, 3, 4].map(i => Math.max(...cells.map(c => c[i]!.length)))
      for (const c of cells)
        io.stdout(`${c.slice(0, 5).map((cell, i) => i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!)).join(' ')} ${c[5]}\n`)
    }
    for (const error of errors)
      io.stderr(`${error}\n`)
    return errors.length ? 1 : 0
  }
}

// ——— wget (BusyBox) ———

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 404: 'File not found', 500: 'Internal Server Error', 501: 'Unsupported method' }

/** BusyBox's progress line as printed once at the end when stderr is not a terminal (libbb/progress.c). */
function progressLine(name: string, bytes: number): string {
  const size = bytes < 100000 ? String(bytes) : `${Math.floor(bytes / 1024)}k`
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${size.padStart(5)}  0:00:00 ETA\n`
}

const wget: Program = async (io) => {
  let quiet = false
  let output: string | null = null
  let url: string | null = null
  const args = io.argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-O' || arg === '--output-document') {
      output = args[++i] ?? ''
      continue
    }
    if (/^-[qO]+/.test(arg) && arg !== '-') {
      // Bundled short options: -q, -O FILE, -qO-, -qOfile.
      const letters = arg.slice(1)
      for (let j = 0; j < letters.length; j++) {
        if (letters[j] === 'q') {
          quiet = true
        }
        else if (letters[j] === 'O') {
          output = letters.slice(j + 1) || (args[++i] ?? '')
          break
        }
      }
      continue
    }
    if (arg === '--quiet') {
      quiet = true
      continue
    }
    if (arg.startsWith('-')) {
      io.stderr(`[simulator] wget ${arg} is not simulated (only -q and -O)\n`)
      return 1
    }
    url = arg
  }
  if (!url) {
    io.stderr('BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n')
    return 1
  }
  const parsed = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)
  if (!parsed) {
    io.stderr(`wget: not an http or ftp url: ${url}\n`)
    return 1
  }
  const [, host, portText, path = '/'] = parsed as unknown as [string, string, string | undefined, string | undefined]
  const port = Number(portText ?? 80)
  const hostPort = portText ? `${host}:${portText}` : host
  const address = io.network.resolve ? io.network.resolve(host) : host
  if (address === null) {
    io.stderr(`wget: bad address '${hostPort}'\n`)
    return 1
  }
  if (!quiet)
    io.stderr(`Connecting to ${hostPort} (${address}:${port})\n`)
  let response
  try {
    response = await io.network.request(host, port, { method: 'GET', path, headers: { 'Host': hostPort, 'User-Agent': 'Wget', 'Connection': 'close' }, body: '' })
  }
  catch (failure) {
    const message = failure instanceof Error ? failure.message : String(failure)
    if (/resolve/i.test(message)) {
      io.stderr(`wget: bad address '${hostPort}'\n`)
      return 1
    }
    io.stderr(/timed out/i.test(message) ? 'wget: download timed out\n' : `wget: can't connect to remote host (${address}): Connection refused\n`)
    return 1
  }
  if (response.status >= 400) {
    io.stderr(`wget: server returned error: ${response.protocol ?? 'HTTP/1.1'} ${response.status} ${REASONS[response.status] ?? ''}\n`)
    return 1
  }
  const name = output ?? (path.replace(/\?.*$/, '').split('/').pop() || 'index.html')
  const toStdout = name === '-'
  if (!quiet)
    io.stderr(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`)
  if (toStdout) {
    io.stdout(response.body)
  }
  else {
    try {
      io.fs.writeFile(resolvePath(io.cwd, name), response.body)
    }
    catch {
      io.stderr(`wget: can't open '${name}': Permission denied\n`)
      return 1
    }
  }
  if (!quiet)
    io.stderr(`${progressLine(name, new TextEncoder().encode(response.body).length)}${toStdout ? 'written to stdout' : `'${name}' saved`}\n`)
  return 0
}

// ——— ping (BusyBox) ———

/** BusyBox ping: one echo a second to what the name resolves to; containers always answer (no firewall inside a bridge). */
const ping: Program = async (io) => {
  const args = io.argv.slice(1)
  let count = Number.POSITIVE_INFINITY
  let target: string | null = null
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c')
      count = Number(args[++i])
    else if (/^-c\d+$/.test(args[i]!))
      count = Number(args[i]!.slice(2))
    else if (!args[i]!.startsWith('-'))
      target = args[i]!
  }
  if (!target) {
    io.stderr('BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n')
    return 1
  }
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(target)
  const address = io.network.resolve ? io.network.resolve(target) : null
  if (address === null && !ip) {
    io.stderr(`ping: bad address '${target}'\n`)
    return 1
  }
  // An address nothing holds never answers.
  const answers = address !== null
  io.stdout(`PING ${target} (${address ?? target}): 56 data bytes\n`)
  let sent = 0
  let received = 0
  try {
    while (sent < count) {
      sent++
      if (answers) {
        received++
        io.stdout(`64 bytes from ${address}: seq=${sent - 1} ttl=64 time=0.080 ms\n`)
      }
      if (sent < count)
        await io.clock.sleep(1000)
    }
  }
  catch (failure) {
    // Ctrl-C: the statistics, as at the end of -c.
    if (!(failure instanceof Interrupted) || failure.signal !== 'SIGINT')
      throw failure
  }
  const loss = sent ? Math.round(((sent - received) * 100) / sent) : 0
  io.stdout(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`)
  if (received)
    io.stdout('round-trip min/avg/max = 0.080/0.080/0.080 ms\n')
  return received ? 0 : 1
}

// ——— ip (BusyBox) ———

/** BusyBox ip link / addr / route, from the container's interfaces: lo, then one eth per network (the kernel's interface numbers are its own). */
const ip: Program = async (io) => {
  const args = io.argv.slice(1)
  const oneLine = args.includes('-o')
  const v4 = args.includes('-4')
  const [object = 'addr'] = args.filter(a => !a.startsWith('-'))
  const interfaces = io.system?.interfaces() ?? []
  const join = (lines: string[]): string => oneLine ? lines.join('\\') : lines.join('\n')
  const broadcast = (address: string, prefix: number): string => {
    const n = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)
    const host = 2 ** (32 - prefix) - 1
    const b = n - (n % (host + 1)) + host
    return [24, 16, 8, 0].map(shift => Math.floor(b / 2 ** shift) % 256).join('.')
  }
  const links = [
    { head: '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000', link: '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00', inet: ['    inet 127.0.0.1/8 scope host lo', '       valid_lft forever preferred_lft forever'], name: 'lo', index: 1 },
    ...interfaces.map((nic, i) => {
      const index = 2 * i + 10
      return {
        head: `${index}: eth${i}@if${index + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue `,
        link: `    link/ether ${nic.mac} brd ff:ff:ff:ff:ff:ff`,
        inet: [`    inet ${nic.ip}/${nic.prefix} brd ${broadcast(nic.ip, nic.prefix)} scope global eth${i}`, '       valid_lft forever preferred_lft forever'],
        name: `eth${i}`,
        index,
      }
    }),
  ]
  if ('link'.startsWith(object)) {
    for (const l of links)
      io.stdout(`${join([l.head, l.link])}\n`)
    return 0
  }
  if ('address'.startsWith(object)) {
    for (const l of links) {
      if (oneLine)
        io.stdout(`${l.index}: ${l.name}    ${l.inet[0]!.trim()}\\${l.inet[1]}\n`)
      else
        io.stdout(`${[l.head, ...(v4 ? [] : [l.link]), ...l.inet].join('\n')}\n`)
    }
    return 0
  }
  if ('route'.startsWith(object)) {
    if (interfaces[0]?.gateway)
      io.stdout(`default via ${interfaces[0].gateway} dev eth0 \n`)
    interfaces.forEach((nic, i) => {
      const net = broadcast(nic.ip, nic.prefix).split('.').map((part, k) => k >= Math.floor(nic.prefix / 8) ? '0' : part).join('.')
      io.stdout(`${net}/${nic.prefix} dev eth${i} scope link  src ${nic.ip} \n`)
    })
    return 0
  }
  io.stderr(`[simulator] ip ${object} is not simulated (ip link, ip addr, ip route are)\n`)
  return 1
}

// ——— tar (no compression) ———

async function readAll(io: ProcessIO): Promise<string> {
  let text = ''
  if (io.readChunk) {
    for (let c = await io.readChunk(); c !== null; c = await io.readChunk())
      text += c
  }
  return text
}

/** tar -c, -t and -x of plain archives, on a file or standard input (`-f -`), with -C and -v: what `docker cp … -` pairs with. */
export function tarProgram(family: ToolFamily): Program {
  return async (io) => {
    const args = io.argv.slice(1)
    let mode: 'c' | 't' | 'x' | null = null
    let file: string | null = null
    let verbose = false
    let directory = io.cwd
    const operands: string[] = []
    for (let i = 0; i < args.length; i++) {
      let arg = args[i]!
      if (arg === '-C' || arg === '--directory') {
        directory = resolvePath(io.cwd, args[++i] ?? '.')
        continue
      }
      if (i === 0 && /^[ctxvf]+$/.test(arg))
        arg = `-${arg}` // tar's old style: `tar tf -`
      if (/^-[ctxvzf]+$/.test(arg)) {
        for (const letter of arg.slice(1)) {
          if (letter === 'c' || letter === 't' || letter === 'x')
            mode = letter
          else if (letter === 'v')
            verbose = true
          else if (letter === 'f')
            file = args[++i] ?? null
          else if (letter === 'z')
            return (io.stderr('[simulator] tar -z (gzip) is not simulated: use a plain archive\n'), 2)
        }
        continue
      }
      operands.push(arg)
    }
    const fail = (message: string): number => {
      io.stderr(family === 'busybox' ? `tar: ${message}\n` : `tar: ${message}\ntar: Exiting with failure status due to previous errors\n`)
      return family === 'busybox' ? 1 : 2
    }
    if (!mode)
      return fail(family === 'busybox' ? 'need at least one of -c, -t or -x' : 'You must specify one of the \'-Acdtrux\', \'--delete\' or \'--test-label\' options')
    if (mode === 'c') {
      let archive = ''
      for (const operand of operands) {
        const path = resolvePath(directory, operand)
        if (!io.fs.stat(path))
          return fail(`${operand}: Cannot stat: No such file or directory`)
        archive += tarOf(io.fs, path, io.clock.epochMs).slice(0, -1024)
      }
      archive += '\0'.repeat(1024)
      if (file === null || file === '-')
        io.stdout(archive)
      else
        io.fs.writeFile(resolvePath(io.cwd, file), archive)
      return 0
    }
    const archive = file === null || file === '-' ? await readAll(io) : (io.fs.stat(resolvePath(io.cwd, file)) ? io.fs.readFile(resolvePath(io.cwd, file)) : null)
    if (archive === null)
      return fail(`${file}: Cannot open: No such file or directory`)
    const entries = readTar(archive)
    if (!entries)
      return fail(family === 'busybox' ? 'invalid tar magic' : 'This does not look like a tar archive')
    for (const entry of entries) {
      if (mode === 't' || verbose)
        io.stdout(`${entry.name}\n`)
      if (mode === 'x') {
        const target = resolvePath(directory, entry.name)
        if (entry.kind === 'dir')
          io.fs.mkdir(target, { parents: true })
        else
          io.fs.writeFile(target, entry.content, { mode: entry.mode })
      }
    }
    return 0
  }
}

/** The programs of this file for a command name and tool family; null for the others. */
export function systemTool(name: string, family: ToolFamily): Program | null {
  if (name === 'ps')
    return ps(family)
  if (name === 'df')
    return df(family)
  if (name === 'wget' && family === 'busybox')
    return wget
  if (name === 'ping' && family === 'busybox')
    return ping
  if (name === 'tar')
    return tarProgram(family)
  if (name === 'ip' && family === 'busybox')
    return ip
  return null
}
