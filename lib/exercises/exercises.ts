// The deck's exercises, in slide order. Goals read the machine's state; hints name the known wrong paths
// by what the engine reports (its codes) or by the state they leave behind.

import type { ContainerRecord } from '../docker-sim/state'
import type { Exercise, MachineView } from './types'
import {
  answeredRequests,
  answersOnHostPort,
  builtImageTagged,
  commandLine,
  containerBehindHostPort,
  containerHasFile,
  containerNamed,
  containersOf,
  envValue,
  flaskListenAddress,
  hasFlagInItsCommand,
  hasImage,
  isRunning,
  listeningPorts,
  logText,
  mountAt,
  newContainers,
  newVolumes,
  repositoryOf,
  volumeHasFile,
  writtenInContainerLayer,
} from './query'

const FSTRING_LINE = 'python -c "print(f\'{6*7}\')"'

/** Flags students put after the image by mistake, which then reach the program as its arguments. */
const RUN_FLAGS = ['-p', '--publish', '-e', '--env', '-v', '--volume', '--mount', '--name', '-d', '--detach', '--rm', '-it', '-i', '-t']

function flagAfterImage(view: MachineView, codes: ReadonlySet<string>): boolean {
  return codes.has('FLAG_AFTER_IMAGE') || newContainers(view).some(c => hasFlagInItsCommand(c, RUN_FLAGS))
}

const FLAG_AFTER_IMAGE_HINT = {
  id: 'flag-after-image',
  text: 'Everything after the image name is the command for the container, so a flag written there reaches the program, not docker. Put the flags between `docker run` and the image.',
  when: (view: MachineView, evidence: { codes: ReadonlySet<string> }) => flagAfterImage(view, evidence.codes),
}

/** Where the built flask-app's history puts pip install relative to copying app.py. */
function installAndCopySteps(view: MachineView): 'install-first' | 'copy-first' | 'missing' {
  const history = builtImageTagged(view, 'flask-app')?.history.map(step => step.createdBy) ?? []
  const install = history.findIndex(line => /pip3? install|-m pip install/.test(line))
  const copyApp = history.findIndex(line => /COPY[^\n]*app\.py|COPY \. /.test(line))
  return install === -1 || copyApp === -1 ? 'missing' : install < copyApp ? 'install-first' : 'copy-first'
}

function flaskAppContainers(view: MachineView): ContainerRecord[] {
  const image = builtImageTagged(view, 'flask-app')
  return image ? view.host.containers.filter(c => c.imageId === image.id) : []
}

/**
 * flask-app's server listens on every address: its image's command or FLASK_RUN_HOST says 0.0.0.0, or a
 * running container's Flask said so at start-up (app.run(host=…) too). A container whose Flask said
 * 127.0.0.1 decides against the image, since the run may have overridden its command.
 */
function flaskAppListensEverywhere(view: MachineView): boolean {
  const image = builtImageTagged(view, 'flask-app')
  if (image === null)
    return false
  const said = flaskAppContainers(view).filter(isRunning).map(flaskListenAddress).filter(address => address !== null)
  if (said.length > 0)
    return said.includes('0.0.0.0')
  const { entrypoint, cmd, env } = image.config
  return [...(entrypoint ?? []), ...(cmd ?? [])].join(' ').includes('0.0.0.0') || env.some(([name, value]) => name === 'FLASK_RUN_HOST' && value === '0.0.0.0')
}

