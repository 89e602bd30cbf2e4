/**
 * The focus slice: the pod, node or owner the lanes, the log and the views are focused on (not kept across reloads:
 * a new visit starts with everything shown), how the lanes colour steps (kept), and each pod's owner (from the
 * worker, once per trace).
 */
import type { StateCreator } from 'zustand'
import type { PodOwner } from '../../protocol/messages.ts'
import type { Focus } from '../../ui/debugger/focus.ts'
import { readPref, writePref } from '../prefs.ts'

/** The lanes' colours: by outcome (each component's own), by pod, or by the pod's owner (its ReplicaSet). */
export type ColourBy = 'component' | 'pod' | 'owner'
export const COLOUR_BY: readonly ColourBy[] = ['component', 'pod', 'owner']

export interface FocusSlice {
  focus?: Focus
  colourBy: ColourBy
  /** Every pod of the trace with its owner (the worker's `done`). */
  owners: PodOwner[]
  setFocus(focus: Focus | undefined): void
  setColourBy(c: ColourBy): void
}

const COLOUR_KEY = 'podbirth.colourBy'

export const createFocusSlice: StateCreator<FocusSlice, [], [], FocusSlice> = (set) => ({
  colourBy: COLOUR_BY.find((c) => c === readPref(COLOUR_KEY)) ?? 'component',
  owners: [],
  setFocus: (focus) => set({ focus }),
  setColourBy: (colourBy) => { writePref(COLOUR_KEY, colourBy); set({ colourBy }) },
})
