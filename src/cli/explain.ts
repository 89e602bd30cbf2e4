/**
 * `podbirth explain`: one scheduling cycle of a pod against a cluster, with every plugin's verdict.
 * The pod goes through kubectl and the apiserver first (defaults, admission: priority, tolerations, ...), exactly as
 * in `apply`, so the scheduler sees what it would see on a real cluster; the first cycle is recorded in full.
 * The JSON keys follow kube-scheduler-simulator's result annotations (filter, score, finalScore, ...).
 */
import type { KObject } from '../engine/api/types.ts'
import type { ClusterSpec } from '../engine/cluster/types.ts'
import { createSimulation, parseDocuments } from '../engine/index.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import { tabwrite } from '../engine/views/index.ts'
import type { Pod } from '../engine/api/types.ts'
import {
  PodInfo, compareRuns, constraintText, failing, schedulerConfigTypeErrorAt, scoringStrategyOf, whyParagraph,
} from '../engine/scheduler/explain/index.ts'
import type { ExplainInputs, NodeExplanation, RunComparison } from '../engine/scheduler/explain/index.ts'

export interface ExplainInput {
  cluster: ClusterSpec
  podText: string
  podFile: string
  configText?: string
  configFile?: string
  seed: number
}

export type ExplainResult =
  | {
    kind: 'cycle'; record: CycleRecord
    /** The cluster as the cycle saw it: what the per-node reasons are computed from. */
    inputs: ExplainInputs
    /** NodeResourcesFit's scoring strategy in the profile that ran the cycle. */
    strategy: string
  }
  | { kind: 'refused'; message: string; exitCode: number }

/** explain runs the simulation until the scheduler has finished the pod's first scheduling cycle. */
export function explain(input: ExplainInput): ExplainResult {
  const cluster = { ...input.cluster }
  if (input.configText !== undefined) {
    const first = parseDocuments(input.configText)[0]
    if (first?.error) return { kind: 'refused', exitCode: 2, message: `podbirth: ${input.configFile}: ${first.error}` }
    const obj = first?.value as KObject | null
    if (!obj || obj.kind !== 'KubeSchedulerConfiguration') return { kind: 'refused', exitCode: 2, message: `podbirth: ${input.configFile}: expected a KubeSchedulerConfiguration (apiVersion kubescheduler.config.k8s.io/v1)` }
    // A wrong type stops kube-scheduler as its decoder does; the file, line and column say where.
    const typeError = schedulerConfigTypeErrorAt(obj, input.configText)
    if (typeError) return { kind: 'refused', exitCode: 1, message: `kube-scheduler: ${input.configFile}: ${typeError}` }
    cluster.schedulerConfig = obj
  }
  const sim = createSimulation({ cluster, seed: input.seed, schedulerDetail: 'full' })
  sim.start()
  if (sim.scheduler.configError !== null) return { kind: 'refused', exitCode: 1, message: `kube-scheduler: ${sim.scheduler.configError}` }
  sim.scheduler.keepCycles = true
  sim.apply({ files: [{ name: input.podFile, text: input.podText }] })
  const limit = sim.ctx.sim.now() + 60 * 1_000_000
  while (sim.scheduler.cycles.length === 0 && sim.ctx.sim.now() < limit && sim.step()) { /* run until the first cycle */ }
  const record = sim.scheduler.cycles[0]
  if (record) {
    const profile = sim.scheduler.settings?.profiles.find((p) => p.schedulerName === record.profile)
    const inputs = cycleInputs(sim, record, profile)
    return { kind: 'cycle', record, inputs, strategy: scoringStrategyOf(profile?.args) }
  }
  const k = sim.kubectlResults[0]
  if (k && k.exitCode !== 0) return { kind: 'refused', exitCode: 1, message: k.stderr.trimEnd() }
  const pod = sim.sessionPods()[0]
  if (pod?.spec?.nodeName) return { kind: 'refused', exitCode: 1, message: `podbirth: pod ${pod.metadata?.namespace}/${pod.metadata?.name} sets spec.nodeName (${pod.spec.nodeName}), so kube-scheduler never sees it: the kubelet on that node admits it directly.` }
  if (pod?.spec?.schedulingGates?.length) return { kind: 'refused', exitCode: 1, message: `podbirth: pod ${pod.metadata?.namespace}/${pod.metadata?.name} is waiting for scheduling gates: [${pod.spec.schedulingGates.map((g) => g.name).join(' ')}]; no scheduling cycle runs until they are removed.` }
  if (pod && pod.spec?.schedulerName && pod.spec.schedulerName !== 'default-scheduler' && !sim.scheduler.core?.frameworks.has(pod.spec.schedulerName)) return { kind: 'refused', exitCode: 1, message: `podbirth: pod asks for schedulerName "${pod.spec.schedulerName}", which no profile of this kube-scheduler serves, so it stays Pending.` }
  return { kind: 'refused', exitCode: 1, message: 'podbirth: no scheduling cycle ran for the pod (is it a Pod?)' }
}

