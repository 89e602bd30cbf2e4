import { describe, expect, it } from 'vitest'
import { placeCard, ringRect, sameRect, unionRect } from './placement.ts'

const view = { w: 1280, h: 720 }
const card = { w: 340, h: 200 }
const inside = (p: { x: number; y: number }) => p.x >= 8 && p.y >= 8 && p.x + card.w <= view.w - 8 && p.y + card.h <= view.h - 8

describe('placeCard', () => {
  it('centres the card without a target', () => {
    expect(placeCard(undefined, card, view)).toEqual({ x: 470, y: 260, side: 'center' })
  })
  it('puts the card right of a target on the left (the editor)', () => {
    const p = placeCard({ x: 16, y: 116, w: 352, h: 230 }, card, view)
    expect(p.side).toBe('right')
    expect(p.x).toBe(16 + 352 + 14)
    expect(p.y).toBe(116)
  })
  it('puts the card left of a target on the right (the inspector)', () => {
    const p = placeCard({ x: 848, y: 300, w: 416, h: 230 }, card, view)
    expect(p.side).toBe('left')
    expect(p.x + card.w).toBe(848 - 14)
  })
  it('puts the card below a full-width bar and keeps it in the viewport', () => {
    const p = placeCard({ x: 16, y: 44, w: 1248, h: 60 }, card, view)
    expect(p.side).toBe('below')
    expect(inside(p)).toBe(true)
  })
  it('puts the card above a target at the bottom when nothing else fits', () => {
    const p = placeCard({ x: 0, y: 600, w: 1280, h: 60 }, card, view)
    expect(p.side).toBe('above')
    expect(p.y + card.h).toBe(600 - 14)
  })
  it('keeps a card beside a low target inside the viewport (aligned up)', () => {
    const p = placeCard({ x: 16, y: 680, w: 200, h: 30 }, card, view)
    expect(inside(p)).toBe(true)
  })
  it('lays the card over a target as large as the screen, inside the viewport', () => {
    const p = placeCard({ x: -20, y: -50, w: 1400, h: 2000 }, card, view)
    expect(p.side).toBe('over')
    expect(inside(p)).toBe(true)
  })
  it('keeps inside a viewport smaller than the card at its margin', () => {
    const p = placeCard(undefined, { w: 500, h: 900 }, { w: 400, h: 600 })
    expect(p).toEqual({ x: 8, y: 8, side: 'center' })
  })
})

describe('rects', () => {
  it('unionRect is the box round them all', () => {
    expect(unionRect([])).toBeUndefined()
    expect(unionRect([{ x: 10, y: 20, w: 30, h: 40 }, { x: 5, y: 50, w: 10, h: 30 }])).toEqual({ x: 5, y: 20, w: 35, h: 60 })
  })
  it('ringRect pads the target and cuts it to the viewport', () => {
    expect(ringRect({ x: 100, y: 100, w: 50, h: 20 }, view)).toEqual({ x: 96, y: 96, w: 58, h: 28 })
    expect(ringRect({ x: 0, y: -10, w: 1280, h: 900 }, view)).toEqual({ x: 2, y: 2, w: 1276, h: 716 })
  })
  it('sameRect compares to the pixel', () => {
    expect(sameRect({ x: 1.2, y: 2, w: 3, h: 4 }, { x: 1.4, y: 2, w: 3, h: 4 })).toBe(true)
    expect(sameRect({ x: 1, y: 2, w: 3, h: 4 }, { x: 1, y: 3, w: 3, h: 4 })).toBe(false)
    expect(sameRect(undefined, undefined)).toBe(true)
    expect(sameRect(undefined, { x: 1, y: 2, w: 3, h: 4 })).toBe(false)
  })
})
