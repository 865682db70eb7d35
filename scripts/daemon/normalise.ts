// Turns what a Docker daemon printed into text that is the same on every run and on every machine:
// IDs, generated names, times, durations, sizes and process IDs become placeholders, so a recorded
// transcript can be compared line by line with a fresh recording or with the simulator.
//
// One Normaliser per scenario: IDs and names are numbered by first appearance across the whole
// scenario (stdout before stderr, step after step), so "the container `run -d` printed" and "the
// container `ps` lists" get the same placeholder, in full (<id1>) and short (<id1:12>) form.

export interface NormaliserOptions {
  /** Host paths as Docker would show them elsewhere: the private data root becomes /var/lib/docker. */
  paths?: { from: string, to: string }[]
  /**
   * Container names Docker generated (`adjective_surname`). The recorder asks the daemon; the
   * simulator side passes its own. Without the list, a word shaped `word_word` that is in
   * `knownWords` is kept and any other is taken for a generated name.
   */
  generatedNames?: string[]
  /** Words the scenario itself typed (commands, files): never a generated name. */
  knownWords?: Set<string>
}

/** A placeholder kind, for the README's table and the tests. */
export type PlaceholderKind
  = | 'id' | 'short-id' | 'name' | 'timestamp' | 'datetime' | 'date' | 'clock' | 'duration' | 'size'
    | 'percent' | 'pid' | 'port' | 'subnet'

interface TextRule {
  kind: PlaceholderKind
  pattern: RegExp
  replace: string | ((match: string, ...groups: string[]) => string)
  /** Only for lines printed by commands this matches (e.g. `docker top`'s PID columns). */
  command?: RegExp
}

const HUMAN_DURATION
  = String.raw`(?:Less than a second|About a minute|About an hour|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))`

/**
 * Fixed-shape rules, applied in this order after IDs and names. Each one's placeholder says what was
 * there; the README lists them. Zero times (0001-01-01T00:00:00Z: "never started") are kept: they
 * say something.
 */
const TEXT_RULES: TextRule[] = [
  // 2026-12-01T07:50:00.123456789Z, 2026-12-01T07:50:00+01:00 (inspect, logs -t, events)
  { kind: 'timestamp', pattern: /\b(?!0001-)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, replace: '<timestamp>' },
  // 2026-12-01 07:50:00 +0000 UTC (Go's time.String: ps --format {{.CreatedAt}}, images)
  { kind: 'datetime', pattern: /\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4} [A-Z]{2,5}\b/g, replace: '<datetime>' },
  // Tue Dec  1 07:50:00 UTC 2026 (date)
  // (no \b before: on a terminal it follows ^C directly)
  { kind: 'date', pattern: /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d [A-Z]{2,5} \d{4}\b/g, replace: '<date>' },
  // [01/Dec/2026 07:50:00] (python -m http.server's log line)
  { kind: 'date', pattern: /\[\d\d\/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/\d{4} \d\d:\d\d:\d\d\]/g, replace: '[<date>]' },
  // Tue, 01 Dec 2026 07:50:00 GMT (an HTTP Date header: Werkzeug's, http.server's)
  { kind: 'date', pattern: /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT\b/g, replace: '<http-date>' },
  // [2026-12-01 07:50:00,495] (Python logging's asctime: Flask's "ERROR in app" line)
  { kind: 'date', pattern: /\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\b/g, replace: '<asctime>' },
  // Werkzeug's debugger PIN: derived from the machine id and the container's MAC address
  { kind: 'pid', pattern: /(Debugger PIN: )\d{3}-\d{3}-\d{3}/g, replace: '$1<pin>' },
  // "Pid": 1234 in inspect
  { kind: 'pid', pattern: /("Pid": )\d+/g, replace: '$1<pid>' },
  // Up 3 seconds, Exited (0) 2 minutes ago, About a minute ago, Less than a second ago
  { kind: 'duration', pattern: new RegExp(String.raw`\b${HUMAN_DURATION}\b`, 'g'), replace: '<duration>' },
  // 1.98MB, 0B, 2.048kB, 81.6 MB, 12KiB
  { kind: 'size', pattern: /\b\d+(?:\.\d+)? ?(?:B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\b/g, replace: '<size>' },
  // "Size": 1984241 in inspect
  { kind: 'size', pattern: /("(?:Size|VirtualSize|SizeRw|SizeRootFs)": )\d+/g, replace: '$1<size>' },
  // Ephemeral host ports (-P): the daemon hands them out in turn, so they depend on its past.
  { kind: 'port', pattern: /((?:0\.0\.0\.0|\[::\]|::|127\.0\.0\.1):)(?:3276[89]|327[7-9]\d|32[89]\d\d|3[3-9]\d{3}|[45]\d{4}|60\d{3})\b/g, replace: '$1<port>' },
  // 100%, 0.05% (system df RECLAIMABLE, stats)
  { kind: 'percent', pattern: /\b\d+(?:\.\d+)?%/g, replace: '<pct>' },
  // 07:50:00 left over anywhere else (a clock a program printed)
  { kind: 'clock', pattern: /\b\d\d:\d\d:\d\d(?:\.\d+)?\b/g, replace: '<clock>' },
]

