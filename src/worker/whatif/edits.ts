/**
 * The edits a what-if suggestion makes, each a function from the text it edits (the manifest or the cluster file) to
 * the new text (undefined when the object is not there or the text does not parse). Edits go through the `yaml`
 * document model so comments and layout elsewhere survive. Field names are the Kubernetes API's (core/v1 PodSpec,
 * Node), so the edited text is what a user would write by hand.
 */
import { Document, parseAllDocuments } from 'yaml'
import type { KObject, Node, Pod, Taint } from '../../engine/api/types.ts'

export type Edit = (text: string) => string | undefined
type Path = (string | number)[]

const YAML_OUT = { indentSeq: false, lineWidth: 0 } as const

/** editObject applies `fn` to the first object `match` accepts (kind: List items too). */
export function editObject(
  text: string,
  match: (v: KObject) => Path | undefined,
  fn: (doc: Document, at: Path) => void,
): string | undefined {
  const docs = parseAllDocuments(text)
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined
  for (const doc of docs) {
    const v = doc.toJS() as KObject | null
    if (!v || typeof v !== 'object') continue
    const items = v.kind === 'List' && Array.isArray(v.items) ? (v.items as KObject[]) : undefined
    const candidates: [KObject, Path][] = items ? items.map((x, k) => [x, ['items', k]]) : [[v, []]]
    for (const [obj, base] of candidates) {
      const sub = obj && typeof obj === 'object' ? match(obj) : undefined
      if (!sub) continue
      fn(doc, [...base, ...sub])
      return docs.map((d) => d.toString(YAML_OUT)).join('')
    }
  }
  return undefined
}

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'])

/**
 * podSpecIn finds where `pod`'s spec is written: the Pod itself, or the template of the workload whose name its own
 * name extends (a ReplicaSet's pods are named `<rs>-<suffix>`, a Deployment's `<deployment>-<hash>-<suffix>`).
 */
export function podSpecIn(pod: Pod): (v: KObject) => Path | undefined {
  const name = pod.metadata?.name ?? ''
  const namespace = pod.metadata?.namespace ?? 'default'
  return (v) => {
    const name2 = v.metadata?.name
    if (!name2 || (v.metadata?.namespace ?? 'default') !== namespace) return undefined
    if (v.kind === 'Pod') return name2 === name ? ['spec'] : undefined
    if (typeof v.kind === 'string' && WORKLOADS.has(v.kind) && name.startsWith(`${name2}-`))
      return ['spec', 'template', 'spec']
    return undefined
  }
}

export const nodeNamed =
  (name: string) =>
  (v: KObject): Path | undefined =>
    v.kind === 'Node' && v.metadata?.name === name ? [] : undefined

const seqLength = (doc: Document, path: Path) =>
  (doc.getIn(path) as { items?: unknown[] } | undefined)?.items?.length ?? 0

/** tolerate adds a toleration of `taint` to the pod (Exists when the taint has no value, as kubeadm's docs do). */
export function tolerate(pod: Pod, taint: Taint): Edit {
  const toleration = {
    key: taint.key,
    operator: taint.value ? 'Equal' : 'Exists',
    ...(taint.value ? { value: taint.value } : {}),
    effect: taint.effect,
  }
  return (text) =>
    editObject(text, podSpecIn(pod), (doc, at) => {
      doc.setIn([...at, 'tolerations', seqLength(doc, [...at, 'tolerations'])], doc.createNode(toleration))
    })
}

/** setRequests sets the first container's cpu and/or memory request (quantities as text). */
export function setRequests(pod: Pod, req: { cpu?: string; memory?: string }): Edit {
  return (text) =>
    editObject(text, podSpecIn(pod), (doc, at) => {
      const path = [...at, 'containers', 0, 'resources', 'requests']
      if (req.cpu !== undefined) doc.setIn([...path, 'cpu'], req.cpu)
      if (req.memory !== undefined) doc.setIn([...path, 'memory'], req.memory)
    })
}

export function dropNodeSelector(pod: Pod): Edit {
  return (text) =>
    editObject(text, podSpecIn(pod), (doc, at) => {
      doc.deleteIn([...at, 'nodeSelector'])
    })
}

/**
 * requiredToPreferred moves required node affinity, pod affinity or pod anti-affinity terms to the preferred list
 * (weight 100: the strongest preference), so the scheduler scores them instead of filtering on them.
 */
