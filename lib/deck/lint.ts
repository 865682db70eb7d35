// Runs the deprecation rules over one file of the deck: a page (Markdown, notes included), a Dockerfile,
// a Compose file or any other snippet. Dockerfile and Compose rules read those files whole, and in
// Markdown only the fenced code blocks of that language, so prose may say "maintainer" or "version:".
import type { Issue } from '../text/issue'
import type { DeprecationCode, DeprecationContext, DeprecationRule } from './deprecations'
import { DEPRECATION_RULES } from './deprecations'

export interface DeprecationFinding extends Issue<DeprecationCode> {
  file: string
  /** 1-based line and column of `start`. */
  line: number
  column: number
  instead: string
}

/** A stretch of a file read in one context, at an offset into the file. */
interface Region {
  context: Exclude<DeprecationContext, 'any'> | 'text'
  offset: number
  text: string
}

/** An opening or closing fence line: its marker (```, ~~~~) and the info string after it. */
const FENCE_LINE = /^[ \t]*(`{3,}(?!`)|~{3,}(?!~))(.*)$/

const FENCE_CONTEXT: Readonly<Record<string, Region['context']>> = {
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  yaml: 'compose',
  yml: 'compose',
}

/** The context a whole file is read in, from its name. */
export function fileContext(file: string): Region['context'] | 'markdown' {
  const name = file.split('/').at(-1) ?? file
  if (/\.md$/i.test(name))
    return 'markdown'
  if (/^Dockerfile(?:\..+)?$|\.dockerfile$/i.test(name))
    return 'dockerfile'
  if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/i.test(name))
    return 'compose'
  return 'text'
}

function regionsOf(file: string, text: string): Region[] {
  const context = fileContext(file)
  if (context !== 'markdown')
    return [{ context, offset: 0, text }]
  const regions: Region[] = []
  let open: { marker: string, context: Region['context'] | undefined, bodyStart: number } | null = null
  let offset = 0
  for (const line of text.split('\n')) {
    const fence = FENCE_LINE.exec(line)
    if (open === null && fence) {
      const language = (fence[2] ?? '').trim().split(/[\s{]/)[0]?.toLowerCase() ?? ''
      open = { marker: fence[1]!, context: FENCE_CONTEXT[language], bodyStart: offset + line.length + 1 }
    }
    else if (open !== null && fence && fence[1] === open.marker && fence[2]!.trim() === '') {
      if (open.context)
        regions.push({ context: open.context, offset: open.bodyStart, text: text.slice(open.bodyStart, offset) })
      open = null
    }
    offset += line.length + 1
  }
  return regions
}

function applies(rule: DeprecationRule, region: Region): boolean {
  return rule.context === region.context
}

function position(text: string, offset: number): { line: number, column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** Every deprecated construct in one file, in order of position. */
export function lintDeprecations(file: string, text: string, rules: readonly DeprecationRule[] = DEPRECATION_RULES): DeprecationFinding[] {
  const found: DeprecationFinding[] = []
  const report = (rule: DeprecationRule, start: number, end: number) => {
    found.push({ code: rule.code, severity: 'error', message: rule.message, start, end, file, ...position(text, start), instead: rule.instead })
  }
  for (const rule of rules) {
    if (rule.context === 'any') {
      for (const match of text.matchAll(rule.pattern))
        report(rule, match.index, match.index + match[0].length)
      continue
    }
    for (const region of regionsOf(file, text).filter(region => applies(rule, region))) {
      for (const match of region.text.matchAll(rule.pattern))
        report(rule, region.offset + match.index, region.offset + match.index + match[0].length)
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** One line per finding: `pages/x.md:12:3 MAINTAINER: … Instead: …`. */
export function formatFinding(finding: DeprecationFinding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.code}: ${finding.message} Instead: ${finding.instead}.`
}
