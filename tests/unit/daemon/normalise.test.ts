import { describe, expect, it } from 'vitest'
import { Normaliser, wordsOf } from '../../../scripts/daemon/normalise'

const FULL_A = 'a'.repeat(4) + '0123456789abcdef'.repeat(3) + 'b'.repeat(12)
const FULL_B = 'f00d'.repeat(16)

describe('normaliser: IDs', () => {
  it('numbers full IDs by first appearance and gives their 12-hex prefix the same number', () => {
    const n = new Normaliser()
    expect(n.text(`${FULL_A}\n`)).toBe('<id1>\n')
    expect(n.text(`${FULL_B}\n`)).toBe('<id2>\n')
    expect(n.text(`CONTAINER ID   IMAGE\n${FULL_B.slice(0, 12)}   busybox\n${FULL_A.slice(0, 12)}   busybox\n`))
      .toBe('CONTAINER ID  IMAGE\n<id2:12>  busybox\n<id1:12>  busybox\n')
  })

  it('gives a short ID seen first the number its full form gets later', () => {
    const n = new Normaliser()
    expect(n.text(`Successfully built ${FULL_B.slice(0, 12)}`)).toBe('Successfully built <id1:12>')
    expect(n.text(`sha256:${FULL_B}`)).toBe('sha256:<id1>')
  })

  it('keeps a 12-digit number that no full ID explains, and hex inside longer words', () => {
    const n = new Normaliser()
    expect(n.text('123456789012')).toBe('123456789012')
    expect(n.text(`x${'ab'.repeat(6)}y`)).toBe(`x${'ab'.repeat(6)}y`)
  })

  it('shows a hostname (the short ID) in a shell prompt as the container it is', () => {
    const n = new Normaliser()
    n.text(FULL_A)
    expect(n.text(`root@${FULL_A.slice(0, 12)}:/# `)).toBe(`root@<id1:12>:/#`)
  })
})

describe('normaliser: generated names', () => {
  it('replaces the names the daemon generated, numbered, and keeps typed ones', () => {
    const n = new Normaliser({ generatedNames: ['eager_turing'] })
    n.learnGeneratedNames(['quirky_hopper'])
    expect(n.text('quirky_hopper\nmy_web\neager_turing\nquirky_hopper')).toBe('<name1>\nmy_web\n<name2>\n<name1>')
  })

  it('without a list, takes any word_word the scenario did not type for a generated name', () => {
    const n = new Normaliser({ knownWords: wordsOf('docker run --name my_web busybox') })
    expect(n.text('my_web\nnifty_lovelace\n')).toBe('my_web\n<name1>\n')
  })

  it('refuses to learn names when it guesses them by shape', () => {
    expect(() => new Normaliser().learnGeneratedNames(['a_b'])).toThrow(/by shape/)
  })
})

