// Reading the snippets' Dockerfiles the way `docker build` would, to check them against the files around them.
import { readFileSync } from 'node:fs'
import { DockerfileParser } from 'dockerfile-ast'

export interface Stage {
  image: string | null
  name: string | null
}

export interface ParsedDockerfile {
  stages: Stage[]
  /** Sources of every COPY, relative to the build context. */
  copySources: string[]
  /** Destination of every COPY. */
  copyDestinations: string[]
  /** The exec-form CMD of the last stage, e.g. ["python3", "/opt/hello.py"]. */
  cmd: string[]
  exposedPorts: string[]
}

export function parseDockerfile(file: string): ParsedDockerfile {
  const dockerfile = DockerfileParser.parse(readFileSync(file, 'utf8'))
  const stages = dockerfile.getFROMs().map(from => ({ image: from.getImage(), name: from.getBuildStage() }))
  const copies = dockerfile.getCOPYs().map((copy) => {
    const args = copy.getArguments().map(argument => argument.getValue())
    if (args.length < 2)
      throw new Error(`${file}: COPY needs a source and a destination: "${copy.getTextContent()}"`)
    return { sources: args.slice(0, -1), destination: args.at(-1)! }
  })
  const cmds = dockerfile.getCMDs()
  const lastCmd = cmds.at(-1)
  if (!lastCmd)
    throw new Error(`${file}: no CMD`)
  const cmd = lastCmd.getJSONStrings().map(argument => argument.getJSONValue())
  if (cmd.length === 0)
    throw new Error(`${file}: CMD is not in exec (JSON array) form: "${lastCmd.getTextContent()}"`)
  const exposedPorts = dockerfile.getInstructions()
    .filter(instruction => instruction.getKeyword() === 'EXPOSE')
    .flatMap(instruction => instruction.getArguments().map(argument => argument.getValue()))
  return {
    stages,
    copySources: copies.flatMap(copy => copy.sources),
    copyDestinations: copies.map(copy => copy.destination),
    cmd,
    exposedPorts,
  }
}

/** The value that follows `flag` in an argument list, e.g. optionValue(cmd, '--port'). */
export function optionValue(args: string[], flag: string): string {
  const index = args.indexOf(flag)
  if (index === -1 || index + 1 >= args.length)
    throw new Error(`"${flag} <value>" not found in ${JSON.stringify(args)}`)
  return args[index + 1]!
}

/** The same argument list with the value after `flag` replaced. */
export function withOptionValue(args: string[], flag: string, value: string): string[] {
  optionValue(args, flag)
  const index = args.indexOf(flag)
  return args.map((arg, i) => (i === index + 1 ? value : arg))
}

/** The arguments of every instruction with this keyword, e.g. [['SIGINT']] for one STOPSIGNAL SIGINT. */
export function instructionArguments(file: string, keyword: string): string[][] {
  return DockerfileParser.parse(readFileSync(file, 'utf8')).getInstructions().filter(instruction => instruction.getKeyword() === keyword.toUpperCase()).map(instruction => instruction.getArguments().map(argument => argument.getValue()))
}
