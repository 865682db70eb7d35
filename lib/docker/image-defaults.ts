// What an image runs by default, from the image catalog: the explanation says what actually runs
// (`python3`, an interactive prompt) and warns where that cannot work (no terminal for a prompt).
import type { CatalogImage } from './catalog'
import type { ContainerConfig } from './container-config'
import type { ImageReference } from './types'
import { defaultCommand, findCatalogImage } from './catalog'

/** The catalog's entry for a Docker Hub image reference; null for other registries, digests or unknown images. */
export function catalogImageOf(image: ImageReference | null): CatalogImage | null {
  if (!image || image.registry !== 'docker.io' || image.tag === null)
    return null
  const repository = image.namespace === 'library' || image.namespace === null ? image.repository : `${image.namespace}/${image.repository}`
  return findCatalogImage(repository, image.tag)
}

/**
 * Programs that, started with no argument, read commands from a terminal: given no input they
 * read end of input and exit at once. The catalog says the same of images whose default command is one.
 */
const READS_A_TERMINAL = new Set(['bash', 'sh', 'ash', 'zsh', 'dash', 'python', 'python3', 'node', 'irb', 'psql', 'mysql', 'redis-cli', 'mongosh'])

/** What the container will run: `--entrypoint`, else the image's, followed by the command or the image's CMD. */
export interface ProgramToRun {
  argv: string[]
  /** The image's default (ENTRYPOINT + CMD), unchanged by the command. */
  isDefault: boolean
  /** Reads commands from a terminal (a shell, a language prompt). */
  interactive: boolean
}

export function programToRun(config: ContainerConfig, catalog: CatalogImage | null): ProgramToRun | null {
  const entrypoint = config.entrypoint ?? (catalog?.config.entrypoint ? [...catalog.config.entrypoint] : null)
  if (config.command.length === 0 && config.entrypoint === null) {
    if (!catalog)
      return null
    return { argv: defaultCommand(catalog), isDefault: true, interactive: catalog.interactive }
  }
  const argsAfter = config.command.length > 0 ? config.command : config.entrypoint === null ? [...(catalog?.config.cmd ?? [])] : []
  const argv = [...(entrypoint ?? []), ...argsAfter]
  if (argv.length === 0)
    return null
  const program = argv[0]!.split('/').pop()!
  return { argv, isDefault: false, interactive: argv.length === 1 && READS_A_TERMINAL.has(program) }
}
