// A server's main loop: it does nothing of its own until a signal it handles ends it.
import type { ProcessIO, Signal } from '../process'
import { Interrupted } from '../process'

const A_DAY_MS = 24 * 3600 * 1000

/** Waits on the simulated clock until a handled signal interrupts the program; answers which one. */
export async function untilSignalled(io: ProcessIO): Promise<Signal> {
  try {
    while (true)
      await io.clock.sleep(A_DAY_MS)
  }
  catch (error) {
    if (error instanceof Interrupted)
      return error.signal
    throw error
  }
}

/**
 * Sleeps `ms` on the simulated clock unless a handled signal comes first, or came while the program was busy
 * (ProcessIO.takePendingSignal): answers that signal, or null once the time has passed.
 */
export async function signalledWithin(io: ProcessIO, ms: number): Promise<Signal | null> {
  try {
    await io.clock.sleep(ms)
    return null
  }
  catch (error) {
    if (error instanceof Interrupted)
      return error.signal
    throw error
  }
}
