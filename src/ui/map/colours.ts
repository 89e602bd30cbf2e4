/**
 * The cluster map's colours: every node falls in one category of the chosen mode (its verdict in the selected
 * cycle, its score band, or its allocation band), each category has a colour per theme, and the legend lists the
 * categories present with their counts. Pure: the canvas and the legend both read `colourNodes`' answer.
 */
import * as d3 from 'd3'
import { assertNever } from '../../engine/events.ts'
import type { Verdict } from './verdicts.ts'

export type ColourMode = 'verdict' | 'score' | 'allocation'
export const COLOUR_MODES: readonly { mode: ColourMode; label: string }[] = [
  { mode: 'verdict', label: 'Verdict' },
  { mode: 'score', label: 'Score' },
  { mode: 'allocation', label: 'Allocation' },
]

/** What the colouring needs of a node (a NodeRow and its verdict). */
export interface ColourInput {
  verdict: Verdict
  cpuRequested: number
  cpuAllocatable: number
  memoryRequested: number
  memoryAllocatable: number
}

export interface LegendEntry {
  key: string
  label: string
  colour: string
  count: number
}
export interface Colouring {
  /** One legend key per node, in the nodes' order. */
  keys: string[]
  /** Key → colour, for the canvas. */
  colours: Map<string, string>
  /** The categories present, in legend order, with counts. */
  legend: LegendEntry[]
  /** A sentence the legend adds (what is missing and why). */
  note?: string
}

interface Theme {
  feasible: string
  selected: string
  notEvaluated: string
  excluded: string
  notRecorded: string
  none: string
}
const THEMES: Record<'light' | 'dark', Theme> = {
  light: {
    feasible: '#2f9e44',
    selected: '#0b5cad',
    notEvaluated: '#c9ced6',
    excluded: '#6c5b7b',
    notRecorded: '#e3e6ea',
    none: '#d0d4da',
  },
  dark: {
    feasible: '#51cf66',
    selected: '#74c0fc',
    notEvaluated: '#4a5260',
    excluded: '#b197c9',
    notRecorded: '#2f3540',
    none: '#3a414d',
  },
}
/** Rejecting plugins get these in order of first appearance (warm hues, apart from the feasible green). */
const REJECT_LIGHT = ['#e03131', '#f08c00', '#c2255c', '#a61e4d', '#d9480f', '#862e9c', '#5f3dc4', '#8c6d1f']
const REJECT_DARK = ['#ff6b6b', '#ffa94d', '#f06595', '#e64980', '#ff8787', '#da77f2', '#9775fa', '#e2c275']

/** allocationOf: the larger of cpu and memory requested ÷ allocatable (what NodeResourcesFit runs out of first). */
export function allocationOf(n: ColourInput): number {
  const cpu = n.cpuAllocatable > 0 ? n.cpuRequested / n.cpuAllocatable : 0
  const mem = n.memoryAllocatable > 0 ? n.memoryRequested / n.memoryAllocatable : 0
  return Math.max(cpu, mem)
}

/** The allocation bands: 0–25 %, …, 75–100 %, and over (more requested than allocatable). */
export const ALLOCATION_BANDS = [0.25, 0.5, 0.75, 1] as const
export function allocationBand(ratio: number): number {
  const i = ALLOCATION_BANDS.findIndex((b) => ratio <= b)
  return i < 0 ? ALLOCATION_BANDS.length : i
}

/** Score bands: the recorded totals split in this many equal ranges between the lowest and the highest. */
export const SCORE_BANDS = 5
export function scoreBand(score: number, min: number, max: number): number {
  if (max <= min) return SCORE_BANDS - 1
  return Math.min(SCORE_BANDS - 1, Math.floor(((score - min) / (max - min)) * SCORE_BANDS))
}

function verdictKey(v: Verdict): { key: string; label: string } {
  switch (v.kind) {
    case 'feasible':
      return v.selected ? { key: 'selected', label: 'selected node' } : { key: 'feasible', label: 'feasible' }
    case 'rejected':
      return { key: `rejected:${v.plugin}`, label: `rejected by ${v.plugin}` }
    case 'excluded':
      return { key: 'excluded', label: 'excluded at PreFilter' }
    case 'notEvaluated':
      return { key: 'notEvaluated', label: 'not evaluated' }
    case 'notRecorded':
      return { key: 'notRecorded', label: 'not recorded at this size' }
    case 'noCycle':
      return { key: 'noCycle', label: 'no cycle selected' }
    default:
      return assertNever(v, 'verdict')
  }
}

