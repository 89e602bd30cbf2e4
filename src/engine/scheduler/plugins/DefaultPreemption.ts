/**
 * DefaultPreemption: when no node fits, find nodes where removing lower-priority pods would make room, pick one,
 * nominate it (status.nominatedNodeName) and have the victims deleted gracefully.
 * Mirrors: plugins/defaultpreemption/default_preemption.go and framework/preemption/preemption.go
 * (PodEligibleToPreemptOthers, findCandidates with a random offset and max(10%, 100) candidates, DryRunPreemption,
 * SelectVictimsOnNode with reprieves from the most important pod down, pickOneNodeForPreemption).
 * Simplified: there are no PodDisruptionBudgets in the simulation, so no victim ever violates one.
 */
import type { Handle, NodeToStatus, PostFilterPlugin, PostFilterResult } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, Status, isSuccess, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'
import { fitErrorMessage, newDiagnosis } from '../framework/fitError.ts'

export const NAME = 'DefaultPreemption'
export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod'

export interface DefaultPreemptionArgs {
  minCandidateNodesPercentage?: number
  minCandidateNodesAbsolute?: number
}

export interface Candidate {
  node: string
  victims: PodInfo[]
  numPDBViolations: number
}

/** MoreImportantPod: higher priority first, then the one that started earlier. */
export function moreImportant(a: PodInfo, b: PodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority
  return a.startTime < b.startTime
}

const MAX_INT32 = 2147483647

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = NAME
  private readonly handle: Handle
  readonly minCandidateNodesPercentage: number
  readonly minCandidateNodesAbsolute: number

  constructor(args: DefaultPreemptionArgs | undefined, handle: Handle) {
    this.handle = handle
    this.minCandidateNodesPercentage = args?.minCandidateNodesPercentage ?? 10
    this.minCandidateNodesAbsolute = args?.minCandidateNodesAbsolute ?? 100
  }

  postFilter(state: CycleState, pod: PodInfo, m: NodeToStatus): { result: PostFilterResult | null; status: MaybeStatus } {
    const { result, status } = this.preempt(state, pod, m)
    const msg = status ? status.message() : ''
    if (msg.length > 0) return { result, status: newStatus(status ? status.code : Code.Success, 'preemption: ' + msg) }
    return { result, status }
  }

  calculateNumCandidates(numNodes: number): number {
    let n = Math.trunc((numNodes * this.minCandidateNodesPercentage) / 100)
    if (n < this.minCandidateNodesAbsolute) n = this.minCandidateNodesAbsolute
    if (n > numNodes) n = numNodes
    return n
  }

  /** podEligibleToPreemptOthers: [eligible, reason]. */
  podEligibleToPreemptOthers(pod: PodInfo, nominatedNodeStatus: Status | undefined): [boolean, string] {
    if (pod.pod.spec?.preemptionPolicy === 'Never') return [false, 'not eligible due to preemptionPolicy=Never.']
    const nominated = pod.pod.status?.nominatedNodeName
    if (nominated) {
      // The nominated node can no longer take the pod at all: preempting again elsewhere is allowed.
      if (nominatedNodeStatus?.code === Code.UnschedulableAndUnresolvable) return [true, '']
      const ni = this.handle.nodeInfo(nominated)
      if (ni) {
        for (const p of ni.pods) {
          if (p.priority < pod.priority && isTerminatingByPreemption(p)) return [false, 'not eligible due to a terminating pod on the nominated node.']
        }
      }
    }
    return [true, '']
  }

  preempt(state: CycleState, pod: PodInfo, m: NodeToStatus): { result: PostFilterResult | null; status: MaybeStatus } {
    const nominated = pod.pod.status?.nominatedNodeName
    const [ok, msg] = this.podEligibleToPreemptOthers(pod, nominated ? m.statuses.get(nominated) : undefined)
    if (!ok) return { result: null, status: newStatus(Code.Unschedulable, msg) }

    const allNodes = this.handle.nodeInfos()
    if (allNodes.length === 0) return { result: null, status: newStatus(Code.Error, 'no nodes available') }
    // Only nodes whose filter said Unschedulable (not UnschedulableAndUnresolvable) can be helped by preemption.
    const potential = allNodes.filter((n) => {
      const s = m.statuses.get(n.name) ?? m.absentStatus
      return s !== null && s !== undefined && s.code === Code.Unschedulable
    })
    const nodeStatuses = new Map<string, Status>()
    const candidates: Candidate[] = []
    if (potential.length > 0) {
      const offset = this.handle.rng.int(potential.length)
      const numCandidates = this.calculateNumCandidates(potential.length)
      for (let i = 0; i < potential.length; i++) {
        const node = potential[(offset + i) % potential.length]
        const st = state.clone()
        st.recorder = null
        const copy = node.clone()
        const { victims, status } = this.selectVictimsOnNode(st, pod, copy)
        if (isSuccess(status) && victims.length > 0) {
          candidates.push({ node: node.name, victims, numPDBViolations: 0 })
          if (candidates.length >= numCandidates) break
        } else if (!isSuccess(status)) {
          nodeStatuses.set(node.name, status as Status)
        }
      }
    }
    if (candidates.length === 0) {
      const d = newDiagnosis()
      d.nodeToStatus = { statuses: nodeStatuses, absentStatus: newStatus(Code.UnschedulableAndUnresolvable, MSG_NOT_HELPFUL) }
      // An empty nomination clears a previous status.nominatedNodeName.
      return { result: { nominatedNodeName: '' }, status: newStatus(Code.Unschedulable, fitErrorMessage(allNodes.length, d)) }
    }
    const best = pickOneNodeForPreemption(candidates)
    this.handle.actions.preempt(pod, best.node, best.victims)
    return { result: { nominatedNodeName: best.node, victims: best.victims }, status: null }
  }

  /** selectVictimsOnNode removes every lower-priority pod, checks the pod fits, then reprieves as many as possible. */
  selectVictimsOnNode(state: CycleState, pod: PodInfo, node: NodeInfo): { victims: PodInfo[]; status: MaybeStatus } {
    const remove = (p: PodInfo) => {
      node.removePod(p.key)
      this.handle.runPreFilterExtensionRemovePod(state, pod, p, node)
    }
    const add = (p: PodInfo) => {
      node.addPod(p)
      this.handle.runPreFilterExtensionAddPod(state, pod, p, node)
    }
    const potential = node.pods.filter((p) => p.priority < pod.priority)
    for (const p of potential) remove(p)
    if (potential.length === 0) return { victims: [], status: newStatus(Code.UnschedulableAndUnresolvable, MSG_NO_VICTIMS) }
    const s = this.handle.runFilterPluginsWithNominatedPods(state, pod, node)
    if (!isSuccess(s)) return { victims: [], status: s }
    potential.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0))
    const victims: PodInfo[] = []
    for (const p of potential) {
      add(p)
      if (!isSuccess(this.handle.runFilterPluginsWithNominatedPods(state, pod, node))) {
        remove(p)
        victims.push(p)
      }
    }
    return { victims, status: null }
  }
}

