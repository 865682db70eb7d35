// The engines write plain text in which `backquoted` words are code (a command, a flag, a path).
// One reading of that rule, for the widget (Vue) and the editor hovers (Markdown).

export interface TextRun {
  text: string
  /** Written between backquotes: show as code. */
  code: boolean
}

/** Plain text cut into runs; a backquote without its pair, or a pair around nothing or a newline, stays text. */
export function splitInlineCode(text: string): TextRun[] {
  return text
    .split(/`([^`\n]+)`/)
    .map((run, index) => ({ text: run, code: index % 2 === 1 }))
    .filter(run => run.text !== '' || run.code)
}

/** A Markdown code span showing `text` exactly, whatever backquotes it holds (CommonMark's rule). */
export function markdownCodeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const padded = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ` ${text} ` : text
  return `${fence}${padded}${fence}`
}
