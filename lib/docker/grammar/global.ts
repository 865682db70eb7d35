// `docker` itself: a command like the others, whose flags are the global options written before
// the command (`docker -H ssh://server ps`). Names and help texts come from docker 28's `--help`
// (transcribed.json); the explanations are ours.
import type { CommandSpec, FlagSpec } from '../types'
import { fromHelp } from './transcription'

/** Alone it prints its help; its subcommands are every command of the tables. */
export const ROOT_COMMAND: CommandSpec = fromHelp({
  path: [],
  explain: 'The Docker client: it checks your command and sends it to the Docker daemon, which does the work.',
  group: true,
  args: [],
  flagOverlays: {
    'config': { explain: 'Uses the client configuration folder {value} (credentials, contexts, settings) instead of ~/.docker.' },
    'context': { explain: 'Talks to the Docker engine saved as context {value} (see `docker context ls`) for this one command.' },
    'debug': { explain: 'Prints extra debugging output from the client.' },
    'host': { explain: 'Talks to the Docker engine at {value} (e.g. ssh://user@server or tcp://host:2376) instead of the local one.' },
    'log-level': { check: 'log-level', choices: ['debug', 'info', 'warn', 'error', 'fatal'], explain: 'How chatty the client\'s own log messages are: debug, info, warn, error or fatal.' },
    'tls': { explain: 'Encrypts the connection to the engine with TLS.' },
    'tlscacert': { explain: 'Certificate authority file used to check the engine\'s TLS certificate.' },
    'tlscert': { explain: 'Client certificate file presented to the engine over TLS.' },
    'tlskey': { explain: 'Private key file of the client certificate.' },
    'tlsverify': { explain: 'Uses TLS and checks that the engine\'s certificate is signed by the trusted authority.' },
    'version': { explain: 'Prints the client\'s version and exits.' },
  },
})

export const GLOBAL_FLAGS: readonly FlagSpec[] = ROOT_COMMAND.flags
