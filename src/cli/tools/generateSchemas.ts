/**
 * Generates src/engine/api/schema/fields.json — the field tree of every kind podbirth accepts (field names, Go
 * types, nested struct types; shared types such as ObjectMeta once) — from the type declarations and the compiled
 * validators of the maintained `kubernetes-models` package, which is generated from the Kubernetes OpenAPI. The
 * engine's decoder (src/engine/api/schema/decode.ts) reads it; the editor's Pod JSON Schema
 * (src/ui/editor/pod.schema.json) comes from the same walk, with enums and descriptions.
 * Run: npx tsx src/cli/tools/generateSchemas.ts  (generateSchemas.test.ts checks both committed files are current).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type FieldKind = 'scalar' | 'object' | 'array' | 'map'
export interface Field {
  kind: FieldKind; type?: string; scalar?: string; required?: boolean; enum?: string[]
  /** The OpenAPI format of a number or string (int32, int64, double, byte): Go's integer width, []byte. */
  format?: string
}
export type FieldTree = Record<string, Record<string, Field>>

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const MODELS = join(root, 'node_modules/kubernetes-models')

/** The kinds podbirth accepts, as the d.ts file of kubernetes-models that declares each. */
export const ROOT_FILES: Record<string, string> = {
  Pod: 'v1/Pod.d.ts', Node: 'v1/Node.d.ts', Namespace: 'v1/Namespace.d.ts', ServiceAccount: 'v1/ServiceAccount.d.ts',
  Role: 'rbac.authorization.k8s.io/v1/Role.d.ts', RoleBinding: 'rbac.authorization.k8s.io/v1/RoleBinding.d.ts',
  ClusterRole: 'rbac.authorization.k8s.io/v1/ClusterRole.d.ts',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1/ClusterRoleBinding.d.ts',
  ResourceQuota: 'v1/ResourceQuota.d.ts', LimitRange: 'v1/LimitRange.d.ts',
  PriorityClass: 'scheduling.k8s.io/v1/PriorityClass.d.ts', Service: 'v1/Service.d.ts', ConfigMap: 'v1/ConfigMap.d.ts',
  Secret: 'v1/Secret.d.ts', ReplicaSet: 'apps/v1/ReplicaSet.d.ts', StatefulSet: 'apps/v1/StatefulSet.d.ts',
  ReplicationController: 'v1/ReplicationController.d.ts', Deployment: 'apps/v1/Deployment.d.ts', Event: 'v1/Event.d.ts',
}

/** Types that decode themselves (or anything): scalars in the tree, not structs to walk. */
const SPECIAL = /Quantity$|IntOrString$|Time$|MicroTime$|RawExtension$|FieldsV1$/
/** The package part of a kubernetes-models type name: IoK8sApiAppsV1DeploymentSpec → DeploymentSpec. */
const PACKAGE_PREFIX = /^IoK8s(?:Api|Apimachinery)(?:[A-Z][a-z]*)*?V1(?:alpha\d|beta\d)?(?=[A-Z])/
const INLINE_STRUCT = /^ {4}"([^"]+)"(\?)?: Array<\{\n([\s\S]*?)\n {4}\}>;$/gm

/** Structs kubernetes-models declares inline, by the Go type upstream gives them. */
const INLINE_TYPES: Record<string, string> = {
  'StatefulSetSpec.volumeClaimTemplates': 'PersistentVolumeClaim',
}

function fileFor(typeName: string, imports: Map<string, string>, fromFile: string): string | undefined {
  const spec = imports.get(typeName)
  if (!spec) return undefined
  const rel = spec.replace(/\.js$/, '')
  const candidates = spec.startsWith('.')
    ? [join(dirname(fromFile), `${rel}.d.ts`)]
    : [join(root, 'node_modules', `${rel}.d.ts`)]
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
  if (/MicroTime$/.test(inner)) return 'micro-time'
  if (/Time$/.test(inner)) return 'time'
  if (inner === 'number' || inner === 'string' || inner === 'boolean') return inner
  return 'any'
}

/** The package root of a d.ts file: where its `_schemas/` folder is. */
function packageRoot(file: string): string {
  let dir = dirname(file)
  while (!existsSync(join(dir, '_schemas')) && dir !== dirname(dir)) dir = dirname(dir)
  return dir
}

/**
 * formatsOf reads a type's compiled validator (`_schemas/<full name>.js`, minified ajv output) for the format each
 * field is checked against: a field's validator function, or the one it delegates to, names `formatsN`, and
 * `let formatsN=formats.int64` says which.
 */
