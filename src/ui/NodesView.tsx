/**
 * The nodes at the playhead: cpu and memory requested against allocatable (d3 scales), pod slots, taints and the
 * pods each node runs. What the scheduler's NodeResourcesFit sees.
 */
import * as d3 from 'd3'
import type { NodeRow } from '../protocol/messages.ts'

const GiB = 1024 ** 3

function Bar({ label, used, total, fmt }: { label: string; used: number; total: number; fmt: (n: number) => string }) {
  const x = d3.scaleLinear().domain([0, Math.max(total, 1)]).range([0, 100]).clamp(true)
  const pct = Math.round(x(used))
  return (
    <div className="bar" role="meter" aria-label={`${label} requested`} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used} aria-valuetext={`${fmt(used)} of ${fmt(total)}`}>
      <span className="bar-label">{label}</span>
      <span className="bar-track"><span className={`bar-fill${used > total ? ' over' : pct >= 85 ? ' high' : ''}`} style={{ width: `${pct}%` }} /></span>
      <span className="bar-value">{fmt(used)} / {fmt(total)}</span>
    </div>
  )
}

export function NodesView({ nodes }: { nodes: NodeRow[] }) {
  if (nodes.length === 0) return null
  return (
    <section className="nodes" aria-label="Nodes at the playhead">
      <h3>Nodes</h3>
      <ul>
        {nodes.map((n) => (
          <li key={n.name} className={n.unschedulable ? 'cordoned' : ''}>
            <div className="node-name">{n.name}{n.unschedulable ? ' (SchedulingDisabled)' : ''}{n.taints.length ? <span className="taints"> taints: {n.taints.join(', ')}</span> : null}</div>
            <Bar label="cpu" used={n.cpuRequested} total={n.cpuAllocatable} fmt={(m) => `${m}m`} />
            <Bar label="memory" used={n.memoryRequested} total={n.memoryAllocatable} fmt={(b) => `${(b / GiB).toFixed(2)}Gi`} />
            <Bar label="pods" used={n.pods.length} total={n.podsAllocatable} fmt={(k) => String(k)} />
            {n.pods.length > 0 && <div className="node-pods">{n.pods.join(', ')}</div>}
          </li>
        ))}
      </ul>
    </section>
  )
}
