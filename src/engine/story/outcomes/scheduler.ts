/** The scheduler's outcome: FailedScheduling, its FitError's reasons in plain words, and what would let the pod fit. */
import type { Outcome } from './types.ts'
import { list, podName } from './text.ts'

/** Plain words for the FitError's reasons (the "N node(s) ..." parts). */
function fitReasonFix(reason: string): string {
  const insufficient = /Insufficient (\S+)/.exec(reason)
  if (insufficient) return `ask for less ${insufficient[1]} (the pod's requests), or free or add ${insufficient[1]} on a node`
  if (/untolerated taint/.test(reason)) return 'tolerate the taint (spec.tolerations), or remove it from the node'
  if (/didn't match Pod's node affinity\/selector/.test(reason)) return 'relax the pod\'s nodeSelector or node affinity, or label a node to match'
  if (/were unschedulable/.test(reason)) return 'uncordon the node (spec.unschedulable: false)'
  if (/Too many pods/.test(reason)) return 'free a pod slot on a node, or raise its pods capacity'
  if (/didn't have free ports/.test(reason)) return 'choose another hostPort, or free the port'
  if (/anti-affinity/.test(reason)) return 'relax the pod anti-affinity, or make room on a node no matching pod runs on'
  if (/pod affinity/.test(reason)) return 'relax the pod affinity, or run a matching pod first'
  if (/topology spread/.test(reason)) return 'relax the topology spread constraint (maxSkew, whenUnsatisfiable), or add nodes in the short domains'
  if (/didn't match the requested node name/.test(reason)) return 'drop spec.nodeName, or name an existing node'
  if (/persistentvolumeclaim/.test(reason)) return 'create the PersistentVolumeClaim, or drop the volume'
  return reason
}

/** unschedulable: one failed scheduling attempt (scheduler:Unschedulable), from its FailedScheduling message. */
export function unschedulable(i: number, pod: string, message: string, attempt: number): Outcome {
  const body = /^\d+\/\d+ nodes are available: (.*?)(?:\. (?:no new claims to deallocate, )?preemption: (.*))?$/s.exec(message)
  const parts = body ? body[1].replace(/\.$/, '').split(/, (?=\d+ )/) : []
  const reasons = parts.map((p) => /^(\d+) (.*)$/.exec(p)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ n: Number(m[1]), reason: m[2] }))
  const total = /^0\/(\d+) nodes/.exec(message)?.[1]
  const preemption = body?.[2]
  return {
    kind: 'unschedulable', pod, step: i, at: i, title: 'FailedScheduling', message,
    cause: `kube-scheduler tried every node${total ? ` (${total})` : ''} for ${podName(pod)}${attempt > 1 ? ` (attempt ${attempt})` : ''} and none passed its filters: ${reasons.length ? list(reasons.map((r) => `${r.n} ${r.reason}`)) : 'see the filter results'}.${preemption ? ' Preemption could not help: evicting lower-priority pods would not make room.' : ''} The pod waits, Pending, until a change in the cluster could let it fit.`,
    // A node is reported under the first filter it failed, so each fix is for the nodes it counts, and one alone
    // may not be enough (a tainted node may also lack cpu): the app's verified suggestions say which edits work.
    fix: reasons.length ? `${[...reasons].sort((a, b) => b.n - a.n).map((r) => `${r.n === 1 ? '1 node' : `${r.n} nodes`}: ${fitReasonFix(r.reason)}`).join('; ')}. Each applies to the nodes it counts; a node may fail other filters too.` : 'See the filter results per node.',
  }
}
