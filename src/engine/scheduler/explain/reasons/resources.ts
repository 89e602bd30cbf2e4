/**
 * Reasons of NodeResourcesFit and NodePorts: per resource the pod's request, what the pods on the node already
 * request, the node's allocatable and what is left (milliCPU, bytes, counts: the scheduler's units); per host port
 * the pods already holding it.
 * Mirrors: plugins/noderesources/fit.go (fitsRequest: the pod count always, the rest only when requested; a request
 * above the whole allocatable is unresolvable) and plugins/nodeports/node_ports.go (HostPortInfo.CheckConflict).
 */
import type { NodeInfo } from '../../framework/types.ts'
import type { ExplainContext } from '../context.ts'
import type { ConstraintReason } from '../types.ts'

function resource(name: string, requested: number, allocated: number, allocatable: number): ConstraintReason {
  const free = allocatable - allocated
  return {
    kind: 'resource', resource: name, requested, allocated, allocatable, free,
    fits: requested === 0 || requested <= free, unresolvable: requested > allocatable,
  }
}

export function resourceReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  const req = ctx.pod.requests
  const a = node.allocatable
  const r = node.requested
  const out: ConstraintReason[] = []
  const pods = node.pods.length
  out.push({
    kind: 'resource', resource: 'pods', requested: 1, allocated: pods, allocatable: a.allowedPodNumber,
    free: a.allowedPodNumber - pods, fits: pods + 1 <= a.allowedPodNumber, unresolvable: false,
  })
  out.push(resource('cpu', req.milliCPU, r.milliCPU, a.milliCPU))
  out.push(resource('memory', req.memory, r.memory, a.memory))
  if (req.ephemeralStorage > 0) {
    out.push(resource('ephemeral-storage', req.ephemeralStorage, r.ephemeralStorage, a.ephemeralStorage))
  }
  for (const [name, q] of [...req.scalar].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (q > 0) out.push(resource(name, q, r.scalar.get(name) ?? 0, a.scalar.get(name) ?? 0))
  }
  return out
}

export function portReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  return ctx.pod.hostPorts.map((hp) => {
    const usedBy = node.pods
      .filter((p) => p.hostPorts.some((o) => o.protocol === hp.protocol && o.port === hp.port &&
        (hp.ip === '0.0.0.0' || o.ip === '0.0.0.0' || o.ip === hp.ip)))
      .map((p) => p.key)
    return {
      kind: 'ports', protocol: hp.protocol, hostIP: hp.ip, hostPort: hp.port, conflict: node.portConflict(hp), usedBy,
    } satisfies ConstraintReason
  })
}
