// Console output the deck tests accept. Everything else of type error or warning fails the slide it
// appeared on. Each entry needs the exact pattern and the reason it cannot be avoided; keep it empty
// if at all possible. Matching is against the message text as Chromium reports it.

export interface AllowedConsoleMessage {
  pattern: RegExp
  reason: string
}

export const ALLOWED_CONSOLE_MESSAGES: readonly AllowedConsoleMessage[] = [
  {
    pattern: /^Time limit reached when tokenizing line: /,
    reason: 'Slidev colours its Monaco editors with @shikijs/monaco and calls shikiToMonaco() without options '
      + '(@slidev/client setup/monaco.ts), so a line that takes Shiki more than its fixed 500 ms to tokenize '
      + '(the first line of a grammar on a busy machine) logs this warning. The deck cannot pass a longer limit.',
  },
]

export function isAllowedConsoleMessage(text: string): boolean {
  return ALLOWED_CONSOLE_MESSAGES.some(entry => entry.pattern.test(text))
}
