// The deck's palette (styles/palette.css) sets one colour per concept, once for light and once for
// dark mode. Every ink must keep 4.5:1 against every surface it is drawn on (WCAG AA), and lines
// and outlines 3:1 against the page.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const source = readFileSync(new URL('../../../styles/palette.css', import.meta.url), 'utf8')

function variablesOf(selector: string): Map<string, string> {
  const start = source.indexOf(`\n${selector} {`)
  if (start < 0)
    throw new Error(`No "${selector} {" block in styles/palette.css`)
  const block = source.slice(start, source.indexOf('}', start))
  const colours = new Map<string, string>()
  for (const [, name, value] of block.matchAll(/--deck-([\w-]+):\s*([^\s;][^;]*);/g)) {
    if (!/^#[0-9a-f]{6}$/i.test(value!.trim()))
      throw new Error(`--deck-${name} in "${selector}" is "${value}": the palette holds #rrggbb colours only`)
    colours.set(name!, value!.trim())
  }
  return colours
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

const CONCEPTS = ['host', 'image', 'container', 'volume', 'port', 'env', 'registry', 'network', 'error', 'warning'] as const
const TOKENS = ['program', 'global-flag', 'command', 'flag', 'argument', 'separator', 'shell'] as const
const SURFACES = ['page', 'code-page', 'writable-fill', ...CONCEPTS.map(concept => `${concept}-fill`)]

const atLeast = (minimum: number) => expect.toSatisfy((ratio: number) => ratio >= minimum)

describe.each([
  { mode: 'light', selector: ':root' },
  { mode: 'dark', selector: 'html.dark' },
])('palette, $mode mode', ({ selector }) => {
  const palette = variablesOf(selector)
  const colour = (name: string) => {
    const value = palette.get(name)
    if (value === undefined)
      throw new Error(`--deck-${name} is not set in "${selector}"`)
    return value
  }

  it('sets the same colours as the other mode', () => {
    const other = variablesOf(selector === ':root' ? 'html.dark' : ':root')
    expect([...palette.keys()].sort()).toEqual([...other.keys()].sort())
  })

  it.each(['text', 'muted'])('--deck-%s is readable on every surface', (text) => {
    for (const surface of SURFACES)
      expect({ surface, ratio: contrast(colour(text), colour(surface)) }).toEqual({ surface, ratio: atLeast(4.5) })
  })

  it.each(CONCEPTS)('the %s ink is readable on its own fill and on the page', (concept) => {
    for (const surface of [`${concept}-fill`, 'page', 'code-page'])
      expect({ surface, ratio: contrast(colour(`${concept}-ink`), colour(surface)) }).toEqual({ surface, ratio: atLeast(4.5) })
  })

  it('draws lines and outlines that stand out from the page', () => {
    for (const line of ['line', ...CONCEPTS.map(concept => `${concept}-line`)])
      expect({ line, ratio: contrast(colour(line), colour('page')) }).toEqual({ line, ratio: atLeast(3) })
  })

  it.each(TOKENS)('the %s part of a command is readable on its own fill and on the code surface', (token) => {
    for (const surface of [`token-${token}-fill`, 'code-page'])
      expect({ surface, ratio: contrast(colour(`token-${token}-ink`), colour(surface)) }).toEqual({ surface, ratio: atLeast(4.5) })
  })

  it('shows a flag\'s value readably on the code surface', () => {
    expect(contrast(colour('token-flag-value-ink'), colour('code-page'))).toBeGreaterThanOrEqual(4.5)
  })

  it('gives every concept its own ink', () => {
    const inks = CONCEPTS.map(concept => colour(`${concept}-ink`))
    expect(new Set(inks).size).toBe(inks.length)
  })
})
