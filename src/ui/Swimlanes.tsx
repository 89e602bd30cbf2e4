/**
 * The seven swimlanes on one d3 time axis. Every step sits in its lane at its virtual time; requests, responses,
 * watch notifications and CRI/CNI calls are arrows from lane to lane, drawn (motion) as the story reaches them.
 * Long idle stretches (an image pull, a 5-minute requeue) are compressed into a marked break so the busy parts stay
 * readable; the axis can be zoomed (wheel, buttons) and panned (drag). Only what is visible is rendered, so a trace
 * of tens of thousands of steps stays smooth.
 */
import * as d3 from 'd3'
import 'd3-transition'
import { motion, useReducedMotion } from 'motion/react'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { LANES } from '../engine/events.ts'
import { fmtTime } from './format.ts'
import type { Lane, TraceEvent } from '../engine/events.ts'

/** Pixels per millisecond of busy time at zoom 1. */
const PX_PER_MS = 18
/** Idle gaps longer than this (µs) are drawn GAP_PX wide. */
const GAP_US = 40_000
const GAP_PX = 34
const LABEL_W = 136
const LANE_H = 40
const AXIS_H = 22
const MAX_PER_LANE = 4000
/** Dots closer than this many pixels are drawn as one. */
const DOT_BUCKET = 7
const MAX_ARROWS = 120
/** How many of the latest arrows (before the selected step) animate. */
const ANIMATED_ARROWS = 16

/** How far back an arrow can start and still land in view (a watch or response arrives within this). */
const ARROW_REACH_US = 5_000_000

