// How long one check of each exercise takes on the state its reference solution leaves (budget 50 ms:
// the box checks after every command).
//
//   npx tsx scripts/bench-exercises.ts
import { pathToFileURL } from 'node:url'
import { checkExercise, EXERCISES, freshProgress } from '../lib/exercises/index'
import { baselineOf } from '../lib/exercises/query'
import { engineCodes, startingMachine, viewOf } from '../lib/exercises/replay'

export const CHECK_BUDGET_MS = 50

export interface ExerciseBenchRow {
  name: string
  msPerCheck: number
  budgetMs: number
  withinBudget: boolean
}

export async function runExerciseBench(minimumMs = 200): Promise<ExerciseBenchRow[]> {
  const rows: ExerciseBenchRow[] = []
  for (const exercise of EXERCISES) {
    const solution = exercise.solutions[0]!
    const simulator = await startingMachine(exercise)
    if (solution.dockerfile !== undefined && exercise.dockerfilePath)
      simulator.machine.fs.writeFile(`/home/student/${exercise.dockerfilePath}`, solution.dockerfile)
    const baseline = baselineOf(simulator)
    const codes = new Set<string>()
    for (const line of solution.commands) {
      await simulator.run(line)
      for (const code of engineCodes(line))
        codes.add(code)
    }
    const solved = viewOf(simulator, baseline)
    // The starting state: nothing met, so every hint is tried (the slower path).
    const unsolved = viewOf(await startingMachine(exercise), baseline)
    // What the box does after a command: the engine's codes of the line and the check.
    const last = solution.commands.at(-1) ?? ''
    for (const [state, view] of [['solved', solved], ['unsolved', unsolved]] as const) {
      let checks = 0
      const start = performance.now()
      while (performance.now() - start < minimumMs) {
        engineCodes(last)
        checkExercise(exercise, view, freshProgress(), { codes })
        checks++
      }
      const msPerCheck = Math.round(((performance.now() - start) / checks) * 1000) / 1000
      rows.push({ name: `check ${exercise.id} (${state})`, msPerCheck, budgetMs: CHECK_BUDGET_MS, withinBudget: msPerCheck <= CHECK_BUDGET_MS })
    }
  }
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await runExerciseBench())
    console.log(`${row.name.padEnd(44)} ${String(row.msPerCheck).padStart(8)} ms  (budget ${row.budgetMs} ms${row.withinBudget ? '' : ', OVER'})`)
}
