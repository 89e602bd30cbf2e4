/**
 * One plain-English line per constraint, in the scheduler's units (cpu in millicores, memory in bytes with the
 * binary suffix kubectl prints when exact). Shared by `podbirth explain` and the app.
 */
import { assertNever } from '../../events.ts'
import type { Taint } from '../../api/types.ts'
import type { ConstraintReason } from './types.ts'

const BINARY: [number, string][] = [[2 ** 40, 'Ti'], [2 ** 30, 'Gi'], [2 ** 20, 'Mi'], [2 ** 10, 'Ki']]

/** quantityText: millicores for cpu ("1500m"), a binary suffix for bytes when exact, plain counts otherwise. */
export function quantityText(resource: string, n: number): string {
  if (resource === 'cpu') return `${n}m`
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    if (n !== 0) for (const [size, suffix] of BINARY) if (n % size === 0) return `${n / size}${suffix}`
  }
  return String(n)
}

export const taintText = (t: Taint): string => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`

const list = (xs: string[]): string => xs.join(', ')
const NO_FIT = ': does not fit'
const REQUIRED_TERMS = new Set(['affinity', 'antiAffinity', 'existingAntiAffinity'])

/** failing: the constraint is one that rejects the node (Filter side). */
export function failing(c: ConstraintReason): boolean {
  switch (c.kind) {
    case 'nodeName': return !c.matches
    case 'unschedulable': return c.unschedulable && !c.tolerated
    case 'taint': return !c.tolerated && (c.effect === 'NoSchedule' || c.effect === 'NoExecute')
    case 'label': return c.source !== 'preferredAffinity' && !c.matches
    case 'spread': return c.whenUnsatisfiable === 'DoNotSchedule' && !c.satisfied
    case 'interPod': return !c.satisfied && REQUIRED_TERMS.has(c.term)
    case 'resource': return !c.fits
    case 'ports': return c.conflict
    default: return assertNever(c, 'constraint')
  }
}

function labelText(c: Extract<ConstraintReason, { kind: 'label' }>): string {
  const has = c.nodeValue === null ? `the node has no ${c.key} label` : `the node has ${c.key}=${c.nodeValue}`
  const verdict = c.matches ? 'matches' : 'does not match'
  if (c.source === 'nodeSelector') return `nodeSelector ${c.key}=${c.values[0] ?? ''}: ${has} (${verdict})`
  const where = c.source === 'requiredAffinity' ? `required node affinity term ${c.term ?? 0}`
    : `preferred node affinity term ${c.term ?? 0} (weight ${c.weight ?? 0})`
  if (c.key === '') return `${where} is empty and matches no node`
  const want = c.operator === 'Exists' || c.operator === 'DoesNotExist' ? `${c.key} ${c.operator}`
    : `${c.key} ${c.operator} [${list(c.values)}]`
  if (c.key === 'metadata.name') return `${where} wants ${want}: the node is ${c.nodeValue ?? ''} (${verdict})`
  return `${where} wants ${want}: ${has} (${verdict})`
}

function spreadText(c: Extract<ConstraintReason, { kind: 'spread' }>): string {
  const counted = c.domains.filter((d) => d.eligible)
  const cordoned = (xs: string[]) => ` (cordoned ${list(xs)} still count${xs.length === 1 ? 's' : ''})`
  const counts = counted.map((d) => `${d.value} ${d.pods}${d.cordoned ? cordoned(d.cordoned) : ''}`)
  const minDomains = c.minDomains > 1 ? `, minDomains ${c.minDomains}` : ''
  const head = `topology spread on ${c.topologyKey} (maxSkew ${c.maxSkew}, ${c.whenUnsatisfiable}, ` +
    `selector ${c.selector}${minDomains}): matching pods ${counts.length ? list(counts) : 'in no domain'}`
  const excluded = c.domains.filter((d) => !d.eligible).map((d) => `${d.value} not counted: ${d.whyNot ?? ''}`)
  const min = counted.length < c.minDomains
    ? `global minimum 0 (${counted.length} domain(s) < minDomains ${c.minDomains})`
    : `global minimum ${c.minMatch}`
  const tail = c.skewIfPlaced === null ? `; the node has no ${c.topologyKey} label`
    : `; ${min}; placing the pod here in ${c.nodeDomain ?? ''} makes the skew ${c.skewIfPlaced} ` +
      `${c.satisfied ? '≤' : '>'} maxSkew ${c.maxSkew}`
  return head + (excluded.length ? `; ${excluded.join('; ')}` : '') + tail
}

function interPodText(c: Extract<ConstraintReason, { kind: 'interPod' }>): string {
  const term = `(${c.topologyKey}, selector ${c.selector}${c.weight !== undefined ? `, weight ${c.weight}` : ''})`
  const where = c.nodeDomain === null ? `the node has no ${c.topologyKey} label` : `${c.topologyKey}=${c.nodeDomain}`
  switch (c.term) {
    case 'affinity':
    case 'preferredAffinity': {
      const name = c.term === 'affinity' ? 'pod affinity' : 'preferred pod affinity'
      if (c.selfAffine) {
        return `${name} ${term}: no pod matches anywhere yet and the pod matches its own term, ` +
          'so it may start the group'
      }
      if (c.nodeDomain === null) return `${name} ${term}: ${where}`
      return c.matchingPods.length ? `${name} ${term}: matched in ${where} by ${list(c.matchingPods)}`
        : `${name} ${term}: no matching pod in ${where}`
    }
    case 'antiAffinity':
    case 'preferredAntiAffinity': {
      const name = c.term === 'antiAffinity' ? 'pod anti-affinity' : 'preferred pod anti-affinity'
      return c.matchingPods.length ? `${name} ${term}: conflicts in ${where} with ${list(c.matchingPods)}`
        : `${name} ${term}: no conflicting pod in ${where}`
    }
    case 'existingAntiAffinity':
      return `existing pod ${c.owner ?? ''} has required anti-affinity ${term} matching this pod in ${where}`
    default: return assertNever(c.term, 'inter-pod term')
  }
}

/** constraintText is the one line the CLI's Reasons section and the app print for a constraint. */
export function constraintText(c: ConstraintReason): string {
  switch (c.kind) {
    case 'nodeName': return `spec.nodeName is ${c.wanted}${c.matches ? '' : ', not this node'}`
    case 'unschedulable':
      return c.tolerated
        ? 'the node is cordoned (spec.unschedulable); the pod tolerates node.kubernetes.io/unschedulable'
        : 'the node is cordoned (spec.unschedulable) and the pod does not tolerate ' +
          'node.kubernetes.io/unschedulable:NoSchedule'
    case 'taint':
      if (!c.tolerated) return `taint ${taintText(c.taint)} is not tolerated`
      return `taint ${taintText(c.taint)} is tolerated (toleration ${c.toleration?.key || '<any key>'} ` +
        `${c.toleration?.operator ?? 'Equal'}${c.toleration?.effect ? ` ${c.toleration.effect}` : ''})`
    case 'label': return labelText(c)
    case 'spread': return spreadText(c)
    case 'interPod': return interPodText(c)
    case 'resource': {
      const q = (n: number) => quantityText(c.resource, n)
      if (c.resource === 'pods') {
        const full = c.fits ? '' : ': too many pods'
        return `pods: ${c.allocated} of ${c.allocatable} already on the node, ${c.free} left${full}`
      }
      return `${c.resource}: requested ${q(c.requested)}, allocated ${q(c.allocated)} of ${q(c.allocatable)}, ` +
        `free ${q(c.free)}${c.fits ? '' : c.unresolvable ? ": more than the node's whole allocatable" : NO_FIT}`
    }
    case 'ports':
      return `host port ${c.protocol} ${c.hostIP}:${c.hostPort}` +
        (c.conflict ? ` is already used by ${c.usedBy.length ? list(c.usedBy) : 'a pod on the node'}` : ' is free')
    default: return assertNever(c, 'constraint')
  }
}
