import { useCallback, useEffect, useRef } from 'react'
import { useApp } from './store.ts'
import type { Command, WorkerMessage } from '../protocol/messages.ts'

/**
 * useWorker hosts the simulation worker. If it crashes, it is started again and the last apply is replayed; if the
 * engine fails on an input (a bug), the worker is started again with the last apply that worked, so kubectl's view
 * at the playhead keeps working. Either way the user loses nothing: the manifest and the cluster file live in the
 * store and in localStorage, and the message says what happened.
 */
export function useWorker(): (cmd: Command) => void {
  const ref = useRef<Worker | null>(null)
  const lastApply = useRef<Command | null>(null)
  const lastGood = useRef<Command | null>(null)
  const restarts = useRef(0)
  const receive = useApp((s) => s.receive)
  useEffect(() => {
    let disposed = false
    const restart = (replay: Command | null) => {
      ref.current?.terminate()
      if (disposed) return
      ref.current = start()
      // Replay at most a few times in a row: an input that always kills the worker must not loop forever.
      if (replay && ++restarts.current <= 3) ref.current.postMessage(replay)
    }
    const start = (): Worker => {
      const w = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' })
      // Trace batches reach the store at most once per frame; other messages keep their order behind them.
      let queued: WorkerMessage[] = []
      let frame = 0
      const flush = () => {
        frame = 0
        const batch = queued
        queued = []
        const events = batch.flatMap((m) => (m.type === 'events' ? m.events : []))
        let sent = false
        for (const m of batch) {
          if (m.type === 'events') { if (!sent) { receive({ type: 'events', events }); sent = true } } else receive(m)
        }
      }
      w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
        const m = ev.data
        if (m.type === 'done') { lastGood.current = lastApply.current; restarts.current = 0 }
        if (m.type === 'error' && m.fatal) {
          queued.push({ ...m, message: `${m.message}. The simulation worker has been restarted${lastGood.current ? ' with your last apply that worked' : ''}; your manifest and cluster file are unchanged.` })
          restart(lastGood.current)
        } else queued.push(m)
        if (!frame) frame = requestAnimationFrame(flush)
      }
      w.onerror = (ev) => {
        ev.preventDefault()
        receive({ type: 'error', message: `The simulation worker stopped (${ev.message || 'unknown error'}); it has been restarted and your last apply replayed.` })
        restart(lastApply.current)
      }
      return w
    }
    ref.current = start()
    // The end-to-end test of crash recovery calls this.
    window.__podbirthCrashWorker = () => ref.current?.postMessage({ type: 'crash' } satisfies Command)
    return () => { disposed = true; ref.current?.terminate() }
  }, [receive])
  return useCallback((cmd: Command) => {
    if (cmd.type === 'apply') { lastApply.current = cmd; restarts.current = 0 }
    ref.current?.postMessage(cmd)
  }, [])
}

declare global {
  interface Window { __podbirthCrashWorker?: () => void }
}
