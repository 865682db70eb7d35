// The simulated Docker host in the terminal.
//
//   npm run --silent sim -- --jsonl < commands.txt   one command a line → one JSON object a line
//   npm run sim                                      an interactive prompt (Ctrl-C, Ctrl-D, exit)
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { Simulator } from '../lib/docker-sim/simulator'

const USAGE = `Usage:
  sim --jsonl   Read command lines from stdin (docker and host-shell commands), run each against one
                fresh simulated host with no image pulled, and print one JSON object a line:
                {"command","stdout","stderr","exit"} (and "note" when the simulator had to end a
                command that would run on, such as docker logs -f). Blank lines and # comments are
                skipped. Each line runs as typed at a terminal with no further input (Ctrl-D).
  sim           An interactive prompt on the simulated host. Ctrl-C interrupts, Ctrl-D ends input
                (and the session at an empty prompt); "exit" quits.
  sim --help    Print this help.`

async function jsonl(): Promise<number> {
  const simulator = new Simulator()
  const input = readFileSync(0, 'utf8')
  for (const line of input.split('\n')) {
    const text = line.trim()
    if (text === '' || text.startsWith('#'))
      continue
    const result = await simulator.run(text)
    process.stdout.write(`${JSON.stringify(result)}\n`)
  }
  return 0
}

async function interactive(): Promise<number> {
  const simulator = new Simulator()
  const reader = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true, prompt: '' })
  let closed = false
  const session = simulator.openSession({
    time: 'real',
    onOutput: text => process.stdout.write(text),
    onExit: () => reader.close(),
  })
  process.stdout.write(session.prompt())
  reader.on('line', (line) => {
    if (closed)
      return
    if (!session.busy && line.trim() === 'exit') {
      session.close()
      reader.close()
      return
    }
    if (!session.busy && line.trim() === '') {
      process.stdout.write(session.prompt())
      return
    }
    session.submit(line)
  })
  reader.on('SIGINT', () => {
    if (session.busy)
      session.interrupt()
    else
      process.stdout.write(`^C\n${session.prompt()}`)
  })
  await new Promise<void>(resolve => reader.on('close', () => {
    closed = true
    // End of input (Ctrl-D, or the end of piped lines): let the running command and typed-ahead lines finish.
    const wait = (): void => {
      if (session.busy) {
        setTimeout(wait, 20)
        return
      }
      session.close()
      resolve()
    }
    wait()
  }))
  process.stdout.write('\n')
  return 0
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (argv[0] === '--jsonl')
    return jsonl()
  if (argv.length > 0) {
    process.stderr.write(`sim: unknown option ${argv[0]}\n${USAGE}\n`)
    return 2
  }
  return interactive()
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
  // Timers of programs still running in the simulated host must not keep Node alive.
  process.exit(code)
}, (failure: unknown) => {
  process.stderr.write(`sim: ${failure instanceof Error ? failure.stack ?? failure.message : String(failure)}\n`)
  process.exit(1)
})
