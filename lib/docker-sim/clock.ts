// Simulated time: timers fire only when the host advances the clock, in order, so every run of the
// same commands prints the same thing. The browser advances it with real time; tests advance it
// explicitly; a waiting foreground command advances it to its next timer (see DockerHost.drive).

import type { Clock } from './process'

interface Timer {
  at: number
  order: number
  fire: () => void
}

/** Lets promise chains started by a timer (or a command) run before the next timer fires. */
export async function settle(rounds = 64): Promise<void> {
  for (let i = 0; i < rounds; i++)
    await Promise.resolve()
}

export class SimClock implements Clock {
  private time: number
  private timers: Timer[] = []
  private order = 0

  /** How many processes are working (not waiting on time, input, a child or the network's answer). */
  active = 0

  /** Unix time (ms) at simulated time 0 (process.ts Clock.epochMs). */
  readonly epochMs: number

  constructor(epochMs: number, start = 0) {
    this.epochMs = epochMs
    this.time = start
  }

  now = (): number => this.time

  /** Calls `fire` once the clock reaches now + ms; returns a cancel function. */
  schedule(ms: number, fire: () => void): () => void {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, fire }
    this.timers.push(timer)
    this.timers.sort((a, b) => a.at - b.at || a.order - b.order)
    return () => {
      this.timers = this.timers.filter(t => t !== timer)
    }
  }

  sleep = (ms: number): Promise<void> => new Promise<void>((resolve) => {
    this.schedule(ms, resolve)
  })

  /** When the next timer is due, or null when none is pending. */
  nextTimerAt(): number | null {
    return this.timers[0]?.at ?? null
  }

  /** Moves time forward by `ms`, firing every timer due on the way (each one's consequences settle first). */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms)
  }

  async advanceTo(target: number): Promise<void> {
    for (;;) {
      await settle()
      const next = this.timers[0]
      if (!next || next.at > target)
        break
      this.timers.shift()
      this.time = Math.max(this.time, next.at)
      next.fire()
    }
    this.time = Math.max(this.time, target)
    await settle()
  }

  /** Sets the time of a restored host (no timer is pending then). */
  advanceToSync(target: number): void {
    this.time = Math.max(this.time, target)
  }

  /** Plain data for a snapshot: pending timers belong to running programs and are not saved. */
  get elapsed(): number {
    return this.time
  }
}
