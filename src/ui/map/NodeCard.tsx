/**
 * One node in full, under the cluster map: the opened node (a click or Enter on the map), else the playhead's.
 * Its verdict and reason in the selected cycle, cpu, memory and pod slots requested against allocatable (d3
 * scales: what NodeResourcesFit sees), cordon, taints, labels and the pods it runs.
 */
import * as d3 from 'd3'
import { memo } from 'react'
import type { NodeRow } from '../../protocol/messages.ts'
import { describeVerdict } from './verdicts.ts'
import type { Verdict } from './verdicts.ts'

const GiB = 1024 ** 3
/** A node's pods are named up to this many; a busy node says how many more. */
const PODS_NAMED = 6
/** Labels shown (the kubernetes.io/hostname label repeats the name and is left out). */
const LABELS_SHOWN = 6

function Bar({ label, used, total, fmt }: { label: string; used: number; total: number; fmt: (n: number) => string }) {
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(total, 1)])
    .range([0, 100])
    .clamp(true)
  const pct = Math.round(x(used))
  return (
    <div
      className="bar"
      role="meter"
      aria-label={`${label} requested`}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={used}
      aria-valuetext={`${fmt(used)} of ${fmt(total)}`}
    >
      <span className="bar-label">{label}</span>
      <span className="bar-track">
        <span className={`bar-fill${used > total ? ' over' : pct >= 85 ? ' high' : ''}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="bar-value">
        {fmt(used)} / {fmt(total)}
      </span>
    </div>
  )
}

export interface NodeCardProps {
  node: NodeRow
  verdict: Verdict
  /** Why this node is shown: "opened" (asked for) or the playhead's. */
  opened: boolean
  /** The pod whose cycle the verdict is from. */
  cyclePod?: string
  onClose?: () => void
  /** Opens the node in the decision view (absent: no cycle to open). */
  onDecision?: () => void
}

export const NodeCard = memo(function NodeCard({
  node: n,
  verdict,
  opened,
  cyclePod,
  onClose,
  onDecision,
}: NodeCardProps) {
  const labels = Object.entries(n.labels ?? {}).filter(([k]) => k !== 'kubernetes.io/hostname')
  return (
    <div className={`node-card${n.unschedulable ? ' cordoned' : ''}`} role="group" aria-label={`Node ${n.name}`}>
      <div className="node-name">
        {n.name}
        {n.unschedulable ? ' (SchedulingDisabled)' : ''}
        {n.zone ? <span className="muted"> · {n.zone}</span> : null}
        {!opened && <span className="muted"> · the playhead&apos;s node</span>}
        {onDecision && (
          <button type="button" className="node-card-open" onClick={onDecision}>
            Scheduling decision for {n.name}
          </button>
        )}
        {opened && onClose && (
          <button type="button" className="node-card-close" aria-label={`Close ${n.name}`} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      {verdict.kind !== 'noCycle' && (
        <p className={`node-verdict ${verdict.kind}`}>
          {cyclePod ? `${cyclePod}: ` : ''}
          {describeVerdict(verdict)}
        </p>
      )}
      <Bar label="cpu" used={n.cpuRequested} total={n.cpuAllocatable} fmt={(m) => `${m}m`} />
      <Bar
        label="memory"
        used={n.memoryRequested}
        total={n.memoryAllocatable}
        fmt={(b) => `${(b / GiB).toFixed(2)}Gi`}
      />
      <Bar label="pods" used={n.pods.length} total={n.podsAllocatable} fmt={(k) => String(k)} />
      {n.taints.length > 0 && <div className="taints">taints: {n.taints.join(', ')}</div>}
      {labels.length > 0 && (
        <div className="node-labels muted">
          {labels
            .slice(0, LABELS_SHOWN)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}
          {labels.length > LABELS_SHOWN ? ` and ${labels.length - LABELS_SHOWN} more` : ''}
        </div>
      )}
      {n.pods.length > 0 && (
        <div className="node-pods">
          {n.pods.slice(0, PODS_NAMED).join(', ')}
          {n.pods.length > PODS_NAMED ? ` and ${n.pods.length - PODS_NAMED} more` : ''}
        </div>
      )}
    </div>
  )
})
