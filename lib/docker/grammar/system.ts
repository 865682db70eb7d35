// The Docker installation as a whole: `docker system …` (`docker info`, `docker events`).
// Names, summaries, flags, shorthands, types and help texts come from docker 28's `--help`
// (transcribed.json, written by scripts/capture-docker-grammar.ts); argument counts as the
// client enforces them, the explanations and value checks, are ours.
import type { CommandSpec } from '../types'

import { fromHelp } from './transcription'

export const SYSTEM_COMMANDS: readonly CommandSpec[] = [
  fromHelp({
    path: ['system'],
    group: true,
    explain: 'Commands about the Docker installation as a whole: disk use, information, events, clean-up.',
    args: [],
  }),
  fromHelp({
    path: ['system', 'df'],
    explain: 'Shows how much disk space images, containers, volumes and the build cache take, and how much could be reclaimed.',
    args: [],
  }),
  fromHelp({
    path: ['system', 'events'],
    explain: 'Streams what happens on the Docker engine as it happens (containers created, started, dying, images pulled…).',
    args: [],
  }),
  fromHelp({
    path: ['system', 'info'],
    explain: 'Prints a summary of the Docker engine: number of containers and images, storage driver, OS, CPUs, memory, and more.',
    args: [],
  }),
  fromHelp({
    path: ['system', 'prune'],
    explain: 'Big clean-up: removes all stopped containers, unused networks, dangling images and the build cache (with --volumes also unused anonymous volumes, with -a every unused image). Asks for confirmation unless -f is given.',
    args: [],
    flagOverlays: {
      all: { explain: 'Also removes every image no container uses, not only dangling ones; you will have to download or rebuild them.' },
      filter: { explain: 'Prunes only objects matching {value} (e.g. until=24h, label=…).' },
      volumes: { explain: 'Also deletes anonymous volumes no container uses, with their data.' },
    },
  }),
]
