import type { ContainerRecord } from '../../../lib/docker-sim/state'
import { describe, expect, it } from 'vitest'
import { answeredRequests, flaskListenAddress } from '../../../lib/exercises/query'

/** A container that printed these lines (only its log is read). */
function printed(...lines: string[]): ContainerRecord {
  return { logs: lines.map(text => ({ time: 0, stream: 'stderr', text: `${text}\n` })) } as unknown as ContainerRecord
}

const ALL_ADDRESSES = [' * Running on all addresses (0.0.0.0)', ' * Running on http://127.0.0.1:5000', ' * Running on http://172.17.0.2:5000', 'Press CTRL+C to quit']

describe('flaskListenAddress', () => {
  it('reads 0.0.0.0 from "Running on all addresses", not the 127.0.0.1 line under it', () => {
    expect(flaskListenAddress(printed(' * Serving Flask app \'app\'', ...ALL_ADDRESSES))).toBe('0.0.0.0')
  })
  it('reads the one address of a server started without --host', () => {
    expect(flaskListenAddress(printed(' * Running on http://127.0.0.1:5000', 'Press CTRL+C to quit'))).toBe('127.0.0.1')
  })
  it('follows the latest start: a restart on 127.0.0.1 after one on every address', () => {
    expect(flaskListenAddress(printed(...ALL_ADDRESSES, ' * Running on http://127.0.0.1:5000', 'Press CTRL+C to quit'))).toBe('127.0.0.1')
  })
  it('is null before Flask has started (nothing printed yet, or another program)', () => {
    expect(flaskListenAddress(printed())).toBeNull()
    expect(flaskListenAddress(printed('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...'))).toBeNull()
  })
})

describe('answeredRequests', () => {
  it('reads Werkzeug\'s and http.server\'s access-log lines, and nothing else', () => {
    const container = printed(
      ...ALL_ADDRESSES,
      '172.17.0.1 - - [01/Dec/2026 09:00:03] "GET /random HTTP/1.1" 200 -',
      '172.18.0.1 - - [01/Dec/2026 09:00:04] "GET / HTTP/1.1" 500 -',
      '127.0.0.1 - - [01/Dec/2026 09:00:05] "POST /random HTTP/1.0" 405 -',
    )
    expect(answeredRequests(container)).toEqual([
      { client: '172.17.0.1', method: 'GET', path: '/random', status: 200 },
      { client: '172.18.0.1', method: 'GET', path: '/', status: 500 },
      { client: '127.0.0.1', method: 'POST', path: '/random', status: 405 },
    ])
    expect(answeredRequests(printed(...ALL_ADDRESSES))).toEqual([])
  })
})
