// A process for tests: a file tree, an instant clock (sleep moves time at once), a loopback network,
// collected output, and lines to type.

import type { Clock, HttpHandler, Network, ProcessIO, Program, Signal, SignalDisposition } from '../../../../lib/docker-sim/process'
import { SimFileSystem } from '../../../../lib/docker-sim/fs'
import { Interrupted } from '../../../../lib/docker-sim/process'
import { programFor } from '../../../../lib/docker-sim/programs'

export interface TestRun {
  stdout: string
  stderr: string
  exit: number
  /** Both streams in the order written. */
  output: string
  signals: Map<Signal, SignalDisposition>
  prompts: string[]
  /** Prompts with the stream the shell writes them to: dash and bash use stderr, BusyBox ash stdout. */
  promptsAndStderr: string
  promptsAndStdout: string
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
  /** `-u` of docker run/exec. */
  user?: string
  /** Echo typed lines after their prompt (as bash's readline does even without a terminal). */
  echo?: boolean
  /** Sees output as it is written. */
  onOutput?: (text: string) => void
}

export async function run(argv: string[], options: RunOptions = {}): Promise<TestRun> {
  const fs = options.fs ?? new SimFileSystem()
  const input = [...(options.input ?? [])]
  const result: TestRun = { stdout: '', stderr: '', exit: -1, output: '', signals: new Map(), prompts: [], promptsAndStderr: '', promptsAndStdout: '' }
  const io: ProcessIO = {
    argv,
    env: new Map(Object.entries(options.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' })),
    cwd: options.cwd ?? '/',
    fs,
    clock: options.clock ?? instantClock(),
    network: options.network ?? loopbackNetwork(),
    tty: options.tty ?? false,
    pid1: options.pid1 ?? false,
    user: options.user,
    stdout: (text) => {
      result.stdout += text
      result.output += text
      result.promptsAndStdout += text
      options.onOutput?.(text)
    },
    stderr: (text) => {
      result.stderr += text
      result.output += text
      result.promptsAndStderr += text
    },
    readLine: async (prompt) => {
      const line = input.length ? input.shift()! : null
      if (prompt !== undefined) {
        result.prompts.push(prompt)
        result.output += prompt
        // A terminal echoes what is typed after the prompt; bash's readline does it without one too.
        const echoed = options.echo && line !== null ? `${line}\n` : ''
        result.promptsAndStderr += prompt + echoed
        result.promptsAndStdout += prompt + echoed
      }
      return line
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

/** A clock whose sleeps wait until `interrupt` (a signal) or `advance` (time passing). */
export function signalClock(): Clock & { interrupt: (signal: Signal) => void, advance: (ms: number) => void, sleeping: () => number } {
  let now = 0
  let waiting: { until: number, resolve: () => void, reject: (e: unknown) => void }[] = []
  return {
    now: () => now,
    sleep: ms => new Promise<void>((resolve, reject) => {
      waiting.push({ until: now + ms, resolve, reject })
    }),
    interrupt: (signal) => {
      const all = waiting
      waiting = []
      for (const w of all)
        w.reject(new Interrupted(signal))
    },
    advance: (ms) => {
      now += ms
      const due = waiting.filter(w => w.until <= now)
      waiting = waiting.filter(w => w.until > now)
      for (const w of due)
        w.resolve()
    },
    sleeping: () => waiting.length,
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++)
    await new Promise(resolve => setTimeout(resolve, 0))
}
