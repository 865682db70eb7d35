import { describe, expect, it } from 'vitest'
import { parseBuildArgs } from '../../../scripts/build'
import { fontStem, precacheManifest, serviceWorkerScript, shellUrls } from '../../../scripts/offline'

describe('parseBuildArgs', () => {
  it('defaults to the root base, dist/ and both PDFs', () => {
    expect(parseBuildArgs([])).toEqual({ base: '/', out: 'dist', pdf: true, timingsFile: null })
  })

  it('takes --base and --out as two words or with =, and --no-pdf', () => {
    expect(parseBuildArgs(['--base', '/docker-overview/', '--out=/tmp/site', '--no-pdf'])).toEqual({
      base: '/docker-overview/',
      out: '/tmp/site',
      pdf: false,
      timingsFile: null,
    })
    expect(parseBuildArgs(['--base=/talks/docker/']).base).toBe('/talks/docker/')
  })

  it('refuses a base without its slashes, a missing value and unknown options', () => {
    expect(() => parseBuildArgs(['--base', 'docker-overview'])).toThrow(/must start and end with "\/"/)
    expect(() => parseBuildArgs(['--base', '/docker-overview'])).toThrow(/must start and end with "\/"/)
    expect(() => parseBuildArgs(['--out'])).toThrow(/--out <value>' argument missing/)
    expect(() => parseBuildArgs(['--out='])).toThrow(/--out needs a value/)
    expect(() => parseBuildArgs(['--download'])).toThrow(/Unknown option '--download'/)
    expect(() => parseBuildArgs(['dist'])).toThrow(/Unexpected argument 'dist'/)
  })
})

const INDEX_HTML = `<!DOCTYPE html><html><head>
<link rel="icon" href="/sub/favicon.svg">
<script type="module" crossorigin src="/sub/assets/index-AbCd1234.js"></script>
<link rel="modulepreload" crossorigin href="/sub/assets/modules/vue-XyZ98765.js">
<link rel="stylesheet" crossorigin href="/sub/assets/index-Q1w2E3r4.css">
<link rel="preconnect" href="https://example.org">
</head><body><div id="app"></div></body></html>`

describe('shellUrls', () => {
  it('lists the base and what index.html loads from under it, nothing from elsewhere', () => {
    expect(shellUrls(INDEX_HTML, '/sub/')).toEqual([
      '/sub/',
      '/sub/favicon.svg',
      '/sub/assets/index-AbCd1234.js',
      '/sub/assets/modules/vue-XyZ98765.js',
      '/sub/assets/index-Q1w2E3r4.css',
    ])
  })
})

describe('precacheManifest', () => {
  const files = [
    { path: 'index.html', size: 2_000 },
    { path: '404.html', size: 2_000 },
    { path: '_redirects', size: 30 },
    { path: 'sw.js', size: 9_000 },
    { path: 'docker-overview.pdf', size: 700_000 },
    { path: 'favicon.svg', size: 400 },
    { path: 'assets/index-AbCd1234.js', size: 120_000 },
    { path: 'assets/index-AbCd1234.js.map', size: 400_000 },
    { path: 'assets/monaco/editor.api-Dp_esoJ_.js', size: 2_600_000 },
    { path: 'assets/DockerExplainer-Dj3f0WcD.js', size: 240_000 },
    { path: 'assets/KaTeX_Main-Bold-Cx986IdX.woff2', size: 25_000 },
    { path: 'assets/KaTeX_Main-Bold-Jm3AIy58.woff', size: 30_000 },
    { path: 'assets/KaTeX_Main-Bold-waoOVXN0.ttf', size: 50_000 },
    { path: 'assets/codicon-Brq4_Ui5.ttf', size: 140_000 },
    { path: 'pyodide/pyodide.asm.wasm', size: 9_600_000 },
  ]
  const manifest = precacheManifest(files, ['/sub/', '/sub/favicon.svg', '/sub/assets/index-AbCd1234.js'], '/sub/', 'v1')

  it('keeps every file the deck may load, after the shell, smallest first', () => {
    expect(manifest.lazy).toEqual([
      '/sub/assets/KaTeX_Main-Bold-Cx986IdX.woff2',
      '/sub/assets/codicon-Brq4_Ui5.ttf',
      '/sub/assets/DockerExplainer-Dj3f0WcD.js',
      '/sub/assets/monaco/editor.api-Dp_esoJ_.js',
      '/sub/pyodide/pyodide.asm.wasm',
    ])
    expect(manifest.lazyBytes).toBe(25_000 + 140_000 + 240_000 + 2_600_000 + 9_600_000)
  })

  it('leaves out PDFs, host files, source maps, the worker and font fallbacks next to a woff2', () => {
    const all = [...manifest.shell, ...manifest.lazy].join(' ')
    for (const left of ['.pdf', '404.html', '_redirects', '.map', 'sw.js', 'KaTeX_Main-Bold-Jm3AIy58.woff', 'KaTeX_Main-Bold-waoOVXN0.ttf'])
      expect(all).not.toContain(left)
  })

  it('finds a font\'s name without Vite\'s hash', () => {
    expect(fontStem('assets/KaTeX_Main-Bold-Cx986IdX.woff2', 'woff2')).toBe('assets/KaTeX_Main-Bold')
    expect(fontStem('assets/KaTeX_Main-Bold-waoOVXN0.ttf', 'woff|ttf')).toBe('assets/KaTeX_Main-Bold')
    expect(fontStem('assets/index-AbCd1234.js', 'woff2')).toBeNull()
  })
})

describe('the built service worker', () => {
  const manifest = precacheManifest([{ path: 'assets/a-AbCd1234.js', size: 10 }], ['/sub/'], '/sub/', 'abc123')

  it('is one classic script that starts the worker with the build\'s manifest', async () => {
    const source = await serviceWorkerScript(manifest)
    expect(source).not.toMatch(/^\s*(?:import|export)\b/m)
    const listeners: string[] = []
    const scope = { addEventListener: (type: string) => listeners.push(type), location: { origin: 'http://x' }, caches: {}, fetch: () => {} }
    // Runs the script as a worker would, against a fake global scope.
    // eslint-disable-next-line no-new-func
    new Function('globalThis', 'self', source)(scope, scope)
    expect(listeners.sort()).toEqual(['activate', 'fetch', 'install', 'message'])
    expect(source).toContain('"version": "abc123"')
    expect(source).toContain('"lazy": ["/sub/assets/a-AbCd1234.js"]')
    expect(source).not.toContain('__DECK_PRECACHE__')
  })
})