function formatsOf(dtsFile: string, src: string): Map<string, string> {
  const out = new Map<string, string>()
  const full = /export type \{ \w+ as I(\w+),/.exec(src)?.[1]
  if (!full) return out
  const js = join(packageRoot(dtsFile), '_schemas', `${full}.js`)
  if (!existsSync(js)) return out
  const code = readFileSync(js, 'utf8')
  const formatVars = new Map([...code.matchAll(/let (formats\d+)=formats\.([\w-]+)/g)].map((m) => [m[1], m[2]]))
  const bodies = new Map<string, string>()
  const parts = code.split(/function (validate\d+)\(data/)
  for (let i = 1; i < parts.length; i += 2) bodies.set(parts[i], parts[i + 1])
  const formatOfFn = (fn: string, depth: number): string | undefined => {
    const body = bodies.get(fn)
    if (!body || depth > 3) return undefined
    const direct = /\b(formats\d+)\.validate/.exec(body)?.[1]
    if (direct) return formatVars.get(direct)
    const inner = /\b(validate\d+)\(data(?:\[\w+\])?[,)]/.exec(body.replace(/^[^{]*\{/, ''))?.[1]
    return inner && inner !== fn ? formatOfFn(inner, depth + 1) : undefined
  }
  for (const m of code.matchAll(/(validate\d+)\(data(?:\.([\w$]+)|\["([^"]+)"\]),\{instancePath/g)) {
    const f = formatOfFn(m[1], 0)
    if (f) out.set(m[2] ?? m[3], f)
  }
  return out
}

/** Descriptions are collected while the tree is generated (the editor's hover text). */
const descriptions: Record<string, string> = {}

/** generate walks from the root kinds through every nested type; a type name met twice must be the same type. */
export function generate(roots: string[] = Object.keys(ROOT_FILES)): FieldTree {
  const tree: FieldTree = {}
  const fileOf = new Map<string, string>()
  const queue: [string, string, string?][] = roots.map((r) => [r, join(MODELS, ROOT_FILES[r])])
  while (queue.length) {
    const [name, file, inlineBody] = queue.shift() as [string, string, string?]
    const origin = inlineBody === undefined ? file : `${file}#${name}`
    if (fileOf.has(name)) {
      if (fileOf.get(name) !== origin) throw new Error(`two types named ${name}: ${fileOf.get(name)} and ${origin}`)
      continue
    }
    fileOf.set(name, origin)
    const src = readFileSync(file, 'utf8')
    const formats = inlineBody === undefined ? formatsOf(file, src) : new Map<string, string>()
    const imports = new Map<string, string>()
    for (const m of src.matchAll(/import \{ (\w+) \} from "([^"]+)"/g)) imports.set(m[1], m[2])
    const header = /export interface I\w+( extends [^{]+)? \{([\s\S]*?)\n\}/.exec(src)
    // Fold multi-line map types ({ [key: string]: T; }) onto one line; an inline struct (a list of embedded
    // objects) becomes a named type of its own.
    const body = (inlineBody ?? header?.[2] ?? '')
      .replace(/\{\s*\[key: string\]:\s*([^;]+);\s*\}/g, '{ [key: string]: $1; }')
      .replace(INLINE_STRUCT, (_all, field: string, opt: string, inner: string) => {
        const typeName = INLINE_TYPES[`${name}.${field}`]
        if (!typeName) throw new Error(`${file}: inline type of ${name}.${field} needs a name in INLINE_TYPES`)
        queue.push([typeName, file, inner.replace(/^ {4}/gm, '')])
        return `    "${field}"${opt ?? ''}: Array<I${typeName}>;`
      })
    const unparsed = /^ {4}"([^"]+)"\??: (?!.*;$).*$/m.exec(body)
    if (unparsed) throw new Error(`${file}: cannot read the type of ${name}.${unparsed[1]}`)
    const fields: Record<string, Field> = {}
    const docs = new Map<string, string>()
    for (const d of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*"([^"]+)"/g)) {
      docs.set(d[2], d[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim())
    }
    if (header?.[1]?.includes('TypeMeta') && inlineBody === undefined) {
      fields.apiVersion = { kind: 'scalar', scalar: 'string' }
      fields.kind = { kind: 'scalar', scalar: 'string' }
    }
    for (const m of body.matchAll(/^\s{4}"([^"]+)"(\?)?: (.+);$/gm)) {
      const { kind, inner } = parseType(m[3])
      const f: Field = { kind }
      if (!m[2]) f.required = true
      const inlined = Object.values(INLINE_TYPES).find((t) => inner === `I${t}`)
      if (inlined) {
        f.type = inlined
        if (kind === 'scalar') f.kind = 'object'
      } else if (/^I[A-Z]\w+$/.test(inner) && !SPECIAL.test(inner)) {
        const target = fileFor(inner, imports, file)
        if (target) {
          const typeName = inner.slice(1).replace(PACKAGE_PREFIX, '')
          f.type = typeName
          if (kind === 'scalar') f.kind = 'object'
          queue.push([typeName, target])
        } else f.scalar = 'any'
      } else f.scalar = scalarOf(inner)
      if (/^"[^"]*"( \| "[^"]*")*$/.test(inner)) f.enum = [...inner.matchAll(/"([^"]*)"/g)].map((x) => x[1])
      const format = formats.get(m[1])
      if (format && (f.scalar === 'number' || f.scalar === 'string')) f.format = format
      fields[m[1]] = f
      const doc = docs.get(m[1])
      if (doc) descriptions[`${name}.${m[1]}`] = doc
    }
    tree[name] = fields
  }
  return tree
}

/**
 * goField is a field as the engine's decoder stores it, one short string: `[` (a slice) or `{` (a map keyed by
 * string) before either a struct name (capitalized) or a Go scalar: string, bool, int32, int64, float64, bytes
 * ([]byte, base64), quantity (resource.Quantity), intstr (intstr.IntOrString), time (metav1.Time), any.
 */
export function goField(f: Field): string {
  const prefix = f.kind === 'array' ? '[' : f.kind === 'map' ? '{' : ''
  if (f.type) return prefix + f.type
  switch (f.scalar) {
    case 'number': return prefix + (f.format === 'int64' ? 'int64' : f.format === 'double' ? 'float64' : 'int32')
    case 'string': return prefix + (f.format === 'byte' ? 'bytes' : 'string')
    case 'boolean': return `${prefix}bool`
    case 'quantity': return `${prefix}quantity`
    case 'int-or-string': return `${prefix}intstr`
    case 'time': case 'micro-time': return `${prefix}time`
    default: return `${prefix}any`
  }
}

/** engineTree is the compact tree the engine ships: type → field → goField. */
export function engineTree(tree: FieldTree): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(tree).map(([t, fields]) =>
    [t, Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, goField(f)]))]))
}

