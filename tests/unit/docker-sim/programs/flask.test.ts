// The Flask development server, the redis-py stand-in and redis-server's key store, as a student meets them:
// the deck's snippets built and run on the simulated host. Expected lines are the real ones: recorded from a
// container (tests/fixtures/daemon/transcripts/flask.json) or printed by the pinned Flask 3.1.3 on this machine.
import { describe, expect, it } from 'vitest'
import { RedisStore } from '../../../../lib/docker-sim/programs/redis-server'
import { Simulator } from '../../../../lib/docker-sim/simulator'

const HOME = '/home/student'

const BOOM = 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/")\ndef boom():\n    return 1 / 0\n\n@app.route("/echo/<name>", methods=["GET", "POST"])\ndef echo(name):\n    return f"{name}\\n", 201\n'

function withFiles(files: Record<string, string>): Simulator {
  const sim = new Simulator()
  for (const [path, content] of Object.entries(files)) {
    const full = `${HOME}/${path}`
    sim.machine.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { parents: true })
    sim.machine.fs.writeFile(full, content)
  }
  return sim
}

async function timed(sim: Simulator, line: string): Promise<{ stdout: string, stderr: string, exit: number, seconds: number }> {
  const before = sim.host.clock.now()
  const result = await sim.run(line)
  return { ...result, seconds: (sim.host.clock.now() - before) / 1000 }
}

describe('redis-server\'s key store', () => {
  it('answers INCR, GET, SET, PING, DEL with Redis\'s replies and errors', () => {
    const store = new RedisStore()
    expect(store.command(['PING'])).toEqual({ kind: 'status', text: 'PONG' })
    expect(store.command(['GET', 'hits'])).toEqual({ kind: 'bulk', value: null })
    expect(store.command(['INCR', 'hits'])).toEqual({ kind: 'integer', value: 1 })
    expect(store.command(['incrby', 'hits', '2'])).toEqual({ kind: 'integer', value: 3 })
    expect(store.command(['GET', 'hits'])).toEqual({ kind: 'bulk', value: '3' })
    expect(store.command(['SET', 'a', 'b'])).toEqual({ kind: 'status', text: 'OK' })
    expect(store.command(['INCR', 'a'])).toEqual({ kind: 'error', text: 'ERR value is not an integer or out of range' })
    expect(store.command(['GET'])).toEqual({ kind: 'error', text: 'ERR wrong number of arguments for \'get\' command' })
    expect(store.command(['foo', 'bar'])).toEqual({ kind: 'error', text: 'ERR unknown command \'foo\', with args beginning with: \'bar\' ' })
    expect(store.command(['DEL', 'a', 'nosuch'])).toEqual({ kind: 'integer', value: 1 })
  })

  it('redis-cli in the redis container prints replies as redis-cli 7.0 does without a terminal', async () => {
    const sim = new Simulator()
    await sim.run('docker run -d --name cache redis:8-alpine')
    expect(await sim.run('docker exec cache redis-cli incr hits')).toMatchObject({ stdout: '1\n', exit: 0 })
    expect(await sim.run('docker exec cache redis-cli get hits')).toMatchObject({ stdout: '1\n', exit: 0 })
    expect(await sim.run('docker exec cache redis-cli get nosuch')).toMatchObject({ stdout: '\n', exit: 0 })
    expect(await sim.run('docker exec cache redis-cli ping')).toMatchObject({ stdout: 'PONG\n', exit: 0 })
    expect(await sim.run('docker exec cache redis-cli get')).toMatchObject({ stdout: 'ERR wrong number of arguments for \'get\' command\n\n', exit: 0 })
    expect(await sim.run('docker exec cache redis-cli -p 6380 ping')).toMatchObject({ stderr: 'Could not connect to Redis at 127.0.0.1:6380: Connection refused\n', exit: 1 })
  })
})

