import { describe, expect, it } from 'vitest'
import { terminalTheme } from '../../../lib/terminal/theme'
import { transcriptOf } from '../../../lib/terminal/transcript'

describe('printed transcript', () => {
  it('shows each command after its prompt with what the simulated machine printed, the same every time', async () => {
    const commands = ['docker volume create data', 'docker volume ls', 'docker rm nothing-here']
    const first = await transcriptOf(commands)
    expect(first).toBe(await transcriptOf(commands))
    const lines = first.split('\n')
    expect(lines[0]).toMatch(/\$ docker volume create data$/)
    expect(lines[1]).toBe('data')
    expect(lines).toContain('local     data')
    expect(lines.at(-1)).toBe('Error response from daemon: No such container: nothing-here')
  })

  it('cuts a long output in the middle with a note, keeping how it started and how it ended', async () => {
    const text = await transcriptOf(['for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo line $i; done'])
    const lines = text.split('\n').slice(1)
    expect(lines).toEqual(['line 1', 'line 2', '… (13 lines)', ...Array.from({ length: 5 }, (_, i) => `line ${i + 16}`)])
  })

  it('keeps the error at the end of an output that starts with a pull', async () => {
    const text = await transcriptOf(['docker run --rm python:3.5 python -c "print(f\'this is {3+2}\')"'])
    expect(text).toContain('Unable to find image \'python:3.5\' locally')
    expect(text.split('\n').at(-1)).toBe('SyntaxError: invalid syntax')
  })
})

describe('printed transcript of interactive commands', () => {
  it('types the lines after docker run -it into the container, window by window, as on screen', async () => {
    const text = await transcriptOf([
      'docker run -it --rm --name one python:3.12 bash',
      'echo hello > /tmp/file.txt',
      'cat /tmp/file.txt',
      { text: 'docker run -it --rm --name two python:3.12 bash', window: 2 },
      { text: 'cat /tmp/file.txt', window: 2 },
    ])
    expect(text).toMatch(/root@[0-9a-f]{12}:\/# cat \/tmp\/file\.txt\nhello\n/)
    expect(text).toContain('cat: /tmp/file.txt: No such file or directory')
    // Nothing ran on the student's computer by mistake.
    expect(text).not.toMatch(/student@laptop:~\$ cat /)
  })
})

describe('terminal colours', () => {
  it('come from the palette, with fallbacks when a property is missing', () => {
    const theme = terminalTheme(name => ({ '--deck-text': '#eeeeee', '--deck-code-page': '#111111' })[name] ?? '')
    expect(theme.foreground).toBe('#eeeeee')
    expect(theme.background).toBe('#111111')
    expect(theme.red).toBe('#b91c1c')
  })
})
