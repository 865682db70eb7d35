// What the slide shows after a run, in the shape of Slidev's code-runner output.

import type { PythonChunk, PythonStream } from './run'

export type RunnerOutput = { html: string } | { text: string, class?: string }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)
}

/** Styles are inline: the blocks live in Slidev's runner output, outside this project's CSS. */
const BLOCK_STYLE = 'margin:0;white-space:pre-wrap;font-family:inherit;font-size:14px;line-height:1.5'

/** How each stream is shown: stderr marked, an uncaught exception in red with role="alert". */
const STREAM_MARKUP: Record<PythonStream, (text: string) => string> = {
  stdout: text => `<pre class="python-stdout" style="${BLOCK_STYLE}">${text}</pre>`,
  stderr: text => `<pre class="python-stderr" style="${BLOCK_STYLE};color:#c2410c">${text}</pre>`,
  error: text => `<pre class="python-error text-red-500" role="alert" style="${BLOCK_STYLE};color:#dc2626">${text}</pre>`,
}

/**
 * One <pre> per block, so indentation and blank lines survive. stderr is marked, an uncaught
 * exception is shown in red with role="alert". No output at all says so, instead of showing nothing.
 */
export function toRunnerOutputs(chunks: readonly PythonChunk[]): RunnerOutput[] {
  const visible = chunks.filter(chunk => chunk.text.length > 0)
  if (visible.length === 0)
    return [{ text: '(no output)', class: 'opacity-60' }]
  return visible.map(chunk => ({ html: STREAM_MARKUP[chunk.stream](escapeHtml(chunk.text.replace(/\n$/, ''))) }))
}
