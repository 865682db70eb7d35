// View state of <DockerExplainer>: the text being explained, the engine's answer, and which
// part of the command is highlighted. The engine does all the reading; this file only maps its
// spans (relative to each command) onto the whole text and decides what is highlighted.

import type { InjectionKey, Ref } from 'vue'
import type { CommandExplanation, ErrorCode, Segment, Span, WarningCode } from '../lib/docker/types'
import { computed, inject, provide, ref, watch } from 'vue'
import { explain } from '../lib/docker/index'

export type IssueSeverity = 'error' | 'warning'

/** An error or warning of one command, placed in the whole text. */
export interface ExplainedIssue {
  id: string
  severity: IssueSeverity
  /** The engine's code: `UNKNOWN_FLAG`, `PORT_ALL_INTERFACES`… */
  code: ErrorCode | WarningCode
  message: string
  suggestion: string | null
  commandIndex: number
  /** Absolute offsets into the whole text. */
  start: number
  end: number
  /** The parts this issue is drawn on; empty when it falls between parts (drawn as a marker). */
  partIds: string[]
}

/** One explained segment, placed in the whole text. */
export interface ExplainedPart {
  id: string
  commandIndex: number
  segment: Segment
  /** Absolute offsets into the whole text. */
  start: number
  end: number
  issues: ExplainedIssue[]
}

/** A piece of the whole text, in order: either an explained part or the text between parts. */
export type TextPiece
  = | { type: 'part', part: ExplainedPart }
    | { type: 'gap', text: string, start: number, end: number, issues: ExplainedIssue[] }
    | { type: 'marker', at: number, issues: ExplainedIssue[] }

export interface ExplainedCommand {
  index: number
  explanation: CommandExplanation
  parts: ExplainedPart[]
  issues: ExplainedIssue[]
}

function overlaps(a: Span, b: Span): boolean {
  if (b.start === b.end)
    return a.start <= b.start && b.start < a.end
  return a.start < b.end && b.start < a.end
}

/** Parts an issue belongs to. A zero-width issue at the very end of a part belongs to that part. */
function partsOfIssue(issue: Span, parts: ExplainedPart[]): ExplainedPart[] {
  const hit = parts.filter(part => overlaps(part, issue))
  if (hit.length > 0 || issue.start !== issue.end)
    return hit
  return parts.filter(part => part.end === issue.start)
}

export function placeCommand(explanation: CommandExplanation, index: number): ExplainedCommand {
  const offset = explanation.offset
  const parts: ExplainedPart[] = [...explanation.segments]
    .sort((a, b) => a.start - b.start)
    .map((segment, segmentIndex) => ({
      id: `${index}-${segmentIndex}`,
      commandIndex: index,
      segment,
      start: offset + segment.start,
      end: offset + segment.end,
      issues: [],
    }))
  const issues: ExplainedIssue[] = [
    ...explanation.errors.map((error, errorIndex) => ({
      id: `${index}-e${errorIndex}`,
      severity: 'error' as const,
      code: error.code,
      message: error.message,
      suggestion: error.suggestion ?? null,
      start: offset + error.start,
      end: offset + error.end,
    })),
    ...explanation.warnings.map((warning, warningIndex) => ({
      id: `${index}-w${warningIndex}`,
      severity: 'warning' as const,
      code: warning.code,
      message: warning.message,
      suggestion: null,
      start: offset + warning.start,
      end: offset + warning.end,
    })),
  ].map((issue) => {
    const owners = partsOfIssue(issue, parts)
    const placed: ExplainedIssue = { ...issue, commandIndex: index, partIds: owners.map(part => part.id) }
    owners.forEach(part => part.issues.push(placed))
    return placed
  })
  return { index, explanation, parts, issues }
}

/** Cuts the whole text into parts, the text between them, and markers for issues that sit in no part. */
export function cutText(text: string, commands: ExplainedCommand[]): TextPiece[] {
  const parts = commands.flatMap(command => command.parts).sort((a, b) => a.start - b.start)
  const loose = commands.flatMap(command => command.issues).filter(issue => issue.partIds.length === 0)
  const pieces: TextPiece[] = []
  const markersAt = (at: number) => loose.filter(issue => issue.start === issue.end && issue.start === at)
  let cursor = 0
  const pushGap = (end: number) => {
    if (end <= cursor)
      return
    const gap = { start: cursor, end }
    pieces.push({
      type: 'gap',
      text: text.slice(cursor, end),
      start: cursor,
      end,
      issues: loose.filter(issue => issue.start !== issue.end && overlaps(gap, issue)),
    })
  }
  const pushMarkers = (from: number, to: number) => {
    for (let at = from; at <= to; at++) {
      const here = markersAt(at)
      if (here.length > 0)
        pieces.push({ type: 'marker', at, issues: here })
    }
  }
  for (const part of parts) {
    if (part.start < cursor)
      continue // overlapping segments are not expected; keep the first one
    pushMarkers(cursor, part.start - 1)
    pushGap(part.start)
    pieces.push({ type: 'part', part })
    cursor = part.end
  }
  // Markers beyond the text's end (e.g. "missing image" after the last word) land at the end.
  const lastAt = Math.max(text.length, ...loose.map(issue => issue.start))
  const tail = Math.max(cursor, text.length)
  pushMarkers(cursor, tail - 1)
  pushGap(text.length)
  for (let at = tail; at <= lastAt; at++) {
    const here = markersAt(at)
    if (here.length > 0)
      pieces.push({ type: 'marker', at, issues: here })
  }
  return pieces
}

