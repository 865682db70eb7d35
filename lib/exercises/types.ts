// An exercise is data: a task, how the machine starts, what its state must be at the end, hints for the
// known wrong paths, and reference solutions. The check reads the simulated machine's state (and the
// codes the explainer engine reports on what was typed), never the text of the commands.

import type { DockerHost } from '../docker-sim/docker-host'

/** What existed when the exercise started: goals say "a new volume", "the image is still there" relative to it. */
export interface Baseline {
  containerIds: string[]
  volumeNames: string[]
  imageIds: string[]
}

/** What a goal or a hint reads. */
export interface MachineView {
  host: DockerHost
  baseline: Baseline
  /** The student's current folder on the simulated laptop. */
  cwd: string
}

/** What the commands typed since the start told the explainer engine (its error and warning codes). */
export interface Evidence {
  codes: ReadonlySet<string>
}

export interface Goal {
  id: string
  /** What must be true, as the student reads it in the box ("a container named web is running"). */
  text: string
  holds: (view: MachineView) => boolean
}

export interface Hint {
  id: string
  /** What went wrong and what to do instead. */
  text: string
  /** The wrong path's mark: an engine code among the typed commands' codes, or a state. */
  when: (view: MachineView, evidence: Evidence) => boolean
}

export interface Solution {
  commands: string[]
  /** The Dockerfile the editor holds (exercises where the student writes one). */
  dockerfile?: string
}

export interface Exercise {
  id: string
  title: string
  /** The deck's page the exercise belongs to (pages/NN-….md). */
  page: string
  task: string
  /** Numbered steps for print and the handout. */
  steps: string[]
  /** What the student should see when it worked (print's expected-output box). */
  expectedOutput: string
  /** Commands run on a fresh machine before the student starts (the box's Start button runs them too). */
  setup: string[]
  /** Where the editor's Dockerfile is written, relative to the home folder (exercises with an editor). */
  dockerfilePath?: string
  /** States that must each have held at some check, in this order, before the final goals count. */
  milestones: Goal[]
  /** What must hold at the end. */
  goals: Goal[]
  /** Checked in order when the goals are not met: the first that applies is shown first. */
  hints: Hint[]
  solutions: Solution[]
  /** What the goals do not check, said plainly (the simulator does not run it). */
  notChecked?: string
}

/** What a check answers. */
export interface CheckResult {
  id: string
  passed: boolean
  /** Ids of the goals and milestones met, for the box's ticks. */
  met: string[]
  /** Hint ids and texts, most specific first; the first unmet goal's text when no known wrong path applies. */
  hints: { id: string, text: string }[]
}

/** What a student has done in an exercise, kept between checks (milestones reached). */
export interface ExerciseProgress {
  reached: string[]
  passed: boolean
}