// Escape sequences are what these match, so control characters are the point here.
const ESC = '\u001B'
const BEL = '\u0007'
const OSC_SEQUENCE = new RegExp(`${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)`, 'g')
const CSI_SEQUENCE = new RegExp(`${ESC}\\[[0-9;?]*[\\x20-\\x2F]*[\\x40-\\x7E]`, 'g')

/**
 * The text a terminal shows: CRLF is a line end, a lone CR moves back to the line's start (later
 * text overwrites), and escape sequences go: window titles (ESC]0;…BEL, which Debian's bashrc sets),
 * bracketed paste (ESC[?2004h), line erase (ESC[K), colours. The comparison is of text.
 */
export function terminalText(text: string): string {
  return text
    .replace(OSC_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => {
      if (!line.includes('\r'))
        return line
      let shown = ''
      for (const part of line.split('\r')) shown = part + shown.slice(part.length)
      return shown
    })
    .join('\n')
}

const TOP_COMMAND = /^docker (?:container )?top\b/
const DIFF_COMMAND = /^docker (?:container )?diff\b/
/** docker top's columns that change from run to run, by their ps header. */
const TOP_VOLATILE: Record<string, string> = { 'PID': '<pid>', 'PPID': '<pid>', 'C': '<cpu>', 'STIME': '<clock>', 'TIME': '<clock>', '%CPU': '<cpu>', 'VSZ': '<size>', 'RSS': '<size>' }

/** Replaces PIDs, CPU and times in docker top's table, column by column (CMD, last, may hold spaces). */
function normaliseTopTable(text: string): string {
  const rows = text.split('\n')
  const header = rows[0]?.trim().split(/\s+/) ?? []
  if (!header.includes('PID'))
    return text
  return [rows[0]!, ...rows.slice(1).map((row) => {
    if (!row.trim())
      return row
    const cells = row.trim().split(/\s+/)
    const fixed = header.length - 1
    const head = cells.slice(0, fixed).map((cell, i) => TOP_VOLATILE[header[i]!] ?? cell)
    const last = cells.slice(fixed).join(' ')
    return [...head, TOP_VOLATILE[header[fixed]!] ?? last].join('  ')
  })].join('\n')
}

function sortLines(text: string): string {
  const trailing = text.endsWith('\n')
  const rows = (trailing ? text.slice(0, -1) : text).split('\n')
  return rows.sort().join('\n') + (trailing ? '\n' : '')
}

const FULL_ID = /(?<![0-9a-z])[0-9a-f]{64}(?![0-9a-z])/g
const SHORT_ID = /(?<![0-9a-z_.-])[0-9a-f]{12}(?![0-9a-z_-])/g
const USER_SUBNET = /(?<![\d.])172\.(1[89]|2\d|3[01])\.(?=\d)/g
const NAME_SHAPE = /(?<![\w.-])[a-z]+_[a-z]+\d?(?![\w.-])/g

