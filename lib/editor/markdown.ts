// Monaco renders hover text as Markdown: text from the engines must not turn into markup.
import { markdownCodeSpan, splitInlineCode } from '../text/inline-code'

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~]/g

/** Plain text shown literally in a Monaco Markdown block. */
export function escapeMarkdown(plain: string): string {
  return plain.replace(MARKDOWN_SPECIAL, match => `\\${match}`)
}

/**
 * Engine explanations are plain text that quotes commands in backticks (`docker port`).
 * Keeps those quotes as code spans and escapes everything else; unbalanced backticks stay literal.
 */
export function quotedTextToMarkdown(text: string): string {
  return splitInlineCode(text).map(run => (run.code ? markdownCodeSpan(run.text) : escapeMarkdown(run.text))).join('')
}
