// Networks: `docker network …`.
// Names, summaries, flags, shorthands, types and help texts come from docker 28's `--help`
// (transcribed.json, written by scripts/capture-docker-grammar.ts); argument counts as the
// client enforces them, the explanations and value checks, are ours.
import type { CommandSpec } from '../types'

import { fromHelp } from './transcription'

export const NETWORK_COMMANDS: readonly CommandSpec[] = [
  fromHelp({
    path: ['network'],
    group: true,
    explain: 'Everything about Docker networks: the virtual networks that let containers reach each other by name.',
    args: [],
  }),
  fromHelp({
    path: ['network', 'connect'],
    explain: 'Connects a running or stopped container to one more network.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: 1 }, { name: 'CONTAINER', kind: 'container', min: 1, max: 1 }],
    flagOverlays: {
      'alias': { explain: 'Another name under which containers on this network can reach the container.' },
      'driver-opt': { explain: 'Options for the network driver.' },
      'gw-priority': { explain: 'Priority of this network as the container\'s default route; the highest wins.' },
      'ip': { explain: 'Fixed IPv4 address of the container on this network.' },
      'ip6': { explain: 'Fixed IPv6 address of the container on this network.' },
      'link': { explain: 'Legacy link to another container on this network.' },
      'link-local-ip': { explain: 'Link-local address for the container.' },
    },
  }),
  fromHelp({
    path: ['network', 'create'],
    explain: 'Creates a new network. Containers attached to the same user-defined network can reach each other by container name.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: 1 }],
    flagOverlays: {
      'attachable': { explain: 'Swarm overlay networks: also lets standalone containers join.' },
      'aux-address': { explain: 'Reserves addresses on the network for the driver\'s own use.' },
      'config-from': { explain: 'Copies the configuration of the network {value}.' },
      'config-only': { explain: 'Creates only a configuration, to be used by another network via --config-from.' },
      'driver': { explain: 'Network driver ({value}; default bridge, a private network on this host).' },
      'gateway': { explain: 'Gateway address of the subnet.' },
      'ingress': { explain: 'Creates the Swarm routing-mesh network.' },
      'internal': { explain: 'Cuts the network off from the outside: containers reach each other but not the internet.' },
      'ip-range': { explain: 'Gives containers addresses only from this part of the subnet.' },
      'ipam-driver': { explain: 'Address-management driver.' },
      'ipam-opt': { explain: 'Options for the address-management driver.' },
      'ipv4': { explain: 'Turns IPv4 addresses on or off for the network.' },
      'ipv6': { explain: 'Turns IPv6 addresses on for the network.' },
      'label': { explain: 'Attaches a key=value label to the network.' },
      'opt': { explain: 'Passes a driver option (key=value), e.g. com.docker.network.bridge.name=….' },
      'scope': { explain: 'Whether the network is local to this host or spans the Swarm (local, swarm).' },
      'subnet': { explain: 'Address range of the network in CIDR notation (e.g. 172.28.0.0/16).' },
    },
  }),
  fromHelp({
    path: ['network', 'disconnect'],
    explain: 'Disconnects a container from a network.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: 1 }, { name: 'CONTAINER', kind: 'container', min: 1, max: 1 }],
    flagOverlays: {
      force: { explain: 'Disconnects even if the container is not running properly.' },
    },
  }),
  fromHelp({
    path: ['network', 'inspect'],
    explain: 'Prints the details of networks (subnet, gateway, attached containers) as JSON.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: null }],
    flagOverlays: {
      verbose: { explain: 'Adds diagnostic details (overlay networks).' },
    },
  }),
  fromHelp({
    path: ['network', 'ls'],
    lists: { what: 'the networks', ids: 'IDs' },
    explain: 'Lists the networks, including the built-in bridge, host and none.',
    args: [],
    flagOverlays: {
      quiet: { explain: 'Prints only network IDs.' },
    },
  }),
  fromHelp({
    path: ['network', 'prune'],
    explain: 'Removes every custom network that no container uses.',
    args: [],
  }),
  fromHelp({
    path: ['network', 'rm'],
    explain: 'Deletes networks. Containers must be disconnected first.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: null }],
    flagOverlays: {
      force: { explain: 'Does not fail when a network does not exist.' },
    },
  }),
]
