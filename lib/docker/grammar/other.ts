// Everything else the client offers: registries, contexts, manifests, plugins, trust, checkpoints, version, inspect.
// Names, summaries, flags, shorthands, types and help texts come from docker 28's `--help`
// (transcribed.json, written by scripts/capture-docker-grammar.ts); argument counts as the
// client enforces them, the explanations and value checks, are ours.
import type { CommandSpec } from '../types'

import { fromHelp } from './transcription'

export const OTHER_COMMANDS: readonly CommandSpec[] = [
  fromHelp({
    path: ['checkpoint'],
    group: true,
    explain: 'Experimental commands to freeze a running container\'s memory to disk (checkpoint) and resume it later.',
    args: [],
  }),
  fromHelp({
    path: ['checkpoint', 'create'],
    explain: 'Saves the full state of a running container (memory included) into a named checkpoint, so it can be restarted from exactly that point. Needs an experimental daemon with CRIU.',
    args: [{ name: 'CONTAINER', kind: 'container', min: 1, max: 1 }, { name: 'CHECKPOINT', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['checkpoint', 'ls'],
    explain: 'Lists the checkpoints saved for a container.',
    args: [{ name: 'CONTAINER', kind: 'container', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['checkpoint', 'rm'],
    explain: 'Deletes one checkpoint of a container.',
    args: [{ name: 'CONTAINER', kind: 'container', min: 1, max: 1 }, { name: 'CHECKPOINT', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['context'],
    group: true,
    explain: 'Contexts name the Docker engines your client can talk to (local, remote over SSH…) so you can switch between them.',
    args: [],
  }),
  fromHelp({
    path: ['context', 'create'],
    explain: 'Saves a new context: a name for a Docker engine address (and its TLS settings) that you can switch to later.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['context', 'export'],
    explain: 'Writes a context into a file so it can be moved to another computer.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 1, max: 1 }, { name: 'FILE|-', kind: 'path', min: 0, max: 1 }],
  }),
  fromHelp({
    path: ['context', 'import'],
    explain: 'Creates a context from a file made by `docker context export`.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 1, max: 1 }, { name: 'FILE|-', kind: 'path', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['context', 'inspect'],
    explain: 'Prints the details of contexts as JSON.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 0, max: null }],
  }),
  fromHelp({
    path: ['context', 'ls'],
    explain: 'Lists the saved contexts and marks the one in use.',
    args: [],
  }),
  fromHelp({
    path: ['context', 'rm'],
    explain: 'Deletes saved contexts.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 1, max: null }],
  }),
  fromHelp({
    path: ['context', 'show'],
    explain: 'Prints the name of the context in use.',
    args: [],
  }),
  fromHelp({
    path: ['context', 'update'],
    explain: 'Changes the settings of a saved context.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['context', 'use'],
    explain: 'Makes a context the default for every later docker command.',
    args: [{ name: 'CONTEXT', kind: 'context', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['inspect'],
    explain: 'Prints the low-level details of any Docker object (container, image, volume, network…) as JSON.',
    args: [{ name: 'NAME|ID', kind: 'name', min: 1, max: null }],
    flagOverlays: {
      size: { explain: 'For containers: adds the disk space they use.' },
      type: { explain: 'Looks only for objects of this kind ({value}: container, image, volume, network…), when names collide.' },
    },
  }),
  fromHelp({
    path: ['login'],
    explain: 'Signs in to a registry (Docker Hub by default) so you can push images and pull private ones. The credentials are stored for later commands.',
    args: [{ name: 'SERVER', kind: 'text', min: 0, max: 1 }],
  }),
  fromHelp({
    path: ['logout'],
    explain: 'Forgets the credentials stored for a registry (Docker Hub by default).',
    args: [{ name: 'SERVER', kind: 'text', min: 0, max: 1 }],
  }),
  fromHelp({
    path: ['manifest'],
    group: true,
    explain: 'Manifest lists bundle images for several platforms (amd64, arm64…) under one name. These commands inspect and assemble them.',
    args: [],
  }),
  fromHelp({
    path: ['manifest', 'annotate'],
    explain: 'Adds platform information (OS, architecture, variant) to an image inside a local manifest list.',
    args: [{ name: 'MANIFEST_LIST', kind: 'image', min: 1, max: 1 }, { name: 'MANIFEST', kind: 'image', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['manifest', 'create'],
    explain: 'Creates a local manifest list that groups several images (one per platform) under one name.',
    args: [{ name: 'MANIFEST_LIST', kind: 'image', min: 1, max: 1 }, { name: 'MANIFEST', kind: 'image', min: 1, max: null }],
  }),
  fromHelp({
    path: ['manifest', 'inspect'],
    explain: 'Shows an image\'s manifest or manifest list as stored in the registry.',
    args: [{ name: 'MANIFEST_LIST', kind: 'image', min: 1, max: 1 }, { name: 'MANIFEST', kind: 'image', min: 0, max: 1 }],
  }),
  fromHelp({
    path: ['manifest', 'push'],
    explain: 'Uploads a local manifest list to its registry.',
    args: [{ name: 'MANIFEST_LIST', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['manifest', 'rm'],
    explain: 'Deletes local manifest lists.',
    args: [{ name: 'MANIFEST_LIST', kind: 'name', min: 1, max: null }],
  }),
  fromHelp({
    path: ['plugin'],
    group: true,
    explain: 'Commands for Docker engine plugins (extra volume drivers, network drivers, log drivers).',
    args: [],
  }),
  fromHelp({
    path: ['plugin', 'create'],
    explain: 'Builds a plugin from a folder containing its config.json and root filesystem.',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: 1 }, { name: 'PLUGIN-DATA-DIR', kind: 'path', min: 1, max: 1 }, { name: 'IGNORED', kind: 'text', min: 0, max: null }],
  }),
  fromHelp({
    path: ['plugin', 'disable'],
    explain: 'Turns an installed plugin off.',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['plugin', 'enable'],
    explain: 'Turns an installed plugin on.',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['plugin', 'inspect'],
    explain: 'Prints the details of plugins as JSON.',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: null }],
  }),
  fromHelp({
    path: ['plugin', 'install'],
    explain: 'Downloads and installs a plugin, optionally setting its options (KEY=VALUE).',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: 1 }, { name: 'KEY=VALUE', kind: 'text', min: 0, max: null }],
  }),
  fromHelp({
    path: ['plugin', 'ls'],
    explain: 'Lists installed plugins.',
    args: [],
  }),
  fromHelp({
    path: ['plugin', 'push'],
    explain: 'Uploads a plugin to a registry.',
    args: [{ name: 'PLUGIN:TAG', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['plugin', 'rm'],
    explain: 'Uninstalls plugins from the Docker engine (disable them first, or use -f).',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: null }],
  }),
  fromHelp({
    path: ['plugin', 'set'],
    explain: 'Changes settings (KEY=VALUE) of an installed plugin.',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: 1 }, { name: 'KEY=VALUE', kind: 'text', min: 1, max: null }],
  }),
  fromHelp({
    path: ['plugin', 'upgrade'],
    explain: 'Upgrades an installed plugin to a newer version.',
    args: [{ name: 'PLUGIN', kind: 'name', min: 1, max: 1 }, { name: 'REMOTE', kind: 'image', min: 0, max: 1 }],
  }),
  fromHelp({
    path: ['search'],
    explain: 'Searches Docker Hub for images whose name or description matches a word, showing stars and whether they are official.',
    args: [{ name: 'TERM', kind: 'text', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['trust'],
    group: true,
    explain: 'Docker Content Trust: sign images and check signatures, so you know who published an image.',
    args: [],
  }),
  fromHelp({
    path: ['trust', 'inspect'],
    explain: 'Shows who signed an image\'s tags and with which keys.',
    args: [{ name: 'IMAGE[:TAG]', kind: 'image', min: 1, max: null }],
  }),
  fromHelp({
    path: ['trust', 'key'],
    group: true,
    explain: 'Manage the keys used to sign images.',
    args: [],
  }),
  fromHelp({
    path: ['trust', 'key', 'generate'],
    explain: 'Creates a new signing key pair; the public key is written to NAME.pub in the current folder.',
    args: [{ name: 'NAME', kind: 'name', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['trust', 'key', 'load'],
    explain: 'Imports an existing private key for signing.',
    args: [{ name: 'KEYFILE', kind: 'path', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['trust', 'revoke'],
    explain: 'Removes the signatures of an image or tag, so it is no longer trusted.',
    args: [{ name: 'IMAGE[:TAG]', kind: 'image', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['trust', 'sign'],
    explain: 'Signs an image tag with your key and pushes it.',
    args: [{ name: 'IMAGE:TAG', kind: 'image', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['trust', 'signer'],
    group: true,
    explain: 'Manage who may sign a repository\'s images.',
    args: [],
  }),
  fromHelp({
    path: ['trust', 'signer', 'add'],
    explain: 'Allows a signer (identified by a public key) to sign images of repositories.',
    args: [{ name: 'NAME', kind: 'name', min: 1, max: 1 }, { name: 'REPOSITORY', kind: 'image', min: 1, max: null }],
  }),
  fromHelp({
    path: ['trust', 'signer', 'remove'],
    explain: 'Takes away a signer\'s permission to sign images of repositories.',
    args: [{ name: 'NAME', kind: 'name', min: 1, max: 1 }, { name: 'REPOSITORY', kind: 'image', min: 1, max: null }],
  }),
  fromHelp({
    path: ['version'],
    explain: 'Prints the versions of the Docker client and (if reachable) the engine.',
    args: [],
  }),
]