export function requiredToPreferred(pod: Pod, kind: 'nodeAffinity' | 'podAffinity' | 'podAntiAffinity'): Edit {
  return (text) =>
    editObject(text, podSpecIn(pod), (doc, at) => {
      const base = [...at, 'affinity', kind]
      const required = [...base, 'requiredDuringSchedulingIgnoredDuringExecution']
      const preferred = [...base, 'preferredDuringSchedulingIgnoredDuringExecution']
      const js = doc.getIn(required) as { toJSON(): unknown } | undefined
      const value = js?.toJSON()
      let n = seqLength(doc, preferred)
      if (kind === 'nodeAffinity') {
        const terms = (value as { nodeSelectorTerms?: unknown[] } | undefined)?.nodeSelectorTerms ?? []
        for (const t of terms) doc.setIn([...preferred, n++], doc.createNode({ weight: 100, preference: t }))
      } else {
        for (const t of Array.isArray(value) ? value : [])
          doc.setIn([...preferred, n++], doc.createNode({ weight: 100, podAffinityTerm: t }))
      }
      doc.deleteIn(required)
    })
}

/** setSpread changes topologySpreadConstraints[index]: a larger maxSkew, or whenUnsatisfiable: ScheduleAnyway. */
export function setSpread(
  pod: Pod,
  index: number,
  change: { maxSkew: number } | { whenUnsatisfiable: 'ScheduleAnyway' },
): Edit {
  return (text) =>
    editObject(text, podSpecIn(pod), (doc, at) => {
      const path = [...at, 'topologySpreadConstraints', index]
      if ('maxSkew' in change) doc.setIn([...path, 'maxSkew'], change.maxSkew)
      else doc.setIn([...path, 'whenUnsatisfiable'], change.whenUnsatisfiable)
    })
}

/** uncordon is `kubectl uncordon`: spec.unschedulable removed. */
export function uncordon(node: string): Edit {
  return (text) =>
    editObject(text, nodeNamed(node), (doc, at) => {
      doc.deleteIn([...at, 'spec', 'unschedulable'])
    })
}

/** removeTaint is `kubectl taint node NODE KEY:EFFECT-`. */
export function removeTaint(node: Node, taint: Taint): Edit {
  const keep = (node.spec?.taints ?? []).filter((t) => !(t.key === taint.key && t.effect === taint.effect))
  return (text) =>
    editObject(text, nodeNamed(node.metadata?.name ?? ''), (doc, at) => {
      if (keep.length) doc.setIn([...at, 'spec', 'taints'], doc.createNode(keep))
      else doc.deleteIn([...at, 'spec', 'taints'])
    })
}

/** labelNode is `kubectl label node NODE k=v …`. */
export function labelNode(node: string, labels: Record<string, string>): Edit {
  return (text) =>
    editObject(text, nodeNamed(node), (doc, at) => {
      for (const [k, v] of Object.entries(labels)) doc.setIn([...at, 'metadata', 'labels', k], v)
    })
}

/**
 * addNode appends a new node shaped like `like` (its labels, its taints, its capacity, raised to `atLeast` where
 * that is more), empty and schedulable. Simplified: the cluster loader fills what a kubelet would report (podCIDR,
 * addresses, conditions), as it does for any node written without them.
 */
export function addNode(like: Node, name: string, atLeast: { cpu?: string; memory?: string } = {}): Edit {
  const capacity: Record<string, string> = {
    ...((like.status?.allocatable ?? like.status?.capacity ?? {}) as Record<string, string>),
  }
  if (atLeast.cpu) capacity.cpu = atLeast.cpu
  if (atLeast.memory) capacity.memory = atLeast.memory
  const labels = { ...like.metadata?.labels, 'kubernetes.io/hostname': name }
  const taints = like.spec?.taints ?? []
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    ...(taints.length ? { spec: { taints } } : {}),
    status: { capacity, allocatable: capacity },
  }
  return (text) => {
    const docs = parseAllDocuments(text)
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined
    return `${text.replace(/\n*$/, '\n')}---\n${new Document(node).toString(YAML_OUT)}`
  }
}

/** freshName is a node name not in `taken`: `worker-2` → `worker-3`, `gpu` → `gpu-2`. */
export function freshName(base: string, taken: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(base)
  const stem = m ? m[1] : `${base}-`
  let k = m ? Number(m[2]) + 1 : 2
  const width = m ? m[2].length : 1
  while (taken.has(`${stem}${String(k).padStart(width, '0')}`)) k++
  return `${stem}${String(k).padStart(width, '0')}`
}

/**
 * andThen composes two edits of the same text. Not named `then`: a module exporting `then` is a thenable, and
 * awaiting its dynamic import (as vitest does) never settles.
 */
export const andThen =
  (a: Edit, b: Edit): Edit =>
  (text) => {
    const mid = a(text)
    return mid === undefined ? undefined : b(mid)
  }
