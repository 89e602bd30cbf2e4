/**
 * Waits painted as thin translucent bars in their lanes (through compressed idle time too), each with its label when
 * it fits. Only the waits in view are visited: they are sorted by start, and a running maximum of their ends finds
 * the first one that can still be in view with a binary search.
 */
import type * as d3 from 'd3'
import { LANES } from '../../engine/events.ts'
import type { Lane } from '../../engine/events.ts'
import type { Wait } from '../../engine/story/index.ts'
import { partitionPoint } from '../search.ts'
import { laneIndexY } from './metrics.ts'
import type { Metrics, Palette } from './metrics.ts'
import { GAP_PX } from './scale.ts'
import type { View } from './scale.ts'
import { textWidth } from './text.ts'

/** The waits of a trace placed on the axis at zoom 1, once per trace. */
export interface WaitGeometry {
  waits: readonly Wait[]
  x1: Float64Array
  x2: Float64Array
  /** maxTo[k] = the latest end among waits[0..k] (non-decreasing). */
  maxTo: Float64Array
  lane: Uint8Array
}

export function waitGeometry(waits: readonly Wait[], scale: d3.ScaleLinear<number, number>,
  lanes: readonly Lane[] = LANES): WaitGeometry {
  const n = waits.length
  const g: WaitGeometry = { waits, x1: new Float64Array(n), x2: new Float64Array(n), maxTo: new Float64Array(n), lane: new Uint8Array(n) }
  const dom = scale.domain()
  const end = dom[dom.length - 1]
  let max = Number.NEGATIVE_INFINITY
  for (let k = 0; k < n; k++) {
    const w = waits[k]
    g.x1[k] = scale(Math.min(w.from, end))
    // A wait that outlasts the trace (a back-off still running) runs on into a compressed gap past its end.
    g.x2[k] = w.to > end ? scale(end) + GAP_PX : scale(w.to)
    max = Math.max(max, w.to)
    g.maxTo[k] = max
    g.lane[k] = Math.max(0, lanes.indexOf(w.lane))
  }
  return g
}

/** The range of waits [lo, hi) that can overlap the times [tLo, tHi]. */
export function waitsInView(g: WaitGeometry, tLo: number, tHi: number): [number, number] {
  const lo = partitionPoint(g.waits.length, (k) => g.maxTo[k] < tLo)
  const hi = partitionPoint(g.waits.length, (k) => g.waits[k].from <= tHi)
  return [lo, Math.max(lo, hi)]
}

/** The waits that hold `t` in `lane`, latest first, at most `max` of them (for the lane heads' "waiting:" line). */
export function waitsAt(g: WaitGeometry, laneIndex: number, t: number, max = 3): Wait[] {
  const out: Wait[] = []
  const [lo, hi] = waitsInView(g, t, t)
  for (let k = hi - 1; k >= lo && out.length < max; k--) {
    const w = g.waits[k]
    if (g.lane[k] === laneIndex && w.from <= t && t < w.to) out.push(w)
  }
  return out
}

/** The wait whose bar is under the pointer (canvas coordinates), for the tooltip. */
export function waitUnder(g: WaitGeometry, view: View, m: Metrics, px: number, py: number): Wait | undefined {
  const li = Math.floor((py - m.axisH) / m.laneH)
  const top = laneIndexY(m, li) + m.dotR + 2
  if (li < 0 || li >= m.lanes.length || py < top || py > top + m.barH) return undefined
  for (let k = g.waits.length - 1; k >= 0; k--) {
    if (g.lane[k] !== li) continue
    if (g.x1[k] * view.k + view.x <= px && px <= g.x2[k] * view.k + view.x) return g.waits[k]
  }
  return undefined
}

const labelEnd = new Float64Array(LANES.length)

/** A bar's colour: a back-off amber, a grace period neutral, the rest (calls) blue. */
const kindIndex = (w: Wait) => (w.kind === 'backoff' ? 1 : w.kind === 'grace-period' ? 2 : 0)
let colorsFor: Palette | undefined
let colors: string[] = []
const kindColors = (p: Palette) => {
  if (colorsFor !== p) { colorsFor = p; colors = [p.info, p.warning, p.neutral] }
  return colors
}

