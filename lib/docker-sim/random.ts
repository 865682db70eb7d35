// Deterministic randomness for IDs and names: Docker's are random, the simulator's repeat from a seed,
// so a test, a saved session and a replayed exercise give the same IDs every time.

/** A 32-bit generator (mulberry32); `state` is plain data, so it survives a snapshot. */
export class SeededRandom {
  constructor(public state: number) {}

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6D2B79F5) | 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** `length` lowercase hex digits, as Docker's IDs are written. */
  hex(length: number): string {
    let text = ''
    while (text.length < length)
      text += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0')
    return text.slice(0, length)
  }
}

/** A stable 64-hex digest of a text (FNV-1a stretched), for IDs that must not depend on the order of events: image IDs. */
export function stableHex(text: string, length = 64): string {
  let hash = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return new SeededRandom(hash >>> 0).hex(length)
}
