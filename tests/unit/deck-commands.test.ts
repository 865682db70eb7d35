// Every docker command the deck shows or says must be one Docker accepts: the explainer is asked
// about each, and any it refuses fails this test with the command and the file it came from.
//
// Where commands are found:
//   - pages/*.md and slides.md: inline code (`docker ps`), lines of code blocks (`$ docker run …`),
//     `command="…"` props of components, and all of these inside speaker notes (HTML comments);
//   - snippets/**: shell scripts (lines starting with `docker`) and Markdown files, as above.
// What is skipped, because the slide writes a pattern and not a command (counted and reported):
//   - alternatives or elisions: ` / `, `…`, `...`;
//   - placeholders: `<name>`, `{image}`.
// A bare command name in prose (`docker run`, `docker compose up`) is checked for being a command
// Docker knows, not for being complete: "use `docker exec`" names a command, it does not run one.

import type { FoundCommand } from '../../lib/deck/commands'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandsInFile, commandsInMarkdown, placeholderReason } from '../../lib/deck/commands'
import { explain } from '../../lib/docker/index'

const ROOT = join(import.meta.dirname, '../..')
const MINIMUM_CHECKED = 20

function filesUnder(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  }
  catch {
    return []
  }
  return entries.flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function collectDeckCommands(): FoundCommand[] {
  const slideFiles = [join(ROOT, 'slides.md'), ...filesUnder(join(ROOT, 'pages')).filter(path => path.endsWith('.md'))]
  const snippetFiles = filesUnder(join(ROOT, 'snippets'))
  const found: FoundCommand[] = []
  for (const path of [...slideFiles, ...snippetFiles])
    found.push(...commandsInFile(relative(ROOT, path), readFileSync(path, 'utf8')))
  return found
}

describe('the extraction itself', () => {
  it('finds inline code, code-block lines, props and notes, and skips patterns', () => {
    const sample = [
      'Use `docker ps` and `docker stop / kill / rm`.',
      '```bash',
      '$ docker run --rm \\',
      '    python:3.12 python -V',
      '```',
      '<DockerExplainer command="docker run -e A=&quot;x&quot; nginx" compact />',
      '<!--',
      'Then `docker logs -f web`.',
      '-->',
    ].join('\n')
    const found = commandsInMarkdown('x.md', sample)
    expect(found.map(command => [command.text, command.line, command.from])).toEqual([
      ['docker run --rm python:3.12 python -V', 3, 'code block'],
      ['docker ps', 1, 'inline code'],
      ['docker stop / kill / rm', 1, 'inline code'],
      ['docker logs -f web', 8, 'inline code'],
      ['docker run -e A="x" nginx', 6, 'command prop'],
    ])
    expect(found.map(command => placeholderReason(command.text))).toEqual([null, null, 'alternatives ( / )', null, null])
  })
})

describe('every docker command in the slides and snippets', () => {
  const found = collectDeckCommands()
  const checked = found.filter(command => placeholderReason(command.text) === null)
  const skipped = found.filter(command => placeholderReason(command.text) !== null)

  it(`checks at least ${MINIMUM_CHECKED} commands (checked ${checked.length}, skipped ${skipped.length} patterns)`, () => {
    expect(
      checked.length,
      `checked ${checked.length}, skipped ${skipped.length}: ${skipped.map(c => `${c.file}:${c.line} ${c.text}`).join('; ')}`,
    ).toBeGreaterThanOrEqual(MINIMUM_CHECKED)
  })

  it('is accepted by Docker (explain() says ok), or names a known command', () => {
    const refused: string[] = []
    for (const command of checked) {
      const explanations = explain(command.text)
      const where = `${command.file}:${command.line} (${command.from})`
      if (explanations.length !== 1) {
        refused.push(`${where}: \`${command.text}\` reads as ${explanations.length} commands`)
        continue
      }
      const [explanation] = explanations
      if (!explanation)
        continue
      const onlyNames = explanation.segments.every(segment => segment.kind === 'program' || segment.kind === 'command')
      if (explanation.ok)
        continue
      if (onlyNames && explanation.isDocker && explanation.command.length > 0)
        continue
      const reasons = explanation.errors.map(error => error.message).join('; ') || 'not a docker command'
      refused.push(`${where}: \`${command.text}\`: ${reasons}`)
    }
    expect(refused, `Commands Docker would refuse:\n${refused.join('\n')}`).toEqual([])
  })
})
