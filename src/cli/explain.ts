/**
 * `podbirth explain`: one scheduling cycle of a pod against a cluster, with every plugin's verdict.
 * The pod goes through kubectl and the apiserver first (defaults, admission: priority, tolerations, ...), exactly as
 * in `apply`, so the scheduler sees what it would see on a real cluster; the first cycle is recorded in full.
 * The JSON keys follow kube-scheduler-simulator's result annotations (filter, score, finalScore, ...).
 */
import { parseDocuments } from '../engine/yaml.ts'
import { schedulerConfigTypeErrorAt } from '../engine/scheduler/configGuard.ts'
import type { KObject } from '../engine/api/types.ts'
import type { ClusterSpec } from '../engine/cluster/types.ts'
import { createSimulation } from '../engine/index.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import { tabwrite } from '../engine/kubectl/printers/tabwriter.ts'

export interface ExplainInput {
  cluster: ClusterSpec
  podText: string
  podFile: string
  configText?: string
  configFile?: string
  seed: number
}

export type ExplainResult =
  | { kind: 'cycle'; record: CycleRecord }
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
  if (record) return { kind: 'cycle', record }
  const k = sim.kubectlResults[0]
  if (k && k.exitCode !== 0) return { kind: 'refused', exitCode: 1, message: k.stderr.trimEnd() }
  const pod = sim.sessionPods()[0]
  if (pod?.spec?.nodeName) return { kind: 'refused', exitCode: 1, message: `podbirth: pod ${pod.metadata?.namespace}/${pod.metadata?.name} sets spec.nodeName (${pod.spec.nodeName}), so kube-scheduler never sees it: the kubelet on that node admits it directly.` }
  if (pod?.spec?.schedulingGates?.length) return { kind: 'refused', exitCode: 1, message: `podbirth: pod ${pod.metadata?.namespace}/${pod.metadata?.name} is waiting for scheduling gates: [${pod.spec.schedulingGates.map((g) => g.name).join(' ')}]; no scheduling cycle runs until they are removed.` }
  if (pod && pod.spec?.schedulerName && pod.spec.schedulerName !== 'default-scheduler' && !sim.scheduler.core?.frameworks.has(pod.spec.schedulerName)) return { kind: 'refused', exitCode: 1, message: `podbirth: pod asks for schedulerName "${pod.spec.schedulerName}", which no profile of this kube-scheduler serves, so it stays Pending.` }
  return { kind: 'refused', exitCode: 1, message: 'podbirth: no scheduling cycle ran for the pod (is it a Pod?)' }
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

/** toText renders the record for a terminal. */
export function toText(r: CycleRecord, seed: number): string {
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
  out.push('', `Why: ${why(r, seed)}`)
  return out.join('\n') + '\n'
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** why says in plain words which plugin decided what. */
export function why(r: CycleRecord, seed: number): string {
  const parts: string[] = []
  const rejections = Object.entries(r.rejectedBy).sort((a, b) => b[1].nodes - a[1].nodes || (a[0] < b[0] ? -1 : 1))
  for (const [plugin, x] of rejections) {
    const reasons = Object.entries(x.reasons).map(([reason, n]) => (n === x.nodes ? `"${reason}"` : `"${reason}" on ${n}`)).join(', ')
    parts.push(`${plugin === 'PreFilter' ? 'a PreFilter plugin' : plugin} rejected ${plural(x.nodes, 'node', 'nodes')} (${reasons})`)
  }
  let s = parts.length ? parts.join('; ') + '. ' : ''
  if (!r.selectedNode) {
    const pf = r.postFilter.find((p) => p.plugin === 'DefaultPreemption')
    if (pf?.nominatedNodeName) s += `No node fits now, but preempting lower-priority pods on ${pf.nominatedNodeName} makes room: the pod is nominated there and waits for the victims to go.`
    else if (pf?.message?.includes('Preemption is not helpful')) s += 'Preemption cannot help: every rejection is UnschedulableAndUnresolvable (evicting pods would not change it) or comes before Filter.'
    else if (pf?.message?.includes('No preemption victims')) s += 'Preemption could help in principle, but no pod on those nodes has a lower priority than this one.'
    else if (pf?.message) s += `Preemption: ${pf.message.replace(/^preemption: /, '')}`
    return s.trim()
  }
  if (r.scoringNote) return `${s}${r.selectedNode} is the only feasible node, so it is chosen without scoring.`.trim()
  const ranked = Object.keys(r.totalScore).sort((a, b) => r.totalScore[b] - r.totalScore[a] || (a < b ? -1 : 1))
  const best = r.selectedNode
  const runnerUp = ranked.find((n) => n !== best)
  s += `${best} has the highest total score (${r.totalScore[best]}).`
  if (r.tiedNodes > 1) s += ` ${r.tiedNodes} nodes share that total; the tie is broken at random by the seeded generator (seed ${seed}), so another seed may pick another of them.`
  else if (runnerUp !== undefined) {
    const diffs = r.scorePlugins.map((p) => [p.plugin, r.finalScore[best][p.plugin] - r.finalScore[runnerUp][p.plugin]] as const).filter(([, d]) => d !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    if (diffs.length) s += ` Against ${runnerUp} (${r.totalScore[runnerUp]}) the difference comes from ${diffs.map(([p, d]) => `${p} ${d > 0 ? '+' : ''}${d}`).join(', ')}.`
  }
  return s.trim()
}
