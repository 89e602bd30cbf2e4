/** YAML documents for podbirth's own files (cluster file, scheduler config), with errors on one line. */
import { LineCounter, isMap, isScalar, parseAllDocuments, visit } from 'yaml'
import type { Document } from 'yaml'
import { fastDocuments } from './yamlFast.ts'

/**
 * The parse options every podbirth YAML reader uses. `merge`: `<<` merge keys, as go-yaml (behind sigs.k8s.io/yaml,
 * which kubectl and the Kubernetes components read YAML with) supports them; merged aliases count toward toJS's
 * maxAliasCount like any other alias. `uniqueKeys: false`: the yaml package's own check compares each key with every
 * earlier one (quadratic: 100,000 labels took minutes), so duplicateKey below does it with one Set per mapping.
 */
export const YAML_PARSE_OPTIONS = { merge: true, uniqueKeys: false } as const

/** The yaml package's error for a repeated key, kept so messages read as before. */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique'

/**
 * duplicateKey returns the source offset of the first key that repeats an earlier key of the same mapping, in
 * linear time. Keys compare as the yaml package compared them: two scalar keys with the same value (a merge key
 * `<<` is a fresh Symbol each time, so several are allowed); a collection or alias key is never a duplicate.
 */
export function duplicateKey(doc: Document.Parsed): number | undefined {
  let first: number | undefined
  visit(doc, {
    Map: (_key, map) => {
      if (!isMap(map)) return
      const seen = new Set<unknown>()
      for (const pair of map.items) {
        const k = pair.key
        if (!isScalar(k) || Number.isNaN(k.value)) continue
        if (seen.has(k.value)) {
          const at = k.range?.[0] ?? 0
          if (first === undefined || at < first) first = at
        } else seen.add(k.value)
      }
    },
  })
  return first
}

/** A parsed document: its value, or its first error as "YAML error at line L, column C: …". */
export interface ParsedDocument { value: unknown; error?: string }

/** parseDocuments parses every document of `text`. */
export function parseDocuments(text: string): ParsedDocument[] {
  // The plain subset most cluster files are written in, without the yaml package's nodes (600 nodes: ~300 ms).
  const fast = fastDocuments(text)
  if (fast !== undefined) return fast.map((d) => ({ value: d.value }))
  // prettyErrors: false keeps the message to one line, and then yaml fills no linePos: the LineCounter gives it.
  const lineCounter = new LineCounter()
  const parsed = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, prettyErrors: false, lineCounter })
  return (Array.isArray(parsed) ? parsed : [parsed]).map((d) => {
    const at = (offset: number) => {
      const pos = lineCounter.linePos(offset)
      return pos ? ` at line ${pos.line}, column ${pos.col}` : ''
    }
    const dup = duplicateKey(d)
    const err = d.errors[0]
    if (dup !== undefined && (!err || dup < err.pos[0])) {
      return { value: undefined, error: `YAML error${at(dup)}: ${DUPLICATE_KEY_MESSAGE}` }
    }
    if (err) return { value: undefined, error: `YAML error${at(err.pos[0])}: ${err.message.split('\n')[0]}` }
    try {
      return { value: d.toJS() as unknown }
    } catch (e) {
      // An alias or merge bomb past maxAliasCount, or a merge of something that is not a mapping.
      return { value: undefined, error: `YAML error: ${(e as Error).message}` }
    }
  })
}
