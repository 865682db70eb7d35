import type { MirrorHandlers, MirrorMessage, MirrorPort, TerminalState } from '../../../lib/terminal/mirror'
import { describe, expect, it } from 'vitest'
import { ScreenLog, TerminalMirror } from '../../../lib/terminal/mirror'

/** Ports on one bus, as BroadcastChannels of one name: a message reaches every other port, never its sender. */
function bus() {
  const ports: MirrorPort[] = []
  return () => {
    const port: MirrorPort = {
      onmessage: null,
      postMessage: (message: MirrorMessage) => {
        for (const other of ports) {
          if (other !== port)
            other.onmessage?.({ data: structuredClone(message) } as MessageEvent)
        }
      },
    }
    ports.push(port)
    return port
  }
}

/** A terminal in one window: what it was told by the others. */
function terminal(screen = '') {
  const seen = { output: [] as [string, TerminalState, boolean][], input: [] as string[], screen: [] as string[], text: screen }
  const handlers: MirrorHandlers = {
    output: (text, state, clear) => seen.output.push([text, state, clear]),
    input: data => seen.input.push(data),
    screen: text => seen.screen.push(text),
    current: () => seen.text ? { text: seen.text, state: 'idle' } : null,
  }
  return { seen, handlers }
}

describe('the same terminal in two windows', () => {
  it('replays what one window writes in the other, for the same key only', () => {
    const port = bus()
    const presenter = new TerminalMirror(port(), 'presenter')
    const audience = new TerminalMirror(port(), 'audience')
    const here = terminal()
    const there = terminal()
    const elsewhere = terminal()
    const link = presenter.attach('18/1', here.handlers)
    audience.attach('18/1', there.handlers)
    audience.attach('18/2', elsewhere.handlers)
    link.publish('docker ps\r\n', 'busy')
    expect(there.seen.output).toEqual([['docker ps\r\n', 'busy', false]])
    expect(elsewhere.seen.output).toEqual([])
    expect(here.seen.output).toEqual([])
  })

  it('sends keys to the window whose program runs, and runs them here once that window is idle', () => {
    const port = bus()
    const presenter = new TerminalMirror(port(), 'presenter')
    const audience = new TerminalMirror(port(), 'audience')
    const here = terminal()
    const there = terminal()
    const owner = presenter.attach('18/1', here.handlers)
    const mirror = audience.attach('18/1', there.handlers)
    expect(mirror.remoteState()).toBe('idle')
    expect(mirror.forward('x')).toBe(false) // nobody wrote yet: nowhere to send
    owner.publish('root@abc:/# ', 'busy')
    expect(mirror.remoteState()).toBe('busy')
    expect(mirror.forward('ls\r')).toBe(true)
    expect(here.seen.input).toEqual(['ls\r'])
    owner.publish('student@laptop:~$ ', 'idle')
    expect(mirror.remoteState()).toBe('idle')
    // Once this window writes, it is the one the other window follows.
    mirror.publish('d', 'editing')
    expect(owner.remoteState()).toBe('editing')
    expect(mirror.remoteState()).toBe('idle')
  })

  it('answers a window that opens the terminal later with the screen so far, from windows that have one', () => {
    const port = bus()
    const presenter = new TerminalMirror(port(), 'presenter')
    const third = new TerminalMirror(port(), 'third')
    const before = terminal('$ docker run hello-world\r\nHello from Docker!\r\n$ ')
    const blank = terminal('')
    third.attach('23/1', blank.handlers)
    presenter.attach('23/1', before.handlers)
    // A window with nothing on its screen does not answer.
    expect(before.seen.screen).toEqual([])
    const audience = new TerminalMirror(port(), 'audience')
    const late = terminal()
    audience.attach('23/1', late.handlers)
    expect(late.seen.screen).toEqual(['$ docker run hello-world\r\nHello from Docker!\r\n$ '])
    // The answer went to the window that asked, not to the others.
    expect(blank.seen.screen).toEqual([])
  })

  it('forgets a terminal that closed', () => {
    const port = bus()
    const presenter = new TerminalMirror(port(), 'presenter')
    const audience = new TerminalMirror(port(), 'audience')
    const there = terminal()
    const link = presenter.attach('18/1', terminal().handlers)
    audience.attach('18/1', there.handlers).close()
    link.publish('x', 'editing')
    expect(there.seen.output).toEqual([])
  })
})

describe('screen log', () => {
  it('keeps the last characters up to its limit, cut at a line break', () => {
    const log = new ScreenLog(10)
    log.append('first\r\nsecond\r\n')
    log.append('3rd')
    // 19 characters: the cut after the first line break past the first 9 keeps no half line.
    expect(log.toString()).toBe('3rd')
    log.replace('abc')
    expect(log.toString()).toBe('abc')
  })
})
