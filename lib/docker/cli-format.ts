// Readable plain-text rendering of explanations, for a terminal.

import type { ContainerConfig } from './container-config'
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

function sizeText(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
  let size = bytes
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit++
  }
  return `${Number(size.toFixed(2))} ${units[unit]}`
}

/** The settings of the container, one line each: what `run`/`create` will ask the daemon for. */
function containerLines(config: ContainerConfig): string[] {
  const lines: string[] = []
  if (config.name)
    lines.push(`name:       ${config.name}`)
  for (const port of config.ports)
    lines.push(`port:       ${port.hostPort ?? '(free port)'} → ${port.containerPort}/${port.protocol} on ${port.allInterfaces ? 'every interface' : port.hostIp}`)
  for (const mount of config.mounts)
    lines.push(`mount:      ${mount.type}${mount.source ? ` ${mount.source}` : ''} → ${mount.target}${mount.readOnly ? ' (read-only)' : ''}`)
  for (const env of config.env)
    lines.push(`env:        ${env.name}${env.fromHost ? ' (from your shell)' : `=${env.value}`}`)
  for (const network of config.networks)
    lines.push(`network:    ${network.name} (${network.mode})${network.aliases.length ? `, aliases ${network.aliases.join(', ')}` : ''}`)
  if (config.restart)
    lines.push(`restart:    ${config.restart.name || 'no'}${config.restart.maxRetries !== null ? `, at most ${config.restart.maxRetries} times` : ''}`)
  if (config.memory !== null)
    lines.push(`memory:     ${sizeText(config.memory)}`)
  if (config.cpus !== null)
    lines.push(`cpus:       ${config.cpus}`)
  return lines
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
  if (explanation.config) {
    const lines = containerLines(explanation.config)
    if (lines.length > 0) {
      out.push('')
      out.push('Container:')
      out.push(...lines.map(line => `  ${line}`))
    }
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
