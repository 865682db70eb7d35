// Requests to type into a channel's terminal ("Show me" of an exercise). Slidev keeps every slide mounted,
// so one channel may have terminals on several slides at once: a request naming its slide goes to the
// terminal on that slide; when that slide has none (the exercise box sits on a slide of its own), to the
// first terminal of the channel, open now or opened later. Each request is typed once per browser window.
// Module-level, like the machine itself.

export interface TypingTarget {
  channel: string
  serial: number
  /** The slide the request comes from, when known. */
  page?: number
}

const taken = new Set<number>()
/** The slides with a terminal open, per channel (a count per slide: the presenter view shows one twice). */
const open = new Map<string, Map<number, number>>()

/** A terminal of `channel` is open on slide `page`; returns the call that says it closed. */
export function terminalOpened(channel: string, page: number): () => void {
  const pages = open.get(channel) ?? new Map<number, number>()
  pages.set(page, (pages.get(page) ?? 0) + 1)
  open.set(channel, pages)
  let closed = false
  return () => {
    if (closed)
      return
    closed = true
    const count = (pages.get(page) ?? 1) - 1
    if (count > 0)
      pages.set(page, count)
    else
      pages.delete(page)
  }
}

/** Whether the terminal of `channel` on slide `page` types `request` now (true once per request). */
export function takeRequest(request: TypingTarget, channel: string, page: number): boolean {
  if (request.channel !== channel || taken.has(request.serial))
    return false
  const meant = request.page === undefined || request.page === page || !(open.get(channel)?.has(request.page) ?? false)
  if (meant)
    taken.add(request.serial)
  return meant
}
