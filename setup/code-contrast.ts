// Code colours that read on their background: every token colour of a Shiki theme is darkened (light
// theme) or lightened (dark theme), keeping its hue, until it reaches 4.5:1 (WCAG AA) on every
// background code is shown on. Pure data in, data out; setup/shiki.ts applies it to the deck's themes.

export const MINIMUM_CODE_CONTRAST = 4.5
// A little above the minimum, so that rounding in the browser never drops a colour under it.
const TARGET_CONTRAST = MINIMUM_CODE_CONTRAST + 0.1

type Rgb = readonly [number, number, number]

export function parseHexColour(hex: string): { rgb: Rgb, alpha: number } {
  const digits = hex.replace(/^#/, '')
  const full = digits.length <= 4 ? [...digits].map(d => d + d).join('') : digits
  if (!/^(?:[0-9a-f]{6}|[0-9a-f]{8})$/i.test(full))
    throw new Error(`"${hex}" is not a #rgb, #rgba, #rrggbb or #rrggbbaa colour`)
  const channel = (i: number) => Number.parseInt(full.slice(i, i + 2), 16)
  return { rgb: [channel(0), channel(2), channel(4)], alpha: full.length === 8 ? channel(6) / 255 : 1 }
}

const toHex = (rgb: Rgb) => `#${rgb.map(c => Math.round(c).toString(16).padStart(2, '0')).join('')}`

function luminance([r, g, b]: Rgb): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
}

export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(parseHexColour(a).rgb), luminance(parseHexColour(b).rgb)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

const mix = (from: Rgb, to: Rgb, amount: number): Rgb => from.map((c, i) => c + (to[i]! - c) * amount) as unknown as Rgb

/**
 * `colour` (alpha flattened over the first background) moved toward black or white just enough to
 * reach the target contrast on every background; unchanged (but opaque) when it already does.
 */
export function readableOn(colour: string, backgrounds: readonly string[], towards: 'black' | 'white'): string {
  if (backgrounds.length === 0)
    throw new Error('readableOn needs at least one background')
  const { rgb, alpha } = parseHexColour(colour)
  const opaque = alpha < 1 ? mix(parseHexColour(backgrounds[0]!).rgb, rgb, alpha) : rgb
  const end: Rgb = towards === 'black' ? [0, 0, 0] : [255, 255, 255]
  for (let step = 0; step <= 100; step++) {
    const candidate = toHex(mix(opaque, end, step / 100))
    if (backgrounds.every(background => contrastRatio(candidate, background) >= TARGET_CONTRAST))
      return candidate
  }
  throw new Error(`No shade of ${colour} reaches ${TARGET_CONTRAST}:1 on ${backgrounds.join(', ')}`)
}

/** Theme colours that Monaco draws as text on the editor: the text itself, brackets, line numbers. */
const EDITOR_TEXT_COLOURS = /^editor(?:\.foreground|BracketHighlight\.foreground\d|LineNumber\.(?:active)?[Ff]oreground)$/

export interface TokenColourTheme {
  name: string
  type?: 'light' | 'dark'
  colors?: Record<string, string>
  semanticTokenColors?: Record<string, string | { foreground?: string, [key: string]: unknown }>
  tokenColors?: Array<{ scope?: string | string[], settings: { foreground?: string, [key: string]: unknown } }>
  [key: string]: unknown
}

/** A copy of `theme`, renamed, whose text and token colours all read on `backgrounds`. */
export function readableTheme<T extends TokenColourTheme>(theme: T, name: string, backgrounds: readonly string[]): T {
  const towards = theme.type === 'dark' ? 'white' : 'black'
  const fix = (colour: string | undefined) => colour === undefined ? undefined : readableOn(colour, backgrounds, towards)
  const colors = { ...theme.colors }
  for (const key of Object.keys(colors)) {
    if (EDITOR_TEXT_COLOURS.test(key))
      colors[key] = fix(colors[key])!
  }
  const semantic = Object.fromEntries(Object.entries(theme.semanticTokenColors ?? {}).map(([kind, value]) =>
    [kind, typeof value === 'string' ? fix(value)! : { ...value, foreground: fix(value.foreground) }]))
  return {
    ...theme,
    name,
    colors,
    ...(theme.semanticTokenColors ? { semanticTokenColors: semantic } : {}),
    tokenColors: (theme.tokenColors ?? []).map(rule => rule.settings.foreground === undefined
      ? rule
      : { ...rule, settings: { ...rule.settings, foreground: fix(rule.settings.foreground) } }),
  }
}
