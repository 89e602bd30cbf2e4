import { useMemo } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { findWaits } from '../../engine/story/index.ts'
import type { Wait } from '../../engine/story/index.ts'
import { useApp } from '../../app/store.ts'
import { useThrottledSelected } from '../../app/usePlayhead.ts'
import { Swimlanes } from './Swimlanes.tsx'
import { ColourLegend } from '../debugger/ColourLegend.tsx'
import { useColouring, useFocusMask } from '../debugger/useFocus.ts'

/** The lane heads' previous/next buttons and screen-reader lines are cheap: they follow 10 times a second. */
const LANE_HEAD_MS = 100

/**
 * The lanes follow every step. What they wait for is found once per trace (by the story, for the store's). Beats and
 * presenter mode come from the props when given, else from the store (the story's beats, once it is told for this
 * trace; presenter mode).
 */
export function LiveSwimlanes({ events, dark, beat, presenter }: { events: TraceEvent[]; dark: boolean; beat?: Uint8Array; presenter?: boolean }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  const story = useApp((s) => s.story)
  const storyBeat = story?.beat
  const storePresenter = useApp((s) => s.presenter)
  const laneSelected = useThrottledSelected(LANE_HEAD_MS)
  // While a trace streams in, each chunk is a new array: the waits are shown once it is complete. The store's trace
  // has them in its story (found as the steps arrived); another trace (props' beats) has them found here, once.
  const running = useApp((s) => s.running)
  const told = beat === undefined && storyBeat !== undefined && storyBeat.length === events.length ? story : undefined
  const waits = useMemo(() => (running ? NO_WAITS : told?.waits ?? findWaits(events)), [events, running, told])
  const beats = beat ?? told?.beat
  // Focus dims the steps about other pods and nodes; colour by pod or owner paints each pod's steps in its hue.
  const dim = useFocusMask(events)
  const colours = useColouring(events)
  return (
    <>
      <Swimlanes events={events} selected={selected} select={select} dark={dark} laneSelected={laneSelected} current={currentSelected} waits={waits} beat={beats} presenter={presenter ?? storePresenter} fitKey={story} dim={dim} hue={colours?.hue} />
      {events.length > 0 && <ColourLegend colouring={colours} />}
    </>
  )
}
const currentSelected = () => useApp.getState().selected
const NO_WAITS: Wait[] = []
