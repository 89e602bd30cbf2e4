/**
 * The map of the cluster: which components run on your machine, on the control plane and on each node, and how they
 * talk (kubectl's HTTPS requests; only the API server reads and writes etcd; the scheduler and the kubelet watch
 * the API server and write through it; the kubelet calls the CRI runtime over gRPC, which execs the CNI plugin).
 * The component whose lane the step at the playhead is on lights up, and so does its arrow's edge. It re-renders
 * only when that step's lane, arrow or node changes, not on every step. React draws the SVG (layout.ts places it).
 */
import { memo, useId } from 'react'
import type { Lane } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { COMPONENTS, EDGES, FRAMES, MAP_H, MAP_W, componentOf, edgeGeometry, findEdge } from './layout.ts'
import type { MapEdge, Place } from './layout.ts'

/** The map following the step at the playhead (four primitive selections: a new step on the same lane is no change). */
export function ClusterMap() {
  const lane = useApp((s) => s.events[s.shown]?.lane)
  const from = useApp((s) => s.events[s.shown]?.from)
  const to = useApp((s) => s.events[s.shown]?.to)
  const node = useApp((s) => s.events[s.shown]?.node)
  return <MapFigure lane={lane} from={from} to={to} node={node} />
}

const DESCRIPTION = [
  'kubectl, on your machine, sends HTTPS requests to kube-apiserver on the control plane.',
  'Only kube-apiserver reads and writes etcd.',
  "kube-scheduler and the kubelet watch kube-apiserver and write through it: the binding, the pod's status.",
  'On each node the kubelet calls the CRI runtime over gRPC, and the runtime execs the CNI plugin.',
].join(' ')

const PLACE_CAPTION: Record<Exclude<Place, 'node'>, string> = { machine: 'your machine', 'control-plane': 'control plane' }

export interface MapFigureProps { lane?: Lane; from?: Lane; to?: Lane; node?: string }

/** The map itself, for given lanes (ClusterMap feeds it from the store). */
export const MapFigure = memo(function MapFigure({ lane, from, to, node }: MapFigureProps) {
  const captionId = useId()
  const lit = findEdge(from, to)
  const now = lane ? componentOf(lane).label : undefined
  return (
    <figure className="cluster-map" aria-labelledby={captionId} data-lit={lane ?? ''} data-edge={lit ? `${lit.from}>${lit.to}` : ''}>
      <svg viewBox={`0 0 ${MAP_W} ${MAP_H}`} role="img" aria-label={DESCRIPTION}>
        {(Object.keys(FRAMES) as Place[]).map((p) => {
          const f = FRAMES[p]
          return (
            <g key={p} className={`map-frame ${p}`}>
              <rect x={f.x} y={f.y} width={f.w} height={f.h} rx={6} />
              <text x={f.x + 5} y={f.y + 11}>{p === 'node' ? (node ? `node ${node}` : 'each node') : PLACE_CAPTION[p]}</text>
            </g>
          )
        })}
        {EDGES.map((e) => <Edge key={`${e.from}>${e.to}`} e={e} lit={e === lit} />)}
        {COMPONENTS.map((c) => (
          <g key={c.lane} className={`map-component${c.lane === lane ? ' lit' : ''}`} data-lane={c.lane}>
            <rect x={c.box.x} y={c.box.y} width={c.box.w} height={c.box.h} rx={4} />
            <text x={c.box.x + c.box.w / 2} y={c.box.y + c.box.h / 2 + 4} textAnchor="middle">{c.label}</text>
          </g>
        ))}
      </svg>
      <figcaption id={captionId}>
        Map of the cluster · <span className="map-now">{now ? `now: ${now}` : 'now: nothing yet (Apply to start)'}</span>
        {lit && <span className="map-edge"> ({componentOf(lit.from).label} → {componentOf(lit.to).label}{lit.label ? `: ${lit.label}` : ''})</span>}
      </figcaption>
    </figure>
  )
})

function Edge({ e, lit }: { e: MapEdge; lit: boolean }) {
  const g = edgeGeometry(componentOf(e.from).box, componentOf(e.to).box)
  return (
    <g className={`map-edge-line ${e.kind}${lit ? ' lit' : ''}`}>
      <line x1={g.start.x} y1={g.start.y} x2={g.end.x} y2={g.end.y} />
      <polygon points={g.head.map((p) => `${p.x},${p.y}`).join(' ')} />
      {e.label && <text x={g.label.x} y={g.label.y} textAnchor={g.label.anchor}>{e.label}</text>}
    </g>
  )
}
