/**
 * The seven swimlanes on one d3 time axis. Every step sits in its lane at its virtual time; requests, responses,
 * watch notifications and CRI/CNI calls are arrows from lane to lane, drawn (motion) as the story reaches them.
 * Long idle stretches (an image pull, a 5-minute requeue) are compressed into a marked break so the busy parts stay
 * readable; the axis can be zoomed (wheel, buttons) and panned (drag).
 *
 * The axis, the steps, the idle-time marks, the playhead and the arrows already passed are painted on one canvas,
 * and only what is in view: a trace of 50,000 steps costs the same per frame as one of 500, and a moving playhead
 * changes no DOM in the lanes. The arrows the story has just reached are SVG paths animated by motion over it. Each lane stays a named region with
 * buttons to its previous and next step; the event log below is the keyboard's list of every step.
 */
import * as d3 from 'd3'
import 'd3-transition'
import { LazyMotion, m, useReducedMotion } from 'motion/react'
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react'
import { LANES } from '../../engine/events.ts'
import { fmtTime } from '../format.ts'
import { partitionPoint } from '../search.ts'
import type { Lane, Outcome, TraceEvent } from '../../engine/events.ts'

/** Pixels per millisecond of busy time at zoom 1. */
const PX_PER_MS = 18
/** Idle gaps longer than this (µs) are drawn GAP_PX wide. */
const GAP_US = 40_000
const GAP_PX = 34
const LABEL_W = 150
const LANE_H = 40
const AXIS_H = 22
const DOT_R = 5
/** Dots closer than this many pixels are painted as one. */
const DOT_BUCKET = 4
/** At most this many arrows are painted (the latest before the playhead); older ones in view are left out. */
const MAX_ARROWS = 600
/** How many of the latest arrows (up to the selected step) animate; older ones are painted. */
const ANIMATED_ARROWS = 12
/** How far back an arrow can start and still land in view (a watch or response arrives within this). */
const ARROW_REACH_US = 5_000_000
/** How far the lanes zoom out and in (d3-zoom's scale extent; the buttons keep to it too). */
const ZOOM_EXTENT: [number, number] = [0.01, 60]
/** A click this close (px) to a dot selects it. */
const HIT_PX = 8

/** motion's animation features, fetched from the bundle after the first paint (they are not needed before an arrow). */
const loadMotionFeatures = () => import('./motionFeatures.ts').then((r) => r.default)

interface Item { e: TraceEvent; i: number }
interface Gap { from: number; to: number; x: number }

/** The first index whose t is greater than `t` (events are in time order). */
const upperIndex = (events: TraceEvent[], t: number) => partitionPoint(events.length, (k) => events[k].t <= t)
/** First index in `arr` (sorted by t) whose t ≥ value. */
const lowerBound = (arr: Item[], value: number) => partitionPoint(arr.length, (k) => arr[k].e.t < value)
/** First index in `arr` (sorted by trace index) whose trace index is greater than `i`. */
const afterIndex = (arr: Item[], i: number) => partitionPoint(arr.length, (k) => arr[k].i <= i)

/** buildScale is a polylinear d3 scale from virtual time (µs) to pixels at zoom 1, with idle gaps compressed. */
export function buildScale(events: TraceEvent[]): { scale: d3.ScaleLinear<number, number>; gaps: Gap[]; width: number } {
  const times: number[] = []
  for (const e of events) {
    times.push(e.t)
    if (e.arrive !== undefined) times.push(e.arrive)
  }
  times.sort((a, b) => a - b)
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
export function basePositions(events: TraceEvent[], scale: (t: number) => number): Positions {
  const at = new Float64Array(events.length)
  const arrive = new Float64Array(events.length)
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    at[i] = scale(e.t)
    arrive[i] = e.arrive === undefined ? at[i] : scale(e.arrive)
  }
  return { at, arrive }
}

const fmtDur = (us: number) => (us >= 60_000_000 ? `${(us / 60_000_000).toFixed(1)} min` : us >= 1_000_000 ? `${(us / 1_000_000).toFixed(1)} s` : `${Math.round(us / 1000)} ms`)
const stepName = (e: TraceEvent) => e.type.split(':')[1]
const laneY = (l: Lane) => AXIS_H + LANES.indexOf(l) * LANE_H + LANE_H / 2
const arrowPath = (x1: number, y1: number, x2: number, y2: number) => `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`

