// The diagrams' palette lives in DiagramSvg.vue as CSS custom properties, once
// for light and once for dark mode. Every text colour must keep 4.5:1 against
// every surface it is drawn on (WCAG AA), and lines and outlines 3:1 against the page.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const source = readFileSync(new URL('../../../components/diagram/DiagramSvg.vue', import.meta.url), 'utf8')

function variablesOf(selector: string): Map<string, string> {
  const start = source.indexOf(`\n${selector} {`)
  if (start < 0)
    throw new Error(`No "${selector} {" block in DiagramSvg.vue`)
  const block = source.slice(start, source.indexOf('}', start))
  return new Map([...block.matchAll(/--dg-([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map(([, name, value]) => [name!, value!]))
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

const KINDS = ['host', 'image', 'container', 'volume', 'registry', 'network'] as const
const SURFACES = ['bg', 'writable-fill', ...KINDS.map(kind => `${kind}-fill`)]

describe.each([
  { mode: 'light', selector: '.dg' },
  { mode: 'dark', selector: 'html.dark .dg' },
])('diagram palette, $mode mode', ({ selector }) => {
  const palette = variablesOf(selector)
  const colour = (name: string) => {
    const value = palette.get(name)
    if (value === undefined)
      throw new Error(`--dg-${name} is not set in "${selector}"`)
    return value
  }

  it.each(['text', 'muted'])('--dg-%s is readable on every surface', (text) => {
    for (const surface of SURFACES)
      expect({ surface, ratio: contrast(colour(text), colour(surface)) }).toEqual({ surface, ratio: expect.toSatisfy((r: number) => r >= 4.5) })
  })

  it.each(KINDS)('the %s ink is readable on its own fill and on the page', (kind) => {
    expect(contrast(colour(`${kind}-ink`), colour(`${kind}-fill`))).toBeGreaterThanOrEqual(4.5)
    expect(contrast(colour(`${kind}-ink`), colour('bg'))).toBeGreaterThanOrEqual(4.5)
  })

  it('draws arrows and outlines that stand out from the page', () => {
    for (const line of ['line', ...KINDS.map(kind => `${kind}-stroke`)])
      expect({ line, ratio: contrast(colour(line), colour('bg')) }).toEqual({ line, ratio: expect.toSatisfy((r: number) => r >= 3) })
  })
})
