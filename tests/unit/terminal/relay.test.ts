import type { RelayedScreen, RelayState, RelayTransport } from '../../../lib/terminal/relay'
import { describe, expect, it } from 'vitest'
import { screenTail, screenUpdate, TerminalRelay } from '../../../lib/terminal/relay'

/**
 * A model of Slidev's server channel: a POST is taken by the server (its state patched), then pushed to
 * every page but the sender; a page loaded later starts from the server's state.
 */
function server() {
  const state: RelayState = {}
  const pages: { onPatch: ((patch: RelayState) => void)[], id: number }[] = []
  const posted: RelayState[] = []
  let nextId = 0
  /** Sends wait until `deliver()`: what is under way when the presenter types again. */
  const queue: (() => void)[] = []
  const page = (): RelayTransport => {
    const self = { onPatch: [] as ((patch: RelayState) => void)[], id: nextId++ }
    pages.push(self)
    return {
      current: () => structuredClone(state),
      send: patch => new Promise((resolve) => {
        queue.push(() => {
          posted.push(patch)
          Object.assign(state, structuredClone(patch))
          for (const other of pages) {
            if (other !== self)
              other.onPatch.forEach(callback => callback(structuredClone(patch)))
          }
          resolve(undefined)
        })
      }),
      onPatch: callback => self.onPatch.push(callback),
    }
  }
  /** Lets the server take every send, including those a relay makes once its previous one is done. */
  const deliver = async () => {
    for (let idle = 0; idle < 3; idle++) {
      await new Promise(resolve => setTimeout(resolve, 2))
      if (queue.length)
        idle = -1
      while (queue.length)
        queue.shift()!()
    }
  }
  return { page, posted, deliver }
}

const now = (callback: () => void) => setTimeout(callback, 0)

describe('the presenter\'s terminals on the followers\' devices', () => {
  it('shows a follower the presenter\'s screen of the same terminal only, and later screens as they come', async () => {
    const channel = server()
    const presenter = new TerminalRelay(channel.page(), 'presenter', { setTimer: now })
    const follower = new TerminalRelay(channel.page(), 'student')
    const seen: string[] = []
    const elsewhere: string[] = []
    follower.follow('68/1', screen => seen.push(screen.text))
    follower.follow('18/1', screen => elsewhere.push(screen.text))
    presenter.publish('68/1', '$ docker build -t flask-app .\r\n')
    await channel.deliver()
    presenter.publish('68/1', '$ docker build -t flask-app .\r\n[+] Building\r\n')
    await channel.deliver()
    expect(seen).toEqual(['$ docker build -t flask-app .\r\n', '$ docker build -t flask-app .\r\n[+] Building\r\n'])
    expect(elsewhere).toEqual([])
  })

  it('sends one screen at a time, the latest: keys typed while a send is under way are batched', async () => {
    const channel = server()
    const presenter = new TerminalRelay(channel.page(), 'presenter', { setTimer: now })
    presenter.publish('68/1', '$ d')
    presenter.publish('68/1', '$ do')
    presenter.publish('68/1', '$ doc')
    await channel.deliver()
    await channel.deliver()
    expect(channel.posted.map(patch => patch['68/1']?.text)).toEqual(['$ d', '$ doc'])
  })

  it('gives a follower that opens the slide later the screen so far, from the server or the patches since it loaded', async () => {
    const channel = server()
    const early = new TerminalRelay(channel.page(), 'early')
    const presenter = new TerminalRelay(channel.page(), 'presenter', { setTimer: now })
    presenter.publish('68/1', '$ docker images\r\n')
    await channel.deliver()
    const late = new TerminalRelay(channel.page(), 'late')
    const seenLate: RelayedScreen[] = []
    const seenEarly: RelayedScreen[] = []
    late.follow('68/1', screen => seenLate.push(screen))
    early.follow('68/1', screen => seenEarly.push(screen))
    expect(seenLate.map(screen => screen.text)).toEqual(['$ docker images\r\n'])
    expect(seenEarly.map(screen => screen.text)).toEqual(['$ docker images\r\n'])
  })

  it('ignores a screen from a window the follower reaches otherwise (the same browser), and its own', async () => {
    const channel = server()
    const presenter = new TerminalRelay(channel.page(), 'presenter', { setTimer: now })
    const projector = new TerminalRelay(channel.page(), 'projector')
    const seen: string[] = []
    projector.follow('68/1', screen => seen.push(screen.text), from => from === 'presenter')
    presenter.follow('68/1', screen => seen.push(screen.text))
    presenter.publish('68/1', '$ ')
    await channel.deliver()
    expect(seen).toEqual([])
  })

  it('sends the end of a long screen, cut at a line break', async () => {
    const channel = server()
    const presenter = new TerminalRelay(channel.page(), 'presenter', { setTimer: now, limit: 12 })
    presenter.publish('68/1', 'first line\r\nsecond\r\n$ ')
    await channel.deliver()
    expect(channel.posted[0]?.['68/1']?.text).toBe('second\r\n$ ')
  })
})

describe('screen helpers', () => {
  it('cuts a tail at a line break', () => {
    expect(screenTail('abc', 10)).toBe('abc')
    expect(screenTail('line one\nline two\n$ ', 12)).toBe('line two\n$ ')
  })

  it('writes only what a grown screen added, and the whole screen otherwise', () => {
    expect(screenUpdate(null, '$ ls')).toEqual({ reset: true, write: '$ ls' })
    expect(screenUpdate('$ l', '$ ls')).toEqual({ reset: false, write: 's' })
    expect(screenUpdate('$ ls', '$ l')).toEqual({ reset: true, write: '$ l' })
  })
})
