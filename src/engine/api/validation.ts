/**
 * validatePodCreate: the apiserver's validation of a new Pod, with upstream's field paths and messages.
 * Mirrors: pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec, validateContainers),
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsDNS1123Subdomain, IsDNS1123Label,
 * IsQualifiedName, IsValidLabelValue, RegexError, MaxLenError),
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabels, ValidateLabelName) and
 * staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (ValidateAnnotations, ObjectMeta order).
 * Simplified: a subset of the checks — names, labels, annotation keys, containers, images, enums, resources,
 * ports, nodeSelector, probes (validationProbe.ts), the 256 KiB total annotation size limit.
 */
import type { FieldError } from './errors.ts'
import { parseQuantity } from './quantity.ts'
import { validateProbes } from './validationProbe.ts'
import type { Container, Pod } from './types.ts'

const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

const q = (v: unknown) => JSON.stringify(v)
const invalid = (field: string, value: unknown, msg: string): FieldError => ({ type: 'FieldValueInvalid', field, message: `Invalid value: ${q(value)}: ${msg}` })
const required = (field: string): FieldError => ({ type: 'FieldValueRequired', field, message: 'Required value' })
const unsupported = (field: string, value: unknown, allowed: string[]): FieldError => ({ type: 'FieldValueNotSupported', field, message: `Unsupported value: ${q(value)}: supported values: ${allowed.map((a) => q(a)).join(', ')}` })

// Label keys ("qualified names") and values. upstream builds both regexes from the same pieces:
// qualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]", labelValueFmt = "(" + qualifiedNameFmt + ")?".
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`)
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`)
const QUALIFIED_NAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const LABEL_VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const MAX_NAME_PART = 63
const MAX_LABEL_VALUE = 63

/** regexError: upstream's RegexError — `msg (e.g. 'a' or 'b', regex used for validation is 'fmt')`. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

/** maxLenError: upstream's MaxLenError. */
export const maxLenError = (n: number) => `must be no more than ${n} characters`

// Go's len() counts bytes, not UTF-16 units: "rā" is 3 bytes long to the apiserver.
const byteLength = (s: string): number => {
  // The engine has no DOM or Node globals (TextEncoder): count UTF-8 bytes by code point.
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/** qualifiedNameErrors: upstream's IsQualifiedName (a label key: optional DNS-subdomain prefix, '/', name). */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...subdomainErrors(prefix).map((m) => `prefix part ${m}`))
  } else {
    return [`a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (byteLength(name) > MAX_NAME_PART) errs.push(`name part ${maxLenError(MAX_NAME_PART)}`)
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

/** labelValueErrors: upstream's IsValidLabelValue (empty is valid; at most 63 bytes). */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > MAX_LABEL_VALUE) errs.push(maxLenError(MAX_LABEL_VALUE))
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

/**
 * validateLabels: upstream's ValidateLabels — for each pair, the key's errors then the value's, all at the map's
 * own path (`metadata.labels`, `spec.nodeSelector`), never `metadata.labels[app]`.
 * Order: Go ranges over the map in random order, so upstream's order between keys is not fixed. We use the
 * manifest's key order (JS object insertion order) so the same manifest always gives the same message.
 */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of qualifiedNameErrors(k)) errs.push(invalid(path, k, m))
    for (const m of labelValueErrors(String(v))) errs.push(invalid(path, v, m))
  }
  return errs
}

/** validateAnnotations: upstream's ValidateAnnotations key check — a qualified name, case-insensitively. */
function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  let total = 0
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of qualifiedNameErrors(k.toLowerCase())) errs.push(invalid(path, k, m))
    total += utf8Length(k) + utf8Length(String(v))
  }
  // TotalAnnotationSizeLimitB (apimachinery pkg/api/validation/objectmeta.go): keys and values, in bytes.
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    errs.push({ type: 'FieldValueTooLong', field: path, message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes` })
  }
  return errs
}

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024

/** utf8Length: the bytes of a string in UTF-8 (Go's len of a string). */
function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++ } else n += 3
  }
  return n
}

/** validateDNS1123Subdomain returns the error messages for a subdomain name (empty when valid). */
export function subdomainErrors(name: string): string[] {
  const out: string[] = []
  if (name.length > 253) out.push('must be no more than 253 characters')
  if (!SUBDOMAIN_RE.test(name)) out.push(SUBDOMAIN_MSG)
  return out
}

function validateContainer(c: Container, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(required(`${path}.name`))
  else {
    if (c.name.length > 63) errs.push(invalid(`${path}.name`, c.name, 'must be no more than 63 characters'))
    if (!LABEL_RE.test(c.name)) errs.push(invalid(`${path}.name`, c.name, LABEL_MSG))
    if (names.has(c.name)) errs.push({ type: 'FieldValueDuplicate', field: `${path}.name`, message: `Duplicate value: ${q(c.name)}` })
    names.add(c.name)
  }
  if (!c.image || c.image.trim() === '') errs.push(required(`${path}.image`))
  if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) errs.push(unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']))
  ;(c.ports ?? []).forEach((p, i) => {
    if (!(p.containerPort >= 1 && p.containerPort <= 65535)) errs.push(invalid(`${path}.ports[${i}].containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'))
    if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(unsupported(`${path}.ports[${i}].protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']))
  })
  for (const kind of ['requests', 'limits'] as const) {
    for (const [r, v] of Object.entries(c.resources?.[kind] ?? {})) {
      const parsed = parseQuantity(v)
      if (parsed && parsed.nano < 0n) errs.push(invalid(`${path}.resources.${kind}[${r}]`, v, 'must be greater than or equal to 0'))
    }
  }
  const req = c.resources?.requests ?? {}
  const lim = c.resources?.limits ?? {}
  for (const r of Object.keys(req).sort()) {
    if (lim[r] === undefined) continue
    const a = parseQuantity(req[r])
    const b = parseQuantity(lim[r])
    if (a && b && a.nano > b.nano) errs.push(invalid(`${path}.resources.requests`, req[r], `must be less than or equal to ${r} limit of ${lim[r]}`))
  }
  errs.push(...validateProbes(c, path))
  return errs
}

/** validatePodCreate returns every field error of a new pod, in upstream's order. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs: FieldError[] = []
  const name = pod.metadata?.name ?? ''
  if (name) for (const m of subdomainErrors(name)) errs.push(invalid('metadata.name', name, m))
  // ObjectMeta order (objectmeta.go): name, namespace, generation, labels, annotations.
  errs.push(...validateLabels(pod.metadata?.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(pod.metadata?.annotations, 'metadata.annotations'))
  const spec = pod.spec
  const names = new Set<string>()
  ;(spec?.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `spec.initContainers[${i}]`, names)))
  if (!spec?.containers || spec.containers.length === 0) errs.push(required('spec.containers'))
  else spec.containers.forEach((c, i) => errs.push(...validateContainer(c, `spec.containers[${i}]`, names)))
  if (spec?.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) errs.push(unsupported('spec.restartPolicy', spec.restartPolicy, ['Always', 'OnFailure', 'Never']))
  if (spec?.dnsPolicy && !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy)) errs.push(unsupported('spec.dnsPolicy', spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']))
  // ValidatePodSpec: nodeSelector right after dnsPolicy, with ValidateLabels.
  errs.push(...validateLabels(spec?.nodeSelector, 'spec.nodeSelector'))
  // ValidateTolerations, only its empty-key rule (what a `null` toleration, Go's zero Toleration, breaks).
  ;(spec?.tolerations ?? []).forEach((t, i) => {
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalid(`spec.tolerations[${i}].operator`, t.operator ?? '',
        'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
  })
  return errs
}
