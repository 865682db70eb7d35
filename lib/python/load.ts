// Loads the Pyodide interpreter once, on first use, from the files the build copied to <base>pyodide/.

import type { PyodideAPI } from 'pyodide'
import { pyodideIndexUrl } from './files'

let loading: Promise<PyodideAPI> | null = null

/** The shared interpreter; the first call downloads it (~12 MB, from this deck's own server). */
export function loadPythonInterpreter(baseUrl: string): Promise<PyodideAPI> {
  loading ??= (async () => {
    const indexURL = pyodideIndexUrl(baseUrl)
    // Imported from the copied files, not bundled: Pyodide finds its sibling files next to itself.
    const { loadPyodide } = await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as typeof import('pyodide')
    return loadPyodide({ indexURL })
  })().catch((error: unknown) => {
    loading = null // let a later Run try again
    throw new Error(`Could not start Python in the browser (files expected under ${pyodideIndexUrl(baseUrl)}): ${error instanceof Error ? error.message : String(error)}`)
  })
  return loading
}
