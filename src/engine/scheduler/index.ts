/**
 * kube-scheduler — placeholder until the full framework lands (its own issue). It already talks to the cluster the
 * way kube-scheduler does (list+watch nodes and pods, POST pods/binding, PATCH pods/status, Events) and filters with
 * the first default plugins' rules and messages, but it is not the v1.35 framework.
 * Simplified: filters NodeUnschedulable, NodeName, TaintToleration, NodeAffinity (nodeSelector only) and
 * NodeResourcesFit; scores LeastAllocated only; no queue back-off, preemption or other plugins.
 */
import type { KObject, Node, Pod } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import { EventRecorder } from '../client/eventRecorder.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import { filterNode, fitErrorMessage, leastAllocatedScore, podRequests } from './placeholder.ts'

export class KubeScheduler {
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly recorder: EventRecorder
  private readonly nodes = new Map<string, Node>()
  private readonly pods = new Map<string, Pod>()
  private readonly pending: string[] = []
  private readonly unschedulable = new Set<string>()
  private busy = false
  private readonly rng

  constructor(ctx: EngineContext, client: ApiClient, config?: KObject) {
    void config
    this.ctx = ctx
    this.client = client
    this.rng = ctx.sim.rng.fork('kube-scheduler')
    this.recorder = new EventRecorder(ctx, client, { component: 'default-scheduler', reportingInstance: 'default-scheduler-control-plane', api: 'events' })
  }

