// A process for tests: a file tree, an instant clock (sleep moves time at once), a loopback network,
// collected output, and lines to type.

import type { Clock, HttpHandler, Network, ProcessIO, Program, Signal, SignalDisposition } from '../../../../lib/docker-sim/process'
import { SimFileSystem } from '../../../../lib/docker-sim/fs'
import { programFor } from '../../../../lib/docker-sim/programs'

export interface TestRun {
  stdout: string
  stderr: string
  exit: number
  /** Both streams in the order written. */
  output: string
  signals: Map<Signal, SignalDisposition>
  prompts: string[]
}

export function instantClock(): Clock & { elapsed: () => number } {
  let now = 0
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    },
    elapsed: () => now,
  }
}

export function loopbackNetwork(): Network & { servers: Map<number, HttpHandler> } {
  const servers = new Map<number, HttpHandler>()
  return {
    servers,
    listen: (port, handler) => {
      if (servers.has(port))
        throw new Error('address already in use')
      servers.set(port, handler)
      return () => servers.delete(port)
    },
    request: async (host, port, request) => {
      const handler = servers.get(port)
      if (!handler || !['localhost', '127.0.0.1', '0.0.0.0'].includes(host))
        throw new Error(host.endsWith('.invalid') ? 'Could not resolve host' : 'Connection refused')
      return handler(request)
    },
  }
}

export interface RunOptions {
  fs?: SimFileSystem
  env?: Record<string, string>
  cwd?: string
  input?: string[]
  tty?: boolean
  pid1?: boolean
  clock?: Clock
  network?: Network
  program?: Program
}

export async function run(argv: string[], options: RunOptions = {}): Promise<TestRun> {
  const fs = options.fs ?? new SimFileSystem()
  const input = [...(options.input ?? [])]
  const result: TestRun = { stdout: '', stderr: '', exit: -1, output: '', signals: new Map(), prompts: [] }
  const io: ProcessIO = {
    argv,
    env: new Map(Object.entries(options.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' })),
    cwd: options.cwd ?? '/',
    fs,
    clock: options.clock ?? instantClock(),
    network: options.network ?? loopbackNetwork(),
    tty: options.tty ?? false,
    pid1: options.pid1 ?? false,
    stdout: (text) => {
      result.stdout += text
      result.output += text
    },
    stderr: (text) => {
      result.stderr += text
      result.output += text
    },
    readLine: async (prompt) => {
      if (prompt !== undefined) {
        result.prompts.push(prompt)
        result.output += prompt
      }
      return input.length ? input.shift()! : null
    },
    setSignal: (signal, disposition) => {
      result.signals.set(signal, disposition)
    },
    spawn: async () => 127,
  }
  const program = options.program ?? programFor(argv[0]!, fs)
  if (!program)
    throw new Error(`no program for ${argv[0]}`)
  result.exit = await program(io)
  return result
}
