import { describe, expect, it } from 'vitest'
import { splitCommands, tokenize, valueSpan } from '../../../lib/docker/tokenize'

const values = (text: string) => tokenize(text).map(w => w.value)

describe('tokenize: words and quotes', () => {
  it('splits on blanks and keeps spans', () => {
    const words = tokenize('docker  run\t-it nginx')
    expect(words.map(w => [w.value, w.start, w.end])).toEqual([
      ['docker', 0, 6],
      ['run', 8, 11],
      ['-it', 12, 15],
      ['nginx', 16, 21],
    ])
  })

  it('removes single and double quotes but keeps the raw text', () => {
    const [, a, b] = tokenize(`echo 'a b' "c d"e`)
    expect(a).toMatchObject({ raw: `'a b'`, value: 'a b', quoted: true })
    expect(b).toMatchObject({ raw: `"c d"e`, value: 'c de' })
  })

  it('keeps single-quoted text literally and handles escapes in double quotes', () => {
    expect(values(`echo '$HOME \\n' "a\\"b\\$c\\x"`)).toEqual(['echo', '$HOME \\n', 'a"b$c\\x'])
  })

  it('backslash escapes a blank or a quote outside quotes', () => {
    expect(values('echo a\\ b \\"c')).toEqual(['echo', 'a b', '"c'])
  })

  it('joins lines ended by a backslash into one command', () => {
    const commands = splitCommands('docker run \\\n  -it \\\n  nginx')
    expect(commands).toHaveLength(1)
    expect(commands[0]!.words.map(w => w.value)).toEqual(['docker', 'run', '-it', 'nginx'])
  })

  it('ignores comments at a word start, not inside a word', () => {
    expect(values('docker ps # list them')).toEqual(['docker', 'ps'])
    expect(values('echo a#b "#c"')).toEqual(['echo', 'a#b', '#c'])
  })

  it('keeps expansions as text and records where they are', () => {
    const words = tokenize('docker run -v "$PWD":/app -e HOME=${HOME} -v ~/x:/x $(echo nginx) `id -u`')
    expect(words[3]!.value).toBe('$PWD:/app')
    expect(words[3]!.expansions.map(e => [e.kind, e.text])).toEqual([['variable', '$PWD']])
    expect(words[5]!.expansions[0]).toMatchObject({ kind: 'variable', text: '${HOME}' })
    expect(words[7]!.expansions[0]).toMatchObject({ kind: 'tilde', text: '~' })
    expect(words[8]).toMatchObject({ value: '$(echo nginx)', expansions: [{ kind: 'command' }] })
    expect(words[9]).toMatchObject({ value: '`id -u`', expansions: [{ kind: 'command' }] })
  })

  it('does not flag a dollar that expands nothing, nor a quoted one', () => {
    expect(tokenize(`echo a$ '$HOME' \\$HOME`).flatMap(w => w.expansions)).toEqual([])
  })

  it('maps a part of the value back to the source, past quotes', () => {
    const [word] = tokenize(`-p"8080:80"`)
    expect(word!.value).toBe('-p8080:80')
    const span = valueSpan(word!, 2, 9)
    expect(`-p"8080:80"`.slice(span.start, span.end)).toBe('8080:80')
  })
})

describe('tokenize: several commands', () => {
  it('splits on newline, &&, ||, ;, | and &', () => {
    const text = 'docker pull nginx && docker run nginx; ls | grep x || true & echo\ndocker ps'
    const commands = splitCommands(text)
    expect(commands.map(c => c.text)).toEqual([
      'docker pull nginx',
      'docker run nginx',
      'ls',
      'grep x',
      'true',
      'echo',
      'docker ps',
    ])
    expect(commands.map(c => c.separator)).toEqual(['&&', ';', '|', '||', '&', '\n', null])
    for (const c of commands) expect(text.slice(c.start, c.end)).toBe(c.text)
  })

  it('gives word spans relative to their own command', () => {
    const [, second] = splitCommands('docker ps; docker run nginx')
    expect(second!.words[2]).toMatchObject({ value: 'nginx', start: 11, end: 16 })
  })

  it('skips blank lines and comment-only lines', () => {
    expect(splitCommands('\n\n  # just a note\n\n')).toEqual([])
    expect(splitCommands('')).toEqual([])
  })

  it('separates redirections from words', () => {
    const [command] = splitCommands('python3 -m pip list --format freeze > requirements.txt 2>&1')
    expect(command!.words.map(w => w.value)).toEqual(['python3', '-m', 'pip', 'list', '--format', 'freeze'])
    expect(command!.redirections.map(r => [r.operator, r.target?.value])).toEqual([
      ['>', 'requirements.txt'],
      ['2>&', '1'],
    ])
  })

  it('does not split inside quotes or substitutions', () => {
    const commands = splitCommands(`docker run alpine sh -c "a && b; c" && docker rm $(docker ps -aq | head)`)
    expect(commands).toHaveLength(2)
    expect(commands[0]!.words.at(-1)!.value).toBe('a && b; c')
  })
})

describe('tokenize: unbalanced quotes', () => {
  it.each([
    [`docker run -e "X=1 nginx`, 14, 'double quote'],
    [`docker run -e 'X=1 nginx`, 14, 'single quote'],
    ['docker run $(echo nginx', 11, '$('],
    ['docker run `echo', 11, '`'],
  ])('%s → an error at the opening character', (text, at, what) => {
    const [command] = splitCommands(text)
    expect(command!.error).toMatchObject({ start: at })
    expect(command!.error!.message).toContain(what)
    expect(command!.words.map(w => w.value)).toEqual(text.startsWith('docker run -e') ? ['docker', 'run', '-e'] : ['docker', 'run'])
  })

  it('keeps earlier commands intact', () => {
    const commands = splitCommands(`docker ps\ndocker run -e 'X nginx\ndocker ps`)
    expect(commands).toHaveLength(2)
    expect(commands[0]!.error).toBeNull()
    expect(commands[1]!.error!.start).toBe(14)
    expect(commands[1]!.end).toBe(commands[1]!.start + commands[1]!.text.length)
  })
})
