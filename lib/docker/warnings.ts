// Traps that docker accepts without a word: each rule has a stable code, a test that finds the
// places in the command where the trap is, and a message written for those places.

import type { ContainerConfig } from './container-config'
import type { CommandFlag, ParsedCommand } from './parse-command'
import type { ShellCommand, Word } from './tokenize'
import type { CommandTrait, ImageReference, Span, Warning, WarningCode } from './types'
import type { EnvValue } from './values'
import { shellJoin } from '../text/shell-words'
import { commandHasTrait, findFlag } from './grammar'
import { catalogImageOf, programToRun } from './image-defaults'
import { effectiveValue, isFlagOn, mountOfFlag, scanFlags } from './parse-command'
import { describePlaceholder, placeholdersIn } from './placeholders'
import { valueOfKind } from './values'

export interface WarningContext {
  input: string
  shell: ShellCommand
  parsed: ParsedCommand
  /** The container a run/create makes; null for other commands. */
  config: ContainerConfig | null
  image: ImageReference | null
}

interface Found extends Span {
  message: string
}

export interface WarningRule {
  code: WarningCode
  /**
   * The commands it looks at, by trait (any of them); 'docker' for every docker command, 'any' for
   * every command, docker or not (the shell's own traps).
   */
  appliesTo: readonly (CommandTrait | 'docker' | 'any')[]
  /** The places where the trap is, each with its own message; empty when the command is clean. */
  find: (context: WarningContext) => Found[]
}

function appliesTo(rule: WarningRule, parsed: ParsedCommand): boolean {
  return rule.appliesTo.some(scope =>
    scope === 'any'
    || (scope === 'docker' ? parsed.isDocker : parsed.isDocker && parsed.spec !== null && commandHasTrait(parsed.spec, scope)))
}

function hasTrait(parsed: ParsedCommand, trait: CommandTrait): boolean {
  return parsed.spec !== null && commandHasTrait(parsed.spec, trait)
}

function text(context: WarningContext, span: Span): string {
  return context.input.slice(span.start, span.end)
}

const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|(^|_)KEY$|(^|_)PWD$)/i
const DOCKER_SOCKET = /^(\/var)?\/run\/docker\.sock$/

/** `-e` values of run, create or exec that parse, each with its flag: what the container's environment gets. */
function envFlagsReachingContainer(parsed: ParsedCommand): { flag: CommandFlag, env: EnvValue }[] {
  return parsed.flags.flatMap((flag) => {
    const env = valueOfKind(flag.typed, 'env')?.env
    return env ? [{ flag, env }] : []
  })
}

/** Flags of the command written right after the image (or exec's container): they reach the container. */
function flagsAfterTarget(parsed: ParsedCommand): { flags: CommandFlag[], target: Word } | null {
  if (!parsed.spec)
    return null
  const targetKind = hasTrait(parsed, 'runs-in-container') ? 'container' : 'image'
  const target = parsed.args.find(a => a.spec?.kind === targetKind)?.word
  const after = parsed.args.filter(a => a.spec?.kind === 'command').map(a => a.word)
  if (!target || after.length === 0 || !after[0]!.value.startsWith('-'))
    return null
  // Only the leading flags: once a program name appears (`ls -l`), what follows is its own options.
  const spec = parsed.spec
  const scan = scanFlags(after, 0, (name, isShort) => findFlag(spec, name, isShort), {
    scope: 'command',
    interspersed: false,
    strict: false,
    spec: parsed.spec,
    helpShorthand: false,
  })
  return { flags: scan.flags, target }
}

/** Below this, a size without a unit is surely a slip (`--shm-size 64` for 64 bytes). */
const SMALLEST_LIKELY_BYTE_COUNT = 1024 * 1024

