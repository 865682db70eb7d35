// Beginner lint: BuildKit's build checks under Docker's own names (frontend/dockerfile/linter/ruleset.go; docs at
// docs.docker.com/reference/build-checks/) and the hadolint rules that matter to beginners, merged where they say
// the same thing (the hadolint ids are kept in `alsoKnownAs`). Each rule has a plain explanation and a fix.
// The rules read the shared model (model.ts); none of them parses the text again.

import type { BuildContext } from './context'
import type { DockerfileModel, Stage, Step } from './model'
import type { ParsedInstruction } from './parse'
import type { TextRange } from './text'
import { closest as closestWord } from '../text/edit-distance'
import { filesForSource, viewContext } from './context'
import { AUTOMATIC_ARGS, PROXY_ARGS } from './model'
import { readJsonForm } from './parse'

export type LintCode
  = | 'JSONArgsRecommended'
    | 'StageNameCasing'
    | 'FromAsCasing'
    | 'UndefinedVar'
    | 'UndefinedArgInFrom'
    | 'WorkdirRelativePath'
    | 'SecretsUsedInArgOrEnv'
    | 'MaintainerDeprecated'
    | 'MultipleInstructionsDisallowed'
    | 'DuplicateStageName'
    | 'ReservedStageName'
    | 'LegacyKeyValueFormat'
    | 'ExposeInvalidFormat'
    | 'ExposeProtoCasing'
    | 'ConsistentInstructionCasing'
    | 'CopyIgnoredFile'
    | 'BaseImageNotPinned'
    | 'PipCacheKept'
    | 'AptListsKept'
    | 'AptGetWithoutYes'
    | 'CodeCopiedBeforeDependencies'

export interface LintFinding {
  code: LintCode
  range: TextRange
  /** What is wrong here, with this file's names in it. */
  message: string
  /** The changed line or the step to take. */
  suggestion?: string
  /** BuildKit's own words for it (its rule's Format), as `docker build` prints them under "warnings found". */
  buildkit?: string
}

export interface LintRule {
  code: LintCode
  /** Who defines the rule: BuildKit's build checks, hadolint, or Docker's build best practices. */
  origin: 'buildkit' | 'hadolint' | 'best-practice'
  /** The same rule elsewhere: hadolint ids (DL3025…). */
  alsoKnownAs: readonly string[]
  url: string
  /** Why it matters, for someone writing their first Dockerfile. */
  explain: string
  /** What to do instead. */
  fix: string
  find: (model: DockerfileModel, context: LintContext) => Omit<LintFinding, 'code'>[]
}

export interface LintContext {
  /** The build context, for the checks that look at files (CopyIgnoredFile). */
  buildContext?: BuildContext
}

const BUILD_CHECKS = 'https://docs.docker.com/reference/build-checks'

function layerSteps(model: DockerfileModel): Step[] {
  return model.stages.flatMap(stage => stage.steps)
}

function argsRange(instruction: ParsedInstruction): TextRange {
  return instruction.argsRange ?? instruction.keywordRange
}

/** BuildKit's rule (validations.go getSecretsRegex): a name whose first or last `_` word is a secret word. */
const SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i
const SECRET_ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i
/** BuildKit's reservedStageNames. */
const RESERVED_STAGE_NAMES = new Set(['context', 'scratch'])

/** The option nearest to `name`, compared without case (stage names, variables). */
function closest(name: string, options: Iterable<string>): string | null {
  const byLowerCase = new Map([...options].map(option => [option.toLowerCase(), option]))
  const found = closestWord(name.toLowerCase(), byLowerCase.keys())
  return found === null ? null : byLowerCase.get(found)!
}

/** The RUN commands split at `&&`, `;` and `||`, with their range (the instruction's arguments). */
function runCommands(step: Step): string[] {
  return step.run?.shellForm ? step.run.command.split(/&&|\|\||;/).map(part => part.trim()) : []
}

const DEPENDENCY_MANIFESTS = ['requirements.txt', 'pyproject.toml', 'poetry.lock', 'Pipfile', 'Pipfile.lock', 'uv.lock', 'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'go.mod', 'go.sum', 'Gemfile', 'Gemfile.lock', 'Cargo.toml', 'Cargo.lock', 'composer.json']
const INSTALL_COMMAND = /\b(?:pip3?\s+install|uv\s+(?:pip\s+install|sync)|poetry\s+install|pipenv\s+install|npm\s+(?:install|ci|i)\b|pnpm\s+install|yarn\s+install|go\s+mod\s+download|bundle\s+install|composer\s+install)/
/** An install that reads the project itself (`pip install .`, `pip install -e .`) needs the code first. */
const INSTALLS_THE_PROJECT = /\s\.(?:\[[^\]]*\])?(?:\s|$)/

