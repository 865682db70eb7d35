import type { ChildProcess } from 'node:child_process'
// Helpers for the snippet tests: the real interpreter, free ports, servers started and always stopped.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const SNIPPETS = path.join(PROJECT_ROOT, 'snippets')

/**
 * Debian's interpreter, which python3-flask / python3-numpy / python3-redis install into.
 * `python3` on PATH may be another interpreter (pyenv) without them.
 */
export const PYTHON = '/usr/bin/python3'

/** Why Python snippets cannot run here, or null when they can. */
export function pythonMissingReason(modules: string[]): string | null {
  if (!existsSync(PYTHON))
    return `${PYTHON} not found (apt-get install python3)`
  const probe = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' })
  if (probe.status !== 0) {
    const packages = modules.map(m => `python3-${m}`).join(' ')
    return `${PYTHON} cannot import ${modules.join(', ')} (apt-get install ${packages}): ${probe.stderr.trim().split('\n').at(-1)}`
  }
  return null
}

/** Runs a short Python program with the real interpreter and returns its stdout; throws with stderr on failure. */
export function runPython(args: string[], cwd: string = PROJECT_ROOT, python: string = PYTHON): string {
  const result = spawnSync(python, args, { cwd, encoding: 'utf8', timeout: 30_000 })
  if (result.status !== 0)
    throw new Error(`${python} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`)
  return result.stdout
}

/** Installed version of each distribution, by the real interpreter; null for those not installed. */
export function installedVersions(distributions: string[], python: string = PYTHON): Record<string, string | null> {
  const program = [
    'import importlib.metadata as md, json, sys',
    'def version(name):',
    '    try: return md.version(name)',
    '    except md.PackageNotFoundError: return None',
    'print(json.dumps({name: version(name) for name in sys.argv[1:]}))',
  ].join('\n')
  return JSON.parse(runPython(['-c', program, ...distributions], PROJECT_ROOT, python)) as Record<string, string | null>
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object')
          resolve(address.port)
        else reject(new Error('could not read the port of a probe server'))
      })
    })
  })
}

export interface Server {
  process: ChildProcess
  /** Everything the process wrote so far, for error messages. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts a long-running process in its own process group (so reloaders and workers die with it)
 * and resolves once `isReady` returns true; rejects with the process output if it exits first or
 * `timeoutMs` passes.
 */
export async function startServer(
  command: string,
  args: string[],
  options: { cwd: string, env?: NodeJS.ProcessEnv, isReady: () => Promise<boolean>, timeoutMs?: number },
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  const server: Server = { process: child, output: () => output, stop: () => stopGroup(child) }

  const deadline = Date.now() + (options.timeoutMs ?? 20_000)
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`${command} ${args.join(' ')} exited before it was ready:\n${output}`)
    if (await options.isReady().catch(() => false))
      return server
    await sleep(100)
  }
  await server.stop()
  throw new Error(`${command} ${args.join(' ')} was not ready after ${options.timeoutMs ?? 20_000} ms:\n${output}`)
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
    return
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    }
    catch { /* the group is already gone */ }
  }
  signalGroup('SIGTERM')
  const killer = setTimeout(signalGroup, 3_000, 'SIGKILL')
  await exited
  clearTimeout(killer)
  // Children of the group (e.g. Flask's reloader) may outlive the leader for a moment.
  signalGroup('SIGKILL')
}

/** Sends `signal` to the server's process group; true when it exits within `ms` (it is killed either way). */
export async function stopsWithin(server: Server, signal: NodeJS.Signals, ms: number): Promise<boolean> {
  const child = server.process
  if (child.exitCode !== null || child.signalCode !== null)
    throw new Error(`the server had already exited:\n${server.output()}`)
  const exited = new Promise<boolean>(resolve => child.once('exit', () => resolve(true)))
  process.kill(-child.pid!, signal)
  const stopped = await Promise.race([exited, sleep(ms).then(() => false)])
  await server.stop()
  return stopped
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/** GET a URL on the loopback interface; resolves to status and body. */
export async function httpGet(url: string): Promise<{ status: number, body: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
  return { status: response.status, body: await response.text() }
}

/** Ready-check for HTTP servers: any response (even a 404) means the server is listening. */
export function answersHttp(url: string): () => Promise<boolean> {
  return async () => {
    await httpGet(url)
    return true
  }
}

/** Parses `name==version` lines (comments and blank lines ignored); throws on any other line. */
export function parseRequirements(text: string, file: string): Map<string, string> {
  const pins = new Map<string, string>()
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#'))
      continue
    const match = /^([A-Z0-9][\w.-]*)==([A-Z0-9.+!-]+)$/i.exec(line)
    if (!match)
      throw new Error(`${file}:${index + 1}: expected an exact pin "name==version", got "${line}"`)
    pins.set(match[1]!, match[2]!)
  }
  return pins
}
