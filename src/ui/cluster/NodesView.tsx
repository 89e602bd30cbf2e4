/**
 * The nodes at the playhead: cpu and memory requested against allocatable (d3 scales), pod slots, taints and the
 * pods each node runs. What the scheduler's NodeResourcesFit sees.
 */
import * as d3 from 'd3'
import { memo } from 'react'
import type { NodeRow } from '../../protocol/messages.ts'

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

/** A node's pods are named up to this many; a busy node says how many more. */
const PODS_NAMED = 6
/** Nodes drawn in full; a large cluster is summarised beyond them. */
const NODES_SHOWN = 12

/**
 * The nodes at the playhead. `focus` (the node the selected step ran on or bound to) comes first; a large cluster
 * shows NODES_SHOWN nodes in full and a one-line summary of the rest.
 */
export const NodesView = memo(function NodesView({ nodes, focus }: { nodes: NodeRow[]; focus?: string }) {
  if (nodes.length === 0) return null
  const first = focus ? nodes.filter((n) => n.name === focus) : []
  const shown = [...first, ...nodes.filter((n) => n.name !== focus)].slice(0, NODES_SHOWN)
  const rest = nodes.length - shown.length
  const cpu = nodes.reduce((a, n) => ({ used: a.used + n.cpuRequested, total: a.total + n.cpuAllocatable }), { used: 0, total: 0 })
  const withPods = nodes.filter((n) => n.pods.length > 0).length
  return (
    <section className="nodes" aria-label="Nodes at the playhead">
      <h3>Nodes</h3>
      {rest > 0 && <p className="muted">{`${nodes.length} nodes, ${withPods} running pods; cpu requested ${cpu.total ? Math.round((cpu.used / cpu.total) * 100) : 0}% of allocatable. The ${shown.length} shown first${focus ? ` (${focus}: the selected step's, or its pod's)` : ''}:`}</p>}
      <ul>
        {shown.map((n) => (
          <li key={n.name} className={n.unschedulable ? 'cordoned' : ''}>
            <div className="node-name">{n.name}{n.unschedulable ? ' (SchedulingDisabled)' : ''}{n.taints.length ? <span className="taints"> taints: {n.taints.join(', ')}</span> : null}</div>
            <Bar label="cpu" used={n.cpuRequested} total={n.cpuAllocatable} fmt={(m) => `${m}m`} />
            <Bar label="memory" used={n.memoryRequested} total={n.memoryAllocatable} fmt={(b) => `${(b / GiB).toFixed(2)}Gi`} />
            <Bar label="pods" used={n.pods.length} total={n.podsAllocatable} fmt={(k) => String(k)} />
            {n.pods.length > 0 && <div className="node-pods">{n.pods.slice(0, PODS_NAMED).join(', ')}{n.pods.length > PODS_NAMED ? ` and ${n.pods.length - PODS_NAMED} more` : ''}</div>}
          </li>
        ))}
      </ul>
    </section>
  )
})
