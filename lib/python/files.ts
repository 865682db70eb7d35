// The files of the `pyodide` npm package that the browser needs at run time.
// They are served from `<base>pyodide/` (copied out of node_modules at build time),
// so Python runs with no network at all.

/** Folder, relative to the deck's base URL, that holds the Pyodide runtime. */
export const PYODIDE_DIR = 'pyodide/'

/** Loader module, interpreter (JS glue + WebAssembly), standard library and package lock. */
export const PYODIDE_RUNTIME_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const

/** URL of the Pyodide folder for a deck served under `baseUrl` (Vite's BASE_URL, e.g. `/` or `/sub/`). */
export function pyodideIndexUrl(baseUrl: string): string {
  if (!baseUrl)
    throw new Error('pyodideIndexUrl: the base URL is empty; expected "/" or a path such as "/talks/docker/"')
  const withSlash = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return `${withSlash}${PYODIDE_DIR}`
}
