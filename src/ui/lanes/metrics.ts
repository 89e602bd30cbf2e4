/**
 * The lanes' sizes (normal and presenter) and colours (read from the theme's CSS custom properties).
 */
import { LANES } from '../../engine/events.ts'
import type { Lane, Outcome } from '../../engine/events.ts'

/** Sizes in CSS pixels. The presenter's are read from the back of a room: names and labels ≥ 20 px. */
export interface Metrics {
  presenter: boolean
  /** The lanes shown, top to bottom: kube-controller-manager only when a controller acted (lanesFor). */
  lanes: readonly Lane[]
  laneH: number
  axisH: number
  /** The lane heads' column: the map strip, the names and the ‹ › buttons. */
  labelW: number
  /** The map strip (where each component runs) at the left of the lane heads. */
  mapW: number
  dotR: number
  /** A plumbing step's dot (when beats are given). */
  dotRSmall: number
  /** Dots closer than this many pixels are painted as one. */
  dotBucket: number
  arrowW: number
  arrowWThin: number
  headLen: number
  headHalf: number
  /** Step and bar labels, and the axis. */
  labelFont: string
  labelPx: number
  axisFont: string
  selFont: string
  selPx: number
  barH: number
  /** A click this close (px) to a dot selects it. */
  hitPx: number
}

/** lanesFor: every lane, except kube-controller-manager in a trace where no controller acted. */
export function lanesFor(events: readonly { lane: Lane; from?: Lane; to?: Lane }[]): readonly Lane[] {
  const kcm = 'kube-controller-manager'
  const acted = events.some((e) => e.lane === kcm || e.from === kcm || e.to === kcm)
  return acted ? LANES : WITHOUT_KCM
}
const WITHOUT_KCM: readonly Lane[] = LANES.filter((l) => l !== 'kube-controller-manager')

export const NORMAL: Metrics = {
  presenter: false, lanes: WITHOUT_KCM, laneH: 40, axisH: 22, labelW: 174, mapW: 26, dotR: 5, dotRSmall: 3, dotBucket: 4,
  arrowW: 1.25, arrowWThin: 0.75, headLen: 6, headHalf: 3.5,
  labelFont: '10px system-ui, sans-serif', labelPx: 10, axisFont: '10px system-ui, sans-serif',
  selFont: '600 11px system-ui, sans-serif', selPx: 11, barH: 11, hitPx: 8,
}

export const PRESENTER: Metrics = {
  presenter: true, lanes: WITHOUT_KCM, laneH: 68, axisH: 30, labelW: 268, mapW: 36, dotR: 8, dotRSmall: 5, dotBucket: 6,
  arrowW: 2.5, arrowWThin: 1.5, headLen: 11, headHalf: 6,
  labelFont: '20px system-ui, sans-serif', labelPx: 20, axisFont: '16px system-ui, sans-serif',
  selFont: '700 20px system-ui, sans-serif', selPx: 20, barH: 22, hitPx: 12,
}

export const metricsFor = (presenter: boolean | undefined): Metrics => (presenter ? PRESENTER : NORMAL)

/** The vertical centre of a lane (its dots and where its arrows land). */
export const laneY = (m: Metrics, l: Lane) => m.axisH + Math.max(0, m.lanes.indexOf(l)) * m.laneH + m.laneH / 2
export const laneIndexY = (m: Metrics, li: number) => m.axisH + li * m.laneH + m.laneH / 2

/** The theme's colours, read from the CSS custom properties once per theme. */
export interface Palette {
  fg: string; muted: string; line: string; panel: string; ok: string; error: string; warning: string; info: string; neutral: string; text: string
  /** Colour by pod or owner: the fixed palette (--hue-0 …, styles/focus.css), readable in both themes. */
  hues: string[]
}
/** Fallbacks for the hues (the light theme's) where the style sheet is not loaded. */
const HUES = ['#1f6fd1', '#c2410c', '#15803d', '#a21caf', '#b45309', '#0e7490', '#6d28d9', '#be123c', '#4d7c0f', '#57534e']
export function readPalette(el: Element, presenter: boolean): Palette {
  const s = getComputedStyle(el)
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback
  const fg = v('--fg', '#1c1d21')
  const muted = v('--muted', '#5d6170')
  return {
    fg, muted, line: v('--line', '#d9dbe0'), panel: v('--panel', '#fff'), ok: v('--ok', '#1f7a4d'), error: v('--error', '#b3261e'),
    warning: v('--warning', '#9a6700'), info: v('--info', '#2d5bd7'),
    // Expected outcomes and arrows: neutral (neither red nor green); the presenter's is the text colour itself.
    neutral: presenter ? fg : muted,
    text: presenter ? fg : muted,
    hues: HUES.map((h, i) => v(`--hue-${i}`, h)),
  }
}

/** A step's colour: ok green, error red, warning amber, info (an observation, or an expected answer such as apply's 404) neutral. */
export const outcomeColor = (p: Palette, o: Outcome) => (o === 'ok' ? p.ok : o === 'error' ? p.error : o === 'warning' ? p.warning : p.neutral)
