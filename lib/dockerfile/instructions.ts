// What each Dockerfile instruction does, in plain words for a beginner: one typed table.
// Checks (check.ts) and hovers (describe.ts) read it; nothing else knows instruction names.

export type InstructionKeyword
  = | 'FROM'
    | 'RUN'
    | 'COPY'
    | 'ADD'
    | 'CMD'
    | 'ENTRYPOINT'
    | 'WORKDIR'
    | 'ENV'
    | 'ARG'
    | 'EXPOSE'
    | 'USER'
    | 'VOLUME'
    | 'LABEL'
    | 'HEALTHCHECK'
    | 'SHELL'
    | 'STOPSIGNAL'
    | 'ONBUILD'
    | 'MAINTAINER'

/** How an instruction accepts a JSON array (`["a", "b"]`). */
export type JsonForm
  = | 'none' // never: the text is taken as is
    | 'optional' // exec form or shell form (RUN, CMD, ENTRYPOINT, COPY, ADD, VOLUME)
    | 'required' // only the JSON array is valid (SHELL)

export interface FlagInfo {
  /** Without dashes: `from`. */
  name: string
  explain: string
}

// Texts in this file may use `code` spans (rendered as code in hovers); no other markup.

export interface InstructionSpec {
  keyword: InstructionKeyword
  /** The usual ways to write it. */
  syntax: readonly string[]
  /** One line: what it is for. */
  summary: string
  /** Two or three sentences for a beginner: when it runs and what it changes. */
  explain: string
  /** Fewest arguments that make sense (flags not counted). */
  minArgs: number
  /** What is missing when there are fewer: "an image", "a path"… */
  needs: string
  jsonForm: JsonForm
  /** What an empty JSON array (`CMD []`) means, for the instructions where BuildKit accepts one. */
  emptyArray?: string
  /** Flags (`--name=value`) BuildKit accepts on this instruction. */
  flags: readonly FlagInfo[]
  /** When true, the instruction still works but should not be used in new Dockerfiles. */
  deprecated?: string
}

