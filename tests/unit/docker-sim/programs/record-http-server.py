#!/usr/bin/env python3
"""Serves a small folder with Debian's `python3 -m http.server`, requests a few paths, and writes the
answers and the server's log lines to http-server-fixtures.json (dates normalised to DATE).
The unit test serves the same folder with the simulator and compares.
Run: python3 tests/unit/docker-sim/programs/record-http-server.py"""
import http.client, json, os, pathlib, re, shutil, socket, subprocess, time

HERE = pathlib.Path(__file__).parent
ROOT = pathlib.Path('/tmp/http-server-fixture')
FILES = {'notes.txt': 'hello\n', 'app.py': 'print(1)\n', 'Data/': None, 'Data/x.csv': 'a,b\n', 'b c.txt': 'space\n'}
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
    log = [re.sub(r'\[[^\]]+\]', '[DATE]', line) for line in err.splitlines()]
    (HERE / 'http-server-fixtures.json').write_text(json.dumps({
        'note': 'recorded from Debian python3 -m http.server by record-http-server.py',
        'files': FILES, 'stdout': out.replace(str(port), 'PORT'), 'answers': answers, 'log': log}, indent=1) + '\n')
    print(f'{len(answers)} answers recorded')

main()
