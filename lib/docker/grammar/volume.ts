// Volumes: `docker volume …`.
// Names, summaries, flags, shorthands, types and help texts come from docker 28's `--help`
// (transcribed.json, written by scripts/capture-docker-grammar.ts); argument counts as the
// client enforces them, the explanations and value checks, are ours.
import type { CommandSpec } from '../types'

import { fromHelp } from './transcription'

export const VOLUME_COMMANDS: readonly CommandSpec[] = [
  fromHelp({
    path: ['volume'],
    group: true,
    explain: 'Everything about volumes: storage managed by Docker that outlives containers, for databases and other data you want to keep.',
    args: [],
  }),
  fromHelp({
    path: ['volume', 'create'],
    explain: 'Creates a named volume (Docker picks a random name if you give none). `docker run -v NAME:/path` would also create it on first use.',
    args: [{ name: 'VOLUME', kind: 'volume', min: 0, max: 1 }],
    flagOverlays: {
      'availability': { explain: 'Cluster volumes only: whether the volume may be scheduled (active, pause, drain).' },
      'driver': { explain: 'Volume driver that stores the data ({value}; default local, a folder on the host).' },
      'group': { explain: 'Cluster volumes only: a group name shared by several volumes.' },
      'label': { explain: 'Attaches a key=value label to the volume.' },
      'limit-bytes': { explain: 'Cluster volumes only: the largest size the volume may have.' },
      'opt': { explain: 'Passes an option to the volume driver (e.g. type=nfs, device=…), written key=value.' },
      'required-bytes': { explain: 'Cluster volumes only: the size the volume must at least have.' },
      'scope': { explain: 'Cluster volumes only: used by one node (single) or several (multi).' },
      'secret': { explain: 'Cluster volumes only: a secret handed to the storage driver (key=secret).' },
      'sharing': { explain: 'Cluster volumes only: how the volume may be shared (none, readonly, onewriter, all).' },
      'topology-preferred': { explain: 'Cluster volumes only: where the volume should preferably be placed.' },
      'topology-required': { explain: 'Cluster volumes only: where the volume must be reachable from.' },
      'type': { explain: 'Cluster volumes only: mounted as a filesystem (mount) or as a raw device (block).' },
    },
    unlistedFlags: [{ long: 'name', type: 'string', help: 'Specify volume name', hidden: true, explain: 'Old way to give the volume\'s name; the name is now an argument.' }],
  }),
  fromHelp({
    path: ['volume', 'inspect'],
    explain: 'Prints the details of volumes (driver, where the data lives on the host, labels) as JSON.',
    args: [{ name: 'VOLUME', kind: 'volume', min: 1, max: null }],
    flagOverlays: {
      format: { explain: 'Chooses the output: JSON (default) or a Go template such as \'{{.Mountpoint}}\'.' },
    },
  }),
  fromHelp({
    path: ['volume', 'ls'],
    lists: { what: 'the volumes', ids: 'names' },
    explain: 'Lists the volumes Docker manages on this machine, with their driver and name.',
    args: [],
    flagOverlays: {
      cluster: { explain: 'Shows only cluster (Swarm) volumes.' },
      quiet: { explain: 'Prints only the volume names.' },
    },
  }),
  fromHelp({
    path: ['volume', 'prune'],
    explain: 'Removes unused volumes: by default only anonymous ones, with -a every volume no container uses. The data in them is lost.',
    args: [],
    flagOverlays: {
      all: { explain: 'Also removes unused named volumes, not only anonymous ones. Their data is lost.' },
    },
  }),
  fromHelp({
    path: ['volume', 'rm'],
    explain: 'Deletes volumes and the data in them. A volume used by a container cannot be removed.',
    args: [{ name: 'VOLUME', kind: 'volume', min: 1, max: null }],
    flagOverlays: {
      force: { explain: 'Does not fail when a volume does not exist.' },
    },
  }),
  fromHelp({
    path: ['volume', 'update'],
    explain: 'Changes a cluster volume\'s availability (Swarm cluster volumes only).',
    args: [{ name: 'VOLUME', kind: 'volume', min: 1, max: 1 }],
  }),
]
