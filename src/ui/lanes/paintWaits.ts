/**
 * Waits painted as thin translucent bars in their lanes (through compressed idle time too), each with its label when
 * it fits. Only the waits in view are visited: they are sorted by start, and a running maximum of their ends finds
 * the first one that can still be in view with a binary search.
 */
import { LANES } from '../../engine/events.ts'
import type { Wait } from '../../engine/story/index.ts'
import { partitionPoint } from '../search.ts'
import { laneIndexY } from './metrics.ts'
import type { Metrics, Palette } from './metrics.ts'
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

export function waitGeometry(waits: readonly Wait[], scale: (t: number) => number): WaitGeometry {
  const n = waits.length
  const g: WaitGeometry = { waits, x1: new Float64Array(n), x2: new Float64Array(n), maxTo: new Float64Array(n), lane: new Uint8Array(n) }
  let max = Number.NEGATIVE_INFINITY
  for (let k = 0; k < n; k++) {
    const w = waits[k]
    g.x1[k] = scale(w.from)
    g.x2[k] = scale(w.to)
    max = Math.max(max, w.to)
    g.maxTo[k] = max
    g.lane[k] = Math.max(0, LANES.indexOf(w.lane))
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

const labelEnd = new Float64Array(LANES.length)

const kindColor = (p: Palette, w: Wait) => (w.kind === 'backoff' ? p.warning : w.kind === 'grace-period' ? p.neutral : p.info)

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
  for (let k = lo; k < hi; k++) {
    const w = g.waits[k]
    if (w.to < tLo) continue
    const x1 = g.x1[k] * view.k + view.x
    const x2 = g.x2[k] * view.k + view.x
    if (x2 < 0 || x1 > width) continue
    const li = g.lane[k]
    const top = laneIndexY(m, li) + m.dotR + 2
    const left = Math.max(x1, -2)
    const right = Math.min(x2, width + 2)
    const now = w.from <= tNow && tNow < w.to
    const color = kindColor(p, w)
    ctx.fillStyle = color
    ctx.globalAlpha = now ? 0.3 : 0.16
    ctx.fillRect(left, top, Math.max(right - left, 1), m.barH)
    // A solid start, so a bar reads as beginning at its step.
    ctx.globalAlpha = 0.85
    if (x1 >= -2) ctx.fillRect(x1, top, m.presenter ? 3 : 2, m.barH)
    // Its label, from the bar's start (or the screen's left edge) if it fits inside and after the lane's last one.
    const tx = Math.max(x1, 0) + pad
    if (tx < labelEnd[li] + pad) continue
    const tw = textWidth(ctx, m.labelFont, w.label)
    if (tx + tw > right - pad) continue
    ctx.globalAlpha = 1
    ctx.fillStyle = p.fg
    ctx.fillText(w.label, tx, top + m.barH / 2 + 0.5)
    labelEnd[li] = tx + tw
  }
  ctx.globalAlpha = 1
}
