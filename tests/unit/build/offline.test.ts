// The service worker's handlers and the page's registration, against fakes of the browser's
// Cache Storage, fetch and service worker container.
import type { PageEnvironment } from '../../../setup/offline/register'
import type { PrecacheManifest, WorkerEnvironment } from '../../../setup/offline/service-worker'
import { describe, expect, it } from 'vitest'
import { registerOfflineCopy } from '../../../setup/offline/register'
import { cacheFirst, cacheShell, dropOldCaches, networkFirst, precacheAll, strategyFor } from '../../../setup/offline/service-worker'

const ORIGIN = 'http://127.0.0.1:4173'
const MANIFEST: PrecacheManifest = { version: 'v2', base: '/sub/', shell: ['/sub/', '/sub/assets/index.js'], lazy: ['/sub/assets/a.js', '/sub/assets/b.js'] }

const urlOf = (input: RequestInfo | URL) => typeof input === 'object' && 'url' in input ? input.url : String(input)

/** Cache Storage in memory, keyed by URL path. */
function fakeCaches(): CacheStorage & { store: Map<string, Map<string, Response>> } {
  const store = new Map<string, Map<string, Response>>()
  const keyOf = (request: RequestInfo | URL) => new URL(urlOf(request), ORIGIN).pathname
  const open = async (name: string) => {
    if (!store.has(name))
      store.set(name, new Map())
    const entries = store.get(name)!
    return {
      match: async (request: RequestInfo | URL) => entries.get(keyOf(request))?.clone(),
      put: async (request: RequestInfo | URL, response: Response) => void entries.set(keyOf(request), response),
      addAll: async (urls: string[]) => {
        for (const url of urls)
          entries.set(keyOf(url), new Response(`cached ${url}`))
      },
    } as unknown as Cache
  }
  return {
    store,
    open,
    keys: async () => [...store.keys()],
    delete: async (name: string) => store.delete(name),
    has: async (name: string) => store.has(name),
    match: async () => undefined,
  } as unknown as CacheStorage & { store: Map<string, Map<string, Response>> }
}

function environment(respond: (url: string) => Response | Error): WorkerEnvironment & { caches: ReturnType<typeof fakeCaches>, fetched: string[] } {
  const fetched: string[] = []
  return {
    caches: fakeCaches(),
    origin: ORIGIN,
    fetched,
    fetch: async (input) => {
      const url = new URL(urlOf(input), ORIGIN).pathname
      fetched.push(url)
      const answer = respond(url)
      if (answer instanceof Error)
        throw answer
      return answer
    },
  }
}

function request(path: string, init: RequestInit & { mode?: RequestMode } = {}) {
  return ({ url: new URL(path, ORIGIN).href, method: init.method ?? 'GET', mode: init.mode ?? 'cors', headers: new Headers(init.headers) }) as Request
}

