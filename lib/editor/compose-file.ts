// Compose file editors: the problems `docker compose config` would report (YAML, the official
// schema, references, interpolation, ports and volumes), as Monaco markers on their own lines.

import type { ComposeIssueCode } from '../compose/issues'
import type { EditorMarker } from './types'
import { readComposeFile } from '../compose/read'
import { LineIndex, offsetsToEditorRange } from './position'

/** A marker that also carries its code (Monaco shows it next to the message). */
export interface ComposeMarker extends EditorMarker {
  code: ComposeIssueCode
}

const YAML_CODES = new Set<ComposeIssueCode>(['COMPOSE_YAML_SYNTAX', 'COMPOSE_YAML_WARNING'])

/**
 * Every problem in the Compose file `text`. The shell's variables are unknown here, so a value that
 * uses one is not judged (Compose would read it only once the variable is set).
 */
export function composeMarkers(text: string): ComposeMarker[] {
  const lines = new LineIndex(text)
  return readComposeFile(text, { environment: null }).issues.map(issue => ({
    ...offsetsToEditorRange(lines, issue.start, issue.end),
    severity: issue.severity,
    message: issue.message,
    source: YAML_CODES.has(issue.code) ? 'YAML' : 'Compose',
    code: issue.code,
  }))
}
