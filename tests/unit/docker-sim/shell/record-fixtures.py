#!/usr/bin/env python3
"""Runs each case of cases.json through the real shells (Debian's dash as `sh`, GNU bash, BusyBox ash)
with only the tools the simulator models on PATH (GNU coreutils/grep, or BusyBox applets), in a fresh
sandbox, and writes what they printed to fixtures.json. The unit tests replay the same cases in the
simulator and compare. Run: python3 tests/unit/docker-sim/shell/record-fixtures.py"""
import json, os, re, shutil, socket, subprocess, pathlib, time

HERE = pathlib.Path(__file__).parent
ROOT = pathlib.Path('/tmp/shell-fixtures')
TOOLS = ['cat', 'ls', 'touch', 'mkdir', 'rm', 'rmdir', 'cp', 'mv', 'chmod', 'env', 'sleep', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'cut', 'tee', 'printenv']
SHELLS = {
    # argv0 as a container starts it: Debian's /bin/sh is dash.
    'dash': ['/usr/bin/bash', '-c', 'exec -a sh /usr/bin/dash -c "$0"'],
    'bash': ['/usr/bin/bash', '-c', 'exec -a bash /usr/bin/bash -c "$0"'],
    'ash': ['/usr/bin/bash', '-c', 'exec -a sh /usr/bin/busybox -c "$0"'],
}

# Interactive sessions read from a pipe here; bash takes Debian's /etc/bash.bashrc (the PS1 of Debian images).
INTERACTIVE = {
    'dash': ['/usr/bin/bash', '-c', 'exec -a sh /usr/bin/dash -i'],
    'bash': ['/usr/bin/bash', '--rcfile', '/etc/bash.bashrc', '-i'],
    'ash': ['/usr/bin/bash', '-c', 'exec -a sh /usr/bin/busybox -i'],
}

RECORDED_AT = time.time()
FILE_TIME = int(RECORDED_AT) - 3600

def tools_of(family, applets):
    # BusyBox links only the applets it was built with (Debian's has no printenv).
    return [t for t in TOOLS if family == 'gnu' or t in applets]

def tool_dir(family):
    path = ROOT / f'{family}-bin'
    path.mkdir(parents=True, exist_ok=True)
    applets = subprocess.run(['busybox', '--list'], capture_output=True, text=True).stdout.split()
    for tool in tools_of(family, applets):
        link = path / tool
        if not link.exists():
            link.symlink_to(shutil.which(tool) if family == 'gnu' else shutil.which('busybox'))
    return path

def sandbox(files):
    work = ROOT / 'work'
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for name, content in files.items():
        path = work / name
        if content is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)
    # Fixed times, so `ls -l` prints the same date in the simulator (FILE_TIME, an hour before RECORDED_AT).
    for path in [*work.rglob('*'), work]:
        os.utime(path, (FILE_TIME, FILE_TIME))
    return work

def main():
    if ROOT.exists():
        shutil.rmtree(ROOT)
    spec = json.loads((HERE / 'cases.json').read_text())
    results = []
    for case in spec['cases']:
        for flavour, launcher in SHELLS.items():
            if flavour not in case.get('flavours', SHELLS):
                continue
            work = sandbox(spec['files'])
            family = 'busybox' if flavour == 'ash' else 'gnu'
            env = {'PATH': str(tool_dir(family)), 'HOME': '/root'}
            done = subprocess.run([*launcher, case['script']], cwd=work, env=env, capture_output=True, text=True, timeout=10)
            results.append({'name': case['name'], 'flavour': flavour, 'script': case['script'],
                            'stdout': done.stdout, 'stderr': done.stderr, 'exit': done.returncode})
    interactive = []
    for flavour, command in INTERACTIVE.items():
        work = sandbox(spec['files'])
        family = 'busybox' if flavour == 'ash' else 'gnu'
        env = {'PATH': str(tool_dir(family)), 'HOME': '/root'}
        lines = spec['interactive']
        done = subprocess.run(command, cwd=work, env=env, input=''.join(l + '\n' for l in lines), capture_output=True, text=True, timeout=10)
        # Without a terminal the shells warn about job control, and BusyBox prints its banner: not part of a session.
        stderr = [l for l in done.stderr.split('\n') if not re.search(r'job control|terminal process group|^BusyBox v|^Enter .help.|^$', l)]
        interactive.append({'flavour': flavour, 'lines': lines, 'stdout': done.stdout, 'stderr': '\n'.join(stderr), 'exit': done.returncode})
    # date(1)'s default format and a few +FORMATs, for instants the simulator's clock can show.
    dates = []
    for seconds in (1772532901, 1772500000, 1798761599, 1767225600):
        for fmt in (None, '+%F %T', '+%H:%M:%S', '+%s', '+%a %d %b %Y'):
            args = ['-u', '-d', f'@{seconds}'] + ([fmt] if fmt else [])
            gnu = subprocess.run(['date', *args], capture_output=True, text=True).stdout
            box = subprocess.run(['busybox', 'date', *args], capture_output=True, text=True).stdout
            dates.append({'seconds': seconds, 'format': fmt, 'gnu': gnu, 'busybox': box})
    out = {'note': 'recorded by record-fixtures.py from dash, bash and busybox sh on Debian 12', 'sandbox': str(ROOT / 'work'),
           'toolDirs': {'gnu': str(ROOT / 'gnu-bin'), 'busybox': str(ROOT / 'busybox-bin')},
           'tools': {family: sorted(p.name for p in (ROOT / f'{family}-bin').iterdir()) for family in ('gnu', 'busybox')}, 'files': spec['files'], 'results': results,
           'hostname': socket.gethostname(), 'recordedAtMs': int(RECORDED_AT * 1000), 'fileTimeMs': FILE_TIME * 1000, 'interactive': interactive, 'dates': dates}
    (HERE / 'fixtures.json').write_text(json.dumps(out, indent=1, ensure_ascii=False) + '\n')
    print(f'{len(results)} runs recorded')

main()
