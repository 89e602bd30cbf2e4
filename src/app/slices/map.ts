/**
 * The cluster map's slice: the node whose reasons are open (a click or Enter on the map), and how the map groups
 * and colours the nodes (kept across reloads).
 */
import type { StateCreator } from 'zustand'
import { readPref, writePref } from '../prefs.ts'
import type { ColourMode } from '../../ui/map/colours.ts'

const GROUP_KEY = 'podbirth.mapGroupBy'
const COLOUR_KEY = 'podbirth.mapColour'
const ZONE = 'topology.kubernetes.io/zone'

export interface MapSlice {
  /** The node whose reasons are open (null: none). */
  openedNode: string | null
  /** openNode opens a node's reasons (the map calls it; the decision view may too). */
  openNode(name: string | null): void
  /** The label the map groups nodes by ('' = one group). */
  mapGroupBy: string
  mapColour: ColourMode
  setMapGroupBy(label: string): void
  setMapColour(mode: ColourMode): void
}

const storedColour = (): ColourMode => {
  const v = readPref(COLOUR_KEY)
  return v === 'score' || v === 'allocation' ? v : 'verdict'
}

export const createMapSlice: StateCreator<MapSlice, [], [], MapSlice> = (set) => ({
  openedNode: null,
  openNode: (openedNode) => set({ openedNode }),
  mapGroupBy: readPref(GROUP_KEY) ?? ZONE,
  mapColour: storedColour(),
  setMapGroupBy: (mapGroupBy) => {
    writePref(GROUP_KEY, mapGroupBy)
    set({ mapGroupBy })
  },
  setMapColour: (mapColour) => {
    writePref(COLOUR_KEY, mapColour)
    set({ mapColour })
  },
})