describe('normaliser: times, durations, sizes, PIDs', () => {
  const n = () => new Normaliser()
  it.each([
    ['Up 3 seconds', 'Up <duration>'],
    ['Up About a minute (Paused)', 'Up <duration> (Paused)'],
    ['Up Less than a second', 'Up <duration>'],
    ['Exited (0) 2 seconds ago', 'Exited (0) <duration> ago'],
    ['Exited (137) About an hour ago', 'Exited (137) <duration> ago'],
    ['Created 3 weeks ago', 'Created <duration> ago'],
    ['Up 1 second', 'Up <duration>'],
  ])('duration: %s', (raw, want) => {
    expect(n().text(raw)).toBe(want)
  })

  it.each([
    ['"Created": "2026-12-01T07:50:00.123456789Z",', '"Created": "<timestamp>",'],
    ['2026-12-01T07:50:00+01:00 hello', '<timestamp> hello'],
    ['"FinishedAt": "0001-01-01T00:00:00Z"', '"FinishedAt": "0001-01-01T00:00:00Z"'],
    ['2026-12-01 07:50:00 +0000 UTC', '<datetime>'],
    ['Tue Dec  1 07:50:00 UTC 2026', '<date>'],
    ['172.17.0.1 - - [01/Dec/2026 07:50:00] "GET / HTTP/1.1" 200 -', '172.17.0.1 - - [<date>] "GET / HTTP/1.1" 200 -'],
    ['at 07:50:03', 'at <clock>'],
  ])('time: %s', (raw, want) => {
    expect(n().text(raw)).toBe(want)
  })

  it.each([
    ['1.98MB', '<size>'],
    ['0B (virtual 81.6MB)', '<size> (virtual <size>)'],
    ['Sending build context to Docker daemon  2.048kB', 'Sending build context to Docker daemon  <size>'],
    ['"Size": 1984241,', '"Size": <size>,'],
    ['81.57MB (100%)', '<size> (<pct>)'],
  ])('size: %s', (raw, want) => {
    expect(n().text(raw)).toBe(want)
  })

  it('replaces PIDs, CPU and clocks in docker top by column, and the Pid of inspect', () => {
    const top = 'UID     PID    PPID   C   STIME   TTY   TIME       CMD\nroot    12345  12320  3   07:50   ?     00:00:00   python3 -m http.server\n'
    expect(n().text(top, 'docker top web')).toBe('UID  PID  PPID  C  STIME  TTY  TIME  CMD\nroot  <pid>  <pid>  <cpu>  <clock>  ?  <clock>  python3 -m http.server\n')
    expect(n().text('PID   COMMAND\n9832  python3\n', 'docker top web -o pid,comm')).toBe('PID  COMMAND\n<pid>  python3\n')
    expect(n().text('root 12345 12320 0 07:50 ?', 'echo')).toBe('root 12345 12320 0 07:50 ?')
    expect(n().text('"Pid": 4242,')).toBe('"Pid": <pid>,')
  })

  it('sorts docker diff, whose order changes from run to run', () => {
    expect(n().text('C /tmp\nA /tmp/a\nC /etc\nD /etc/group\n', 'docker diff box')).toBe('A /tmp/a\nC /etc\nC /tmp\nD /etc/group\n')
    expect(n().text('b\na\n', 'docker logs box')).toBe('b\na\n')
  })

  it('numbers user-network subnets (172.18-31) by first appearance and keeps the default bridge', () => {
    const n1 = n()
    expect(n1.text('mynet 172.24.0.2 gw 172.24.0.1, other 172.19.0.0/16, bridge 172.17.0.2')).toBe('mynet 172.<net1>.0.2 gw 172.<net1>.0.1, other 172.<net2>.0.0/16, bridge 172.17.0.2')
    expect(n1.text('10.172.24.1 and 172.240.0.1')).toBe('10.172.24.1 and 172.240.0.1')
  })

  it('replaces what the Flask server prints that changes from run to run: the Date header, logging\'s asctime, the debugger PIN', () => {
    expect(n().text('Date: Tue, 01 Dec 2026 10:50:00 GMT\n[2026-12-01 10:50:00,495] ERROR in app: Exception on / [GET]\n * Debugger PIN: 540-636-183\n'))
      .toBe('Date: <http-date>\n[<asctime>] ERROR in app: Exception on / [GET]\n * Debugger PIN: <pin>\n')
    // A plain date and clock keep their own placeholders.
    expect(n().text('2026-12-01 10:50:00 +0000 UTC')).toBe('<datetime>')
  })

  it('replaces ephemeral host ports (-P) and keeps chosen ones', () => {
    expect(n().text('7000/tcp -> 0.0.0.0:32771\n7000/tcp -> [::]:32771\n80/tcp -> 0.0.0.0:8080')).toBe('7000/tcp -> 0.0.0.0:<port>\n7000/tcp -> [::]:<port>\n80/tcp -> 0.0.0.0:8080')
  })
})

describe('normaliser: paths, line ends, padding', () => {
  it('maps the private daemon folders and the working folder', () => {
    const n = new Normaliser({ paths: [{ from: '/tmp/d', to: '/var/run' }, { from: '/tmp/d/root', to: '/var/lib/docker' }, { from: '/tmp/scn-1', to: '<cwd>' }] })
    expect(n.text('/tmp/d/root/volumes/x/_data and /tmp/scn-1/app.py')).toBe('/var/lib/docker/volumes/x/_data and <cwd>/app.py')
  })

  it('turns terminal line ends into plain ones and keeps indentation', () => {
    expect(new Normaliser().text('a\r\nb\r\n    "Id": 1\r\n')).toBe('a\nb\n    "Id": 1\n')
  })

  it('shows what a terminal shows: no escape sequences, a lone CR overwrites from the line start', () => {
    const raw = '\x1B]0;root@box: /\x07root@box:/# \x1B[?2004hls\r\n\x1B[?2004l\r\x1B[Ka.txt\r\n\x1B[1;32mgreen\x1B[0m\r\nabcdef\rXY\n'
    expect(new Normaliser().text(raw)).toBe('root@box:/# ls\na.txt\ngreen\nXYcdef\n')
  })

  it('keeps that columns are separated by two or more spaces, not how many', () => {
    expect(new Normaliser().text('NAME      STATUS\nweb       Up 3 seconds   \n')).toBe('NAME  STATUS\nweb  Up <duration>\n')
  })
})
