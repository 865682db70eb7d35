// The cache predictions checked against real builds (tests/fixtures/daemon/build-cache/*.json, recorded with the
// reference daemon's legacy builder: see that folder's README). Two checks per recorded step:
// 1. our model of the legacy builder (lib/dockerfile/legacy-cache.ts) says what the real daemon did, for every
//    instruction — so we read the recordings right;
// 2. the BuildKit model the simulator uses (lib/dockerfile/cache.ts) says the same, except where BuildKit decides
//    otherwise by one of the rules below, each with its source. An unexplained difference fails.

import type { ContextFile } from '../../../../lib/dockerfile/context'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildCache, judgeCache, planCache } from '../../../../lib/dockerfile/cache'
import { legacyKeys, legacyVerdicts } from '../../../../lib/dockerfile/legacy-cache'
import { buildModel, NUMBERED_KEYWORDS } from '../../../../lib/dockerfile/model'

interface Edit {
  name: string
  write?: Record<string, string>
  append?: Record<string, string>
  replace?: Record<string, [string, string]>
  delete?: string[]
  touch?: string[]
  chmod?: Record<string, string>
  buildArgs?: Record<string, string>
  buildkit?: { cached: Record<string, boolean>, source: string }
}

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
  it('has real builds of at least 15 Dockerfiles, each with at least 3 edits', () => {
    expect(records.length).toBeGreaterThanOrEqual(15)
    for (const record of records)
      expect(record.edits.length, record.case).toBeGreaterThanOrEqual(3)
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
        const legacy = legacyKeys(model, context)
        const legacyOf = new Map(legacyVerdicts(legacy, legacyCache).map(verdict => [verdict.step.instruction, verdict.cached]))
        const plan = planCache(model, context)
        const bk = new Map(judgeCache(plan, bkCache).map(verdict => [verdict.step.instruction, verdict.cached]))
        for (const { key } of legacy)
          legacyCache.add(key)
        bkCache.remember(plan)
        return { build, edit, model, legacyOf, bk }
      })

      for (const { build, edit, model, legacyOf, bk } of results) {
        it(`${build.edit}: the legacy model matches the real build`, () => {
          const instructions = model.parsed.instructions
          const global = model.globalArgSteps.length
          expect(build.steps.length).toBe(instructions.length)
          for (const [i, recorded] of build.steps.entries()) {
            if (i < global)
              continue // ARG before the first FROM: no image, no cache decision
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
