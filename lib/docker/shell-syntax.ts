// The shell's own words around docker commands, as beginners copy them from scripts and answers:
// `for c in a b; do docker rm $c; done`, `if …; then …; fi`, `while …; do …; done`. The shell
// splits these at `;` and newlines, so each keyword arrives at the start of a command.

/** Reserved words that may start a command, and what they do there. */
export const SHELL_KEYWORDS: Readonly<Record<string, string>> = {
  'if': 'The shell runs the command that follows as a condition: its exit code decides (0 means true), then `then` or `else` runs.',
  'then': 'Starts what the shell runs when the condition succeeded (exit code 0).',
  'elif': 'Another condition, tried when the ones before it failed.',
  'else': 'Starts what the shell runs when the condition failed.',
  'fi': 'Ends the `if`.',
  'while': 'The shell repeats the loop as long as the command that follows succeeds (exit code 0).',
  'until': 'The shell repeats the loop until the command that follows succeeds (exit code 0).',
  'do': 'Starts the body of the loop: the commands up to `done` run on each turn.',
  'done': 'Ends the loop.',
  '!': 'Inverts the exit code of the command that follows (success becomes failure).',
  '{': 'Groups the commands up to `}`.',
  '}': 'Ends the group started by `{`.',
}

/** `for NAME in WORDS`: the header of a loop whose body (between `do` and `done`) runs once per word. */
export function isLoopHeader(words: readonly { value: string }[]): boolean {
  return words[0]?.value === 'for' && /^[A-Z_]\w*$/i.test(words[1]?.value ?? '') && (words.length === 2 || words[2]?.value === 'in')
}
