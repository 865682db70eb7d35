// Things a current Docker no longer has, or that no longer exist, as data: the deck's pages, notes and
// snippets must not teach them. Each rule says where it applies, what to find, what to write instead
// and where that is documented; lint.ts runs the rules over a file.

/** Which text a rule reads: any text, or only Dockerfile / Compose text (files and fenced code blocks). */
export type DeprecationContext = 'any' | 'dockerfile' | 'compose'

export type DeprecationCode
  = | 'DOCKER_SCAN'
    | 'COMPOSE_V1_COMMAND'
    | 'COMPOSE_VERSION_KEY'
    | 'MAINTAINER'
    | 'LINK_FLAG'
    | 'PLAY_WITH_DOCKER'

export interface DeprecationRule {
  code: DeprecationCode
  context: DeprecationContext
  /** What to find; global, so every occurrence is reported. */
  pattern: RegExp
  /** Plain text; text in backquotes is code. */
  message: string
  /** What to teach instead. */
  instead: string
  /** Where the deprecation is documented. */
  source: string
}

export const DEPRECATION_RULES: readonly DeprecationRule[] = [
  {
    code: 'DOCKER_SCAN',
    context: 'any',
    pattern: /\bdocker\s+scan\b/g,
    message: '`docker scan` was removed from the Docker CLI (it relied on Snyk and was deprecated in 2023).',
    instead: '`docker scout cves IMAGE` (or `docker scout quickview`)',
    source: 'https://docs.docker.com/engine/deprecated/',
  },
  {
    code: 'COMPOSE_V1_COMMAND',
    context: 'any',
    // `docker-compose.yml` is still a valid file name: only the command is gone.
    pattern: /\bdocker-compose(?![\w.-])/g,
    message: 'The `docker-compose` command is Compose v1, which stopped receiving updates in July 2023 and is no longer shipped.',
    instead: '`docker compose` (a space: the Compose v2 plugin of the docker CLI)',
    source: 'https://docs.docker.com/compose/releases/migrate/',
  },
  {
    code: 'COMPOSE_VERSION_KEY',
    context: 'compose',
    pattern: /^version\s*:/gm,
    message: 'The top-level `version:` key of a Compose file is obsolete: Compose ignores it and warns.',
    instead: 'no `version:` line; start the file with `services:`',
    source: 'https://docs.docker.com/reference/compose-file/version-and-name/',
  },
  {
    code: 'MAINTAINER',
    context: 'dockerfile',
    pattern: /^[ \t]*MAINTAINER\b/gim,
    message: 'The `MAINTAINER` instruction is deprecated (BuildKit reports MaintainerDeprecated).',
    instead: '`LABEL org.opencontainers.image.authors="…"`',
    source: 'https://docs.docker.com/reference/build-checks/maintainer-deprecated/',
  },
  {
    code: 'LINK_FLAG',
    context: 'any',
    // `--link-local-ip` is a different, current flag.
    pattern: /(?<![\w-])--link(?![\w-])/g,
    message: '`--link` is a legacy feature of the default bridge network and may be removed.',
    instead: 'a user-defined network (`docker network create`, then `--network`), where containers reach each other by name',
    source: 'https://docs.docker.com/engine/network/links/',
  },
  {
    code: 'PLAY_WITH_DOCKER',
    context: 'any',
    pattern: /play-with-docker\.com|\bplay with docker\b/gi,
    message: 'Play with Docker was retired on 2026-03-01: its links no longer work.',
    instead: 'Docker Desktop or Docker Engine locally, or the deck\'s own explainer and simulated machine',
    source: 'issue 17 gives the date; no Docker page about it was found in the reference corpus',
  },
]
