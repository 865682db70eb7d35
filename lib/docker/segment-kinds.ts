// What each kind of segment is called where a part of a command is labelled (the widget's list,
// the editor hovers).
import type { SegmentKind } from './types'

export const SEGMENT_KIND_LABELS: Readonly<Record<SegmentKind, string>> = {
  'program': 'program',
  'global-flag': 'global option',
  'command': 'command',
  'flag': 'option',
  'argument': 'argument',
  'image': 'image',
  'container-command': 'runs inside',
  'separator': 'separator',
  'shell': 'shell',
  'unknown': 'not understood',
}