type Sim = ReturnType<typeof createSimulation>
type Profile = NonNullable<Sim['scheduler']['settings']>['profiles'][number]

/**
 * cycleInputs reads the scheduler's cache right after the cycle: every node, and the pods on them (assumed ones
 * with their node); the pod itself, assumed by this cycle, is left out by the reasons.
 */
function cycleInputs(sim: Sim, record: CycleRecord, profile: Profile | undefined): ExplainInputs {
  const core = sim.scheduler.core
  const infos = core?.cache.nodeInfos() ?? []
  const nodes = infos.map((n) => n.node)
  const pods: Pod[] = []
  for (const n of infos) {
    for (const { pod: p } of n.pods) {
      // An assumed pod is on the node in the cache before its binding sets spec.nodeName.
      const containers = p.spec?.containers ?? []
      pods.push(p.spec?.nodeName ? p : { ...p, spec: { ...p.spec, containers, nodeName: n.name } })
    }
  }
  const key = (p: Pod) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`
  const pod = sim.pods().find((p) => key(p) === record.pod) ?? { metadata: {} }
  const namespaceLabels: Record<string, Record<string, string>> = {}
  for (const p of [pod, ...pods]) {
    const ns = p.metadata?.namespace ?? 'default'
    const labels = core?.namespaceLabels(ns)
    if (labels) namespaceLabels[ns] = labels
  }
  const defaultSelector = core ? core.defaultSelector(new PodInfo(pod)) : null
  return { record, pod, nodes, pods, profile, namespaceLabels, defaultSelector }
}

/** reasonLines: for each rejected node, the constraints that failed (or the plugin's message). */
export function reasonLines(nodes: NodeExplanation[]): string[] {
  const out: string[] = []
  for (const n of nodes) {
    if (n.verdict !== 'rejected') continue
    const pr = n.plugins.find((p) => p.plugin === n.rejectedBy)
    const causes = (pr?.constraints ?? []).filter(failing).map(constraintText)
    out.push(`  ${n.node} (${n.rejectedBy ?? ''})`)
    for (const c of causes.length ? causes : [pr?.message ?? n.summary]) out.push(`    ${c}`)
  }
  return out
}

/** toJson is the one JSON object of `explain -o json`. */
export function toJson(r: CycleRecord): Record<string, unknown> {
  return {
    pod: r.pod,
    selectedNode: r.selectedNode,
    message: r.message,
    numFeasibleNodesToFind: r.numFeasibleNodesToFind,
    filter: r.filter,
    score: r.score,
    normalizedScore: r.normalizedScore,
    finalScore: r.finalScore,
    totalScore: r.totalScore,
    preFilter: r.preFilter,
    postFilter: r.postFilter,
    preScore: r.preScore,
  }
}

/** table aligns the rows as kubectl's printers do (tabwriter, padding 2), without trailing blanks. */
function table(rows: string[][]): string[] {
  return tabwrite(rows, 2).split('\n').map((l) => l.trimEnd())
}

/** toText renders the record for a terminal; with the nodes' explanations, a Reasons section follows Filter. */
export function toText(r: CycleRecord, seed: number, explained?: NodeExplanation[]): string {
  const out: string[] = []
  out.push(`Pod ${r.pod}: scheduling cycle with profile ${r.profile} against ${r.numAllNodes} node(s)`)
  if (r.numAllNodes === 0) {
    out.push('', `FailedScheduling: ${r.message}`, '', 'Why: the cluster has no nodes at all.')
    return out.join('\n') + '\n'
  }
  out.push(`numFeasibleNodesToFind ${r.numFeasibleNodesToFind}${r.numFeasibleNodesToFind < r.numAllNodes ? ` (percentageOfNodesToScore), starting at node index ${r.startIndex}` : ' (every node is examined)'}${r.nominatedNode ? `; nominated node ${r.nominatedNode} is tried first` : ''}`)
  out.push('', 'PreFilter')
  out.push(...table(r.preFilter.map((p) => ['  ' + p.plugin, p.status, p.message ?? (p.nodeNames ? `only nodes: ${p.nodeNames.join(', ')}` : '')])))
  const nodes = Object.keys(r.filter)
  if (nodes.length > 0) {
    out.push('', 'Filter   (✓ passed, ✗ rejected, · not evaluated: a node stops at its first failing plugin)')
    const plugins = r.filterPlugins
    const rows = [['  NODE', ...plugins, 'RESULT']]
    for (const n of nodes) {
      const row = r.filter[n]
      const failed = plugins.find((p) => row[p] !== undefined && row[p] !== 'passed')
      rows.push(['  ' + n, ...plugins.map((p) => (row[p] === undefined ? '·' : row[p] === 'passed' ? '✓' : '✗')), failed ? `${failed}: ${row[failed]}` : 'feasible'])
    }
    out.push(...table(rows))
    const absent = r.numAllNodes - nodes.length
    const excluded = r.rejectedBy.PreFilter?.nodes ?? 0
    if (excluded > 0) out.push(`  (${excluded} node(s) excluded by a PreFilter plugin's node subset)`)
    if (absent - excluded > 0) out.push(`  (${absent - excluded} node(s) not examined: ${r.numFeasibleNodesToFind} feasible nodes were already found)`)
  } else if (r.preFilter.some((p) => p.status !== 'Success' && p.status !== 'Skip')) {
    out.push('', 'Filter   not run: a PreFilter plugin rejected the pod for every node')
  }
  const reasons = explained ? reasonLines(explained) : []
  if (reasons.length > 0) out.push('', 'Reasons  (each rejected node: the constraints that failed)', ...reasons)
  if (r.postFilter.length > 0) {
    out.push('', 'PostFilter')
    out.push(...table(r.postFilter.map((p) => ['  ' + p.plugin, p.status, p.nominatedNodeName ? `nominated node ${p.nominatedNodeName}` : (p.message ?? '')])))
  }
  if (r.scoringNote) out.push('', `Score    ${r.scoringNote}`)
  if (r.scorePlugins.length > 0) {
    out.push('', 'PreScore')
    out.push(...table(r.preScore.map((p) => ['  ' + p.plugin, p.status])))
    out.push('', 'Score    (each cell: raw → normalized × weight = final)')
    const ranked = Object.keys(r.totalScore).sort((a, b) => r.totalScore[b] - r.totalScore[a] || (a < b ? -1 : 1))
    const rows = [['  NODE', ...r.scorePlugins.map((p) => `${p.plugin} ×${p.weight}`), 'TOTAL']]
    for (const n of ranked) rows.push(['  ' + n, ...r.scorePlugins.map((p) => `${r.score[n][p.plugin]} → ${r.normalizedScore[n][p.plugin]} = ${r.finalScore[n][p.plugin]}`), String(r.totalScore[n])])
    out.push(...table(rows))
    const skipped = r.preScore.filter((p) => p.status === 'Skip').map((p) => p.plugin)
    if (skipped.length) out.push(`  Skipped at PreScore (add 0): ${skipped.join(', ')}`)
  }
  out.push('')
  if (r.selectedNode) out.push(`Selected node: ${r.selectedNode}`)
  else out.push(`FailedScheduling: ${r.message}`)
  out.push('', `Why: ${whyParagraph(r, seed)}`)
  return out.join('\n') + '\n'
}

/** comparison puts two explained cycles of the same pod side by side (`explain --compare`). */
export function comparison(a: ExplainResult & { kind: 'cycle' }, b: ExplainResult & { kind: 'cycle' }): RunComparison {
  const side = (x: ExplainResult & { kind: 'cycle' }) => ({
    profile: x.record.profile, scoringStrategy: x.strategy,
    placements: { [x.record.pod]: x.record.selectedNode }, firstCycles: { [x.record.pod]: x.record },
  })
  return compareRuns(side(a), side(b), a.record.pod)
}
