// Recorded transcripts (tests/fixtures/daemon/transcripts/*.json) and the comparisons made with
// them: the simulator against a transcript (line by line, with an agreement figure), and a fresh
// recording against the committed one (must be identical after normalising).
import type { Docker29Difference } from './scenario'
import { Normaliser, wordsOf } from './normalise'

export const TRANSCRIPT_FORMAT = 1

export interface RecordedOn {
  /** UTC day of the recording, YYYY-MM-DD. */
  date: string
  daemon: string
  apiVersion: string
  client: string
  storageDriver: string
  cgroupVersion: string
}

export interface ImageStandIn {
  /** The name the scenarios use (python:3.12). */
  name: string
  /** What the local image really is and how far it stands for the real one. */
  standsFor: string
  cmd: string[] | null
  env: string[]
  /** Packages the stand-in has as `pip install` leaves them (an extra image such as flask-stack). */
  pip?: string[]
}

export interface TranscriptStep {
  command: string
  stdout: string
  stderr: string
  exit: number
  /** Ran on a pseudo-terminal: stdout holds both streams, as the terminal showed them. */
  tty?: true
  input?: string[]
  /** Seconds, to 0.1 s; only where the scenario asked (timed: true). */
  elapsedSeconds?: number
  /** Ctrl-C pressed after this many seconds, then each second while it ran (three at most)… */
  interruptAfter?: number
  /** …and how many presses it took to end the command. */
  interrupts?: number
  note?: string
  docker29?: Docker29Difference
}

export interface Transcript {
  format: typeof TRANSCRIPT_FORMAT
  scenario: string
  title: string
  about?: string
  recorded: RecordedOn
  images: ImageStandIn[]
  /** Files the working folder held before the first step. */
  files: Record<string, string>
  steps: TranscriptStep[]
}

/** What the simulator (or anything else) printed for one step, not yet normalised. */
export interface ActualStep {
  stdout: string
  stderr: string
  exit: number
  elapsedSeconds?: number
}

export interface CompareOptions {
  /** 'docker29' (default): where a step carries a docker29 difference, expect that text. */
  expect?: 'docker29' | 'recorded'
  /** Names the simulator generated; without them, names are recognised by shape. */
  generatedNames?: string[]
  /** The simulated working folder, shown as <cwd> like the recorder's. */
  cwd?: string
  /** Allowed gap in seconds for timed steps (default 1). */
  elapsedTolerance?: number
}

export interface LineDifference {
  step: number
  command: string
  stream: 'stdout' | 'stderr' | 'exit' | 'elapsed'
  expected: string
  actual: string
}

export interface TranscriptComparison {
  scenario: string
  /** Lines (of stdout and stderr, plus one per exit code and timed step) identical after normalising. */
  identicalLines: number
  totalLines: number
  /** identicalLines / totalLines, 1 when both are 0. */
  agreement: number
  differences: LineDifference[]
}

/** The text a step is expected to print, following Docker 28/29 where the fixture says it differs. */
export function expectedOf(step: TranscriptStep, expect: 'docker29' | 'recorded' = 'docker29'): { stdout: string, stderr: string, exit: number } {
  const d = expect === 'docker29' ? step.docker29 : undefined
  return { stdout: d?.stdout ?? step.stdout, stderr: d?.stderr ?? step.stderr, exit: d?.exit ?? step.exit }
}

function lines(text: string): string[] {
  if (text === '')
    return []
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n')
}

/** Longest common subsequence of two line lists: the pairs of lines that match, in order. */
function matchedLines(a: string[], b: string[]): { matched: number, unmatchedA: string[], unmatchedB: string[] } {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => Array.from<number>({ length: b.length + 1 }).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
  }
  const unmatchedA: string[] = []
  const unmatchedB: string[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
    }
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      unmatchedA.push(a[i++]!)
    }
    else {
      unmatchedB.push(b[j++]!)
    }
  }
  unmatchedA.push(...a.slice(i))
  unmatchedB.push(...b.slice(j))
  return { matched: table[0]![0]!, unmatchedA, unmatchedB }
}

/**
 * Compares what something printed for each step of a transcript with the transcript, line by line
 * after normalising both the same way. `actual` has one entry per transcript step, in order.
 */
export function compareTranscript(transcript: Transcript, actual: ActualStep[], options: CompareOptions = {}): TranscriptComparison {
  if (actual.length !== transcript.steps.length)
    throw new Error(`compareTranscript(${transcript.scenario}): ${actual.length} results for ${transcript.steps.length} steps`)
  const normaliser = new Normaliser({
    generatedNames: options.generatedNames,
    knownWords: wordsOf(...transcript.steps.map(s => s.command), ...Object.keys(transcript.files), ...Object.values(transcript.files)),
    paths: options.cwd ? [{ from: options.cwd, to: '<cwd>' }] : [],
  })
  const tolerance = options.elapsedTolerance ?? 1
  const differences: LineDifference[] = []
  let identical = 0
  let total = 0
  transcript.steps.forEach((step, index) => {
    const expected = expectedOf(step, options.expect)
    const got = actual[index]!
    const at = { step: index + 1, command: step.command }
    for (const stream of ['stdout', 'stderr'] as const) {
      const want = lines(expected[stream])
      const have = lines(normaliser.text(got[stream], step.command))
      const { matched, unmatchedA, unmatchedB } = matchedLines(want, have)
      identical += matched
      total += Math.max(want.length, have.length)
      if (unmatchedA.length || unmatchedB.length)
        differences.push({ ...at, stream, expected: unmatchedA.join('\n'), actual: unmatchedB.join('\n') })
    }
    total++
    if (got.exit === expected.exit)
      identical++
    else differences.push({ ...at, stream: 'exit', expected: String(expected.exit), actual: String(got.exit) })
    if (step.elapsedSeconds !== undefined) {
      total++
      if (got.elapsedSeconds !== undefined && Math.abs(got.elapsedSeconds - step.elapsedSeconds) <= tolerance)
        identical++
      else differences.push({ ...at, stream: 'elapsed', expected: `${step.elapsedSeconds}s`, actual: got.elapsedSeconds === undefined ? 'not measured' : `${got.elapsedSeconds}s` })
    }
  })
  return { scenario: transcript.scenario, identicalLines: identical, totalLines: total, agreement: total ? identical / total : 1, differences }
}

/**
 * Differences between a committed transcript and a fresh recording of the same scenario: any is a
 * drift (Docker, the images or the scenario changed). Timed steps may differ by `tolerance` seconds.
 */
export function driftBetween(committed: Transcript, fresh: Transcript, tolerance = 1): string[] {
  const drift: string[] = []
  if (committed.steps.length !== fresh.steps.length)
    return [`${committed.scenario}: ${committed.steps.length} steps committed, ${fresh.steps.length} recorded`]
  committed.steps.forEach((old, index) => {
    const now = fresh.steps[index]!
    const at = `${committed.scenario} step ${index + 1} (${old.command})`
    if (old.command !== now.command)
      drift.push(`${at}: command is now ${now.command}`)
    for (const key of ['stdout', 'stderr', 'exit'] as const) {
      if (old[key] !== now[key])
        drift.push(`${at}: ${key} was ${JSON.stringify(old[key])}, now ${JSON.stringify(now[key])}`)
    }
    if ((old.elapsedSeconds === undefined) !== (now.elapsedSeconds === undefined)
      || Math.abs((old.elapsedSeconds ?? 0) - (now.elapsedSeconds ?? 0)) > tolerance) {
      drift.push(`${at}: took ${now.elapsedSeconds}s, recorded ${old.elapsedSeconds}s`)
    }
  })
  return drift
}
