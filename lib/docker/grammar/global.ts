// Options of `docker` itself, written before the command: `docker -H ssh://server ps`.
import type { CommandSpec, FlagSpec } from '../types'

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { long: 'config', type: 'string', help: 'Location of client config files (default "/root/.docker")', explain: 'Uses the client configuration folder {value} (credentials, contexts, settings) instead of ~/.docker.' },
  { long: 'context', short: 'c', type: 'string', help: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")', explain: 'Talks to the Docker engine saved as context {value} (see `docker context ls`) for this one command.' },
  { long: 'debug', short: 'D', type: 'bool', help: 'Enable debug mode', explain: 'Prints extra debugging output from the client.' },
  { long: 'host', short: 'H', type: 'list', help: 'Daemon socket to connect to', explain: 'Talks to the Docker engine at {value} (e.g. ssh://user@server or tcp://host:2376) instead of the local one.' },
  { long: 'log-level', short: 'l', type: 'string', check: 'log-level', choices: ['debug', 'info', 'warn', 'error', 'fatal'], help: 'Set the logging level ("debug", "info", "warn", "error", "fatal") (default "info")', explain: 'How chatty the client\'s own log messages are: debug, info, warn, error or fatal.' },
  { long: 'tls', type: 'bool', help: 'Use TLS; implied by --tlsverify', explain: 'Encrypts the connection to the engine with TLS.' },
  { long: 'tlscacert', type: 'string', help: 'Trust certs signed only by this CA (default "/root/.docker/ca.pem")', explain: 'Certificate authority file used to check the engine\'s TLS certificate.' },
  { long: 'tlscert', type: 'string', help: 'Path to TLS certificate file (default "/root/.docker/cert.pem")', explain: 'Client certificate file presented to the engine over TLS.' },
  { long: 'tlskey', type: 'string', help: 'Path to TLS key file (default "/root/.docker/key.pem")', explain: 'Private key file of the client certificate.' },
  { long: 'tlsverify', type: 'bool', help: 'Use TLS and verify the remote', explain: 'Uses TLS and checks that the engine\'s certificate is signed by the trusted authority.' },
  { long: 'version', short: 'v', type: 'bool', help: 'Print version information and quit', explain: 'Prints the client\'s version and exits.' },
]

/**
 * `docker` itself: a command like the others, whose flags are the global options. Alone it prints
 * its help; its subcommands are every command of the tables.
 */
export const ROOT_COMMAND: CommandSpec = {
  path: [],
  aliases: [],
  summary: 'A self-sufficient runtime for containers',
  explain: 'The Docker client: it checks your command and sends it to the Docker daemon, which does the work.',
  group: true,
  args: [],
  flags: GLOBAL_FLAGS,
}
