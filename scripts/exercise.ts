// The deck's exercises from the terminal: list them, or check an attempt read from stdin.
//
//   npm run --silent exercise -- --list
//   printf '%s\n' 'docker pull python:3.5' 'docker rmi python:3.5' | npm run --silent exercise -- check pull-list-remove
import type { Attempt } from '../lib/exercises/replay'
import { readFileSync } from 'node:fs'
import { exerciseById, EXERCISES } from '../lib/exercises/index'
import { replay } from '../lib/exercises/replay'

const USAGE = `Usage:
  exercise --list       Print each exercise's id and title, one a line (id, a tab, the title).
  exercise check ID     Read commands from stdin, one a line, run them on a fresh simulated machine
                        in the exercise's starting state, and print {"id","passed","hints":[…]}.
                        A line "--- Dockerfile" starts the editor's Dockerfile: its lines follow,
                        up to a line "---". Blank lines and # comments are skipped.
                        Exit code 0 when the exercise passed, 1 when not, 2 on a bad input.
  exercise --help       Print this help.`

/** Splits stdin into the commands and the Dockerfile block; an unclosed block is an error. */
export function parseAttempt(text: string): Attempt {
  const commands: string[] = []
  let dockerfile: string[] | null = null
  let inBlock = false
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (inBlock) {
      if (line.trim() === '---')
        inBlock = false
      else
        dockerfile!.push(line)
      return
    }
    if (line.trim() === '--- Dockerfile') {
      if (dockerfile !== null)
        throw new Error(`line ${index + 1}: a second "--- Dockerfile" block (only one Dockerfile is given)`)
      dockerfile = []
      inBlock = true
      return
    }
    const command = line.trim()
    if (command !== '' && !command.startsWith('#'))
      commands.push(command)
  })
  if (inBlock)
    throw new Error('the "--- Dockerfile" block has no closing "---" line')
  return dockerfile === null ? { commands } : { commands, dockerfile: `${(dockerfile as string[]).join('\n')}\n` }
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (argv[0] === '--list' && argv.length === 1) {
    for (const exercise of EXERCISES)
      process.stdout.write(`${exercise.id}\t${exercise.title}\n`)
    return 0
  }
  if (argv[0] === 'check' && argv.length === 2) {
    const exercise = exerciseById(argv[1]!)
    if (!exercise) {
      process.stderr.write(`exercise: no exercise "${argv[1]}" (npm run --silent exercise -- --list lists them)\n`)
      return 2
    }
    let attempt: Attempt
    try {
      attempt = parseAttempt(readFileSync(0, 'utf8'))
    }
    catch (failure) {
      process.stderr.write(`exercise: stdin: ${(failure as Error).message}\n`)
      return 2
    }
    if (attempt.dockerfile !== undefined && !exercise.dockerfilePath) {
      process.stderr.write(`exercise: ${exercise.id} has no Dockerfile editor, but stdin gives a "--- Dockerfile" block\n`)
      return 2
    }
    const result = await replay(exercise, attempt)
    process.stdout.write(`${JSON.stringify({ id: result.id, passed: result.passed, hints: result.hints })}\n`)
    return result.passed ? 0 : 1
  }
  process.stderr.write(`${USAGE}\n`)
  return 2
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(code => process.exit(code), (failure) => {
    process.stderr.write(`exercise: ${failure instanceof Error ? failure.message : String(failure)}\n`)
    process.exit(2)
  })
}
