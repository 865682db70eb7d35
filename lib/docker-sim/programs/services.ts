// Database and model clients, only as far as the deck's slides use them (pages/07-examples.md):
// `psql -U postgres` with its prompt, `SELECT version();` and `\q`; `ollama run`; `redis-cli COMMAND`
// against the simulated redis-server (its key store: redis-server.ts).
// Each says plainly where the simulation stops.

import type { Program } from '../process'
import type { RedisAnswer, RedisReply } from './redis-server'

function table(column: string, value: string): string {
  const width = Math.max(column.length, value.length) + 2
  const pad = Math.floor((width - column.length) / 2)
  return `${' '.repeat(pad)}${column}\n${'-'.repeat(width)}\n ${value}\n(1 row)\n\n`
}

const psql: Program = async (io) => {
  const args = io.argv.slice(1)
  const userIndex = args.findIndex(a => a === '-U' || a === '--username')
  const user = userIndex === -1 ? (args.find(a => a.startsWith('-U'))?.slice(2) || io.env.get('USER') || 'root') : args[userIndex + 1] ?? 'root'
  if (user !== (io.env.get('POSTGRES_USER') ?? 'postgres')) {
    io.stderr(`psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "${user}" does not exist\n`)
    return 2
  }
  const version = io.env.get('PG_VERSION') ?? io.env.get('PG_MAJOR') ?? ''
  const short = version.split('-')[0] ?? version
  io.stdout(`psql (${short}${version.includes('-') ? ` (Debian ${version})` : ''})\nType "help" for help.\n\n`)
  const database = user
  while (true) {
    const line = await io.readLine(`${database}=# `)
    if (line === null || line.trim() === '\\q')
      return 0
    const sql = line.trim()
    if (!sql)
      continue
    if (/^select\s+version\(\)\s*;?$/i.test(sql)) {
      io.stdout(table('version', `PostgreSQL ${short}${version.includes('-') ? ` (Debian ${version})` : ''} on x86_64-pc-linux-gnu [simulated: the compiler part is not modelled]`))
      continue
    }
    io.stderr(`[simulator] psql: only SELECT version(); and \\q are simulated; a real server would run: ${sql}\n`)
  }
}

const ollama: Program = async (io) => {
  const [command, model] = io.argv.slice(1)
  if (command === 'run' && model) {
    io.stderr(`[simulator] ollama run ${model}: the simulator has no model; Docker would download ${model} into /root/.ollama (once) and open a chat prompt ">>> "\n`)
    return 1
  }
  if (command === 'list') {
    io.stdout('NAME    ID    SIZE    MODIFIED\n')
    return 0
  }
  io.stderr(`[simulator] ollama ${command ?? ''}: not simulated (only "ollama list" and a labelled "ollama run")\n`)
  return 1
}

/** redis-cli's printing of a reply: raw without a terminal, typed (`(integer) 1`, `"1"`, `(nil)`) on one (redis-cli 7.0 on this machine). */
function showReply(reply: RedisReply, tty: boolean): string {
  if (reply.kind === 'integer')
    return tty ? `(integer) ${reply.value}\n` : `${reply.value}\n`
  if (reply.kind === 'status')
    return `${reply.text}\n`
  if (reply.kind === 'error')
    return tty ? `(error) ${reply.text}\n` : `${reply.text}\n\n`
  if (reply.value === null)
    return tty ? '(nil)\n' : '\n'
  return tty ? `${JSON.stringify(reply.value)}\n` : `${reply.value}\n`
}

const redisCli: Program = async (io) => {
  const args = io.argv.slice(1)
  let host = '127.0.0.1'
  let port = 6379
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-h')
      host = args[++i] ?? host
    else if (args[i] === '-p')
      port = Number(args[++i] ?? port)
    else if (args[i]!.startsWith('-') && words.length === 0)
      continue
    else
      words.push(args[i]!)
  }
  if (!words.length) {
    io.stderr(`[simulator] redis-cli's interactive prompt is not simulated; give the command on the line: redis-cli get hits\n`)
    return 1
  }
  let answer: RedisAnswer
  try {
    answer = await io.network.request(host, port, { method: 'REDIS', path: '/', headers: {}, body: '' })
  }
  catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`Could not connect to Redis at ${host}:${port}: ${/resolve/i.test(message) ? 'Name or service not known' : /timed out/i.test(message) ? 'Connection timed out' : 'Connection refused'}\n`)
    return 1
  }
  if (!answer.redis) {
    io.stderr(`Error: Connection reset by peer\n`)
    return 1
  }
  io.stdout(showReply(answer.redis.command(words), io.tty))
  return 0
}

/** Clients by the name they have on an image's PATH. */
export const simulatedClients: Record<string, Program> = {
  'psql': psql,
  'ollama': ollama,
  'redis-cli': redisCli,
}
