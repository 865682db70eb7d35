// Measures how long the simulated Docker host takes per command, outside Python (issue 12: at most
// 20 ms a command). Each row runs a scenario many times on fresh hosts and reports the mean per command.
//
//   npx tsx scripts/bench-sim.ts
import { pathToFileURL } from 'node:url'
import { Simulator } from '../lib/docker-sim/simulator'

export interface SimBenchRow {
  name: string
  /** Mean wall-clock milliseconds per command line. */
  msPerCommand: number
  /** The budget: 20 ms a command outside Python. */
  budgetMs: number
  withinBudget: boolean
}

const BUDGET_MS = 20

const SCENARIOS: { name: string, lines: string[] }[] = [
  {
    name: 'sim: pull, run -d, ps, logs, stop (10 s simulated), rm',
    lines: [
      'docker pull python:3.12',
      'docker run -d --name pinger python:3.12 bash -c "while true; do date; sleep 1; done"',
      'docker ps',
      'docker logs --tail 3 pinger',
      'docker stop pinger',
      'docker ps -a',
      'docker rm pinger',
    ],
  },
  {
    name: 'sim: volumes, ports, networks, inspect, images',
    lines: [
      'docker volume create data',
      'docker run --rm -v data:/data busybox sh -c "echo kept > /data/f"',
      'docker run --rm -v data:/data busybox cat /data/f',
      'docker network create net',
      'docker run -d --network net -p 8080:80 --name web busybox sleep 1000',
      'docker port web',
      'docker inspect web',
      'docker images',
      'docker rm -f web',
      'docker system df',
    ],
  },
  {
    name: 'sim: errors (conflicts, missing containers, refused flags)',
    lines: [
      'docker run -d --name twice busybox sleep 100',
      'docker run -d --name twice busybox sleep 100',
      'docker rm twice',
      'docker stop nosuch',
      'docker run --foo busybox',
      'docker network create net',
      'docker network create net',
    ],
  },
]

async function measure(name: string, lines: string[], minimumMs: number): Promise<SimBenchRow> {
  // Warm-up: module loading and the first host.
  const warm = new Simulator()
  for (const line of lines)
    await warm.run(line)
  let commands = 0
  const start = performance.now()
  while (performance.now() - start < minimumMs) {
    const sim = new Simulator()
    for (const line of lines) {
      await sim.run(line)
      commands++
    }
  }
  const msPerCommand = (performance.now() - start) / commands
  return { name, msPerCommand: Math.round(msPerCommand * 100) / 100, budgetMs: BUDGET_MS, withinBudget: msPerCommand <= BUDGET_MS }
}

export async function runSimBench(minimumMs = 1500): Promise<SimBenchRow[]> {
  const rows: SimBenchRow[] = []
  for (const scenario of SCENARIOS)
    rows.push(await measure(scenario.name, scenario.lines, minimumMs))
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runSimBench().then((rows) => {
    for (const row of rows)
      console.log(`${row.name}: ${row.msPerCommand} ms a command (budget ${row.budgetMs} ms) ${row.withinBudget ? 'ok' : 'OVER BUDGET'}`)
    process.exit(rows.every(row => row.withinBudget) ? 0 : 1)
  }, (failure: unknown) => {
    console.error(failure)
    process.exit(1)
  })
}
