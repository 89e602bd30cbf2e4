/** The focus and the colouring, as the lanes and the log read them: masks computed once per trace and focus. */
import { useMemo } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { concernMask } from './focus.ts'
import { colouring } from './colour.ts'
import type { Colouring } from './colour.ts'

/** useFocusMask: 1 for each step that concerns the focus; undefined when nothing is focused. */
export function useFocusMask(events: readonly TraceEvent[]): Uint8Array | undefined {
  const focus = useApp((s) => s.focus)
  const running = useApp((s) => s.running)
  // While a trace streams in each chunk is a new array: the mask waits for the whole trace.
  return useMemo(() => (focus && !running ? concernMask(focus, events) : undefined), [focus, events, running])
}

/** useColouring: each step's hue and the legend, when the lanes colour by pod or owner. */
export function useColouring(events: readonly TraceEvent[]): Colouring | undefined {
  const colourBy = useApp((s) => s.colourBy)
  const owners = useApp((s) => s.owners)
  const pods = useApp((s) => s.story?.pods)
  const running = useApp((s) => s.running)
  return useMemo(
    () => (colourBy === 'component' || running ? undefined : colouring(events, colourBy, pods ?? [], owners)),
    [colourBy, events, pods, owners, running],
  )
}
