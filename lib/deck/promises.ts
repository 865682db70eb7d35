// What the deck promises a command prints, as data: the words are the page's own (`shown` must appear
// verbatim in the page), and tests/unit/deck/outputs.test.ts runs the steps in a fresh simulated host
// and compares. The simulated host is itself checked against a real daemon by its own tests.

export interface PromisedOutput {
  /** The page that makes the promise. */
  page: string
  /** The promise in the page's words, verbatim (slide or notes). */
  shown: string
  /** A folder of snippets/ copied to the student's home, and the working directory, before anything runs. */
  snippet?: string
  /** Commands run first, in order, in the same fresh host. */
  setup?: readonly string[]
  command: string
  /** Lines typed into the command (it reads a terminal), then end of input. */
  input?: readonly string[]
  stream: 'stdout' | 'stderr'
  /** What the stream must contain; `shown` itself when omitted. */
  output?: string | RegExp
  exit?: number
}

export const PROMISED_OUTPUTS: readonly PromisedOutput[] = [
  {
    page: 'slides.md',
    shown: 'prints `Hello from Docker!`',
    command: 'docker run hello-world',
    stream: 'stdout',
    output: 'Hello from Docker!\n',
  },
  {
    page: 'pages/09-building-images.md',
    shown: 'prints the steps `[1/3] FROM ...`, `[2/3] RUN apt-get ...`',
    snippet: 'example_dockerfile_1',
    command: 'docker build -t myimage:0.1 .',
    stream: 'stderr',
    output: /\[1\/3\] FROM docker\.io\/library\/ubuntu:24\.04[\s\S]*\[2\/3\] RUN apt-get[\s\S]*\[3\/3\] COPY hello\.py \/opt\/hello\.py[\s\S]*naming to docker\.io\/library\/myimage:0\.1/,
  },
  {
    page: 'pages/09-building-images.md',
    shown: 'Run it with `docker run myimage:0.1`: it prints `Hello from a Docker container!`',
    snippet: 'example_dockerfile_1',
    setup: ['docker build -t myimage:0.1 .'],
    command: 'docker run myimage:0.1',
    stream: 'stdout',
    output: 'Hello from a Docker container!\n',
  },
  {
    page: 'pages/10-dockerizing-flask.md',
    shown: '`[3/5] COPY requirements.txt`, `[4/5] RUN python3 -m pip install ...`, `[5/5] COPY app.py`',
    snippet: 'flask_app',
    command: 'docker build -t flask-random:0.1 .',
    stream: 'stderr',
    output: /\[1\/5\] FROM [^\n]*python:3\.14-slim[\s\S]*\[2\/5\] WORKDIR \/app[\s\S]*\[3\/5\] COPY requirements\.txt \.[\s\S]*\[4\/5\] RUN python3 -m pip install[\s\S]*\[5\/5\] COPY app\.py \./,
  },
  {
    page: 'pages/10-dockerizing-flask.md',
    shown: 'Only the copy of `app.py`: the slow pip step is **CACHED**, because requirements.txt did not change.',
    snippet: 'flask_app',
    setup: ['docker build -t flask-random:0.1 .', 'echo \'# edited\' >> app.py'],
    command: 'docker build -t flask-random:0.2 .',
    stream: 'stderr',
    // The slide's lines, with the terminal's right-hand timings and truncation left out.
    output: /=> \[1\/5\] FROM [^\n]*\n[\s\S]*=> CACHED \[2\/5\] WORKDIR \/app[\s\S]*=> CACHED \[3\/5\] COPY requirements\.txt \.[\s\S]*=> CACHED \[4\/5\] RUN python3 -m pip install[\s\S]*=> \[5\/5\] COPY app\.py \./,
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: '`ok`: `Exited (0)`',
    setup: ['docker run --name ok python:3.12 python -c \'print(1)\''],
    command: 'docker ps -a',
    stream: 'stdout',
    output: /Exited \(0\)[^\n]*\bok\n/,
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: '`crash`: `Exited (1)` (ZeroDivisionError)',
    setup: ['docker run --name crash python:3.12 python -c \'1/0\''],
    command: 'docker ps -a',
    stream: 'stdout',
    output: /Exited \(1\)[^\n]*\bcrash\n/,
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: '137 = 128 + 9: ended by SIGKILL, signal 9: `docker kill`, `docker stop` after its 10 s',
    setup: [
      'docker run -d --name sleeper python:3.12 python -c \'import time; time.sleep(600)\'',
      'docker stop sleeper',
    ],
    command: 'docker ps -a',
    stream: 'stdout',
    output: /Exited \(137\)[^\n]*\bsleeper\n/,
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: '`docker run -d ...` prints only the new container\'s full ID (64 hex characters)',
    command: 'docker run -d --rm --name pinger python:3.12 bash -c \'while true; do date; sleep 1; done\'',
    stream: 'stdout',
    output: /^[0-9a-f]{64}\n$/,
  },
  {
    page: 'pages/11-appendix.md',
    shown: 'would fail with "No such container: pinger"',
    setup: [
      'docker run -d --rm --name pinger python:3.12 bash -c \'while true; do date; sleep 1; done\'',
      'docker stop pinger',
    ],
    command: 'docker rm pinger',
    stream: 'stderr',
    output: 'No such container: pinger',
    exit: 1,
  },
  {
    page: 'pages/06-networking.md',
    shown: '`127.0.0.1:8090->3000/tcp`',
    setup: ['docker run -d --rm --name web -p 127.0.0.1:8090:3000 python:3.12 python -m http.server 3000'],
    command: 'docker ps',
    stream: 'stdout',
    output: '127.0.0.1:8090->3000/tcp',
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: 'at the prompt `echo $BLA` prints `5`',
    // Typed at an interactive prompt on the slide; given as -c here (see engine-requests.md: the
    // simulated terminal drops a line typed before the container's shell is ready).
    command: 'docker run --rm -e BLA=5 python:3.12 bash -c \'echo $BLA\'',
    stream: 'stdout',
    output: '5\n',
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: '`cat /my_mount_point/file.txt` prints `hi`',
    setup: ['docker run --rm -v myvolume:/my_mount_point python:3.12 bash -c \'echo hi > /my_mount_point/file.txt\''],
    command: 'docker run --rm -v myvolume:/my_mount_point python:3.12 cat /my_mount_point/file.txt',
    stream: 'stdout',
    output: 'hi\n',
  },
  {
    page: 'pages/05-volumes-logs-env.md',
    shown: 'e.g. `C /tmp` and `A /tmp/note.txt`',
    setup: [
      'docker run -d --name mypython python:3.12 python -c \'import time; time.sleep(600)\'',
      'docker exec mypython bash -c \'echo hello > /tmp/note.txt\'',
    ],
    command: 'docker diff mypython',
    stream: 'stdout',
    output: /^C \/tmp\nA \/tmp\/note\.txt\n/m,
  },
  {
    page: 'pages/04-running-containers.md',
    shown: 'Exit with `exit()` or Ctrl+D, and the container is gone (`--rm`).',
    setup: ['docker run -it --rm --name mypython python:3.12'],
    command: 'docker ps -a',
    stream: 'stdout',
    output: /^CONTAINER ID[^\n]*\n$/,
  },
  {
    page: 'pages/04-running-containers.md',
    shown: 'Docker 29 (what students install today) shows the columns IMAGE',
    setup: ['docker pull python:3.5'],
    command: 'docker images',
    stream: 'stdout',
    output: /^IMAGE +ID +DISK USAGE +CONTENT SIZE +EXTRA\n/,
  },
]
