// The presenter's terminals shown on the followers' devices in class mode (`npm run class`: Slidev's dev
// server with --remote). The BroadcastChannel mirror (mirror.ts) reaches only the windows of one browser;
// Slidev syncs its own state between devices through its server (vite-plugin-vue-server-ref: a POST per
// change, pushed to every page over Vite's websocket), and the same channel carries any other key. This
// relay puts each presenter terminal's screen there, and followers show it.
//
// One way only, on purpose: a follower's keys never reach the presenter's machine (a student's page never
// moves anyone else's, as in class mode's navigation), and the presenter's containers do not exist on a
// follower's machine (its own, in its own browser). So a follower's terminal shows the presenter's screen,
// read-only, until the student types in it; then it is the student's own terminal again.
// Pure: the transport is injected (composables/useTerminalRelay.ts wires the server channel).

/** What the presenter's window last showed on one terminal (key: slide and window, as in mirror.ts). */
export interface RelayedScreen {
  /** The screen's text so far (its last part, cut at a line break), escape sequences included. */
  text: string
  /** Counts this window's sends: a follower ignores an older one arriving late. */
  serial: number
  /** The presenter window it came from. */
  from: string
}

export type RelayState = Record<string, RelayedScreen | undefined>

export interface RelayTransport {
  /** The shared state as the server had it when this page loaded it. */
  current: () => RelayState
  /** Sends a patch to every page; resolves once the server has it. */
  send: (patch: RelayState) => Promise<unknown>
  /** Calls back on each patch that another page sent. */
  onPatch: (callback: (patch: RelayState) => void) => void
}

export interface RelayOptions {
  /** Characters of a screen sent at most: a follower needs the visible rows, not the whole scrollback. */
  limit?: number
  /** Milliseconds between two sends of one window at least: output that streams is sent in batches. */
  interval?: number
  setTimer?: (callback: () => void, ms: number) => unknown
}

/** The last `limit` characters of `text`, cut just after a line break (no escape sequence split). */
export function screenTail(text: string, limit: number): string {
  if (text.length <= limit)
    return text
  const cut = text.indexOf('\n', text.length - limit)
  return cut === -1 ? text.slice(-limit) : text.slice(cut + 1)
}

/**
 * What a follower writes to show `next` when it shows `shown`: only the new end when the screen grew,
 * else the whole screen after a reset.
 */
export function screenUpdate(shown: string | null, next: string): { reset: boolean, write: string } {
  if (shown !== null && next.startsWith(shown))
    return { reset: false, write: next.slice(shown.length) }
  return { reset: true, write: next }
}

export class TerminalRelay {
  private readonly followers = new Map<string, Set<(screen: RelayedScreen) => void>>()
  /** Per key, the screen to send next (null: nothing new), and whether a send is under way. */
  private readonly outgoing = new Map<string, { pending: string | null, sending: boolean }>()
  private readonly seen = new Map<string, number>()
  /** The latest screen of each key: the server's at load, then the patches since. */
  private readonly latest = new Map<string, RelayedScreen>()
  private serial = 0
  private readonly limit: number
  private readonly interval: number
  private readonly setTimer: (callback: () => void, ms: number) => unknown

  constructor(private readonly transport: RelayTransport, readonly windowId: string, options: RelayOptions = {}) {
    this.limit = options.limit ?? 16_000
    this.interval = options.interval ?? 150
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms))
    for (const [key, screen] of Object.entries(transport.current())) {
      if (screen)
        this.latest.set(key, screen)
    }
    transport.onPatch(patch => this.receive(patch))
  }

  /** Screens from the server: a patch, or its whole state read again (older serials are ignored). */
  receive(state: RelayState): void {
    for (const [key, screen] of Object.entries(state)) {
      if (screen)
        this.deliver(key, screen)
    }
  }

  /** The presenter's side: this is now the terminal's screen. Sends are coalesced, one at a time, in order. */
  publish(key: string, text: string): void {
    const entry = this.outgoing.get(key) ?? { pending: null, sending: false }
    entry.pending = screenTail(text, this.limit)
    this.outgoing.set(key, entry)
    if (!entry.sending)
      void this.flush(key, entry)
  }

  /**
   * The follower's side: `show` gets the presenter's screen of `key` now (when there is one) and after
   * each change, from windows other than `ignore(from)` says. Returns the unsubscribe.
   */
  follow(key: string, show: (screen: RelayedScreen) => void, ignore: (from: string) => boolean = () => false): () => void {
    const handler = (screen: RelayedScreen) => {
      if (screen.from !== this.windowId && !ignore(screen.from))
        show(screen)
    }
    const handlers = this.followers.get(key) ?? new Set()
    handlers.add(handler)
    this.followers.set(key, handlers)
    const now = this.latest.get(key)
    if (now)
      handler(now)
    return () => {
      handlers.delete(handler)
      if (handlers.size === 0)
        this.followers.delete(key)
    }
  }

  private deliver(key: string, screen: RelayedScreen): void {
    const last = this.seen.get(`${screen.from}/${key}`) ?? -1
    if (screen.serial <= last)
      return
    this.seen.set(`${screen.from}/${key}`, screen.serial)
    this.latest.set(key, screen)
    for (const handler of this.followers.get(key) ?? [])
      handler(screen)
  }

  private async flush(key: string, entry: { pending: string | null, sending: boolean }): Promise<void> {
    entry.sending = true
    while (entry.pending !== null) {
      const text = entry.pending
      entry.pending = null
      try {
        await this.transport.send({ [key]: { text, serial: ++this.serial, from: this.windowId } })
      }
      catch {
        // The server went away (the presenter stopped it): followers keep the last screen.
      }
      await new Promise(resolve => this.setTimer(() => resolve(undefined), this.interval))
    }
    entry.sending = false
  }
}
