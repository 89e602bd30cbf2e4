/**
 * The lanes' time axis: a polylinear d3 scale from virtual time (µs) to pixels at zoom 1 in which long idle
 * stretches are compressed into marked gaps, every step's place on it computed once per trace, and the ticks in view.
 */
import * as d3 from 'd3'
import { partitionPoint } from '../search.ts'
import type { TraceEvent } from '../../engine/events.ts'

/** Pixels per millisecond of busy time at zoom 1. */
export const PX_PER_MS = 18
/** Idle gaps longer than this (µs) are drawn GAP_PX wide. */
export const GAP_US = 40_000
export const GAP_PX = 34

export interface Item { e: TraceEvent; i: number }
export interface Gap { from: number; to: number; x: number }
/** The view: zoom factor and horizontal offset (pixels) of the axis at zoom 1. */
export interface View { k: number; x: number }

/** The first index whose t is greater than `t` (events are in time order). */
export const upperIndex = (events: TraceEvent[], t: number) => partitionPoint(events.length, (k) => events[k].t <= t)
/** First index in `arr` (sorted by t) whose t ≥ value. */
export const lowerBound = (arr: Item[], value: number) => partitionPoint(arr.length, (k) => arr[k].e.t < value)
/** First index in `arr` (sorted by trace index) whose trace index is greater than `i`. */
export const afterIndex = (arr: Item[], i: number) => partitionPoint(arr.length, (k) => arr[k].i <= i)

/** buildScale is a polylinear d3 scale from virtual time (µs) to pixels at zoom 1, with idle gaps compressed. */
export function buildScale(events: TraceEvent[]): { scale: d3.ScaleLinear<number, number>; gaps: Gap[]; width: number } {
  // A typed array's own numeric sort, not a comparator called ~1.7 million times: 100,000 times of a large trace
  // sorted in ~40 ms that way, each time the trace grows while it streams in.
  let n = 0
  for (const e of events) n += e.arrive === undefined ? 1 : 2
  const times = new Float64Array(n)
  let j = 0
  for (const e of events) {
    times[j++] = e.t
    if (e.arrive !== undefined) times[j++] = e.arrive
  }
  times.sort()
  if (times.length === 0) return { scale: d3.scaleLinear().domain([0, 1]).range([0, 1]), gaps: [], width: 1 }
  const domain = [times[0]]
  const range = [0]
  const gaps: Gap[] = []
  let x = 0
  for (let i = 1; i < times.length; i++) {
    const dt = times[i] - times[i - 1]
    if (dt <= GAP_US) continue
    // Busy stretch up to times[i-1], then a compressed gap to times[i].
    const busyEnd = times[i - 1]
    x += ((busyEnd - domain[domain.length - 1]) / 1000) * PX_PER_MS
    if (busyEnd !== domain[domain.length - 1]) { domain.push(busyEnd); range.push(x) }
    gaps.push({ from: busyEnd, to: times[i], x: x + GAP_PX / 2 })
    x += GAP_PX
    domain.push(times[i])
    range.push(x)
  }
  const last = times[times.length - 1]
  x += ((last - domain[domain.length - 1]) / 1000) * PX_PER_MS
  if (last !== domain[domain.length - 1] || domain.length === 1) { domain.push(last === domain[0] ? last + 1 : last); range.push(Math.max(x, 1)) }
  return { scale: d3.scaleLinear().domain(domain).range(range), gaps, width: Math.max(x, 1) }
}

/**
 * Every step's place on the axis at zoom 1, computed once per trace: painting a frame then costs a multiply and an
 * add per step instead of a call into the polylinear scale (a binary search and an interpolation).
 */
export interface Positions { at: Float64Array; arrive: Float64Array }
export function basePositions(events: TraceEvent[], scale: d3.ScaleLinear<number, number>): Positions {
  const at = new Float64Array(events.length)
  const arrive = new Float64Array(events.length)
  const place = piecewise(scale.domain(), scale.range())
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    at[i] = place(e.t)
    arrive[i] = e.arrive === undefined ? at[i] : place(e.arrive)
  }
  return { at, arrive }
}

/**
 * piecewise maps a value through sorted breakpoints the way the polylinear scale does (the segment by a binary
 * search, the outer segments extended beyond the ends, a + (b − a)·t written as the scale's interpolator writes
 * it), as one closure over two typed arrays: half the time d3's generic scale takes for a 50,000-step trace.
 */
export function piecewise(domain: readonly number[], range: readonly number[]): (x: number) => number {
  const d = Float64Array.from(domain)
  const r = Float64Array.from(range)
  const last = d.length - 1
  return (x) => {
    // The segment: the last breakpoint at or before x among d[0..last-1] (the first one when x is before it all).
    let lo = 1
    let hi = last
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (d[mid] <= x) lo = mid + 1
      else hi = mid
    }
    const i = lo - 1
    const span = d[i + 1] - d[i]
    const t = span ? (x - d[i]) / span : 0.5
    return r[i] * (1 - t) + r[i + 1] * t
  }
}

/**
 * The axis's ticks in view: per busy stretch (between compressed gaps), d3's nice ticks, as many as the stretch's
 * width on screen allows.
 */
export function axisTicks(scale: d3.ScaleLinear<number, number>, gaps: Gap[], view: View, width: number): number[] {
  const at = scale.copy().range(scale.range().map((r) => r * view.k + view.x))
  const dom = scale.domain()
  const bounds = [dom[0], ...gaps.flatMap((gp) => [gp.from, gp.to]), dom[dom.length - 1]]
  const ticks: number[] = []
  for (let i = 0; i + 1 < bounds.length; i += 2) {
    const a = Math.max(bounds[i], at.invert(0))
    const b = Math.min(bounds[i + 1], at.invert(Math.max(width, 1)))
    if (b <= a) continue
    const px = at(b) - at(a)
    if (px < 40) { ticks.push(a); continue }
    ticks.push(...d3.scaleLinear().domain([a, b]).ticks(Math.max(1, Math.floor(px / 90))))
  }
  return ticks
}

/** Decimals for the axis's seconds: enough that neighbouring ticks read differently (3 for ms, up to 6 for µs). */
export function tickDigits(ticks: readonly number[]): number {
  let step = Number.POSITIVE_INFINITY
  for (let k = 1; k < ticks.length; k++) {
    const d = ticks[k] - ticks[k - 1]
    if (d > 0 && d < step) step = d
  }
  if (!Number.isFinite(step)) return 3
  return Math.min(6, Math.max(3, Math.ceil(-Math.log10(step / 1e6) - 1e-9)))
}

/** A gap's mark on screen. */
export const gapX = (gp: Gap, view: View) => gp.x * view.k + view.x

export const fmtDur = (us: number) => (us >= 60_000_000 ? `${(us / 60_000_000).toFixed(1)} min` : us >= 1_000_000 ? `${(us / 1_000_000).toFixed(1)} s` : `${Math.round(us / 1000)} ms`)
