// Dockerfiles a real daemon built (tests/fixtures/daemon/build-cache, every edit that built) and the deck's own
// get no error from the checks: an error means `docker build` would fail, and these did not.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDockerfile } from '../../../lib/dockerfile/check'

interface Edit { name: string, replace?: Record<string, [string, string]>, write?: Record<string, string>, append?: Record<string, string> }
interface BuildRecord { case: string, files: Record<string, string>, edits: Edit[], builds: { edit: string, exit: number, stdout: string }[] }

const ROOT = join(import.meta.dirname, '../../..')
const RECORDS = join(ROOT, 'tests/fixtures/daemon/build-cache')

function dockerfileAfter(record: BuildRecord, editName: string): string {
  let text = record.files.Dockerfile!
  const edit = record.edits.find(candidate => candidate.name === editName)
  if (edit?.write?.Dockerfile !== undefined)
    text = edit.write.Dockerfile
  if (edit?.append?.Dockerfile !== undefined)
    text += edit.append.Dockerfile
  const replace = edit?.replace?.Dockerfile
  if (replace)
    text = text.split(replace[0]).join(replace[1])
  return text
}

/** Every Dockerfile the real daemon parsed and started building (a build that failed in a RUN still parsed). */
const built = readdirSync(RECORDS).filter(name => name.endsWith('.json')).flatMap((name) => {
  const record = JSON.parse(readFileSync(join(RECORDS, name), 'utf8')) as BuildRecord
  return record.builds.filter(build => build.exit === 0 || /Step \d+\/\d+ : /.test(build.stdout)).map(build => [`${record.case} / ${build.edit}`, dockerfileAfter(record, build.edit)] as const)
})

const snippets = readdirSync(join(ROOT, 'snippets')).flatMap((dir) => {
  try {
    return [[`snippets/${dir}/Dockerfile`, readFileSync(join(ROOT, 'snippets', dir, 'Dockerfile'), 'utf8')] as const]
  }
  catch {
    return []
  }
})

describe('dockerfiles that build get no error', () => {
  it('has the recorded builds and the deck\'s Dockerfiles to read', () => {
    expect(built.length).toBeGreaterThanOrEqual(45)
    expect(snippets.length).toBeGreaterThanOrEqual(3)
  })

  it.each([...built, ...snippets])('%s', (_name, text) => {
    expect(checkDockerfile(text).filter(problem => problem.severity === 'error').map(problem => `${problem.code} line ${problem.range.start.line + 1}: ${problem.message}`)).toEqual([])
  })
})
