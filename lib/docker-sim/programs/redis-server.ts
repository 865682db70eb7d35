// redis-server as the redis:7-alpine / redis:8-alpine main process: listens on 6379 and keeps its data
// in memory. Of its start-up log only the line clients wait for is printed, in the format Redis 7.2+
// prints it (`1:M 03 Mar 2026 10:15:00.000 * Ready to accept connections tcp`); the banner and
// warnings depend on the machine and were not found verbatim, so they are left out. SIGTERM or
// SIGINT → a clean shutdown, exit 0 (its shutdown lines are left out for the same reason).
// No Redis protocol is modelled: the deck's Flask app (redis-py's INCR over a TCP socket) cannot run in
// the simulator (no flask program, and Pyodide has no sockets), so nothing here would ever receive it.

import type { ProcessIO, Program } from '../process'
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

export const redisServer: Program = async (io) => {
  io.setSignal('SIGTERM', 'handle')
  io.setSignal('SIGINT', 'handle')
  let close: () => void
  try {
    // Redis speaks RESP, not HTTP: an HTTP client gets its connection closed without an answer.
    close = io.network.listen(PORT, async () => {
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
