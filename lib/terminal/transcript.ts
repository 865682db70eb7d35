// What a slide's terminal prints on paper: its commands run one after another on a fresh simulated
// machine (the same seed every time, so the PDF never changes between builds), each after its prompt.
import { Simulator } from '../docker-sim/simulator'

/** A command's output longer than this is cut in the middle with a note, so one pull cannot fill a page. */
const MAX_LINES_PER_COMMAND = 12
/** What is kept of a long output: its first lines (what started) and its last (how it ended: the point). */
const HEAD_LINES = 2

export async function transcriptOf(commands: readonly string[]): Promise<string> {
  const simulator = new Simulator()
  const pieces: string[] = []
  for (const command of commands) {
    const prompt = simulator.machine.prompt()
    const result = await simulator.run(command, { mergeStreams: true })
    const lines = result.stdout.replace(/\n$/, '').split('\n').filter((line, i, all) => line !== '' || i < all.length - 1)
    const tail = MAX_LINES_PER_COMMAND - HEAD_LINES - 1
    const shown = lines.length > MAX_LINES_PER_COMMAND
      ? [...lines.slice(0, HEAD_LINES), `… (${lines.length - HEAD_LINES - tail} lines)`, ...lines.slice(-tail)]
      : lines
    pieces.push([`${prompt}${command}`, ...shown].filter(line => line !== '').join('\n'))
  }
  return pieces.join('\n')
}
