#!/usr/bin/env python3
"""Serves a small folder with Debian's `python3 -m http.server`, requests a few paths, and writes the
answers and the server's log lines to http-server-fixtures.json (dates normalised to DATE).
The unit test serves the same folder with the simulator and compares.
Run: python3 tests/unit/docker-sim/programs/record-http-server.py"""
import http.client, json, os, pathlib, re, shutil, socket, subprocess, time

HERE = pathlib.Path(__file__).parent
ROOT = pathlib.Path('/tmp/http-server-fixture')
FILES = {'notes.txt': 'hello\n', 'app.py': 'print(1)\n', 'Data/': None, 'Data/x.csv': 'a,b\n', 'b c.txt': 'space\n'}
# -s everywhere: without a terminal curl draws its progress meter on stderr, which the simulator leaves out.
CURLS = [['-s', 'http://127.0.0.1:PORT/notes.txt'], ['-s', '-i', 'http://127.0.0.1:PORT/notes.txt'], ['-s', '-I', 'http://127.0.0.1:PORT/Data'],
         ['-s', '-f', 'http://127.0.0.1:PORT/nope'], ['-sS', '-f', 'http://127.0.0.1:PORT/nope'], ['-s', 'http://127.0.0.1:PORT/nope'],
         ['localhost:1'], ['-s', 'localhost:1'], ['http://nosuchhost.invalid/']]
PATHS = ['/', '/nope', '/Data', '/Data/', '/notes.txt', '/app.py']

def main():
    if ROOT.exists():
        shutil.rmtree(ROOT)
    ROOT.mkdir()
    for name, content in FILES.items():
        if content is None:
            (ROOT / name).mkdir()
        else:
            (ROOT / name).write_text(content)
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(['/usr/bin/python3', '-u', '-m', 'http.server', str(port), '-b', '127.0.0.1', '-d', str(ROOT)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    answers = []
    for path in PATHS:
        conn = http.client.HTTPConnection('127.0.0.1', port)
        conn.request('GET', path)
        response = conn.getresponse()
        headers = [[k, v] for k, v in response.getheaders() if k not in ('Date', 'Server', 'Last-Modified')]
        answers.append({'path': path, 'status': response.status, 'headers': headers, 'body': response.read().decode()})
        conn.close()
    server.terminate()
    out, err = server.communicate()
    # A second server for curl, so the log above holds the answers' lines only.
    curl_server = subprocess.Popen(['/usr/bin/python3', '-u', '-m', 'http.server', str(port), '-b', '127.0.0.1', '-d', str(ROOT)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    curls = []
    for args in CURLS:
        done = subprocess.run(['curl', *[a.replace('PORT', str(port)) for a in args]], capture_output=True, text=True, timeout=10)
        normalise = lambda text: re.sub(r'Date: [^\r\n]+', 'Date: DATE', re.sub(r'Last-Modified: [^\r\n]+', 'Last-Modified: DATE', text)).replace(str(port), 'PORT')
        curls.append({'args': args, 'stdout': normalise(done.stdout), 'stderr': normalise(done.stderr), 'exit': done.returncode})
    curl_server.terminate()
    curl_server.wait()
    log = [re.sub(r'\[[^\]]+\]', '[DATE]', line) for line in err.splitlines()]
    (HERE / 'http-server-fixtures.json').write_text(json.dumps({
        'note': 'recorded from Debian python3 -m http.server by record-http-server.py',
        'files': FILES, 'stdout': out.replace(str(port), 'PORT'), 'answers': answers, 'log': log, 'curl': curls, 'curlVersion': subprocess.run(['curl', '--version'], capture_output=True, text=True).stdout.split()[1]}, indent=1) + '\n')
    print(f'{len(answers)} answers recorded')

main()
