/**
 * Whether the tour is open and at which step, shared by the Help button (which opens it) and the Tour (which shows
 * it). Its own small store: nothing else in the app needs it.
 */
import { create } from 'zustand'
import { writePref } from '../../app/prefs.ts'
import { useApp } from '../../app/store.ts'
import { TOUR_DONE_KEY } from './firstVisit.ts'
import { TOUR_STEPS } from './steps.ts'

interface TourState {
  open: boolean
  step: number
  /** Set once the tour applied the manifest itself (it does so at most once per opening). */
  appliedByTour: boolean
  go(step: number): void
  markApplied(): void
}

export const useTour = create<TourState>((set) => ({
  open: false,
  step: 0,
  appliedByTour: false,
  go: (step) => set({ step: Math.max(0, Math.min(step, TOUR_STEPS.length - 1)) }),
  markApplied: () => set({ appliedByTour: true }),
}))

/** Where focus was when the tour opened: it goes back there when the tour closes. */
let returnFocus: HTMLElement | null = null

/** openTour shows the tour from its first step (not in presenter mode, where it never shows). */
export function openTour(): void {
  if (useApp.getState().presenter) return
  const active = document.activeElement
  returnFocus = active instanceof HTMLElement && active !== document.body ? active : null
  useTour.setState({ open: true, step: 0, appliedByTour: false })
}

/**
 * closeTour closes it (skipped, finished, Esc, or presenter mode) and remembers that, so it does not show by itself
 * again; focus goes back where it was.
 */
export function closeTour(): void {
  if (!useTour.getState().open) return
  writePref(TOUR_DONE_KEY, 'true')
  useTour.setState({ open: false })
  const back = returnFocus
  returnFocus = null
  if (back?.isConnected) back.focus()
}
