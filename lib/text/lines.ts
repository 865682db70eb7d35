// Lines as a shell reads them: a line ending in an unescaped backslash continues on the next.

export interface LogicalLine {
  /** The joined text, each continuation kept as `\` + newline (the tokenizer removes it). */
  text: string
  /** 1-based number of the line it starts on (counted from `firstLine`). */
  line: number
}

/** Joins backslash-continued lines; a trailing `\\` (an escaped backslash) does not continue. */
export function logicalLines(text: string, firstLine = 1): LogicalLine[] {
  const lines: LogicalLine[] = []
  let pending = ''
  let startedAt = firstLine
  text.split(/\r?\n/).forEach((line, index) => {
    if (pending === '')
      startedAt = firstLine + index
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(line)) {
      pending += `${line}\n`
      return
    }
    lines.push({ text: pending + line, line: startedAt })
    pending = ''
  })
  if (pending)
    lines.push({ text: pending.replace(/\n$/, ''), line: startedAt })
  return lines
}
