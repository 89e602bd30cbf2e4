/**
 * validatePodCreate: the apiserver's validation of a new Pod, with upstream's field paths and messages.
 * Mirrors: pkg/apis/core/validation/validation.go (ValidatePodCreate, validateContainers) and
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsDNS1123Subdomain, IsDNS1123Label).
 * Simplified: a subset of the checks — names, containers, images, enums, resources, ports.
 */
import type { FieldError } from './errors.ts'
import { parseQuantity } from './quantity.ts'
import type { Container, Pod } from './types.ts'

const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

const q = (v: unknown) => JSON.stringify(v)
const invalid = (field: string, value: unknown, msg: string): FieldError => ({ type: 'FieldValueInvalid', field, message: `Invalid value: ${q(value)}: ${msg}` })
const required = (field: string): FieldError => ({ type: 'FieldValueRequired', field, message: 'Required value' })
const unsupported = (field: string, value: unknown, allowed: string[]): FieldError => ({ type: 'FieldValueNotSupported', field, message: `Unsupported value: ${q(value)}: supported values: ${allowed.map((a) => q(a)).join(', ')}` })

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
  return errs
}

/** validatePodCreate returns every field error of a new pod, in upstream's order. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs: FieldError[] = []
  const name = pod.metadata?.name ?? ''
  if (name) for (const m of subdomainErrors(name)) errs.push(invalid('metadata.name', name, m))
  const spec = pod.spec
  const names = new Set<string>()
  ;(spec?.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `spec.initContainers[${i}]`, names)))
  if (!spec?.containers || spec.containers.length === 0) errs.push(required('spec.containers'))
  else spec.containers.forEach((c, i) => errs.push(...validateContainer(c, `spec.containers[${i}]`, names)))
  if (spec?.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) errs.push(unsupported('spec.restartPolicy', spec.restartPolicy, ['Always', 'OnFailure', 'Never']))
  if (spec?.dnsPolicy && !['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(spec.dnsPolicy)) errs.push(unsupported('spec.dnsPolicy', spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']))
  return errs
}
