/** UI state: one zustand store fed by the worker. */
import { create } from 'zustand'
import type { TraceEvent } from '../engine/events.ts'
import type { NodeRow, WorkerMessage } from '../protocol/messages.ts'
import { EXAMPLE_POD } from '../protocol/examples.ts'

export { EXAMPLE_POD }

const STORAGE_KEY = 'podbirth.manifest'

export interface AppState {
  text: string
  events: TraceEvent[]
  selected: number
  kubectl?: Extract<WorkerMessage, { type: 'done' }>['kubectl']
  getPods: string
  /** kubectl's view at the selected step (from the worker). */
  atPlayhead?: { index: number; getPods: string; describeEvents: string; describePod: string; nodes: NodeRow[] }
  running: boolean
  error?: string
  setText(text: string): void
  select(i: number): void
  receive(m: WorkerMessage): void
  start(): void
}

export const useApp = create<AppState>((set) => ({
  text: (typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY)) || EXAMPLE_POD,
  events: [],
  selected: -1,
  getPods: '',
  running: false,
  setText: (text) => {
    localStorage.setItem(STORAGE_KEY, text)
    set({ text })
  },
  select: (selected) => set({ selected }),
  start: () => set({ running: true, error: undefined }),
  receive: (m) => {
    switch (m.type) {
      case 'reset': return set({ events: [], selected: -1, kubectl: undefined, getPods: '', atPlayhead: undefined })
      case 'events': return set((s) => ({ events: s.events.concat(m.events) }))
      case 'done': return set((s) => ({ kubectl: m.kubectl, getPods: m.getPods, running: false, selected: s.events.length - 1 }))
      case 'snapshot': return set({ atPlayhead: { index: m.index, getPods: m.getPods, describeEvents: m.describeEvents, describePod: m.describePod, nodes: m.nodes } })
      case 'error': return set({ error: m.message, running: false })
    }
  },
}))
