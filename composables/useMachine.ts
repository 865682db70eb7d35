// The one simulated machine of the whole deck: a container started on one slide is in `docker ps` on the
// next. Module-level, like Slidev's own state/ stores; saved in the browser after every command, so a
// reload keeps it, until the student resets it. The simulator is loaded on first use only. Another window
// of the deck (the presenter view) saves the machine too: its `storage` event reloads this window's copy.

import type { Simulator } from '../lib/docker-sim/simulator'
import type { HostSnapshot } from '../lib/docker-sim/state'
import { reactive, ref } from 'vue'
import { TerminalMirror } from '../lib/terminal/mirror'

export const MACHINE_STORAGE_KEY = 'docker-overview:machine'

let loading: Promise<Simulator> | null = null
/** Bumped after every command and on reset: views that read the machine's state (exercises) recompute. */
const revision = ref(0)
const resets = ref(0)
/** Bumped when another window's save replaced this window's machine: terminals reopen their sessions on it. */
const reloads = ref(0)
/** Whether a program runs in one of this window's terminals (then another window's save is not taken). */
const runningHere = new Set<() => boolean>()

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  }
  catch {
    return null // storage refused (private mode, a sandboxed frame): the machine still works, unsaved
  }
}

function savedSnapshot(): HostSnapshot | null {
  const text = storage()?.getItem(MACHINE_STORAGE_KEY)
  return text ? parseSnapshot(text) : null
}

function parseSnapshot(text: string): HostSnapshot | null {
  try {
    return JSON.parse(text) as HostSnapshot
  }
  catch {
    storage()?.removeItem(MACHINE_STORAGE_KEY)
    return null
  }
}

async function createSimulator(restore: boolean, text?: string): Promise<Simulator> {
  const [{ Simulator }, { configurePythonLoader }, { loadPythonInterpreter }] = await Promise.all([
    import('../lib/docker-sim/simulator'),
    import('../lib/docker-sim/programs/python'),
    import('../lib/python/load'),
  ])
  configurePythonLoader(() => loadPythonInterpreter(import.meta.env.BASE_URL))
  const snapshot = restore ? (text === undefined ? savedSnapshot() : parseSnapshot(text)) : null
  if (snapshot) {
    try {
      return Simulator.restore(snapshot)
    }
    catch {
      // A snapshot from an older version of the deck: start afresh rather than fail.
      storage()?.removeItem(MACHINE_STORAGE_KEY)
    }
  }
  return new Simulator()
}

/** The deck's machine, restored from the browser's storage on first use. */
export function machine(): Promise<Simulator> {
  loading ??= createSimulator(true)
  return loading
}

/** Saves the machine and tells every view that its state changed. */
export async function machineChanged(): Promise<void> {
  const simulator = await machine()
  try {
    storage()?.setItem(MACHINE_STORAGE_KEY, JSON.stringify(simulator.snapshot()))
  }
  catch {
    // Quota exceeded or storage refused: the machine goes on, only a reload would lose it.
  }
  revision.value++
}

/** Forgets every image, container, volume and file the student made: a fresh machine. */
export async function resetMachine(): Promise<void> {
  storage()?.removeItem(MACHINE_STORAGE_KEY)
  clearCommands()
  loading = createSimulator(false)
  await loading
  resets.value++
  revision.value++
}

/**
 * Registers a check "does a program run in this terminal?". While one does, this window keeps its own
 * machine when another window saves (the program's processes live only here); returns the unregister.
 */
export function holdMachineWhile(running: () => boolean): () => void {
  runningHere.add(running)
  return () => runningHere.delete(running)
}

function onStorage(event: StorageEvent) {
  if (event.key !== MACHINE_STORAGE_KEY || event.storageArea !== storage())
    return
  if (event.newValue === null) {
    // Reset in another window: the same fresh machine here.
    clearCommands()
    loading = createSimulator(false)
    void loading.then(() => {
      resets.value++
      revision.value++
    })
    return
  }
  if ([...runningHere].some(running => running()))
    return
  loading = createSimulator(true, event.newValue)
  void loading.then(() => {
    reloads.value++
    revision.value++
  })
}

