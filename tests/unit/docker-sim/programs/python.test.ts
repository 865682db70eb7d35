import { beforeAll, describe, expect, it } from 'vitest'
import { freezeLayer, SimFileSystem, treeFromSpec } from '../../../../lib/docker-sim/fs'
import { interpreterVersion, sharedInterpreter } from '../../../../lib/docker-sim/programs/python'
import { instantClock, run, settle, signalClock } from './harness'

const PY312 = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', PYTHON_VERSION: '3.12.12', LANG: 'C.UTF-8' }

function pythonImage(): SimFileSystem {
  return new SimFileSystem({ layers: [freezeLayer(treeFromSpec({
    '/usr/local/bin/python': { content: '', mode: 0o755 },
    '/usr/local/bin/python3': { content: '', mode: 0o755 },
    '/usr/bin/bash': { content: '', mode: 0o755 },
    '/usr/bin/sh': { content: '', mode: 0o755 },
    '/usr/bin/ls': { content: '', mode: 0o755 },
    '/tmp/': null,
    '/root/': null,
    '/app/hello.py': 'import os, sys\nprint("hello from", os.getcwd(), os.environ.get("BLA"), sys.argv[1:])\n',
  }))] })
}

describe('python in a container, on Pyodide', () => {
  beforeAll(async () => {
    await interpreterVersion()
  }, 120_000)

  it('runs -c with the container\'s environment and working folder', async () => {
    const result = await run(['python', '-c', 'import os; print(os.environ["BLA"], os.getcwd())'], { fs: pythonImage(), env: { ...PY312, BLA: '5' }, cwd: '/app' })
    expect(result).toMatchObject({ stdout: '5 /app\n', exit: 0 })
  })

  it('runs a script file from the container and passes its arguments', async () => {
    const result = await run(['python', 'hello.py', 'a', 'b'], { fs: pythonImage(), env: { ...PY312, BLA: 'x' }, cwd: '/app' })
    expect(result.stdout).toBe('hello from /app x [\'a\', \'b\']\n')
  })

  it('reads and writes the container\'s files, and the changes stay in the container', async () => {
    const fs = pythonImage()
    fs.writeFile('/tmp/note.txt', 'from bash\n')
    const result = await run(['python', '-c', 'print(open("/tmp/note.txt").read(), end=""); open("/tmp/out.txt", "w").write("from python\\n")'], { fs, env: PY312 })
    expect(result.stdout).toBe('from bash\n')
    expect(fs.readFile('/tmp/out.txt')).toBe('from python\n')
    const other = pythonImage()
    const again = await run(['python', '-c', 'import os; print(os.path.exists("/tmp/out.txt"), os.path.exists("/tmp/note.txt"))'], { fs: other, env: PY312 })
    expect(again.stdout).toBe('False False\n')
  })

  it('prints a traceback with <string> frames and exits 1', async () => {
    const result = await run(['python', '-c', 'x = 1\n1 / 0'], { fs: pythonImage(), env: PY312 })
    expect(result.exit).toBe(1)
    expect(result.stderr).toBe('Traceback (most recent call last):\n  File "<string>", line 2, in <module>\nZeroDivisionError: division by zero\n')
  })

  it('exits with sys.exit\'s code', async () => {
    expect((await run(['python', '-c', 'import sys; sys.exit(3)'], { fs: pythonImage(), env: PY312 })).exit).toBe(3)
  })

  it('refuses an f-string in python:3.5 as Python 3.5 did (the slide\'s known output)', async () => {
    const result = await run(['python', '-c', 'print(f\'this is {3+2}\')'], { fs: pythonImage(), env: { ...PY312, PYTHON_VERSION: '3.5.10' } })
    expect(result).toMatchObject({ exit: 1, stdout: '' })
    expect(result.stderr).toBe('  File "<string>", line 1\n    print(f\'this is {3+2}\')\n                         ^\nSyntaxError: invalid syntax\n')
  })

  it('runs the same f-string in python:3.12', async () => {
    expect((await run(['python', '-c', 'print(f\'this is {3+2}\')'], { fs: pythonImage(), env: PY312 })).stdout).toBe('this is 5\n')
  })

  it('reports a missing script as python does', async () => {
    const result = await run(['python', 'nope.py'], { fs: pythonImage(), env: PY312, cwd: '/app' })
    expect(result).toMatchObject({ exit: 2, stderr: 'python: can\'t open file \'/app/nope.py\': [Errno 2] No such file or directory\n' })
  })

  it('gives the >>> prompt with a terminal, continues blocks with ..., and says it is simulated', async () => {
    const result = await run(['python3'], { fs: pythonImage(), env: PY312, tty: true, input: ['x = 2', 'for i in range(2):', '    print(i * x)', '', 'x + 1', 'exit()'] })
    expect(result.stderr).toMatch(/^Python 3\.12\.12 on linux \(simulated: Pyodide's Python 3\.\d+\.\d+ runs the code\)\nType "help", "copyright", "credits" or "license" for more information\.\n$/)
    expect(result.prompts).toEqual(['>>> ', '>>> ', '... ', '... ', '>>> ', '>>> '])
    expect(result.stdout).toBe('0\n2\n3\n')
    expect(result.exit).toBe(0)
  })

  it('declares a SIGINT handler (KeyboardInterrupt) and leaves SIGTERM to the default', async () => {
    const result = await run(['python', '-c', 'pass'], { fs: pythonImage(), env: PY312 })
    expect(result.signals.get('SIGINT')).toBe('handle')
    expect(result.signals.has('SIGTERM')).toBe(false)
  })

  it('time.sleep moves the simulated clock instead of blocking, and a long sleeper is stopped with a label', async () => {
    const clock = instantClock()
    const started = Date.now()
    const result = await run(['python', '-c', 'import time\nfor i in range(3):\n    time.sleep(2)\nprint("done")'], { fs: pythonImage(), env: PY312, clock })
    expect(result.stdout).toBe('done\n')
    expect(clock.elapsed()).toBe(6000)
    const stuck = await run(['python', '-c', 'import time\nwhile True:\n    time.sleep(1)'], { fs: pythonImage(), env: PY312 })
    expect(stuck.exit).toBe(1)
    expect(stuck.stderr).toBe('[simulator] time.sleep cannot wait on the simulated clock inside Python; the run was stopped after an hour of sleeps\n')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('ctrl-C while a script sleeps ends it with KeyboardInterrupt and 130', async () => {
    const clock = signalClock()
    const done = run(['python', '-c', 'import time\ntime.sleep(30)'], { fs: pythonImage(), env: PY312, clock })
    await settle()
    clock.interrupt('SIGINT')
    const result = await done
    expect(result.exit).toBe(130)
    expect(result.stderr.endsWith('KeyboardInterrupt\n')).toBe(true)
  })

  it('does not reach any real network: sockets fail with a labelled error', async () => {
    const result = await run(['python', '-c', 'import urllib.request; urllib.request.urlopen("http://127.0.0.1:5000/random")'], { fs: pythonImage(), env: PY312 })
    expect(result.exit).toBe(1)
    expect(result.stderr).toMatch(/urllib\.error\.URLError: <urlopen error \[Errno 101\] Network is unreachable \[simulator: Python's sockets are not connected to the simulated network; curl in the container's shell is\]>\n$/)
  })

  it('leaves time.sleep and sockets as they were for the slides\' runner, which shares the interpreter', async () => {
    await run(['python', '-c', 'pass'], { fs: pythonImage(), env: PY312 })
    const after = await run(['python', '-c', 'import time, socket; print(time.sleep.__name__, socket.socket.connect.__name__)'], { fs: pythonImage(), env: PY312 })
    expect(after.stdout).toBe('_sim_sleep _sim_no_network\n')
    const py = await sharedInterpreter()
    expect(String(py.runPython('import time, socket; time.sleep.__name__ + " " + socket.socket.connect.__name__'))).toBe('sleep connect')
    expect(String(py.runPython('import os; str(os.environ.get("PYTHON_VERSION")) + " " + os.getcwd()'))).toBe('None /home/pyodide')
  })

  it('labels a third-party module Pyodide lacks', async () => {
    const result = await run(['python', '-c', 'import flask'], { fs: pythonImage(), env: PY312 })
    expect(result.stderr).toMatch(/ModuleNotFoundError: No module named 'flask'\n\[simulator\] Pyodide has no 'flask' package; in Docker the image has it only if it was installed \(pip install in its Dockerfile\)\n$/)
  })

  it('prints the image\'s version for --version', async () => {
    expect((await run(['python', '--version'], { fs: pythonImage(), env: PY312 })).stdout).toBe('Python 3.12.12\n')
  })

  it('runs from bash inside the container (PATH lookup of the image\'s python)', async () => {
    const result = await run(['bash', '-c', 'python -c "print(6*7)"; echo rc=$?'], { fs: pythonImage(), env: PY312 })
    expect(result.stdout).toBe('42\nrc=0\n')
  })
}, 120_000)
