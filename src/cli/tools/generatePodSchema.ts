/**
 * Generates src/engine/api/schema/pod.fields.json — the v1 Pod's field tree (names, kinds, nested types,
 * descriptions) — from the type declarations of the maintained `kubernetes-models` package, which is generated
 * from the Kubernetes OpenAPI. The engine uses it for strict field validation; the editor can build on it.
 * Run: npx tsx src/cli/tools/generatePodSchema.ts  (the test schema.test.ts checks the committed file is current).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type FieldKind = 'scalar' | 'object' | 'array' | 'map'
export interface Field { kind: FieldKind; type?: string; scalar?: string; required?: boolean; enum?: string[] }
export type FieldTree = Record<string, Record<string, Field>>

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const MODELS = join(root, 'node_modules/kubernetes-models')

function fileFor(typeName: string, imports: Map<string, string>, fromFile: string): string | undefined {
  const spec = imports.get(typeName)
  if (!spec) return undefined
  const rel = spec.replace(/\.js$/, '')
  const candidates = spec.startsWith('.') ? [join(dirname(fromFile), `${rel}.d.ts`)] : [join(root, 'node_modules', `${rel}.d.ts`)]
  return candidates.find(existsSync)
}

function parseType(raw: string): { kind: FieldKind; inner: string } {
  const t = raw.trim()
  let m = /^Array<(.+)>$/.exec(t)
  if (m) return { kind: 'array', inner: m[1] }
  m = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/.exec(t)
  if (m) return { kind: 'map', inner: m[1] }
  return { kind: /^I[A-Z]/.test(t) ? 'object' : 'scalar', inner: t }
}

function scalarOf(inner: string): string {
  if (/^"[^"]*"( \| "[^"]*")*$/.test(inner)) return 'string'
  if (/Quantity$/.test(inner)) return 'quantity'
  if (/IntOrString$/.test(inner)) return 'int-or-string'
  if (/Time$/.test(inner)) return 'string'
  if (inner === 'number' || inner === 'string' || inner === 'boolean') return inner
  return 'any'
}

/** generate walks from the Pod type through every nested type. */
const descriptions: Record<string, string> = {}

export function generate(): FieldTree {
  const tree: FieldTree = {}
  const queue: [string, string][] = [['Pod', join(MODELS, 'v1/Pod.d.ts')]]
  while (queue.length) {
    const [name, file] = queue.shift() as [string, string]
    if (tree[name]) continue
    const src = readFileSync(file, 'utf8')
    const imports = new Map<string, string>()
    for (const m of src.matchAll(/import \{ (\w+) \} from "([^"]+)"/g)) imports.set(m[1], m[2])
    const header = /export interface I\w+( extends [^{]+)? \{([\s\S]*?)\n\}/.exec(src)
    // Fold multi-line map types ({ [key: string]: T; }) onto one line.
    const body = (header?.[2] ?? '').replace(/\{\s*\[key: string\]:\s*([^;]+);\s*\}/g, '{ [key: string]: $1; }')
    const fields: Record<string, Field> = {}
    const docs = new Map<string, string>()
    for (const d of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*"([^"]+)"/g)) docs.set(d[2], d[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim())
    if (header?.[1]?.includes('TypeMeta')) {
      fields.apiVersion = { kind: 'scalar', scalar: 'string' }
      fields.kind = { kind: 'scalar', scalar: 'string' }
    }
    for (const m of body.matchAll(/^\s{4}"([^"]+)"(\?)?: (.+);$/gm)) {
      const { kind, inner } = parseType(m[3])
      const f: Field = { kind }
      if (!m[2]) f.required = true
      if (/^I[A-Z]\w+$/.test(inner) && !/Quantity$|IntOrString$|Time$|MicroTime$|RawExtension$|FieldsV1$/.test(inner)) {
        const target = fileFor(inner, imports, file)
        if (target) {
          const typeName = inner.slice(1).replace(/^IoK8s(?:Api|Apimachinery)(?:[A-Z][a-z]*)*?V1(?:alpha\d|beta\d)?(?=[A-Z])/, '')
          f.type = typeName
          if (kind === 'scalar') f.kind = 'object'
          queue.push([typeName, target])
        } else f.scalar = 'any'
      } else f.scalar = scalarOf(inner)
      if (/^"[^"]*"( \| "[^"]*")*$/.test(inner)) f.enum = [...inner.matchAll(/"([^"]*)"/g)].map((x) => x[1])
      fields[m[1]] = f
      const doc = docs.get(m[1])
      if (doc) descriptions[`${name}.${m[1]}`] = doc
    }
    tree[name] = fields
  }
  return tree
}

/** jsonSchema turns the field tree into a JSON Schema (draft-07) for the editor: types, enums, descriptions, no unknown fields. */
export function jsonSchema(tree: FieldTree): Record<string, unknown> {
  if (Object.keys(descriptions).length === 0) generate() // descriptions are collected while the tree is generated
  const scalar = (f: Field): Record<string, unknown> => {
    if (f.enum) return { type: 'string', enum: f.enum }
    switch (f.scalar) {
      case 'number': return { type: 'integer' }
      case 'string': return { type: 'string' }
      case 'boolean': return { type: 'boolean' }
      case 'quantity': return { type: ['string', 'number'], pattern: '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[numkMGTPE]|[KMGTPE]i)?$' }
      case 'int-or-string': return { type: ['string', 'integer'] }
      default: return {}
    }
  }
  const fieldSchema = (owner: string, name: string, f: Field): Record<string, unknown> => {
    const item = f.type ? { $ref: `#/definitions/${f.type}` } : scalar(f)
    const base = f.kind === 'array' ? { type: 'array', items: item } : f.kind === 'map' ? { type: 'object', additionalProperties: item } : item
    const description = descriptions[`${owner}.${name}`]
    return description ? { ...base, description } : base
  }
  const definitions: Record<string, unknown> = {}
  for (const [type, fields] of Object.entries(tree)) {
    const required = Object.entries(fields).filter(([, f]) => f.required).map(([n]) => n)
    definitions[type] = {
      type: 'object', additionalProperties: false,
      properties: Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, fieldSchema(type, n, f)])),
      ...(required.length ? { required } : {}),
    }
  }
  const pod = definitions.Pod as { properties: Record<string, unknown> }
  pod.properties.apiVersion = { type: 'string', enum: ['v1'], description: 'APIVersion defines the versioned schema of this representation of an object.' }
  pod.properties.kind = { type: 'string', enum: ['Pod'], description: 'Kind is a string value representing the REST resource this object represents.' }
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Kubernetes v1 Pod (generated from kubernetes-models)', $ref: '#/definitions/Pod', definitions }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tree = generate()
  const out = join(root, 'src/engine/api/schema/pod.fields.json')
  writeFileSync(out, `${JSON.stringify(tree, null, 1)}\n`)
  const schemaOut = join(root, 'src/ui/editor/pod.schema.json')
  writeFileSync(schemaOut, `${JSON.stringify(jsonSchema(tree))}\n`)
  console.log(`wrote ${out} and ${schemaOut}`)
}
