// One terminal seen in two windows of the browser (the presenter view and the audience's): what one
// window writes on its screen is replayed in the other. Each window has its own copy of the simulated
// machine (reloaded from the browser's storage after each command), but a running program (`docker
// run -it … bash`) lives only in the window that started it: while it runs, or while a line is half
// typed there, keys typed in the other window are sent to that one rather than run on a second copy.
// Pure: the transport is any port with postMessage/onmessage (a BroadcastChannel in the browser).

/** What the window that last wrote on a terminal is doing with it. */
export type TerminalState = 'idle' | 'editing' | 'busy'

export type MirrorMessage
  = | { kind: 'output', key: string, from: string, text: string, state: TerminalState, clear?: boolean }
    | { kind: 'input', key: string, from: string, to: string, data: string }
    | { kind: 'hello', key: string, from: string }
    | { kind: 'screen', key: string, from: string, to: string, text: string, state: TerminalState }

export interface MirrorPort {
  postMessage: (message: MirrorMessage) => void
  onmessage: ((event: MessageEvent) => void) | null
  close?: () => void
}

/** What a terminal window does with what the other windows send. */
export interface MirrorHandlers {
  /** Another window wrote this on the same terminal (`clear`: it cleared its screen first). */
  output: (text: string, state: TerminalState, clear: boolean) => void
  /** Keys typed in another window for the program running here. */
  input: (data: string) => void
  /** Another window's screen so far, in answer to `hello`. */
  screen: (text: string, state: TerminalState) => void
  /** This window's screen so far, for a window that just opened the same terminal. */
  current: () => { text: string, state: TerminalState } | null
}

export interface MirrorLink {
  publish: (text: string, state: TerminalState, clear?: boolean) => void
  /** Sends keys to the window where the terminal's program runs; false when no window is known to own it. */
  forward: (data: string) => boolean
  /** The state of the terminal in the window that last wrote on it, when that is another window. */
  remoteState: () => TerminalState
  close: () => void
}

export class TerminalMirror {
  private readonly links = new Map<string, { handlers: MirrorHandlers, owner: string | null, state: TerminalState }[]>()
  /** The windows of this browser heard from on the port. */
  private readonly peers = new Set<string>()

  constructor(private readonly port: MirrorPort, readonly windowId: string) {
    port.onmessage = event => this.receive(event.data as MirrorMessage)
  }

  /** `key`: the same terminal in every window (slide number and window number). */
  attach(key: string, handlers: MirrorHandlers): MirrorLink {
    const entry = { handlers, owner: null as string | null, state: 'idle' as TerminalState }
    const entries = this.links.get(key) ?? []
    entries.push(entry)
    this.links.set(key, entries)
    this.port.postMessage({ kind: 'hello', key, from: this.windowId })
    return {
      publish: (text, state, clear) => {
        entry.owner = null
        entry.state = state
        this.port.postMessage({ kind: 'output', key, from: this.windowId, text, state, ...(clear ? { clear } : {}) })
      },
      forward: (data) => {
        if (entry.owner === null)
          return false
        this.port.postMessage({ kind: 'input', key, from: this.windowId, to: entry.owner, data })
        return true
      },
      remoteState: () => entry.owner === null ? 'idle' : entry.state,
      close: () => {
        const left = (this.links.get(key) ?? []).filter(other => other !== entry)
        if (left.length)
          this.links.set(key, left)
        else
          this.links.delete(key)
      },
    }
  }

  /** Whether `windowId` is a window of this browser (so its terminals reach this one through the port). */
  isPeer(windowId: string): boolean {
    return this.peers.has(windowId)
  }

  close(): void {
    this.links.clear()
    this.port.onmessage = null
    this.port.close?.()
  }

  private receive(message: MirrorMessage): void {
    if (message.from === this.windowId)
      return
    this.peers.add(message.from)
    if ((message.kind === 'input' || message.kind === 'screen') && message.to !== this.windowId)
      return
    for (const entry of this.links.get(message.key) ?? []) {
      switch (message.kind) {
        case 'output':
          entry.owner = message.from
          entry.state = message.state
          entry.handlers.output(message.text, message.state, message.clear === true)
          break
        case 'input':
          entry.handlers.input(message.data)
          break
        case 'hello': {
          const current = entry.handlers.current()
          if (current)
            this.port.postMessage({ kind: 'screen', key: message.key, from: this.windowId, to: message.from, ...current })
          break
        }
        case 'screen':
          entry.owner = message.from
          entry.state = message.state
          entry.handlers.screen(message.text, message.state)
          break
      }
    }
  }
}

/** Everything written on a terminal since it opened, to replay it in a window that opens it later. */
export class ScreenLog {
  private text = ''
  constructor(private readonly limit = 200_000) {}

  append(text: string): void {
    this.text += text
    if (this.text.length > this.limit) {
      // Cut at a line break, so that no escape sequence or character is split.
      const cut = this.text.indexOf('\n', this.text.length - this.limit)
      this.text = cut === -1 ? this.text.slice(-this.limit) : this.text.slice(cut + 1)
    }
  }

  replace(text: string): void {
    this.text = ''
    this.append(text)
  }

  toString(): string {
    return this.text
  }
}
