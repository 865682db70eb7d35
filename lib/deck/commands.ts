// Every docker command the deck shows or says, with where it is: inline code (`docker ps`), lines of
// code blocks (`$ docker run …`, `\`-continued), `command="…"` props of components, all of these inside
// speaker notes too, and the lines of shell scripts among the snippets. Patterns that are not commands
// (alternatives `a / b`, elisions `…`, placeholders `<name>` `{image}`) are told apart, not dropped.
import { logicalLines } from '../text/lines'

export interface FoundCommand {
  file: string
  line: number
  text: string
  from: 'inline code' | 'code block' | 'command prop' | 'script'
}

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, '\'')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** `$ docker run …` → `docker run …`; null for lines that are not docker commands. */
export function commandOfLine(line: string): string | null {
  const match = /^\s*(?:\$\s+)?(docker\s[\s\S]*)$/.exec(line.replace(/\s*\\\n\s*/g, ' '))
  return match?.[1]?.trim() ?? null
}

export function commandsInMarkdown(file: string, source: string): FoundCommand[] {
  const found: FoundCommand[] = []
  const fence = /^(\s*)(`{3,}|~{3,})[^\n`~]*\n([\s\S]*?)^\1\2\s*$/gm
  for (const block of source.matchAll(fence)) {
    const body = block[3] ?? ''
    const bodyLine = lineAt(source, block.index) + 1
    for (const { text, line } of logicalLines(body, bodyLine)) {
      const command = commandOfLine(text)
      if (command)
        found.push({ file, line, text: command, from: 'code block' })
    }
  }
  // Blank out code blocks (keeping line numbers) before looking at inline code.
  const prose = source.replace(fence, block => block.replace(/[^\n]/g, ' '))
  for (const match of prose.matchAll(/`([^`]+)`/g)) {
    const inner = match[1] ?? ''
    if (inner.includes('\n\n'))
      continue
    const command = commandOfLine(inner.replace(/\s*\n\s*/g, ' '))
    if (command)
      found.push({ file, line: lineAt(prose, match.index), text: command, from: 'inline code' })
  }
  for (const match of source.matchAll(/\bcommand="([^"]*)"/g)) {
    const command = commandOfLine(decodeAttribute(match[1] ?? ''))
    if (command)
      found.push({ file, line: lineAt(source, match.index), text: command, from: 'command prop' })
  }
  return found
}

export function commandsInScript(file: string, source: string): FoundCommand[] {
  return logicalLines(source, 1).flatMap(({ text, line }) => {
    const command = commandOfLine(text)
    return command ? [{ file, line, text: command, from: 'script' as const }] : []
  })
}

/** Why a found text is a pattern rather than a command, or null when it is a command. */
export function placeholderReason(text: string): string | null {
  if (text.includes(' / '))
    return 'alternatives ( / )'
  if (text.includes('…') || text.includes('...'))
    return 'elision (…)'
  if (/<[^>]+>/.test(text))
    return 'placeholder (<…>)'
  if (/\{[^}]+\}/.test(text))
    return 'placeholder ({…})'
  return null
}

/** The commands of one file of the deck, by its kind (Markdown page, shell script, anything else: none). */
export function commandsInFile(file: string, source: string): FoundCommand[] {
  if (file.endsWith('.md'))
    return commandsInMarkdown(file, source)
  if (/\.(?:sh|bash)$/.test(file) || source.startsWith('#!'))
    return commandsInScript(file, source)
  return []
}
