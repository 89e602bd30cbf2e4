/** Hooks that follow the playhead without re-rendering their caller on every step. */
import { useEffect, useState } from 'react'
import { throttleSelected, useApp } from './store.ts'

/** settled is true once `key` has stayed the same for `ms`: heavy views wait until playback or scrubbing rests. */
export function useSettled(key: unknown, ms: number): boolean {
  const [settledKey, setSettledKey] = useState<unknown>(undefined)
  useEffect(() => {
    const t = setTimeout(() => setSettledKey(key), ms)
    return () => clearTimeout(t)
  }, [key, ms])
  return settledKey === key
}

/**
 * usePlayheadRested is true once the playhead (the store's selected step, not the panels' slower copy) has not moved
 * for `ms`. It re-renders its caller only when that flips, not per step.
 */
export function usePlayheadRested(ms: number): boolean {
  const [rested, setRested] = useState(true)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = useApp.subscribe((s, prev) => {
      if (s.selected === prev.selected) return
      setRested(false)
      clearTimeout(timer)
      timer = setTimeout(() => setRested(true), ms)
    })
    return () => { unsubscribe(); clearTimeout(timer) }
  }, [ms])
  return rested
}

/**
 * useThrottledSelected follows the selected step at most once per `ms` (the last position always arrives), without
 * re-rendering the caller on every step of a playback or a scrub.
 */
export function useThrottledSelected(ms: number): number {
  const [shown, setShown] = useState(() => useApp.getState().selected)
  useEffect(() => throttleSelected(ms, setShown), [ms])
  return shown
}
