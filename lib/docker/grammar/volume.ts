// Volumes: `docker volume …`.
// Flags, shorthands and types as docker 28's client prints them in `--help` (checked against
// tests/fixtures/docker-help by tests/unit/docker/grammar-fixture.test.ts); argument counts as
// the client enforces them; `explain` is ours.
import type { CommandSpec } from '../types'
import { FORCE_NO_PROMPT_FLAG, FORMAT_TABLE_FLAG } from './common-flags'

export const VOLUME_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['volume'],
    aliases: [],
    summary: 'Manage volumes',
    explain: 'Everything about volumes: storage managed by Docker that outlives containers, for databases and other data you want to keep.',
    group: true,
    args: [],
    flags: [],
  },
  {
    path: ['volume', 'create'],
    aliases: [],
    summary: 'Create a volume',
    explain: 'Creates a named volume (Docker picks a random name if you give none). `docker run -v NAME:/path` would also create it on first use.',
    args: [{ name: 'VOLUME', kind: 'volume', min: 0, max: 1 }],
    flags: [
      { long: 'availability', type: 'string', help: 'Cluster Volume availability ("active", "pause", "drain") (default "active")', explain: 'Cluster volumes only: whether the volume may be scheduled (active, pause, drain).' },
      { long: 'driver', short: 'd', type: 'string', help: 'Specify volume driver name (default "local")', explain: 'Volume driver that stores the data ({value}; default local, a folder on the host).' },
      { long: 'group', type: 'string', help: 'Cluster Volume group (cluster volumes)', explain: 'Cluster volumes only: a group name shared by several volumes.' },
      { long: 'label', type: 'list', help: 'Set metadata for a volume', explain: 'Attaches a key=value label to the volume.' },
      { long: 'limit-bytes', type: 'bytes', help: 'Minimum size of the Cluster Volume in bytes', explain: 'Cluster volumes only: the largest size the volume may have.' },
      { long: 'opt', short: 'o', type: 'map', help: 'Set driver specific options (default map[])', explain: 'Passes an option to the volume driver (e.g. type=nfs, device=…), written key=value.' },
      { long: 'required-bytes', type: 'bytes', help: 'Maximum size of the Cluster Volume in bytes', explain: 'Cluster volumes only: the size the volume must at least have.' },
      { long: 'scope', type: 'string', help: 'Cluster Volume access scope ("single", "multi") (default "single")', explain: 'Cluster volumes only: used by one node (single) or several (multi).' },
      { long: 'secret', type: 'map', help: 'Cluster Volume secrets (default map[])', explain: 'Cluster volumes only: a secret handed to the storage driver (key=secret).' },
      { long: 'sharing', type: 'string', help: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all") (default "none")', explain: 'Cluster volumes only: how the volume may be shared (none, readonly, onewriter, all).' },
      { long: 'topology-preferred', type: 'list', help: 'A topology that the Cluster Volume would be preferred in', explain: 'Cluster volumes only: where the volume should preferably be placed.' },
      { long: 'topology-required', type: 'list', help: 'A topology that the Cluster Volume must be accessible from', explain: 'Cluster volumes only: where the volume must be reachable from.' },
      { long: 'type', type: 'string', help: 'Cluster Volume access type ("mount", "block") (default "block")', explain: 'Cluster volumes only: mounted as a filesystem (mount) or as a raw device (block).' },
      { long: 'name', type: 'string', help: 'Specify volume name', hidden: true, explain: 'Old way to give the volume\'s name; the name is now an argument.' },
    ],
  },
  {
    path: ['volume', 'inspect'],
    aliases: [],
    summary: 'Display detailed information on one or more volumes',
    explain: 'Prints the details of volumes (driver, where the data lives on the host, labels) as JSON.',
    args: [{ name: 'VOLUME', kind: 'volume', min: 1, max: null }],
    flags: [
      { long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template: \'json\':             Print in JSON format \'TEMPLATE\':         Print output using the given Go template. Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates', explain: 'Chooses the output: JSON (default) or a Go template such as \'{{.Mountpoint}}\'.' },
    ],
  },
  {
    path: ['volume', 'ls'],
    lists: { what: 'the volumes', ids: 'names' },
    aliases: [['volume', 'list']],
    summary: 'List volumes',
    explain: 'Lists the volumes Docker manages on this machine, with their driver and name.',
    args: [],
    flags: [
      { long: 'cluster', type: 'bool', help: 'Display only cluster volumes, and use cluster volume list formatting', explain: 'Shows only cluster (Swarm) volumes.' },
      { long: 'filter', short: 'f', type: 'filter', help: 'Provide filter values (e.g. "dangling=true")', explain: 'Shows only the items matching a condition written key=value (here: {value}).' },
      FORMAT_TABLE_FLAG,
      { long: 'quiet', short: 'q', type: 'bool', help: 'Only display volume names', explain: 'Prints only the volume names.' },
    ],
  },
  {
    path: ['volume', 'prune'],
    aliases: [],
    summary: 'Remove unused local volumes',
    explain: 'Removes unused volumes: by default only anonymous ones, with -a every volume no container uses. The data in them is lost.',
    args: [],
    flags: [
      { long: 'all', short: 'a', type: 'bool', help: 'Remove all unused volumes, not just anonymous ones', explain: 'Also removes unused named volumes, not only anonymous ones. Their data is lost.' },
      { long: 'filter', type: 'filter', help: 'Provide filter values (e.g. "label=<label>")', explain: 'Shows only the items matching a condition written key=value (here: {value}).' },
      FORCE_NO_PROMPT_FLAG,
    ],
  },
  {
    path: ['volume', 'rm'],
    aliases: [['volume', 'remove']],
    summary: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
    explain: 'Deletes volumes and the data in them. A volume used by a container cannot be removed.',
    args: [{ name: 'VOLUME', kind: 'volume', min: 1, max: null }],
    flags: [
      { long: 'force', short: 'f', type: 'bool', help: 'Force the removal of one or more volumes', explain: 'Does not fail when a volume does not exist.' },
    ],
  },
  {
    path: ['volume', 'update'],
    aliases: [],
    summary: 'Update a volume (cluster volumes only)',
    explain: 'Changes a cluster volume\'s availability (Swarm cluster volumes only).',
    args: [{ name: 'VOLUME', kind: 'volume', min: 1, max: 1 }],
    flags: [
      { long: 'availability', type: 'string', help: 'Cluster Volume availability ("active", "pause", "drain") (default "active")' },
    ],
  },
]
