// Slidev's server channel (vite-plugin-vue-server-ref), for the terminal relay of class mode: a ref the
// dev server keeps and pushes to every page; `$patch` sends a change (a POST), `$onPatch` hears the others'.
// In a static build there is no server: `$patch` resolves to false and nothing arrives.
declare module 'server-ref:docker-overview-terminals' {
  const data: import('vue').Ref<import('../lib/terminal/relay').RelayState | undefined> & {
    $patch: (patch: import('../lib/terminal/relay').RelayState) => Promise<unknown>
    $onPatch: (callback: (patch: import('../lib/terminal/relay').RelayState) => void) => void
  }
  export default data
}
