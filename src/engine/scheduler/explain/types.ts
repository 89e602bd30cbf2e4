/**
 * The data of a scheduling explanation: per node, per plugin, the constraints that decided the verdict.
 * The verdicts come from the CycleRecord (framework/record.ts); the constraints say why, computed as each plugin
 * computes them (plugins/*.ts, pkg/scheduler/framework/plugins/* upstream).
 */
import type { LabelSelector, Node, Pod, Taint, Toleration } from '../../api/types.ts'
import type { CycleRecord } from '../framework/record.ts'
import type { ResolvedProfile } from '../framework/runtime.ts'

export interface ExplainInputs {
  record: CycleRecord
  /** The pod as stored when the cycle ran (after admission: defaults, tolerations, priority). */
  pod: Pod
  /** Every node of the snapshot. */
  nodes: Node[]
  /** Pods on nodes at the cycle (spec.nodeName set, assumed ones included); the pod itself is ignored. */
  pods: Pod[]
  /** The profile that ran the cycle: its plugin args (PodTopologySpread defaults, NodeResourcesFit strategy...). */
  profile?: Pick<ResolvedProfile, 'schedulerName' | 'args'>
  /** Namespace labels, for inter-pod affinity namespaceSelectors. */
  namespaceLabels?: Record<string, Record<string, string>>
  /** helper.DefaultSelector of the pod (its Services, ReplicaSets...): the selector of default spread constraints. */
  defaultSelector?: LabelSelector | null
}

export type LabelSource = 'nodeSelector' | 'requiredAffinity' | 'preferredAffinity'
export type InterPodTerm = 'affinity' | 'antiAffinity' | 'existingAntiAffinity' | 'preferredAffinity' |
  'preferredAntiAffinity'

/** SpreadDomain is one topology value of a spread constraint. */
export interface SpreadDomain {
  value: string
  /** Matching pods in the domain (countPodsMatchSelector over its eligible nodes). */
  pods: number
  /** Counted by the plugin: at least one node of the domain passes the node inclusion policies. */
  eligible: boolean
  nodes: string[]
  whyNot?: string
  /** Cordoned nodes (spec.unschedulable) that still count in this domain. */
  cordoned?: string[]
}

export type ConstraintReason =
  | { kind: 'nodeName'; wanted: string; matches: boolean }
  | { kind: 'unschedulable'; unschedulable: boolean; tolerated: boolean }
  | { kind: 'taint'; taint: Taint; effect: string; tolerated: boolean; toleration: Toleration | null }
  | {
    kind: 'label'; source: LabelSource; key: string; operator: string; values: string[]; nodeValue: string | null
    matches: boolean; weight?: number
    /** The index of the nodeSelectorTerm (terms are ORed); absent for nodeSelector. */
    term?: number
  }
  | {
    kind: 'spread'; topologyKey: string; maxSkew: number; whenUnsatisfiable: string; minDomains: number
    nodeAffinityPolicy: 'Honor' | 'Ignore'; nodeTaintsPolicy: 'Honor' | 'Ignore'; selector: string
    domains: SpreadDomain[]; nodeDomain: string | null; selfMatch: boolean
    /** The global minimum the skew is measured against (0 when fewer domains than minDomains). */
    minMatch: number
    /** Matching pods in the node's domain + selfMatch − minMatch; null when the node lacks the key. */
    skewIfPlaced: number | null
    satisfied: boolean
  }
  | {
    kind: 'interPod'; term: InterPodTerm; topologyKey: string; selector: string; nodeDomain: string | null
    /** namespace/name of the existing pods that match (or conflict) in the node's domain. */
    matchingPods: string[]
    satisfied: boolean; weight?: number
    /** existingAntiAffinity: the pod whose term rejects the incoming pod. */
    owner?: string
    /** affinity: the first pod of a self-affine group is allowed anywhere (no pod matches yet). */
    selfAffine?: boolean
  }
  | {
    kind: 'resource'; resource: string; requested: number; allocated: number; allocatable: number; free: number
    fits: boolean
    /** The request exceeds the node's whole allocatable: evicting pods cannot help. */
    unresolvable: boolean
  }
  | { kind: 'ports'; protocol: string; hostIP: string; hostPort: number; conflict: boolean; usedBy: string[] }

export type ConstraintKind = ConstraintReason['kind']

export interface PluginScore { raw: number; normalized: number; weight: number; final: number }

export interface PluginReason {
  plugin: string
  verdict: 'passed' | 'rejected' | 'notEvaluated'
  /** The plugin's reason as the record holds it (rejections). */
  message?: string
  constraints: ConstraintReason[]
  /** Each constraint as one line (text.ts constraintText, what the CLI prints) and whether it failed. */
  lines: { text: string; failing: boolean }[]
  score?: PluginScore
}

export interface NodeExplanation {
  node: string
  verdict: 'feasible' | 'rejected' | 'notEvaluated' | 'excluded'
  rejectedBy?: string
  plugins: PluginReason[]
  /** One plain-English line. */
  summary: string
}

export interface WinnerMargin {
  winner: string
  runnerUp: string
  by: number
  perPlugin: { plugin: string; delta: number }[]
  text: string
}
