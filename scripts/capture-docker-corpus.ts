// Records what the real docker client says about each command of
// tests/fixtures/docker-corpus/commands.txt into tests/fixtures/docker-corpus/corpus.jsonl.
//
//   npx tsx scripts/capture-docker-corpus.ts
//
// Each command is split into words by the engine's own shell tokenizer and given to the client
// directly (no shell expands anything), with a daemon address that does not exist: a command the
// client accepts ends with "Cannot connect to the Docker daemon"; one it refuses prints its error
// first. The client runs on a pseudo-terminal (`script`), because `-it` is refused on a pipe.
// Config and working directories are throw-away, so nothing on the machine changes.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { splitCommands } from '../lib/docker/tokenize'

const DIR = resolve(import.meta.dirname ?? '.', '../tests/fixtures/docker-corpus')
const sandbox = mkdtempSync(join(tmpdir(), 'docker-corpus-'))
mkdirSync(join(sandbox, 'work'))
// Files the deck's commands name (`docker cp hello.py …`, `docker build .`): without them the client
// would stop at a missing local file, which says nothing about the command itself.
for (const [name, content] of [
  ['Dockerfile', 'FROM python:3.12\n'],
  ['Dockerfile.dev', 'FROM python:3.12\n'],
  ['hello.py', 'print("hello")\n'],
  ['requirements.txt', 'flask\n'],
  ['img.tar', ''],
])
  writeFileSync(join(sandbox, 'work', name!), content!)
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  DOCKER_HOST: 'unix:///nonexistent',
  DOCKER_CONFIG: join(sandbox, 'config'),
  HOME: sandbox,
  TERM: 'dumb',
}

export interface CorpusLine {
  input: string
  /** false: not a docker command, the client was not asked. */
  docker: boolean
  /** Whether the client accepted the command (tried to reach the daemon, or printed help/version). */
  accepted: boolean
  /** The client's first line of output. */
  message: string
  exitCode: number | null
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** Reads commands.txt: `#` comments and blank lines skipped, a trailing backslash continues a line. */
export function readCommandList(text: string): string[] {
  const commands: string[] = []
  let pending = ''
  for (const line of text.split('\n')) {
    if (!pending && (line.trim() === '' || line.trimStart().startsWith('#')))
      continue
    if (line.endsWith('\\')) {
      pending += `${line}\n`
      continue
    }
    commands.push(pending + line)
    pending = ''
  }
  if (pending)
    commands.push(pending.replace(/\\\n$/, ''))
  return commands
}

function runClient(args: string[]): { output: string, exitCode: number | null } {
  // `script` needs one command string; every word is single-quoted, so its shell changes nothing.
  const command = ['docker', ...args].map(shellQuote).join(' ')
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    env,
    cwd: join(sandbox, 'work'),
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return { output: `${result.stdout}${result.stderr}`.replace(/\r/g, ''), exitCode: result.status }
}

/** The notice the client prints before every `docker build` when buildx is absent; not an answer. */
function withoutBuilderNotice(output: string): string {
  return output.replace(/^DEPRECATED: The legacy builder is deprecated[^\n]*\n([ \t]+\S[^\n]*\n)*/m, '')
}

function classify(output: string, exitCode: number | null): { accepted: boolean, message: string } {
  const lines = withoutBuilderNotice(output).split('\n').map(l => l.trim()).filter(Boolean)
  // "unknown server OS": the client asked the daemon for its OS (to check --device) and got no answer.
  const daemon = lines.find(l => l.includes('Cannot connect to the Docker daemon') || /unknown server OS/.test(l))
  if (daemon)
    return { accepted: true, message: daemon }
  const first = lines[0] ?? ''
  // Help and version print and exit 0 without a daemon.
  if (exitCode === 0)
    return { accepted: true, message: first }
  return { accepted: false, message: first }
}

function main(): void {
  const list = readCommandList(readFileSync(join(DIR, 'commands.txt'), 'utf8'))
  const out: CorpusLine[] = []
  for (const input of list) {
    const commands = splitCommands(input)
    const words = commands[0]?.words.map(w => w.value) ?? []
    if (commands.length !== 1 || words[0] !== 'docker') {
      // Several commands, or not docker: recorded per docker command only when there is exactly one.
      if (commands.length !== 1) {
        for (const command of commands) {
          const inner = command.words.map(w => w.value)
          if (inner[0] !== 'docker')
            continue
          const { output, exitCode } = runClient(inner.slice(1))
          out.push({ input: command.text, docker: true, ...classify(output, exitCode), exitCode })
        }
        continue
      }
      out.push({ input, docker: false, accepted: true, message: '', exitCode: null })
      continue
    }
    const { output, exitCode } = runClient(words.slice(1))
    out.push({ input, docker: true, ...classify(output, exitCode), exitCode })
  }
  writeFileSync(join(DIR, 'corpus.jsonl'), `${out.map(line => JSON.stringify(line)).join('\n')}\n`)
  const refused = out.filter(l => !l.accepted).length
  console.log(`${out.length} commands recorded (${refused} refused) in tests/fixtures/docker-corpus/corpus.jsonl`)
}

try {
  main()
}
finally {
  rmSync(sandbox, { recursive: true, force: true })
}