export const WARNING_RULES: readonly WarningRule[] = [
  {
    code: 'FLAG_AFTER_IMAGE',
    appliesTo: ['creates-container', 'runs-in-container'],
    find(context) {
      const found = flagsAfterTarget(context.parsed)
      if (!found)
        return []
      const exec = hasTrait(context.parsed, 'runs-in-container')
      const where = exec ? `the container name ${found.target.value}` : `the image ${found.target.value}`
      const seen = new Set<Word>()
      return found.flags
        .filter(f => !seen.has(f.word) && seen.add(f.word))
        .map((flag) => {
          const span = { start: flag.word.start, end: Math.max(flag.span.end, flag.word.end) }
          const consequence
            = flag.spec.check === 'publish'
              ? 'nothing is published'
              : flag.spec.long === 'rm'
                ? 'the container is not removed when it stops'
                : 'docker does not apply it'
          return {
            ...span,
            message: `${text(context, span)} comes after ${where}, so it is passed to the program inside the container, not to docker: ${consequence}. Put it before ${exec ? 'the container name' : 'the image'}.`,
          }
        })
    },
  },
  {
    code: 'TTY_WITHOUT_INTERACTIVE',
    appliesTo: ['creates-container', 'runs-in-container'],
    find({ parsed }) {
      const tty = effectiveValue(parsed.flags, 'tty')
      if (!isFlagOn(tty) || isFlagOn(effectiveValue(parsed.flags, 'interactive')) || isFlagOn(effectiveValue(parsed.flags, 'detach')))
        return []
      return [
        {
          ...tty!.nameSpan,
          message:
            '-t gives the container a terminal, but without -i your keyboard does not reach it: the program cannot read what you type. Use -it for an interactive session.',
        },
      ]
    },
  },
  {
    code: 'PUBLISH_WITH_HOST_NETWORK',
    appliesTo: ['creates-container'],
    find({ parsed, config }) {
      if (config?.network?.mode !== 'host')
        return []
      return parsed.flags
        .filter(f => f.spec.check === 'publish' || (f.spec.long === 'publish-all' && isFlagOn(f)))
        .map(f => ({
          ...f.span,
          message: `With --network host the container shares your computer's network, so ${f.written} is ignored: its ports are already your computer's ports.`,
        }))
    },
  },
  {
    code: 'PORT_ALL_INTERFACES',
    appliesTo: ['creates-container'],
    find({ parsed, config }) {
      if (config?.network?.mode === 'host')
        return []
      const found: Found[] = []
      for (const flag of parsed.flags) {
        if (flag.spec.long === 'publish-all' && isFlagOn(flag)) {
          found.push({
            ...flag.span,
            message:
              '-P publishes every port the image declares on every network interface of this machine: other computers on the network can reach them too.',
          })
        }
        const open = valueOfKind(flag.typed, 'ports')?.ports.filter(p => p.allInterfaces) ?? []
        const example = open[0]
        if (!example)
          continue
        const local = `127.0.0.1:${example.hostPort ?? ''}:${example.containerPort}${example.protocol === 'tcp' ? '' : `/${example.protocol}`}`
        const written = example.hostIp === null ? '' : ` (${example.hostIp} means every interface, not one address)`
        found.push({
          ...flag.span,
          message: `Publishes ${example.hostPort ? `port ${example.hostPort}` : 'the port'} on every network interface of this machine${written}, so other computers on your network can reach it too. To keep it to this computer, write ${local}.`,
        })
      }
      return found
    },
  },
  {
    code: 'NAMED_VOLUME',
    appliesTo: ['creates-container'],
    find({ parsed }) {
      return parsed.flags.flatMap((flag) => {
        const mount = mountOfFlag(flag)
        if (!mount || mount.syntax !== 'volume' || mount.type !== 'volume' || (flag.valueWord && placeholdersIn(flag.valueWord).length > 0))
          return []
        const name = mount.source ?? ''
        return [
          {
            ...flag.span,
            message: `${name} has no / and does not start with . so it is the name of a Docker volume, not a folder of your computer. To mount a folder, write ./${name} or a full path.`,
          },
        ]
      })
    },
  },
  {
    code: 'ENV_FROM_HOST',
    appliesTo: ['creates-container', 'runs-in-container'],
    find({ parsed }) {
      return envFlagsReachingContainer(parsed).flatMap(({ flag, env }) => {
        if (env.value !== null)
          return []
        return [
          {
            ...flag.span,
            message: `-e ${env.name} has no =value, so docker copies ${env.name} from the environment of the shell you run it in; if it is not set there, the container does not get it at all.`,
          },
        ]
      })
    },
  },
  {
    code: 'SECRET_IN_ENV',
    appliesTo: ['creates-container', 'runs-in-container'],
    find({ parsed }) {
      return envFlagsReachingContainer(parsed).flatMap(({ flag, env }) => {
        if (!env.value || !SECRET_NAME.test(env.name))
          return []
        return [
          {
            ...flag.span,
            message: `${env.name} looks like a secret: written on the command line it stays in your shell history, and anyone who can run docker inspect on the container can read it. Fine for a local try-out; otherwise use --env-file or Docker secrets.`,
          },
        ]
      })
    },
  },
  {
    code: 'DOCKER_SOCKET',
    appliesTo: ['creates-container'],
    find({ parsed }) {
      return parsed.flags.flatMap((flag) => {
        const mount = mountOfFlag(flag)
        if (!mount || !DOCKER_SOCKET.test(mount.source ?? ''))
          return []
        return [
          {
            ...flag.span,
            message:
              'Mounting the Docker socket lets the container control Docker on this machine: start any container, mount any folder. That is as powerful as root on your computer; only do it for tools you trust.',
          },
        ]
      })
    },
  },
  {
    code: 'PRIVILEGED',
    appliesTo: ['docker'],
    find({ parsed }) {
      return parsed.flags
        .filter(f => f.spec.long === 'privileged' && isFlagOn(f))
        .map(flag => ({
          ...flag.nameSpan,
          start: flag.combined ? flag.nameSpan.start : flag.span.start,
          end: flag.span.end,
          message:
            '--privileged removes almost all isolation: the container can access every device and change the kernel settings of your machine. Prefer a specific --cap-add or --device.',
        }))
    },
  },
  {
    code: 'IMPLICIT_LATEST',
    appliesTo: ['pulls-image'],
    find({ parsed, image }) {
      if (!image || !image.defaulted.tag)
        return []
      if (isFlagOn(effectiveValue(parsed.flags, 'all-tags')))
        return []
      const word = parsed.args.find(a => a.spec?.kind === 'image')?.word
      if (!word)
        return []
      return [
        {
          start: word.start,
          end: word.end,
          message: `No tag given, so docker uses ${image.raw}:latest. "latest" moves to each new release, so the same command may run a different version tomorrow; write a tag (e.g. ${image.raw}:<version>) to pin it.`,
        },
      ]
    },
  },
  {
    code: 'DEPRECATED_FLAG',
    appliesTo: ['docker'],
    find({ parsed }) {
      const found: Found[] = [...parsed.globalFlags, ...parsed.flags]
        .filter(f => f.spec.deprecated)
        .map(f => ({ ...f.span, message: `${f.written} is deprecated: docker still accepts it but may drop it.` }))
      for (const word of parsed.helpFlags) {
        if (!word.value.startsWith('--'))
          found.push({ start: word.start, end: word.end, message: '-h for help is deprecated; docker suggests --help.' })
      }
      return found
    },
  },
  {
    code: 'DAEMON_REFUSES',
    appliesTo: ['docker'],
    find({ parsed }) {
      return [...parsed.globalFlags, ...parsed.flags].flatMap(flag =>
        flag.daemonRefusal
          ? [
              {
                start: flag.daemonRefusal.start,
                end: flag.daemonRefusal.end,
                message: `docker accepts ${flag.written} ${flag.value}, but the Docker daemon will refuse it when it creates the container: ${flag.daemonRefusal.message}.`,
              },
            ]
          : [],
      )
    },
  },
  {
    code: 'SIZE_WITHOUT_UNIT',
    appliesTo: ['docker'],
    find({ parsed }) {
      return parsed.flags.flatMap((flag) => {
        const size = valueOfKind(flag.typed, 'bytes')
        if (!size || size.unit || size.bytes === 0 || size.bytes >= SMALLEST_LIKELY_BYTE_COUNT || flag.daemonRefusal || !flag.valueSpan)
          return []
        return [{
          ...flag.valueSpan,
          message: `${flag.value} has no unit, so it means ${size.bytes} bytes. Write ${flag.value}m for megabytes or ${flag.value}g for gigabytes.`,
        }]
      })
    },
  },
  {
    code: 'EXITS_AT_ONCE',
    appliesTo: ['creates-container'],
    find({ parsed, config, image }) {
      // With -i it reads what you type or pipe; with -t alone it waits on a terminal that never ends.
      if (!config || config.interactive || config.tty)
        return []
      const run = programToRun(config, catalogImageOf(image))
      if (!run?.interactive)
        return []
      const word = (config.command.length > 0 ? parsed.args.find(a => a.spec?.kind === 'command') : parsed.args.find(a => a.spec?.kind === 'image'))?.word
      if (!word)
        return []
      const what = run.isDefault ? `The image's default command, \`${shellJoin(run.argv)}\`,` : `\`${shellJoin(run.argv)}\``
      const starts = hasTrait(parsed, 'starts-container') ? '' : ' when the container starts'
      const fix = config.detach ? 'add -it (-dit keeps it running in the background) or give a command that keeps working' : 'add -it to talk to it, or give a command that does not wait for input'
      return [{
        start: word.start,
        end: word.end,
        message: `${what} reads commands from a terminal; without -i and -t it gets no input, reads end of input and exits at once${starts}, so the container stops right away. To keep it, ${fix}.`,
      }]
    },
  },
  {
    code: 'PLACEHOLDER',
    appliesTo: ['any'],
    find({ shell }) {
      return shell.words.flatMap(word => placeholdersIn(word).map(e => ({ start: e.start, end: e.end, message: describePlaceholder(e.text) })))
    },
  },
  {
    code: 'SHELL_EXPANSION',
    appliesTo: ['any'],
    find({ shell }) {
      const words = [...shell.words, ...shell.redirections.flatMap(r => (r.target ? [r.target] : []))]
      return words.flatMap(word =>
        word.expansions.filter(e => e.kind !== 'placeholder').map((e) => {
          const message
            = e.kind === 'variable'
              ? `Your shell replaces ${e.text} with its value before docker runs, so what docker gets depends on your shell.`
              : e.kind === 'command'
                ? `Your shell first runs ${e.text.replace(/^\$\(|\)$|^`|`$/g, '')} and puts its output here; docker only sees the result.`
                : e.kind === 'arithmetic'
                  ? `Your shell computes ${e.text} before docker runs.`
                  : e.kind === 'tilde'
                    ? 'Your shell replaces ~ with your home folder before docker runs.'
                    : `Your shell may replace ${word.value} with the names of matching files in the current folder; quote it to pass it as is.`
          return { start: e.start, end: e.end, message }
        }),
      )
    },
  },
]

export function findWarnings(context: WarningContext): Warning[] {
  const warnings: Warning[] = []
  for (const rule of WARNING_RULES) {
    if (!appliesTo(rule, context.parsed))
      continue
    for (const found of rule.find(context)) warnings.push({ code: rule.code, severity: 'warning', ...found })
  }
  return warnings.sort((a, b) => a.start - b.start || a.end - b.end)
}
