// Build-cache cases (tests/fixtures/daemon/build-cache/cases/*.yaml): a Dockerfile and its context,
// built once cold, then rebuilt after each edit (from the original context each time, so every
// edit is measured alone against a warm cache); for each build, which steps the real (legacy)
// builder took from its cache. Records go to tests/fixtures/daemon/build-cache/NAME.json.
import type { Daemon } from './daemon'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { Normaliser } from './normalise'

export const REPO = resolve(import.meta.dirname ?? '.', '../..')
export const BUILD_CACHE_DIR = join(REPO, 'tests/fixtures/daemon/build-cache')
export const BUILD_CACHE_FORMAT = 1

/** Instructions that make a filesystem step in BuildKit (and are numbered [n/m] there). */
export const BUILDKIT_STEP_INSTRUCTIONS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR'])

/** Where BuildKit decides otherwise than the legacy builder recorded here. */
export interface BuildKitDifference {
  /** Instruction text (as in the Dockerfile, after the edit) → whether BuildKit takes it from cache. */
  cached: Record<string, boolean>
  source: string
  note?: string
}

export interface BuildEdit {
  name: string
  /** Files overwritten or created (path → content). */
  write?: Record<string, string>
  /** Text appended to files. */
  append?: Record<string, string>
  /** [from, to] replacements inside files (each `from` must occur). */
  replace?: Record<string, [string, string]>
  delete?: string[]
  /** Files whose modification time moves an hour ahead, content unchanged. */
  touch?: string[]
  /** Files whose mode changes (octal text, e.g. "755"). */
  chmod?: Record<string, string>
  buildArgs?: Record<string, string>
  buildkit?: BuildKitDifference
}

export interface BuildCase {
  name: string
  title: string
  about?: string
  /** A folder of this repository the context starts from (e.g. snippets/flask_app). */
  context?: string
  /** Files added to (or replacing those of) the context. */
  files: Record<string, string>
  /** Changes to the Dockerfile taken from `context`, because nothing can be downloaded here. */
  substitutions: { from: string, to: string, why: string }[]
  edits: BuildEdit[]
}

export interface RecordedStep {
  /** The legacy builder's Step number. */
  step: number
  instruction: string
  keyword: string
  /** BuildKit counts this instruction as a step ([n/m]); false: metadata only. */
  buildkitStep: boolean
  /** null for FROM and for an ARG before the first FROM (no cache decision). */
  cached: boolean | null
}

export interface RecordedBuild {
  /** "initial" (cold cache) or the edit's name. */
  edit: string
  exit: number
  steps: RecordedStep[]
  /** The build's output, normalised. */
  stdout: string
  stderr: string
  buildkit?: BuildKitDifference
}

export interface BuildCacheRecord {
  format: typeof BUILD_CACHE_FORMAT
  case: string
  title: string
  about?: string
  recorded: { date: string, daemon: string, client: string, builder: 'legacy (DOCKER_BUILDKIT=0)' }
  /** The context as built first (Dockerfile after substitutions). */
  files: Record<string, string>
  /** The context folder's Dockerfile before substitutions, when it came from the repository. */
  originalDockerfile?: string
  substitutions: { from: string, to: string, why: string }[]
  edits: BuildEdit[]
  builds: RecordedBuild[]
}

