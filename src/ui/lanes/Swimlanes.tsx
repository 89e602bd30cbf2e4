/**
 * The seven swimlanes on one d3 time axis. Every step sits in its lane at its virtual time; requests, responses,
 * watch notifications and CRI/CNI calls are arrows from lane to lane, drawn (motion) as the story reaches them.
 * Long idle stretches (an image pull, a 5-minute requeue) are compressed into a marked break so the busy parts stay
 * readable; what a lane is waiting for meanwhile is a bar. The axis can be zoomed (wheel, buttons) and panned (drag);
 * zoomed in, steps and arrows carry short labels.
 *
 * The axis, the steps, the bars, the idle-time marks, the playhead and the arrows already passed are painted on one
 * canvas (paint.ts), and only what is in view: a trace of 50,000 steps costs the same per frame as one of 500, and a
 * moving playhead changes no DOM in the lanes. The arrows the story has just reached are SVG paths animated by motion
 * over it (Arrows.tsx). Each lane stays a named region with buttons to its previous and next step (LaneHeads.tsx);
 * the event log below is the keyboard's list of every step.
 */
import * as d3 from 'd3'
import 'd3-transition'
import { useReducedMotion } from 'motion/react'
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react'
import { LANES } from '../../engine/events.ts'
import type { Lane, TraceEvent } from '../../engine/events.ts'
import type { Wait } from '../../engine/story/index.ts'
import { fmtTime } from '../format.ts'
import { Arrows, loadMotionFeatures } from './Arrows.tsx'
import { labelsFor } from './labels.ts'
import { LaneHeads } from './LaneHeads.tsx'
import { Legend } from './Legend.tsx'
import { lanesFor, metricsFor, readPalette } from './metrics.ts'
import type { Palette } from './metrics.ts'
import { paint } from './paint.ts'
import type { PaintInput } from './paint.ts'
import { waitGeometry, waitUnder } from './paintWaits.ts'
import { basePositions, buildScale, fmtDur, gapX, lowerBound } from './scale.ts'
import type { Item, View } from './scale.ts'

/** How many of the latest arrows (up to the selected step) animate; older ones are painted. */
const ANIMATED_ARROWS = 12
/** How far the lanes zoom out and in (d3-zoom's scale extent; the buttons keep to it too). */
const ZOOM_EXTENT: [number, number] = [0.01, 60]
/** Traces up to this many steps open fitted in view. */
const FIT_MAX_STEPS = 5_000
const NO_WAITS: Wait[] = []

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
  /** What the lanes wait for (findWaits, once per trace): painted as bars, named in the lane heads. */
  waits?: Wait[]
  /** 1 = beat, 0 = plumbing, by trace index: plumbing is painted smaller and fainter. */
  beat?: Uint8Array
  /**
   * Readable from the back of a room: names and labels ≥ 20 px, thicker marks, higher contrast, and lanes as tall as
   * the space the lanes are given allows (32 to 68 px each), so the caption under them stays on screen.
   */
  presenter?: boolean
  /** When this changes (a new story is told), the whole trace is fitted in view. */
  fitKey?: unknown
  /** Focus: 1 for each step about the focused pod or node (the others are dimmed). */
  dim?: Uint8Array
  /** Colour by pod or owner: each step's hue index, 255 for none. */
  hue?: Uint8Array
}

