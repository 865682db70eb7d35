// Scenario files (tests/fixtures/daemon/scenarios/*.yaml): the command lines a student would type,
// run one after another against the reference daemon. Format in tests/fixtures/daemon/README.md.
import { parse as parseYaml } from 'yaml'

/** Where Docker 28/29 print something else than the 20.10 daemon recorded here. */
export interface Docker29Difference {
  /**
   * Replaces the recorded (normalised) stream; absent: the same as recorded. With none of stdout,
   * stderr and exit, the note says how 28/29 differ where no source gives the exact text.
   */
  stdout?: string
  stderr?: string
  exit?: number
  /** docker/cli or moby code (file, function, PR) that says what 28/29 print. */
  source: string
  note?: string
}

export interface ScenarioStep {
  /** The line as typed: a docker command or a host command (sleep, curl, echo > file…). */
  run: string
  /** Runs on a pseudo-terminal (`script`), as `-it` needs; stdout and stderr then arrive together. */
  tty: boolean
  /** Lines typed into the terminal, one at a time once the command is up. */
  input: string[]
  /** Records the elapsed time (stop timing: 10 s or at once). */
  timed: boolean
  /** Presses Ctrl-C (SIGINT to the command) after this many seconds: `logs -f`, `attach`. */
  interruptAfter?: number
  docker29?: Docker29Difference
  note?: string
}

export interface Scenario {
  /** The file's base name: the transcript's name. */
  name: string
  title: string
  about?: string
  /** Files written into the scenario's working folder before the first step (path → content). */
  files: Record<string, string>
  /** Images beyond the base ones that images.sh makes for this scenario (daemon.ts EXTRA_IMAGES). */
  images: string[]
  steps: ScenarioStep[]
}

export class ScenarioError extends Error {}

const STEP_KEYS = new Set(['run', 'tty', 'input', 'timed', 'interruptAfter', 'docker29', 'note'])
const TOP_KEYS = new Set(['title', 'about', 'files', 'images', 'steps'])
const DOCKER29_KEYS = new Set(['stdout', 'stderr', 'exit', 'source', 'note'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function unknownKeys(value: Record<string, unknown>, allowed: Set<string>): string[] {
  return Object.keys(value).filter(key => !allowed.has(key))
}

/** Parses one scenario file; every mistake names the file, the step and the key. */
export function parseScenario(name: string, text: string): Scenario {
  const where = (at: string) => `scenario ${name}${at ? `, ${at}` : ''}`
  const fail = (at: string, message: string): never => {
    throw new ScenarioError(`${where(at)}: ${message}`)
  }
  let doc: unknown
  try {
    doc = parseYaml(text)
  }
  catch (error) {
    return fail('', `not valid YAML: ${(error as Error).message}`)
  }
  if (!isRecord(doc))
    return fail('', 'expected a mapping with title and steps')
  const extra = unknownKeys(doc, TOP_KEYS)
  if (extra.length)
    fail('', `unknown key ${extra.join(', ')} (allowed: ${[...TOP_KEYS].join(', ')})`)
  if (typeof doc.title !== 'string' || !doc.title.trim())
    fail('', 'title must be a non-empty string')
  if (doc.about !== undefined && typeof doc.about !== 'string')
    fail('', 'about must be a string')
  const files: Record<string, string> = {}
  if (doc.files !== undefined) {
    if (!isRecord(doc.files))
      fail('files', 'must map a relative path to its content')
    for (const [path, content] of Object.entries(doc.files as Record<string, unknown>)) {
      if (path.startsWith('/') || path.split('/').includes('..'))
        fail(`files.${path}`, 'must be a relative path inside the working folder')
      if (typeof content !== 'string')
        fail(`files.${path}`, 'content must be a string')
      files[path] = content as string
    }
  }
  if (doc.images !== undefined && (!Array.isArray(doc.images) || !doc.images.every(name => typeof name === 'string')))
    fail('images', 'must be a list of image names (scripts/daemon/daemon.ts EXTRA_IMAGES)')
  const images = (doc.images ?? []) as string[]
  if (!Array.isArray(doc.steps) || doc.steps.length === 0)
    fail('', 'steps must be a non-empty list')
  const steps = (doc.steps as unknown[]).map((raw, index) => parseStep(raw, `step ${index + 1}`, fail))
  return { name, title: doc.title as string, about: doc.about as string | undefined, files, images, steps }
}

function parseStep(raw: unknown, at: string, fail: (at: string, message: string) => never): ScenarioStep {
  if (typeof raw === 'string') {
    if (!raw.trim())
      fail(at, 'empty command')
    return { run: raw, tty: false, input: [], timed: false }
  }
  if (!isRecord(raw))
    return fail(at, 'expected a command line or a mapping with run')
  if (typeof raw.run !== 'string' || !raw.run.trim())
    fail(at, 'run must be a non-empty command line')
  at = `${at} (${raw.run as string})`
  const extra = unknownKeys(raw, STEP_KEYS)
  if (extra.length)
    fail(at, `unknown key ${extra.join(', ')} (allowed: ${[...STEP_KEYS].join(', ')})`)
  for (const key of ['tty', 'timed'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean')
      fail(at, `${key} must be true or false`)
  }
  let input: string[] = []
  if (raw.input !== undefined) {
    if (!raw.tty)
      fail(at, 'input is typed into a terminal: add tty: true')
    if (!Array.isArray(raw.input) || !raw.input.every(line => typeof line === 'string'))
      fail(at, 'input must be a list of lines')
    input = raw.input as string[]
  }
  if (raw.interruptAfter !== undefined && (typeof raw.interruptAfter !== 'number' || raw.interruptAfter <= 0))
    fail(at, 'interruptAfter must be a positive number of seconds')
  if (raw.note !== undefined && typeof raw.note !== 'string')
    fail(at, 'note must be a string')
  let docker29: Docker29Difference | undefined
  if (raw.docker29 !== undefined) {
    const d = raw.docker29
    if (!isRecord(d))
      fail(`${at}, docker29`, 'must be a mapping')
    const extra29 = unknownKeys(d as Record<string, unknown>, DOCKER29_KEYS)
    if (extra29.length)
      fail(`${at}, docker29`, `unknown key ${extra29.join(', ')} (allowed: ${[...DOCKER29_KEYS].join(', ')})`)
    const diff = d as Record<string, unknown>
    if (typeof diff.source !== 'string' || !diff.source.trim())
      fail(`${at}, docker29`, 'source must name the docker/cli or moby code that says so')
    for (const key of ['stdout', 'stderr', 'note'] as const) {
      if (diff[key] !== undefined && typeof diff[key] !== 'string')
        fail(`${at}, docker29`, `${key} must be a string`)
    }
    if (diff.exit !== undefined && !Number.isInteger(diff.exit))
      fail(`${at}, docker29`, 'exit must be an integer')
    // A note alone: 28/29 are known to print something else, but no source gives the exact text.
    if (diff.stdout === undefined && diff.stderr === undefined && diff.exit === undefined && diff.note === undefined)
      fail(`${at}, docker29`, 'give the text 28/29 print (stdout, stderr, exit) or a note saying why it is not known')
    docker29 = diff as unknown as Docker29Difference
  }
  return {
    run: raw.run as string,
    tty: raw.tty === true,
    input,
    timed: raw.timed === true,
    interruptAfter: raw.interruptAfter as number | undefined,
    docker29,
    note: raw.note as string | undefined,
  }
}
