// What a student has done, as saved in the browser and as an export code to carry to another browser.
// The code holds only the ids passed: milestones and baselines belong to one machine.

import type { Baseline, ExerciseProgress } from './types'
import { EXERCISES } from './exercises'

export const PROGRESS_STORAGE_KEY = 'docker-overview:exercises'
const CODE_PREFIX = 'DKX1-'

export interface SavedExercise extends ExerciseProgress {
  /** What existed on the machine when the student started it (Start, or the box's first check). */
  baseline: Baseline
}

export type SavedProgress = Record<string, SavedExercise>

/** Reads saved progress; anything malformed or about an unknown exercise is left out, never trusted. */
export function parseSavedProgress(text: string | null): SavedProgress {
  if (!text)
    return {}
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch {
    return {}
  }
  if (typeof data !== 'object' || data === null)
    return {}
  const saved: SavedProgress = {}
  for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
    const entry = value as Partial<SavedExercise> | null
    if (!EXERCISES.some(e => e.id === id) || !entry || !Array.isArray(entry.reached) || typeof entry.passed !== 'boolean' || !entry.baseline)
      continue
    saved[id] = { reached: entry.reached.filter((r): r is string => typeof r === 'string'), passed: entry.passed, baseline: entry.baseline }
  }
  return saved
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes)
    binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0)))
}

/** A short code of the exercises passed, to paste into another browser. */
export function exportCode(passedIds: readonly string[]): string {
  return CODE_PREFIX + toBase64Url([...passedIds].sort().join(','))
}

export type ImportResult = { ok: true, passed: string[] } | { ok: false, error: string }

/** Reads an export code; says what is wrong with a bad one rather than importing part of it. */
export function importCode(code: string): ImportResult {
  const trimmed = code.trim()
  if (!trimmed.startsWith(CODE_PREFIX))
    return { ok: false, error: `not an exercise code: it starts with ${CODE_PREFIX}` }
  let text: string
  try {
    text = fromBase64Url(trimmed.slice(CODE_PREFIX.length))
  }
  catch {
    return { ok: false, error: 'the code is damaged (not base64): copy it again' }
  }
  const ids = text === '' ? [] : text.split(',')
  const unknown = ids.filter(id => !EXERCISES.some(e => e.id === id))
  if (unknown.length > 0)
    return { ok: false, error: `the code names exercises this deck does not have: ${unknown.join(', ')}` }
  return { ok: true, passed: ids }
}
