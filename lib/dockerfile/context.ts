// The build context: the files `docker build` sends, after `.dockerignore`, and what a COPY source matches in it.
// Patterns follow moby/patternmatcher: `*`, `?`, `[…]` within one path segment, `**` across segments, `!` re-includes,
// the last matching line wins, and excluding a directory excludes what is inside it.

import { pathParts } from '../text/paths'
import { sha256Hex } from './sha256'

export interface ContextFile {
  /** Relative to the context root, `/`-separated, no leading `./`: `app.py`, `src/main.py`. */
  path: string
  content: string
  /** Permission bits; 0o644 when not given. Part of the cache key, as the content is (not the modification time). */
  mode?: number
}

export interface BuildContext {
  files: readonly ContextFile[]
}

interface IgnoreRule {
  pattern: RegExp
  exception: boolean
  /** As written in .dockerignore, for explanations. */
  text: string
}

/** Turns a Go filepath.Match / patternmatcher pattern into a regular expression over `/`-separated paths. */
function patternToRegExp(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches any number of directories, `**` at the end anything.
        i++
        if (pattern[i + 1] === '/') {
          i++
          source += '(?:.*/)?'
        }
        else {
          source += '.*'
        }
      }
      else {
        source += '[^/]*'
      }
    }
    else if (char === '?') {
      source += '[^/]'
    }
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1)
      if (close < 0) {
        source += '\\['
      }
      else {
        const body = pattern.slice(i + 1, close).replace(/^\^/, '!')
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`
        i = close
      }
    }
    else if (char === '\\' && i + 1 < pattern.length) {
      source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    }
    else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    }
  }
  return new RegExp(`^${source}$`)
}

/** Cleans a path the way Go's filepath.Clean does for relative paths: no `./`, no `a/..`, no leading or trailing `/`. */
export function cleanRelative(path: string): string {
  return pathParts(path).join('/')
}

export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#'))
      continue
    const exception = line.startsWith('!')
    const body = cleanRelative((exception ? line.slice(1) : line).trim())
    if (body === '')
      continue
    rules.push({ pattern: patternToRegExp(body), exception, text: line })
  }
  return rules
}

/** The rule that decides `path` (the last one matching it or one of its parent directories), or null. */
function decidingRule(rules: readonly IgnoreRule[], path: string): IgnoreRule | null {
  const segments = path.split('/')
  let decided: IgnoreRule | null = null
  for (const rule of rules) {
    for (let length = 1; length <= segments.length; length++) {
      if (rule.pattern.test(segments.slice(0, length).join('/'))) {
        decided = rule
        break
      }
    }
  }
  return decided
}

export interface ContextView {
  /** Files the daemon receives, in path order. */
  files: ContextFile[]
  /** Files left out, each with the .dockerignore line that left it out. */
  ignored: { path: string, rule: string }[]
  checksum: (file: ContextFile) => string
}

/** What `docker build` sends of `context`: every file not excluded by its `.dockerignore`. */
export function viewContext(context: BuildContext): ContextView {
  const ignoreFile = context.files.find(file => cleanRelative(file.path) === '.dockerignore')
  const rules = ignoreFile ? parseDockerignore(ignoreFile.content) : []
  const files: ContextFile[] = []
  const ignored: { path: string, rule: string }[] = []
  for (const file of [...context.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const path = cleanRelative(file.path)
    const rule = decidingRule(rules, path)
    if (rule && !rule.exception)
      ignored.push({ path, rule: rule.text })
    else
      files.push({ ...file, path })
  }
  return { files, ignored, checksum: fileChecksum }
}

/** Content and mode, not the modification time: what BuildKit's contenthash compares. */
export function fileChecksum(file: ContextFile): string {
  return sha256Hex(`${(file.mode ?? 0o644).toString(8)}\0${file.content}`)
}

/** The context files a COPY/ADD source names: a file, a directory (everything under it) or a wildcard pattern. */
export function filesForSource(view: ContextView, source: string): ContextFile[] {
  const clean = cleanRelative(source)
  if (clean === '')
    return view.files
  const pattern = /[*?[]/.test(clean) ? patternToRegExp(clean) : null
  return view.files.filter((file) => {
    if (pattern) {
      const segments = file.path.split('/')
      return segments.some((_, i) => pattern.test(segments.slice(0, i + 1).join('/')))
    }
    return file.path === clean || file.path.startsWith(`${clean}/`)
  })
}
