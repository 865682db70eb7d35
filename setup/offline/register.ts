// The page's side of offline support: once the page has loaded and the browser is idle, register
// the service worker (setup/offline/service-worker.ts, built into `<base>sw.js`) and ask it to fetch
// the rest of the deck. Progress shows on <html data-offline>: "caching", then "ready" (or "partial",
// or "unavailable" with data-offline-error). Automated browsers (PDF export, tests, crawlers) need no
// offline copy and get none, unless localStorage "deck:offline" is "always" (the offline test).
import { PRECACHE_DONE, PRECACHE_REQUEST } from './messages'

export const SERVICE_WORKER_FILE = 'sw.js'
export const OFFLINE_OPT_IN_KEY = 'deck:offline'

type IdleScheduler = (callback: () => void, options?: { timeout: number }) => unknown

/** What registration needs from the page; a fake of it tests the logic. */
export interface PageEnvironment {
  serviceWorker: ServiceWorkerContainer | undefined
  webdriver: boolean
  readOptIn: () => string | null
  root: HTMLElement
  whenIdle: IdleScheduler
  /** Runs the callback once the page has loaded (at once if it has). */
  afterLoad: (callback: () => void) => void
}

export type OfflineDecision = 'registering' | 'unsupported' | 'automated'

export function registerOfflineCopy(page: PageEnvironment, base: string): OfflineDecision {
  const worker = page.serviceWorker
  if (!worker)
    return 'unsupported'
  if (page.webdriver && page.readOptIn() !== 'always')
    return 'automated'
  const root = page.root
  worker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string, failed?: string[] } | null
    if (data?.type === PRECACHE_DONE)
      root.dataset.offline = data.failed?.length ? 'partial' : 'ready'
  })
  page.afterLoad(() => page.whenIdle(() => {
    worker.register(base + SERVICE_WORKER_FILE, { scope: base })
      .then(() => worker.ready)
      .then((registration) => {
        page.whenIdle(() => {
          root.dataset.offline = 'caching'
          registration.active?.postMessage({ type: PRECACHE_REQUEST })
        }, { timeout: 10_000 })
      })
      .catch((error: unknown) => {
        root.dataset.offline = 'unavailable'
        root.dataset.offlineError = String(error instanceof Error ? error.message : error)
      })
  }, { timeout: 5_000 }))
  return 'registering'
}

/** The real page. */
export function browserPage(): PageEnvironment {
  return {
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
    webdriver: navigator.webdriver,
    readOptIn: () => {
      try {
        return localStorage.getItem(OFFLINE_OPT_IN_KEY)
      }
      catch {
        // Storage can be blocked (private modes, sandboxed frames): no opt-in then.
        return null
      }
    },
    root: document.documentElement,
    whenIdle: (callback, options) => 'requestIdleCallback' in window ? requestIdleCallback(callback, options) : setTimeout(callback, 200),
    afterLoad: (callback) => {
      if (document.readyState === 'complete')
        callback()
      else
        addEventListener('load', callback, { once: true })
    },
  }
}
