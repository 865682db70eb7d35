// Placeholders copied from documentation (`<path/to/data>`, `YOUR_TOKEN`, `...`): the tokenizer
// marks them; here they are said in words, as "replace this with …".
import type { Expansion, Word } from './tokenize'
import type { Span } from './types'

/** What the reader should write instead of a placeholder. */
export function describePlaceholder(text: string): string {
  if (text === '...' || text === '…')
    return `\`${text}\` is a placeholder for "more of the same": replace it with your own values, or leave it out.`
  const angled = text.startsWith('<')
  const words = text.replace(/^<|>$/g, '').replace(/^YOUR[_-]/, '').replace(/[/_-]+/g, ' ').trim().toLowerCase()
  const brackets = angled ? ', brackets included,' : ''
  return `\`${text}\` is a placeholder from the documentation: replace it${brackets} with your own ${words} before running the command.`
}

export function placeholdersIn(word: Word, span: Span = word): Expansion[] {
  return word.expansions.filter(e => e.kind === 'placeholder' && e.start < span.end && span.start < e.end)
}

/** A placeholder that names a folder or file: `<path/to/data>`, `<dir>`, `YOUR_FOLDER`. */
export function namesAPath(placeholder: Expansion): boolean {
  return placeholder.text.includes('/') || /path|dir|folder|file/i.test(placeholder.text)
}