const NOT_RECORDED_NOTE =
  'Above 100 nodes a cycle record keeps counts and the 10 best-scored nodes; the decision view recomputes it in full.'

/** colourNodes: each node's category, its colour in the theme, and the legend of the mode. */
export function colourNodes(nodes: readonly ColourInput[], mode: ColourMode, dark: boolean): Colouring {
  const t = THEMES[dark ? 'dark' : 'light']
  const keys: string[] = []
  const colours = new Map<string, string>()
  const labels = new Map<string, string>()
  const counts = new Map<string, number>()
  const add = (key: string, label: string, colour: () => string) => {
    keys.push(key)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    if (!colours.has(key)) {
      colours.set(key, colour())
      labels.set(key, label)
    }
  }
  let note: string | undefined
  switch (mode) {
    case 'verdict': {
      const rejectPalette = dark ? REJECT_DARK : REJECT_LIGHT
      let rejecting = 0
      for (const n of nodes) {
        const { key, label } = verdictKey(n.verdict)
        const fixed: Record<string, string> = {
          feasible: t.feasible,
          selected: t.selected,
          excluded: t.excluded,
          notEvaluated: t.notEvaluated,
          notRecorded: t.notRecorded,
          noCycle: t.none,
        }
        add(key, label, () => fixed[key] ?? rejectPalette[rejecting++ % rejectPalette.length])
      }
      if (counts.has('notRecorded')) note = NOT_RECORDED_NOTE
      break
    }
    case 'score': {
      const scores = nodes.flatMap((n) =>
        n.verdict.kind === 'feasible' && n.verdict.score !== undefined ? [n.verdict.score] : [],
      )
      const min = scores.length ? Math.min(...scores) : 0
      const max = scores.length ? Math.max(...scores) : 0
      const ramp = dark ? d3.interpolateViridis : d3.interpolateBlues
      for (const n of nodes) {
        const v = n.verdict
        if (v.kind !== 'feasible' || v.score === undefined) {
          add('noScore', 'no score', () => t.none)
          continue
        }
        const b = scoreBand(v.score, min, max)
        const lo = Math.round(min + ((max - min) * b) / SCORE_BANDS)
        const hi = b === SCORE_BANDS - 1 ? max : Math.round(min + ((max - min) * (b + 1)) / SCORE_BANDS)
        add(`score:${b}`, max > min ? `score ${lo}–${hi}` : `score ${max}`, () =>
          ramp(0.25 + (0.75 * (b + 1)) / SCORE_BANDS),
        )
      }
      if (nodes.some((n) => n.verdict.kind === 'notRecorded')) note = NOT_RECORDED_NOTE
      else if (scores.length === 0) note = 'This cycle has no scores (scoring did not run, or one node was feasible).'
      break
    }
    case 'allocation': {
      const ramp = dark ? d3.interpolateYlOrBr : d3.interpolateOranges
      for (const n of nodes) {
        const b = allocationBand(allocationOf(n))
        const lo = b === 0 ? 0 : ALLOCATION_BANDS[b - 1] * 100
        const label =
          b === ALLOCATION_BANDS.length ? 'over 100 % requested' : `${lo}–${ALLOCATION_BANDS[b] * 100} % requested`
        add(`alloc:${b}`, label, () =>
          b === ALLOCATION_BANDS.length ? (dark ? '#ff6b6b' : '#c92a2a') : ramp(0.15 + 0.2 * b),
        )
      }
      note = 'cpu or memory requested ÷ allocatable, whichever is higher.'
      break
    }
    default:
      assertNever(mode, 'colour mode')
  }
  const order = (k: string) => (mode === 'verdict' ? VERDICT_ORDER.indexOf(k.split(':')[0]) : 0)
  const legend = [...counts.keys()]
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({
      key,
      label: labels.get(key) ?? key,
      colour: colours.get(key) ?? t.none,
      count: counts.get(key) ?? 0,
    }))
  return { keys, colours, legend, note }
}

const VERDICT_ORDER = ['selected', 'feasible', 'rejected', 'excluded', 'notEvaluated', 'notRecorded', 'noCycle']