function runningRemovedHint(name: string) {
  return {
    id: 'rm-running',
    text: `\`docker rm\` refuses a running container. Stop it first (\`docker stop ${name}\`), or remove it running with \`docker rm -f ${name}\`.`,
    when: (view: MachineView) => isRunning(containerNamed(view, name)),
  }
}

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'python-versions',
    title: 'The same line under Python 3.5 and 3.12',
    page: '04-running-containers.md',
    task: `Run \`${FSTRING_LINE}\` in a container named py35 from python:3.5 and in one named py312 from python:3.12, without --rm, so that both stay to be compared.`,
    steps: [
      `docker run --name py35 python:3.5 ${FSTRING_LINE}`,
      `docker run --name py312 python:3.12 ${FSTRING_LINE}`,
      'docker ps -a: py35 exited with 1, py312 with 0',
    ],
    expectedOutput: 'py35: SyntaxError: invalid syntax (f-strings came with Python 3.6)\npy312: 42',
    setup: [],
    milestones: [],
    goals: [
      { id: 'py35-failed', text: 'a container py35 from python:3.5 ended with a SyntaxError', holds: (view) => {
        const c = containerNamed(view, 'py35')
        return c !== null && c.status === 'exited' && c.exitCode !== 0 && repositoryOf(c.image) === 'python' && view.host.findImage('python:3.5')?.id === c.imageId && logText(c).includes('SyntaxError')
      } },
      { id: 'py312-printed', text: 'a container py312 from python:3.12 printed 42', holds: (view) => {
        const c = containerNamed(view, 'py312')
        return c !== null && c.status === 'exited' && c.exitCode === 0 && view.host.findImage('python:3.12')?.id === c.imageId && logText(c).includes('42')
      } },
      { id: 'same-line', text: 'both ran the same command line', holds: (view) => {
        const [a, b] = [containerNamed(view, 'py35'), containerNamed(view, 'py312')]
        return a !== null && b !== null && commandLine(a).join('\0') === commandLine(b).join('\0')
      } },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'removed-with-rm', text: 'With --rm the container is deleted when it ends, so nothing is left to compare: run it again without --rm.', when: view => containerNamed(view, 'py35') === null && containerNamed(view, 'py312') === null && (hasImage(view, 'python:3.5') || hasImage(view, 'python:3.12')) },
    ],
    solutions: [{ commands: [`docker run --name py35 python:3.5 ${FSTRING_LINE}`, `docker run --name py312 python:3.12 ${FSTRING_LINE}`] }],
  },
  {
    id: 'pull-list-remove',
    title: 'Pull, list and remove an image',
    page: '04-running-containers.md',
    task: 'Download python:3.5, list your images, then delete python:3.5 again.',
    steps: ['docker pull python:3.5', 'docker images (python 3.5 is in the list)', 'docker rmi python:3.5'],
    expectedOutput: 'docker images: a line python:3.5 … 814MB\ndocker rmi: Untagged: python:3.5, then Deleted: sha256:… lines',
    setup: [],
    milestones: [{ id: 'pulled', text: 'python:3.5 is on the machine', holds: view => hasImage(view, 'python:3.5') }],
    goals: [{ id: 'removed', text: 'python:3.5 is gone again', holds: view => !hasImage(view, 'python:3.5') }],
    hints: [
      { id: 'image-in-use', text: '`docker rmi` refuses an image a container (even a stopped one) still uses: remove that container first (`docker ps -a`, `docker rm NAME`).', when: view => hasImage(view, 'python:3.5') && containersOf(view, 'python:3.5').length > 0 },
    ],
    solutions: [{ commands: ['docker pull python:3.5', 'docker images', 'docker rmi python:3.5'] }],
  },
  {
    id: 'filesystem-game',
    title: 'Two containers, two filesystems',
    page: '04-running-containers.md',
    task: 'Start two containers from python:3.12 that keep running, named one and two. Create /tmp/note.txt in one (with docker exec) and see that two does not have it.',
    steps: ['docker run -d --name one python:3.12 sleep 3600', 'docker run -d --name two python:3.12 sleep 3600', 'docker exec one touch /tmp/note.txt', 'docker exec two ls /tmp (empty)'],
    expectedOutput: 'docker exec two ls /tmp prints nothing: note.txt exists only in one',
    setup: [],
    milestones: [],
    goals: [
      { id: 'both-running', text: 'containers one and two from python:3.12 are running', holds: view => ['one', 'two'].every((name) => {
        const c = containerNamed(view, name)
        return isRunning(c) && view.host.findImage('python:3.12')?.id === c.imageId
      }) },
      { id: 'note-in-one', text: 'one has /tmp/note.txt', holds: (view) => {
        const c = containerNamed(view, 'one')
        return c !== null && containerHasFile(view, c, '/tmp/note.txt')
      } },
      { id: 'not-in-two', text: 'two has no /tmp/note.txt', holds: (view) => {
        const c = containerNamed(view, 'two')
        return c !== null && !containerHasFile(view, c, '/tmp/note.txt')
      } },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'exited-at-once', text: 'A container lives as long as its main process: python:3.12 with -d and no command starts Python with no input, which ends at once. Give it a command that keeps running (`sleep 3600`), or use -dit.', when: view => ['one', 'two'].some(name => containerNamed(view, name)?.status === 'exited') },
      { id: 'note-in-both', text: 'Both containers have the file: did you create it in two as well? Each container has its own writable layer; create it in one only.', when: view => ['one', 'two'].every((name) => {
        const c = containerNamed(view, name)
        return c !== null && containerHasFile(view, c, '/tmp/note.txt')
      }) },
    ],
    solutions: [{ commands: ['docker run -d --name one python:3.12 sleep 3600', 'docker run -d --name two python:3.12 sleep 3600', 'docker exec one touch /tmp/note.txt', 'docker exec two ls /tmp'] }],
  },
  {
    id: 'named-volume',
    title: 'Make a file survive its container',
    page: '05-volumes-logs-env.md',
    task: 'Write a file note.txt in a named volume called notes, mounted at /data, from a container that is then deleted (--rm). The file must still be in the volume.',
    steps: ['docker run --rm -v notes:/data python:3.12 bash -c "echo hello > /data/note.txt"', 'docker run --rm -v notes:/data python:3.12 cat /data/note.txt'],
    expectedOutput: 'hello (read by a new container: the file outlived the first one)',
    setup: [],
    milestones: [],
    goals: [
      { id: 'file-in-volume', text: 'the volume notes holds note.txt', holds: view => volumeHasFile(view, 'notes', '/note.txt') },
      { id: 'writer-gone', text: 'no container using notes is left (the file survived its container)', holds: view => view.host.volumes.some(v => v.name === 'notes') && view.host.volumeUsers('notes').length === 0 },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'written-without-volume', text: 'The file went into the container\'s own writable layer, not into a volume: it disappears with the container. Mount the volume with -v notes:/data and write under /data.', when: view => view.host.containers.some(c => writtenInContainerLayer(c, '/data/note.txt')) && !volumeHasFile(view, 'notes', '/note.txt') },
      { id: 'bind-mount-instead', text: 'That mounted a folder of your computer, not a named volume: with a path (./notes or /notes) -v is a bind mount; a bare name (notes) is a volume.', when: view => view.host.containers.some(c => mountAt(c, '/data')?.type === 'bind') && !volumeHasFile(view, 'notes', '/note.txt') },
      { id: 'anonymous-volume', text: 'The file is in a volume Docker named with a long hash (an anonymous volume), not in notes: write -v notes:/data.', when: view => newVolumes(view).some(name => name !== 'notes' && volumeHasFile(view, name, '/note.txt')) && !volumeHasFile(view, 'notes', '/note.txt') },
      { id: 'writer-still-there', text: 'The file is in the volume; now delete the container that wrote it (docker rm), or run it with --rm, to see it survive.', when: view => volumeHasFile(view, 'notes', '/note.txt') && view.host.volumeUsers('notes').length > 0 },
    ],
    solutions: [{ commands: ['docker run --rm -v notes:/data python:3.12 bash -c "echo hello > /data/note.txt"', 'docker run --rm -v notes:/data python:3.12 cat /data/note.txt'] }],
  },
  {
    id: 'read-only-mount',
    title: 'A read-only mount',
    page: '05-volumes-logs-env.md',
    task: 'The volume notes holds note.txt. Start a container named reader that keeps running, with notes mounted read-only at /data, and check that it can read the note but not write there.',
    steps: ['docker run -d --name reader -v notes:/data:ro python:3.12 sleep 3600', 'docker exec reader cat /data/note.txt', 'docker exec reader touch /data/new.txt (refused)'],
    expectedOutput: 'cat prints hello; touch: cannot touch \'/data/new.txt\': Read-only file system',
    setup: ['docker run --rm -v notes:/data python:3.12 bash -c "echo hello > /data/note.txt"'],
    milestones: [],
    goals: [
      { id: 'reader-running', text: 'a container named reader is running', holds: view => isRunning(containerNamed(view, 'reader')) },
      { id: 'mounted-read-only', text: 'reader has the volume notes at /data, read-only', holds: (view) => {
        const c = containerNamed(view, 'reader')
        const mount = c ? mountAt(c, '/data') : null
        return mount !== null && mount.type === 'volume' && mount.name === 'notes' && mount.readOnly
      } },
      { id: 'volume-untouched', text: 'the volume still holds only what it had (nothing written through the mount)', holds: view => volumeHasFile(view, 'notes', '/note.txt') && (view.host.volumeFiles.get('notes')?.readdir('/').length ?? 0) === 1 },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'mounted-writable', text: 'The volume is mounted, but writable: add :ro (-v notes:/data:ro) or readonly (--mount source=notes,target=/data,readonly).', when: (view) => {
        const c = containerNamed(view, 'reader')
        const mount = c ? mountAt(c, '/data') : null
        return mount !== null && !mount.readOnly
      } },
      { id: 'written-before-ro', text: 'Something new was written into notes: the check wants the volume as it was. Run the setup again (Start) and mount it read-only from the beginning.', when: view => (view.host.volumeFiles.get('notes')?.readdir('/').length ?? 0) > 1 },
      { id: 'exited-at-once', text: 'reader stopped at once: give it a command that keeps running, such as `sleep 3600`.', when: view => containerNamed(view, 'reader')?.status === 'exited' },
    ],
    solutions: [
      { commands: ['docker run -d --name reader -v notes:/data:ro python:3.12 sleep 3600', 'docker exec reader cat /data/note.txt', 'docker exec reader touch /data/new.txt'] },
    ],
  },
  {
    id: 'background-logs',
    title: 'Logs of a background container',
    page: '05-volumes-logs-env.md',
    task: 'Start a container named pinger in the background that prints the date every second, then read what it printed with docker logs.',
    steps: ['docker run -d --name pinger python:3.12 bash -c "while true; do date; sleep 1; done"', 'docker logs pinger'],
    expectedOutput: 'docker run -d prints the container ID; docker logs prints lines like Tue Dec  1 09:00:01 UTC 2026',
    setup: [],
    milestones: [],
    goals: [
      { id: 'pinger-in-background', text: 'a container named pinger runs in the background (-d)', holds: (view) => {
        const c = containerNamed(view, 'pinger')
        return isRunning(c) && c.detached
      } },
      { id: 'pinger-printed', text: 'pinger has printed something (its logs are not empty)', holds: (view) => {
        const c = containerNamed(view, 'pinger')
        return c !== null && logText(c).trim() !== ''
      } },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'not-detached', text: 'Without -d the container holds your terminal, and Ctrl-C ends it. Start it with -d, then use docker logs pinger.', when: (view) => {
        const c = containerNamed(view, 'pinger')
        return c !== null && !c.detached
      } },
      { id: 'exited', text: 'pinger is not running any more: its main process ended. The command must loop (while true; …; done).', when: view => containerNamed(view, 'pinger')?.status === 'exited' },
    ],
    solutions: [{ commands: ['docker run -d --name pinger python:3.12 bash -c "while true; do date; sleep 1; done"', 'docker logs pinger'] }],
    notChecked: 'That you read the logs: the check sees that pinger runs in the background and printed, not what your terminal showed.',
  },
  {
    id: 'stop-and-remove',
    title: 'Stop and remove a running container',
    page: '05-volumes-logs-env.md',
    task: 'A container named pinger runs in the background. Remove it, so that docker ps -a no longer lists it.',
    steps: ['docker stop pinger', 'docker rm pinger', 'docker ps -a (no pinger)'],
    expectedOutput: 'docker stop prints pinger after about 10 s; docker rm prints pinger',
    setup: ['docker run -d --name pinger python:3.12 bash -c "while true; do date; sleep 1; done"'],
    // Seen running first: on a machine that never had pinger, "no pinger" would hold from the start.
    milestones: [{ id: 'pinger-running', text: 'pinger runs (Start makes it)', holds: view => isRunning(containerNamed(view, 'pinger')) }],
    goals: [{ id: 'pinger-gone', text: 'no container named pinger exists', holds: view => containerNamed(view, 'pinger') === null }],
    hints: [
      runningRemovedHint('pinger'),
      { id: 'stopped-only', text: 'pinger is stopped but still there (docker ps -a lists it): docker rm pinger deletes it.', when: view => containerNamed(view, 'pinger')?.status === 'exited' },
    ],
    solutions: [{ commands: ['docker stop pinger', 'docker rm pinger', 'docker ps -a'] }],
  },
  {
    id: 'environment-variable',
    title: 'An environment variable',
    page: '05-volumes-logs-env.md',
    task: 'Run a container named greeter from python:3.12 with the environment variable GREETING=hello that prints it (bash -c \'echo $GREETING\').',
    steps: ['docker run --name greeter -e GREETING=hello python:3.12 bash -c \'echo $GREETING\'', 'docker logs greeter'],
    expectedOutput: 'hello',
    setup: [],
    milestones: [],
    goals: [
      { id: 'env-set', text: 'greeter has GREETING=hello in its environment', holds: (view) => {
        const c = containerNamed(view, 'greeter')
        return c !== null && envValue(c, 'GREETING') === 'hello'
      } },
      { id: 'printed', text: 'greeter printed hello', holds: (view) => {
        const c = containerNamed(view, 'greeter')
        return c !== null && logText(c).split('\n').includes('hello')
      } },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'wrong-value', text: 'GREETING is set, but not to hello: -e NAME=VALUE, with no spaces around =.', when: (view) => {
        const c = containerNamed(view, 'greeter')
        const value = c ? envValue(c, 'GREETING') : undefined
        return value !== undefined && value !== 'hello'
      } },
      { id: 'expanded-on-host', text: 'greeter has the variable, but printed nothing: in double quotes your own shell replaces $GREETING (empty on your laptop) before docker sees it. Use single quotes.', when: (view, evidence) => {
        const c = containerNamed(view, 'greeter')
        return (evidence.codes.has('SHELL_EXPANSION') || evidence.codes.has('ENV_FROM_HOST')) && c !== null && envValue(c, 'GREETING') === 'hello' && !logText(c).includes('hello')
      } },
    ],
    solutions: [{ commands: ['docker run --name greeter -e GREETING=hello python:3.12 bash -c \'echo $GREETING\''] }],
  },
  {
    id: 'publish-http-server',
    title: 'Publish python -m http.server on port 8080',
    page: '06-networking.md',
    task: 'Run `python -m http.server 8000` in a background container from python:3.12 and make it answer on port 8080 of your laptop (curl localhost:8080).',
    steps: ['docker run -d --name web -p 8080:8000 python:3.12 python -m http.server 8000', 'curl localhost:8080'],
    expectedOutput: 'curl prints the directory listing: <!DOCTYPE HTML> … Directory listing for /',
    setup: [],
    milestones: [],
    goals: [
      { id: 'answers-8080', text: 'something answers on localhost:8080: a published port reaching a server in the container', holds: view => answersOnHostPort(view, 8080) },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'port-sides-swapped', text: 'The port is published the wrong way round: -p HOST:CONTAINER, so the laptop\'s 8080 comes first and the server\'s 8000 second (-p 8080:8000).', when: view => view.host.activeBindings().some(b => b.hostPort === 8000 && b.containerPort === 8080 && !listeningPorts(view, b.container).includes(8080)) },
      { id: 'port-taken', text: 'Another container already holds port 8080: stop it (docker ps, docker stop NAME) or remove it.', when: view => view.host.containers.some(c => c.status !== 'running' && c.hostConfig.portBindings.some(b => b.hostPort === 8080)) && !answersOnHostPort(view, 8080) },
      { id: 'container-port-mismatch', text: 'Port 8080 is published, but no program in the container listens on the port it points to: the right side of -p must be the server\'s own port (8000).', when: view => view.host.activeBindings().some(b => b.hostPort === 8080 && !listeningPorts(view, b.container).includes(b.containerPort)) },
      { id: 'not-published', text: 'The server runs, but nothing is published: add -p 8080:8000 to docker run (a running container\'s ports cannot be added; start a new one).', when: view => view.host.containers.some(c => isRunning(c) && listeningPorts(view, c).length > 0 && c.hostConfig.portBindings.length === 0) && !answersOnHostPort(view, 8080) },
    ],
    solutions: [{ commands: ['docker run -d --name web -p 8080:8000 python:3.12 python -m http.server 8000', 'curl localhost:8080'] }],
  },
  {
    id: 'postgres-volume',
    title: 'Postgres with a named volume and a password',
    page: '07-examples.md',
    task: 'Start postgres:18 in the background, named some-postgres, with a password (POSTGRES_PASSWORD) and its data in a named volume pgdata mounted at /var/lib/postgresql.',
    steps: ['docker run -d --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -v pgdata:/var/lib/postgresql postgres:18', 'docker exec -it some-postgres psql -U postgres'],
    expectedOutput: 'psql (18.…) and the postgres=# prompt; \\l lists the databases',
    setup: [],
    milestones: [],
    goals: [
      { id: 'postgres-container', text: 'a container some-postgres from postgres:18 exists, started with -d', holds: (view) => {
        const c = containerNamed(view, 'some-postgres')
        return c !== null && c.detached && view.host.findImage('postgres:18')?.id === c.imageId
      } },
      { id: 'password', text: 'it has a POSTGRES_PASSWORD', holds: (view) => {
        const c = containerNamed(view, 'some-postgres')
        return c !== null && (envValue(c, 'POSTGRES_PASSWORD') ?? '') !== ''
      } },
      { id: 'named-volume', text: 'the named volume pgdata is mounted at /var/lib/postgresql', holds: (view) => {
        const c = containerNamed(view, 'some-postgres')
        const mount = c ? mountAt(c, '/var/lib/postgresql') : null
        return mount !== null && mount.type === 'volume' && mount.name === 'pgdata'
      } },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'no-password', text: 'The postgres image refuses to start without a password: add -e POSTGRES_PASSWORD=… (or POSTGRES_HOST_AUTH_METHOD=trust, for a demo only).', when: (view) => {
        const c = containerNamed(view, 'some-postgres')
        return c !== null && (envValue(c, 'POSTGRES_PASSWORD') ?? '') === ''
      } },
      { id: 'old-data-path', text: 'postgres:18 keeps its data in /var/lib/postgresql/18/docker; mounting /var/lib/postgresql/data (the path before 18) leaves the data outside the volume. Mount pgdata at /var/lib/postgresql.', when: (view) => {
        const c = containerNamed(view, 'some-postgres')
        return c !== null && mountAt(c, '/var/lib/postgresql/data') !== null
      } },
      { id: 'anonymous-volume', text: 'The data went to a volume Docker named with a hash: give it a name, -v pgdata:/var/lib/postgresql.', when: (view) => {
        const c = containerNamed(view, 'some-postgres')
        const mount = c ? mountAt(c, '/var/lib/postgresql') : null
        return mount !== null && mount.type === 'volume' && mount.name !== 'pgdata' && view.host.volumes.find(v => v.name === mount.name)?.anonymous === true
      } },
    ],
    solutions: [{ commands: ['docker run -d --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -v pgdata:/var/lib/postgresql postgres:18'] }],
    notChecked: 'The postgres server itself is not simulated: the check reads the container\'s configuration, not a psql session.',
  },
  {
    id: 'compose-up-down',
    title: 'Flask + Redis: compose up, then down -v',
    page: '08-compose-and-kubernetes.md',
    task: 'In snippets/flask_redis, start the two services with docker compose up -d and ask the app for a page (`curl -s localhost:8000`), then take everything down again with its volumes (down -v). What survives?',
    steps: ['cd snippets/flask_redis', 'docker compose up -d', 'docker compose ps (web and redis Up)', 'curl -s localhost:8000 (Hello! Visits so far: 1)', 'docker compose down -v', 'docker images (the images survive)'],
    expectedOutput: 'curl: Hello! Visits so far: 1 (2, 3… on the next ones)\ndown -v: Container … Removed, Network flask_redis_default Removed (redis\'s anonymous volume goes with its container, without a line of its own); docker images still lists flask_redis-web and redis:8-alpine',
    setup: [],
    milestones: [
      { id: 'up', text: 'compose runs flask_redis\'s web and redis, the app listening behind web\'s 127.0.0.1:8000', holds: (view) => {
        const [redis, web] = [containerNamed(view, 'flask_redis-redis-1'), containerNamed(view, 'flask_redis-web-1')]
        return isRunning(redis) && isRunning(web) && containerBehindHostPort(view, 8000) === web
          && web.hostConfig.portBindings.some(b => b.hostPort === 8000 && b.hostIp === '127.0.0.1' && b.containerPort === 8000)
      } },
      { id: 'answered', text: 'the app answered a request on localhost:8000 (a GET answered 200 in web\'s log)', holds: (view) => {
        const web = containerNamed(view, 'flask_redis-web-1')
        return web !== null && answeredRequests(web).some(r => r.method === 'GET' && r.status === 200)
      } },
    ],
    goals: [
      { id: 'containers-gone', text: 'no container of flask_redis is left', holds: view => !view.host.containers.some(c => c.name.startsWith('flask_redis-')) },
      { id: 'network-gone', text: 'the network flask_redis_default is gone', holds: view => view.host.findNetwork('flask_redis_default') === null },
      { id: 'volumes-gone', text: 'no volume made since the start is left (redis\'s anonymous /data volume went with -v)', holds: view => newVolumes(view).length === 0 },
      { id: 'images-survive', text: 'the images flask_redis-web and redis:8-alpine are still there', holds: view => hasImage(view, 'flask_redis-web') && hasImage(view, 'redis:8-alpine') },
    ],
    hints: [
      { id: 'down-without-v', text: 'docker compose down removed the containers and the network but kept the volume of redis\'s /data (docker volume ls): remove it with docker volume prune, and next time use down -v.', when: view => !view.host.containers.some(c => c.name.startsWith('flask_redis-')) && newVolumes(view).length > 0 },
      { id: 'wrong-folder', text: 'docker compose looks for compose.yaml in the current folder: cd snippets/flask_redis first.', when: view => !view.cwd.endsWith('/snippets/flask_redis') && !view.host.containers.some(c => c.name.startsWith('flask_redis-')) },
      { id: 'redis-stopped', text: 'web answered with an error (500): the app could not reach redis, which is not running. Start it again (docker compose start redis, or up -d), then curl again.', when: (view) => {
        const web = containerNamed(view, 'flask_redis-web-1')
        return isRunning(web) && !isRunning(containerNamed(view, 'flask_redis-redis-1')) && answeredRequests(web).some(r => r.status === 500)
      } },
      { id: 'stopped-not-removed', text: 'docker compose stop stops the containers but keeps them and the network (docker ps -a): docker compose down -v removes them, and the volumes.', when: (view) => {
        const project = view.host.containers.filter(c => c.name.startsWith('flask_redis-'))
        return project.length > 0 && project.every(c => c.status === 'exited') && view.host.findNetwork('flask_redis_default') !== null
      } },
    ],
    solutions: [{ commands: ['cd snippets/flask_redis', 'docker compose up -d', 'docker compose ps', 'curl -s localhost:8000', 'docker compose down -v', 'docker images'] }],
    notChecked: 'What curl printed: the check sees that web ran with its app listening behind 127.0.0.1:8000 and that its log shows a request answered, not the visit count itself (it lives in redis, which down -v removes).',
  },
  {
    id: 'build-and-tag',
    title: 'Build and tag the example image',
    page: '09-building-images.md',
    task: 'Build the image of snippets/example_dockerfile_1 and tag it hello:0.1, then run it.',
    steps: ['cd snippets/example_dockerfile_1', 'docker build -t hello:0.1 .', 'docker run --rm hello:0.1'],
    expectedOutput: 'the build ends with naming to docker.io/library/hello:0.1; the run prints the greeting of hello.py',
    setup: [],
    milestones: [],
    goals: [
      { id: 'tagged', text: 'an image you built is tagged hello:0.1', holds: view => builtImageTagged(view, 'hello:0.1') !== null },
      { id: 'from-the-example', text: 'it is the example\'s image: ubuntu:24.04 with /opt/hello.py and CMD python3 /opt/hello.py', holds: (view) => {
        const image = builtImageTagged(view, 'hello:0.1')
        return image !== null && (image.config.cmd ?? []).join(' ') === 'python3 /opt/hello.py' && view.host.findImage('ubuntu:24.04')?.id === image.parentId
      } },
    ],
    hints: [
      { id: 'untagged', text: 'The image was built but has no name (<none>): tag it with -t hello:0.1, or docker tag IMAGE_ID hello:0.1.', when: view => view.host.images.some(i => i.catalog === null && i.repoTags.length === 0) && builtImageTagged(view, 'hello:0.1') === null },
      { id: 'latest-instead', text: 'Without a tag after the name Docker uses :latest. Write -t hello:0.1.', when: view => builtImageTagged(view, 'hello:latest') !== null && builtImageTagged(view, 'hello:0.1') === null },
      { id: 'wrong-folder', text: 'docker build reads the Dockerfile of the folder you give it (.): cd snippets/example_dockerfile_1 first, or give that path.', when: view => builtImageTagged(view, 'hello:0.1') === null && !view.cwd.endsWith('/snippets/example_dockerfile_1') },
    ],
    solutions: [
      { commands: ['cd snippets/example_dockerfile_1', 'docker build -t hello:0.1 .', 'docker run --rm hello:0.1'] },
    ],
  },
  {
    id: 'dockerize-flask',
    title: 'Dockerize the Flask + NumPy app',
    page: '10-dockerizing-flask.md',
    task: 'Write the Dockerfile of snippets/flask_app in the editor: a python base image, the requirements installed before the app is copied, a command that listens on 0.0.0.0:5000. Build it as flask-app and run it with the app\'s port 5000 published on a port of your laptop (8000 here, so that http://localhost:8000/random answers).',
    steps: ['Write the Dockerfile (FROM python:3.14-slim, COPY requirements.txt, RUN pip install -r requirements.txt, COPY app.py, CMD flask … --host 0.0.0.0)', 'cd snippets/flask_app', 'docker build -t flask-app .', 'docker run -d --name flask -p 8000:5000 flask-app', 'curl localhost:8000/random'],
    expectedOutput: 'curl prints Random number: 0.… (a new number each time)',
    setup: ['rm snippets/flask_app/Dockerfile'],
    dockerfilePath: 'snippets/flask_app/Dockerfile',
    milestones: [],
    goals: [
      { id: 'built', text: 'an image you built is tagged flask-app', holds: view => builtImageTagged(view, 'flask-app') !== null },
      { id: 'python-base', text: 'it starts from a python image', holds: (view) => {
        const image = builtImageTagged(view, 'flask-app')
        const base = image?.parentId ? view.host.images.find(i => i.id === image.parentId) : undefined
        return base !== undefined && base.repoTags.some(tag => repositoryOf(tag) === 'python')
      } },
      { id: 'deps-before-code', text: 'the requirements are installed before app.py is copied (code changes keep the pip layer cached)', holds: view => installAndCopySteps(view) === 'install-first' },
      { id: 'listens-everywhere', text: 'it listens on 0.0.0.0 (its command, FLASK_RUN_HOST or Flask\'s start-up lines say so)', holds: view => flaskAppListensEverywhere(view) },
      { id: 'published', text: 'a container of it runs with the app\'s port 5000 published on the laptop (any host port), the app listening behind it', holds: (view) => {
        const image = builtImageTagged(view, 'flask-app')
        return image !== null && view.host.containers.some(c => c.imageId === image.id
          && c.hostConfig.portBindings.some(b => b.containerPort === 5000 && containerBehindHostPort(view, b.hostPort)?.id === c.id))
      } },
    ],
    hints: [
      FLAG_AFTER_IMAGE_HINT,
      { id: 'code-before-deps', text: 'The code is copied before pip install runs: every change to app.py then reinstalls every package. COPY requirements.txt and RUN pip install first, COPY app.py after.', when: view => installAndCopySteps(view) === 'copy-first' },
      { id: 'localhost-only', text: 'flask run listens on 127.0.0.1 unless told otherwise, which inside a container no published port reaches (curl gets no reply): add --host 0.0.0.0.', when: view => builtImageTagged(view, 'flask-app') !== null && !flaskAppListensEverywhere(view) },
      { id: 'port-sides-swapped', text: 'Publish the app\'s port: -p 8000:5000 (HOST:CONTAINER: the laptop\'s 8000 first, then the 5000 the app listens on).', when: view => flaskAppContainers(view).some(c => c.hostConfig.portBindings.length > 0 && !c.hostConfig.portBindings.some(b => b.containerPort === 5000)) },
      { id: 'not-published', text: 'The app runs, but no port is published: run a new container with -p 8000:5000 (a running container\'s ports cannot be added).', when: view => flaskAppContainers(view).some(c => isRunning(c) && c.hostConfig.portBindings.length === 0) && !flaskAppContainers(view).some(c => isRunning(c) && c.hostConfig.portBindings.some(b => b.containerPort === 5000)) },
      { id: 'app-port-mismatch', text: 'Port 5000 is published, but the app in the container listens on another port: give flask run --port 5000 (its default is 5000), or publish the port it uses.', when: view => flaskAppContainers(view).some(c => isRunning(c) && c.hostConfig.portBindings.some(b => b.containerPort === 5000) && listeningPorts(view, c).length > 0 && !listeningPorts(view, c).includes(5000)) },
      { id: 'app-stopped', text: 'The container of flask-app is not running: its program ended. `docker ps -a` shows the exit code and `docker logs` (or the error docker run printed) the reason, such as a misspelt --app name or flask not installed. Fix the Dockerfile, build again and run a new container.', when: view => flaskAppContainers(view).length > 0 && !flaskAppContainers(view).some(c => c.status === 'running' || c.status === 'paused') },
    ],
    solutions: [{
      dockerfile: [
        'FROM python:3.14-slim',
        'WORKDIR /app',
        'COPY requirements.txt .',
        'RUN python3 -m pip install --no-cache-dir -r requirements.txt',
        'COPY app.py .',
        'EXPOSE 5000',
        'CMD ["flask", "--app", "app", "run", "--host", "0.0.0.0", "--port", "5000"]',
      ].join('\n'),
      commands: ['cd snippets/flask_app', 'docker build -t flask-app .', 'docker run -d --name flask -p 8000:5000 flask-app', 'curl localhost:8000/random'],
    }],
    notChecked: 'What /random answered: the check sees the app listening behind the published port on every interface, not what curl printed.',
  },
]

export function exerciseById(id: string): Exercise | null {
  return EXERCISES.find(exercise => exercise.id === id) ?? null
}
