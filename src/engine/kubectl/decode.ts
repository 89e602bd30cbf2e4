/**
 * kubectl's client side: split the file into documents, convert YAML to JSON, check apiVersion and kind, and map
 * each kind to a REST resource. Error lines read as kubectl prints them.
 * Mirrors: staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go (error parsing %s: %v),
 * sigs.k8s.io/yaml (error converting YAML to JSON: yaml: line N: ...), kubectl validation ("error validating data").
 * Simplified: the parser is not go-yaml, so the wording after "yaml: line N:" is mapped from the parser's error
 * kind to go-yaml's most usual text; the column is kept for the editor's marker.
 */
import { LineCounter, parseAllDocuments } from 'yaml'
import type { KObject } from '../api/types.ts'
import { YAML_PARSE_OPTIONS, duplicateKey } from '../yaml.ts'
import { fastDocuments } from '../yamlFast.ts'

export interface DecodedDoc {
  object: KObject
  /** 1-based line where the document starts. */
  line: number
}

export interface DecodeError {
  message: string
  line: number
  column: number
}

const GO_YAML: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  BAD_INDENT: 'did not find expected key',
  TAB_AS_INDENT: 'found character that cannot start any token',
  MISSING_CHAR: 'found unexpected end of stream',
  UNEXPECTED_TOKEN: 'did not find expected key',
  MULTILINE_IMPLICIT_KEY: 'could not find expected \':\'',
  DUPLICATE_KEY: 'mapping key already defined',
}

/** A document's value and line, or the error that stops decoding there. */
type Source = { value: unknown; line: number } | { error: DecodeError }

/** yamlSources parses with the yaml package: each document up to (and with) the first that fails. */
function yamlSources(name: string, text: string): Source[] {
  const out: Source[] = []
  const lineCounter = new LineCounter()
  const converting = `error: error parsing ${name}: error converting YAML to JSON: yaml:`
  for (const d of parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter })) {
    // The first error in source order, the duplicate-key check (linear, ours) included.
    const dup = duplicateKey(d)
    const first = d.errors[0]
    const err = dup !== undefined && (!first || dup < first.pos[0])
      ? { code: 'DUPLICATE_KEY', pos: [dup], message: '' }
      : first
    if (err) {
      const pos = lineCounter.linePos(err.pos[0])
      const goText = GO_YAML[err.code] ?? err.message.split(' at line')[0]
      out.push({ error: { message: `${converting} line ${pos.line}: ${goText}`, line: pos.line, column: pos.col } })
      return out
    }
    const line = d.contents?.range ? lineCounter.linePos(d.contents.range[0]).line : 1
    try {
      out.push({ value: d.toJS() as unknown, line })
    } catch (e) {
      // go-yaml's own words for an alias (or merge) bomb and for a merge of a non-mapping (decode.go failf).
      const why = (e as Error).message
      const anchor = /^Unresolved alias[^:]*: (.*)$/.exec(why)?.[1]
      const goText = anchor !== undefined ? `unknown anchor '${anchor}' referenced`
        : /Merge sources/.test(why) ? 'map merge requires map or sequence of maps as the value'
          : 'document contains excessive aliasing'
      out.push({ error: { message: `${converting} ${goText}`, line, column: 1 } })
      return out
    }
  }
  return out
}

/** decodeFile returns the objects of a file (kind: List flattened), or the first syntax error. */
export function decodeFile(name: string, text: string): { docs: DecodedDoc[] } | { error: DecodeError } {
  const docs: DecodedDoc[] = []
  // The plain subset most manifests are written in skips the yaml package's nodes (1,000 pods: ~280 ms).
  for (const source of fastDocuments(text) ?? yamlSources(name, text)) {
    if ('error' in source) return { error: source.error }
    const { value, line } = source
    if (value === null || value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { error: { message: `error: error parsing ${name}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`, line, column: 1 } }
    }
    const obj = value as KObject
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items as unknown[]) {
        // unstructured decodeToList: a null item is an empty object, given the List's apiVersion (its kind stays "").
        if (item === null) { docs.push({ object: { apiVersion: obj.apiVersion }, line }); continue }
        if (typeof item !== 'object' || Array.isArray(item)) {
          const t = Array.isArray(item) ? 'array' : typeof item === 'boolean' ? 'bool' : typeof item
          const message = `error: error parsing ${name}: json: cannot unmarshal ${t} `
            + 'into Go value of type map[string]interface {}'
          return { error: { message, line, column: 1 } }
        }
        docs.push({ object: item as KObject, line })
      }
    } else docs.push({ object: obj, line })
  }
  return { docs }
}

/** missingTypeFields: kubectl's client-side check for apiVersion and kind. */
export function missingTypeFields(obj: KObject): string[] {
  const out: string[] = []
  if (!obj.apiVersion) out.push('apiVersion not set')
  if (!obj.kind) out.push('kind not set')
  return out
}
