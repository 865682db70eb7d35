// Other valid ways to each exercise's goal (they must pass) and the known wrong paths (they must fail
// with the hint written for them). The check reads state, so every spelling docker accepts should pass.

import type { Attempt } from '../../../lib/exercises/replay'

export interface WrongPath extends Attempt {
  hint: string
}

const LOOP = 'bash -c "while true; do date; sleep 1; done"'
const FSTRING = 'python -c "print(f\'{6*7}\')"'
/** The dockerize-flask Dockerfile up to its command: requirements installed before the code is copied. */
const FLASK_DEPS = 'FROM python:3.14-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app.py .\n'
const FLASK_CMD = 'CMD ["flask", "--app", "app", "run", "--host", "0.0.0.0"]\n'
const IN_FLASK_APP = ['cd snippets/flask_app', 'docker build -t flask-app .']

export const ALTERNATIVES: Record<string, Attempt[]> = {
  'python-versions': [
    { commands: [`docker container run --name py312 python:3.12 ${FSTRING}`, `docker container run --name=py35 python:3.5 ${FSTRING}`] },
  ],
  'pull-list-remove': [
    { commands: ['docker image pull python:3.5', 'docker image ls', 'docker image rm python:3.5'] },
    { commands: ['docker run --name tmp python:3.5 python -V', 'docker rm tmp', 'docker rmi python:3.5'] },
  ],
  'filesystem-game': [
    { commands: ['docker container run --detach --name two python:3.12 sleep 3600', 'docker run -dit --name one python:3.12', 'docker exec one bash -c "echo hi > /tmp/note.txt"'] },
  ],
  'named-volume': [
    { commands: ['docker run --rm --mount type=volume,source=notes,target=/data python:3.12 bash -c "echo hello > /data/note.txt"'] },
    { commands: ['docker volume create notes', 'docker run --name writer --volume notes:/data python:3.12 touch /data/note.txt', 'docker rm writer'] },
  ],
  'read-only-mount': [
    { commands: ['docker run -d --name reader --mount type=volume,source=notes,target=/data,readonly python:3.12 sleep 3600'] },
    { commands: ['docker container run --detach --volume notes:/data:ro --name reader python:3.12 sleep 3600'] },
  ],
  'background-logs': [
    { commands: [`docker container run --detach --name pinger python:3.12 ${LOOP}`, 'docker logs -f pinger'] },
  ],
  'environment-variable': [
    { commands: ['docker run --env GREETING=hello --name greeter python:3.12 bash -c \'echo $GREETING\''] },
    { commands: ['docker container run --name greeter --env=GREETING=hello python:3.12 bash -c \'echo "$GREETING"\''] },
  ],
  'publish-http-server': [
    { commands: ['docker run --detach --publish 8080:8000 python:3.12 python -m http.server 8000'] },
    { commands: ['docker container run -d -p 127.0.0.1:8080:9000 python:3.12 python -m http.server 9000'] },
  ],
  'postgres-volume': [
    { commands: ['docker run --detach --name some-postgres --env POSTGRES_PASSWORD=pw --mount type=volume,source=pgdata,target=/var/lib/postgresql postgres:18'] },
    { commands: ['docker volume create pgdata', 'docker container run -d -v pgdata:/var/lib/postgresql -e POSTGRES_PASSWORD=pw --name some-postgres postgres:18'] },
  ],
  'compose-up-down': [
    { commands: ['cd snippets/flask_redis', 'docker compose up --detach', 'curl localhost:8000', 'docker compose down --volumes'] },
    { commands: ['cd snippets/flask_redis', 'docker compose up -d', 'curl -s http://127.0.0.1:8000/', 'docker compose down', 'docker volume prune -f'] },
    { commands: ['cd snippets/flask_redis', 'docker compose up -d --build', 'curl -s localhost:8000', 'curl -s localhost:8000', 'docker compose down -v --remove-orphans'] },
  ],
  'build-and-tag': [
    { commands: ['docker build --tag hello:0.1 snippets/example_dockerfile_1'] },
    { commands: ['cd snippets/example_dockerfile_1', 'docker build .', 'docker build -t hello:latest .', 'docker tag hello:latest hello:0.1'] },
  ],
  'stop-and-remove': [
    { commands: ['docker rm -f pinger'] },
    { commands: ['docker container stop pinger', 'docker container rm pinger'] },
    { commands: ['docker kill pinger', 'docker container prune -f'] },
  ],
  'dockerize-flask': [
    {
      dockerfile: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt requirements.txt\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "-m", "flask", "--app", "app", "run", "--host=0.0.0.0"]\n',
      commands: ['docker build -t flask-app snippets/flask_app', 'docker run -d --publish 5000:5000 flask-app'],
    },
    {
      dockerfile: `${FLASK_DEPS}ENV FLASK_RUN_HOST=0.0.0.0\nCMD ["flask", "--app", "app", "run"]\n`,
      commands: ['cd snippets/flask_app', 'docker build -t flask-app .', 'docker run -d -p 5000:5000 flask-app', 'curl -s localhost:5000/random'],
    },
    {
      dockerfile: `${FLASK_DEPS}ENTRYPOINT ["flask", "--app", "app"]\nCMD ["run", "-h", "0.0.0.0", "-p", "5000"]\n`,
      commands: ['cd snippets/flask_app', 'docker build --tag flask-app:latest .', 'docker container run --detach --name web -p 127.0.0.1:5000:5000 flask-app', 'curl localhost:5000/random', 'docker logs web'],
    },
    // Any host port will do: the solution slide's 127.0.0.1:8000 (port 5000 is AirPlay's on a Mac).
    {
      dockerfile: `${FLASK_DEPS}CMD ["flask", "--app", "app", "run", "--host", "0.0.0.0"]\n`,
      commands: ['cd snippets/flask_app', 'docker build -t flask-app .', 'docker run --rm -d -p 127.0.0.1:8000:5000 flask-app', 'curl localhost:8000/random'],
    },
  ],
}