/** The theme's colours, read from the CSS custom properties once per theme. */
interface Palette { fg: string; muted: string; line: string; panel: string; ok: string; error: string; warning: string; info: string }
function readPalette(el: Element): Palette {
  const s = getComputedStyle(el)
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback
  return { fg: v('--fg', '#1c1d21'), muted: v('--muted', '#5d6170'), line: v('--line', '#d9dbe0'), panel: v('--panel', '#fff'), ok: v('--ok', '#1f7a4d'), error: v('--error', '#b3261e'), warning: v('--warning', '#9a6700'), info: v('--info', '#2d5bd7') }
}
const outcomeColor = (p: Palette, o: Outcome) => (o === 'ok' ? p.ok : o === 'error' ? p.error : o === 'warning' ? p.warning : p.muted)

interface View { k: number; x: number }

interface PaintInput {
  ctx: CanvasRenderingContext2D
  width: number
  height: number
  events: TraceEvent[]
  byLane: Map<Lane, Item[]>
  selected: number
  scale: d3.ScaleLinear<number, number>
  pos: Positions
  view: View
  palette: Palette
  /** Arrows of steps up to this index are painted (later ones are animated SVG, or not reached yet). */
  paintUpTo: number
  gaps: Gap[]
  /** The first step's time: axis labels are seconds since it. */
  t0: number
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

/** A gap's mark on screen, if it is in view. */
const gapX = (gp: Gap, view: View) => gp.x * view.k + view.x

/** paint draws the lanes' steps and the older arrows in view. Cost follows the pixels in view, not the trace. */
function paint({ ctx, width, height, events, byLane, selected, scale, pos, view, palette, paintUpTo, gaps, t0 }: PaintInput): void {
  ctx.clearRect(0, 0, width, height)
  const { k: zk, x: zx } = view

  // The axis: a d3 scale's ticks, labelled in seconds since the first step.
  const axisY = AXIS_H - 2.5
  ctx.strokeStyle = palette.line
  ctx.lineWidth = 1
  ctx.beginPath()
  ctx.moveTo(0, axisY)
  ctx.lineTo(width, axisY)
  ctx.fillStyle = palette.muted
  ctx.font = '10px system-ui, sans-serif'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  if (events.length > 0) {
    // Busy stretches squeezed between idle marks can put ticks a few pixels apart: a label that would overlap the
    // one before it is left out (its tick stays).
    let labelEnd = Number.NEGATIVE_INFINITY
    for (const t of axisTicks(scale, gaps, view, width)) {
      const tx = Math.round(scale(t) * zk + zx) + 0.5
      ctx.moveTo(tx, axisY)
      ctx.lineTo(tx, axisY - 6)
      const label = `${((t - t0) / 1e6).toFixed(3)}s`
      const half = ctx.measureText(label).width / 2
      if (tx - half < labelEnd + 6) continue
      ctx.fillText(label, tx, axisY - 9)
      labelEnd = tx + half
    }
  }
  ctx.stroke()

  // Idle time compressed into a mark: a dashed line and "≈".
  ctx.strokeStyle = palette.muted
  ctx.setLineDash([3, 3])
  ctx.font = '12px system-ui, sans-serif'
  ctx.beginPath()
  for (const gp of gaps) {
    const gx = Math.round(gapX(gp, view)) + 0.5
    if (gx < -20 || gx > width + 20) continue
    ctx.moveTo(gx, AXIS_H)
    ctx.lineTo(gx, height)
    ctx.fillText('≈', gx, AXIS_H + 10)
  }
  ctx.stroke()
  ctx.setLineDash([])
  ctx.textAlign = 'start'
  const tLo = scale.invert((-DOT_R - view.x) / view.k)
  const tHi = scale.invert((width + DOT_R - view.x) / view.k)

  // Lane separators.
  ctx.strokeStyle = palette.line
  ctx.lineWidth = 1
  ctx.beginPath()
  for (let li = 1; li < LANES.length; li++) {
    const y = AXIS_H + li * LANE_H + 0.5
    ctx.moveTo(0, y)
    ctx.lineTo(width, y)
  }
  ctx.stroke()

  // Arrows already passed (the newest ones may be animated SVG paths over the canvas): one path per colour, drawn
  // straight into the context (no per-arrow objects: scrubbing must not feed the garbage collector).
  const hiIndex = Math.min(paintUpTo, upperIndex(events, tHi) - 1)
  const loIndex = upperIndex(events, tLo - ARROW_REACH_US)
  ctx.globalAlpha = 0.55
  for (const errors of [false, true]) {
    ctx.beginPath()
    let drawn = 0
    for (let i = hiIndex; i >= loIndex && i >= 0 && drawn < MAX_ARROWS; i--) {
      const e = events[i]
      if (!e.from || !e.to || e.from === e.to || (e.arrive ?? e.t) < tLo || (e.outcome === 'error') !== errors) continue
      const x1 = pos.at[i] * zk + zx
      const x2 = pos.arrive[i] * zk + zx
      const y1 = laneY(e.from)
      const y2 = laneY(e.to)
      ctx.moveTo(x1, y1)
      ctx.bezierCurveTo((x1 + x2) / 2, y1, (x1 + x2) / 2, y2, x2, y2)
      drawn++
    }
    ctx.strokeStyle = errors ? palette.error : palette.muted
    ctx.stroke()
  }
  ctx.globalAlpha = 1

  // Steps: one dot per DOT_BUCKET pixels (closer ones overlap anyway), batched by colour and by past/future.
  const batches = new Map<string, Path2D>()
  const add = (key: string, cx: number, cy: number) => {
    let p = batches.get(key)
    if (!p) batches.set(key, (p = new Path2D()))
    p.moveTo(cx + DOT_R, cy)
    p.arc(cx, cy, DOT_R, 0, Math.PI * 2)
  }
  for (const lane of LANES) {
    const list = byLane.get(lane) ?? []
    const cy = laneY(lane)
    let lastBucket = Number.NEGATIVE_INFINITY
    const end = lowerBound(list, tHi) + 1
    for (let k = Math.max(0, lowerBound(list, tLo) - 1); k < end && k < list.length; k++) {
      const { e, i } = list[k]
      const cx = pos.at[i] * zk + zx
      const bucket = Math.floor(cx / DOT_BUCKET)
      if (bucket === lastBucket) continue
      lastBucket = bucket
      add(`${e.outcome}|${selected >= 0 && i > selected ? 'future' : 'past'}`, cx, cy)
    }
  }
  ctx.lineWidth = 2
  for (const [key, path] of batches) {
    const [outcome, when] = key.split('|') as [Outcome, string]
    ctx.globalAlpha = when === 'future' ? 0.3 : 1
    ctx.fillStyle = outcome === 'error' ? palette.error : palette.panel
    ctx.fill(path)
    ctx.strokeStyle = outcomeColor(palette, outcome)
    ctx.stroke(path)
  }
  ctx.globalAlpha = 1

  // The playhead, and the selected step: filled, with a halo and its name.
  const sel = events[selected]
  if (sel) {
    const cx = pos.at[selected] * zk + zx
    const cy = laneY(sel.lane)
    ctx.strokeStyle = palette.info
    ctx.lineWidth = 1
    ctx.globalAlpha = 0.5
    ctx.beginPath()
    ctx.moveTo(Math.round(cx) + 0.5, AXIS_H)
    ctx.lineTo(Math.round(cx) + 0.5, height)
    ctx.stroke()
    ctx.globalAlpha = 1
    if (cx > -20 && cx < width + 20) {
      ctx.fillStyle = palette.info
      ctx.globalAlpha = 0.3
      ctx.beginPath()
      ctx.arc(cx, cy, DOT_R + 4, 0, Math.PI * 2)
      ctx.fill()
      ctx.globalAlpha = 1
      ctx.beginPath()
      ctx.arc(cx, cy, DOT_R + 1, 0, Math.PI * 2)
      ctx.fill()
      const label = stepName(sel)
      ctx.font = '600 11px system-ui, sans-serif'
      const w = ctx.measureText(label).width + 8
      const lx = Math.min(cx + DOT_R + 5, width - w - 2)
      ctx.beginPath()
      ctx.roundRect(lx, cy - 17, w, 14, 4)
      ctx.fill()
      ctx.fillStyle = '#fff'
      ctx.textBaseline = 'middle'
      ctx.fillText(label, lx + 4, cy - 10)
    }
  }
}

interface Props {
  events: TraceEvent[]
  selected: number
  select(i: number): void
  /** The step the lane heads describe (a throttled `selected`, so they need not re-render every frame). */
  laneSelected?: number
  /** The selected step right now (the lane buttons jump from it). */
  current?: () => number
  /** The theme, so the canvas repaints in its colours. */
  dark?: boolean
}

export const Swimlanes = memo(function Swimlanes({ events, selected, select, dark, laneSelected, current: currentProp }: Props) {
  const trackRef = useRef<HTMLDivElement | null>(null)
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const zoomRef = useRef<d3.ZoomBehavior<HTMLDivElement, unknown> | null>(null)
  const interacting = useRef(0)
  const [width, setWidth] = useState(600)
  /**
   * The view (zoom and pan). It lives in a ref so that following the playhead is decided while rendering: a frame
   * that moves the playhead off screen renders once, already panned, and d3-zoom's own copy is synced without
   * another render. Wheel, drag and the buttons change it and re-render.
   */
  const viewRef = useRef<View>({ k: 1, x: 8 })
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const syncing = useRef(false)
  /** The theme's colours, read when the first paint after a theme change runs (after every effect has set it). */
  const palette = useRef<{ dark?: boolean; colors?: Palette }>({})
  const reduce = useReducedMotion()
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const fallbackCurrent = useCallback(() => selectedRef.current, [])
  const current = currentProp ?? fallbackCurrent
  const t0 = events[0]?.t ?? 0
  const height = AXIS_H + LANES.length * LANE_H

  const { scale, gaps } = useMemo(() => buildScale(events), [events])
  const pos = useMemo(() => basePositions(events, scale), [events, scale])
  const byLane = useMemo(() => {
    const m = new Map<Lane, Item[]>(LANES.map((l) => [l, []]))
    events.forEach((e, i) => m.get(e.lane)?.push({ e, i }))
    return m
  }, [events])

  // A new trace (or more of it streamed in) starts at zoom 1, at its beginning or, if a step is already selected
  // beyond the first screen (the end, after an apply), there. Then the selected step is kept in view.
  const followed = useRef<{ selected: number; events: TraceEvent[] | null }>({ selected: -2, events: null })
  if (followed.current.events !== events) {
    const px = events[selected] ? pos.at[selected] : 0
    viewRef.current = { k: 1, x: events[selected] && px > width - 24 ? width / 2 - px : 8 }
  }
  if (followed.current.selected !== selected || followed.current.events !== events) {
    followed.current = { selected, events }
    const v = viewRef.current
    if (events[selected] && interacting.current === 0) {
      const px = pos.at[selected] * v.k + v.x
      if (px < 24 || px > width - 24) viewRef.current = { k: v.k, x: width / 2 - pos.at[selected] * v.k }
    }
  }
  const transform = viewRef.current

  // Track width.
  useLayoutEffect(() => {
    const el = trackRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(Math.max(el.clientWidth - LABEL_W, 1)))
    ro.observe(el)
    setWidth(Math.max(el.clientWidth - LABEL_W, 1))
    return () => ro.disconnect()
  }, [])

  // Fetch motion's features once the page is idle, so the first arrows of the first playback do not wait for them.
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void }
    if (!w.requestIdleCallback) { const t = setTimeout(() => void loadMotionFeatures(), 2000); return () => clearTimeout(t) }
    const id = w.requestIdleCallback(() => void loadMotionFeatures(), { timeout: 3000 })
    return () => w.cancelIdleCallback?.(id)
  }, [])

  // d3-zoom on the track: wheel zooms, drag pans.
  useEffect(() => {
    const el = trackRef.current
    if (!el) return
    const zoom = d3.zoom<HTMLDivElement, unknown>()
      .scaleExtent(ZOOM_EXTENT)
      .filter((ev: MouseEvent) => (!ev.ctrlKey || ev.type === 'wheel') && !ev.button && !(ev.target as Element).closest?.('button'))
      .on('start', () => { if (!syncing.current) interacting.current++ })
      .on('zoom', (ev: d3.D3ZoomEvent<HTMLDivElement, unknown>) => { if (!syncing.current) { viewRef.current = { k: ev.transform.k, x: ev.transform.x }; rerender() } })
      .on('end', () => { if (!syncing.current) interacting.current = Math.max(0, interacting.current - 1) })
    // A fixed extent: d3's default reads the element's size (a forced layout) on every transform.
    zoom.extent([[0, 0], [Math.max(el.clientWidth, 1), Math.max(el.clientHeight, 1)]])
    zoomRef.current = zoom
    d3.select(el).call(zoom).on('dblclick.zoom', null)
    return () => { d3.select(el).on('.zoom', null) }
  }, [])

  useEffect(() => {
    zoomRef.current?.extent([[0, 0], [Math.max(width + LABEL_W, 1), Math.max(height, 1)]])
  }, [width, height])

  const setView = (k: number, tx: number) => { viewRef.current = { k: Math.min(ZOOM_EXTENT[1], Math.max(ZOOM_EXTENT[0], k)), x: tx }; rerender() }

  // d3-zoom keeps its own copy of the view for the next wheel or drag: keep it equal to ours, without its events.
  useLayoutEffect(() => {
    const el = trackRef.current
    const zoom = zoomRef.current
    if (!el || !zoom) return
    const cur = d3.zoomTransform(el)
    if (cur.k === transform.k && cur.x === transform.x && cur.y === 0) return
    syncing.current = true
    try { d3.select(el).call(zoom.transform, d3.zoomIdentity.translate(transform.x, 0).scale(transform.k)) } finally { syncing.current = false }
  })

  // Arrows: while the playhead moves a step or a few at a time, the newest arrows are motion paths that draw
  // themselves as the story reaches them (only the ones just reached animate). After a jump (scrubbing, a click far
  // away) nothing animates: every arrow up to the playhead is painted, and no SVG is mounted per frame.
  const arrowState = useRef({ selected, events, jumped: true, from: selected })
  const st = arrowState.current
  if (st.selected !== selected || st.events !== events) {
    const delta = selected - st.selected
    st.jumped = st.events !== events || Math.abs(delta) > ANIMATED_ARROWS
    st.from = st.selected
    st.selected = selected
    st.events = events
  }
  const paintUpTo = st.jumped ? selected : selected - ANIMATED_ARROWS - 1

  // Paint the canvas at most once per frame, with the latest props.
  const paintArgs = useRef<(Omit<PaintInput, 'ctx' | 'palette'> & { dark?: boolean }) | null>(null)
  const frame = useRef(0)
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1
  useLayoutEffect(() => {
    paintArgs.current = { width, height, events, byLane, selected, scale, pos, view: transform, paintUpTo, gaps, t0, dark }
    if (frame.current) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      const canvas = canvasRef.current
      const args = paintArgs.current
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx || !args) return
      const p = palette.current
      if (!p.colors || p.dark !== args.dark) { p.colors = readPalette(canvas); p.dark = args.dark }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      paint({ ctx, ...args, palette: p.colors })
      // Where the playhead is drawn, for tests and tools (an attribute no style depends on).
      const sel = args.events[args.selected]
      canvas.dataset.playheadX = sel ? String(Math.round(args.pos.at[args.selected] * args.view.k + args.view.x)) : ''
    })
  }, [width, height, events, byLane, selected, scale, pos, transform, dark, dpr, paintUpTo, gaps, t0])
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  /** The step under the pointer: the nearest dot of the lane at this height, within HIT_PX. */
  const hit = (ev: React.MouseEvent<HTMLCanvasElement>): Item | undefined => {
    const r = ev.currentTarget.getBoundingClientRect()
    const px = ev.clientX - r.left
    const li = Math.floor((ev.clientY - r.top - AXIS_H) / LANE_H)
    const list = byLane.get(LANES[li])
    if (!list || list.length === 0) return undefined
    const k = lowerBound(list, scale.invert((px - transform.x) / transform.k))
    let best: Item | undefined
    let bestD = HIT_PX
    for (let j = Math.max(0, k - 3); j < Math.min(list.length, k + 3); j++) {
      const d = Math.abs(pos.at[list[j].i] * transform.k + transform.x - px)
      // The selected step wins a tie, then the latest.
      if (d < bestD || (d === bestD && list[j].i === selected)) { best = list[j]; bestD = d }
    }
    return best
  }

  // The newest arrows the story has reached, animated over the canvas.
  const tLo = scale.invert((0 - transform.x) / transform.k)
  const tHi = scale.invert((width - transform.x) / transform.k)
  const fresh: Item[] = []
  for (let i = Math.min(selected, events.length - 1); i > paintUpTo && i >= 0; i--) {
    const e = events[i]
    if (!e.from || !e.to || e.from === e.to) continue
    if ((e.arrive ?? e.t) < tLo || e.t > tHi) continue
    fresh.push({ e, i })
  }

  return (
    <div className="swimlanes">
      <div className="swimlanes-tools" role="group" aria-label="Timeline zoom">
        <button type="button" disabled={events.length === 0} onClick={() => setView(transform.k * 1.6, width / 2 - (width / 2 - transform.x) * 1.6)}>Zoom in</button>
        <button type="button" disabled={events.length === 0} onClick={() => setView(transform.k / 1.6, width / 2 - (width / 2 - transform.x) / 1.6)}>Zoom out</button>
        <button type="button" disabled={events.length === 0} onClick={() => { const w = scale.range()[scale.range().length - 1] || 1; const k = Math.min(1, (width - 16) / w); setView(k, 8) }}>Fit</button>
        <span className="hint">drag to pan, wheel to zoom, click a step; ≈ marks compressed idle time</span>
      </div>
      <div className="swimlanes-track" ref={trackRef} style={{ height }}>
        <canvas ref={canvasRef} className="swimlanes-canvas" width={Math.round(width * dpr)} height={Math.round(height * dpr)}
          style={{ left: LABEL_W, width, height }} aria-hidden="true" data-steps={events.length}
          onClick={(ev) => { const h = hit(ev); if (h) select(h.i) }}
          onMouseMove={(ev) => {
            const h = hit(ev)
            const c = ev.currentTarget
            const px = ev.clientX - c.getBoundingClientRect().left
            const gap = h ? undefined : gaps.find((gp) => Math.abs(gapX(gp, transform) - px) <= 4)
            const title = h ? `${fmtTime(h.e.t, t0)} ${h.e.lane}: ${h.e.summary}` : gap ? `${fmtDur(gap.to - gap.from)} with nothing happening, compressed` : ''
            if (c.title !== title) c.title = title
            c.style.cursor = h ? 'pointer' : ''
          }} />
        <svg className="swimlanes-arrows" width={Math.max(width, 1)} height={height} style={{ left: LABEL_W }} aria-hidden="true">
          <LazyMotion features={loadMotionFeatures} strict>
          {fresh.map(({ e, i }) => (
            <m.path key={e.seq} d={arrowPath(pos.at[i] * transform.k + transform.x, laneY(e.from as Lane), pos.arrive[i] * transform.k + transform.x, laneY(e.to as Lane))}
              className={`arrow ${e.outcome}${i === selected ? ' selected' : ''}`}
              initial={i <= st.from ? false : reduce ? { opacity: 0 } : { pathLength: 0, opacity: 0.2 }}
              animate={reduce ? { opacity: 1 } : { pathLength: 1, opacity: 1 }}
              transition={{ duration: reduce ? 0.15 : 0.35, ease: 'easeOut' }} />
          ))}
          </LazyMotion>
        </svg>
        {LANES.map((lane, li) => <LaneHead key={lane} lane={lane} top={AXIS_H + li * LANE_H} list={byLane.get(lane) ?? []} shown={laneSelected ?? selected} current={current} select={select} t0={t0} />)}
      </div>
    </div>
  )
})

