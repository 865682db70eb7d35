// Networks: `docker network …`.
// Flags, shorthands and types as docker 28's client prints them in `--help` (checked against
// tests/fixtures/docker-help by tests/unit/docker/grammar-fixture.test.ts); argument counts as
// the client enforces them; `explain` is ours.
import type { CommandSpec } from '../types'
import { FORCE_NO_PROMPT_FLAG, FORMAT_JSON_FLAG, FORMAT_TABLE_FLAG, noTruncFlag, PRUNE_FILTER_FLAG } from './common-flags'

export const NETWORK_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['network'],
    aliases: [],
    summary: 'Manage networks',
    explain: 'Everything about Docker networks: the virtual networks that let containers reach each other by name.',
    group: true,
    args: [],
    flags: [],
  },
  {
    path: ['network', 'connect'],
    aliases: [],
    summary: 'Connect a container to a network',
    explain: 'Connects a running or stopped container to one more network.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: 1 }, { name: 'CONTAINER', kind: 'container', min: 1, max: 1 }],
    flags: [
      { long: 'alias', type: 'strings', help: 'Add network-scoped alias for the container', explain: 'Another name under which containers on this network can reach the container.' },
      { long: 'driver-opt', type: 'strings', help: 'driver options for the network', explain: 'Options for the network driver.' },
      { long: 'gw-priority', type: 'int', help: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.', explain: 'Priority of this network as the container\'s default route; the highest wins.' },
      { long: 'ip', type: 'string', help: 'IPv4 address (e.g., "172.30.100.104")', explain: 'Fixed IPv4 address of the container on this network.' },
      { long: 'ip6', type: 'string', help: 'IPv6 address (e.g., "2001:db8::33")', explain: 'Fixed IPv6 address of the container on this network.' },
      { long: 'link', type: 'list', help: 'Add link to another container', explain: 'Legacy link to another container on this network.' },
      { long: 'link-local-ip', type: 'strings', help: 'Add a link-local address for the container', explain: 'Link-local address for the container.' },
    ],
  },
  {
    path: ['network', 'create'],
    aliases: [],
    summary: 'Create a network',
    explain: 'Creates a new network. Containers attached to the same user-defined network can reach each other by container name.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: 1 }],
    flags: [
      { long: 'attachable', type: 'bool', help: 'Enable manual container attachment', explain: 'Swarm overlay networks: also lets standalone containers join.' },
      { long: 'aux-address', type: 'map', help: 'Auxiliary IPv4 or IPv6 addresses used by Network driver (default map[])', explain: 'Reserves addresses on the network for the driver\'s own use.' },
      { long: 'config-from', type: 'string', help: 'The network from which to copy the configuration', explain: 'Copies the configuration of the network {value}.' },
      { long: 'config-only', type: 'bool', help: 'Create a configuration only network', explain: 'Creates only a configuration, to be used by another network via --config-from.' },
      { long: 'driver', short: 'd', type: 'string', help: 'Driver to manage the Network (default "bridge")', explain: 'Network driver ({value}; default bridge, a private network on this host).' },
      { long: 'gateway', type: 'strings', help: 'IPv4 or IPv6 Gateway for the master subnet', explain: 'Gateway address of the subnet.' },
      { long: 'ingress', type: 'bool', help: 'Create swarm routing-mesh network', explain: 'Creates the Swarm routing-mesh network.' },
      { long: 'internal', type: 'bool', help: 'Restrict external access to the network', explain: 'Cuts the network off from the outside: containers reach each other but not the internet.' },
      { long: 'ip-range', type: 'strings', help: 'Allocate container ip from a sub-range', explain: 'Gives containers addresses only from this part of the subnet.' },
      { long: 'ipam-driver', type: 'string', help: 'IP Address Management Driver (default "default")', explain: 'Address-management driver.' },
      { long: 'ipam-opt', type: 'map', help: 'Set IPAM driver specific options (default map[])', explain: 'Options for the address-management driver.' },
      { long: 'ipv4', type: 'bool', help: 'Enable or disable IPv4 address assignment (default true)', explain: 'Turns IPv4 addresses on or off for the network.' },
      { long: 'ipv6', type: 'bool', help: 'Enable or disable IPv6 address assignment', explain: 'Turns IPv6 addresses on for the network.' },
      { long: 'label', type: 'list', help: 'Set metadata on a network', explain: 'Attaches a key=value label to the network.' },
      { long: 'opt', short: 'o', type: 'map', help: 'Set driver specific options (default map[])', explain: 'Passes a driver option (key=value), e.g. com.docker.network.bridge.name=….' },
      { long: 'scope', type: 'string', help: 'Control the network\'s scope', explain: 'Whether the network is local to this host or spans the Swarm (local, swarm).' },
      { long: 'subnet', type: 'strings', help: 'Subnet in CIDR format that represents a network segment', explain: 'Address range of the network in CIDR notation (e.g. 172.28.0.0/16).' },
    ],
  },
  {
    path: ['network', 'disconnect'],
    aliases: [],
    summary: 'Disconnect a container from a network',
    explain: 'Disconnects a container from a network.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: 1 }, { name: 'CONTAINER', kind: 'container', min: 1, max: 1 }],
    flags: [
      { long: 'force', short: 'f', type: 'bool', help: 'Force the container to disconnect from a network', explain: 'Disconnects even if the container is not running properly.' },
    ],
  },
  {
    path: ['network', 'inspect'],
    aliases: [],
    summary: 'Display detailed information on one or more networks',
    explain: 'Prints the details of networks (subnet, gateway, attached containers) as JSON.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: null }],
    flags: [
      FORMAT_JSON_FLAG,
      { long: 'verbose', short: 'v', type: 'bool', help: 'Verbose output for diagnostics', explain: 'Adds diagnostic details (overlay networks).' },
    ],
  },
  {
    path: ['network', 'ls'],
    lists: { what: 'the networks', ids: 'IDs' },
    aliases: [['network', 'list']],
    summary: 'List networks',
    explain: 'Lists the networks, including the built-in bridge, host and none.',
    args: [],
    flags: [
      { long: 'filter', short: 'f', type: 'filter', help: 'Provide filter values (e.g. "driver=bridge")', explain: 'Shows only the items matching a condition written key=value (here: {value}).' },
      FORMAT_TABLE_FLAG,
      noTruncFlag('Do not truncate the output'),
      { long: 'quiet', short: 'q', type: 'bool', help: 'Only display network IDs', explain: 'Prints only network IDs.' },
    ],
  },
  {
    path: ['network', 'prune'],
    aliases: [],
    summary: 'Remove all unused networks',
    explain: 'Removes every custom network that no container uses.',
    args: [],
    flags: [
      PRUNE_FILTER_FLAG,
      FORCE_NO_PROMPT_FLAG,
    ],
  },
  {
    path: ['network', 'rm'],
    aliases: [['network', 'remove']],
    summary: 'Remove one or more networks',
    explain: 'Deletes networks. Containers must be disconnected first.',
    args: [{ name: 'NETWORK', kind: 'network', min: 1, max: null }],
    flags: [
      { long: 'force', short: 'f', type: 'bool', help: 'Do not error if the network does not exist', explain: 'Does not fail when a network does not exist.' },
    ],
  },
]
