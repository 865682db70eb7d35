// The class-mode relay of the presenter's terminals (lib/terminal/relay.ts) on Slidev's server channel.
// Only with a server (`npm run dev`, `npm run class`); a static build has none, and no relay. The windows
// of the presenter view publish; every other page follows, except the presenter's own browser, whose
// windows already share their terminals through the BroadcastChannel mirror.
import type { RelayState } from '../lib/terminal/relay'
import serverTerminals from 'server-ref:docker-overview-terminals'
import { TerminalRelay } from '../lib/terminal/relay'
import { terminalMirror } from './useMachine'

let relay: TerminalRelay | null = null

export function terminalRelay(): TerminalRelay | null {
  if (relay || !import.meta.hot || typeof window === 'undefined')
    return relay
  const windowId = terminalMirror()?.windowId ?? `${Date.now()}-${Math.random()}`
  relay = new TerminalRelay({
    current: () => serverTerminals.value ?? {},
    send: patch => serverTerminals.$patch(patch),
    onPatch: callback => serverTerminals.$onPatch(callback),
  }, windowId)
  // A patch pushed before this page's websocket was connected is lost: read the server's state again then.
  import.meta.hot.on('vite:ws:connect', () => void readServerState().then(state => state && relay?.receive(state)))
  return relay
}

/** The server's state, as the channel's module serves it to a page that loads it now (`const data = ref(…)`). */
async function readServerState(): Promise<RelayState | null> {
  try {
    const code = await (await fetch(`${import.meta.env.BASE_URL}@server-ref/docker-overview-terminals?t=${Date.now()}`)).text()
    const json = /const data = ref\((.*)\)\n/.exec(code)?.[1]
    return json ? JSON.parse(json) as RelayState : null
  }
  catch {
    return null // the server went away: the next patch brings the screen
  }
}

/** Whether this window is Slidev's presenter view (its terminals are the ones followers see). */
export function isPresenterWindow(): boolean {
  return typeof location !== 'undefined' && location.hash.startsWith('#/presenter')
}

/** Whether a terminal of window `windowId` reaches this window without the relay (same browser). */
export function reachedLocally(windowId: string): boolean {
  return terminalMirror()?.isPeer(windowId) ?? false
}
