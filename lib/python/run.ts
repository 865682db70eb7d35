// Runs Python source on a Pyodide interpreter and collects what it printed, in order.
// Pure with respect to the page: the interpreter is handed in, nothing touches the DOM.

import type { PyodideAPI } from 'pyodide'

/** The part of Pyodide's API this module uses. */
export type PythonInterpreter = Pick<PyodideAPI, 'runPythonAsync' | 'setStdout' | 'setStderr' | 'toPy'>

export type PythonStream = 'stdout' | 'stderr' | 'error'

export interface PythonChunk {
  stream: PythonStream
  text: string
}

/**
 * Pyodide's tracebacks start with frames of its own runner (`/_pyodide/_base.py`).
 * Keeps the header, the user's frames (`<exec>`) and the final error line.
 */
export function trimTraceback(traceback: string): string {
  const lines = traceback.replace(/\n+$/, '').split('\n')
  const kept: string[] = []
  let skipping = false
  for (const line of lines) {
    const frame = /^ {2}File "([^"]*)"/.exec(line)
    if (frame) {
      skipping = frame[1]!.includes('/_pyodide/') || frame[1]!.includes('/pyodide/')
      if (!skipping)
        kept.push(line)
      continue
    }
    // Lines under a frame (source, carets) are indented by four spaces.
    if (skipping && /^ {4}/.test(line))
      continue
    skipping = false
    kept.push(line)
  }
  return kept.join('\n')
}

/** Merges neighbouring chunks of the same stream, so output reads as blocks. */
export function mergeChunks(chunks: readonly PythonChunk[]): PythonChunk[] {
  const merged: PythonChunk[] = []
  for (const chunk of chunks) {
    const last = merged[merged.length - 1]
    if (last && last.stream === chunk.stream)
      last.text += chunk.text
    else
      merged.push({ ...chunk })
  }
  return merged
}

/**
 * Runs `code` as a fresh `__main__` module (nothing leaks from one run to the next) and returns
 * stdout, stderr and any uncaught exception (as a trimmed traceback), in the order they happened.
 */
export async function runPython(interpreter: PythonInterpreter, code: string): Promise<PythonChunk[]> {
  const chunks: PythonChunk[] = []
  const writer = (stream: PythonStream) => {
    const decoder = new TextDecoder()
    return {
      write(buffer: Uint8Array): number {
        chunks.push({ stream, text: decoder.decode(buffer, { stream: true }) })
        return buffer.length
      },
    }
  }
  interpreter.setStdout(writer('stdout'))
  interpreter.setStderr(writer('stderr'))
  const globals = interpreter.toPy({ __name__: '__main__' })
  try {
    await interpreter.runPythonAsync(code, { globals })
  }
  catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    chunks.push({ stream: 'error', text: trimTraceback(message) })
  }
  finally {
    globals.destroy()
  }
  return mergeChunks(chunks)
}
