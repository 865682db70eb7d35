// Shell editors: the docker explainer engine explains the word under the pointer, and its
// errors and warnings become markers. Non-docker commands (`pip install …`) get neither.

import type { CommandExplanation, Segment } from '../docker/types'
import type { EditorHover, EditorMarker } from './types'
import { SEGMENT_KIND_LABELS } from '../docker/segment-kinds'
import { markdownCodeSpan } from '../text/inline-code'
import { quotedTextToMarkdown } from './markdown'
import { LineIndex, offsetsToEditorRange } from './position'

export type Explain = (text: string) => CommandExplanation[]

/** The segment under `offset` (relative to the command); the narrowest one wins. */
function segmentAt(command: CommandExplanation, offset: number): Segment | undefined {
  return command.segments
    .filter(segment => segment.start <= offset && offset <= segment.end)
    .sort((a, b) => (a.end - a.start) - (b.end - b.start))[0]
}

export function shellHover(text: string, lineNumber: number, column: number, explain: Explain): EditorHover | null {
  const lines = new LineIndex(text)
  const offset = lines.offsetAt({ line: lineNumber - 1, character: column - 1 })
  const command = explain(text).find(command => command.offset <= offset && offset <= command.offset + command.input.length)
  if (!command || !command.isDocker)
    return null
  const local = offset - command.offset
  const segment = segmentAt(command, local)
  if (!segment)
    return null
  const contents = [
    { value: `${markdownCodeSpan(segment.text)} — ${SEGMENT_KIND_LABELS[segment.kind]}` },
    { value: quotedTextToMarkdown(segment.explanation) },
  ]
  if (segment.kind === 'program' || segment.kind === 'command')
    contents.push({ value: quotedTextToMarkdown(command.summary) })
  for (const problem of [...command.errors, ...command.warnings]) {
    if (problem.start <= segment.end && segment.start <= problem.end)
      contents.push({ value: `⚠ ${quotedTextToMarkdown(problem.message)}` })
  }
  return { range: offsetsToEditorRange(lines, command.offset + segment.start, command.offset + segment.end), contents }
}

export function shellMarkers(text: string, explain: Explain): EditorMarker[] {
  const lines = new LineIndex(text)
  const markers: EditorMarker[] = []
  for (const command of explain(text)) {
    if (!command.isDocker)
      continue
    const place = (start: number, end: number) => offsetsToEditorRange(lines, command.offset + start, command.offset + Math.max(end, start + 1))
    for (const error of command.errors) {
      const fix = error.suggestion ? ` Did you mean ${error.suggestion}?` : ''
      markers.push({ ...place(error.start, error.end), severity: 'error', message: `${error.message}${fix}`, source: 'docker', code: error.code })
    }
    for (const warning of command.warnings)
      markers.push({ ...place(warning.start, warning.end), severity: 'warning', message: warning.message, source: 'docker', code: warning.code })
  }
  return markers
}