export interface ExplainerState {
  text: Ref<string>
  commands: Readonly<Ref<ExplainedCommand[]>>
  /** Set when the engine itself failed on this text (a defect, shown instead of a blank view). */
  failure: Readonly<Ref<string | null>>
  pieces: Readonly<Ref<TextPiece[]>>
  parts: Readonly<Ref<ExplainedPart[]>>
  issues: Readonly<Ref<ExplainedIssue[]>>
  /** Pinned by click, focus or Enter/Space. */
  selectedId: Ref<string | null>
  /** Under the pointer (a span, its explanation, or a drawn item). */
  hoveredId: Ref<string | null>
  /** The span that has keyboard focus. */
  focusedId: Ref<string | null>
  /** Under the text cursor of the input. */
  caretId: Readonly<Ref<string | null>>
  /** What is highlighted everywhere: pointer, then focus, then the pinned part, then the caret's. */
  highlightedId: Readonly<Ref<string | null>>
  highlighted: Readonly<Ref<ExplainedPart | null>>
  setCaret: (offset: number | null) => void
  toggleSelected: (id: string) => void
  /** The part of command `commandIndex` that covers `span` (relative to that command). */
  partFor: (commandIndex: number, span: Span) => ExplainedPart | null
}

const explainerKey: InjectionKey<ExplainerState> = Symbol('docker-explainer')

export function useExplainer(source: () => string): ExplainerState {
  const text = ref(source())
  watch(source, (value) => {
    text.value = value
  })

  const answer = computed(() => {
    try {
      return { commands: explain(text.value).map(placeCommand), failure: null }
    }
    catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { commands: [] as ExplainedCommand[], failure: reason }
    }
  })
  const commands = computed(() => answer.value.commands)
  const failure = computed(() => answer.value.failure)
  const pieces = computed(() => cutText(text.value, commands.value))
  const parts = computed(() => commands.value.flatMap(command => command.parts))
  const issues = computed(() => commands.value.flatMap(command => command.issues))

  const selectedId = ref<string | null>(null)
  const hoveredId = ref<string | null>(null)
  const focusedId = ref<string | null>(null)
  const caretOffset = ref<number | null>(null)

  const caretId = computed(() => {
    const at = caretOffset.value
    if (at === null)
      return null
    // The caret right after a word still belongs to that word (you just typed it).
    const part = parts.value.find(p => p.start <= at && at <= p.end)
    return part?.id ?? null
  })
  const exists = (id: string | null) => id !== null && parts.value.some(part => part.id === id)
  const highlightedId = computed(() =>
    [hoveredId.value, focusedId.value, selectedId.value, caretId.value].find(exists) ?? null,
  )
  const highlighted = computed(() => parts.value.find(part => part.id === highlightedId.value) ?? null)

  // A new text renumbers the parts: a pinned part from the old text would point at a stranger.
  watch(text, () => {
    selectedId.value = null
    hoveredId.value = null
  })

  const state: ExplainerState = {
    text,
    commands,
    failure,
    pieces,
    parts,
    issues,
    selectedId,
    hoveredId,
    focusedId,
    caretId,
    highlightedId,
    highlighted,
    setCaret(offset) {
      caretOffset.value = offset
    },
    toggleSelected(id) {
      selectedId.value = selectedId.value === id ? null : id
    },
    partFor(commandIndex, span) {
      const command = commands.value[commandIndex]
      if (!command)
        return null
      const absolute = { start: command.explanation.offset + span.start, end: command.explanation.offset + span.end }
      return command.parts.find(part => overlaps(part, absolute)) ?? null
    },
  }
  provide(explainerKey, state)
  return state
}

/** The state of the enclosing <DockerExplainer>, for its sub-components. */
export function useExplainerState(): ExplainerState {
  const state = inject(explainerKey, null)
  if (!state)
    throw new Error('Explainer parts must be used inside <DockerExplainer>')
  return state
}
