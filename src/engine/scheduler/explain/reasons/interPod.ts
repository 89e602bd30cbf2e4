/**
 * Reasons of InterPodAffinity: each required and preferred (anti-)affinity term of the pod with the existing pods
 * that match it in this node's topology domain, and the existing pods whose required anti-affinity rejects the
 * pod here — by name.
 * Mirrors: plugins/interpodaffinity/filtering.go (satisfyPodAffinity with the first-pod-of-a-group exception,
 * satisfyPodAntiAffinity, satisfyExistingPodsAntiAffinity) and scoring.go (preferred terms).
 * Simplified: the affinity counts match a pod only when it matches every required affinity term (as upstream),
 * while the names listed per term are the pods matching that term.
 */
import type { AffinityTerm, NodeInfo, PodInfo } from '../../framework/types.ts'
import { termMatches } from '../../framework/types.ts'
import { selectorText } from '../context.ts'
import type { ExplainContext } from '../context.ts'
import type { ConstraintReason, InterPodTerm } from '../types.ts'

/** podsInDomain: the existing pods on nodes sharing this node's value of `key`. */
function podsInDomain(ctx: ExplainContext, key: string, value: string): { pod: PodInfo; node: NodeInfo }[] {
  const out: { pod: PodInfo; node: NodeInfo }[] = []
  for (const n of ctx.nodeInfos) if (n.labels[key] === value) for (const p of n.pods) out.push({ pod: p, node: n })
  return out
}

function matching(ctx: ExplainContext, t: AffinityTerm, key: string, value: string): string[] {
  return podsInDomain(ctx, key, value)
    .filter(({ pod }) => termMatches(t, pod.pod, ctx.nsLabels(pod.pod.metadata?.namespace ?? 'default')))
    .map(({ pod }) => pod.key)
}

function termReason(ctx: ExplainContext, node: NodeInfo, t: AffinityTerm, term: InterPodTerm, weight?: number):
  ConstraintReason {
  const v = t.topologyKey in node.labels ? node.labels[t.topologyKey] : null
  const pods = v === null ? [] : matching(ctx, t, t.topologyKey, v)
  const anti = term === 'antiAffinity' || term === 'preferredAntiAffinity'
  const satisfied = anti ? pods.length === 0 : v !== null && pods.length > 0
  return {
    kind: 'interPod', term, topologyKey: t.topologyKey, selector: selectorText(t.selector), nodeDomain: v,
    matchingPods: pods, satisfied, ...(weight === undefined ? {} : { weight }),
  }
}

/** affinityAnywhere: some existing pod anywhere matches every required affinity term (affinityCounts non-empty). */
function affinityAnywhere(ctx: ExplainContext): boolean {
  const terms = ctx.pod.requiredAffinityTerms
  for (const n of ctx.nodeInfos) {
    for (const p of n.pods) {
      const ns = ctx.nsLabels(p.pod.metadata?.namespace ?? 'default')
      if (terms.every((t) => termMatches(t, p.pod, ns)) && terms.some((t) => t.topologyKey in n.labels)) return true
    }
  }
  return false
}

/** requiredInterPodReasons: what Filter checks, in its order (affinity, anti-affinity, existing anti-affinity). */
export function requiredInterPodReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  const pod = ctx.pod
  const out: ConstraintReason[] = []
  const ownNs = ctx.nsLabels(pod.pod.metadata?.namespace ?? 'default')
  // The first pod of a group with affinity to itself may go anywhere its own terms' keys exist.
  const selfAffine = pod.requiredAffinityTerms.length > 0 && !affinityAnywhere(ctx) &&
    pod.requiredAffinityTerms.every((t) => termMatches(t, pod.pod, ownNs))
  for (const t of pod.requiredAffinityTerms) {
    const r = termReason(ctx, node, t, 'affinity')
    out.push(selfAffine && r.kind === 'interPod' && r.nodeDomain !== null ? { ...r, satisfied: true, selfAffine } : r)
  }
  for (const t of pod.requiredAntiAffinityTerms) out.push(termReason(ctx, node, t, 'antiAffinity'))
  // Existing pods' required anti-affinity terms that match the incoming pod, in a domain this node is in.
  for (const n of ctx.nodeInfos) {
    for (const ex of n.podsWithRequiredAntiAffinity) {
      for (const t of ex.requiredAntiAffinityTerms) {
        const v = n.labels[t.topologyKey]
        if (v === undefined || node.labels[t.topologyKey] !== v || !termMatches(t, pod.pod, ownNs)) continue
        out.push({
          kind: 'interPod', term: 'existingAntiAffinity', topologyKey: t.topologyKey,
          selector: selectorText(t.selector), nodeDomain: v, matchingPods: [ex.key], satisfied: false, owner: ex.key,
        })
      }
    }
  }
  return out
}

/** preferredInterPodReasons: the pod's preferred terms with their weights (what its Score adds or takes away). */
export function preferredInterPodReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  return [
    ...ctx.pod.preferredAffinityTerms.map((t) => termReason(ctx, node, t, 'preferredAffinity', t.weight)),
    ...ctx.pod.preferredAntiAffinityTerms.map((t) => termReason(ctx, node, t, 'preferredAntiAffinity', t.weight)),
  ]
}
