// The cache predictions checked against real builds (tests/fixtures/daemon/build-cache/*.json, recorded with the
// reference daemon's legacy builder: see that folder's README). Two checks per recorded step:
// 1. our model of the legacy builder (lib/dockerfile/legacy-cache.ts) says what the real daemon did, for every
//    instruction — so we read the recordings right;
// 2. the BuildKit model the simulator uses (lib/dockerfile/cache.ts) says the same, except where BuildKit decides
//    otherwise by one of the rules below, each with its source. An unexplained difference fails.

import type { ContextFile } from '../../../../lib/dockerfile/context'
import type { BuildEdit } from '../../../../scripts/daemon/build-cache'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildCache, judgeCache, planCache } from '../../../../lib/dockerfile/cache'
import { legacyKeys, legacyVerdicts } from '../../../../lib/dockerfile/legacy-cache'
import { buildModel, NUMBERED_KEYWORDS } from '../../../../lib/dockerfile/model'

/** An edit as the recorder applied it (scripts/daemon/build-cache.ts owns the fixture's format). */
type Edit = BuildEdit

interface RecordFile {
  case: string
  files: Record<string, string>
  edits: Edit[]
  builds: { edit: string, exit: number, steps: { step: number, instruction: string, keyword: string, buildkitStep: boolean, cached: boolean | null }[] }[]
}

/** Why BuildKit takes a step from its cache where the legacy builder ran it again. */
export const BUILDKIT_DIFFERENCES = {
  'metadata-is-not-a-step': {
    rule: 'In BuildKit, ENV, ARG, LABEL, EXPOSE, CMD, ENTRYPOINT, USER, VOLUME, STOPSIGNAL, HEALTHCHECK and SHELL make no LLB operation: they change the image config only (commitToHistory with no state). A later COPY or WORKDIR keeps its key; a later RUN misses only if the environment, user or shell it runs with changed. The legacy builder commits an image for each of them, so every later step gets a new parent and misses.',
    source: 'moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go (dispatchEnv, dispatchLabel, dispatchCmd…: commitToHistory(…, false, nil, …); dispatchCopy builds a FileOp without the env; dispatchRun passes getEnv(d.state) to the ExecOp)',
  },
  'stage-not-needed': {
    rule: 'BuildKit builds only the stages the target needs (its FROM chain and COPY --from sources); the legacy builder builds every stage.',
    source: 'moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go (allReachableStages, resolveStages)',
  },
} as const

/**
 * Where our prediction cannot match a real build, and why: each entry names the case, the edit and the step.
 * Nothing else may differ.
 */
export const KNOWN_LIMITS: readonly { case: string, edit: string, instruction: string, why: string, source: string }[] = [
  {
    case: 'multistage',
    edit: 'edit build.py so that it prints the same artifact',
    instruction: 'COPY --from=builder /artifact.txt /artifact.txt',
    why: 'Both builders key COPY --from on the content of the files copied, here made by `RUN python3 build.py`, which ran again and wrote the same bytes. The simulator does not run RUN commands, so it cannot know their output is unchanged; it takes a re-run step to make new content, and predicts this COPY (and the steps after it) to run again.',
    source: 'moby/buildkit solver/llbsolver/ops/opsutils/contenthash.go (file op cache keys from content checksums); moby builder/dockerfile/copy.go (legacy: checksum of the copied files)',
  },
]

/** The reference daemon's images (tests/fixtures/daemon/README.md): python:3.11, 3.11-slim and 3.12 are one image. */
const REFERENCE_IMAGES: Record<string, string> = {
  'docker.io/library/python:3.12': 'python-debian-import',
  'docker.io/library/python:3.11': 'python-debian-import',
  'docker.io/library/python:3.11-slim': 'python-debian-import',
}
const baseIdentity = (normalized: string) => REFERENCE_IMAGES[normalized] ?? normalized

const limited = (record: string, edit: string, instruction: string) => KNOWN_LIMITS.some(limit => limit.case === record && limit.edit === edit && limit.instruction === instruction)

const DIR = join(import.meta.dirname, '../../../fixtures/daemon/build-cache')
const records: RecordFile[] = readdirSync(DIR).filter(name => name.endsWith('.json')).map(name => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as RecordFile)

function applyEdit(files: Map<string, ContextFile>, edit: Edit): Map<string, ContextFile> {
  const next = new Map([...files].map(([path, file]) => [path, { ...file }]))
  for (const [path, content] of Object.entries(edit.write ?? {}))
    next.set(path, { path, content, mode: next.get(path)?.mode ?? 0o644 })
  for (const [path, text] of Object.entries(edit.append ?? {}))
    next.get(path)!.content += text
  for (const [path, [from, to]] of Object.entries(edit.replace ?? {}))
    next.get(path)!.content = next.get(path)!.content.split(from).join(to)
  for (const path of edit.delete ?? [])
    next.delete(path)
  for (const [path, mode] of Object.entries(edit.chmod ?? {}))
    next.get(path)!.mode = Number.parseInt(mode, 8)
  // `touch` changes the modification time only, which neither builder reads.
  return next
}

