export const SERVICE_WORKER_FILE: string

export interface BuildOptions {
  base: string
  out: string
  pdf: boolean
  timingsFile: string | null
}

export interface PrecacheManifest {
  version: string
  base: string
  shell: string[]
  lazy: string[]
  lazyBytes: number
}

export interface BuildResult {
  outDir: string
  base: string
  slides: number
  chapters: number
  slidesPdf: { path: string, pages: number } | null
  handoutPdf: { path: string, pages: number } | null
  timings: { bundleMs: number, slidesPdfMs: number, handoutMs: number, offlineMs: number, totalMs: number }
  precache: { files: number, lazyBytes: number, version: string }
}

export function parseBuildArgs(argv: string[]): BuildOptions
export function listFiles(dir: string): Promise<{ path: string, size: number }[]>
export function shellUrls(indexHtml: string, base: string): string[]
export function fontStem(path: string, extensions: string): string | null
export function precacheManifest(files: { path: string, size: number }[], shell: string[], base: string, version: string): PrecacheManifest
export function serviceWorkerSource(manifest: PrecacheManifest): string
export function registrationScript(base: string): string
export function injectBeforeBodyEnd(html: string, snippet: string): string
export function addOfflineSupport(outDir: string, base: string): Promise<PrecacheManifest>
export function build(options: BuildOptions): Promise<BuildResult>
