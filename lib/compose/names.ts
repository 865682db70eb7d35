// "Did you mean…": the known name closest to a mistyped one.

/** Edit distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    previous = current
  }
  return previous[b.length]!
}

/** The known name within two edits of `word` (`port` → `ports`), or null. */
export function closestName(word: string, known: Iterable<string>): string | null {
  let best: string | null = null
  let bestScore = Math.min(3, Math.max(1, word.length - 1))
  for (const candidate of known) {
    const score = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}
