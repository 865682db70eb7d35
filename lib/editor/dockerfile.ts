// Dockerfile editors: problems become markers, the instruction under the pointer becomes a hover.

import type { EditorHover, EditorMarker } from './types'
import { checkDockerfile } from '../dockerfile/check'
import { describeAt } from '../dockerfile/describe'
import { explainImageReference } from './engine'
import { fromEditorPosition, toEditorRange } from './position'

/** Monaco shows `code` next to the message: BuildKit's rule name (JSONArgsRecommended…) or the check's own code. */
export type DockerfileMarker = EditorMarker & { code: string }

export function dockerfileMarkers(text: string): DockerfileMarker[] {
  return checkDockerfile(text).map(problem => ({
    ...toEditorRange(problem.range),
    severity: problem.severity,
    message: problem.suggestion ? `${problem.message}\nSuggested: ${problem.suggestion}` : problem.message,
    source: 'Dockerfile',
    code: problem.code,
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