describe('the deck\'s Compose example: Flask and Redis', () => {
  it('docker compose up -d, then curl localhost:8000 counts the visits in Redis', async () => {
    const sim = new Simulator()
    await sim.run(`cd ${HOME}/snippets/flask_redis`)
    expect((await sim.run('docker compose up -d')).exit).toBe(0)
    expect((await sim.run('curl -s localhost:8000')).stdout).toBe('Hello! Visits so far: 1\n')
    expect((await sim.run('curl -s localhost:8000')).stdout).toBe('Hello! Visits so far: 2\n')
    expect((await sim.run('curl -s localhost:8000')).stdout).toBe('Hello! Visits so far: 3\n')
    // compose exec gives the command a terminal: redis-cli quotes the string as on a terminal.
    expect((await sim.run('docker compose exec redis redis-cli get hits')).stdout).toBe('"3"\r\n')
    const logs = (await sim.run('docker compose logs web')).stdout.replace(/^web-1 {2}\| /gm, '')
    // --debug: the reloader's and the debugger's lines, then one access line a request from the host (the network's gateway).
    expect(logs).toMatch(/^ \* Serving Flask app 'app'\n \* Debug mode: on\nWARNING: This is a development server\. Do not use it in a production deployment\. Use a production WSGI server instead\.\n \* Running on all addresses \(0\.0\.0\.0\)\n \* Running on http:\/\/127\.0\.0\.1:8000\n \* Running on http:\/\/172\.18\.0\.\d:8000\nPress CTRL\+C to quit\n \* Restarting with stat\n \* Debugger is active!\n \* Debugger PIN: \d{3}-\d{3}-\d{3}\n(?:172\.18\.0\.1 - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -\n){3}$/)
    // Redis gone: in debug mode Werkzeug's debugger answers the 500 and the traceback follows the request line.
    await sim.run('docker stop flask_redis-redis-1')
    expect((await sim.run('curl -s localhost:8000')).stdout).toMatch(/^<!doctype html>\n<html lang=en>\n {2}<head>\n {4}<title>redis\.exceptions\.ConnectionError: Error -3 connecting to redis:6379\. Temporary failure in name resolution\.\n \/\/ Werkzeug Debugger<\/title>\n\[simulator\] /)
    const debugLog = (await sim.run('docker compose logs web')).stdout.replace(/^web-1 {2}\| /gm, '')
    expect(debugLog).toMatch(/"GET \/ HTTP\/1\.1" 500 -\nTraceback \(most recent call last\):\n/)
    expect(debugLog).toContain('site-packages/flask/app.py", line 1536, in __call__\n    return self.wsgi_app(environ, start_response)\n')
    expect(debugLog).not.toContain('ERROR in app')
    // After down and up the count starts again: Redis kept it in memory only.
    await sim.run('docker compose down')
    await sim.run('docker compose up -d')
    expect((await sim.run('curl -s localhost:8000')).stdout).toBe('Hello! Visits so far: 1\n')
  }, 60_000)

  it('redis-py\'s errors when the name does not resolve or nothing listens, logged under Flask\'s error line', async () => {
    const sim = withFiles({ 'app.py': await readSnippet('snippets/flask_redis/app.py') })
    await sim.run('docker network create counter')
    await buildFlaskStack(sim)
    await sim.run(`docker run -d --name lonely --network counter -p 8001:8000 -v ${HOME}:/code -w /code flask-stack flask --app app run --host 0.0.0.0 --port 8000`)
    expect((await sim.run('curl -s localhost:8001')).stdout).toContain('<title>500 Internal Server Error</title>')
    const lonely = (await sim.run('docker logs lonely')).stderr
    expect(lonely).toMatch(/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] ERROR in app: Exception on \/ \[GET\]\nTraceback \(most recent call last\):\n/)
    expect(lonely).toContain('socket.gaierror: [Errno -3] Temporary failure in name resolution\n\nDuring handling of the above exception, another exception occurred:\n\n')
    // The app's frame as Pyodide's Python 3.14 prints it (3.11 in the recording adds a line of carets).
    expect(lonely).toContain('  File "/code/app.py", line 13, in hello\n    count = redis.incr("hits")\n')
    expect(lonely).toContain('redis.exceptions.ConnectionError: Error -3 connecting to redis:6379. Temporary failure in name resolution.\n172.18.0.1 - - [')
    await sim.run('docker run -d --name redis --network counter redis:8-alpine')
    await sim.run(`docker run -d --name wrongport --network counter -p 8002:8000 -e REDIS_PORT=6380 -v ${HOME}:/code -w /code flask-stack flask --app app run --host 0.0.0.0 --port 8000`)
    await sim.run('curl -s localhost:8002')
    const wrong = (await sim.run('docker logs wrongport')).stderr
    expect(wrong).toContain('ConnectionRefusedError: [Errno 111] Connection refused\n')
    expect(wrong).toContain('redis.exceptions.ConnectionError: Error 111 connecting to redis:6380. Connection refused.\n')
    // The lonely app finds redis once it runs (redis-py connects again on the next command).
    expect((await sim.run('curl -s localhost:8001')).stdout).toBe('Hello! Visits so far: 1\n')
  }, 60_000)
})

async function readSnippet(path: string): Promise<string> {
  const { readFileSync } = await import('node:fs')
  return readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8')
}

