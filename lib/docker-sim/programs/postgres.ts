// postgres:18's main process: docker-entrypoint.sh (docker-library/postgres 18, read for this file)
// checks the environment, runs initdb once into an empty $PGDATA, then execs the server. The texts
// printed are the entrypoint's own heredocs and the lines the official image's first run prints
// (docker logs quoted in docker-library/postgres#1373, tianon/docker-postgres-upgrade#121,
// cookiecutter-django#6144 for 18; the server's LOG lines as quoted for 13–17). Lines whose details
// were not found (process ids of the temporary server and the startup process, the compiler in
// "starting PostgreSQL …") are left out rather than made up.

import type { ProcessIO, Program } from '../process'
import { wallClock } from './time'
import { untilSignalled } from './until-signalled'

const ENTRYPOINT_PATH = '/usr/local/bin/docker-entrypoint.sh'
const PORT = 5432
const SOCKET = '/var/run/postgresql/.s.PGSQL.5432'

/** docker_verify_minimum_env's refusal, byte for byte (a heredoc with leading tabs stripped), on stderr; the entrypoint then exits 1. */
export const MISSING_PASSWORD_ERROR = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
  '',
].join('\n')

/** initdb's report on a first run of postgres:18 (data checksums on by default since 18). */
function initdbOutput(pgdata: string, locale: string): string {
  return [
    'The files belonging to this database system will be owned by user "postgres".',
    'This user must also own the server process.',
    '',
    `The database cluster will be initialized with locale "${locale}".`,
    'The default database encoding has accordingly been set to "UTF8".',
    'The default text search configuration will be set to "english".',
    '',
    'Data page checksums are enabled.',
    '',
    `fixing permissions on existing directory ${pgdata} ... ok`,
    'creating subdirectories ... ok',
    'selecting dynamic shared memory implementation ... posix',
    'selecting default "max_connections" ... 100',
    'selecting default "shared_buffers" ... 128MB',
    'selecting default time zone ... Etc/UTC',
    'creating configuration files ... ok',
    'running bootstrap script ... ok',
    'performing post-bootstrap initialization ... ok',
    'syncing data to disk ... ok',
    '',
    '',
    'Success. You can now start the database server using:',
    '',
    `    pg_ctl -D ${pgdata} -l logfile start`,
    '',
    '',
  ].join('\n')
}

function two(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** The server's log_line_prefix in the image ('%m [%p] '): `2026-03-03 10:15:00.000 UTC [1] `. */
function logLine(io: ProcessIO, text: string): string {
  const d = new Date(wallClock(io.clock))
  const stamp = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${two(d.getUTCMilliseconds(), 3)} UTC`
  return `${stamp} [1] LOG:  ${text}\n`
}

/** The flags after which `postgres` prints something and exits (the entrypoint then skips its setup). */
const HELP_FLAGS = new Set(['-?', '--help', '--describe-config', '-V', '--version'])

/** The server itself, once $PGDATA holds a cluster: listens on 5432 until a shutdown signal. */
async function runServer(io: ProcessIO): Promise<number> {
  io.setSignal('SIGINT', 'handle')
  io.setSignal('SIGTERM', 'handle')
  io.setSignal('SIGQUIT', 'handle')
  let close: () => void
  try {
    // A TCP port speaking PostgreSQL's wire protocol, not HTTP: a client over HTTP gets no answer.
    close = io.network.listen(PORT, async () => {
      throw new Error('Empty reply from server')
    }, { host: '0.0.0.0' })
  }
  catch {
    io.stderr(logLine(io, `could not bind IPv4 address "0.0.0.0": Address already in use`))
    return 1
  }
  io.stderr(logLine(io, `listening on IPv4 address "0.0.0.0", port ${PORT}`))
  io.stderr(logLine(io, `listening on IPv6 address "::", port ${PORT}`))
  io.stderr(logLine(io, `listening on Unix socket "${SOCKET}"`))
  io.stderr(logLine(io, 'database system is ready to accept connections'))
  const signal = await untilSignalled(io)
  close()
  // SIGINT (the image's STOPSIGNAL, so `docker stop`) is PostgreSQL's fast shutdown.
  if (signal === 'SIGINT') {
    io.stderr(logLine(io, 'received fast shutdown request'))
    io.stderr(logLine(io, 'aborting any active transactions'))
  }
  io.stderr(logLine(io, 'database system is shut down'))
  return 0
}

/** docker-entrypoint.sh of postgres:18: `_main "$@"`. */
export const postgresEntrypoint: Program = async (io) => {
  let args = io.argv.slice(1)
  if (args[0]?.startsWith('-'))
    args = ['postgres', ...args]
  if (args[0] === 'postgres' && args.some(a => HELP_FLAGS.has(a))) {
    io.stderr(`[simulator] ${args.join(' ')}: postgres's help and version output are not modelled (the entrypoint would exec it as it is)\n`)
    return 1
  }
  if (args[0] !== 'postgres')
    return args.length === 0 ? 0 : io.spawn(args)
  const pgdata = io.env.get('PGDATA') ?? '/var/lib/postgresql/data'
  const versionFile = `${pgdata}/PG_VERSION`
  const initialized = (io.fs.stat(versionFile)?.size ?? 0) > 0
  if (initialized) {
    io.stdout('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n')
    return runServer(io)
  }
  const password = io.env.get('POSTGRES_PASSWORD') ?? ''
  const authMethod = io.env.get('POSTGRES_HOST_AUTH_METHOD') ?? ''
  if (password === '' && authMethod !== 'trust') {
    io.stderr(MISSING_PASSWORD_ERROR)
    return 1
  }
  io.fs.mkdir(pgdata, { parents: true })
  io.fs.writeFile(versionFile, `${io.env.get('PG_MAJOR') ?? '18'}\n`)
  io.stdout(initdbOutput(pgdata, io.env.get('LANG') ?? 'C'))
  // The temporary socket-only server (pg_ctl start … stop) logs lines with process ids not found: left out.
  io.stdout(`\n${ENTRYPOINT_PATH}: ignoring /docker-entrypoint-initdb.d/*\n\n`)
  io.stdout('\nPostgreSQL init process complete; ready for start up.\n\n')
  return runServer(io)
}
