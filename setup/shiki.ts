import { defineShikiSetup } from '@slidev/types'

// Grammars the live editors need, besides Slidev's defaults. In the browser they load only with
// Monaco (each grammar is its own lazy chunk); static code blocks are highlighted at build time.
export const EDITOR_LANGUAGES = ['python', 'docker', 'dockerfile', 'yaml', 'shellscript', 'bash', 'sh'] as const

export default defineShikiSetup(() => ({
  themes: {
    dark: 'vitesse-dark',
    light: 'vitesse-light',
  },
  langs: [...EDITOR_LANGUAGES],
}))
