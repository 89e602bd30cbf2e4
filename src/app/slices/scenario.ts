/**
 * The scenario slice: which gallery scenario is loaded (its moment is found in the trace once it is told), and
 * requests to apply from outside the App (a gallery choice, a #scenario= link).
 */
import type { StateCreator } from 'zustand'
import type { MomentMatch } from '../../scenarios/types.ts'

export interface ChosenScenario {
  id: string
  title: string
  intro: string
  watchFor: string
  moment: MomentMatch
}

export interface ScenarioSlice {
  /** The gallery scenario on screen, until the editors change what was applied. */
  scenario?: ChosenScenario
  /** Counts requests to apply what is in the editors (App applies on each change). */
  applyRequests: number
  requestApply(): void
  setScenario(s: ChosenScenario | undefined): void
}

export const createScenarioSlice: StateCreator<ScenarioSlice, [], [], ScenarioSlice> = (set) => ({
  applyRequests: 0,
  requestApply: () => set((s) => ({ applyRequests: s.applyRequests + 1 })),
  setScenario: (scenario) => set({ scenario }),
})
