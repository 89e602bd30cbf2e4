/**
 * The cluster map: every node a cell on one canvas (5,000 DOM nodes would make each colouring a long task), grouped
 * and coloured as nodeLayout.ts and colours.ts say. Hover shows a node's name, group, verdict and reason; a click,
 * or Enter on the focused map, opens it. The map is one focusable element ("Cluster map"): the arrow keys move a
 * cursor between nodes and a live line says where it is. Its box has a fixed height and scrolls on its own.
 */
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent } from 'react'
import type { NodeRow } from '../../protocol/messages.ts'
import type { Colouring } from './colours.ts'
import { CAPTION_H, MOVE_KEYS, PAD, cellAt, groupKeyOf, hitTest, layoutNodes, move } from './nodeLayout.ts'
import type { MoveKey, NodeLayout } from './nodeLayout.ts'
import { describeVerdict } from './verdicts.ts'
import './nodeMap.css'
import type { Verdict } from './verdicts.ts'

/** The map box's height (as nodeMap.css caps it): the layout shrinks its cells to fit, and scrolls beyond. */
export const MAP_MAX_H = 220
const mapHeight = () => Math.min(MAP_MAX_H, Math.round(window.innerHeight * 0.28))

export interface NodeMapProps {
  nodes: readonly NodeRow[]
  /** Each node's verdict, in `nodes`' order. */
  verdicts: readonly Verdict[]
  colouring: Colouring
  groupBy: string
  /** The node whose reasons are open (ringed). */
  opened: string | null
  dark: boolean
  /** The trace index of the coloured cycle's record (written on the canvas once painted, for bench:ui). */
  cycle?: number
  onOpen(name: string): void
}

const INK = {
  light: { text: '#1f2328', muted: '#59636e', ring: '#1f2328' },
  dark: { text: '#e6edf3', muted: '#9198a1', ring: '#f0f6fc' },
}

function nodeLine(n: NodeRow, v: Verdict, groupBy: string): string {
  const group = groupBy ? `${groupBy.replace(/^.*\//, '')} ${groupKeyOf(n, groupBy) || '(none)'}` : ''
  return [n.name, group, n.unschedulable ? 'cordoned' : '', describeVerdict(v)].filter(Boolean).join(' · ')
}

export const NodeMap = memo(function NodeMap({
  nodes,
  verdicts,
  colouring,
  groupBy,
  opened,
  dark,
  cycle,
  onOpen,
}: NodeMapProps) {
  const boxRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [width, setWidth] = useState(0)
  const [hover, setHover] = useState(-1)
  const [cursor, setCursor] = useState(-1)
  const [focused, setFocused] = useState(false)
  const statusId = useId()
  useLayoutEffect(() => {
    const box = boxRef.current
    if (!box) return
    setWidth(box.clientWidth)
    const ro = new ResizeObserver(() => setWidth(box.clientWidth))
    ro.observe(box)
    return () => ro.disconnect()
  }, [])
  const layout = useMemo(() => layoutNodes(nodes, groupBy, Math.max(width, 60), mapHeight()), [nodes, groupBy, width])
  const openedPos = useMemo(() => {
    const i = opened ? nodes.findIndex((n) => n.name === opened) : -1
    return i < 0 ? -1 : layout.positionOf[i]
  }, [nodes, opened, layout])
  useEffect(() => {
    const canvas = canvasRef.current
    if (width <= 0 || !canvas) return
    draw(canvas, layout, nodes, colouring, dark, openedPos, focused ? cursor : -1)
    canvas.dataset.paintedCycle = cycle === undefined ? '' : String(cycle)
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1)
  }, [layout, nodes, colouring, dark, openedPos, cursor, focused, width, cycle])
  // Keep the keyboard's cursor in view inside the map's own scroll box.
  useEffect(() => {
    const box = boxRef.current
    if (!box || cursor < 0 || cursor >= layout.order.length) return
    const { y } = cellAt(layout, cursor)
    if (y < box.scrollTop + CAPTION_H) box.scrollTop = Math.max(0, y - CAPTION_H - PAD)
    else if (y + layout.cellH > box.scrollTop + box.clientHeight)
      box.scrollTop = y + layout.cellH - box.clientHeight + PAD
  }, [cursor, layout])

  const at = (ev: MouseEvent<HTMLCanvasElement>) => {
    const r = ev.currentTarget.getBoundingClientRect()
    return hitTest(layout, ev.clientX - r.left, ev.clientY - r.top)
  }
  const onKey = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (MOVE_KEYS.includes(ev.key)) {
      ev.preventDefault()
      ev.stopPropagation()
      setCursor((c) =>
        move(layout, c < 0 ? Math.max(openedPos, 0) - (ev.key === 'ArrowRight' ? 1 : 0) : c, ev.key as MoveKey),
      )
    } else if ((ev.key === 'Enter' || ev.key === ' ') && cursor >= 0 && cursor < layout.order.length) {
      ev.preventDefault()
      ev.stopPropagation()
      onOpen(nodes[layout.order[cursor]].name)
    }
  }
  const tip = hover >= 0 && hover < layout.order.length ? hover : -1
  const tipNode = tip >= 0 ? layout.order[tip] : -1
  const tipAt = tip >= 0 ? cellAt(layout, tip) : undefined
  const cur = focused && cursor >= 0 && cursor < layout.order.length ? layout.order[cursor] : -1
  return (
    <div
      ref={boxRef}
      className="node-map"
      role="application"
      aria-label="Cluster map"
      aria-roledescription="cluster map"
      aria-describedby={statusId}
      tabIndex={0}
      onKeyDown={onKey}
      onFocus={() => {
        setFocused(true)
        setCursor((c) => (c >= 0 ? c : Math.max(openedPos, 0)))
      }}
      onBlur={() => setFocused(false)}
    >
      <canvas
        ref={canvasRef}
        data-nodes={nodes.length}
        data-drawn={colouring.keys.length}
        onMouseMove={(ev) => setHover(at(ev))}
        onMouseLeave={() => setHover(-1)}
        onClick={(ev) => {
          const p = at(ev)
          if (p >= 0) {
            setCursor(p)
            onOpen(nodes[layout.order[p]].name)
          }
        }}
      />
      {tipAt && tipNode >= 0 && (
        <div
          className="node-map-tip"
          role="tooltip"
          style={{
            left: Math.min(tipAt.x + layout.cellW + 4, Math.max(layout.width - 240, 0)),
            top: tipAt.y + layout.cellH + 4,
          }}
        >
          {nodeLine(nodes[tipNode], verdicts[tipNode], groupBy)
            .split(' · ')
            .map((l, i) => (
              <div key={i} className={i === 0 ? 'name' : ''}>
                {l}
              </div>
            ))}
        </div>
      )}
      <p id={statusId} className="visually-hidden" aria-live="polite">
        {cur >= 0
          ? `${nodeLine(nodes[cur], verdicts[cur], groupBy)} (${cursor + 1} of ${nodes.length}). Enter opens it.`
          : `${nodes.length} nodes. Arrow keys move between them, Enter opens a node's reasons.`}
      </p>
    </div>
  )
})

