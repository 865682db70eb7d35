// Wall-clock time inside the simulation: the host's clock plus the date it started at; always UTC,
// as containers are unless TZ is set.

import type { Clock } from '../process'

/** 2026-03-03 10:15:00 UTC: the date the deck's notes show (`Tue Mar  3 10:15:01 UTC 2026`). */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 2, 3, 10, 15, 0)

export function wallClock(clock: Clock): number {
  return (clock.epochMs ?? DEFAULT_EPOCH_MS) + clock.now()
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** strftime(3) for the fields `date` users type; the default is date(1)'s `%a %b %e %H:%M:%S %Z %Y`. */
export function formatDate(date: Date, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  return format.replace(/%([a-z%])/gi, (whole, field: string) => {
    switch (field) {
      case 'a': return DAYS[date.getUTCDay()]!
      case 'b': return MONTHS[date.getUTCMonth()]!
      case 'e': return String(date.getUTCDate()).padStart(2, ' ')
      case 'd': return two(date.getUTCDate())
      case 'm': return two(date.getUTCMonth() + 1)
      case 'Y': return String(date.getUTCFullYear())
      case 'H': return two(date.getUTCHours())
      case 'M': return two(date.getUTCMinutes())
      case 'S': return two(date.getUTCSeconds())
      case 'Z': return 'UTC'
      case 'z': return '+0000'
      case 's': return String(Math.floor(date.getTime() / 1000))
      case 'F': return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`
      case 'T': return `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
      case '%': return '%'
      default: return whole
    }
  })
}
