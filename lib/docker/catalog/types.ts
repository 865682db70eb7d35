// The image catalog's vocabulary: what an official image holds before any container runs it.
// Shared by the explainer (what the default command does) and the simulated host (pull, run, history).

/** An image's run-time defaults, as `docker inspect` shows them under Config. */
export interface ImageConfig {
  /** null: the image sets none. */
  cmd: readonly string[] | null
  entrypoint: readonly string[] | null
  /** In the order the Dockerfile sets them: `docker inspect` lists Config.Env in this order. */
  env: readonly (readonly [name: string, value: string])[]
  /** `80/tcp` */
  exposedPorts: readonly string[]
  /** VOLUME paths: each gets an anonymous volume when nothing is mounted there. */
  volumes: readonly string[]
  /** '' when the image sets no WORKDIR (the process starts in /). */
  workingDir: string
  /** '' for root. */
  user: string
  /** null: SIGTERM, Docker's default. */
  stopSignal: string | null
}

/** One row of `docker history`: the instruction that made a layer and what it added. */
export interface HistoryStep {
  /** As BuildKit records it: `CMD ["python3"]`, `RUN /bin/sh -c set -eux; … # buildkit`. */
  createdBy: string
  /** Bytes added; 0 for metadata-only steps (ENV, CMD, EXPOSE…), which make no layer. */
  size: number
}

/** Which base system an image is built on: decides the shell, its prompt and the programs it has. */
export type BaseSystem = 'debian' | 'ubuntu' | 'alpine' | 'busybox' | 'oraclelinux' | 'scratch'

export interface CatalogImage {
  /** Docker Hub repository: `python`, `ollama/ollama`. */
  repository: string
  /** The tag this entry describes (its canonical one). */
  tag: string
  /** Other tags that name the same image at the time of the catalog (`latest`, `3`, `3.12.13`). */
  aliases: readonly string[]
  /** The version of the main software inside, e.g. Python 3.12.13. */
  version: string
  base: BaseSystem
  config: ImageConfig
  /** History oldest first; layer sizes add up to `diskBytes`. */
  history: readonly HistoryStep[]
  /** Unpacked size on disk (`docker images` SIZE in 28, DISK USAGE in 29). Estimate unless `sizeSource` says otherwise. */
  diskBytes: number
  /** Compressed download size (Docker 29's CONTENT SIZE). Estimate. */
  contentBytes: number
  /** Where the sizes come from. */
  sizeSource: 'estimate'
  /** When the image was built (ISO date); `docker images` CREATED counts from it. Estimate. */
  created: string
  /** The default command reads a terminal: without -it it reads end of input and exits at once. */
  interactive: boolean
  /** Program names on the PATH (what a shell finds); anything else is `command not found`. */
  programs: readonly string[]
  /** ISO date the upstream software stopped getting fixes; null while supported. */
  endOfLife: string | null
  /** What the default command does, for a beginner. */
  defaultCommandExplained: string
  /** Where each fact comes from. */
  source: string
}
