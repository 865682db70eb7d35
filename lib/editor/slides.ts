// Which slides carry a live editor: decided on the raw Markdown, before Slidev renders it.

/**
 * Matches Slidev's Monaco markers in a fence or snippet import: `{monaco}`, `{monaco-run}`,
 * `{monaco-diff}`, `{monaco-write}` (e.g. ```` ```python {monaco-run} ```` or `<<< @/x.py {monaco}`).
 */
const MONACO_MARKER = /^\s*(?:`{3}|~{3}|<<<)[^\n]*\{monaco(?:-\w+)?\}/m

/** true when the slide's Markdown has at least one Monaco editor. */
export function slideUsesMonaco(markdown: string): boolean {
  return MONACO_MARKER.test(markdown)
}