export const Swimlanes = memo(function Swimlanes({ events, selected, select, dark, laneSelected, current: currentProp, waits = NO_WAITS, beat, presenter = false, fitKey, dim, hue }: Props) {
  const rootRef = useRef<HTMLDivElement | null>(null)
  const [trackRoom, setTrackRoom] = useState(0)
  const base = metricsFor(presenter)
  const lanes = useMemo(() => lanesFor(events), [events])
  const m = useMemo(() => (presenter && trackRoom > 0
    ? { ...base, lanes, laneH: Math.max(32, Math.min(base.laneH, Math.floor((trackRoom - base.axisH) / lanes.length))) }
    : { ...base, lanes }), [base, presenter, trackRoom, lanes])
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
  const palette = useRef<{ key?: string; colors?: Palette }>({})
  const reduce = useReducedMotion() ?? false
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const fallbackCurrent = useCallback(() => selectedRef.current, [])
  const current = currentProp ?? fallbackCurrent
  const t0 = events[0]?.t ?? 0
  const height = m.axisH + m.lanes.length * m.laneH

  const { scale, gaps } = useMemo(() => buildScale(events), [events])
  const pos = useMemo(() => basePositions(events, scale), [events, scale])
  const labels = useMemo(() => labelsFor(events), [events])
  const waitGeo = useMemo(() => waitGeometry(waits, scale, lanes), [waits, scale, lanes])
  const byLane = useMemo(() => {
    const map = new Map<Lane, Item[]>(LANES.map((l) => [l, []]))
    events.forEach((e, i) => map.get(e.lane)?.push({ e, i }))
    return map
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
      // (the left margin is smaller than the start's 8 px, so a fitted story is not re-centred on its first steps)
      if (px < 4 || px > width - 24) viewRef.current = { k: v.k, x: width / 2 - pos.at[selected] * v.k }
    }
  }
  const transform = viewRef.current

  // In presenter mode the lanes fill the height they are given: the room left for the track under the tools and above
  // the legend.
  useLayoutEffect(() => {
    const root = rootRef.current
    if (!presenter || !root) return
    const measure = () => {
      const track = trackRef.current
      const legend = root.querySelector<HTMLElement>('.lanes-legend')
      setTrackRoom(root.clientHeight - (track ? track.offsetTop - root.offsetTop : 0) - (legend?.offsetHeight ?? 0) - 6)
    }
    const ro = new ResizeObserver(measure)
    ro.observe(root)
    measure()
    return () => ro.disconnect()
  }, [presenter])

  // A new story is shown whole: fitted in view (then the playhead is kept in view as it moves).
  // Until the user zooms or pans, a change of width (the first measure, a resize) fits it again.
  const fitted = useRef<{ key: unknown; width: number; auto: boolean }>({ key: undefined, width: 0, auto: false })
  const f = fitted.current
  // A very long trace (a hundred pods and more) is not fitted: its steps would be a smear, and painting them all on
  // every frame of a scrub costs the frame rate; it opens at zoom 1 at its start instead.
  if (fitKey !== undefined && events.length > 0 && (f.key !== fitKey || (f.auto && f.width !== width))) {
    fitted.current = { key: fitKey, width, auto: events.length <= FIT_MAX_STEPS }
    const w = scale.range()[scale.range().length - 1] || 1
    viewRef.current = events.length <= FIT_MAX_STEPS ? { k: Math.max(ZOOM_EXTENT[0], Math.min(1, (width - 16) / w)), x: 8 } : { k: 1, x: 8 }
  }

  // Track width (less the lane heads' column, which presenter mode widens).
  useLayoutEffect(() => {
    const el = trackRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(Math.max(el.clientWidth - m.labelW, 1)))
    ro.observe(el)
    setWidth(Math.max(el.clientWidth - m.labelW, 1))
    return () => ro.disconnect()
  }, [m.labelW])

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
      .on('zoom', (ev: d3.D3ZoomEvent<HTMLDivElement, unknown>) => { if (!syncing.current) { fitted.current.auto = false; viewRef.current = { k: ev.transform.k, x: ev.transform.x }; rerender() } })
      .on('end', () => { if (!syncing.current) interacting.current = Math.max(0, interacting.current - 1) })
    // A fixed extent: d3's default reads the element's size (a forced layout) on every transform.
    zoom.extent([[0, 0], [Math.max(el.clientWidth, 1), Math.max(el.clientHeight, 1)]])
    zoomRef.current = zoom
    d3.select(el).call(zoom).on('dblclick.zoom', null)
    return () => { d3.select(el).on('.zoom', null) }
  }, [])

  useEffect(() => {
    zoomRef.current?.extent([[0, 0], [Math.max(width + m.labelW, 1), Math.max(height, 1)]])
  }, [width, height, m.labelW])

  const setView = (k: number, tx: number) => { fitted.current.auto = false; viewRef.current = { k: Math.min(ZOOM_EXTENT[1], Math.max(ZOOM_EXTENT[0], k)), x: tx }; rerender() }
  /** The buttons zoom about the playhead when it is in view (so it stays put), else about the middle. */
  const zoomBy = (f: number) => {
    const v = viewRef.current
    const k = Math.min(ZOOM_EXTENT[1], Math.max(ZOOM_EXTENT[0], v.k * f))
    const px = events[selected] ? pos.at[selected] * v.k + v.x : Number.NaN
    const anchor = px >= 0 && px <= width ? px : width / 2
    setView(k, anchor - (anchor - v.x) * (k / v.k))
  }

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
    paintArgs.current = { width, height, events, byLane, selected, scale, pos, view: transform, paintUpTo, gaps, t0, dark, m, labels, waits: waitGeo, beat, dim, hue }
    if (frame.current) return
    frame.current = requestAnimationFrame(() => {
      frame.current = 0
      const canvas = canvasRef.current
      const args = paintArgs.current
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx || !args) return
      const p = palette.current
      const key = `${args.dark ? 'dark' : 'light'}|${args.m.presenter ? 'presenter' : ''}`
      if (!p.colors || p.key !== key) { p.colors = readPalette(canvas, args.m.presenter); p.key = key }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      paint({ ctx, ...args, palette: p.colors })
      // Where the playhead is drawn, for tests and tools (an attribute no style depends on).
      const sel = args.events[args.selected]
      canvas.dataset.playheadX = sel ? String(Math.round(args.pos.at[args.selected] * args.view.k + args.view.x)) : ''
    })
  }, [width, height, events, byLane, selected, scale, pos, transform, dark, dpr, paintUpTo, gaps, t0, m, labels, waitGeo, beat, dim, hue])
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  /** The step under the pointer: the nearest dot of the lane at this height, within hitPx. */
  const hit = (ev: React.MouseEvent<HTMLCanvasElement>): Item | undefined => {
    const r = ev.currentTarget.getBoundingClientRect()
    const px = ev.clientX - r.left
    const li = Math.floor((ev.clientY - r.top - m.axisH) / m.laneH)
    const list = byLane.get(m.lanes[li])
    if (!list || list.length === 0) return undefined
    const k = lowerBound(list, scale.invert((px - transform.x) / transform.k))
    let best: Item | undefined
    let bestD = m.hitPx
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
    <div className={`swimlanes${presenter ? ' presenter' : ''}${presenter && m.laneH < 44 ? ' compact' : ''}`} ref={rootRef}>
      <div className="swimlanes-tools" role="group" aria-label="Timeline zoom">
        <button type="button" disabled={events.length === 0} onClick={() => zoomBy(1.6)}>Zoom in</button>
        <button type="button" disabled={events.length === 0} onClick={() => zoomBy(1 / 1.6)}>Zoom out</button>
        <button type="button" disabled={events.length === 0} onClick={() => { const w = scale.range()[scale.range().length - 1] || 1; const k = Math.min(1, (width - 16) / w); setView(k, 8) }}>Fit</button>
        <span className="hint">drag to pan, wheel to zoom (in for labels), click a step; ≈ compressed idle time</span>
      </div>
      <div className="swimlanes-track" ref={trackRef} style={{ height }}>
        <canvas ref={canvasRef} className="swimlanes-canvas" width={Math.round(width * dpr)} height={Math.round(height * dpr)}
          style={{ left: m.labelW, width, height }} aria-hidden="true" data-steps={events.length}
          onClick={(ev) => { const h = hit(ev); if (h) select(h.i) }}
          onMouseMove={(ev) => {
            const h = hit(ev)
            const c = ev.currentTarget
            const px = ev.clientX - c.getBoundingClientRect().left
            const wait = h ? undefined : waitUnder(waitGeo, transform, m, px, ev.clientY - c.getBoundingClientRect().top)
            const gap = h || wait ? undefined : gaps.find((gp) => Math.abs(gapX(gp, transform) - px) <= 4)
            const title = h ? `${fmtTime(h.e.t, t0)} ${h.e.lane}: ${h.e.summary}` : wait ? `waiting ${fmtDur(wait.to - wait.from)}: ${wait.label}` : gap ? `${fmtDur(gap.to - gap.from)} with nothing happening, compressed` : ''
            if (c.title !== title) c.title = title
            c.style.cursor = h ? 'pointer' : ''
          }} />
        <Arrows fresh={fresh} pos={pos} view={transform} m={m} width={width} height={height} selected={selected} reachedUpTo={st.from} reduce={reduce} beat={beat} />
        <LaneHeads events={events} byLane={byLane} shown={laneSelected ?? selected} current={current} select={select} t0={t0} m={m} waits={waitGeo} />
      </div>
      <Legend plumbing={beat !== undefined} />
    </div>
  )
})
