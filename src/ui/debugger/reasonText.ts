/**
 * One line of plain text per constraint of a node's explanation (engine/scheduler/explain/types.ts): what the
 * plugin checked and what the node has. The decision view shows them in a node's detail and in the grid's tooltips.
 */
import { assertNever } from '../../engine/events.ts'
import type { ConstraintReason, NodeExplanation, PluginReason } from '../../engine/scheduler/explain/types.ts'

const MiB = 1024 * 1024
const UNTOLERATED = ' and the pod does not tolerate node.kubernetes.io/unschedulable'
const verdict = (ok: boolean) => (ok ? 'satisfied' : 'violated')

/** amount: a quantity as the scheduler counts it (milliCPU, bytes), written for people. */
export function amount(resource: string, n: number): string {
  if (resource === 'cpu') return `${n}m`
  if (resource === 'memory' || resource.startsWith('ephemeral-storage') || resource.startsWith('hugepages-')) {
    return n % (1024 * MiB) === 0 && n !== 0 ? `${n / (1024 * MiB)}Gi` : `${Math.round((n / MiB) * 10) / 10}Mi`
  }
  return String(n)
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function constraintText(c: ConstraintReason): string {
  switch (c.kind) {
    case 'nodeName':
      return `spec.nodeName asks for ${c.wanted}: ${c.matches ? 'this node' : 'another node'}`
    case 'unschedulable':
      return c.unschedulable
        ? `the node is cordoned (spec.unschedulable)${c.tolerated ? ', and the pod tolerates it' : UNTOLERATED}`
        : 'the node is schedulable'
    case 'taint': {
      const t = `${c.taint.key}${c.taint.value ? `=${c.taint.value}` : ''}:${c.effect}`
      return c.tolerated ? `taint ${t} is tolerated` : `taint ${t} is not tolerated by the pod`
    }
    case 'label': {
      const want = `${c.key} ${c.operator}${c.values.length ? ` [${c.values.join(', ')}]` : ''}`
      const term = c.term !== undefined ? ` (term ${c.term + 1})` : ''
      const w = c.weight !== undefined ? `, weight ${c.weight}` : ''
      const has = c.nodeValue === null ? `the node has no ${c.key} label` : `the node has ${c.key}=${c.nodeValue}`
      return `${c.source}${term} wants ${want}${w}: ${has} (${c.matches ? 'matches' : 'does not match'})`
    }
    case 'spread': {
      const domains = c.domains
        .map((d) => {
          const extra = [
            d.eligible ? '' : `not counted${d.whyNot ? `: ${d.whyNot}` : ''}`,
            d.cordoned?.length ? `cordoned: ${d.cordoned.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; ')
          return `${d.value}: ${plural(d.pods, 'pod')}${extra ? ` (${extra})` : ''}`
        })
        .join(', ')
      const skew =
        c.skewIfPlaced === null
          ? `the node has no ${c.topologyKey} label`
          : `skew if placed here ${c.skewIfPlaced} (maxSkew ${c.maxSkew})`
      return (
        `topology spread on ${c.topologyKey} (${c.whenUnsatisfiable}, selector ${c.selector}): ${domains}; ` +
        `global minimum ${c.minMatch}${c.minDomains > 1 ? ` (minDomains ${c.minDomains})` : ''}; ${skew}; ` +
        `nodeAffinityPolicy ${c.nodeAffinityPolicy}, nodeTaintsPolicy ${c.nodeTaintsPolicy}: ${verdict(c.satisfied)}`
      )
    }
    case 'interPod': {
      const where =
        c.nodeDomain === null ? `the node has no ${c.topologyKey} label` : `${c.topologyKey}=${c.nodeDomain}`
      const pods = c.matchingPods.length ? `matching pods: ${c.matchingPods.join(', ')}` : 'no matching pod'
      const owner = c.owner ? ` (term of ${c.owner})` : ''
      const w = c.weight !== undefined ? `, weight ${c.weight}` : ''
      const self = c.selfAffine ? '; the first pod of a self-affine group may go anywhere' : ''
      return `${c.term}${owner} on ${where} (selector ${c.selector}${w}): ${pods}${self}: ${verdict(c.satisfied)}`
    }
    case 'resource':
      return (
        `${c.resource}: requests ${amount(c.resource, c.requested)}, ${amount(c.resource, c.allocated)} of ` +
        `${amount(c.resource, c.allocatable)} allocated, ${amount(c.resource, c.free)} free: ` +
        `${c.fits ? 'fits' : c.unresolvable ? 'more than the node has at all' : 'does not fit'}`
      )
    case 'ports':
      const where = `${c.protocol}/${c.hostPort} on ${c.hostIP || '0.0.0.0'}`
      return `host port ${where}: ${c.conflict ? `in use by ${c.usedBy.join(', ')}` : 'free'}`
    default:
      return assertNever(c, 'constraint')
  }
}

/** The constraints that decided a plugin's verdict (a rejection's failing ones; all of them otherwise). */
export function decisive(p: PluginReason): ConstraintReason[] {
  if (p.verdict !== 'rejected') return p.constraints
  const failing = p.constraints.filter((c) => !constraintHolds(c))
  return failing.length ? failing : p.constraints
}

function constraintHolds(c: ConstraintReason): boolean {
  switch (c.kind) {
    case 'nodeName':
    case 'label':
      return c.matches
    case 'unschedulable':
      return !c.unschedulable || c.tolerated
    case 'taint':
      return c.tolerated
    case 'spread':
    case 'interPod':
      return c.satisfied
    case 'resource':
      return c.fits
    case 'ports':
      return !c.conflict
    default:
      return assertNever(c, 'constraint')
  }
}

/** cellTip: the tooltip of a grid cell: the plugin's reason and, when known, the constraints behind it. */
export function cellTip(
  node: string,
  plugin: string,
  value: string | undefined,
  x: NodeExplanation | undefined,
): string {
  if (value === undefined)
    return `${plugin} did not run on ${node} (an earlier plugin rejected it, or the walk stopped)`
  if (value === 'passed') return `${plugin} passed ${node}`
  const p = x?.plugins.find((q) => q.plugin === plugin)
  const why = p ? decisive(p).map(constraintText) : []
  return `${plugin} rejected ${node}: ${value}${why.length ? ` — ${why.join('; ')}` : ''}`
}
