// Dockerfile editors: problems become markers, the instruction under the pointer becomes a hover.

import type { EditorHover, EditorMarker } from './types'
import { checkDockerfile } from '../dockerfile/check'
import { describeAt } from '../dockerfile/describe'
import { explainImageReference } from './engine'
import { fromEditorPosition, toEditorRange } from './position'

export function dockerfileMarkers(text: string): EditorMarker[] {
  return checkDockerfile(text).map(problem => ({
    ...toEditorRange(problem.range),
    severity: problem.severity,
    message: problem.message,
    source: 'Dockerfile',
  }))
}

export function dockerfileHover(text: string, lineNumber: number, column: number): EditorHover | null {
  const hover = describeAt(text, fromEditorPosition(lineNumber, column), { explainImage: explainImageReference })
  if (!hover)
    return null
  return {
    range: toEditorRange(hover.range),
    contents: [{ value: `**${hover.title}**` }, ...hover.paragraphs.map(value => ({ value }))],
  }
}
