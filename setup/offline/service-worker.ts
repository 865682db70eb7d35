// The deck's service worker: keeps the deck working offline once it has been opened. Cache-first
// for the deck's files (content-hashed, or versioned with the cache), network-first for page loads;
// it caches what is used and, when the page asks, the whole precache list. A new build gets a new
// cache name; activation drops the old caches. scripts/offline.ts bundles this file into `sw.js`
// with the build's precache list in place of __DECK_PRECACHE__.
import { PRECACHE_DONE, PRECACHE_REQUEST } from './messages'

export interface PrecacheManifest {
  /** Changes whenever any precached file's content changes. */
  version: string
  base: string
  /** What the first slide needs, cached at install so a reload works offline. */
  shell: string[]
  /** Everything else, cached after the first slide when the page asks. */
  lazy: string[]
}

/** What the worker needs from its global scope; a fake of it tests the handlers. */
export interface WorkerEnvironment {
  caches: CacheStorage
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  origin: string
}

export interface PrecacheResult {
  total: number
  downloaded: number
  failed: string[]
}

export const CACHE_PREFIX = 'deck-'
const PARALLEL_DOWNLOADS = 4

export function cacheName(manifest: PrecacheManifest): string {
  return CACHE_PREFIX + manifest.version
}

export async function cacheShell(env: WorkerEnvironment, manifest: PrecacheManifest): Promise<void> {
  const cache = await env.caches.open(cacheName(manifest))
  await cache.addAll(manifest.shell)
}

/** Deletes the caches of earlier builds (and only the deck's own). */
export async function dropOldCaches(env: WorkerEnvironment, manifest: PrecacheManifest): Promise<string[]> {
  const dropped: string[] = []
  for (const key of await env.caches.keys()) {
    if (key.startsWith(CACHE_PREFIX) && key !== cacheName(manifest)) {
      await env.caches.delete(key)
      dropped.push(key)
    }
  }
  return dropped
}

/** How a request is answered: not at all (the network as usual), page loads, or the deck's files. */
export function strategyFor(request: Pick<Request, 'method' | 'url' | 'mode' | 'headers'>, env: Pick<WorkerEnvironment, 'origin'>, manifest: PrecacheManifest): 'none' | 'network-first' | 'cache-first' {
  if (request.method !== 'GET' || request.headers.has('range'))
    return 'none'
  const url = new URL(request.url)
  if (url.origin !== env.origin || !url.pathname.startsWith(manifest.base))
    return 'none'
  return request.mode === 'navigate' ? 'network-first' : 'cache-first'
}

/** Page loads: the network when there is one (and keep a copy), else the cached page. */
export async function networkFirst(env: WorkerEnvironment, manifest: PrecacheManifest, request: Request): Promise<Response> {
  const cache = await env.caches.open(cacheName(manifest))
  try {
    const response = await env.fetch(request)
    if (response.ok)
      await cache.put(manifest.base, response.clone())
    return response
  }
  catch (error) {
    // Hash routing: every page of the deck is the same document.
    const cached = await cache.match(manifest.base)
    if (cached)
      return cached
    throw error
  }
}

export async function cacheFirst(env: WorkerEnvironment, manifest: PrecacheManifest, request: Request): Promise<Response> {
  const cache = await env.caches.open(cacheName(manifest))
  const cached = await cache.match(request, { ignoreVary: true })
  if (cached)
    return cached
  const response = await env.fetch(request)
  if (response.ok && response.type === 'basic')
    await cache.put(request, response.clone())
  return response
}

/** Downloads every file of the manifest not cached yet, a few at a time; failures are listed, not thrown. */
export async function precacheAll(env: WorkerEnvironment, manifest: PrecacheManifest, parallel = PARALLEL_DOWNLOADS): Promise<PrecacheResult> {
  const cache = await env.caches.open(cacheName(manifest))
  const wanted = [...manifest.shell, ...manifest.lazy]
  const missing: string[] = []
  for (const url of wanted) {
    if (!(await cache.match(url)))
      missing.push(url)
  }
  const failed: string[] = []
  const queue = [...missing]
  async function downloadNext() {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const response = await env.fetch(url, { cache: 'no-cache' })
        if (response.ok)
          await cache.put(url, response)
        else
          failed.push(url)
      }
      catch {
        failed.push(url)
      }
    }
  }
  await Promise.all(Array.from({ length: parallel }, downloadNext))
  return { total: wanted.length, downloaded: missing.length - failed.length, failed }
}

interface ExtendableEventLike { waitUntil: (promise: Promise<unknown>) => void }
interface FetchEventLike { request: Request, respondWith: (response: Promise<Response>) => void }
interface MessageEventLike extends ExtendableEventLike { data: unknown, source: { postMessage: (message: unknown) => void } | null }

/** The parts of ServiceWorkerGlobalScope the worker uses. */
export interface WorkerScope {
  caches: CacheStorage
  fetch: WorkerEnvironment['fetch']
  location: { origin: string }
  skipWaiting: () => Promise<void>
  clients: { claim: () => Promise<void> }
  addEventListener: ((type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void) => void)
    & ((type: 'fetch', listener: (event: FetchEventLike) => void) => void)
    & ((type: 'message', listener: (event: MessageEventLike) => void) => void)
}

/** Wires the handlers to the worker's events. */
export function startServiceWorker(scope: WorkerScope, manifest: PrecacheManifest): void {
  const env: WorkerEnvironment = { caches: scope.caches, fetch: (input, init) => scope.fetch(input, init), origin: scope.location.origin }
  scope.addEventListener('install', (event) => {
    event.waitUntil(cacheShell(env, manifest).then(() => scope.skipWaiting()))
  })
  scope.addEventListener('activate', (event) => {
    event.waitUntil(dropOldCaches(env, manifest).then(() => scope.clients.claim()))
  })
  scope.addEventListener('fetch', (event) => {
    const strategy = strategyFor(event.request, env, manifest)
    if (strategy !== 'none')
      event.respondWith(strategy === 'network-first' ? networkFirst(env, manifest, event.request) : cacheFirst(env, manifest, event.request))
  })
  let precaching: Promise<PrecacheResult> | null = null
  scope.addEventListener('message', (event) => {
    if ((event.data as { type?: unknown } | null)?.type !== PRECACHE_REQUEST)
      return
    precaching ??= precacheAll(env, manifest).finally(() => (precaching = null))
    event.waitUntil(precaching.then(result => event.source?.postMessage({ type: PRECACHE_DONE, ...result })))
  })
}

declare const __DECK_PRECACHE__: PrecacheManifest | undefined

// Only in the built sw.js, where the bundler puts the build's manifest in place of the name.
if (typeof __DECK_PRECACHE__ !== 'undefined')
  startServiceWorker(globalThis as unknown as WorkerScope, __DECK_PRECACHE__)
