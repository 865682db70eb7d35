import { describe, expect, it } from 'vitest'
import { contrastRatio, MINIMUM_CODE_CONTRAST, parseHexColour, readableOn } from '../../../setup/code-contrast'
import { CODE_BACKGROUNDS, CODE_THEMES } from '../../../setup/shiki'

describe('code colours', () => {
  it('reads colours with and without alpha, and refuses what is not one', () => {
    expect(parseHexColour('#758575DD')).toEqual({ rgb: [0x75, 0x85, 0x75], alpha: 0xDD / 255 })
    expect(parseHexColour('#abc').rgb).toEqual([0xAA, 0xBB, 0xCC])
    expect(() => parseHexColour('red')).toThrow(/not a #rgb/)
  })

  it('leaves a readable colour as it is and darkens a faint one just enough', () => {
    expect(readableOn('#1f2937', ['#ffffff'], 'black')).toBe('#1f2937')
    const comment = readableOn('#a0ada0', ['#f5f5f5', '#ffffff'], 'black')
    expect(contrastRatio('#a0ada0', '#f5f5f5')).toBeLessThan(MINIMUM_CODE_CONTRAST)
    expect(contrastRatio(comment, '#f5f5f5')).toBeGreaterThanOrEqual(MINIMUM_CODE_CONTRAST)
    expect(contrastRatio(comment, '#f5f5f5')).toBeLessThan(MINIMUM_CODE_CONTRAST + 0.5)
  })

  it.each(['light', 'dark'] as const)('every token of the %s theme reads on every code background', (mode) => {
    const theme = CODE_THEMES[mode]
    const editorText = Object.entries(theme.colors ?? {}).filter(([key]) => /^editor(?:\.foreground|BracketHighlight\.foreground\d|LineNumber\.foreground)$/.test(key)).map(([, colour]) => colour)
    expect(editorText.length).toBeGreaterThanOrEqual(7)
    const semantic = Object.values(theme.semanticTokenColors ?? {}).map(value => typeof value === 'string' ? value : value.foreground)
    const foregrounds = [...editorText, ...semantic, ...(theme.tokenColors ?? []).map(rule => rule.settings.foreground)]
      .filter((colour): colour is string => colour !== undefined)
    expect(foregrounds.length).toBeGreaterThan(20)
    for (const colour of foregrounds) {
      for (const background of CODE_BACKGROUNDS[mode])
        expect({ colour, background, ratio: contrastRatio(colour, background) }).toEqual({ colour, background, ratio: expect.toSatisfy((r: number) => r >= MINIMUM_CODE_CONTRAST) })
    }
  })
})
