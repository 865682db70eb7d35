// The browser's record of the student's exercises (localStorage), shared by every box of the deck.

import type { SavedExercise, SavedProgress } from '../../lib/exercises/progress'
import type { ExerciseProgress } from '../../lib/exercises/types'
import { ref } from 'vue'
import { parseSavedProgress, PROGRESS_STORAGE_KEY } from '../../lib/exercises/progress'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  }
  catch {
    return null // storage refused: progress lives until the page closes
  }
}

export const savedProgress = ref<SavedProgress>(parseSavedProgress(storage()?.getItem(PROGRESS_STORAGE_KEY) ?? null))

function persist(): void {
  try {
    storage()?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(savedProgress.value))
  }
  catch {
    // Quota or refusal: the page keeps it in memory.
  }
}

export function saveExercise(id: string, entry: SavedExercise): void {
  savedProgress.value = { ...savedProgress.value, [id]: entry }
  persist()
}

export function updateProgress(id: string, progress: ExerciseProgress): void {
  const entry = savedProgress.value[id]
  if (entry && (entry.passed !== progress.passed || entry.reached.join() !== progress.reached.join()))
    saveExercise(id, { ...entry, ...progress })
}

/** Marks imported exercises as passed (an import never un-passes one). */
export function markPassed(ids: readonly string[], emptyBaseline: SavedExercise['baseline']): void {
  const next = { ...savedProgress.value }
  for (const id of ids)
    next[id] = { ...(next[id] ?? { reached: [], baseline: emptyBaseline }), passed: true }
  savedProgress.value = next
  persist()
}

export function passedIds(): string[] {
  return Object.entries(savedProgress.value).filter(([, entry]) => entry.passed).map(([id]) => id)
}
