/**
 * The cluster map's layout: where each component sits in a 320×220 drawing, which components talk to which (a
 * directed edge per direction, so the arrow of a step lights the right one), and the geometry of an edge between two
 * boxes. Pure data and arithmetic: ClusterMap draws it, layout.test.ts checks it.
 */
import type { Lane } from '../../engine/events.ts'

export const MAP_W = 320
export const MAP_H = 220

export interface Box { x: number; y: number; w: number; h: number }

/** What runs where: your machine, the control plane, each node (the frames the components are drawn in). */
export type Place = 'machine' | 'control-plane' | 'node'

export interface MapComponent { lane: Lane; label: string; place: Place; box: Box }

const BOX_H = 24
export const COMPONENTS: readonly MapComponent[] = [
  { lane: 'kubectl', label: 'kubectl', place: 'machine', box: { x: 6, y: 98, w: 52, h: BOX_H } },
  { lane: 'etcd', label: 'etcd', place: 'control-plane', box: { x: 92, y: 36, w: 92, h: BOX_H } },
  { lane: 'kube-apiserver', label: 'kube-apiserver', place: 'control-plane', box: { x: 92, y: 98, w: 92, h: BOX_H } },
  { lane: 'kube-scheduler', label: 'kube-scheduler', place: 'control-plane', box: { x: 92, y: 174, w: 92, h: BOX_H } },
  { lane: 'kubelet', label: 'kubelet', place: 'node', box: { x: 222, y: 98, w: 88, h: BOX_H } },
  { lane: 'CRI', label: 'CRI runtime', place: 'node', box: { x: 222, y: 144, w: 88, h: BOX_H } },
  { lane: 'CNI', label: 'CNI plugin', place: 'node', box: { x: 222, y: 186, w: 88, h: BOX_H } },
]

/** The frames around the components of each place, with their captions. */
export const FRAMES: Readonly<Record<Place, Box>> = {
  machine: { x: 2, y: 78, w: 60, h: 52 },
  'control-plane': { x: 82, y: 16, w: 112, h: 198 },
  node: { x: 212, y: 78, w: 104, h: 136 },
}

/** How a connection is used: a request, a watch (the server pushes changes to a client that asked), a call. */
export type EdgeKind = 'request' | 'response' | 'watch' | 'call'

export interface MapEdge { from: Lane; to: Lane; label: string; kind: EdgeKind }

/**
 * Who talks to whom, one edge per direction. Only the API server talks to etcd; the scheduler and the kubelet watch
 * the API server (its notifications come back to them) and write through it (the binding, the pod's status).
 */
export const EDGES: readonly MapEdge[] = [
  { from: 'kubectl', to: 'kube-apiserver', label: 'HTTPS', kind: 'request' },
  { from: 'kube-apiserver', to: 'kubectl', label: '', kind: 'response' },
  { from: 'kube-apiserver', to: 'etcd', label: 'read/write', kind: 'request' },
  { from: 'etcd', to: 'kube-apiserver', label: '', kind: 'response' },
  { from: 'kube-scheduler', to: 'kube-apiserver', label: 'binding', kind: 'request' },
  { from: 'kube-apiserver', to: 'kube-scheduler', label: 'watch', kind: 'watch' },
  { from: 'kubelet', to: 'kube-apiserver', label: 'status', kind: 'request' },
  { from: 'kube-apiserver', to: 'kubelet', label: 'watch', kind: 'watch' },
  { from: 'kubelet', to: 'CRI', label: 'gRPC', kind: 'call' },
  { from: 'CRI', to: 'kubelet', label: '', kind: 'response' },
  { from: 'CRI', to: 'CNI', label: 'exec', kind: 'call' },
  { from: 'CNI', to: 'CRI', label: '', kind: 'response' },
]

export function componentOf(lane: Lane): MapComponent {
  const c = COMPONENTS.find((x) => x.lane === lane)
  if (!c) throw new Error(`no map component for lane ${lane}`)
  return c
}

/** findEdge is the edge a step's arrow travels (undefined when the step is no arrow or the map has no such edge). */
export function findEdge(from: Lane | undefined, to: Lane | undefined): MapEdge | undefined {
  if (!from || !to || from === to) return undefined
  return EDGES.find((e) => e.from === from && e.to === to)
}

export interface Point { x: number; y: number }
/** Where an edge's label goes: beside the middle of the line, on the edge's own side, anchored away from it. */
export interface EdgeLabel { x: number; y: number; anchor: 'start' | 'middle' | 'end' }
export interface EdgeGeometry { start: Point; end: Point; head: [Point, Point, Point]; label: EdgeLabel }

/**
 * exitAlong is where the ray from `origin` (inside the box) in the unit direction `u` leaves the box: the nearest
 * of the sides it crosses.
 */
export function exitAlong(b: Box, origin: Point, u: Point): Point {
  const tx = u.x > 0 ? (b.x + b.w - origin.x) / u.x : u.x < 0 ? (b.x - origin.x) / u.x : Infinity
  const ty = u.y > 0 ? (b.y + b.h - origin.y) / u.y : u.y < 0 ? (b.y - origin.y) / u.y : Infinity
  const t = Math.max(0, Math.min(tx, ty))
  return { x: origin.x + u.x * t, y: origin.y + u.y * t }
}

const GAP = 3
const HEAD = 6
/** The two directions of a connection are drawn side by side, this far from the line between the centres. */
export const LANE_OFFSET = 4

/**
 * edgeGeometry draws the edge from box `a` to box `b`: a straight line between their borders, shifted to its own
 * side (to the right of its direction) so the way back is a line of its own, with an arrowhead at `b`.
 */
export function edgeGeometry(a: Box, b: Box, offset = LANE_OFFSET): EdgeGeometry {
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 }
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 }
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1
  const u = { x: (cb.x - ca.x) / len, y: (cb.y - ca.y) / len }
  // The right-hand normal of the direction (in SVG's y-down coordinates).
  const n = { x: -u.y * offset, y: u.x * offset }
  const s0 = exitAlong(a, { x: ca.x + n.x, y: ca.y + n.y }, u)
  const e0 = exitAlong(b, { x: cb.x + n.x, y: cb.y + n.y }, { x: -u.x, y: -u.y })
  const start = { x: s0.x + u.x * GAP, y: s0.y + u.y * GAP }
  const end = { x: e0.x - u.x * GAP, y: e0.y - u.y * GAP }
  const back = { x: end.x - u.x * HEAD, y: end.y - u.y * HEAD }
  const half = HEAD / 2
  const head: [Point, Point, Point] = [end, { x: back.x - u.y * half, y: back.y + u.x * half }, { x: back.x + u.y * half, y: back.y - u.x * half }]
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
  // Beside a mostly vertical line the label starts (or ends) at the side; above or below a horizontal one it is
  // centred, its baseline below the line when it hangs under it.
  const label: EdgeLabel = Math.abs(n.x) > Math.abs(n.y)
    ? { x: mid.x + Math.sign(n.x) * 4, y: mid.y + 3, anchor: n.x > 0 ? 'start' : 'end' }
    : { x: mid.x, y: n.y > 0 ? mid.y + 11 : mid.y - 4, anchor: 'middle' }
  return { start, end, head, label }
}
