// The legacy builder's cache (DOCKER_BUILDKIT=0, moby builder/dockerfile), the only one the reference daemon here
// has. Every instruction is a step that commits an image; a step is cached when an image exists with the same
// parent and the same run configuration: `#(nop) ENV A=1` for metadata, the command and the build args (`|1 A=1`)
// for RUN, the content checksum of the copied files for COPY/ADD. Once one step misses, its new image is the parent
// of the next, so everything after it misses too. BuildKit (cache.ts) differs where an instruction is metadata only:
// there it is no step, so editing ENV, LABEL, EXPOSE, CMD, USER… misses nothing by itself.
//
// This model exists to check our understanding against the real recordings (tests/fixtures/daemon/build-cache);
// the simulator and the views follow BuildKit.

import type { CacheOptions } from './cache'
import type { BuildContext } from './context'
import type { DockerfileModel, Step } from './model'
import { filesForSource, viewContext } from './context'
import { sha256Hex } from './sha256'

export interface LegacyStepKey {
  step: Step
  key: string
}

/** The keys of every instruction of the last stage chain (the legacy builder builds every stage, in order). */
export function legacyKeys(model: DockerfileModel, context: BuildContext, options: CacheOptions = {}): LegacyStepKey[] {
  const view = viewContext(context)
  const keys: LegacyStepKey[] = []
  const stageKeys = new Map<number, string>()
  for (const stage of model.stages) {
    const origin = stage.base.kind === 'image' ? options.baseIdentity?.(stage.base.normalized) ?? stage.base.normalized : 'scratch'
    let parent = stage.base.kind === 'stage' ? stageKeys.get(stage.base.stage)! : sha256Hex(`FROM ${origin}`)
    keys.push({ step: stage.steps[0]!, key: parent })
    for (const step of stage.steps.slice(1)) {
      let identity: unknown
      if (step.run) {
        const args = [...step.before.args].filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${value}`)
        identity = ['RUN', args, step.run.argv]
      }
      else if (step.copy) {
        const files = step.copy.from === null
          ? step.copy.sources.flatMap(source => filesForSource(view, source)).map(file => [file.path, view.checksum(file)])
          : [step.copy.fromStage !== null ? stageKeys.get(step.copy.fromStage) ?? null : step.copy.from]
        identity = [step.keyword, step.copy.flags, files, step.copy.destination]
      }
      else {
        // `#(nop) KEYWORD text`, with the builder's variables expanded: the display text holds them.
        identity = [step.keyword, step.display, [...step.after.env]]
      }
      parent = sha256Hex(JSON.stringify([parent, identity]))
      keys.push({ step, key: parent })
    }
    stageKeys.set(stage.index, parent)
  }
  return keys
}

/** For each step, whether the legacy builder takes it from `cache` (FROM: null); `cache` holds keys of earlier builds. */
export function legacyVerdicts(keys: readonly LegacyStepKey[], cache: ReadonlySet<string>): { step: Step, cached: boolean | null }[] {
  return keys.map(({ step, key }) => ({ step, cached: step.keyword === 'FROM' ? null : cache.has(key) }))
}