export class Normaliser {
  private readonly ids = new Map<string, number>()
  private readonly names = new Map<string, number>()
  private readonly nets = new Map<string, number>()
  private readonly generated: Set<string> | undefined
  private readonly knownWords: Set<string>
  private readonly paths: { from: string, to: string }[]

  constructor(options: NormaliserOptions = {}) {
    this.generated = options.generatedNames ? new Set(options.generatedNames) : undefined
    this.knownWords = options.knownWords ?? new Set()
    // Longest first, so /tmp/d/root wins over /tmp/d.
    this.paths = [...(options.paths ?? [])].sort((a, b) => b.from.length - a.from.length)
  }

  /** Adds names Docker generated since the last call (the recorder learns them step by step). */
  learnGeneratedNames(names: Iterable<string>): void {
    if (!this.generated)
      throw new Error('learnGeneratedNames: this Normaliser guesses names by shape (no generatedNames given)')
    for (const name of names) this.generated.add(name)
  }

  /** Normalises what `command` printed on one stream. */
  text(text: string, command = ''): string {
    let out = terminalText(text)
    for (const { from, to } of this.paths) out = out.split(from).join(to)
    out = out.replace(FULL_ID, hex => `<id${this.idNumber(hex)}>`)
    out = out.replace(SHORT_ID, (hex) => {
      const known = this.shortIdNumber(hex)
      // A 12-digit number with no letter is more likely a number than an ID nobody showed in full.
      if (known === undefined && !/[a-f]/.test(hex))
        return hex
      return `<id${known ?? this.idNumber(hex)}:12>`
    })
    out = out.replace(NAME_SHAPE, name => this.isGeneratedName(name) ? `<name${this.nameNumber(name)}>` : name)
    // User networks get 172.18–172.31 in turn, and a daemon skips recently freed ones: which one a
    // network gets depends on the daemon's past. The default bridge's 172.17 is always the same.
    out = out.replace(USER_SUBNET, (_m, octet: string) => `172.<net${this.netNumber(octet)}>.`)
    if (TOP_COMMAND.test(command))
      out = normaliseTopTable(out)
    for (const rule of TEXT_RULES) {
      if (rule.command && !rule.command.test(command))
        continue
      out = out.replace(rule.pattern, rule.replace as string)
    }
    // docker diff lists a layer's changes in no fixed order (it differs from run to run).
    if (DIFF_COMMAND.test(command))
      out = sortLines(out)
    // Column padding depends on the widths of values that were just replaced (names, durations,
    // sizes): keep that two or more spaces separated columns, not how many.
    return out.split('\n').map(line => line.replace(/(?<=\S) {2,}(?=\S)/g, '  ').replace(/ +$/, '')).join('\n')
  }

  private isGeneratedName(name: string): boolean {
    if (this.generated)
      return this.generated.has(name)
    return !this.knownWords.has(name)
  }

  private idNumber(hex: string): number {
    const key = hex.slice(0, 12)
    let n = this.ids.get(key)
    if (n === undefined) {
      n = this.ids.size + 1
      this.ids.set(key, n)
    }
    return n
  }

  private shortIdNumber(hex: string): number | undefined {
    return this.ids.get(hex)
  }

  private netNumber(octet: string): number {
    let n = this.nets.get(octet)
    if (n === undefined) {
      n = this.nets.size + 1
      this.nets.set(octet, n)
    }
    return n
  }

  private nameNumber(name: string): number {
    let n = this.names.get(name)
    if (n === undefined) {
      n = this.names.size + 1
      this.names.set(name, n)
    }
    return n
  }
}

/** The words a scenario typed itself (split on anything that cannot be in a name). */
export function wordsOf(...texts: string[]): Set<string> {
  const words = new Set<string>()
  for (const text of texts) {
    for (const word of text.split(/[^\w.-]+/)) {
      if (word)
        words.add(word)
    }
  }
  return words
}
