import { describe, expect, it } from 'vitest'
import { COMPONENTS, EDGES, FRAMES, MAP_H, MAP_W, componentOf, edgeGeometry, exitAlong, findEdge } from './layout.ts'
import type { Box } from './layout.ts'

const within = (b: Box, outer: Box) => b.x >= outer.x && b.y >= outer.y && b.x + b.w <= outer.x + outer.w && b.y + b.h <= outer.y + outer.h

describe('the map layout', () => {
  it('has the seven lanes, each inside its place\'s frame, the frames inside the drawing, no two boxes overlapping', () => {
    expect(COMPONENTS.map((c) => c.lane).sort()).toEqual(['CNI', 'CRI', 'etcd', 'kube-apiserver', 'kube-scheduler', 'kubectl', 'kubelet'])
    for (const c of COMPONENTS) expect(within(c.box, FRAMES[c.place])).toBe(true)
    for (const f of Object.values(FRAMES)) expect(within(f, { x: 0, y: 0, w: MAP_W, h: MAP_H })).toBe(true)
    for (const a of COMPONENTS) for (const b of COMPONENTS) {
      if (a === b) continue
      const apart = a.box.x + a.box.w <= b.box.x || b.box.x + b.box.w <= a.box.x || a.box.y + a.box.h <= b.box.y || b.box.y + b.box.h <= a.box.y
      expect(apart).toBe(true)
    }
  })
  it('only the API server talks to etcd; every edge has its way back', () => {
    for (const e of EDGES.filter((x) => x.from === 'etcd' || x.to === 'etcd')) expect([e.from, e.to]).toContain('kube-apiserver')
    for (const e of EDGES) expect(findEdge(e.to, e.from)).toBeDefined()
  })
  it('the scheduler and the kubelet are watched from the API server and write through it', () => {
    expect(findEdge('kube-apiserver', 'kube-scheduler')?.kind).toBe('watch')
    expect(findEdge('kube-apiserver', 'kubelet')?.kind).toBe('watch')
    expect(findEdge('kube-scheduler', 'kube-apiserver')?.label).toBe('binding')
    expect(findEdge('kubelet', 'CRI')?.label).toBe('gRPC')
    expect(findEdge('CRI', 'CNI')?.label).toBe('exec')
  })
  it('findEdge is undefined for no arrow, a self arrow, or a pair that never talks', () => {
    expect(findEdge(undefined, 'etcd')).toBeUndefined()
    expect(findEdge('etcd', 'etcd')).toBeUndefined()
    expect(findEdge('kubectl', 'etcd')).toBeUndefined()
    expect(findEdge('kube-scheduler', 'kubelet')).toBeUndefined()
  })
})

describe('edge geometry', () => {
  it('exitAlong leaves the box on the side it heads for', () => {
    const b = { x: 0, y: 0, w: 100, h: 20 }
    expect(exitAlong(b, { x: 50, y: 10 }, { x: 1, y: 0 })).toEqual({ x: 100, y: 10 })
    expect(exitAlong(b, { x: 50, y: 10 }, { x: 0, y: -1 })).toEqual({ x: 50, y: 0 })
  })
  it('an edge runs from border to border, the two directions side by side, with a head at the end', () => {
    const a = componentOf('kubectl').box
    const b = componentOf('kube-apiserver').box
    const there = edgeGeometry(a, b)
    const back = edgeGeometry(b, a)
    expect(there.start.x).toBeGreaterThan(a.x + a.w)
    expect(there.end.x).toBeLessThan(b.x)
    expect(there.start.y).not.toBe(back.start.y)
    expect(there.head[0]).toEqual(there.end)
    // The label of a horizontal edge is centred above or below it; beside a vertical one, to its side.
    expect(there.label.anchor).toBe('middle')
    expect(edgeGeometry(componentOf('kube-apiserver').box, componentOf('etcd').box).label.anchor).not.toBe('middle')
  })
  it('every edge stays inside the drawing', () => {
    for (const e of EDGES) {
      const g = edgeGeometry(componentOf(e.from).box, componentOf(e.to).box)
      for (const p of [g.start, g.end, ...g.head]) {
        expect(p.x).toBeGreaterThanOrEqual(0)
        expect(p.x).toBeLessThanOrEqual(MAP_W)
        expect(p.y).toBeGreaterThanOrEqual(0)
        expect(p.y).toBeLessThanOrEqual(MAP_H)
      }
    }
  })
})
