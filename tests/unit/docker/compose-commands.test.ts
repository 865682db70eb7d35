// `docker compose` subcommands as the explainer reads them: every one Compose v2.36 lists is explained, with its
// arguments counted as Compose's own validators count them (cmd/compose/*.go at v2.36.2).
import type { CommandExplanation } from '../../../lib/docker/types'
import { describe, expect, it } from 'vitest'
import { subcommandsOf } from '../../../lib/docker/grammar'
import { explain } from '../../../lib/docker/index'

function one(text: string): CommandExplanation {
  const all = explain(text)
  expect(all).toHaveLength(1)
  return all[0]!
}

/** A command Compose accepts, for each subcommand (the smallest one its validator lets through). */
const ACCEPTED: Record<string, string> = {
  up: 'docker compose up -d',
  down: 'docker compose down -v',
  logs: 'docker compose logs -f web',
  ps: 'docker compose ps -a',
  build: 'docker compose build --no-cache',
  exec: 'docker compose exec web sh',
  run: 'docker compose run --rm web python manage.py migrate',
  pull: 'docker compose pull',
  config: 'docker compose config --services',
  create: 'docker compose create --build',
  start: 'docker compose start',
  stop: 'docker compose stop -t 5 web redis',
  restart: 'docker compose restart --no-deps web',
  kill: 'docker compose kill -s SIGINT web',
  pause: 'docker compose pause web',
  unpause: 'docker compose unpause web',
  rm: 'docker compose rm -fsv',
  top: 'docker compose top',
  images: 'docker compose images -q',
  port: 'docker compose port --protocol udp web 53',
  ls: 'docker compose ls -a',
  events: 'docker compose events --json',
  stats: 'docker compose stats --no-stream web',
  attach: 'docker compose attach --no-stdin web',
  cp: 'docker compose cp web:/app/log.txt .',
  wait: 'docker compose wait --down-project worker',
  watch: 'docker compose watch --no-up',
  scale: 'docker compose scale web=3 worker=2',
  commit: 'docker compose commit -m "checkpoint" web myapp:snapshot',
  export: 'docker compose export -o web.tar web',
  push: 'docker compose push --include-deps',
  publish: 'docker compose publish --resolve-image-digests me/myapp:1.0',
  version: 'docker compose version --short',
}

describe('docker compose subcommands', () => {
  it('has an accepted example for every subcommand in the tables', () => {
    expect(Object.keys(ACCEPTED).sort()).toEqual(subcommandsOf(['compose']).map(command => command.path[1]!).sort())
  })

  it.each(Object.entries(ACCEPTED))('compose %s: accepted and explained part by part', (name, text) => {
    const e = one(text)
    expect(e.errors).toEqual([])
    expect(e.ok).toBe(true)
    expect(e.command).toEqual(['compose', name])
    const command = e.segments.find(s => s.kind === 'command')!
    expect(command.text).toBe(`compose ${name}`)
    expect(command.explanation.length).toBeGreaterThan(40)
    for (const segment of e.segments) {
      expect(segment.kind, segment.text).not.toBe('unknown')
      expect(segment.explanation, segment.text).toBeTruthy()
    }
    // The one-line summary is the first sentence of the explanation, whole (not cut at an abbreviation).
    expect(e.summary).not.toMatch(/\b(?:e\.g|i\.e|etc)\.(?: Here:|$)/)
    expect(e.summary).toMatch(/[.!?]$/)
  })

  it('docker compose stop explains the command, its flag and the services named', () => {
    const e = one('docker compose stop -t 5 web')
    expect(e.summary).toBe('Stops the running containers of the services without removing them: their files stay, and `docker compose start` starts them again. Here: the Compose service `web`.')
    expect(e.segments.map(s => [s.kind, s.text])).toEqual([
      ['program', 'docker'],
      ['command', 'compose stop'],
      ['flag', '-t 5'],
      ['argument', 'web'],
    ])
    expect(e.segments[2]!.explanation).toBe('Seconds to wait for each container to exit before killing it (5).')
  })

  it('the reference\'s own words stay in the help, ours in the explanation', () => {
    const e = one('docker compose rm -f')
    expect(e.segments.find(s => s.text === '-f')?.explanation).toBe('Does not ask for confirmation before deleting.')
    expect(one('docker compose images -q').segments.find(s => s.text === '-q')?.explanation).toBe('Prints only image IDs, one per line; handy for scripts.')
  })

  it.each([
    ['docker compose ls web', 'TOO_MANY_ARGUMENTS', '\'docker compose ls\' accepts no arguments.'],
    ['docker compose version 2', 'TOO_MANY_ARGUMENTS', '\'docker compose version\' accepts no arguments.'],
    ['docker compose stats web redis', 'TOO_MANY_ARGUMENTS', '\'docker compose stats\' accepts at most 1 argument (SERVICE), 2 given.'],
    ['docker compose cp web:/app', 'MISSING_ARGUMENTS', '\'docker compose cp\' requires 2 arguments (SRC_PATH DEST_PATH), 1 given.'],
    ['docker compose wait', 'MISSING_ARGUMENTS', '\'docker compose wait\' requires at least 1 argument (SERVICE), 0 given.'],
    ['docker compose scale', 'MISSING_ARGUMENTS', '\'docker compose scale\' requires at least 1 argument (SERVICE=REPLICAS), 0 given.'],
    ['docker compose port web', 'MISSING_ARGUMENTS', '\'docker compose port\' requires at least 2 arguments (SERVICE PRIVATE_PORT ARG...), 1 given.'],
    ['docker compose commit web a b', 'TOO_MANY_ARGUMENTS', '\'docker compose commit\' accepts at most 2 arguments (SERVICE REPOSITORY[:TAG]), 3 given.'],
    ['docker compose stop --signal KILL', 'UNKNOWN_FLAG', null],
    ['docker compose frobnicate', 'UNKNOWN_COMMAND', null],
  ] as const)('%s is refused (%s)', (text, code, message) => {
    const e = one(text)
    expect(e.ok).toBe(false)
    expect(e.errors[0]?.code).toBe(code)
    if (message)
      expect(e.errors[0]?.message).toBe(message)
  })

  it('compose\'s own options before the subcommand are accepted and explained (-f, --file, -p, --project-name)', () => {
    for (const text of ['docker compose -f other.yaml up -d', 'docker compose --file other.yaml up -d', 'docker compose -p shop up -d', 'docker compose --project-name=shop -f a.yaml ps'])
      expect(one(text), text).toMatchObject({ ok: true, errors: [] })
    const e = one('docker compose -f other.yaml -p shop up -d')
    expect(e.command).toEqual(['compose', 'up'])
    expect(e.segments.map(s => [s.kind, s.text])).toEqual([
      ['program', 'docker'],
      ['command', 'compose'],
      ['flag', '-f other.yaml'],
      ['flag', '-p shop'],
      ['command', 'up'],
      ['flag', '-d'],
    ])
    expect(e.segments[2]!.explanation).toContain('instead of compose.yaml')
    expect(e.segments[3]!.explanation).toContain('Names the project shop')
  })

  it('compose\'s own options after the subcommand are refused, as Compose refuses them', () => {
    expect(one('docker compose up -f other.yaml')).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'UNKNOWN_FLAG' })] })
    expect(one('docker compose -f other.yaml frobnicate')).toMatchObject({ ok: false })
  })

  it('rm\'s hidden --all is still accepted, as Compose does, and said to do nothing', () => {
    const e = one('docker compose rm --all')
    expect(e.ok).toBe(true)
    expect(e.segments.find(s => s.text === '--all')?.explanation).toBe('Has no effect any more.')
  })
})
