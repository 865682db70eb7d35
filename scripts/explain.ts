import type { CommandExplanation } from '../lib/docker/types'
// Explains docker commands from the terminal.
//
//   npm run --silent explain -- 'docker run -it --rm python:3.12'
//   printf '%s\n' 'docker ps -a' 'docker run nginx -p 80:80' | npm run --silent explain -- --jsonl
import { readFileSync } from 'node:fs'
import { projectAsText } from '../lib/compose/project'
import { formatExplanations } from '../lib/docker/cli-format'
import { explain } from '../lib/docker/index'
import { logicalLines } from '../lib/text/lines'

const USAGE = `Usage:
  explain 'COMMAND'      Explain a command (or several: lines, &&, ;, |) in readable text.
                         Quote it as one argument so your shell leaves it alone; several
                         arguments are joined with spaces.
                         Exit code 1 when docker would refuse any of them.
  explain --jsonl        Read commands from stdin, one per line, and print one JSON object per
                         command, in order. A line ending in \\ continues on the next line.
                         Blank lines and lines holding only a # comment are skipped (they print
                         nothing). A line holding several commands (a && b) prints one object each.
                         Exit code 0 even when commands have errors: each object says "ok".
  explain --compose FILE Read a Compose file and print the docker commands it stands for
                         (exit code 1 when docker compose would refuse it; - reads stdin).
  explain --help         Print this help.

Each JSON object has: input, offset, ok, isDocker, command, summary,
errors [{code,severity,message,start,end,suggestion?}], warnings [{code,severity,message,start,end}],
segments [{kind,start,end,text,explanation,...}], image (the parsed image reference or null), run,
config (every setting of a run/create, typed, or null), compose (YAML text or null).
Offsets count UTF-16 code units from the start of "input".`

function toJson(explanation: CommandExplanation): string {
  return JSON.stringify(explanation)
}

function main(argv: string[]): number {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`)
    return argv.length === 0 ? 1 : 0
  }
  if (argv[0] === '--compose' && argv[1]) {
    const result = projectAsText(readFileSync(argv[1] === '-' ? 0 : argv[1], 'utf8'))
    process.stdout.write(`${result.text}\n`)
    return result.ok ? 0 : 1
  }
  if (argv[0] === '--jsonl') {
    const input = readFileSync(0, 'utf8')
    const out: string[] = []
    for (const { text: line } of logicalLines(input)) {
      if (line.trim() === '')
        continue
      for (const explanation of explain(line)) out.push(toJson(explanation))
    }
    process.stdout.write(out.length ? `${out.join('\n')}\n` : '')
    return 0
  }
  const text = argv.join(' ')
  const explanations = explain(text)
  process.stdout.write(`${formatExplanations(explanations)}\n`)
  return explanations.some(e => !e.ok) ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