/** python:3.12 after pip install of the deck's Flask stack (what the recorder's flask-stack stands for). */
async function buildFlaskStack(sim: Simulator): Promise<void> {
  sim.machine.fs.mkdir('/tmp/stack', { parents: true })
  sim.machine.fs.writeFile('/tmp/stack/Dockerfile', 'FROM python:3.14-slim\nRUN pip install --no-cache-dir flask redis\n')
  const built = await sim.run('docker build -q -t flask-stack /tmp/stack')
  expect(built.exit, built.stderr).toBe(0)
}

describe('the Flask development server in a container', () => {
  it('without --host it listens on the container\'s 127.0.0.1 only: the published port gets no reply (the deck\'s pages/06)', async () => {
    const sim = new Simulator()
    await sim.run(`cd ${HOME}/snippets/flask_app`)
    await sim.run('docker build -q -t flask-app .')
    expect((await sim.run('docker run -d --name lo -p 5000:5000 flask-app flask --app app run --port 5000')).exit).toBe(0)
    await sim.run('sleep 3')
    expect((await sim.run('docker logs lo')).stderr).toContain(' * Running on http://127.0.0.1:5000\n')
    expect(await sim.run('curl -s localhost:5000/random')).toMatchObject({ stdout: '', exit: 56 })
    expect((await sim.run('docker run -d --name everywhere -p 5001:5000 flask-app')).exit).toBe(0)
    await sim.run('sleep 3')
    expect((await sim.run('curl -s localhost:5001/random')).stdout).toMatch(/^Random number: 0\.\d+$/)
  }, 60_000)

  it('the flask_app image: start-up lines, /random, the access log, 404 and 405 pages as Flask prints them', async () => {
    const sim = new Simulator()
    await sim.run(`cd ${HOME}/snippets/flask_app`)
    await sim.run('docker build -q -t flask-app .')
    expect((await sim.run('docker run -d --name flask -p 5000:5000 flask-app')).exit).toBe(0)
    expect((await sim.run('curl -s localhost:5000/random')).stdout).toMatch(/^Random number: 0\.\d+$/)
    const notFound = await sim.run('curl -s -i localhost:5000/nosuch')
    expect(notFound.stdout).toMatch(/^HTTP\/1\.1 404 NOT FOUND\r\nServer: Werkzeug\/3\.1\.8 Python\/3\.14\.\d+\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\nContent-Type: text\/html; charset=utf-8\r\nContent-Length: 207\r\nConnection: close\r\n\r\n/)
    expect(notFound.stdout).toContain('<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n')
    expect((await sim.run('curl -s -X POST localhost:5000/random')).stdout).toBe('<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n')
    const logs = await sim.run('docker logs flask')
    expect(logs.stdout).toBe(' * Serving Flask app \'app\'\n * Debug mode: off\n')
    expect(logs.stderr.replace(/\[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\]/g, '[<date>]')).toBe([
      'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
      ' * Running on all addresses (0.0.0.0)',
      ' * Running on http://127.0.0.1:5000',
      ' * Running on http://172.17.0.2:5000',
      'Press CTRL+C to quit',
      '172.17.0.1 - - [<date>] "GET /random HTTP/1.1" 200 -',
      '172.17.0.1 - - [<date>] "GET /nosuch HTTP/1.1" 404 -',
      '172.17.0.1 - - [<date>] "POST /random HTTP/1.1" 405 -',
      '',
    ].join('\n'))
    // From another container on the default bridge, by the container's address.
    expect((await sim.run('docker run --rm flask-app python -c "import flask, numpy; print(flask.Flask.__name__)"')).stdout).toBe('Flask\n')
  }, 60_000)

  it('a 500 logs Flask\'s error line and the traceback, the view\'s frame as Python prints it; a tuple sets the status', async () => {
    const sim = withFiles({ 'boom.py': BOOM })
    await buildFlaskStack(sim)
    await sim.run(`docker run -d --name boom -p 5001:5000 -v ${HOME}:/app -w /app flask-stack flask --app boom run --host 0.0.0.0 --port 5000`)
    const page = await sim.run('curl -s -i localhost:5001/')
    expect(page.stdout).toMatch(/^HTTP\/1\.1 500 INTERNAL SERVER ERROR\r\n/)
    expect(page.stdout).toContain('Content-Length: 265\r\n')
    expect(page.stdout).toContain('<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n')
    expect(await sim.run('curl -s -X POST localhost:5001/echo/hi')).toMatchObject({ stdout: 'hi\n' })
    const logs = (await sim.run('docker logs boom')).stderr
    // Flask 3.1.3's frames, formatted by the image's Python 3.14 (which underlines no call that is a whole assignment's value).
    expect(logs).toContain('] ERROR in app: Exception on / [GET]\nTraceback (most recent call last):\n  File "/usr/local/lib/python3.14/site-packages/flask/app.py", line 1511, in wsgi_app\n    response = self.full_dispatch_request()\n  File "/usr/local/lib/python3.14/site-packages/flask/app.py", line 919, in full_dispatch_request\n')
    expect(logs).toContain('line 902, in dispatch_request\n    return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]\n           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^\n')
    expect(logs).toContain('  File "/app/boom.py", line 7, in boom\n    return 1 / 0\n           ~~^~~\nZeroDivisionError: division by zero\n172.17.0.1 - - [')
    expect(logs).toMatch(/"POST \/echo\/hi HTTP\/1\.1" 201 -\n$/)
  }, 60_000)

  it('signals: SIGINT stops at once (0), SIGTERM to PID 1 is ignored (10 s, 137), the --debug reloader exits 0 on SIGTERM', async () => {
    const sim = withFiles({ 'minimal.py': await readSnippet('snippets/flask_app/minimal.py') })
    await buildFlaskStack(sim)
    const flask = (name: string, port: number, extra = '') => `docker run -d --name ${name} -p ${port}:5000 -v ${HOME}:/app -w /app ${extra} flask-stack flask --app minimal run --host 0.0.0.0 --port 5000`
    await sim.run(flask('int', 5000, '--stop-signal SIGINT'))
    expect((await sim.run('curl -s localhost:5000/a')).stdout).toBe('<p>Hello, <strong>World!</strong></p>')
    const int = await timed(sim, 'docker stop int')
    expect(int.seconds).toBeLessThan(1)
    expect((await sim.run('docker inspect --format \'{{.State.ExitCode}}\' int')).stdout).toBe('0\n')
    await sim.run(flask('term', 5001))
    const term = await timed(sim, 'docker stop term')
    expect(term.seconds).toBeGreaterThanOrEqual(10)
    expect((await sim.run('docker inspect --format \'{{.State.ExitCode}}\' term')).stdout).toBe('137\n')
    await sim.run(`docker run -d --name dbg -p 5002:5000 -v ${HOME}:/app -w /app flask-stack flask --app minimal --debug run --host 0.0.0.0 --port 5000`)
    const dbg = await timed(sim, 'docker stop dbg')
    expect(dbg.seconds).toBeLessThan(1)
    expect((await sim.run('docker inspect --format \'{{.State.ExitCode}}\' dbg')).stdout).toBe('0\n')
  }, 60_000)

  it('the --debug reloader loads the app again when its file changes', async () => {
    const sim = withFiles({ 'minimal.py': await readSnippet('snippets/flask_app/minimal.py') })
    await buildFlaskStack(sim)
    await sim.run(`docker run -d --name dbg -p 5000:5000 -v ${HOME}:/app -w /app flask-stack flask --app minimal --debug run --host 0.0.0.0 --port 5000`)
    expect((await sim.run('curl -s localhost:5000/a')).stdout).toBe('<p>Hello, <strong>World!</strong></p>')
    await sim.run('echo \'@app.get("/b")\' >> minimal.py')
    await sim.run('echo \'def b(): return "new\\n"\' >> minimal.py')
    expect((await sim.run('curl -s localhost:5000/b')).stdout).toBe('new\n')
    expect((await sim.run('docker logs dbg')).stderr).toContain(' * Detected change in \'/app/minimal.py\', reloading\n * Restarting with stat\n * Debugger is active!\n')
  }, 60_000)

  it('python app.py with app.run() and python -m flask serve too; an image without Flask cannot import it', async () => {
    const sim = withFiles({ 'run.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/")\ndef home():\n    return {"ok": True}\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n' })
    await buildFlaskStack(sim)
    await sim.run(`docker run -d --name run -p 5000:5000 -v ${HOME}:/app -w /app flask-stack python run.py`)
    expect((await sim.run('curl -s localhost:5000/')).stdout).toBe('{"ok":true}\n')
    expect((await sim.run('docker logs run')).stdout).toBe(' * Serving Flask app \'run\'\n * Debug mode: off\n')
    const bare = await sim.run('docker run --rm python:3.12 python3 -c "import flask"')
    expect(bare.stderr).toContain('ModuleNotFoundError: No module named \'flask\'')
    // python -m flask: the flask command where Flask is installed, runpy's message where it is not.
    await sim.run(`docker run -d --name module -p 5001:5000 -v ${HOME}:/app -w /app flask-stack python -m flask --app run run --host 0.0.0.0`)
    expect((await sim.run('curl -s localhost:5001/')).stdout).toBe('{"ok":true}\n')
    expect(await sim.run('docker run --rm python:3.12 python -m flask run')).toMatchObject({ exit: 1, stderr: expect.stringMatching(/\/usr\/local\/bin\/python: No module named flask\n$/) })
  }, 60_000)
})