/** paintWaits draws the bars (and their labels where they fit) of the waits in view. */
export function paintWaits(ctx: CanvasRenderingContext2D, g: WaitGeometry, view: View, width: number, tLo: number, tHi: number, tNow: number, m: Metrics, p: Palette): void {
  if (g.waits.length === 0) return
  const [lo, hi] = waitsInView(g, tLo, tHi)
  if (hi <= lo) return
  labelEnd.fill(Number.NEGATIVE_INFINITY)
  ctx.font = m.labelFont
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'start'
  const pad = m.presenter ? 6 : 4
  // The bars first, then their labels over them (a label may run on over the next bar). Bars of one colour are one
  // path filled once: overlapping waits (many pods at once) cost one pass of paint, not one per wait.
  const bars: (Path2D | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined]
  const starts: (Path2D | undefined)[] = [undefined, undefined, undefined]
  const startW = m.presenter ? 3 : 2
  for (let k = lo; k < hi; k++) {
    const w = g.waits[k]
    const x1 = g.x1[k] * view.k + view.x
    const x2 = g.x2[k] * view.k + view.x
    if (w.to < tLo || x2 < 0 || x1 > width) continue
    const top = laneIndexY(m, g.lane[k]) + m.dotR + 2
    const left = Math.max(x1, -2)
    const right = Math.min(x2, width + 2)
    const c = kindIndex(w)
    const slot = c * 2 + (w.from <= tNow && tNow < w.to ? 1 : 0)
    const bar = bars[slot] ?? (bars[slot] = new Path2D())
    bar.rect(left, top, Math.max(right - left, 1), m.barH)
    // A solid start, so a bar reads as beginning at its step.
    if (x1 >= -2) (starts[c] ?? (starts[c] = new Path2D())).rect(x1, top, startW, m.barH)
  }
  for (let slot = 0; slot < 6; slot++) {
    const bar = bars[slot]
    if (!bar) continue
    ctx.fillStyle = kindColors(p)[slot >> 1]
    ctx.globalAlpha = slot & 1 ? 0.3 : 0.16
    ctx.fill(bar)
  }
  for (let c = 0; c < 3; c++) {
    const start = starts[c]
    if (!start) continue
    ctx.fillStyle = kindColors(p)[c]
    ctx.globalAlpha = 0.85
    ctx.fill(start)
  }
  for (let k = lo; k < hi; k++) {
    const w = g.waits[k]
    const x1 = g.x1[k] * view.k + view.x
    const x2 = g.x2[k] * view.k + view.x
    if (w.to < tLo || x2 < 0 || x1 > width) continue
    const li = g.lane[k]
    const top = laneIndexY(m, li) + m.dotR + 2
    const right = Math.min(x2, width + 2)
    const now = w.from <= tNow && tNow < w.to
    // Its label, from the bar's start (or the screen's left edge) if it fits inside and after the lane's last one.
    // The wait the playhead is in says what it is even when its bar is short: its label runs on, on a backing.
    let tx = Math.max(x1, 0) + pad
    if (tx < labelEnd[li] + pad) {
      if (!now) continue
      tx = labelEnd[li] + pad
    }
    const tw = textWidth(ctx, m.labelFont, w.label)
    const inside = tx + tw <= right - pad
    if (!inside && !now) continue
    if (!inside) {
      tx = Math.max(labelEnd[li] + pad, Math.min(tx, width - tw - pad))
      ctx.globalAlpha = 0.85
      ctx.fillStyle = p.panel
      ctx.fillRect(tx - 3, top, tw + 6, m.barH)
    }
    ctx.globalAlpha = 1
    ctx.fillStyle = p.fg
    ctx.fillText(w.label, tx, top + m.barH / 2 + 0.5)
    labelEnd[li] = tx + tw
  }
  ctx.globalAlpha = 1
}
