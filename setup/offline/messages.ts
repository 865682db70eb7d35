// The messages between the page (register.ts) and the service worker (service-worker.ts). A module
// of their own: importing them from the worker's module would put the whole worker in the page's
// entry chunk, since that module starts the worker on import when built as sw.js.
export const PRECACHE_REQUEST = 'precache'
export const PRECACHE_DONE = 'precache-done'
