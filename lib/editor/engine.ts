// The docker explainer engine, seen from the editors: image references.

import { parseImageReference } from '../docker/values'
import { quotedTextToMarkdown } from './markdown'

/** Markdown explaining an image reference such as `python:3.12-slim`, or null when it is not one. */
export function explainImageReference(reference: string): string | null {
  const result = parseImageReference(reference)
  return result.ok ? quotedTextToMarkdown(result.value.explanation) : null
}
