// How far a typo is from the word meant, and the nearest known word: one implementation for every
// "Did you mean …?" of the deck (docker commands and flags, Dockerfile instructions, Compose keys).

// Three reusable rows: suggestions run on every unknown word, so no allocation.
let rowBefore = new Int32Array(64)
let rowPrevious = new Int32Array(64)
let rowCurrent = new Int32Array(64)

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours: `nmae` is 1 from
 * `name`), stopping early once it exceeds `limit` (the result is then `limit + 1`).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit)
    return limit + 1
  if (b.length + 1 > rowPrevious.length) {
    rowBefore = new Int32Array(b.length + 1)
    rowPrevious = new Int32Array(b.length + 1)
    rowCurrent = new Int32Array(b.length + 1)
  }
  let before = rowBefore
  let previous = rowPrevious
  let current = rowCurrent
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMinimum = i
    const charA = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1)
      const cost = charA === charB ? 0 : 1
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB)
        value = Math.min(value, (before[j - 2] ?? 0) + 1)
      current[j] = value
      if (value < rowMinimum)
        rowMinimum = value
    }
    if (rowMinimum > limit)
      return limit + 1
    const recycled = before
    before = previous
    previous = current
    current = recycled
  }
  return previous[b.length] ?? 0
}

/** How far a typo may be from the intended word: short words leave less room for guessing. */
function allowedDistance(word: string): number {
  return word.length <= 3 ? 1 : 2
}

/**
 * The closest candidate within `allowed` edits (by default: 1 for words of up to 3 letters, else
 * 2); on a tie, the one of the same length as the word (a swap rather than a missing letter), then
 * the earlier one. The word itself is never suggested; words over 64 characters get no guess.
 */
export function closest(word: string, candidates: Iterable<string>, allowed = allowedDistance(word)): string | null {
  if (word.length > 64)
    return null
  let best: string | null = null
  let bestScore = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    if (candidate === word)
      continue
    const distance = editDistance(word, candidate, allowed)
    if (distance > allowed)
      continue
    const score = distance * 2 + (candidate.length === word.length ? 0 : 1)
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}
