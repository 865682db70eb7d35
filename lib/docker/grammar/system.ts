// The Docker installation as a whole: `docker system …` (`docker info`, `docker events`).
// Flags, shorthands and types as docker 28's client prints them in `--help` (checked against
// tests/fixtures/docker-help by tests/unit/docker/grammar-fixture.test.ts); argument counts as
// the client enforces them; `explain` is ours.
import type { CommandSpec } from '../types'
import { FILTER_FLAG, FORCE_NO_PROMPT_FLAG, FORMAT_JSON_FLAG, FORMAT_TABLE_FLAG } from './common-flags'

export const SYSTEM_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['system'],
    aliases: [],
    summary: 'Manage Docker',
    explain: 'Commands about the Docker installation as a whole: disk use, information, events, clean-up.',
    group: true,
    args: [],
    flags: [],
  },
  {
    path: ['system', 'df'],
    aliases: [],
    summary: 'Show docker disk usage',
    explain: 'Shows how much disk space images, containers, volumes and the build cache take, and how much could be reclaimed.',
    args: [],
    flags: [
      FORMAT_TABLE_FLAG,
      { long: 'verbose', short: 'v', type: 'bool', help: 'Show detailed information on space usage' },
    ],
  },
  {
    path: ['system', 'events'],
    aliases: [['events']],
    summary: 'Get real time events from the server',
    explain: 'Streams what happens on the Docker engine as it happens (containers created, started, dying, images pulled…).',
    args: [],
    flags: [
      FILTER_FLAG,
      { long: 'format', type: 'string', help: 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates', explain: 'Chooses how the output is printed: `table`, `json`, or a Go template such as \'{{.Name}}\'.' },
      { long: 'since', type: 'string', help: 'Show all events created since timestamp' },
      { long: 'until', type: 'string', help: 'Stream events until this timestamp' },
    ],
  },
  {
    path: ['system', 'info'],
    aliases: [['info']],
    summary: 'Display system-wide information',
    explain: 'Prints a summary of the Docker engine: number of containers and images, storage driver, OS, CPUs, memory, and more.',
    args: [],
    flags: [
      FORMAT_JSON_FLAG,
    ],
  },
  {
    path: ['system', 'prune'],
    aliases: [],
    summary: 'Remove unused data',
    explain: 'Big clean-up: removes all stopped containers, unused networks, dangling images and the build cache (with --volumes also unused anonymous volumes, with -a every unused image). Asks for confirmation unless -f is given.',
    args: [],
    flags: [
      { long: 'all', short: 'a', type: 'bool', help: 'Remove all unused images not just dangling ones', explain: 'Also removes every image no container uses, not only dangling ones; you will have to download or rebuild them.' },
      { long: 'filter', type: 'filter', help: 'Provide filter values (e.g. "label=<key>=<value>")', explain: 'Prunes only objects matching {value} (e.g. until=24h, label=…).' },
      FORCE_NO_PROMPT_FLAG,
      { long: 'volumes', type: 'bool', help: 'Prune anonymous volumes', explain: 'Also deletes anonymous volumes no container uses, with their data.' },
    ],
  },
]
