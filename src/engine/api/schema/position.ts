/**
 * positionOf finds where a decoding finding is in the YAML text it was decoded from: the line and column of the
 * value at a path (or of its key), so a cluster file's or a configuration's error can name the spot as the YAML
 * parser's own errors do. It re-parses the text with the options every podbirth reader uses (yaml.ts), which costs
 * nothing on the error path, and follows aliases and `<<` merge keys to the node the value came from.
 * Simplified: a path into a merged mapping names the merged-in node (where the text is), not the merge key.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { Document, Node } from 'yaml'
import { YAML_PARSE_OPTIONS } from '../../yaml.ts'
import type { PathElem } from './decode.ts'

export interface Position { line: number; column: number }

type Found = { node: Node; key?: Node }

function resolve(doc: Document.Parsed, n: unknown): Node | undefined {
  let cur = n
  for (let i = 0; i < 100 && isAlias(cur); i++) cur = cur.resolve(doc)
  return isMap(cur) || isSeq(cur) || isScalar(cur) ? cur : undefined
}

function child(doc: Document.Parsed, n: Node, k: PathElem, depth = 0): Found | undefined {
  if (isSeq(n)) {
    const item = typeof k === 'number' ? n.items[k] : undefined
    const node = resolve(doc, item)
    return node ? { node } : undefined
  }
  if (!isMap(n) || depth > 20) return undefined
  const merges: unknown[] = []
  for (const pair of n.items) {
    if (!isPair(pair)) continue
    const key = pair.key
    const keyValue = isScalar(key) ? key.value : undefined
    if (typeof keyValue === 'symbol' || keyValue === '<<') { merges.push(pair.value); continue }
    if (keyValue !== undefined && keyValue !== null && String(keyValue) === String(k)) {
      const node = resolve(doc, pair.value)
      return { node: node ?? (key as Node), key: isScalar(key) ? key : undefined }
    }
  }
  // Later keys override merged ones; among several merged mappings the first one wins (YAML merge key spec).
  for (const m of merges) {
    const sources = isSeq(m) ? m.items : [m]
    for (const s of sources) {
      const src = resolve(doc, s)
      const found = src && child(doc, src, k, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

/**
 * positionOf returns the 1-based line and column of the value at `path` in document `docIndex` of `text` (of its
 * key when `key`), or of the deepest node on the path that exists.
 */
export function positionOf(text: string, docIndex: number, path: readonly PathElem[], key = false):
  Position | undefined {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter })
  const doc = Array.isArray(docs) ? docs[docIndex] : undefined
  if (!doc) return undefined
  let cur: Found | undefined = doc.contents ? { node: doc.contents } : undefined
  if (!cur) return undefined
  for (const k of path) {
    const next = child(doc, cur.node, k)
    if (!next) break
    cur = next
  }
  const node = key && cur.key ? cur.key : cur.node
  const offset = node.range?.[0]
  if (offset === undefined) return undefined
  const pos = lineCounter.linePos(offset)
  return { line: pos.line, column: pos.col }
}

/** atPosition is how podbirth's messages name a spot, as its YAML errors do: "at line L, column C". */
export const atPosition = (p: Position | undefined) => (p ? ` at line ${p.line}, column ${p.column}` : '')
