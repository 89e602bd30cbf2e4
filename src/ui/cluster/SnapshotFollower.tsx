import { useEffect, useRef } from 'react'
import { useApp } from '../../app/store.ts'
import type { Command } from '../../protocol/messages.ts'

/**
 * Asks the worker for the cluster at the panels' step. One request is in flight at a time: while scrubbing or
 * playing fast the panels follow as fast as the worker answers, and the last position is always asked for.
 */
export function SnapshotFollower({ send }: { send(cmd: Command): void }) {
  const shown = useApp((s) => s.shown)
  const running = useApp((s) => s.running)
  const count = useApp((s) => s.events.length)
  const atPlayhead = useApp((s) => s.atPlayhead)
  const generation = useApp((s) => s.generation)
  const pending = useRef<number | null>(null)
  const askedIn = useRef(generation)
  useEffect(() => {
    // A new trace or a restarted worker: whatever was asked before will not be answered.
    if (askedIn.current !== generation) { askedIn.current = generation; pending.current = null }
    if (shown < 0 || running) return
    if (pending.current !== null && pending.current !== atPlayhead?.index) return
    if (atPlayhead?.index === shown && pending.current === shown) return
    pending.current = shown
    send({ type: 'snapshot', index: shown })
  }, [shown, running, count, atPlayhead, generation, send])
  return null
}
