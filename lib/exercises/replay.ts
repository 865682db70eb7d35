// Runs an exercise on a fresh simulated machine: its setup, then the student's commands one at a time,
// checking after each as the slide's box does. What the CLI and the tests use.

import type { CheckResult, Exercise, ExerciseProgress, MachineView } from './types'
import { Simulator } from '../docker-sim/simulator'
import { checkExercise, freshProgress } from './check'
import { engineCodes } from './evidence'
import { baselineOf } from './query'

export { engineCodes } from './evidence'

const HOME = '/home/student'

export interface Attempt {
  commands: readonly string[]
  /** The editor's Dockerfile, written to the exercise's dockerfilePath before the first command. */
  dockerfile?: string
}

export class ExerciseSetupError extends Error {}

/** A fresh machine in the exercise's starting state. */
export async function startingMachine(exercise: Exercise): Promise<Simulator> {
  const simulator = new Simulator()
  for (const line of exercise.setup) {
    const result = await simulator.run(line)
    if (result.exit !== 0)
      throw new ExerciseSetupError(`exercise ${exercise.id}: setup line \`${line}\` failed (exit ${result.exit}): ${result.stderr.trim()}`)
  }
  return simulator
}

export function viewOf(simulator: Simulator, baseline: MachineView['baseline']): MachineView {
  return { host: simulator.host, baseline, cwd: simulator.cwd }
}

export async function replay(exercise: Exercise, attempt: Attempt): Promise<CheckResult> {
  const simulator = await startingMachine(exercise)
  if (attempt.dockerfile !== undefined) {
    if (!exercise.dockerfilePath)
      throw new ExerciseSetupError(`exercise ${exercise.id} has no editor: a Dockerfile was given`)
    simulator.machine.fs.writeFile(`${HOME}/${exercise.dockerfilePath}`, attempt.dockerfile)
  }
  const baseline = baselineOf(simulator)
  const codes = new Set<string>()
  let progress: ExerciseProgress = freshProgress()
  let last = checkExercise(exercise, viewOf(simulator, baseline), progress, { codes })
  progress = last.progress
  for (const line of attempt.commands) {
    await simulator.run(line)
    for (const code of engineCodes(line))
      codes.add(code)
    last = checkExercise(exercise, viewOf(simulator, baseline), progress, { codes })
    progress = last.progress
  }
  return last.result
}
