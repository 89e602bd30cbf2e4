/**
 * The steps and the arrows already passed, painted in batches (one path per colour and weight, no per-step objects:
 * scrubbing must not feed the garbage collector), and the steps' labels where the space to the next step allows.
 */
import type { Lane, Outcome } from '../../engine/events.ts'
import { arrowGeometry } from './geometry.ts'
import { laneY, outcomeColor } from './metrics.ts'
import type { PaintInput } from './paint.ts'
import { lowerBound, upperIndex } from './scale.ts'
import { textWidth } from './text.ts'

/** At most this many arrows are painted (the latest before the playhead); older ones in view are left out. */
export const MAX_ARROWS = 600
/** How far back an arrow can start and still land in view (a watch or response arrives within this). */
export const ARROW_REACH_US = 5_000_000

const OUTCOMES: readonly Outcome[] = ['ok', 'error', 'warning', 'info']
const outcomeIndex = (o: Outcome) => (o === 'ok' ? 0 : o === 'error' ? 1 : o === 'warning' ? 2 : 3)
const geo = new Float64Array(8)
/** Dots are batched by colour (4 outcomes, then the hues), past/future, beat/plumbing and dimmed or not. */
const COLOURS = 4 + 16
/** How strongly a step outside the focus is faded. */
const DIM_ALPHA = 0.14

/** paintSteps draws the arrows, the dots and their labels in view. `tag` is the selected step's name tag to keep clear of. */
export function paintSteps(input: PaintInput, tLo: number, tHi: number, tag: { x: number; w: number; lane: Lane } | undefined): void {
  const { ctx, events, byLane, selected, pos, view, palette, paintUpTo, m, beat, dim, hue } = input
  const { k: zk, x: zx } = view

  // Arrows: [dimmed?][error?][plumbing?] lines and heads.
  const lines: (Path2D | undefined)[] = new Array(8)
  const heads: (Path2D | undefined)[] = new Array(8)
  const hiIndex = Math.min(paintUpTo, upperIndex(events, tHi) - 1)
  const loIndex = upperIndex(events, tLo - ARROW_REACH_US)
  let drawn = 0
  for (let i = hiIndex; i >= loIndex && i >= 0 && drawn < MAX_ARROWS; i--) {
    const e = events[i]
    if (!e.from || !e.to || e.from === e.to || (e.arrive ?? e.t) < tLo) continue
    const x1 = pos.at[i] * zk + zx
    const x2 = pos.arrive[i] * zk + zx
    const y1 = laneY(m, e.from)
    const y2 = laneY(m, e.to)
    const slot = (dim && dim[i] === 0 ? 4 : 0) + (e.outcome === 'error' ? 2 : 0) + (beat && beat[i] === 0 ? 1 : 0)
    const line = lines[slot] ?? (lines[slot] = new Path2D())
    const head = heads[slot] ?? (heads[slot] = new Path2D())
    arrowGeometry(geo, x1, y1, x2, y2, m)
    const mx = (x1 + geo[0]) / 2
    line.moveTo(x1, y1)
    line.bezierCurveTo(mx, y1, mx, geo[1], geo[0], geo[1])
    head.moveTo(geo[2], geo[3])
    head.lineTo(geo[4], geo[5])
    head.lineTo(geo[6], geo[7])
    head.closePath()
    drawn++
  }
  for (let s = 0; s < 8; s++) {
    const line = lines[s]
    if (!line) continue
    const plumbing = (s & 1) === 1
    const color = (s & 2) !== 0 ? palette.error : palette.neutral
    ctx.globalAlpha = (plumbing ? 0.35 : m.presenter ? 0.8 : 0.6) * (s >= 4 ? DIM_ALPHA : 1)
    ctx.strokeStyle = color
    ctx.lineWidth = plumbing ? m.arrowWThin : m.arrowW
    ctx.stroke(line)
    ctx.fillStyle = color
    ctx.fill(heads[s] as Path2D)
  }
  ctx.globalAlpha = 1

  // Steps: one dot per bucket of pixels (closer ones overlap anyway), batched by colour, past/future and beat/plumbing.
  const dots: (Path2D | undefined)[] = new Array(COLOURS * 8)
  ctx.font = m.labelFont
  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'start'
  const gap = m.presenter ? 8 : 4
  for (const lane of m.lanes) {
    const list = byLane.get(lane) ?? []
    const cy = laneY(m, lane)
    const band: Band = {
      y: cy - m.dotR - 3,
      // The selected step's tag occupies this stretch of its lane's label band.
      tagLo: tag && tag.lane === lane ? tag.x - gap : Number.POSITIVE_INFINITY,
      tagHi: tag && tag.lane === lane ? tag.x + tag.w + gap : Number.NEGATIVE_INFINITY,
    }
    let lastBucket = Number.NEGATIVE_INFINITY
    // The dot whose label waits to learn how far away the next dot is.
    let pending = -1
    let pendingX = 0
    const start = Math.max(0, lowerBound(list, tLo) - 1)
    const end = Math.min(list.length, lowerBound(list, tHi) + 1)
    // k === end looks one dot past the view, to know the room the last label has.
    for (let k = start; k <= end && k < list.length; k++) {
      const i = list[k].i
      const cx = pos.at[i] * zk + zx
      const bucket = Math.floor(cx / m.dotBucket)
      if (bucket === lastBucket) {
        // Same dot: its label is its first beat's.
        if (beat && beat[pending] === 0 && beat[i] === 1) pending = i
        continue
      }
      lastBucket = bucket
      if (pending >= 0) labelBeside(input, band, pending, pendingX, cx)
      pending = -1
      if (k === end) break
      const small = beat !== undefined && beat[i] === 0
      const future = selected >= 0 && i > selected
      const h = hue ? hue[i] : 255
      const o = list[k].e.outcome
      // An error keeps its red whatever the colouring: it is what a debugger looks for first.
      const colour = h < 16 && h < palette.hues.length && o !== 'error' ? 4 + h : outcomeIndex(o)
      const slot = colour * 8 + (dim && dim[i] === 0 ? 4 : 0) + (future ? 2 : 0) + (small ? 1 : 0)
      const r = small ? m.dotRSmall : m.dotR
      const p = dots[slot] ?? (dots[slot] = new Path2D())
      p.moveTo(cx + r, cy)
      p.arc(cx, cy, r, 0, Math.PI * 2)
      pendingX = cx
      pending = i
    }
    if (pending >= 0) labelBeside(input, band, pending, pendingX, Number.POSITIVE_INFINITY)
  }
  ctx.globalAlpha = 1
  ctx.lineWidth = m.presenter ? 3 : 2
  for (let s = 0; s < COLOURS * 8; s++) {
    const path = dots[s]
    if (!path) continue
    const colour = s >> 3
    const outcome = colour < 4 ? OUTCOMES[colour] : undefined
    const dimmed = (s & 4) !== 0
    const future = (s & 2) !== 0
    const small = (s & 1) !== 0
    ctx.globalAlpha = (future ? 0.3 : 1) * (small ? 0.55 : 1) * (dimmed ? DIM_ALPHA : 1)
    // A hue's dot is filled with it (its outcome is still told by the log and the inspector); an error stays red.
    ctx.fillStyle = outcome === 'error' ? palette.error : outcome ? palette.panel : palette.hues[colour - 4]
    ctx.fill(path)
    ctx.strokeStyle = outcome ? outcomeColor(palette, outcome) : palette.hues[colour - 4]
    ctx.lineWidth = small ? (m.presenter ? 2 : 1.5) : m.presenter ? 3 : 2
    ctx.stroke(path)
  }
  ctx.globalAlpha = 1
}

