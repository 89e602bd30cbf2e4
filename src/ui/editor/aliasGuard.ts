/**
 * The editors' guard against YAML alias bombs ("billion laughs"). monaco-yaml's language worker walks an alias once per
 * use, so nine levels of nine aliases (about 300 characters) keep it busy for minutes, and validation, hover and
 * completion die with it. The engine refuses such text: its decode (src/engine/kubectl/decode.ts) converts each
 * document with the `yaml` package's `toJS()`, whose maxAliasCount (100 by default) throws on excessive aliasing.
 * This module runs that same bounded conversion before the worker ever sees the text, so the editor can keep a bomb
 * away from the worker and show where the engine would stop instead. No Monaco here: it is pure and unit-tested.
 */
import { LineCounter, isAlias, isCollection, isPair, isScalar, parseAllDocuments, visit } from 'yaml'
import type { Document, Node as YamlNode } from 'yaml'

/** The engine's bound: yaml's default maxAliasCount, which decode.ts's `d.toJS()` uses. */
export const MAX_ALIAS_COUNT = 100

/** kubectl v1.35's text for it: sigs.k8s.io/yaml's go-yaml (decode.go) fails with this, and it names no line. */
export const EXCESSIVE_ALIASING = 'yaml: document contains excessive aliasing'

/** Where the bounded conversion stops: 1-based line and column of the alias that goes over the bound. */
export interface AliasBlowup { line: number; column: number }

/** yaml's error for an expansion over maxAliasCount (nodes/Alias.js). */
const YAML_EXCESSIVE = /Excessive alias count/
/** An anchor (`&a`) and an alias (`*a`): text without both cannot expand anything, and is not parsed at all. */
const ANCHOR = /&[^\s,[\]{}]/
const ALIAS = /\*[^\s,[\]{}]/

/** mayExpand is the cheap test: only text with an anchor and an alias is worth the bounded parse. */
export function mayExpand(text: string): boolean {
  return ANCHOR.test(text) && ALIAS.test(text)
}

/**
 * aliasBlowup returns where `text` expands aliases beyond the engine's bound, or undefined when it does not (also
 * when it has other errors: those the worker reports as usual). Syntax errors elsewhere do not hide a bomb: yaml
 * converts a document with errors too, and the worker would expand it all the same.
 */
export function aliasBlowup(text: string): AliasBlowup | undefined {
  if (!mayExpand(text)) return undefined
  const lineCounter = new LineCounter()
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (e) {
      if (!(e instanceof ReferenceError) || !YAML_EXCESSIVE.test(e.message)) continue
      const pos = lineCounter.linePos(culprit(doc) ?? 0)
      return { line: pos.line, column: pos.col }
    }
  }
  return undefined
}

interface AnchorData { count: number; aliasCount: number }

/**
 * culprit returns the offset of the alias at which yaml's toJS gives up. yaml's error carries no position, so this
 * repeats its bookkeeping (nodes/Alias.js `resolve` and `getAliasCount`) in the same document order: each use of an
 * anchor counts once, weighted by how many expansions one use of it costs; the first use whose total goes over the
 * bound is the one. Falls back to the first alias if the two ever disagree.
 */
function culprit(doc: Document): number | undefined {
  const anchors = new Map<YamlNode, AnchorData>()
  const lastAnchor = new Map<string, YamlNode>()
  let first: number | undefined
  let found: number | undefined
  const weight = (node: unknown): number => {
    if (isAlias(node)) {
      const data = anchors.get(lastAnchor.get(node.source) as YamlNode)
      return data ? data.count * data.aliasCount : 0
    }
    if (isCollection(node)) return node.items.reduce<number>((m, item) => Math.max(m, weight(item)), 0)
    if (isPair(node)) return Math.max(weight(node.key), weight(node.value))
    return 1
  }
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        first ??= node.range?.[0]
        const source = lastAnchor.get(node.source)
        const data = source && anchors.get(source)
        if (!source || !data) return
        data.count += 1
        if (data.aliasCount === 0) data.aliasCount = weight(source)
        if (data.count * data.aliasCount > MAX_ALIAS_COUNT) {
          found = node.range?.[0]
          return visit.BREAK
        }
        return undefined
      }
      // yaml resolves an alias to the last node with that anchor before it, in this same (pre-)order.
      if ((isScalar(node) || isCollection(node)) && node.anchor) {
        lastAnchor.set(node.anchor, node)
        // nodes/toJS.js: the anchored node itself counts as its first use.
        anchors.set(node, { count: 1, aliasCount: 0 })
      }
      return undefined
    },
  })
  return found ?? first
}
