// Readable plain-text rendering of explanations, for a terminal.

import type { CommandExplanation, Span } from './types'

/** The command with a line of marks under `span` (`^^^^`), as compilers show errors. */
function pointAt(input: string, span: Span, mark: string): string {
  // Only the line the span starts on, so multi-line commands stay readable.
  const lineStart = input.lastIndexOf('\n', span.start - 1) + 1
  const lineEndAt = input.indexOf('\n', span.start)
  const lineEnd = lineEndAt < 0 ? input.length : lineEndAt
  const line = input.slice(lineStart, lineEnd)
  const from = span.start - lineStart
  const width = Math.max(1, Math.min(span.end, lineEnd) - span.start)
  return `    ${line}\n    ${' '.repeat(from)}${mark.repeat(width)}`
}

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map(line => (line ? by + line : line))
    .join('\n')
}

function formatExplanation(explanation: CommandExplanation): string {
  const out: string[] = []
  out.push(`$ ${explanation.input}`)
  out.push('')
  out.push(explanation.summary)
  if (explanation.errors.length > 0) {
    out.push('')
    out.push(`Errors (docker would refuse this command):`)
    for (const error of explanation.errors) {
      out.push(`  ✗ ${error.code}: ${error.message}`)
      out.push(pointAt(explanation.input, error, '^'))
      if (error.suggestion)
        out.push(`    suggestion: ${error.suggestion}`)
    }
  }
  if (explanation.segments.length > 0) {
    out.push('')
    out.push('Part by part:')
    for (const segment of explanation.segments) {
      out.push(`  ${segment.text.replace(/\\\n\s*/g, '')}  [${segment.kind}]`)
      out.push(indent(segment.explanation))
    }
  }
  if (explanation.image) {
    const image = explanation.image
    out.push('')
    out.push('Image:')
    out.push(`  registry:   ${image.registry}${image.defaulted.registry ? ' (default)' : ''}`)
    if (image.namespace !== null)
      out.push(`  namespace:  ${image.namespace}${image.defaulted.namespace ? ' (default)' : ''}`)
    out.push(`  repository: ${image.repository}`)
    if (image.tag !== null)
      out.push(`  tag:        ${image.tag}${image.defaulted.tag ? ' (default)' : ''}`)
    if (image.digest !== null)
      out.push(`  digest:     ${image.digest}`)
  }
  if (explanation.warnings.length > 0) {
    out.push('')
    out.push('Warnings:')
    for (const warning of explanation.warnings) {
      out.push(`  ! ${warning.code}: ${warning.message}`)
      out.push(pointAt(explanation.input, warning, '~'))
    }
  }
  if (explanation.compose) {
    out.push('')
    out.push('As a Compose file:')
    out.push(indent(explanation.compose.trimEnd(), '  '))
  }
  return out.join('\n')
}

export function formatExplanations(explanations: readonly CommandExplanation[]): string {
  if (explanations.length === 0)
    return 'Nothing to explain: the text has no command.'
  return explanations.map(formatExplanation).join(`\n\n${'─'.repeat(60)}\n\n`)
}