/** draw paints the whole map: captions, cells, cordon slashes, taint corners, the opened ring, the cursor. */
function draw(
  canvas: HTMLCanvasElement,
  l: NodeLayout,
  nodes: readonly NodeRow[],
  c: Colouring,
  dark: boolean,
  opened: number,
  cursor: number,
) {
  const dpr = window.devicePixelRatio || 1
  const w = Math.max(1, Math.floor(l.width))
  const h = Math.max(1, Math.ceil(l.height))
  if (canvas.width !== w * dpr || canvas.height !== h * dpr) {
    canvas.width = w * dpr
    canvas.height = h * dpr
    canvas.style.width = `${w}px`
    canvas.style.height = `${h}px`
  }
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  const ink = INK[dark ? 'dark' : 'light']
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, w, h)
  ctx.font = '600 11px system-ui, sans-serif'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = ink.muted
  for (const g of l.groups) {
    ctx.save()
    ctx.beginPath()
    ctx.rect(g.x, g.y, l.blockW, CAPTION_H)
    ctx.clip()
    ctx.fillText(ctx.measureText(g.caption).width > l.blockW ? g.short : g.caption, g.x, g.y + 12)
    ctx.restore()
  }
  ctx.font = '11px ui-monospace, monospace'
  ctx.textBaseline = 'middle'
  const marks = l.cellH >= 9
  for (let pos = 0; pos < l.order.length; pos++) {
    const i = l.order[pos]
    const { x, y } = cellAt(l, pos)
    ctx.fillStyle = c.colours.get(c.keys[i]) ?? '#888'
    ctx.fillRect(x, y, l.cellW, l.cellH)
    const n = nodes[i]
    if (l.named) {
      ctx.fillStyle = textOn(ctx.fillStyle)
      ctx.save()
      ctx.beginPath()
      ctx.rect(x + 3, y, l.cellW - 6, l.cellH)
      ctx.clip()
      ctx.fillText(n.name, x + 4, y + l.cellH / 2 + 1)
      ctx.restore()
    }
    if (marks && n.unschedulable) {
      ctx.strokeStyle = ink.ring
      ctx.lineWidth = 1.5
      ctx.beginPath()
      ctx.moveTo(x, y + l.cellH)
      ctx.lineTo(x + Math.min(l.cellW, l.cellH), y)
      ctx.stroke()
    }
    if (marks && n.taints.length > 0) {
      const t = Math.max(4, Math.round(l.cellH / 3))
      ctx.fillStyle = ink.ring
      ctx.beginPath()
      ctx.moveTo(x + l.cellW - t, y)
      ctx.lineTo(x + l.cellW, y)
      ctx.lineTo(x + l.cellW, y + t)
      ctx.fill()
    }
  }
  const ring = (pos: number, width: number, dash: number[]) => {
    if (pos < 0 || pos >= l.order.length) return
    const { x, y } = cellAt(l, pos)
    ctx.strokeStyle = ink.ring
    ctx.lineWidth = width
    ctx.setLineDash(dash)
    ctx.strokeRect(x - 1.5, y - 1.5, l.cellW + 3, l.cellH + 3)
    ctx.setLineDash([])
  }
  ring(opened, 2, [])
  ring(cursor, 1.5, [3, 2])
}

/** textOn: black or white, whichever reads on a #rrggbb fill (canvas reports fills in that form). */
function textOn(fill: string | CanvasGradient | CanvasPattern): string {
  if (typeof fill !== 'string' || !/^#[0-9a-f]{6}$/i.test(fill)) return '#000'
  const v = parseInt(fill.slice(1), 16)
  const lum = 0.299 * ((v >> 16) & 255) + 0.587 * ((v >> 8) & 255) + 0.114 * (v & 255)
  return lum > 140 ? '#111' : '#fff'
}
