/**
 * The narration tables are the largest text in the app; they load in a chunk of their own, when the page is idle
 * after its first paint, so the lanes show sooner. Until then the inspector shows the step's summary alone.
 */
import { useEffect, useState } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import type { Depth, Told } from '../../engine/narration/index.ts'
import { whenIdle } from '../../app/idle.ts'

type Narrate = (e: TraceEvent, depth: Depth) => Told

let loaded: Narrate | undefined
let loading: Promise<Narrate> | undefined
const load = (): Promise<Narrate> => (loading ??= import('../../engine/narration/index.ts').then((m) => (loaded = m.narrate)))

// Fetch it as soon as the page is idle: by the time a trace is on screen it is there.
if (typeof window !== 'undefined') whenIdle(() => { void load() }, 1500)

/** useNarrate gives the narrate function once its chunk is loaded (undefined until then). */
export function useNarrate(): Narrate | undefined {
  const [fn, setFn] = useState<Narrate | undefined>(() => loaded)
  useEffect(() => {
    if (!fn) void load().then((n) => setFn(() => n))
  }, [fn])
  return fn
}