interface Band { y: number; tagLo: number; tagHi: number }

/** Writes dot `i`'s label in its lane's band above it, if it fits before the next dot (at `nextX`) and clear of the tag. */
function labelBeside(input: PaintInput, band: Band, i: number, x: number, nextX: number): void {
  const { ctx, events, labels, beat, selected, palette, m, width } = input
  const lx = x - m.dotR
  if (lx > width || lx < 0) return
  const gap = m.presenter ? 8 : 4
  // Too little room for any label: not even worth looking it up.
  if (nextX - x < m.labelPx * 2) return
  const text = labels.get(i)
  if (!text) return
  const w = textWidth(ctx, m.labelFont, text)
  // Whole or not at all: it fits before the next dot and on the canvas.
  if (lx + w + gap > nextX - m.dotR || lx + w > width || lx < 0) return
  if (lx + w > band.tagLo && lx < band.tagHi) return
  const e = events[i]
  const faint = beat !== undefined && beat[i] === 0
  const dimmed = input.dim !== undefined && input.dim[i] === 0
  ctx.globalAlpha = (selected >= 0 && i > selected ? 0.45 : 1) * (faint ? 0.6 : 1) * (dimmed ? 0.3 : 1)
  ctx.fillStyle = e.outcome === 'error' ? palette.error : e.outcome === 'warning' ? palette.warning : palette.text
  ctx.fillText(text, lx, band.y)
}