if (typeof window !== 'undefined')
  window.addEventListener('storage', onStorage)

let mirror: TerminalMirror | null = null
/** The link between this window's terminals and the same terminals in the deck's other windows. */
export function terminalMirror(): TerminalMirror | null {
  if (mirror || typeof BroadcastChannel === 'undefined')
    return mirror
  const windowId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`
  mirror = new TerminalMirror(new BroadcastChannel('docker-overview:terminals'), windowId)
  return mirror
}

/** Text another view asks a terminal to type (an exercise's "show me"): terminals with the same channel take it. */
export interface TypingRequest {
  channel: string
  lines: readonly string[]
  /** Distinguishes two requests of the same text. */
  serial: number
  /**
   * The slide the request comes from (an exercise box's), when known: Slidev keeps every slide mounted,
   * so several terminals of one channel exist at once, and the one on this slide is the one meant.
   */
  page?: number
}
const typingRequest = ref<TypingRequest | null>(null)

/** Asks the terminal(s) of `channel` to type these lines, pressing Enter after each but the last. */
export function typeIntoTerminal(channel: string, lines: readonly string[], page?: number): void {
  const serial = (typingRequest.value?.serial ?? 0) + 1
  typingRequest.value = page === undefined ? { channel, lines, serial } : { channel, lines, serial, page }
}

/** Lines kept per channel: more than any exercise needs, few enough to explain again on every check. */
const KEPT_LINES = 50
/** Terminals without a channel. */
export const NO_CHANNEL = ''

/**
 * The command lines run at the prompt of each channel's terminals (not the lines typed to a program in
 * the foreground), since the page loaded or the channel was cleared, oldest first. An exercise's check
 * reads the explainer's codes of these lines, as the CLI reads those of its stdin: a hint keyed by what
 * was typed (a $VAR in double quotes) then shows on the slide too. Kept in memory only.
 */
export const lastCommands = reactive<Record<string, string[]>>({})

/** The terminal of `channel` ran `line` at its prompt. */
export function recordCommand(channel: string | undefined, line: string): void {
  if (line.trim() === '')
    return
  const lines = lastCommands[channel ?? NO_CHANNEL] ??= []
  lines.push(line)
  if (lines.length > KEPT_LINES)
    lines.splice(0, lines.length - KEPT_LINES)
}

/** Forgets the lines of one channel (an exercise started afresh), or of every channel (a machine reset). */
export function clearCommands(channel?: string): void {
  for (const key of Object.keys(lastCommands)) {
    if (channel === undefined || key === channel)
      delete lastCommands[key]
  }
}

/** The student's home on the simulated computer, where `snippets/` is: relative paths start there. */
export const HOST_HOME = '/home/student'

function onHost(path: string): string {
  return path.startsWith('/') ? path : `${HOST_HOME}/${path}`
}

/** A file of the student's computer (`snippets/flask_app/Dockerfile`), null when there is none. */
export async function readHostFile(path: string): Promise<string | null> {
  const simulator = await machine()
  try {
    return simulator.machine.fs.readFile(onHost(path))
  }
  catch {
    return null // missing, or a folder: nothing to show
  }
}

/** Writes a file of the student's computer (an editor's text: what `docker build` then reads), saved like a command. */
export async function writeHostFile(path: string, content: string): Promise<void> {
  const simulator = await machine()
  const full = onHost(path)
  const folder = full.slice(0, full.lastIndexOf('/'))
  if (folder)
    simulator.machine.fs.mkdir(folder, { parents: true })
  simulator.machine.fs.writeFile(full, content)
  await machineChanged()
}

export function useMachine() {
  return { machine, machineChanged, resetMachine, revision, resets, reloads, typingRequest, typeIntoTerminal, lastCommands, recordCommand, clearCommands }
}