export const LINT_RULES: readonly LintRule[] = [
  {
    code: 'JSONArgsRecommended',
    origin: 'buildkit',
    alsoKnownAs: ['DL3025'],
    url: `${BUILD_CHECKS}/json-args-recommended/`,
    explain: 'Written as plain text, CMD and ENTRYPOINT run under `/bin/sh -c`: the shell becomes the main process, so `docker stop` and Ctrl-C reach the shell, not your program, and the container takes 10 s to stop.',
    fix: 'Write it as a JSON array: `CMD ["python", "app.py"]`.',
    find(model) {
      const found: Omit<LintFinding, 'code'>[] = []
      for (const stage of model.stages) {
        let shellSet = false
        for (const step of stage.steps) {
          if (step.keyword === 'SHELL')
            shellSet = true
          if ((step.keyword !== 'CMD' && step.keyword !== 'ENTRYPOINT') || shellSet || !step.instruction.argsRange)
            continue
          const reading = readJsonForm(step.instruction.argsText)
          if (reading.kind === 'exec' || reading.kind === 'not-strings')
            continue
          const words = step.instruction.args.map(arg => arg.value.replace(/^['"[]+|['",\]]+$/g, '')).filter(Boolean)
          found.push({
            range: step.instruction.argsRange,
            message: reading.kind === 'not-json' && reading.looksLikeAnArray
              ? `This ${step.keyword} looks like a JSON array but is not valid JSON, so Docker runs it as text through /bin/sh.`
              : `${step.keyword} in shell form runs through /bin/sh, which does not pass signals on to your program.`,
            suggestion: `${step.keyword} [${words.map(word => JSON.stringify(word)).join(', ')}]`,
            buildkit: `JSON arguments recommended for ${step.keyword} to prevent unintended behavior related to OS signals`,
          })
        }
      }
      return found
    },
  },
  {
    code: 'StageNameCasing',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/stage-name-casing/`,
    explain: 'Stage names are compared in lower case, so `Build` and `build` are the same stage; writing them in lower case avoids the confusion.',
    fix: 'Write the stage name in lower case.',
    find: model => model.stages.filter(stage => stage.name !== null && stage.name !== stage.name.toLowerCase()).map(stage => ({
      range: stage.steps[0]!.instruction.args[2]!.range,
      message: `Stage name '${stage.name}' should be lowercase.`,
      suggestion: stage.name!.toLowerCase(),
      buildkit: `Stage name '${stage.name}' should be lowercase`,
    })),
  },
  {
    code: 'FromAsCasing',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/from-as-casing/`,
    explain: '`FROM` and `AS` should be written in the same case; mixing them is legal but reads as a mistake.',
    fix: 'Write `FROM … AS name` (or `from … as name`).',
    find: model => model.stages.flatMap((stage) => {
      const from = stage.steps[0]!.instruction
      const as = from.args[1]
      if (!as || as.value.toUpperCase() !== 'AS')
        return []
      const fromUpper = from.written === from.written.toUpperCase()
      const asUpper = as.value === as.value.toUpperCase()
      if (fromUpper === asUpper)
        return []
      return [{ range: as.range, message: `'${as.value}' and '${from.written}' keywords' casing do not match.`, suggestion: fromUpper ? 'AS' : 'as', buildkit: `'${as.value}' and '${from.written}' keywords' casing do not match` }]
    }),
  },
  {
    code: 'UndefinedVar',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/undefined-var/`,
    explain: 'The builder replaces `$NAME` in COPY, WORKDIR, ENV and similar lines with the value of an ENV or ARG defined earlier in the stage; a name defined nowhere becomes an empty string, often a typo.',
    fix: 'Define it first with `ARG NAME` or `ENV NAME=value`, or fix the spelling.',
    find: model => model.stages.filter(stage => stage.baseKnown).flatMap(stage => stage.steps.slice(1).flatMap((step) => {
      const names = step.variables.missing.filter(name => !step.before.args.has(name) && !PROXY_ARGS.has(name))
      return names.map((name) => {
        const suggestion = closest(name, [...step.before.env.keys(), ...step.before.args.keys()])
        return {
          range: argsRange(step.instruction),
          message: `Usage of undefined variable '$${name}'${suggestion ? ` (did you mean $${suggestion}?)` : ''}: it expands to nothing here.`,
          ...(suggestion ? { suggestion: `$${suggestion}` } : {}),
          buildkit: `Usage of undefined variable '$${name}'${suggestion ? ` (did you mean $${suggestion}?)` : ''}`,
        }
      })
    })),
  },
  {
    code: 'UndefinedArgInFrom',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/undefined-arg-in-from/`,
    explain: 'A FROM line can only use ARGs declared before the first FROM; anything else is empty there.',
    fix: 'Declare it at the very top: `ARG NAME=default`, before the first FROM.',
    find: model => model.stages.flatMap((stage) => {
      const from = stage.steps[0]!
      return from.variables.missing.filter(name => !AUTOMATIC_ARGS.has(name)).map(name => ({
        range: from.instruction.args[0]?.range ?? from.instruction.keywordRange,
        message: `FROM argument '${name}' is not declared: declare it with ARG before the first FROM.`,
        suggestion: `ARG ${name}=<default>`,
        buildkit: `FROM argument '${name}' is not declared`,
      }))
    }),
  },
  {
    code: 'WorkdirRelativePath',
    origin: 'buildkit',
    alsoKnownAs: ['DL3000'],
    url: `${BUILD_CHECKS}/workdir-relative-path/`,
    explain: 'A relative WORKDIR is added to whatever directory the base image left you in; if the base image changes, so does where your files go.',
    fix: 'Use an absolute path such as `WORKDIR /app`.',
    find: model => model.stages.flatMap((stage) => {
      // Only the first WORKDIR of a stage counts, as in BuildKit: fixing it fixes the ones after it.
      const first = stage.steps.find(step => step.keyword === 'WORKDIR')
      const path = first?.instruction.args[0]
      if (!first || !path || /^(?:\/|\$|[A-Z]:[\\/])/i.test(path.value))
        return []
      return [{ range: path.range, message: `Relative workdir "${path.value}" can have unexpected results if the base image changes.`, suggestion: `/${path.value}`, buildkit: `Relative workdir ${JSON.stringify(path.value)} can have unexpected results if the base image changes` }]
    }),
  },
  {
    code: 'SecretsUsedInArgOrEnv',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/secrets-used-in-arg-or-env/`,
    explain: 'ARG and ENV values are saved in the image: anyone with the image reads them with `docker history` or `docker inspect`.',
    fix: 'Pass secrets at build time with `RUN --mount=type=secret,id=name`, and at run time with `docker run -e` or a secrets file.',
    find: model => [...model.globalArgSteps, ...layerSteps(model).map(step => step.instruction)]
      .filter(instruction => instruction.keyword === 'ARG' || instruction.keyword === 'ENV')
      .flatMap(instruction => instruction.properties
        .filter(property => SECRET_WORD.test(property.name) && !SECRET_ALLOWED.test(property.name))
        .map(property => ({
          range: property.range,
          message: `Do not use ${instruction.keyword} for sensitive data (${instruction.keyword} "${property.name}"): it stays readable in the image.`,
          suggestion: `RUN --mount=type=secret,id=${property.name.toLowerCase()} …`,
          buildkit: `Do not use ARG or ENV instructions for sensitive data (${instruction.keyword} ${JSON.stringify(property.name)})`,
        }))),
  },
  {
    code: 'MaintainerDeprecated',
    origin: 'buildkit',
    alsoKnownAs: ['DL4000'],
    url: `${BUILD_CHECKS}/maintainer-deprecated/`,
    explain: 'MAINTAINER still works but is deprecated; the author is now a label.',
    fix: 'Write `LABEL org.opencontainers.image.authors="you@example.com"`.',
    find: model => layerSteps(model).filter(step => step.keyword === 'MAINTAINER').map(step => ({
      range: step.instruction.keywordRange,
      message: 'The MAINTAINER instruction is deprecated: use a label to name the image\'s author.',
      suggestion: `LABEL org.opencontainers.image.authors=${JSON.stringify(step.instruction.argsText.trim())}`,
      buildkit: 'Maintainer instruction is deprecated in favor of using label',
    })),
  },
  {
    code: 'MultipleInstructionsDisallowed',
    origin: 'buildkit',
    alsoKnownAs: ['DL4003', 'DL4004', 'DL3012'],
    url: `${BUILD_CHECKS}/multiple-instructions-disallowed/`,
    explain: 'A stage keeps only its last CMD, ENTRYPOINT and HEALTHCHECK: the earlier ones do nothing. To run two programs, use two containers.',
    fix: 'Keep one of each per stage.',
    find: model => model.stages.flatMap(stage => (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const).flatMap((keyword) => {
      const same = stage.steps.filter(step => step.keyword === keyword)
      const kept = same.at(-1)
      return same.slice(0, -1).map(step => ({
        range: step.instruction.keywordRange,
        message: `Only the last ${keyword} of a stage takes effect: this one is replaced by the ${keyword} on line ${kept!.instruction.keywordRange.start.line + 1}.`,
        buildkit: `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`,
      }))
    })),
  },
  {
    code: 'DuplicateStageName',
    origin: 'buildkit',
    alsoKnownAs: ['DL3024'],
    url: `${BUILD_CHECKS}/duplicate-stage-name/`,
    explain: 'Two stages with one name make `COPY --from=name` and `--target name` ambiguous.',
    fix: 'Give every stage its own name.',
    find(model) {
      const seen = new Set<string>()
      return model.stages.flatMap((stage) => {
        if (stage.name === null)
          return []
        const key = stage.name.toLowerCase()
        const duplicate = seen.has(key)
        seen.add(key)
        return duplicate ? [{ range: stage.steps[0]!.instruction.args[2]!.range, message: `Duplicate stage name "${stage.name}": stage names should be unique.`, buildkit: `Duplicate stage name ${JSON.stringify(stage.name)}, stage names should be unique` }] : []
      })
    },
  },
  {
    code: 'ReservedStageName',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/reserved-stage-name/`,
    explain: '`scratch` and `context` already mean something to the builder (the empty image, the build context).',
    fix: 'Pick another name.',
    find: model => model.stages.filter(stage => stage.name !== null && RESERVED_STAGE_NAMES.has(stage.name.toLowerCase())).map(stage => ({
      range: stage.steps[0]!.instruction.args[2]!.range,
      message: `Stage name should not use the same name as reserved stage "${stage.name}".`,
      buildkit: `Stage name should not use the same name as reserved stage ${JSON.stringify(stage.name)}`,
    })),
  },
  {
    code: 'LegacyKeyValueFormat',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/legacy-key-value-format/`,
    explain: '`ENV NAME value` (a space, no `=`) is the old form: it sets one variable to everything after the name, which surprises as soon as there are two.',
    fix: 'Write `ENV NAME=value`.',
    find: model => layerSteps(model)
      .filter(step => (step.keyword === 'ENV' || step.keyword === 'LABEL') && step.instruction.properties.length === 1 && !/^\S+=/.test(step.instruction.argsText.trim()) && step.instruction.properties[0]!.value !== null)
      .map(step => ({
        range: argsRange(step.instruction),
        message: `"${step.keyword} key=value" should be used instead of the legacy "${step.keyword} key value" format.`,
        suggestion: `${step.keyword} ${step.instruction.properties[0]!.name}=${JSON.stringify(step.instruction.properties[0]!.value)}`,
        buildkit: `"${step.keyword} key=value" should be used instead of legacy "${step.keyword} key value" format`,
      })),
  },
  {
    code: 'ExposeInvalidFormat',
    origin: 'buildkit',
    alsoKnownAs: ['DL3011'],
    url: `${BUILD_CHECKS}/expose-invalid-format/`,
    explain: 'EXPOSE names the container\'s own port only. Which host port reaches it is chosen when the container runs, with `docker run -p host:container`.',
    fix: 'Keep the container port: `EXPOSE 5000`, and publish with `docker run -p 8000:5000`.',
    find: model => layerSteps(model).filter(step => step.keyword === 'EXPOSE').flatMap(step => step.instruction.args
      .filter(arg => arg.value.includes(':'))
      .map(arg => ({
        range: arg.range,
        message: `EXPOSE should not define an IP address or host-port mapping, found '${arg.value}': only the container port ${arg.value.split(':').at(-1)} is exposed. Publish with docker run -p ${arg.value}.`,
        suggestion: `EXPOSE ${arg.value.split(':').at(-1)}`,
        buildkit: `EXPOSE instruction should not define an IP address or host-port mapping, found '${arg.value}'`,
      }))),
  },
  {
    code: 'ExposeProtoCasing',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/expose-proto-casing/`,
    explain: 'The protocol after the port is written in lower case: `5000/tcp`, `53/udp`.',
    fix: 'Write the protocol in lower case.',
    find: model => layerSteps(model).filter(step => step.keyword === 'EXPOSE').flatMap(step => step.instruction.args
      .filter(arg => /\/[a-z]*[A-Z]/.test(arg.value))
      .map(arg => ({ range: arg.range, message: `Defined protocol '${arg.value}' in EXPOSE instruction should be lowercase.`, suggestion: arg.value.toLowerCase(), buildkit: `Defined protocol '${arg.value}' in EXPOSE instruction should be lowercase` }))),
  },
  {
    code: 'ConsistentInstructionCasing',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/consistent-instruction-casing/`,
    explain: 'Instructions work in any case, but a file that mixes `RUN` and `run` is harder to read.',
    fix: 'Write every instruction in the case most of the file uses (upper case is usual).',
    find(model) {
      const instructions = model.parsed.instructions
      const lower = instructions.filter(instruction => instruction.written === instruction.written.toLowerCase()).length
      const majorityLower = lower > instructions.length - lower
      return instructions
        .filter(instruction => majorityLower ? instruction.written !== instruction.written.toLowerCase() : instruction.written !== instruction.written.toUpperCase())
        .map(instruction => ({
          range: instruction.keywordRange,
          message: `Command '${instruction.written}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'}).`,
          suggestion: majorityLower ? instruction.written.toLowerCase() : instruction.written.toUpperCase(),
          buildkit: `Command '${instruction.written}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'})`,
        }))
    },
  },
  {
    code: 'CopyIgnoredFile',
    origin: 'buildkit',
    alsoKnownAs: [],
    url: `${BUILD_CHECKS}/copy-ignored-file/`,
    explain: 'The file is listed in `.dockerignore`, so it is never sent to the builder: the COPY cannot find it.',
    fix: 'Remove the line from `.dockerignore`, or do not copy the file.',
    find(model, context) {
      if (!context.buildContext)
        return []
      const view = viewContext(context.buildContext)
      const ignored = new Map(view.ignored.map(entry => [entry.path, entry.rule]))
      return layerSteps(model).filter(step => step.copy && step.copy.from === null).flatMap(step => step.copy!.sources
        .filter(source => filesForSource(view, source).length === 0 && [...ignored.keys()].some(path => path === source.replace(/^\.\//, '') || path.startsWith(`${source.replace(/^\.\/|\/$/g, '')}/`)))
        .map(source => ({ range: argsRange(step.instruction), message: `Attempting to ${step.keyword} file "${source}" that is excluded by .dockerignore.`, buildkit: `Attempting to ${step.keyword} file ${JSON.stringify(source)} that is excluded by .dockerignore` })))
    },
  },
  {
    code: 'BaseImageNotPinned',
    origin: 'hadolint',
    alsoKnownAs: ['DL3006', 'DL3007'],
    url: 'https://github.com/hadolint/hadolint/wiki/DL3006',
    explain: 'Without a tag (or with `latest`) the base image is whatever is newest the day you build: the same Dockerfile builds a different image next month, and may stop working.',
    fix: 'Name a version: `FROM python:3.12-slim`.',
    find: model => model.stages.flatMap((stage) => {
      if (stage.base.kind !== 'image')
        return []
      const reference = stage.base.reference
      const from = stage.steps[0]!.instruction
      const written = from.args[0]
      if (!written || reference === '' || reference.includes('@') || written.value.includes('$'))
        return []
      const lastSegment = reference.slice(reference.lastIndexOf('/') + 1)
      const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : null
      if (tag !== null && tag !== 'latest')
        return []
      return [{
        range: written.range,
        message: tag === 'latest'
          ? `'${reference}': latest moves to each new release, so this build changes without your Dockerfile changing.`
          : `'${reference}' has no tag, which means latest: the base image changes with each new release.`,
        suggestion: `${reference.replace(/:latest$/, '')}:<version>`,
      }]
    }),
  },
  {
    code: 'PipCacheKept',
    origin: 'hadolint',
    alsoKnownAs: ['DL3042'],
    url: 'https://github.com/hadolint/hadolint/wiki/DL3042',
    explain: 'pip keeps a copy of every package it downloads in ~/.cache/pip; inside an image that copy is dead weight in the layer, often tens of MB.',
    fix: 'Add `--no-cache-dir`: `RUN pip install --no-cache-dir -r requirements.txt`.',
    find: model => layerSteps(model).filter(step => runCommands(step).some(command => /\bpip3?\s+install\b/.test(command) && !/--no-cache-dir\b/.test(command)) && !step.before.env.has('PIP_NO_CACHE_DIR')).map(step => ({
      range: argsRange(step.instruction),
      message: '`pip install` without `--no-cache-dir` leaves pip\'s download cache in this layer.',
      suggestion: step.run!.command.replace(/\b(pip3?\s+install)\b/, '$1 --no-cache-dir'),
    })),
  },
  {
    code: 'AptListsKept',
    origin: 'hadolint',
    alsoKnownAs: ['DL3009'],
    url: 'https://github.com/hadolint/hadolint/wiki/DL3009',
    explain: '`apt-get update` downloads package lists (about 20–40 MB) into /var/lib/apt/lists; unless the same RUN deletes them, they stay in the layer for good: deleting them in a later RUN does not make the image smaller.',
    fix: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`.',
    find: model => layerSteps(model).filter(step => runCommands(step).some(command => /\bapt-get\s+(?:\S+\s+)*update\b/.test(command)) && !/\/var\/lib\/apt\/lists/.test(step.run!.command)).map(step => ({
      range: argsRange(step.instruction),
      message: 'This RUN leaves apt\'s package lists in its layer.',
      suggestion: `${step.run!.command} && rm -rf /var/lib/apt/lists/*`,
    })),
  },
  {
    code: 'AptGetWithoutYes',
    origin: 'hadolint',
    alsoKnownAs: ['DL3014'],
    url: 'https://github.com/hadolint/hadolint/wiki/DL3014',
    explain: 'A build cannot answer questions: `apt-get install` asks "Do you want to continue? [Y/n]", reads no answer and aborts, and the build fails.',
    fix: 'Add `-y`: `apt-get install -y python3`.',
    find: model => layerSteps(model).filter(step => runCommands(step).some(command => /\bapt-get\s+(?:\S+\s+)*install\b/.test(command) && !/(?:^|\s)(?:-[\dA-Z_a-xz]*y\w*|--yes|--assume-yes|-qq)\b/.test(command))).map(step => ({
      range: argsRange(step.instruction),
      message: '`apt-get install` without `-y` stops at its question, and the build fails.',
      suggestion: step.run!.command.replace(/\bapt-get(\s+)install\b/, 'apt-get$1install -y'),
    })),
  },
  {
    code: 'CodeCopiedBeforeDependencies',
    origin: 'best-practice',
    alsoKnownAs: [],
    url: 'https://docs.docker.com/build/cache/optimize/#order-your-layers',
    explain: 'Every step after a changed COPY runs again. Copying all the code before installing the dependencies means each edit of your code reinstalls every package.',
    fix: 'Copy the dependency list first, install, then copy the rest: `COPY requirements.txt .`, `RUN pip install …`, `COPY . .`.',
    find: model => model.stages.flatMap((stage: Stage) => {
      const found: Omit<LintFinding, 'code'>[] = []
      stage.steps.forEach((step, i) => {
        const sources = step.copy && step.copy.from === null ? step.copy.sources : []
        if (!sources.some(source => ['.', './', '*'].includes(source)))
          return
        const install = stage.steps.slice(i + 1).find(later => runCommands(later).some(command => INSTALL_COMMAND.test(command) && !INSTALLS_THE_PROJECT.test(command)))
        if (!install)
          return
        const manifest = DEPENDENCY_MANIFESTS.find(name => install.run!.command.includes(name)) ?? 'requirements.txt'
        found.push({
          range: argsRange(step.instruction),
          message: `All the code is copied before \`${install.run!.command}\` (line ${install.instruction.range.start.line + 1}): any edit reinstalls the dependencies.`,
          suggestion: `COPY ${manifest} .  (then the install, then COPY . .)`,
        })
      })
      return found
    }),
  },
]

export function lintDockerfile(model: DockerfileModel, context: LintContext = {}): LintFinding[] {
  return LINT_RULES.flatMap(rule => rule.find(model, context).map(finding => ({ code: rule.code, ...finding })))
}

export function lintRule(code: LintCode): LintRule {
  return LINT_RULES.find(rule => rule.code === code)!
}