  start(): void {
    this.client.watch('/api/v1/nodes', {}, (e) => {
      const n = e.object as Node
      if (e.type === 'DELETED') this.nodes.delete(n.metadata?.name ?? '')
      else this.nodes.set(n.metadata?.name ?? '', n)
      this.requeueUnschedulable('a node was added or changed')
    })
    this.client.watch('/api/v1/pods', { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }, (e) => {
      const p = e.object as Pod
      const key = `${p.metadata?.namespace}/${p.metadata?.name}`
      if (e.type === 'DELETED') {
        this.pods.delete(key)
        if (p.spec?.nodeName) this.requeueUnschedulable('a pod was deleted')
        return
      }
      this.pods.set(key, p)
      if (!p.spec?.nodeName && (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' && e.type === 'ADDED') this.enqueue(key)
    })
  }

  private enqueue(key: string): void {
    this.ctx.trace.emit({
      type: 'scheduler:Enqueue', lane: 'kube-scheduler', pod: key, outcome: 'info',
      summary: `activeQ ← ${key}`,
      explain: `The scheduler's informer saw a pod with no spec.nodeName whose schedulerName is default-scheduler, so it puts the pod into the active scheduling queue.`,
      docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/',
    })
    this.pending.push(key)
    this.kick()
  }

  private requeueUnschedulable(why: string): void {
    for (const key of [...this.unschedulable].sort()) {
      this.unschedulable.delete(key)
      this.ctx.trace.emit({ type: 'scheduler:QueueMove', lane: 'kube-scheduler', pod: key, outcome: 'info', summary: `unschedulable → activeQ: ${key} (${why})`, explain: `Pods that could not be scheduled wait until a cluster event might make them fit; ${why}, so the pod is tried again.`, docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/' })
      this.pending.push(key)
    }
    this.kick()
  }

  private kick(): void {
    if (this.busy || this.pending.length === 0) return
    this.busy = true
    this.ctx.sim.after(latency(this.ctx, 'schedulingCycle'), () => {
      const key = this.pending.shift() as string
      const pod = this.pods.get(key)
      if (pod && !pod.spec?.nodeName) this.scheduleOne(key, pod)
      this.busy = false
      this.kick()
    })
  }

  private scheduleOne(key: string, pod: Pod): void {
    const { trace } = this.ctx
    const nodes = [...this.nodes.values()].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))
    const byNode = new Map<string, Pod[]>()
    for (const p of this.pods.values()) if (p.spec?.nodeName) (byNode.get(p.spec.nodeName) ?? byNode.set(p.spec.nodeName, []).get(p.spec.nodeName))?.push(p)
    const on = (n: Node) => byNode.get(n.metadata?.name ?? '') ?? []
    const results = nodes.map((n) => ({ node: n, reasons: filterNode(pod, n, on(n)) }))
    const feasible = results.filter((r) => r.reasons.length === 0)
    trace.emit({
      type: 'scheduler:Filter', lane: 'kube-scheduler', pod: key, outcome: feasible.length ? 'ok' : 'error',
      summary: `Filter: ${feasible.length}/${nodes.length} nodes feasible${results.filter((r) => r.reasons.length).map((r) => ` (${r.node.metadata?.name}: ${r.reasons.join(', ')})`).join('')}`,
      explain: `Each node is checked against the pod's requirements (cordoned, taints, nodeSelector, free cpu/memory/pod slots); a node drops out at its first failing check. ${feasible.length} of ${nodes.length} nodes can run the pod.`,
      docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation',
      details: { filter: Object.fromEntries(results.map((r) => [r.node.metadata?.name ?? '', r.reasons.length ? r.reasons.join(', ') : 'passed'])), simplified: 'placeholder scheduler' },
    })
    if (feasible.length === 0) return this.fail(key, pod, fitErrorMessage(nodes.length, results.map((r) => r.reasons)))
    const scores = feasible.map((r) => ({ name: r.node.metadata?.name ?? '', score: leastAllocatedScore(pod, r.node, on(r.node)) }))
    let best = scores[0]
    let count = 0
    for (const s of scores) {
      if (s.score > best.score) { best = s; count = 1 } else if (s.score === best.score && this.rng.int(++count) === 0) best = s
    }
    trace.emit({
      type: 'scheduler:Score', lane: 'kube-scheduler', pod: key, outcome: 'ok',
      summary: `Score: ${scores.map((s) => `${s.name}=${s.score}`).join(', ')} → ${best.name}`,
      explain: feasible.length === 1 ? 'Only one node is feasible, so it is chosen without scoring.' : `Feasible nodes are ranked; the node with the most free cpu and memory after placing the pod scores highest (LeastAllocated), ties broken at random. ${best.name} wins.`,
      docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/resource-bin-packing/',
      details: { score: Object.fromEntries(scores.map((s) => [s.name, s.score])), selectedNode: best.name, requests: podRequests(pod) },
    })
    this.pods.set(key, { ...pod, spec: { ...pod.spec, nodeName: best.name } as Pod['spec'] })
    const [namespace, name] = key.split('/')
    this.client.request({ verb: 'POST', path: `/api/v1/namespaces/${namespace}/pods/${name}/binding`, body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid: pod.metadata?.uid }, target: { apiVersion: 'v1', kind: 'Node', name: best.name } } }, (res) => {
      if (res.code >= 300) return
      trace.emit({ type: 'scheduler:Bind', lane: 'kube-scheduler', pod: key, outcome: 'ok', summary: `bound ${key} to ${best.name}`, explain: `The binding was accepted: the pod now belongs to ${best.name}, whose kubelet is watching for exactly this change.`, docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#binding-cycle' })
      // Mirrors: pkg/scheduler/schedule_one.go finishBinding.
      this.recorder.event(ref(pod), 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${best.name}`, 'Binding')
    }, { pod: key, explain: `The binding cycle: the scheduler asks the apiserver to bind the pod to ${best.name} (POST pods/${name}/binding). It never writes spec.nodeName itself.` })
  }

  private fail(key: string, pod: Pod, message: string): void {
    const [namespace, name] = key.split('/')
    this.unschedulable.add(key)
    this.ctx.trace.emit({ type: 'scheduler:Unschedulable', lane: 'kube-scheduler', pod: key, outcome: 'error', summary: message, explain: `No node passes the filters, so the pod stays Pending and waits in the unschedulable pool until the cluster changes. The message counts the reasons per node.`, docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/' })
    // Mirrors: pkg/scheduler/schedule_one.go handleSchedulingFailure.
    this.recorder.event(ref(pod), 'Warning', 'FailedScheduling', message, 'Scheduling')
    this.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: pod.metadata?.uid }, status: { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: this.ctx.sim.rfc3339() }] } } as KObject }, () => {}, { pod: key, explain: 'The scheduler records why the pod cannot be scheduled in its PodScheduled condition, which `kubectl describe pod` shows.' })
  }
}

function ref(pod: Pod) {
  return { apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid, resourceVersion: pod.metadata?.resourceVersion }
}