/**
 * A lane's region: its name, buttons to its previous and next step, and (for screen readers) how many steps it
 * has and which of them is the latest at the playhead.
 */
const LaneHead = memo(function LaneHead({ lane, top, list, shown, current, select, t0 }: { lane: Lane; top: number; list: Item[]; shown: number; current(): number; select(i: number): void; t0: number }) {
  /** The lane's steps just after and just before step `at`. */
  const around = (at: number) => {
    const k = afterIndex(list, at)
    const atOrBefore = k > 0 ? list[k - 1] : undefined
    return { next: list[k], atOrBefore, prev: atOrBefore && atOrBefore.i === at ? list[k - 2] : atOrBefore }
  }
  // What is shown follows the (throttled) playhead; a click goes from where the playhead is now.
  const { next, atOrBefore, prev } = around(shown)
  const go = (which: 'next' | 'prev') => { const target = around(current())[which]; if (target) select(target.i) }
  return (
    <section className="lane" role="region" aria-label={lane} data-steps={list.length} style={{ top, height: LANE_H, width: LABEL_W }}>
      <div className="lane-head" style={{ width: LABEL_W }}>
        <h3 className="lane-name">{lane}</h3>
        <span className="lane-nav">
          <button type="button" className="lane-next" aria-label={`Previous ${lane} step`} title={`Jump to the previous ${lane} step`} disabled={!prev} onClick={() => go('prev')}>‹</button>
          <button type="button" className="lane-next" aria-label={`Next ${lane} step`} title={`Jump to the next ${lane} step`} disabled={!next} onClick={() => go('next')}>›</button>
        </span>
      </div>
      <p className="visually-hidden">{`${list.length} steps`}{atOrBefore ? `; at the playhead: ${fmtTime(atOrBefore.e.t, t0)} ${stepName(atOrBefore.e)}: ${atOrBefore.e.summary}` : ''}</p>
    </section>
  )
})
