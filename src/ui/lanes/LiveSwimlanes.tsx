import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { useThrottledSelected } from '../../app/usePlayhead.ts'
import { Swimlanes } from './Swimlanes.tsx'

/** The lane heads' previous/next buttons and screen-reader lines are cheap: they follow 10 times a second. */
const LANE_HEAD_MS = 100

/** The lanes follow every step. */
export function LiveSwimlanes({ events, dark }: { events: TraceEvent[]; dark: boolean }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  const laneSelected = useThrottledSelected(LANE_HEAD_MS)
  return <Swimlanes events={events} selected={selected} select={select} dark={dark} laneSelected={laneSelected} current={currentSelected} />
}
const currentSelected = () => useApp.getState().selected