/**
 * jsonSchema turns the field tree into a JSON Schema (draft-07) for the editor: types, enums, descriptions, no
 * unknown fields.
 */
const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[numkMGTPE]|[KMGTPE]i)?$'

export function jsonSchema(tree: FieldTree): Record<string, unknown> {
  if (Object.keys(descriptions).length === 0) generate() // descriptions are collected while the tree is generated
  const scalar = (f: Field): Record<string, unknown> => {
    if (f.enum) return { type: 'string', enum: f.enum }
    switch (f.scalar) {
      case 'number': return { type: 'integer' }
      case 'string': return { type: 'string' }
      case 'boolean': return { type: 'boolean' }
      case 'quantity': return { type: ['string', 'number'], pattern: QUANTITY_PATTERN }
      case 'int-or-string': return { type: ['string', 'integer'] }
      case 'time': case 'micro-time': return { type: 'string' }
      default: return {}
    }
  }
  const fieldSchema = (owner: string, name: string, f: Field): Record<string, unknown> => {
    const item = f.type ? { $ref: `#/definitions/${f.type}` } : scalar(f)
    const base = f.kind === 'array' ? { type: 'array', items: item }
      : f.kind === 'map' ? { type: 'object', additionalProperties: item } : item
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
  pod.properties.apiVersion = { type: 'string', enum: ['v1'],
    description: 'APIVersion defines the versioned schema of this representation of an object.' }
  pod.properties.kind = { type: 'string', enum: ['Pod'],
    description: 'Kind is a string value representing the REST resource this object represents.' }
  const title = 'Kubernetes v1 Pod (generated from kubernetes-models)'
  return { $schema: 'http://json-schema.org/draft-07/schema#', title,
    $ref: '#/definitions/Pod', definitions }
}

export const FIELDS_JSON = join(root, 'src/engine/api/schema/fields.json')
export const POD_SCHEMA_JSON = join(root, 'src/ui/editor/pod.schema.json')
export const fieldsJsonText = () => `${JSON.stringify(engineTree(generate()))}\n`
export const podSchemaText = () => `${JSON.stringify(jsonSchema(generate(['Pod'])))}\n`

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(FIELDS_JSON, fieldsJsonText())
  writeFileSync(POD_SCHEMA_JSON, podSchemaText())
  console.log(`wrote ${FIELDS_JSON} and ${POD_SCHEMA_JSON}`)
}
