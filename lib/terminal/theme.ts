// xterm.js takes concrete colours: the terminal's are read from the deck's palette (styles/palette.css),
// so light and dark mode and every concept's colour stay decided in one place.
import type { ITheme } from '@xterm/xterm'

/** `read('--deck-text')` answers a custom property's value where the terminal sits. */
export function terminalTheme(read: (property: string) => string): ITheme {
  const colour = (property: string, fallback: string) => read(property) || fallback
  const background = colour('--deck-code-page', '#f6f7f9')
  const foreground = colour('--deck-text', '#1f2937')
  return {
    background,
    foreground,
    cursor: foreground,
    cursorAccent: background,
    selectionBackground: colour('--deck-image-fill', '#e6f0fd'),
    selectionForeground: colour('--deck-image-ink', '#1552b8'),
    red: colour('--deck-error-ink', '#b91c1c'),
    green: colour('--deck-container-ink', '#0b6647'),
    yellow: colour('--deck-warning-ink', '#854d0e'),
    blue: colour('--deck-image-ink', '#1552b8'),
    magenta: colour('--deck-env-ink', '#86198f'),
    cyan: colour('--deck-port-ink', '#155e75'),
  }
}
