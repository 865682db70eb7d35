import type { TokenColourTheme } from './code-contrast'
import vitesseDark from '@shikijs/themes/vitesse-dark'
import vitesseLight from '@shikijs/themes/vitesse-light'
import { defineShikiSetup } from '@slidev/types'
import { readableTheme } from './code-contrast'

// Slidev's own code themes (vitesse), with every token colour brought to 4.5:1 on the backgrounds code
// is shown on: Slidev's code blocks (--slidev-code-background), Monaco (the theme's editor background)
// and the slide itself. Monaco's editors take the same themes.
export const CODE_BACKGROUNDS = {
  light: ['#f5f5f5', '#ffffff'],
  dark: ['#1b1b1b', '#121212'],
} as const

export const CODE_THEMES = {
  light: readableTheme(vitesseLight as unknown as TokenColourTheme, 'deck-light', CODE_BACKGROUNDS.light),
  dark: readableTheme(vitesseDark as unknown as TokenColourTheme, 'deck-dark', CODE_BACKGROUNDS.dark),
}

export default defineShikiSetup(() => ({
  themes: CODE_THEMES as never,
}))