const table: readonly InstructionSpec[] = [
  {
    keyword: 'FROM',
    syntax: ['FROM <image>[:<tag>] [AS <name>]', 'FROM scratch'],
    summary: 'Start a build stage from a base image.',
    explain:
      'Every image is built on top of another one: FROM picks that base image, and everything after it adds layers on top. '
      + 'A Dockerfile can have several FROM lines; each starts a new stage, and only the last stage ends up in the final image.',
    minArgs: 1,
    needs: 'an image to start from (e.g. `FROM python:3.12-slim`)',
    jsonForm: 'none',
    flags: [
      { name: 'platform', explain: 'Which CPU architecture/OS variant of the base image to use, e.g. `linux/amd64`.' },
    ],
  },
  {
    keyword: 'RUN',
    syntax: ['RUN <command>', 'RUN ["executable", "arg", …]'],
    summary: 'Run a command while the image is being built.',
    explain:
      'The command runs once, at build time, inside a temporary container; whatever it changes on disk (installed packages, created files) is saved as a new layer of the image. '
      + 'It does not run again when a container starts. Joining related commands with `&&` keeps them in one layer.',
    minArgs: 1,
    needs: 'a command to run',
    jsonForm: 'optional',
    flags: [
      { name: 'mount', explain: 'Mount something only while this RUN executes: a cache folder (`type=cache`), a secret, or files from the context.' },
      { name: 'network', explain: 'Network access for this RUN: `default`, `none` (no network) or `host`.' },
      { name: 'security', explain: '`insecure` runs the command with extra privileges (needs a build flag to allow it).' },
    ],
  },
  {
    keyword: 'COPY',
    syntax: ['COPY <src>… <dest>', 'COPY ["<src>", …, "<dest>"]'],
    summary: 'Copy files from the build context into the image.',
    explain:
      'Sources are paths in the build context (the folder given to `docker build`, minus what `.dockerignore` excludes); the last argument is the destination inside the image. '
      + 'A relative destination is taken from the current WORKDIR. The copied files become a new layer.',
    minArgs: 2,
    needs: 'at least one source and a destination',
    jsonForm: 'optional',
    flags: [
      { name: 'from', explain: 'Copy from another build stage (by name or number) or from an image, instead of the build context.' },
      { name: 'chown', explain: 'Owner of the copied files inside the image, e.g. `--chown=app:app` (default: root).' },
      { name: 'chmod', explain: 'Permissions of the copied files, e.g. `--chmod=755`.' },
      { name: 'link', explain: 'Copy into an independent layer, so it can be reused even when earlier layers change.' },
      { name: 'parents', explain: 'Keep the sources" parent folders at the destination.' },
      { name: 'exclude', explain: 'Skip sources that match this pattern.' },
    ],
  },
  {
    keyword: 'ADD',
    syntax: ['ADD <src>… <dest>', 'ADD ["<src>", …, "<dest>"]'],
    summary: 'Like COPY, but also downloads URLs and unpacks local tar archives.',
    explain:
      'ADD copies files like COPY does, with two extras: a source that is a URL is downloaded, and a local .tar archive is extracted at the destination. '
      + 'Prefer COPY for plain files: it does only what it says.',
    minArgs: 2,
    needs: 'at least one source and a destination',
    jsonForm: 'optional',
    flags: [
      { name: 'chown', explain: 'Owner of the copied files inside the image, e.g. `--chown=app:app` (default: root).' },
      { name: 'chmod', explain: 'Permissions of the copied files, e.g. `--chmod=755`.' },
      { name: 'checksum', explain: 'Expected checksum of a downloaded file (`sha256:…`); the build fails if it differs.' },
      { name: 'keep-git-dir', explain: 'When adding a Git repository, keep its `.git` folder.' },
      { name: 'link', explain: 'Copy into an independent layer, so it can be reused even when earlier layers change.' },
      { name: 'exclude', explain: 'Skip sources that match this pattern.' },
    ],
  },
  {
    keyword: 'CMD',
    syntax: ['CMD ["executable", "arg", …]', 'CMD <command>', 'CMD ["arg", …]  (arguments for ENTRYPOINT)'],
    summary: 'The default command a container runs when it starts.',
    explain:
      'CMD does nothing at build time: it is stored in the image and runs each time a container starts. '
      + 'Anything typed after the image name in `docker run IMAGE …` replaces it. Only the last CMD of a stage counts.',
    minArgs: 1,
    needs: 'the command to run when a container starts',
    jsonForm: 'optional',
    emptyArray: 'No default command: clears the CMD inherited from the base image (the usual line after an ENTRYPOINT).',
    flags: [],
  },
  {
    keyword: 'ENTRYPOINT',
    syntax: ['ENTRYPOINT ["executable", "arg", …]', 'ENTRYPOINT <command>'],
    summary: 'The program a container always runs; CMD becomes its default arguments.',
    explain:
      'With ENTRYPOINT the image behaves like one program: `docker run IMAGE args…` passes args to it instead of replacing it. '
      + 'In the JSON (exec) form the program receives signals such as Ctrl+C directly; in the shell form it runs under `/bin/sh -c` and CMD is ignored.',
    minArgs: 1,
    needs: 'the program to run',
    jsonForm: 'optional',
    emptyArray: 'No entrypoint: clears the ENTRYPOINT inherited from the base image.',
    flags: [],
  },
  {
    keyword: 'WORKDIR',
    syntax: ['WORKDIR <path>'],
    summary: 'Set the working directory for the instructions after it, and for the container.',
    explain:
      'Later RUN, CMD, ENTRYPOINT, COPY and ADD instructions use this folder as their current directory, and a started container begins there too. '
      + 'The folder is created if it does not exist. Use an absolute path: a relative one is added to the previous WORKDIR.',
    minArgs: 1,
    needs: 'a directory path',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'ENV',
    syntax: ['ENV <name>=<value> …'],
    summary: 'Set environment variables, for the build and for every container.',
    explain:
      'The variables are available to the following instructions and stay in the image: every container started from it sees them. '
      + '`docker run -e NAME=value` can override them. Do not put secrets here: anyone with the image can read them.',
    minArgs: 1,
    needs: 'at least one `NAME=value`',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'ARG',
    syntax: ['ARG <name>[=<default>]'],
    summary: 'Declare a build argument, set with `docker build --build-arg`.',
    explain:
      'An ARG is a variable that exists only while the image is built; running containers do not see it. '
      + 'Its value comes from `--build-arg NAME=value`, or from the default written here. An ARG before the first FROM can be used in FROM lines.',
    minArgs: 1,
    needs: 'a variable name',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'EXPOSE',
    syntax: ['EXPOSE <port>[/<protocol>] …'],
    summary: 'Document which ports the application listens on.',
    explain:
      'EXPOSE is documentation stored in the image: it does not open or publish anything. '
      + 'To reach the port from the host you still publish it, e.g. `docker run -p 8000:5000`. (`docker run -P` publishes every exposed port on a random host port.)',
    minArgs: 1,
    needs: 'a port number (e.g. `EXPOSE 5000`)',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'USER',
    syntax: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    summary: 'Run the following instructions and the container as this user.',
    explain:
      'By default everything in a container runs as root. USER switches to another user for later RUN, CMD and ENTRYPOINT instructions and for the started container; '
      + 'the user must exist in the image (create it with `useradd` in a RUN first).',
    minArgs: 1,
    needs: 'a user name or UID',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'VOLUME',
    syntax: ['VOLUME <path> …', 'VOLUME ["<path>", …]'],
    summary: 'Mark folders whose data should live outside the container.',
    explain:
      'Each container started from the image gets a volume mounted at these paths (an anonymous one unless `docker run -v` names one), so the data survives the container. '
      + 'Changes a later RUN makes inside such a path are thrown away.',
    minArgs: 1,
    needs: 'at least one path',
    jsonForm: 'optional',
    flags: [],
  },
  {
    keyword: 'LABEL',
    syntax: ['LABEL <key>=<value> …'],
    summary: 'Attach metadata (key=value) to the image.',
    explain:
      'Labels do not change how the image runs: they are notes such as the maintainer, the version or the source repository, '
      + 'readable with `docker image inspect` and usable as filters (`docker images --filter label=…`).',
    minArgs: 1,
    needs: 'at least one `key=value`',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'HEALTHCHECK',
    syntax: ['HEALTHCHECK [--interval=…] [--timeout=…] [--retries=…] CMD <command>', 'HEALTHCHECK NONE'],
    summary: 'Tell Docker how to check that the container still works.',
    explain:
      'Docker runs the command inside the container every interval; exit code 0 means healthy, 1 unhealthy. '
      + 'After several failures in a row the container is marked "unhealthy" (shown by `docker ps`). `HEALTHCHECK NONE` turns off a check inherited from the base image.',
    minArgs: 1,
    needs: '`CMD <command>` or `NONE`',
    jsonForm: 'none',
    flags: [
      { name: 'interval', explain: 'Time between two checks (default 30s).' },
      { name: 'timeout', explain: 'How long one check may take before it counts as failed (default 30s).' },
      { name: 'start-period', explain: 'Start-up time during which failures are not counted (default 0s).' },
      { name: 'start-interval', explain: 'Time between checks during the start period (default 5s).' },
      { name: 'retries', explain: 'Failures in a row before the container is marked unhealthy (default 3).' },
    ],
  },
  {
    keyword: 'SHELL',
    syntax: ['SHELL ["executable", "parameters"]'],
    summary: 'Change the shell used by the shell form of RUN, CMD and ENTRYPOINT.',
    explain:
      'The default is `["/bin/sh", "-c"]` on Linux. SHELL replaces it for the instructions that follow, e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`. '
      + 'It must be written as a JSON array.',
    minArgs: 1,
    needs: 'a JSON array such as `["/bin/bash", "-c"]`',
    jsonForm: 'required',
    flags: [],
  },
  {
    keyword: 'STOPSIGNAL',
    syntax: ['STOPSIGNAL <signal>'],
    summary: 'The signal `docker stop` sends to ask the container to exit.',
    explain:
      '`docker stop` sends this signal (SIGTERM by default), waits a grace period, then kills the container. '
      + 'Set it when the program shuts down cleanly on a different signal, e.g. `STOPSIGNAL SIGINT`.',
    minArgs: 1,
    needs: 'a signal name or number (e.g. `SIGINT`)',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'ONBUILD',
    syntax: ['ONBUILD <INSTRUCTION> …'],
    summary: 'An instruction saved for later: it runs when another image is built FROM this one.',
    explain:
      'The instruction after ONBUILD does not run now. It is stored in the image and executed right after the FROM line of any Dockerfile that uses this image as its base.',
    minArgs: 1,
    needs: 'the instruction to run later (e.g. `ONBUILD COPY . /app`)',
    jsonForm: 'none',
    flags: [],
  },
  {
    keyword: 'MAINTAINER',
    syntax: ['MAINTAINER <name>'],
    summary: 'The author of the image (deprecated).',
    explain: 'Sets the author field of the image. It still works but is deprecated.',
    minArgs: 1,
    needs: 'a name',
    jsonForm: 'none',
    flags: [],
    deprecated: 'MAINTAINER is deprecated: use `LABEL org.opencontainers.image.authors="…"` instead.',
  },
]

export const INSTRUCTIONS: ReadonlyMap<InstructionKeyword, InstructionSpec> = new Map(table.map(spec => [spec.keyword, spec]))

/** The spec for a keyword written in any case (`from` works, like Docker), or undefined. */
export function findInstruction(keyword: string): InstructionSpec | undefined {
  return INSTRUCTIONS.get(keyword.toUpperCase() as InstructionKeyword)
}
