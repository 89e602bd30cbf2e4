/**
 * The canvas painter: one frame of the lanes (the axis, the idle-time marks, the waits, the arrows already passed
 * with their heads, the steps with their labels, and the playhead), only what is in view. Its cost follows the
 * pixels on screen, not the length of the trace: positions are computed once per trace, labels looked up by index,
 * text measured once per label.
 */
import type * as d3 from 'd3'
import type { Lane, TraceEvent } from '../../engine/events.ts'
import { stepName } from './labels.ts'
import type { StepLabels } from './labels.ts'
import { laneY } from './metrics.ts'
import type { Metrics, Palette } from './metrics.ts'
import { paintSteps } from './paintSteps.ts'
import { paintWaits } from './paintWaits.ts'
import type { WaitGeometry } from './paintWaits.ts'
import { axisTicks, gapX, tickDigits } from './scale.ts'
import type { Gap, Item, Positions, View } from './scale.ts'
import { textWidth } from './text.ts'

export interface PaintInput {
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
  m: Metrics
  /** Each step's label, by trace index. */
  labels: StepLabels
  waits: WaitGeometry
  /** 1 = beat, 0 = plumbing, by trace index; without it every step is painted as a beat. */
  beat?: Uint8Array
  /** Focus: 1 for a step about the focused pod or node; the others are dimmed. Without it nothing is. */
  dim?: Uint8Array
  /** Colour by pod or owner: each step's hue (palette.hues), or 255 for its outcome's colour. */
  hue?: Uint8Array
}

/** paint draws one frame. */
export function paint(input: PaintInput): void {
  const { ctx, width, height, events, selected, scale, view, palette, gaps, t0, m } = input
  ctx.clearRect(0, 0, width, height)
  const { k: zk, x: zx } = view

  // The axis: a d3 scale's ticks, labelled in seconds since the first step.
  const axisY = m.axisH - 2.5
  ctx.strokeStyle = palette.line
  ctx.lineWidth = 1
  ctx.beginPath()
  ctx.moveTo(0, axisY)
  ctx.lineTo(width, axisY)
  ctx.fillStyle = palette.text
  ctx.font = m.axisFont
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  if (events.length > 0) {
    // Busy stretches squeezed between idle marks can put ticks a few pixels apart: a label that would overlap the
    // one before it is left out (its tick stays).
    let labelEnd = Number.NEGATIVE_INFINITY
    const ticks = axisTicks(scale, gaps, view, width)
    const digits = tickDigits(ticks)
    for (const t of ticks) {
      const tx = Math.round(scale(t) * zk + zx) + 0.5
      ctx.moveTo(tx, axisY)
      ctx.lineTo(tx, axisY - 6)
      const label = `${((t - t0) / 1e6).toFixed(digits)}s`
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
  ctx.font = m.presenter ? '20px system-ui, sans-serif' : '12px system-ui, sans-serif'
  ctx.fillStyle = palette.muted
  ctx.beginPath()
  for (const gp of gaps) {
    const gx = Math.round(gapX(gp, view)) + 0.5
    if (gx < -20 || gx > width + 20) continue
    ctx.moveTo(gx, m.axisH)
    ctx.lineTo(gx, height)
    ctx.fillText('≈', gx, m.axisH + (m.presenter ? 18 : 10))
  }
  ctx.stroke()
  ctx.setLineDash([])
  ctx.textAlign = 'start'

  // Lane separators.
  ctx.strokeStyle = palette.line
  ctx.lineWidth = 1
  ctx.beginPath()
  for (let li = 1; li < m.lanes.length; li++) {
    const y = m.axisH + li * m.laneH + 0.5
    ctx.moveTo(0, y)
    ctx.lineTo(width, y)
  }
  ctx.stroke()

  const tLo = scale.invert((-m.dotR - view.x) / view.k)
  const tHi = scale.invert((width + m.dotR - view.x) / view.k)
  const sel = events[selected]

  // What each lane is waiting for: bars under the steps.
  paintWaits(ctx, input.waits, view, width, tLo, tHi, sel ? sel.t : Number.NEGATIVE_INFINITY, m, palette)

  // The selected step's name tag, placed first so the step labels keep out of its way.
  let tag: { x: number; w: number; lane: Lane; label: string } | undefined
  if (sel) {
    const cx = input.pos.at[selected] * zk + zx
    if (cx > -20 && cx < width + 20) {
      // Its name, and its label when that says more (`Response 201`, `Txn rev 35`).
      const extra = input.labels.get(selected)
      const name = stepName(sel)
      const label = !extra || extra === name ? name : extra.startsWith(name) ? extra : `${name} ${extra}`
      ctx.font = m.selFont
      const w = textWidth(ctx, m.selFont, label) + (m.presenter ? 14 : 8)
      tag = { x: Math.min(cx + m.dotR + 5, width - w - 2), w, lane: sel.lane, label }
    }
  }

  paintSteps(input, tLo, tHi, tag)

  // The playhead, and the selected step: filled, with a halo and its name.
  if (sel) {
    const cx = input.pos.at[selected] * zk + zx
    const cy = laneY(m, sel.lane)
    ctx.strokeStyle = palette.info
    ctx.lineWidth = m.presenter ? 2 : 1
    ctx.globalAlpha = 0.5
    ctx.beginPath()
    ctx.moveTo(Math.round(cx) + 0.5, m.axisH)
    ctx.lineTo(Math.round(cx) + 0.5, height)
    ctx.stroke()
    ctx.globalAlpha = 1
    if (tag) {
      ctx.fillStyle = palette.info
      ctx.globalAlpha = 0.3
      ctx.beginPath()
      ctx.arc(cx, cy, m.dotR + 4, 0, Math.PI * 2)
      ctx.fill()
      ctx.globalAlpha = 1
      ctx.beginPath()
      ctx.arc(cx, cy, m.dotR + 1, 0, Math.PI * 2)
      ctx.fill()
      const h = m.selPx + (m.presenter ? 8 : 3)
      const top = cy - m.dotR - 3 - h
      ctx.beginPath()
      ctx.roundRect(tag.x, top, tag.w, h, 4)
      ctx.fill()
      ctx.fillStyle = '#fff'
      ctx.font = m.selFont
      ctx.textBaseline = 'middle'
      ctx.fillText(tag.label, tag.x + (m.presenter ? 7 : 4), top + h / 2 + 0.5)
    }
  }
}

