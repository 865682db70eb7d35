// The one simulated machine of the whole deck: a container started on one slide is in `docker ps` on the
// next. Module-level, like Slidev's own state/ stores; saved in the browser after every command, so a
// reload keeps it, until the student resets it. The simulator is loaded on first use only.

import type { Simulator } from '../lib/docker-sim/simulator'
import type { HostSnapshot } from '../lib/docker-sim/state'
import { ref } from 'vue'

export const MACHINE_STORAGE_KEY = 'docker-overview:machine'

let loading: Promise<Simulator> | null = null
/** Bumped after every command and on reset: views that read the machine's state (exercises) recompute. */
const revision = ref(0)
const resets = ref(0)

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
  if (!text)
    return null
  try {
    return JSON.parse(text) as HostSnapshot
  }
  catch {
    storage()?.removeItem(MACHINE_STORAGE_KEY)
    return null
  }
}

async function createSimulator(restore: boolean): Promise<Simulator> {
  const [{ Simulator }, { configurePythonLoader }, { loadPythonInterpreter }] = await Promise.all([
    import('../lib/docker-sim/simulator'),
    import('../lib/docker-sim/programs/python'),
    import('../lib/python/load'),
  ])
  configurePythonLoader(() => loadPythonInterpreter(import.meta.env.BASE_URL))
  const snapshot = restore ? savedSnapshot() : null
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
  loading = createSimulator(false)
  await loading
  resets.value++
  revision.value++
}

/** Text another view asks a terminal to type (an exercise's "show me"): terminals with the same channel take it. */
export interface TypingRequest {
  channel: string
  lines: readonly string[]
  /** Distinguishes two requests of the same text. */
  serial: number
}
const typingRequest = ref<TypingRequest | null>(null)

/** Asks the terminal(s) of `channel` to type these lines, pressing Enter after each but the last. */
export function typeIntoTerminal(channel: string, lines: readonly string[]): void {
  typingRequest.value = { channel, lines, serial: (typingRequest.value?.serial ?? 0) + 1 }
}

export function useMachine() {
  return { machine, machineChanged, resetMachine, revision, resets, typingRequest, typeIntoTerminal }
}