export const WRONG_PATHS: Record<string, WrongPath[]> = {
  'python-versions': [
    { commands: [`docker run --rm --name py35 python:3.5 ${FSTRING}`, `docker run --rm --name py312 python:3.12 ${FSTRING}`], hint: 'removed-with-rm' },
    { commands: [`docker run python:3.5 --name py35 ${FSTRING}`], hint: 'flag-after-image' },
  ],
  'pull-list-remove': [
    { commands: ['docker pull python:3.5', 'docker run python:3.5 python -V', 'docker rmi python:3.5'], hint: 'image-in-use' },
  ],
  'filesystem-game': [
    { commands: ['docker run -d --name one python:3.12', 'docker run -d --name two python:3.12'], hint: 'exited-at-once' },
    { commands: ['docker run -d --name one python:3.12 sleep 3600', 'docker run -d --name two python:3.12 sleep 3600', 'docker exec one touch /tmp/note.txt', 'docker exec two touch /tmp/note.txt'], hint: 'note-in-both' },
    { commands: ['docker run -d python:3.12 --name one sleep 3600'], hint: 'flag-after-image' },
  ],
  'named-volume': [
    { commands: ['docker run --name writer python:3.12 bash -c "mkdir -p /data && echo hello > /data/note.txt"'], hint: 'written-without-volume' },
    { commands: ['docker run --name writer -v /data python:3.12 bash -c "echo hello > /data/note.txt"'], hint: 'anonymous-volume' },
    { commands: ['docker run --name writer -v notes:/data python:3.12 bash -c "echo hello > /data/note.txt"'], hint: 'writer-still-there' },
    { commands: ['docker run --name writer -v ./notes:/data python:3.12 bash -c "echo hello > /data/note.txt"'], hint: 'bind-mount-instead' },
    { commands: ['docker run --rm python:3.12 -v notes:/data bash -c "echo hello > /data/note.txt"'], hint: 'flag-after-image' },
  ],
  'read-only-mount': [
    { commands: ['docker run -d --name reader -v notes:/data python:3.12 sleep 3600'], hint: 'mounted-writable' },
    { commands: ['docker run -d --name reader -v notes:/data:ro python:3.12'], hint: 'exited-at-once' },
    { commands: ['docker run --rm -v notes:/data python:3.12 touch /data/new.txt', 'docker run -d --name reader -v notes:/data:ro python:3.12 sleep 3600'], hint: 'written-before-ro' },
    { commands: ['docker run -d --name reader python:3.12 -v notes:/data:ro sleep 3600'], hint: 'flag-after-image' },
  ],
  'background-logs': [
    { commands: [`docker run --name pinger python:3.12 ${LOOP}`], hint: 'not-detached' },
    { commands: ['docker run -d --name pinger python:3.12 date'], hint: 'exited' },
    { commands: [`docker run --name pinger python:3.12 -d ${LOOP}`], hint: 'flag-after-image' },
  ],
  'environment-variable': [
    { commands: ['docker run --name greeter python:3.12 -e GREETING=hello bash -c \'echo $GREETING\''], hint: 'flag-after-image' },
    { commands: ['docker run --name greeter -e GREETING=hello python:3.12 bash -c "echo $GREETING"'], hint: 'expanded-on-host' },
    { commands: ['docker run --name greeter -e GREETING=hi python:3.12 bash -c \'echo $GREETING\''], hint: 'wrong-value' },
  ],
  'publish-http-server': [
    { commands: ['docker run -d -p 8000:8080 python:3.12 python -m http.server 8000'], hint: 'port-sides-swapped' },
    { commands: ['docker run -d -p 8080:80 python:3.12 python -m http.server 8000'], hint: 'container-port-mismatch' },
    { commands: ['docker run -d python:3.12 python -m http.server 8000'], hint: 'not-published' },
    { commands: ['docker run -d --name other -p 8080:9999 python:3.12 sleep 3600', 'docker run -d -p 8080:8000 python:3.12 python -m http.server 8000'], hint: 'port-taken' },
    { commands: ['docker run -d python:3.12 -p 8080:8000 python -m http.server 8000'], hint: 'flag-after-image' },
  ],
  'postgres-volume': [
    { commands: ['docker run -d --name some-postgres -v pgdata:/var/lib/postgresql postgres:18'], hint: 'no-password' },
    { commands: ['docker run -d --name some-postgres -e POSTGRES_PASSWORD=pw -v pgdata:/var/lib/postgresql/data postgres:18'], hint: 'old-data-path' },
    { commands: ['docker run -d --name some-postgres -e POSTGRES_PASSWORD=pw postgres:18'], hint: 'anonymous-volume' },
    { commands: ['docker run -d --name some-postgres -v pgdata:/var/lib/postgresql postgres:18 -e POSTGRES_PASSWORD=pw'], hint: 'flag-after-image' },
  ],
  'compose-up-down': [
    { commands: ['cd snippets/flask_redis', 'docker compose up -d', 'curl -s localhost:8000', 'docker compose down'], hint: 'down-without-v' },
    { commands: ['docker compose up -d'], hint: 'wrong-folder' },
    { commands: ['cd snippets/flask_redis', 'docker compose up -d', 'docker compose stop redis', 'curl -s localhost:8000'], hint: 'redis-stopped' },
    { commands: ['cd snippets/flask_redis', 'docker compose up -d', 'curl -s localhost:8000', 'docker compose stop'], hint: 'stopped-not-removed' },
    // Taken down before the app was ever asked: the milestone says what is missing.
    { commands: ['cd snippets/flask_redis', 'docker compose up -d', 'docker compose down -v'], hint: 'goal:answered' },
  ],
  'build-and-tag': [
    { commands: ['cd snippets/example_dockerfile_1', 'docker build .'], hint: 'untagged' },
    { commands: ['cd snippets/example_dockerfile_1', 'docker build -t hello .'], hint: 'latest-instead' },
    { commands: ['docker build -t hello:0.1 .'], hint: 'wrong-folder' },
  ],
  'stop-and-remove': [
    { commands: ['docker rm pinger'], hint: 'rm-running' },
    { commands: ['docker stop pinger'], hint: 'stopped-only' },
  ],
  'dockerize-flask': [
    {
      dockerfile: `FROM python:3.14-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n${FLASK_CMD}`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:5000 flask-app'],
      hint: 'code-before-deps',
    },
    {
      dockerfile: `${FLASK_DEPS}CMD ["flask", "--app", "app", "run"]\n`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:5000 flask-app'],
      hint: 'localhost-only',
    },
    // The image says 0.0.0.0, but the run's own command does not: Flask's start-up lines decide.
    {
      dockerfile: `${FLASK_DEPS}${FLASK_CMD}`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:5000 flask-app flask --app app run', 'curl -s localhost:5000/random'],
      hint: 'localhost-only',
    },
    {
      dockerfile: `${FLASK_DEPS}${FLASK_CMD}`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:80 flask-app'],
      hint: 'port-sides-swapped',
    },
    {
      dockerfile: `${FLASK_DEPS}${FLASK_CMD}`,
      commands: ['docker build -t flask-app snippets/flask_app', 'docker run -d flask-app -p 5000:5000'],
      hint: 'flag-after-image',
    },
    {
      dockerfile: `${FLASK_DEPS}${FLASK_CMD}`,
      commands: [...IN_FLASK_APP, 'docker run -d --name flask flask-app', 'curl -s localhost:5000/random'],
      hint: 'not-published',
    },
    {
      dockerfile: `${FLASK_DEPS}CMD ["flask", "--app", "app", "run", "--host", "0.0.0.0", "--port", "8000"]\n`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:5000 flask-app', 'curl -s localhost:5000/random'],
      hint: 'app-port-mismatch',
    },
    {
      dockerfile: `${FLASK_DEPS}CMD ["flask", "--app", "ap", "run", "--host", "0.0.0.0"]\n`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:5000 flask-app'],
      hint: 'app-stopped',
    },
    // No pip install: the image has no flask program, so the container cannot start.
    {
      dockerfile: `FROM python:3.14-slim\nWORKDIR /app\nCOPY app.py .\n${FLASK_CMD}`,
      commands: [...IN_FLASK_APP, 'docker run -d -p 5000:5000 flask-app'],
      hint: 'app-stopped',
    },
  ],
}
