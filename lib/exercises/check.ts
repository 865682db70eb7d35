// Checks an exercise against the machine's state: milestones are reached in order as states pass by,
// the goals must hold now; when they do not, the hints of the known wrong paths that apply come first.

import type { CheckResult, Evidence, Exercise, ExerciseProgress, MachineView } from './types'

export function freshProgress(): ExerciseProgress {
  return { reached: [], passed: false }
}

/** Marks the milestones the current state reaches (in order: one state can reach several). */
export function advance(exercise: Exercise, view: MachineView, progress: ExerciseProgress): ExerciseProgress {
  const reached = [...progress.reached]
  for (const milestone of exercise.milestones.slice(reached.length)) {
    if (!milestone.holds(view))
      break
    reached.push(milestone.id)
  }
  return { reached, passed: progress.passed }
}

export function checkExercise(exercise: Exercise, view: MachineView, progress: ExerciseProgress, evidence: Evidence): { result: CheckResult, progress: ExerciseProgress } {
  const advanced = advance(exercise, view, progress)
  const goalsMet = exercise.goals.filter(goal => goal.holds(view)).map(goal => goal.id)
  const milestonesDone = advanced.reached.length === exercise.milestones.length
  const passed = milestonesDone && goalsMet.length === exercise.goals.length
  const hints: CheckResult['hints'] = []
  if (!passed) {
    for (const hint of exercise.hints) {
      if (hint.when(view, evidence))
        hints.push({ id: hint.id, text: hint.text })
    }
    const next = exercise.milestones[advanced.reached.length] ?? exercise.goals.find(goal => !goalsMet.includes(goal.id))
    if (next)
      hints.push({ id: `goal:${next.id}`, text: `Not yet: ${next.text}.` })
  }
  return {
    result: { id: exercise.id, passed, met: [...advanced.reached, ...goalsMet], hints },
    progress: { reached: advanced.reached, passed: advanced.passed || passed },
  }
}
