// What a slide's terminal prints on paper: its commands run one after another on a fresh simulated
// machine (the same seed every time, so the PDF never changes between builds), each after its prompt.
import { Simulator } from '../docker-sim/simulator'

/**
 * A command's output longer than this is cut in the middle with a note, so one pull cannot fill a page and
 * a slide's five or six commands fit on its page.
 */
const MAX_LINES_PER_COMMAND = 8
/** What is kept of a long output: its first lines (what started) and its last (how it ended: the point). */
const HEAD_LINES = 2

/** A command that hands the terminal to a program in a container (`-it`): the lines typed after it are that program's input. */
const TAKES_THE_TERMINAL = /^\s*docker\s+(?:container\s+)?(?:run|exec|attach)\b(?=.*\s-[a-hj-z]*i[a-z]*t|.*\s-[a-su-z]*t[a-z]*i|.*\s-i\s.*\s-t\b)/

export interface TypedCommand {
  text: string
  /** Which terminal window it is typed in (1 when there is one). */
  window?: number
}

/**
 * Each window's lines in order; a line typed while a program in a container has that window's terminal
 * (after `docker run -it …`, up to the next docker command) is typed into that program, as on screen.
 */
export async function transcriptOf(commands: readonly (string | TypedCommand)[]): Promise<string> {
  const typed = commands.map(command => typeof command === 'string' ? { text: command, window: 1 } : { text: command.text, window: command.window ?? 1 })
  const simulator = new Simulator()
  const pieces: string[] = []
  for (let i = 0; i < typed.length; i++) {
    const command = typed[i]!.text
    const input: string[] = []
    if (TAKES_THE_TERMINAL.test(command)) {
      for (let j = i + 1; j < typed.length && typed[j]!.window === typed[i]!.window && !/^\s*docker\s/.test(typed[j]!.text); j++)
        input.push(typed[j]!.text)
      // The lines given as input are shown where the program echoed them, not again at the prompt.
      typed.splice(i + 1, input.length)
    }
    const prompt = simulator.machine.prompt()
    const result = await simulator.run(command, { mergeStreams: true, input })
    const lines = result.stdout.replace(/\r/g, '').replace(/\n$/, '').split('\n').filter((line, n, all) => line !== '' || n < all.length - 1)
    const tail = MAX_LINES_PER_COMMAND - HEAD_LINES - 1
    const shown = lines.length > MAX_LINES_PER_COMMAND
      ? [...lines.slice(0, HEAD_LINES), `… (${lines.length - HEAD_LINES - tail} lines)`, ...lines.slice(-tail)]
      : lines
    pieces.push([`${prompt}${command}`, ...shown].filter(line => line !== '').join('\n'))
  }
  return pieces.join('\n')
}