/** The first index whose t is greater than `t` (events are in time order). */
function upperIndex(events: TraceEvent[], t: number): number {
  let lo = 0
  let hi = events.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (events[mid].t <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface Gap { from: number; to: number; x: number }

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

const fmtDur = (us: number) => (us >= 60_000_000 ? `${(us / 60_000_000).toFixed(1)} min` : us >= 1_000_000 ? `${(us / 1_000_000).toFixed(1)} s` : `${Math.round(us / 1000)} ms`)

/** First index in `arr` (sorted by t) whose t ≥ value. */
function lowerBound(arr: { e: TraceEvent }[], value: number): number {
  let lo = 0
  let hi = arr.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (arr[mid].e.t < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface Props {
  events: TraceEvent[]
  selected: number
  select(i: number): void
}

export const Swimlanes = memo(function Swimlanes({ events, selected, select }: Props) {
  const trackRef = useRef<HTMLDivElement | null>(null)
  const axisRef = useRef<SVGGElement | null>(null)
  const zoomRef = useRef<d3.ZoomBehavior<HTMLDivElement, unknown> | null>(null)
  const interacting = useRef(0)
  const [width, setWidth] = useState(600)
  const [transform, setTransform] = useState<{ k: number; x: number }>({ k: 1, x: 8 })
  const reduce = useReducedMotion()
  const t0 = events[0]?.t ?? 0

  const { scale, gaps } = useMemo(() => buildScale(events), [events])
  const byLane = useMemo(() => {
    const m = new Map<Lane, { e: TraceEvent; i: number }[]>(LANES.map((l) => [l, []]))
    events.forEach((e, i) => m.get(e.lane)?.push({ e, i }))
    return m
  }, [events])
  const x = (t: number) => scale(t) * transform.k + transform.x

  // Track width.
  useLayoutEffect(() => {
    const el = trackRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth - LABEL_W))
    ro.observe(el)
    setWidth(el.clientWidth - LABEL_W)
    return () => ro.disconnect()
  }, [])

  // d3-zoom on the track: wheel zooms, drag pans.
  useEffect(() => {
    const el = trackRef.current
    if (!el) return
    const zoom = d3.zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.01, 60])
      .filter((ev: MouseEvent) => (!ev.ctrlKey || ev.type === 'wheel') && !ev.button && !(ev.target as Element).closest?.('button'))
      .on('start', () => { interacting.current++ })
      .on('zoom', (ev: d3.D3ZoomEvent<HTMLDivElement, unknown>) => setTransform({ k: ev.transform.k, x: ev.transform.x }))
      .on('end', () => { interacting.current = Math.max(0, interacting.current - 1) })
    // A fixed extent: d3's default reads the element's size (a forced layout) on every transform.
    zoom.extent([[0, 0], [Math.max(el.clientWidth, 1), Math.max(el.clientHeight, 1)]])
    zoomRef.current = zoom
    d3.select(el).call(zoom).on('dblclick.zoom', null)
    return () => { d3.select(el).on('.zoom', null) }
  }, [])

  useEffect(() => {
    const el = trackRef.current
    zoomRef.current?.extent([[0, 0], [Math.max(width + LABEL_W, 1), Math.max(el?.clientHeight ?? 1, 1)]])
  }, [width])

  const setView = (k: number, tx: number) => {
    const el = trackRef.current
    if (el && zoomRef.current) d3.select(el).call(zoomRef.current.transform, d3.zoomIdentity.translate(tx, 0).scale(k))
    else setTransform({ k, x: tx })
  }

  // A new trace starts at zoom 1 at its beginning.
  useEffect(() => { setView(1, 8) }, [scale])

  // Keep the selected step in view.
  useEffect(() => {
    const e = events[selected]
    if (!e || interacting.current > 0) return
    const px = scale(e.t) * transform.k + transform.x
    if (px < 24 || px > width - 24) setView(transform.k, width / 2 - scale(e.t) * transform.k)
  }, [selected, events])

  // The axis: d3 ticks on the rescaled time scale, labelled in seconds since the first step.
  useEffect(() => {
    const g = axisRef.current
    if (!g) return
    const view = scale.copy().range(scale.range().map((r) => r * transform.k + transform.x))
    // Ticks per busy stretch (between compressed gaps), as many as its visible width allows.
    const dom = scale.domain()
    const bounds = [dom[0], ...gaps.flatMap((gp) => [gp.from, gp.to]), dom[dom.length - 1]]
    const ticks: number[] = []
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      const a = Math.max(bounds[i], view.invert(0))
      const b = Math.min(bounds[i + 1], view.invert(Math.max(width, 1)))
      if (b <= a) continue
      const px = view(b) - view(a)
      if (px < 40) { ticks.push(a); continue }
      ticks.push(...d3.scaleLinear().domain([a, b]).ticks(Math.max(1, Math.floor(px / 90))))
    }
    const axis = d3.axisTop<number>(view).tickValues(ticks).tickSizeOuter(0).tickFormat((t) => `${((Number(t) - t0) / 1e6).toFixed(3)}s`)
    d3.select(g).call(axis)
  }, [scale, transform, width, gaps, t0])

  const laneY = (l: Lane) => AXIS_H + LANES.indexOf(l) * LANE_H + LANE_H / 2
  const tLo = scale.invert((0 - transform.x) / transform.k)
  const tHi = scale.invert((width - transform.x) / transform.k)
  /**
   * The steps of a lane in view, thinned to one per DOT_BUCKET pixels where they crowd (the selected step always
   * shows): dots closer than that overlap anyway, and the DOM stays small at any zoom.
   */
  const visible = (l: Lane) => {
    const list = byLane.get(l) ?? []
    const from = Math.max(0, lowerBound(list, tLo) - 1)
    const to = Math.min(list.length, lowerBound(list, tHi) + 1, from + MAX_PER_LANE)
    const out: { e: TraceEvent; i: number }[] = []
    let lastBucket = Number.NEGATIVE_INFINITY
    for (let k = from; k < to; k++) {
      const item = list[k]
      const bucket = Math.floor(x(item.e.t) / DOT_BUCKET)
      if (bucket === lastBucket) {
        if (item.i === selected) out[out.length - 1] = item
        continue
      }
      lastBucket = bucket
      out.push(item)
    }
    return out
  }
  // Arrows of the steps already reached (up to the selected one) that are in view: the trace is in time order, so
  // the window is found by binary search and only it is scanned.
  const arrows: { e: TraceEvent; i: number }[] = []
  const hiIndex = Math.min(selected, upperIndex(events, tHi) - 1)
  const loIndex = upperIndex(events, tLo - ARROW_REACH_US)
  for (let i = hiIndex; i >= loIndex && i >= 0 && arrows.length < MAX_ARROWS; i--) {
    const e = events[i]
    if ((e.arrive ?? e.t) < tLo) continue
    if (e.from && e.to && e.from !== e.to) arrows.push({ e, i })
  }
  const height = AXIS_H + LANES.length * LANE_H

  return (
    <div className="swimlanes">
      <div className="swimlanes-tools" role="group" aria-label="Timeline zoom">
        <button type="button" onClick={() => setView(transform.k * 1.6, width / 2 - (width / 2 - transform.x) * 1.6)}>Zoom in</button>
        <button type="button" onClick={() => setView(transform.k / 1.6, width / 2 - (width / 2 - transform.x) / 1.6)}>Zoom out</button>
        <button type="button" onClick={() => { const w = scale.range()[scale.range().length - 1] || 1; const k = Math.min(1, (width - 16) / w); setView(k, 8) }}>Fit</button>
        <span className="hint">drag to pan, wheel to zoom; ≈ marks compressed idle time</span>
      </div>
      <div className="swimlanes-track" ref={trackRef} style={{ height }}>
        <svg className="swimlanes-axis" width={Math.max(width, 1)} height={height} style={{ left: LABEL_W }} aria-hidden="true">
          <g ref={axisRef} transform={`translate(0, ${AXIS_H - 2})`} />
          {gaps.map((gp) => {
            const gx = gp.x * transform.k + transform.x
            if (gx < -20 || gx > width + 20) return null
            return (
              <g key={gp.from} className="gap" transform={`translate(${gx}, 0)`}>
                <line y1={AXIS_H} y2={height} />
                <text y={AXIS_H + 10} textAnchor="middle">≈</text>
                <title>{`${fmtDur(gp.to - gp.from)} with nothing happening, compressed`}</title>
              </g>
            )
          })}
          {arrows.map(({ e, i }) => {
            const x1 = x(e.t)
            const x2 = x(e.arrive ?? e.t)
            const y1 = laneY(e.from as Lane)
            const y2 = laneY(e.to as Lane)
            const d = `M${x1},${y1} C${x1 + (x2 - x1) / 2},${y1} ${x1 + (x2 - x1) / 2},${y2} ${x2},${y2}`
            const sel = i === selected
            // Only the arrows the story has just reached are animated; older ones are plain paths (cheap to mount).
            if (selected - i > ANIMATED_ARROWS) return <path key={e.seq} d={d} className={`arrow ${e.outcome}`} />
            return (
              <motion.path key={e.seq} d={d} className={`arrow ${e.outcome}${sel ? ' selected' : ''}`}
                initial={reduce ? { opacity: 0 } : { pathLength: 0, opacity: 0.2 }}
                animate={reduce ? { opacity: 1 } : { pathLength: 1, opacity: 1 }}
                transition={{ duration: reduce ? 0.15 : 0.35, ease: 'easeOut' }} />
            )
          })}
        </svg>
        {LANES.map((lane, li) => {
          const list = byLane.get(lane) ?? []
          const next = list.find(({ i }) => i > selected)
          return (
            <section key={lane} className="lane" role="region" aria-label={lane} style={{ top: AXIS_H + li * LANE_H, height: LANE_H }}>
              <div className="lane-head" style={{ width: LABEL_W }}>
                <h3 className="lane-name">{lane}</h3>
                <button type="button" className="lane-next" aria-label={`Next ${lane} step`} title={`Jump to the next ${lane} step`} disabled={!next} onClick={() => { if (next) select(next.i) }}>›</button>
              </div>
              <ol className="lane-events" style={{ left: LABEL_W, width: Math.max(width, 1) }}>
                {visible(lane).map(({ e, i }) => (
                  <li key={e.seq} style={{ transform: `translateX(${x(e.t)}px)` }}>
                    <button type="button" className={`dot ${e.outcome}${i === selected ? ' selected' : ''}${i > selected && selected >= 0 ? ' future' : ''}`}
                      onClick={() => select(i)} aria-label={`${fmtTime(e.t, t0)} ${e.type.split(':')[1]}: ${e.summary}`} title={`${fmtTime(e.t, t0)} ${e.summary}`}>
                      {i === selected && <span className="dot-label">{e.type.split(':')[1]}</span>}
                    </button>
                  </li>
                ))}
              </ol>
            </section>
          )
        })}
      </div>
    </div>
  )
})
