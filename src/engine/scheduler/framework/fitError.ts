/**
 * FitError: why a pod fits no node, as the FailedScheduling event and the PodScheduled condition say it.
 * Mirrors: pkg/scheduler/framework/types.go (FitError.Error, NoNodeAvailableMsg) and schedule_one.go
 * (ErrNoNodesAvailable).
 */
import type { NodeToStatus } from './interface.ts'

export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods'

export interface Diagnosis {
  nodeToStatus: NodeToStatus
  /** Plugins that rejected the pod (the queue moves it back only on their events). */
  unschedulablePlugins: Set<string>
  preFilterMsg: string
  postFilterMsg: string
}

export const newDiagnosis = (): Diagnosis => ({ nodeToStatus: { statuses: new Map(), absentStatus: null }, unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' })

/** byteCompare sorts as Go's sort.Strings does (bytewise; our reasons are ASCII). */
const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * reasonHistogram counts every reason of every explicitly listed node (a node with two reasons counts in both),
 * adds the absent-nodes status for the nodes not listed, and returns "COUNT reason" strings sorted as strings
 * ("10 …" sorts before "2 …", upper case before lower case).
 */
export function reasonHistogram(numAllNodes: number, m: NodeToStatus): string[] {
  const reasons = new Map<string, number>()
  for (const s of m.statuses.values()) for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1)
  if (m.statuses.size < numAllNodes && m.absentStatus) {
    for (const r of m.absentStatus.reasons) reasons.set(r, (reasons.get(r) ?? 0) + numAllNodes - m.statuses.size)
  }
  return [...reasons].map(([r, n]) => `${n} ${r}`).sort(byteCompare)
}

/** fitErrorMessage is FitError.Error(): "0/N nodes are available: <PreFilterMsg or histogram>. <PostFilterMsg>". */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`
  if (d.preFilterMsg !== '') {
    msg += ` ${d.preFilterMsg}.`
  } else {
    const sorted = reasonHistogram(numAllNodes, d.nodeToStatus)
    if (sorted.length !== 0) msg += ` ${sorted.join(', ')}.`
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`
  return msg
}

/** NoteLengthLimit: event messages are cut to 1024 bytes (truncateMessage in schedule_one.go). */
export function truncateMessage(message: string): string {
  const max = 1024
  if (message.length <= max) return message
  return message.slice(0, max - 4) + ' ...'
}
