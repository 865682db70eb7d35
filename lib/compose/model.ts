// Compose as data: what the converter produces and the readers consume. YAML text is written only at
// the edges (yaml.ts), from these objects.

import type { IssueSeverity } from '../text/issue'
import type { DataPath } from './issues'

export type ComposeValue = string | number | boolean | null | ComposeValue[] | { [key: string]: ComposeValue }
export type ComposeMapping = Record<string, ComposeValue>

/** A Compose file as data, keys in the order they are written. */
export interface ComposeFileData {
  services: Record<string, ComposeMapping>
  networks?: Record<string, ComposeMapping>
  volumes?: Record<string, ComposeMapping>
  secrets?: Record<string, ComposeMapping>
  configs?: Record<string, ComposeMapping>
}

/**
 * Something the reader must know about one place of the file: a flag with no Compose form, a
 * placeholder to fill in, a path made relative. Written as a comment above `path` (the file's
 * header when `path` is empty).
 */
export interface ComposeNote {
  path: DataPath
  severity: IssueSeverity
  text: string
}

/** The Compose form of one or more docker commands. */
export interface ComposeConversion {
  file: ComposeFileData
  notes: ComposeNote[]
  /** The service made from each command, by the command's index in the text (null: not run/create). */
  serviceOfCommand: (string | null)[]
}
