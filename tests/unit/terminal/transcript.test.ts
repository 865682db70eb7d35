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

  it('cuts a long output with a note rather than filling the page', async () => {
    const text = await transcriptOf(['for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do echo line $i; done'])
    expect(text).toContain('line 11')
    expect(text).not.toContain('line 12')
    expect(text).toContain('… (9 more lines)')
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
