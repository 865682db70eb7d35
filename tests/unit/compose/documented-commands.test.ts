// Done when: every Compose text the converter writes for documented docker run/create commands (the
// corpus run through the real client, and every example of docker/cli's reference docs) validates
// against the official schema and holds no `$(` that Compose would see: in values, a literal `$` is
// written `$$` (so `$$(` is the escaped, literal text a container's shell will run), and comments
// never quote `$(`.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readComposeFile } from '../../../lib/compose/read'
import { schemaProblems } from '../../../lib/compose/schema'
import { composeText } from '../../../lib/compose/yaml'

const corpus = readFileSync(new URL('../../fixtures/docker-corpus/corpus.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map(line => JSON.parse(line) as { input: string })
  .map(entry => entry.input)
  .filter(input => /^docker (?:container )?(?:run|create)\b/.test(input))
const docs = (JSON.parse(readFileSync(new URL('../../fixtures/compose/docker-docs-commands.json', import.meta.url), 'utf8')) as { commands: { command: string }[] }).commands.map(entry => entry.command)

describe('every Compose text written for a documented command', () => {
  it('has the commands: the corpus\' run/create lines and docker/cli\'s examples', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(190)
    expect(docs.length).toBeGreaterThanOrEqual(170)
  })

  const all = [...corpus, ...docs]
  it('validates against the compose-spec schema and has no $( that Compose would read', () => {
    const bad: [string, string][] = []
    let written = 0
    for (const command of all) {
      const yaml = composeText(command)
      if (yaml === null)
        continue
      written++
      if (yaml.split('\n').some(line => line.trimStart().startsWith('#') && line.includes('$(')))
        bad.push([command, 'a comment holds $('])
      for (const issue of readComposeFile(yaml).issues) {
        if (issue.code === 'COMPOSE_COMMAND_SUBSTITUTION' || issue.code === 'COMPOSE_UNESCAPED_DOLLAR' || issue.code === 'COMPOSE_INVALID_INTERPOLATION')
          bad.push([command, issue.message])
      }
      for (const problem of schemaProblems(parseYaml(yaml)))
        bad.push([command, problem.message])
    }
    expect(bad).toEqual([])
    // Commands with an image all convert; --help and the like do not.
    expect(written).toBeGreaterThanOrEqual(all.length * 0.9)
  })
})
