import { describe, expect, it } from 'vitest'
import { takeRequest, terminalOpened } from '../../../lib/terminal/requests'

describe('which terminal types an exercise\'s "Show me"', () => {
  it('the one on the request\'s slide, once, when that slide has a terminal of the channel', () => {
    const closeOther = terminalOpened('logs', 31)
    const closeHere = terminalOpened('logs', 32)
    const request = { channel: 'logs', serial: 101, page: 32 }
    expect(takeRequest(request, 'logs', 31)).toBe(false)
    expect(takeRequest(request, 'logs', 32)).toBe(true)
    expect(takeRequest(request, 'logs', 32)).toBe(false)
    expect(takeRequest({ channel: 'volumes', serial: 102, page: 32 }, 'logs', 32)).toBe(false)
    closeOther()
    closeHere()
  })

  it('the first terminal of the channel, on another slide, when the request\'s slide has none', () => {
    const closeTryIt = terminalOpened('dockerize', 68)
    const request = { channel: 'dockerize', serial: 201, page: 69 }
    expect(takeRequest(request, 'dockerize', 68)).toBe(true)
    expect(takeRequest(request, 'dockerize', 68)).toBe(false)
    closeTryIt()
    // A request without a slide goes to any terminal of its channel.
    expect(takeRequest({ channel: 'dockerize', serial: 202 }, 'dockerize', 68)).toBe(true)
  })

  it('counts a slide shown twice (the presenter view) until both of its terminals close', () => {
    const first = terminalOpened('fs', 20)
    const second = terminalOpened('fs', 20)
    first()
    first() // closing twice changes nothing
    expect(takeRequest({ channel: 'fs', serial: 301, page: 20 }, 'fs', 19)).toBe(false)
    second()
    expect(takeRequest({ channel: 'fs', serial: 302, page: 20 }, 'fs', 19)).toBe(true)
  })
})
