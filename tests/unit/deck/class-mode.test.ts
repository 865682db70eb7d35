// scripts/class.ts without a server: the arguments, the address students are given, the password.
import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { followUrl, newPassword, parseClassArguments, roomAddresses } from '../../../scripts/class'

function ipv4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }
}

describe('class mode', () => {
  it('reads --password, --port and --address, and refuses what it does not know', () => {
    expect(parseClassArguments(['--password', 'room42', '--port', '3131', '--address', '10.0.0.5']))
      .toEqual({ password: 'room42', port: 3131, address: '10.0.0.5' })
    expect(parseClassArguments([])).toEqual({ password: '', port: 3030, address: null })
    expect(() => parseClassArguments(['--port', '80090'])).toThrow(/--port must be a TCP port/)
    expect(() => parseClassArguments(['--pasword', 'x'])).toThrow(/Unknown argument "--pasword"/)
    expect(() => parseClassArguments(['--password'])).toThrow(/--password needs a value/)
    expect(() => parseClassArguments(['--password', 'a b?'])).toThrow(/letters, digits/)
  })

  it('gives students the room network\'s address: not loopback, container bridges last', () => {
    expect(roomAddresses({
      lo: [ipv4('127.0.0.1', true)],
      docker0: [ipv4('172.17.0.1')],
      wlan0: [ipv4('192.168.1.20'), { ...ipv4('fe80::1'), family: 'IPv6', scopeid: 0 }],
    })).toEqual(['192.168.1.20', '172.17.0.1'])
    expect(roomAddresses({ lo: [ipv4('127.0.0.1', true)] })).toEqual([])
    expect(followUrl('192.168.1.20', 3030)).toBe('http://192.168.1.20:3030/')
  })

  it('makes passwords of eight readable characters, different each time', () => {
    const passwords = Array.from({ length: 20 }, newPassword)
    for (const password of passwords)
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{8}$/)
    expect(new Set(passwords).size).toBe(passwords.length)
  })
})
