/**
 * The breakpoints slice: the scheduling debugger's breakpoints (kept across reloads and carried by shared links) and
 * the one that last stopped playback. The conditions and their matcher are in src/ui/debugger/breakpoints/match.ts.
 */
import type { StateCreator } from 'zustand'
import { readBreakpoints, sameCondition, writeBreakpoints } from '../../ui/debugger/breakpoints/match.ts'
import type { BreakCondition, Breakpoint } from '../../ui/debugger/breakpoints/match.ts'
import { readPref, writePref } from '../prefs.ts'

export interface BreakpointsSlice {
  breakpoints: Breakpoint[]
  /** Where playback last stopped at a breakpoint, and which one (cleared when it plays on or the trace changes). */
  stoppedAt?: { step: number; breakpoint: Breakpoint }
  /** Adds a breakpoint (enabled); one with the same condition is enabled instead of added twice. */
  addBreakpoint(c: BreakCondition): void
  toggleBreakpoint(id: number): void
  removeBreakpoint(id: number): void
  /** Replaces the list (a shared link's). */
  setBreakpoints(bps: Breakpoint[]): void
}

const KEY = 'podbirth.breakpoints'

function initial(): Breakpoint[] {
  try { return readBreakpoints(JSON.parse(readPref(KEY) ?? '[]')) } catch { return [] }
}

export const createBreakpointsSlice: StateCreator<BreakpointsSlice, [], [], BreakpointsSlice> = (set, get) => {
  const keep = (breakpoints: Breakpoint[]) => {
    writePref(KEY, JSON.stringify(writeBreakpoints(breakpoints)))
    set({ breakpoints })
  }
  return {
    breakpoints: initial(),
    addBreakpoint: (c) => {
      const bps = get().breakpoints
      const same = bps.find((b) => sameCondition(b, c))
      if (same) { keep(bps.map((b) => (b === same ? { ...b, enabled: true } : b))); return }
      keep([...bps, { ...c, id: Math.max(0, ...bps.map((b) => b.id)) + 1, enabled: true }])
    },
    toggleBreakpoint: (id) => keep(get().breakpoints.map((b) => (b.id === id ? { ...b, enabled: !b.enabled } : b))),
    removeBreakpoint: (id) => keep(get().breakpoints.filter((b) => b.id !== id)),
    setBreakpoints: (bps) => keep(bps),
  }
}
