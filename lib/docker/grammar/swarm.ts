// Swarm mode: configs, nodes, secrets, services, stacks and the swarm itself. Names, summaries,
// flags, shorthands, types and help texts come from docker 28's `--help` (transcribed.json, written by
// scripts/capture-docker-grammar.ts); argument counts as the client enforces them, and the
// explanations, are ours.
import type { CommandSpec, FlagSpec } from '../types'
import { fromHelp } from './transcription'

/** Hidden from `docker stack --help` and deprecated, but still accepted by every stack command. */
const ORCHESTRATOR_FLAG: FlagSpec = { long: 'orchestrator', type: 'string', help: 'Orchestrator to use (swarm|all)', deprecated: true, hidden: true }

export const SWARM_COMMANDS: readonly CommandSpec[] = [
  fromHelp({ path: ['config'], explain: 'Swarm configs: small non-secret files (settings, config files) stored in the cluster and handed to services.', group: true, args: [] }),
  fromHelp({ path: ['config', 'create'], explain: 'Stores a file in the Swarm cluster as a config that services can mount. Only works on a Swarm manager.', args: [{ name: 'CONFIG', kind: 'name', min: 1, max: 1 }, { name: 'file|-', kind: 'path', min: 1, max: 1 }] }),
  fromHelp({ path: ['config', 'inspect'], explain: 'Shows the details of Swarm configs as JSON.', args: [{ name: 'CONFIG', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['config', 'ls'], explain: 'Lists the configs stored in the Swarm cluster.', args: [] }),
  fromHelp({ path: ['config', 'rm'], explain: 'Deletes configs from the Swarm cluster.', args: [{ name: 'CONFIG', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['node'], explain: 'Commands for the machines (nodes) of a Swarm cluster. Only work on a Swarm manager.', group: true, args: [] }),
  fromHelp({ path: ['node', 'demote'], explain: 'Turns manager nodes back into plain workers.', args: [{ name: 'NODE', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['node', 'inspect'], explain: 'Prints the details of Swarm nodes as JSON (`self` is the current node).', args: [{ name: 'self|NODE', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['node', 'ls'], explain: 'Lists the nodes of the Swarm cluster.', args: [] }),
  fromHelp({ path: ['node', 'promote'], explain: 'Makes worker nodes managers of the Swarm cluster.', args: [{ name: 'NODE', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['node', 'ps'], explain: 'Lists the tasks (service containers) running on nodes.', args: [{ name: 'NODE', kind: 'name', min: 0, max: null }] }),
  fromHelp({ path: ['node', 'rm'], explain: 'Removes nodes from the Swarm cluster.', args: [{ name: 'NODE', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['node', 'update'], explain: 'Changes a node\'s availability, role or labels.', args: [{ name: 'NODE', kind: 'name', min: 1, max: 1 }] }),
  fromHelp({ path: ['secret'], explain: 'Swarm secrets: passwords, keys and certificates stored encrypted in the cluster and given only to the services that need them.', group: true, args: [] }),
  fromHelp({ path: ['secret', 'create'], explain: 'Stores a secret (from a file or standard input) in the Swarm cluster.', args: [{ name: 'SECRET', kind: 'name', min: 1, max: 1 }, { name: 'file|-', kind: 'path', min: 0, max: 1 }] }),
  fromHelp({ path: ['secret', 'inspect'], explain: 'Prints the details of secrets as JSON (never the secret value itself).', args: [{ name: 'SECRET', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['secret', 'ls'], explain: 'Lists the secrets stored in the Swarm cluster.', args: [] }),
  fromHelp({ path: ['secret', 'rm'], explain: 'Deletes secrets from the Swarm cluster.', args: [{ name: 'SECRET', kind: 'name', min: 1, max: null }] }),
  fromHelp({ path: ['service'], explain: 'Swarm services: a container specification that the cluster keeps running as a number of replicas across its nodes.', group: true, args: [] }),
  fromHelp({ path: ['service', 'create'], explain: 'Creates a Swarm service: the cluster starts the requested number of containers from the image and keeps them running.', interspersed: false, args: [{ name: 'IMAGE', kind: 'image', min: 1, max: 1 }, { name: 'COMMAND', kind: 'command', min: 0, max: null }] }),
  fromHelp({ path: ['service', 'inspect'], explain: 'Prints the details of services as JSON.', args: [{ name: 'SERVICE', kind: 'service', min: 1, max: null }] }),
  fromHelp({ path: ['service', 'logs'], explain: 'Shows the combined logs of all containers (tasks) of a service.', args: [{ name: 'SERVICE|TASK', kind: 'name', min: 1, max: 1 }] }),
  fromHelp({ path: ['service', 'ls'], explain: 'Lists the services of the Swarm cluster with their replica counts.', args: [] }),
  fromHelp({ path: ['service', 'ps'], explain: 'Lists the tasks (containers) of services and where they run.', args: [{ name: 'SERVICE', kind: 'service', min: 1, max: null }] }),
  fromHelp({ path: ['service', 'rm'], explain: 'Removes services and their containers.', args: [{ name: 'SERVICE', kind: 'service', min: 1, max: null }] }),
  fromHelp({ path: ['service', 'rollback'], explain: 'Reverts a service to its previous configuration.', args: [{ name: 'SERVICE', kind: 'service', min: 1, max: 1 }] }),
  fromHelp({ path: ['service', 'scale'], explain: 'Changes the number of replicas of services (written SERVICE=REPLICAS).', args: [{ name: 'SERVICE=REPLICAS', kind: 'text', min: 1, max: null }] }),
  fromHelp({ path: ['service', 'update'], explain: 'Changes the configuration of a service; the cluster replaces its containers step by step.', args: [{ name: 'SERVICE', kind: 'service', min: 1, max: 1 }] }),
  fromHelp({ path: ['stack'], explain: 'Swarm stacks: a whole application (several services, networks, volumes) deployed from a Compose file.', group: true, args: [], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['stack', 'config'], explain: 'Prints the final Compose configuration of a stack after merging files and filling in variables.', args: [], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['stack', 'deploy'], explain: 'Deploys or updates a stack on the Swarm cluster from Compose files.', args: [{ name: 'STACK', kind: 'name', min: 1, max: 1 }], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['stack', 'ls'], explain: 'Lists the stacks deployed on the Swarm cluster.', args: [], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['stack', 'ps'], explain: 'Lists the tasks (containers) of a stack.', args: [{ name: 'STACK', kind: 'name', min: 1, max: 1 }], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['stack', 'rm'], explain: 'Removes stacks and all their services.', args: [{ name: 'STACK', kind: 'name', min: 1, max: null }], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['stack', 'services'], explain: 'Lists the services of a stack.', args: [{ name: 'STACK', kind: 'name', min: 1, max: 1 }], unlistedFlags: [ORCHESTRATOR_FLAG] }),
  fromHelp({ path: ['swarm'], explain: 'Commands to create and manage a Swarm cluster: several Docker engines acting as one.', group: true, args: [] }),
  fromHelp({ path: ['swarm', 'ca'], explain: 'Shows or rotates the certificate authority that secures the Swarm cluster.', args: [] }),
  fromHelp({ path: ['swarm', 'init'], explain: 'Turns this Docker engine into the first manager of a new Swarm cluster.', args: [] }),
  fromHelp({ path: ['swarm', 'join'], explain: 'Joins this Docker engine to an existing Swarm cluster, as worker or manager depending on the token.', args: [{ name: 'HOST:PORT', kind: 'text', min: 1, max: 1 }] }),
  fromHelp({ path: ['swarm', 'join-token'], explain: 'Prints (or renews) the token and command other machines use to join the cluster as worker or manager.', args: [{ name: 'worker|manager', kind: 'text', min: 1, max: 1 }] }),
  fromHelp({ path: ['swarm', 'leave'], explain: 'Makes this engine leave the Swarm cluster.', args: [] }),
  fromHelp({ path: ['swarm', 'unlock'], explain: 'Unlocks a locked Swarm manager after a restart by entering its unlock key.', args: [] }),
  fromHelp({ path: ['swarm', 'unlock-key'], explain: 'Shows or rotates the key that unlocks a locked Swarm.', args: [] }),
  fromHelp({ path: ['swarm', 'update'], explain: 'Changes cluster-wide Swarm settings.', args: [] }),
]
