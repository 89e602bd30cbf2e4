/**
 * Hand-made steps for the debugger's unit tests: each has exactly the typed data the matchers read, and a summary
 * that says nothing (the matchers must not read it).
 */
import type { StepOf, TraceEvent, TraceEventBase, TraceType } from '../../engine/events.ts'

type Base = Omit<TraceEventBase, 'seq' | 't' | 'summary' | 'outcome'> & Partial<Pick<TraceEventBase, 'outcome'>>

let seq = 0
/** step builds one step of type `type` with the given base fields and details. */
export function step<K extends TraceType>(type: K, base: Base, details?: StepOf<K>['details']): TraceEvent {
  seq++
  const d = details ? { details } : {}
  return { seq, t: seq * 1000, outcome: 'ok', summary: '—', ...base, type, ...d } as TraceEvent
}

const cycle = { queue: { activeQ: 0, backoffQ: 0, unschedulablePods: 0 }, fromBackoff: false, priority: 0 }
export const pop = (pod: string) =>
  step('scheduler:Pop', { lane: 'kube-scheduler', pod }, { attempts: 1, schedulerName: 'default-scheduler', ...cycle })

export const filter = (pod: string, verdicts: Record<string, Record<string, string>>) =>
  step('scheduler:Filter', { lane: 'kube-scheduler', pod }, {
    filter: verdicts, rejectedBy: {}, filterPlugins: [], numFeasibleNodesToFind: 100, detail: 'full',
    numAllNodes: Object.keys(verdicts).length, numEvaluated: Object.keys(verdicts).length, numFeasible: 0,
    startIndex: 0, nominatedNode: null,
  })

export const bind = (pod: string, node: string) =>
  step('scheduler:Bind', { lane: 'kube-scheduler', pod }, { result: 'bound', plugin: 'DefaultBinder', node })

export const failed = (pod: string) =>
  step('scheduler:Unschedulable', { lane: 'kube-scheduler', pod, outcome: 'error' }, {
    phase: 'scheduling', reason: 'Unschedulable', message: '0/3 nodes are available', queue: 'unschedulablePods',
    unschedulablePlugins: ['NodeResourcesFit'], hints: [], attempts: 1, backoffSeconds: 1,
  })

export const startupError = () =>
  step('scheduler:Unschedulable', { lane: 'kube-scheduler', outcome: 'error' }, { phase: 'startup', error: 'bad' })

export const preempt = (pod: string, node: string, victims: string[]) =>
  step('scheduler:Preempt', { lane: 'kube-scheduler', pod }, {
    node, victims: victims.map((v) => ({ pod: v, priority: 0 })), preemptorPriority: 1000,
  })

export const queueMove = (pod: string) =>
  step('scheduler:QueueMove', { lane: 'kube-scheduler', pod }, {
    from: 'unschedulablePods', to: 'activeQ', event: 'BackoffComplete', attempts: 1, backoffSeconds: 1, hintedBy: [],
  })

export const reserve = (pod: string, node: string) =>
  step('scheduler:Reserve', { lane: 'kube-scheduler', pod }, { node, plugins: [], status: 'Success' })

export const select = (pod: string, node: string) =>
  step('scheduler:Select', { lane: 'kube-scheduler', pod }, {
    selectedNode: node, cycle: null, tiedNodes: 0, scoringNote: null, seed: 1,
  })

/** A step on a node's kubelet, CRI or CNI (their details are not read by the debugger). */
export const onNode = (lane: 'kubelet' | 'CRI' | 'CNI', node: string, pod?: string) =>
  ({ seq: ++seq, t: seq * 1000, lane, node, pod, outcome: 'ok', summary: '—', type: 'kubelet:SyncPod' }) as TraceEvent

/** A request to the API server about a pod (no node). */
export const apiStep = (pod?: string) =>
  ({
    seq: ++seq, t: seq * 1000, lane: 'kube-apiserver', pod, outcome: 'ok', summary: '—', type: 'apiserver:Authenticate',
  }) as TraceEvent
