/**
 * Where the tour's card goes: beside its target (right, left, below, above: the first side where it fits whole),
 * always inside the viewport. Pure: Tour.tsx measures, this decides; placement.test.ts checks it.
 */

export interface Rect { x: number; y: number; w: number; h: number }
export interface Size { w: number; h: number }
export type Side = 'right' | 'left' | 'below' | 'above' | 'over' | 'center'
export interface Placement { x: number; y: number; side: Side }

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)))

/**
 * placeCard puts a card of size `card` next to `target` in a viewport of size `view`, `gap` away from the target
 * and at least `margin` from the viewport's edges. With no target the card is centred; when no side has room (a
 * target as large as the screen) it sits over the target's lower right, inside the viewport.
 */
export function placeCard(target: Rect | undefined, card: Size, view: Size, gap = 14, margin = 8): Placement {
  const maxX = view.w - card.w - margin
  const maxY = view.h - card.h - margin
  if (!target) return { x: clamp((view.w - card.w) / 2, margin, maxX), y: clamp((view.h - card.h) / 2, margin, maxY), side: 'center' }
  const alignY = clamp(target.y, margin, maxY)
  const alignX = clamp(target.x, margin, maxX)
  const candidates: Placement[] = [
    { x: target.x + target.w + gap, y: alignY, side: 'right' },
    { x: target.x - gap - card.w, y: alignY, side: 'left' },
    { x: alignX, y: target.y + target.h + gap, side: 'below' },
    { x: alignX, y: target.y - gap - card.h, side: 'above' },
  ]
  const fits = (p: Placement) => p.x >= margin && p.y >= margin && p.x <= maxX && p.y <= maxY
  const found = candidates.find(fits)
  if (found) return found
  // No side has room: over the target, towards its lower right, so its upper left (where a panel's title is) shows.
  const visibleRight = Math.min(target.x + target.w, view.w)
  const visibleBottom = Math.min(target.y + target.h, view.h)
  return { x: clamp(visibleRight - card.w - gap, margin, maxX), y: clamp(visibleBottom - card.h - gap, margin, maxY), side: 'over' }
}

/** unionRect is the box round all the rects (undefined for none). */
export function unionRect(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.w))
  const bottom = Math.max(...rects.map((r) => r.y + r.h))
  return { x, y, w: right - x, h: bottom - y }
}

/** ringRect is the highlight ring round a target: `pad` outside it, cut to the viewport so all four sides show. */
export function ringRect(target: Rect, view: Size, pad = 4, inset = 2): Rect {
  const x = Math.max(inset, target.x - pad)
  const y = Math.max(inset, target.y - pad)
  const right = Math.min(view.w - inset, target.x + target.w + pad)
  const bottom = Math.min(view.h - inset, target.y + target.h + pad)
  return { x, y, w: Math.max(0, right - x), h: Math.max(0, bottom - y) }
}

/** sameRect compares two measurements to the pixel, so re-measuring without a change does not re-render. */
export function sameRect(a: Rect | undefined, b: Rect | undefined): boolean {
  if (!a || !b) return a === b
  return Math.round(a.x) === Math.round(b.x) && Math.round(a.y) === Math.round(b.y) && Math.round(a.w) === Math.round(b.w) && Math.round(a.h) === Math.round(b.h)
}
