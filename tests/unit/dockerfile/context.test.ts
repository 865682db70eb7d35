import { describe, expect, it } from 'vitest'
import { fileChecksum, filesForSource, viewContext } from '../../../lib/dockerfile/context'
import { expandVariables } from '../../../lib/dockerfile/expand'

function context(ignore: string | null, paths: string[]) {
  return {
    files: [...paths.map(path => ({ path, content: path })), ...(ignore === null ? [] : [{ path: '.dockerignore', content: ignore }])],
  }
}
const sent = (ignore: string | null, paths: string[]) => viewContext(context(ignore, paths)).files.map(file => file.path).filter(path => path !== '.dockerignore')

describe('.dockerignore', () => {
  const paths = ['app.py', 'venv/bin/python', '.git/HEAD', 'data/raw.csv', 'data/keep.csv', 'src/a.pyc', 'src/b.py', 'notes.md', 'README.md']

  it('sends everything without one', () => {
    expect(sent(null, paths)).toHaveLength(paths.length)
  })

  it('excludes directories with what is inside, files by wildcard, ** across directories', () => {
    expect(sent('.git\nvenv/\n**/*.pyc\n# a comment\n\n', paths)).toEqual(['app.py', 'data/keep.csv', 'data/raw.csv', 'notes.md', 'README.md', 'src/b.py'].sort((a, b) => a.localeCompare(b)))
  })

  it('re-includes with !, the last matching line winning', () => {
    expect(sent('*.md\n!README.md\n', paths)).not.toContain('notes.md')
    expect(sent('*.md\n!README.md\n', paths)).toContain('README.md')
    expect(sent('!README.md\n*.md\n', paths)).not.toContain('README.md')
    expect(sent('data\n!data/keep.csv\n', paths).filter(path => path.startsWith('data/'))).toEqual(['data/keep.csv'])
  })

  it('a * stays within one directory; leading / and ./ are ignored', () => {
    expect(sent('*.pyc\n', paths)).toContain('src/a.pyc')
    expect(sent('src/*.pyc\n', paths)).not.toContain('src/a.pyc')
    expect(sent('/app.py\n./notes.md\n', paths)).not.toContain('app.py')
    expect(sent('/app.py\n./notes.md\n', paths)).not.toContain('notes.md')
  })

  it('says which line left a file out', () => {
    expect(viewContext(context('venv\n', ['venv/x', 'a'])).ignored).toEqual([{ path: 'venv/x', rule: 'venv' }])
  })
})

describe('cOPY sources in the context', () => {
  const view = viewContext(context(null, ['app.py', 'src/a.py', 'src/lib/b.py', 'req.txt', 'requirements-dev.txt']))
  const names = (source: string) => filesForSource(view, source).map(file => file.path)

  it('matches a file, a directory, . and wildcards', () => {
    expect(names('app.py')).toEqual(['app.py'])
    expect(names('./src')).toEqual(['src/a.py', 'src/lib/b.py'])
    expect(names('.')).toHaveLength(5)
    expect(names('req*.txt')).toEqual(['req.txt', 'requirements-dev.txt'])
    expect(names('missing.txt')).toEqual([])
  })

  it('checksums content and mode', () => {
    expect(fileChecksum({ path: 'a', content: 'x' })).toBe(fileChecksum({ path: 'b', content: 'x', mode: 0o644 }))
    expect(fileChecksum({ path: 'a', content: 'x' })).not.toBe(fileChecksum({ path: 'a', content: 'y' }))
    expect(fileChecksum({ path: 'a', content: 'x' })).not.toBe(fileChecksum({ path: 'a', content: 'x', mode: 0o755 }))
  })
})

describe('variable expansion', () => {
  const lookup = (name: string) => ({ A: 'one', EMPTY: '' } as Record<string, string>)[name]
  it.each([
    ['$A/x', 'one/x', []],
    ['${A}x', 'onex', []],
    ['${B:-fallback}', 'fallback', ['B']],
    ['${EMPTY:-fallback}', 'fallback', []],
    ['${EMPTY-fallback}', '', []],
    ['${A:+set}', 'set', []],
    ['${B:+set}', '', ['B']],
    ['\'$A\'', '$A', []],
    ['"$A b"', 'one b', []],
    ['\\$A', '$A', []],
    ['$B', '', ['B']],
    ['cost: 5$', 'cost: 5$', []],
  ])('%s → %s', (text, value, missing) => {
    const result = expandVariables(text, lookup)
    expect(result.value).toBe(value)
    expect(result.missing).toEqual(missing)
  })
})
