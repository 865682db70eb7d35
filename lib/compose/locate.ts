// From a path in the Compose data back to the place in the YAML text: the `yaml` package keeps
// each node's source range, so a problem found in the data is shown on its own line.

import type { Document, Node, Pair } from 'yaml'
import type { DataPath } from './issues'
import { isMap, isPair, isScalar, isSeq } from 'yaml'

interface Found {
  node: Node | null
  pair: Pair | null
  /** How many steps of the path were found (less than its length when a merge or alias hides the rest). */
  depth: number
}

function keyText(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null
}

export class YamlLocator {
  constructor(private readonly document: Document, private readonly text: string) {}

  private find(path: DataPath): Found {
    let node = this.document.contents as Node | null
    let pair: Pair | null = null
    let depth = 0
    for (const step of path) {
      if (isMap(node)) {
        const next = node.items.find(item => isPair(item) && keyText(item) === String(step))
        if (!next)
          break
        pair = next
        node = (next.value ?? null) as Node | null
      }
      else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
        pair = null
        node = node.items[step] as Node
      }
      else {
        break
      }
      depth++
    }
    return { node, pair, depth }
  }

  /** The first line of what `text[start, end)` covers: a squiggle under a whole block helps no one. */
  private firstLine(start: number, end: number): [number, number] {
    const newline = this.text.indexOf('\n', start)
    const stop = newline === -1 || newline > end ? end : newline
    return [start, Math.max(stop, start + 1)]
  }

  /** Offsets of the key at `path` (`atKey`) or of its value; the nearest found ancestor otherwise. */
  range(path: DataPath, atKey: boolean): [number, number] {
    const { node, pair, depth } = this.find(path)
    const complete = depth === path.length
    const keyNode = pair && isScalar(pair.key) ? pair.key : null
    if ((atKey || !complete) && keyNode?.range)
      return this.firstLine(keyNode.range[0], keyNode.range[1])
    if (node?.range && (isScalar(node) || !keyNode?.range))
      return this.firstLine(node.range[0], node.range[1])
    if (keyNode?.range)
      return this.firstLine(keyNode.range[0], keyNode.range[1])
    return [0, Math.min(1, this.text.length)]
  }

  /** Where the characters of the text value at `path` start, when the source spells them one for one. */
  valueStart(path: DataPath): number | null {
    const { node, depth } = this.find(path)
    if (depth !== path.length || !isScalar(node) || !node.range || typeof node.value !== 'string')
      return null
    const [start, end] = node.range
    const source = this.text.slice(start, end)
    if (source === node.value)
      return start
    if (/^["']/.test(source) && source.slice(1, -1) === node.value)
      return start + 1
    return null
  }
}