function isTerminatingByPreemption(p: PodInfo): boolean {
  if (!p.pod.metadata?.deletionTimestamp) return false
  return (p.pod.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler')
}

/** earliestStartTime among the highest-priority victims (util.GetEarliestPodStartTime). */
function earliestStartTime(victims: PodInfo[]): string {
  let earliest = victims[0].startTime
  let maxP = victims[0].priority
  for (const v of victims) {
    if (v.priority === maxP) { if (v.startTime < earliest) earliest = v.startTime } else if (v.priority > maxP) { maxP = v.priority; earliest = v.startTime }
  }
  return earliest
}

/**
 * pickOneNodeForPreemption: fewest PDB violations, then the lowest highest-priority victim, the lowest sum of
 * priorities, the fewest victims, the latest start among the most important victims; then the first remaining.
 */
export function pickOneNodeForPreemption(candidates: Candidate[]): Candidate {
  let rest = candidates
  const keepMin = (score: (c: Candidate) => number) => {
    let best = Infinity
    for (const c of rest) best = Math.min(best, score(c))
    rest = rest.filter((c) => score(c) === best)
  }
  keepMin((c) => c.numPDBViolations)
  if (rest.length > 1) keepMin((c) => c.victims[0].priority)
  if (rest.length > 1) keepMin((c) => c.victims.reduce((s, v) => s + v.priority + MAX_INT32 + 1, 0))
  if (rest.length > 1) keepMin((c) => c.victims.length)
  if (rest.length > 1) {
    let latest = ''
    for (const c of rest) { const t = earliestStartTime(c.victims); if (t > latest) latest = t }
    rest = rest.filter((c) => earliestStartTime(c.victims) === latest)
  }
  return rest[0]
}
