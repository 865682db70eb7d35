// IP addresses as Go's net.ParseIP reads them: dotted IPv4 without leading zeros, IPv6 with `::`
// and an optional trailing IPv4 part, no zone.

function isIPv4(text: string): boolean {
  const parts = text.split('.')
  if (parts.length !== 4)
    return false
  return parts.every(part => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)
}

function isIPv6(text: string): boolean {
  if (!text.includes(':'))
    return false
  let groups = text.split(':')
  let maxGroups = 8
  const last = groups[groups.length - 1] ?? ''
  if (last.includes('.')) {
    if (!isIPv4(last))
      return false
    groups = groups.slice(0, -1)
    groups.push('0', '0')
    maxGroups = 8
  }
  const joined = groups.join(':')
  const doubleColon = joined.indexOf('::')
  if (doubleColon !== joined.lastIndexOf('::'))
    return false
  const hex = /^[0-9a-f]{1,4}$/i
  if (doubleColon === -1)
    return groups.length === maxGroups && groups.every(group => hex.test(group))
  const [head = '', tail = ''] = [joined.slice(0, doubleColon), joined.slice(doubleColon + 2)]
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === '' ? [] : tail.split(':')
  if (![...headGroups, ...tailGroups].every(group => hex.test(group)))
    return false
  return headGroups.length + tailGroups.length < maxGroups
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text)
}
