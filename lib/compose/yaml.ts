// The edge where Compose data becomes YAML text (the widget's Compose tab, the CLI): each note is a
// comment on the line of the key it is about; ports are quoted so no YAML 1.1 reader takes 60:30 for
// a number in base 60.

import type { Node, Pair } from 'yaml'
import type { ParsedCommand } from '../docker/parse-command'
import type { DataPath } from './issues'
import type { ComposeConversion, ComposeFileData } from './model'
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml'
import { composeFromCommands, composeFromParsed } from './from-run'

/** Lists whose items are always written in double quotes. */
const QUOTED_LISTS = new Set(['ports', 'expose'])

function quoteListItems(document: Document): void {
  const services = document.get('services', true)
  if (!isMap(services))
    return
  for (const pair of services.items) {
    const service = pair.value
    if (!isMap(service))
      continue
    for (const entry of service.items) {
      if (isScalar(entry.key) && QUOTED_LISTS.has(String(entry.key.value)) && isSeq(entry.value)) {
        for (const item of entry.value.items) {
          if (isScalar(item) && typeof item.value === 'string')
            item.type = Scalar.QUOTE_DOUBLE
        }
      }
    }
  }
}

/** Short lists of words on one line: command: ["python", "app.py"]. */
function flowShortLists(document: Document): void {
  const services = document.get('services', true)
  if (!isMap(services))
    return
  for (const pair of services.items) {
    if (!isMap(pair.value))
      continue
    for (const key of ['command', 'entrypoint']) {
      const list = pair.value.get(key, true)
      if (isSeq(list))
        list.flow = true
    }
  }
}

/** The node a comment for `path` goes above: the key of the last pair found on the way. */
function anchorOf(document: Document, path: DataPath): Node | null {
  let node: unknown = document.contents
  let anchor: Node | null = null
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === String(step)) as Pair<Node, Node> | undefined
      if (!pair)
        break
      anchor = pair.key
      node = pair.value
    }
    else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      anchor = node.items[step] as Node
      node = anchor
    }
    else {
      break
    }
  }
  return anchor
}

export interface YamlOptions {
  /** Lines for the top of the file (without `#`). */
  header?: readonly string[]
}

/** YAML text of a Compose file as data, with its notes as comments. */
export function composeYaml(conversion: Pick<ComposeConversion, 'file' | 'notes'>, options: YamlOptions = {}): string {
  const document = new Document(conversion.file as ComposeFileData)
  quoteListItems(document)
  flowShortLists(document)
  const header = [...(options.header ?? [])]
  const byNode = new Map<Node, string[]>()
  for (const note of conversion.notes) {
    const anchor = note.path.length === 0 ? null : anchorOf(document, note.path)
    if (!anchor) {
      header.push(note.text)
      continue
    }
    const lines = byNode.get(anchor) ?? []
    if (!lines.includes(note.text))
      lines.push(note.text)
    byNode.set(anchor, lines)
  }
  for (const [node, lines] of byNode) node.commentBefore = lines.map(line => ` ${line}`).join('\n')
  if (header.length > 0)
    document.commentBefore = header.map(line => ` ${line}`).join('\n')
  return document.toString({ lineWidth: 0 })
}

/** Header of a file converted from commands. */
export function conversionHeader(commands: number): string[] {
  return [`The Compose form of ${commands === 1 ? 'this command' : 'these commands'}: start it with \`docker compose up\` in the folder of this file.`]
}

/**
 * The YAML of one parsed run/create command, for the engine's `explanation.compose` (the CLI prints
 * it). `_picture` is unused: the conversion reads the container configuration itself.
 */
export function toCompose(parsed: ParsedCommand, _picture?: unknown): string {
  return composeYaml(composeFromParsed(parsed), { header: conversionHeader(1) })
}

/** The Compose file (YAML) for every run/create in `text`, or null when there is none. */
export function composeText(text: string): string | null {
  const conversion = composeFromCommands(text)
  const services = Object.keys(conversion.file.services).length
  return services === 0 ? null : composeYaml(conversion, { header: conversionHeader(services) })
}