describe('service worker', () => {
  it('answers only GETs of the deck\'s own files, page loads network-first', () => {
    const env = { origin: ORIGIN }
    expect(strategyFor(request('/sub/assets/a.js'), env, MANIFEST)).toBe('cache-first')
    expect(strategyFor(request('/sub/', { mode: 'navigate' }), env, MANIFEST)).toBe('network-first')
    expect(strategyFor(request('/sub/a.js', { method: 'POST' }), env, MANIFEST)).toBe('none')
    expect(strategyFor(request('/sub/video.mp4', { headers: { range: 'bytes=0-' } }), env, MANIFEST)).toBe('none')
    expect(strategyFor(request('/other/a.js'), env, MANIFEST)).toBe('none')
    expect(strategyFor({ ...request('/sub/a.js'), url: 'https://cdn.example/sub/a.js' } as Request, env, MANIFEST)).toBe('none')
  })

  it('caches the shell at install and drops only the deck\'s older caches', async () => {
    const env = environment(() => new Response('net'))
    await env.caches.open('deck-v1')
    await env.caches.open('someone-else')
    await cacheShell(env, MANIFEST)
    expect([...env.caches.store.get('deck-v2')!.keys()]).toEqual(['/sub/', '/sub/assets/index.js'])
    expect(await dropOldCaches(env, MANIFEST)).toEqual(['deck-v1'])
    expect(await env.caches.keys()).toEqual(['someone-else', 'deck-v2'])
  })

  it('serves a cached file without the network, and keeps what it fetches', async () => {
    const env = environment(url => new Response(`net ${url}`))
    await cacheShell(env, MANIFEST)
    expect(await (await cacheFirst(env, MANIFEST, request('/sub/assets/index.js'))).text()).toBe('cached /sub/assets/index.js')
    expect(env.fetched).toEqual([])
    const fetched = await cacheFirst(env, MANIFEST, request('/sub/assets/a.js'))
    expect(await fetched.text()).toBe('net /sub/assets/a.js')
    expect(env.caches.store.get('deck-v2')!.has('/sub/assets/a.js')).toBe(false) // a synthetic Response is not "basic"
  })

  it('falls back to the cached page when a page load fails offline, and rethrows with none', async () => {
    const offline = environment(() => new TypeError('Failed to fetch'))
    await expect(networkFirst(offline, MANIFEST, request('/sub/', { mode: 'navigate' }))).rejects.toThrow('Failed to fetch')
    await cacheShell(offline, MANIFEST)
    expect(await (await networkFirst(offline, MANIFEST, request('/sub/', { mode: 'navigate' }))).text()).toBe('cached /sub/')
  })

  it('precaches what is missing, and lists what failed instead of stopping', async () => {
    const env = environment(url => url.endsWith('b.js') ? new Response('gone', { status: 404 }) : new Response(`net ${url}`))
    await cacheShell(env, MANIFEST)
    expect(await precacheAll(env, MANIFEST, 2)).toEqual({ total: 4, downloaded: 1, failed: ['/sub/assets/b.js'] })
    expect(env.fetched.sort()).toEqual(['/sub/assets/a.js', '/sub/assets/b.js'])
  })
})

function fakePage(overrides: Partial<PageEnvironment> = {}) {
  const registered: [string, RegistrationOptions | undefined][] = []
  const posted: unknown[] = []
  const listeners: ((event: MessageEvent) => void)[] = []
  const root = { dataset: {} as DOMStringMap } as HTMLElement
  const registration = { active: { postMessage: (message: unknown) => posted.push(message) } } as unknown as ServiceWorkerRegistration
  const serviceWorker = {
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    register: async (url: string, options?: RegistrationOptions) => {
      registered.push([url, options])
      return registration
    },
    ready: Promise.resolve(registration),
  } as unknown as ServiceWorkerContainer
  const page: PageEnvironment = {
    serviceWorker,
    webdriver: false,
    readOptIn: () => null,
    root,
    whenIdle: callback => callback(),
    afterLoad: callback => callback(),
    ...overrides,
  }
  return { page, registered, posted, root, tell: (data: unknown) => listeners.forEach(listener => listener({ data } as MessageEvent)) }
}

describe('offline registration', () => {
  it('registers the worker at the base, asks for the precache and shows progress on <html>', async () => {
    const { page, registered, posted, root, tell } = fakePage()
    expect(registerOfflineCopy(page, '/sub/')).toBe('registering')
    await new Promise(resolve => setTimeout(resolve, 0))
    expect(registered).toEqual([['/sub/sw.js', { scope: '/sub/' }]])
    expect(posted).toEqual([{ type: 'precache' }])
    expect(root.dataset.offline).toBe('caching')
    tell({ type: 'precache-done', failed: ['/sub/a.js'] })
    expect(root.dataset.offline).toBe('partial')
    tell({ type: 'precache-done', failed: [] })
    expect(root.dataset.offline).toBe('ready')
  })

  it('stays out of automated browsers unless asked, and of browsers without service workers', () => {
    expect(registerOfflineCopy(fakePage({ webdriver: true }).page, '/')).toBe('automated')
    expect(registerOfflineCopy(fakePage({ webdriver: true, readOptIn: () => 'always' }).page, '/')).toBe('registering')
    expect(registerOfflineCopy(fakePage({ serviceWorker: undefined }).page, '/')).toBe('unsupported')
  })

  it('says why when the worker cannot be registered', async () => {
    const { page, root } = fakePage()
    page.serviceWorker!.register = async () => {
      throw new Error('404 for sw.js')
    }
    registerOfflineCopy(page, '/')
    await new Promise(resolve => setTimeout(resolve, 0))
    expect(root.dataset).toEqual({ offline: 'unavailable', offlineError: '404 for sw.js' })
  })
})
