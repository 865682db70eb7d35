// The docker explainer engine, seen from the editors: image references and published ports.

import { parseImageReference, parsePublish } from '../docker/values'
import { quotedTextToMarkdown } from './markdown'

/** Markdown explaining an image reference such as `python:3.12-slim`, or null when it is not one. */
export function explainImageReference(reference: string): string | null {
  const result = parseImageReference(reference)
  return result.ok ? quotedTextToMarkdown(result.value.explanation) : null
}

/** Why a port mapping like `8000:5000` is invalid, or null when Docker accepts it. */
export function publishProblem(mapping: string): string | null {
  const result = parsePublish(mapping)
  return result.ok ? null : result.message
}