describe('cache predictions against real builds', () => {
  it('has real builds of at least 15 Dockerfiles, each with at least 3 edits that built', () => {
    const complete = records.filter(record => record.builds.filter(build => build.exit === 0).length >= 4)
    expect(complete.length, `complete: ${complete.map(r => r.case).join(', ')}`).toBeGreaterThanOrEqual(15)
  })

  it('every known limit is one the recordings show', () => {
    for (const limit of KNOWN_LIMITS) {
      const build = records.find(record => record.case === limit.case)?.builds.find(candidate => candidate.edit === limit.edit)
      expect(build?.steps.find(step => step.instruction === limit.instruction)?.cached, `${limit.case} / ${limit.edit}`).toBe(true)
    }
  })

  for (const record of records) {
    describe(record.case, () => {
      const original = new Map(Object.entries(record.files).map(([path, content]) => [path, { path, content, mode: 0o644 }]))
      const bkCache = new BuildCache()
      const legacyCache = new Set<string>()
      const results = record.builds.map((build) => {
        const edit = record.edits.find(candidate => candidate.name === build.edit)
        const files = edit ? applyEdit(original, edit) : original
        const context = { files: [...files.values()] }
        const model = buildModel(files.get('Dockerfile')!.content, { buildArgs: edit?.buildArgs })
        const legacy = legacyKeys(model, context, { baseIdentity })
        const legacyOf = new Map(legacyVerdicts(legacy, legacyCache).map(verdict => [verdict.step.instruction, verdict.cached]))
        const plan = planCache(model, context, undefined, { baseIdentity })
        const bk = new Map(judgeCache(plan, bkCache).map(verdict => [verdict.step.instruction, verdict.cached]))
        // A failed build keeps the steps before the failing one (the last recorded) in the cache, not that one.
        const committed = build.exit === 0 ? Number.POSITIVE_INFINITY : build.steps.length - 1
        const instructions = model.parsed.instructions
        const kept = (instruction: unknown) => instructions.indexOf(instruction as never) < committed
        for (const { step, key } of legacy) {
          if (kept(step.instruction))
            legacyCache.add(key)
        }
        bkCache.remember({ ...plan, steps: plan.steps.filter(entry => kept(entry.step.instruction)) })
        return { build, edit, model, legacyOf, bk }
      })

      for (const { build, edit, model, legacyOf, bk } of results) {
        it(`${build.edit}: the legacy model matches the real build`, () => {
          const instructions = model.parsed.instructions
          const global = model.globalArgSteps.length
          // A failed build stops at the failing step.
          expect(build.exit === 0 ? build.steps.length : instructions.length).toBe(instructions.length)
          for (const [i, recorded] of build.steps.entries()) {
            if (i < global)
              continue // ARG before the first FROM: no image, no cache decision
            if (limited(record.case, build.edit, recorded.instruction) || build.steps.slice(0, i).some(earlier => limited(record.case, build.edit, earlier.instruction)))
              continue
            expect([recorded.instruction, legacyOf.get(instructions[i]!)], `step ${recorded.step}`).toEqual([recorded.instruction, recorded.cached])
          }
        })

        it(`${build.edit}: the BuildKit prediction matches, or differs by a documented rule`, () => {
          const instructions = model.parsed.instructions
          const steps = model.stages.flatMap(stage => stage.steps)
          for (const [i, recorded] of build.steps.entries()) {
            const instruction = instructions[i]!
            if (!NUMBERED_KEYWORDS.has(recorded.keyword) || recorded.keyword === 'FROM' || i < model.globalArgSteps.length)
              continue
            if (limited(record.case, build.edit, recorded.instruction) || build.steps.slice(0, i).some(earlier => limited(record.case, build.edit, earlier.instruction))) {
              // The limit holds: our prediction is that it runs again, where the real build took it from the cache.
              expect(bk.get(instruction) ?? false, `${recorded.instruction}: listed in KNOWN_LIMITS`).toBe(false)
              continue
            }
            const noted = edit?.buildkit?.cached[recorded.instruction]
            const predicted = bk.get(instruction)
            if (noted !== undefined) {
              expect(predicted, `${recorded.instruction} (the record's BuildKit note)`).toBe(noted)
              continue
            }
            if (predicted === recorded.cached)
              continue
            // A difference must be one BuildKit's rules explain.
            const step = steps.find(candidate => candidate.instruction === instruction)!
            if (predicted === undefined) {
              expect(step.stage, `${recorded.instruction}: not built by BuildKit (${BUILDKIT_DIFFERENCES['stage-not-needed'].source})`).toBeLessThan(model.stages.length - 1)
              continue
            }
            const stageSteps = model.stages[step.stage]!.steps
            const firstMiss = stageSteps.find(candidate => legacyOf.get(candidate.instruction) === false)
            expect(predicted && !recorded.cached && firstMiss !== undefined && !NUMBERED_KEYWORDS.has(firstMiss.keyword), `${recorded.instruction}: BuildKit says ${predicted ? 'cached' : 'runs'}, the real build ${recorded.cached ? 'cached' : 'ran'}; ${BUILDKIT_DIFFERENCES['metadata-is-not-a-step'].source}`).toBe(true)
          }
        })
      }
    })
  }
})
