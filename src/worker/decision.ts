/**
 * The decision view's answers, computed in the worker: one scheduling cycle's record (recomputed in full when the
 * run kept a compact one), the Why paragraph and winner's margin (engine/scheduler/explain, the same text
 * `podbirth explain` prints), every node's labels, and the per-node, per-constraint reasons.
 *
 * The reasons need the cluster as the scheduler saw it at the cycle: the objects stored before the cycle's Pop, plus
 * the pods the scheduler had assumed (an earlier cycle chose their node, the Bind has not landed): the cache counts
 * them on their node (pkg/scheduler/schedule_one.go assume; backend/cache AssumePod).
 */
import type { KObject, Node, Pod } from '../engine/api/types.ts'
import type { TraceEvent } from '../engine/events.ts'
import type { Simulation } from '../engine/index.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import { explainNode, explainNodes, whyParagraph, winnerMargin } from '../engine/scheduler/explain/index.ts'
import type { ExplainInputs } from '../engine/scheduler/explain/index.ts'
import { EAGER_NODES } from '../protocol/decision.ts'
import type { DecisionMessage, DecisionNodeMessage } from '../protocol/decision.ts'
import type { ApplyCommand } from '../protocol/messages.ts'
import { recomputeCycle } from './recompute.ts'

/** The last apply the worker ran (a compact cycle is recomputed from it). */
let lastApply: ApplyCommand | undefined
export function rememberApply(cmd: ApplyCommand): void {
  lastApply = cmd
  cache = undefined
}

/** The last decision's inputs, kept for per-node questions about it. */
let cache: { index: number; inputs: ExplainInputs } | undefined

/** The cycle's record carried by its decisive step (Select or a scheduling-phase FailedScheduling). */
function recordOf(e: TraceEvent | undefined): CycleRecord | null {
  if (!e) return null
  if (e.type === 'scheduler:Select') return e.details.cycle
  if (e.type === 'scheduler:Unschedulable' && e.details.phase === 'scheduling') return e.details.cycle ?? null
  return null
}

/** popOf: the Pop that started the cycle decided at `index`. */
export function popOf(trace: readonly TraceEvent[], index: number, pod: string): number {
  for (let i = index; i >= 0; i--) if (trace[i].type === 'scheduler:Pop' && trace[i].pod === pod) return i
  return -1
}

/** assumedBefore: pods whose node was chosen before step `before` and whose Bind had not landed by then. */
export function assumedBefore(trace: readonly TraceEvent[], before: number): Map<string, string> {
  const assumed = new Map<string, string>()
  for (let i = 0; i < before && i < trace.length; i++) {
    const e = trace[i]
    if (!e.pod) continue
    if (e.type === 'scheduler:Select') assumed.set(e.pod, e.details.selectedNode)
    else if (e.type === 'scheduler:Bind' || (e.type === 'scheduler:Unschedulable' && e.details.phase === 'binding'))
      assumed.delete(e.pod)
  }
  return assumed
}

/** inputsAt: the explain inputs of a cycle, from the objects stored before its Pop and the assumed pods. */
export function inputsAt(
  objects: Map<string, KObject>,
  assumed: Map<string, string>,
  record: CycleRecord,
  pod: Pod,
): ExplainInputs {
  const nodes: Node[] = []
  const pods: Pod[] = []
  const namespaceLabels: Record<string, Record<string, string>> = {}
  for (const [key, o] of objects) {
    if (key.startsWith('/registry/minions/')) nodes.push(o as unknown as Node)
    else if (key.startsWith('/registry/namespaces/'))
      namespaceLabels[o.metadata?.name ?? ''] = (o.metadata?.labels ?? {}) as Record<string, string>
    else if (key.startsWith('/registry/pods/')) {
      const p = o as unknown as Pod
      const at = assumed.get(key.slice('/registry/pods/'.length))
      if (p.spec?.nodeName) pods.push(p)
      else if (at !== undefined)
        pods.push({ ...p, spec: { ...p.spec, containers: p.spec?.containers ?? [], nodeName: at } })
    }
  }
  return { record, pod, nodes, pods, namespaceLabels }
}

/**
 * decide answers a DecisionCommand: a compact record goes out at once (marked pending) so the view has something to
 * show while the cycle is recomputed in full (seconds at 5,000 nodes), then the full answer.
 */
export function decide(sim: Simulation | undefined, index: number, post: (m: DecisionMessage) => void): void {
  const first = decision(sim, index, false)
  if (first.record?.detail !== 'compact') {
    post(first)
    return
  }
  post({ ...first, pending: true, note: 'A compact record (above 100 nodes): recomputing this cycle in full…' })
  post(decision(sim, index))
}

/** decision answers a DecisionCommand for the run `sim` (the worker's last); `recompute` false keeps it compact. */
export function decision(sim: Simulation | undefined, index: number, recompute = true): DecisionMessage {
  const empty = {
    type: 'decision' as const,
    index,
    pod: '',
    record: null,
    recomputed: false,
    nodeLabels: {},
    why: '',
    margin: null,
    nodes: [],
    seed: lastApply?.seed ?? 1,
  }
  if (!sim) return { ...empty, note: 'No run to read.' }
  const trace = sim.trace
  const e = trace[index]
  const podKey = e?.pod
  let record = recordOf(e)
  if (!podKey || !record) return { ...empty, pod: podKey ?? '', note: 'This step carries no scheduling cycle record.' }
  const pop = popOf(trace, index, podKey)
  const views = sim.views()
  const objects = views.objectsAt(pop - 1)
  let recomputed = false
  let note: string | undefined
  if (record.detail === 'compact' && recompute) {
    const full = lastApply && pop >= 0 ? recomputeCycle(lastApply, pop, podKey) : null
    if (full) {
      record = full
      recomputed = true
    } else
      note =
        'The run kept a compact record (above 100 nodes) and it could not be recomputed: per-node rows are missing.'
  }
  const pod = (objects.get(`/registry/pods/${podKey}`) ?? views.objectsAt(index).get(`/registry/pods/${podKey}`)) as
    Pod | undefined
  const nodeLabels: Record<string, Record<string, string>> = {}
  for (const [key, o] of objects)
    if (key.startsWith('/registry/minions/'))
      nodeLabels[o.metadata?.name ?? ''] = (o.metadata?.labels ?? {}) as Record<string, string>
  const seed = lastApply?.seed ?? 1
  const base = {
    ...empty,
    pod: podKey,
    record,
    recomputed,
    nodeLabels,
    seed,
    why: whyParagraph(record, seed),
    margin: winnerMargin(record),
    ...(note ? { note } : {}),
  }
  if (!pod)
    return { ...base, note: `${note ? `${note} ` : ''}The pod is not stored at this step: no per-node reasons.` }
  if (!recompute && record.detail === 'compact') return base
  const profile = sim.scheduler.core?.settings.profiles.find((p) => p.schedulerName === record.profile)
  const inputs = { ...inputsAt(objects, assumedBefore(trace, pop), record, pod), ...(profile ? { profile } : {}) }
  cache = { index, inputs }
  return { ...base, nodes: record.numAllNodes <= EAGER_NODES ? explainNodes(inputs) : [] }
}

/** decisionNode: one node's reasons for the last decision asked (a large cluster's, asked when the node is opened). */
export function decisionNode(sim: Simulation | undefined, index: number, node: string): DecisionNodeMessage {
  if (!cache || cache.index !== index) decision(sim, index)
  const inputs = cache?.index === index ? cache.inputs : undefined
  return { type: 'decisionNode', index, node, explanation: inputs ? explainNode(inputs, node) : null }
}
