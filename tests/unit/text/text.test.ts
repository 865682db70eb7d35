import { describe, expect, it } from 'vitest'
import { closest, editDistance } from '../../../lib/text/edit-distance'
import { markdownCodeSpan, splitInlineCode } from '../../../lib/text/inline-code'
import { logicalLines } from '../../../lib/text/lines'
import { shellJoin } from '../../../lib/text/shell-words'

describe('edit distance and the closest word', () => {
  it('measures typos as edits, counting swapped neighbours as one', () => {
    expect(editDistance('nmae', 'name')).toBe(1)
    expect(editDistance('volumes', 'volume')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('abc', 'xyz', 1)).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('suggests the nearest candidate within the allowed distance', () => {
    expect(closest('runn', ['run', 'rm', 'ps'])).toBe('run')
    expect(closest('nmae', ['name', 'network'])).toBe('name')
    expect(closest('xyz', ['run', 'rm'])).toBeNull()
    expect(closest('ENTRYPIONT', new Set(['ENTRYPOINT', 'EXPOSE']), 2)).toBe('ENTRYPOINT')
    expect(closest('run', ['run'])).toBeNull()
    expect(closest('a'.repeat(65), ['a'.repeat(65)])).toBeNull()
  })

  it('prefers a swap over a missing letter on a tie', () => {
    expect(closest('stpo', ['stop', 'sto'])).toBe('stop')
  })
})

describe('text in backquotes is code', () => {
  it.each([
    ['Runs `ls -l` here.', [{ text: 'Runs ', code: false }, { text: 'ls -l', code: true }, { text: ' here.', code: false }]],
    ['no code', [{ text: 'no code', code: false }]],
    ['one ` alone', [{ text: 'one ` alone', code: false }]],
    ['``', [{ text: '``', code: false }]],
  ])('%s', (text, runs) => {
    expect(splitInlineCode(text)).toEqual(runs)
  })

  it('writes a Markdown code span that holds backquotes', () => {
    expect(markdownCodeSpan('docker ps')).toBe('`docker ps`')
    expect(markdownCodeSpan('echo `pwd`')).toBe('`` echo `pwd` ``')
    expect(markdownCodeSpan('a``b')).toBe('```a``b```')
  })
})

describe('logical lines', () => {
  it('joins backslash-continued lines, keeping where each starts', () => {
    expect(logicalLines('a \\\nb\nc \\\\\nd')).toEqual([
      { text: 'a \\\nb', line: 1 },
      { text: 'c \\\\', line: 3 },
      { text: 'd', line: 4 },
    ])
    expect(logicalLines('x\r\ny \\\r\nz', 10)).toEqual([{ text: 'x', line: 10 }, { text: 'y \\\nz', line: 11 }])
    expect(logicalLines('end \\')).toEqual([{ text: 'end \\', line: 1 }])
  })
})

describe('shellJoin', () => {
  it('quotes only the words that need it', () => {
    expect(shellJoin(['nginx', '-g', 'daemon off;'])).toBe('nginx -g \'daemon off;\'')
    expect(shellJoin(['echo', 'it\'s'])).toBe('echo \'it\'\\\'\'s\'')
    expect(shellJoin(['/bin/ollama', 'serve'])).toBe('/bin/ollama serve')
  })
})
