// redis-server as the redis:7-alpine / redis:8-alpine main process: listens on 6379 and keeps its data
// in memory. Of its start-up log only the line clients wait for is printed, in the format Redis 7.2+
// prints it (`1:M 03 Mar 2026 10:15:00.000 * Ready to accept connections tcp`); the banner and
// warnings depend on the machine and were not found verbatim, so they are left out. SIGTERM or
// SIGINT → a clean shutdown, exit 0 (its shutdown lines are left out for the same reason).
// The key store answers the commands the deck's clients send (redis-py from the Flask app, redis-cli):
// PING, GET, SET, INCR/INCRBY/DECR/DECRBY, DEL, EXISTS, FLUSHALL, with Redis's own replies and errors.
// Clients reach it over the simulated network with a request of method REDIS, whose answer carries the
// store (the simulated network speaks HTTP; see flask.ts for why redis-py cannot wait on it).

import type { HttpResponse, ProcessIO, Program } from '../process'
import { wallClock } from './time'
import { untilSignalled } from './until-signalled'

const PORT = 6379
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function two(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Redis's log prefix: pid, role (M = master), `dd Mon yyyy hh:mm:ss.mmm`, level (`*` = notice). */
function logLine(io: ProcessIO, text: string): string {
  const d = new Date(wallClock(io.clock))
  const stamp = `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${two(d.getUTCMilliseconds(), 3)}`
  return `1:M ${stamp} * ${text}\n`
}

/** A reply of the Redis protocol (RESP), as redis-py and redis-cli read it. */
export type RedisReply
  = | { kind: 'status', text: string }
    | { kind: 'error', text: string }
    | { kind: 'integer', value: number }
    | { kind: 'bulk', value: string | null }

const NOT_INTEGER: RedisReply = { kind: 'error', text: 'ERR value is not an integer or out of range' }

function wrongArgs(name: string): RedisReply {
  return { kind: 'error', text: `ERR wrong number of arguments for '${name.toLowerCase()}' command` }
}

/** One server's keys, in memory (gone when the container stops: no persistence is modelled). */
export class RedisStore {
  private readonly data = new Map<string, string>()

  command(args: readonly string[]): RedisReply {
    const [name = '', ...rest] = args
    const upper = name.toUpperCase()
    const arity: Record<string, [number, number]> = { PING: [0, 1], GET: [1, 1], SET: [2, 7], INCR: [1, 1], DECR: [1, 1], INCRBY: [2, 2], DECRBY: [2, 2], DEL: [1, Infinity], EXISTS: [1, Infinity], FLUSHALL: [0, 1] }
    const bounds = arity[upper]
    if (!bounds)
      return { kind: 'error', text: `ERR unknown command '${name}', with args beginning with: ${rest.map(a => `'${a}' `).join('')}` }
    if (rest.length < bounds[0] || rest.length > bounds[1])
      return wrongArgs(upper)
    switch (upper) {
      case 'PING':
        return rest.length ? { kind: 'bulk', value: rest[0]! } : { kind: 'status', text: 'PONG' }
      case 'GET':
        return { kind: 'bulk', value: this.data.get(rest[0]!) ?? null }
      case 'SET': {
        const options = rest.slice(2).map(o => o.toUpperCase())
        const exists = this.data.has(rest[0]!)
        if ((options.includes('NX') && exists) || (options.includes('XX') && !exists))
          return { kind: 'bulk', value: null }
        this.data.set(rest[0]!, rest[1]!)
        return { kind: 'status', text: 'OK' }
      }
      case 'INCR':
      case 'DECR':
      case 'INCRBY':
      case 'DECRBY': {
        const by = upper.endsWith('BY') ? rest[1]! : '1'
        if (!/^-?\d+$/.test(by))
          return NOT_INTEGER
        const current = this.data.get(rest[0]!) ?? '0'
        if (!/^-?\d+$/.test(current))
          return NOT_INTEGER
        const value = Number(current) + (upper.startsWith('DECR') ? -Number(by) : Number(by))
        this.data.set(rest[0]!, String(value))
        return { kind: 'integer', value }
      }
      case 'DEL':
      case 'EXISTS': {
        const count = rest.filter(key => this.data.has(key)).length
        if (upper === 'DEL')
          rest.forEach(key => this.data.delete(key))
        return { kind: 'integer', value: count }
      }
      default:
        this.data.clear()
        return { kind: 'status', text: 'OK' }
    }
  }
}

/** What a client asks over the simulated network: the store, when what listens there is a Redis server. */
export type RedisAnswer = HttpResponse & { redis?: RedisStore }

export const redisServer: Program = async (io) => {
  io.setSignal('SIGTERM', 'handle')
  io.setSignal('SIGINT', 'handle')
  let close: () => void
  try {
    const store = new RedisStore()
    // Redis speaks RESP, not HTTP: an HTTP client gets its connection closed without an answer.
    close = io.network.listen(PORT, async (request): Promise<RedisAnswer> => {
      if (request.method === 'REDIS')
        return { status: 200, headers: {}, body: '', redis: store }
      throw new Error('Empty reply from server')
    }, { host: '0.0.0.0' })
  }
  catch {
    io.stderr(`[simulator] redis-server: port ${PORT} is already taken in this container\n`)
    return 1
  }
  io.stdout(logLine(io, 'Ready to accept connections tcp'))
  await untilSignalled(io)
  close()
  return 0
}