const EDIT_KEYS = new Set(['name', 'write', 'append', 'replace', 'delete', 'touch', 'chmod', 'buildArgs', 'buildkit'])
const CASE_KEYS = new Set(['title', 'about', 'context', 'files', 'substitutions', 'edits'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringMap(value: unknown, at: string, fail: (at: string, m: string) => never): Record<string, string> {
  if (!isRecord(value) || !Object.values(value).every(v => typeof v === 'string'))
    fail(at, 'must map file paths to text')
  return value as Record<string, string>
}

export function parseBuildCase(name: string, text: string): BuildCase {
  const fail = (at: string, message: string): never => {
    throw new Error(`build case ${name}${at ? `, ${at}` : ''}: ${message}`)
  }
  const doc = parseYaml(text) as unknown
  if (!isRecord(doc))
    return fail('', 'expected a mapping')
  const extra = Object.keys(doc).filter(k => !CASE_KEYS.has(k))
  if (extra.length)
    fail('', `unknown key ${extra.join(', ')}`)
  if (typeof doc.title !== 'string')
    fail('', 'title must be a string')
  if (doc.context !== undefined && (typeof doc.context !== 'string' || !existsSync(join(REPO, doc.context))))
    fail('context', `${String(doc.context)} is not a folder of this repository`)
  const files = doc.files === undefined ? {} : stringMap(doc.files, 'files', fail)
  if (!doc.context && !files.Dockerfile)
    fail('files', 'a Dockerfile is needed (in files or in context)')
  const substitutions = (doc.substitutions ?? []) as { from: string, to: string, why: string }[]
  if (!Array.isArray(substitutions) || !substitutions.every(s => isRecord(s) && typeof s.from === 'string' && typeof s.to === 'string' && typeof s.why === 'string'))
    fail('substitutions', 'each needs from, to and why')
  if (!Array.isArray(doc.edits) || doc.edits.length < 3)
    fail('edits', 'give at least three edits')
  const edits = (doc.edits as unknown[]).map((raw, index) => {
    const at = `edit ${index + 1}`
    if (!isRecord(raw) || typeof raw.name !== 'string')
      return fail(at, 'needs a name')
    const unknown = Object.keys(raw).filter(k => !EDIT_KEYS.has(k))
    if (unknown.length)
      fail(at, `unknown key ${unknown.join(', ')}`)
    if (raw.write !== undefined)
      stringMap(raw.write, `${at}.write`, fail)
    if (raw.append !== undefined)
      stringMap(raw.append, `${at}.append`, fail)
    if (raw.replace !== undefined && !(isRecord(raw.replace) && Object.values(raw.replace).every(p => Array.isArray(p) && p.length === 2)))
      fail(`${at}.replace`, 'must map a file to [from, to]')
    if (raw.buildkit !== undefined) {
      const b = raw.buildkit
      if (!isRecord(b) || !isRecord(b.cached) || typeof b.source !== 'string')
        fail(`${at}.buildkit`, 'needs cached (instruction → true/false) and source')
    }
    return raw as unknown as BuildEdit
  })
  return { name, title: doc.title as string, about: doc.about as string | undefined, context: doc.context as string | undefined, files, substitutions, edits }
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (at: string) => {
    for (const entry of readdirSync(at).sort()) {
      const path = join(at, entry)
      if (statSync(path).isDirectory())
        walk(path)
      else files[relative(dir, path)] = readFileSync(path, 'utf8')
    }
  }
  walk(dir)
  return files
}

/** The context as first built: the repository folder, the case's files, then the substitutions. */
export function baseContext(buildCase: BuildCase): { files: Record<string, string>, originalDockerfile?: string } {
  const fromRepo = buildCase.context ? readTree(join(REPO, buildCase.context)) : {}
  const files = { ...fromRepo, ...buildCase.files }
  for (const { from, to } of buildCase.substitutions) {
    if (!files.Dockerfile?.includes(from))
      throw new Error(`build case ${buildCase.name}: substitution "${from}" is not in the Dockerfile`)
    files.Dockerfile = files.Dockerfile.split(from).join(to)
  }
  return { files, originalDockerfile: buildCase.context ? fromRepo.Dockerfile : undefined }
}

function writeContext(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

function applyEdit(dir: string, edit: BuildEdit, caseName: string): void {
  const fail = (message: string): never => {
    throw new Error(`build case ${caseName}, edit "${edit.name}": ${message}`)
  }
  if (edit.write)
    writeContext(dir, edit.write)
  for (const [path, text] of Object.entries(edit.append ?? {})) {
    if (!existsSync(join(dir, path)))
      fail(`append: ${path} is not in the context`)
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8') + text)
  }
  for (const [path, [from, to]] of Object.entries(edit.replace ?? {})) {
    const text = existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : fail(`replace: ${path} is not in the context`)
    if (!text.includes(from))
      fail(`replace: "${from}" is not in ${path}`)
    writeFileSync(join(dir, path), text.split(from).join(to))
  }
  for (const path of edit.delete ?? [])
    rmSync(join(dir, path), { recursive: true })
  for (const path of edit.touch ?? []) {
    const later = new Date(statSync(join(dir, path)).mtimeMs + 3_600_000)
    utimesSync(join(dir, path), later, later)
  }
  for (const [path, mode] of Object.entries(edit.chmod ?? {}))
    chmodSync(join(dir, path), Number.parseInt(mode, 8))
}

/** Splits the legacy builder's output into its steps and whether each came from the cache. */
export function parseLegacyBuildOutput(stdout: string): RecordedStep[] {
  const steps: RecordedStep[] = []
  for (const line of stdout.split('\n')) {
    const head = /^Step (\d+)\/\d+ : (.*)$/.exec(line)
    if (head) {
      const instruction = head[2]!
      const keyword = instruction.split(/\s/)[0]!.toUpperCase()
      // FROM, and an ARG before the first FROM, build nothing: no cache decision to record.
      const decides = keyword !== 'FROM' && steps.some(s => s.keyword === 'FROM')
      steps.push({ step: Number(head[1]), instruction, keyword, buildkitStep: BUILDKIT_STEP_INSTRUCTIONS.has(keyword), cached: decides ? false : null })
      continue
    }
    const current = steps.at(-1)
    if (current && current.cached !== null && line.trim() === '---> Using cache')
      current.cached = true
  }
  return steps
}

export async function recordBuildCase(daemon: Daemon, buildCase: BuildCase): Promise<BuildCacheRecord> {
  daemon.reset()
  const { files, originalDockerfile } = baseContext(buildCase)
  const tag = `build-cache-${buildCase.name}`
  const builds: RecordedBuild[] = []
  const runs: { edit: string, apply?: BuildEdit }[] = [{ edit: 'initial' }, ...buildCase.edits.map(e => ({ edit: e.name, apply: e }))]
  for (const run of runs) {
    const dir = mkdtempSync(join(tmpdir(), 'docker-build-case-'))
    try {
      // A fresh copy each time: new modification times for every file, as after a checkout.
      writeContext(dir, files)
      if (run.apply)
        applyEdit(dir, run.apply, buildCase.name)
      const args = Object.entries(run.apply?.buildArgs ?? {}).map(([k, v]) => `--build-arg ${k}=${v}`).join(' ')
      const result = await daemon.run(`docker build ${args} -t ${tag} .`.replace(/ {2,}/g, ' '), { cwd: dir, timeout: 120 })
      const normaliser = new Normaliser({ generatedNames: [], paths: [{ from: dir, to: '<context>' }] })
      const stdout = normaliser.text(result.stdout)
      const steps = parseLegacyBuildOutput(result.stdout)
      for (const instruction of Object.keys(run.apply?.buildkit?.cached ?? {})) {
        if (!steps.some(step => step.instruction === instruction && step.buildkitStep))
          throw new Error(`build case ${buildCase.name}, edit "${run.edit}": buildkit.cached names "${instruction}", which is no BuildKit step of this build (${steps.map(s => s.instruction).join(' | ')})`)
      }
      builds.push({
        edit: run.edit,
        exit: result.exit,
        steps,
        stdout,
        stderr: normaliser.text(result.stderr),
        ...(run.apply?.buildkit ? { buildkit: run.apply.buildkit } : {}),
      })
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const on = daemon.recordedOn()
  return {
    format: BUILD_CACHE_FORMAT,
    case: buildCase.name,
    title: buildCase.title,
    ...(buildCase.about ? { about: buildCase.about } : {}),
    recorded: { date: on.date, daemon: on.daemon, client: on.client, builder: 'legacy (DOCKER_BUILDKIT=0)' },
    files,
    ...(originalDockerfile !== undefined ? { originalDockerfile } : {}),
    substitutions: buildCase.substitutions,
    edits: buildCase.edits,
    builds,
  }
}

/** Differences in cache decisions (and exit codes) between a committed record and a fresh one. */
export function buildCacheDrift(committed: BuildCacheRecord, fresh: BuildCacheRecord): string[] {
  const drift: string[] = []
  if (committed.builds.length !== fresh.builds.length)
    return [`build case ${committed.case}: ${committed.builds.length} builds committed, ${fresh.builds.length} recorded`]
  committed.builds.forEach((old, index) => {
    const now = fresh.builds[index]!
    const at = `build case ${committed.case}, ${old.edit}`
    if (old.exit !== now.exit)
      drift.push(`${at}: exit was ${old.exit}, now ${now.exit}`)
    const was = old.steps.map(s => `${s.instruction}: ${s.cached}`).join('; ')
    const is = now.steps.map(s => `${s.instruction}: ${s.cached}`).join('; ')
    if (was !== is)
      drift.push(`${at}: steps were [${was}], now [${is}]`)
  })
  return drift
}
