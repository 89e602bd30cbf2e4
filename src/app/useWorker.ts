import { useCallback, useEffect, useRef } from 'react'
import { useApp } from './store.ts'
import type { ApplyCommand, Command, PageMessage, UsersCommand, WorkerMessage } from '../protocol/messages.ts'
import { StoryBuilder } from '../engine/story/index.ts'
import { decodeSteps } from '../protocol/stepBatch.ts'
import { whenIdle } from './idle.ts'
import { emptyInbox, planInbox, planStale } from './inbox.ts'
import type { InboxState } from './inbox.ts'
import { applyAsked, initialRunState, runCancelled, runFailed, runFinished, runRefused } from './runs.ts'
import type { RunAction, RunState } from './runs.ts'

/**
 * useWorker hosts the simulation worker, one run at a time (runs.ts decides): an apply identical to the running one
 * is dropped, a different one replaces it. If the engine fails on an input (a bug) or the worker dies, a fresh worker
 * replays the last apply that worked, so kubectl's view at the playhead keeps working, and the message names what
 * failed. Either way the user loses nothing: the manifest and the cluster file live in the store (and in
 * localStorage when the browser keeps it).
 */
export function useWorker(): (cmd: Command) => void {
  const ref = useRef<Worker | null>(null)
  const runs = useRef<RunState>(initialRunState)
  /** The last users question: a fresh worker is asked again, since the one stopped may not have answered. */
  const lastUsers = useRef<UsersCommand | null>(null)
  /** Carries out a RunAction (set once the worker exists). */
  const act = useRef<(a: RunAction) => void>(() => {})
  /** Commands sent before the worker exists (a child's effect runs before this hook's: a kept console session). */
  const early = useRef<Command[] | null>([])
  const receive = useApp((s) => s.receive)
  useEffect(() => {
    let disposed = false
    const restart = (replay?: ApplyCommand) => {
      ref.current?.terminate()
      if (disposed) return
      ref.current = start()
      if (lastUsers.current) ref.current.postMessage(lastUsers.current)
      if (replay) ref.current.postMessage(replay)
    }
    act.current = (a) => {
      if (a.kind === 'post') ref.current?.postMessage(a.apply)
      else if (a.kind === 'restart') restart(a.apply)
    }
    /** After a failure: replay the last apply that worked (the trace on screen is then that apply's). */
    const recover = (): boolean => {
      const step = runFailed(runs.current)
      runs.current = step.state
      const replay = step.action.kind === 'restart' ? step.action.apply : undefined
      if (replay) {
        const applied = {
          manifest: replay.text, cluster: replay.cluster ?? '', seed: replay.seed, user: replay.user,
          session: replay.session, skipManifest: replay.skipManifest,
        }
        useApp.setState({ applied })
      }
      act.current(step.action)
      return step.replayed
    }
    const start = (): Worker => {
      const w = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' })
      // Messages reach the store at most once per frame, a streaming run's steps at most once a second (inbox.ts).
      let queued: PageMessage[] = []
      // The run's story is told as its steps arrive, while the worker goes on simulating: none of it is left for the end.
      let story = new StoryBuilder()
      let inbox: InboxState = emptyInbox
      let frame = 0
      let retry: ReturnType<typeof setTimeout> | undefined
      const flush = () => {
        frame = 0
        if (retry !== undefined) { clearTimeout(retry); retry = undefined }
        if (w !== ref.current) {
          // Replaced since: only the message saying why reaches the store, never this worker's steps.
          const stale = planStale(queued)
          queued = []
          inbox = emptyInbox
          for (const m of stale) receive(m)
          return
        }
        const plan = planInbox(inbox, queued, performance.now())
        queued = []
        inbox = plan.state
        for (const m of plan.deliver) receive(m)
        if (plan.retryInMs !== undefined) retry = setTimeout(() => { retry = undefined; schedule() }, plan.retryInMs)
      }
      const schedule = () => { if (!frame) frame = requestAnimationFrame(flush) }
      const enqueue = (m: PageMessage) => {
        queued.push(m)
        schedule()
      }
      w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
        // A worker stopped by a newer apply may still have messages on their way: its trace is not wanted.
        if (w !== ref.current) return
        const m = ev.data
        if (m.type === 'reset') story = new StoryBuilder()
        if (m.type === 'steps') {
          const events = decodeSteps(m.batch)
          story.add(events)
          enqueue({ type: 'events', events })
          return
        }
        if (m.type === 'done') {
          runs.current = runFinished(runs.current)
          enqueue({ ...m, story: story.finish() })
          return
        }
        if (m.type === 'error' && !m.fatal) runs.current = runRefused(runs.current)
        if (m.type === 'error' && m.fatal) {
          const replayed = recover()
          const how = replayed ? ' with your last apply that worked' : ''
          const unchanged = 'your manifest and cluster file are unchanged'
          enqueue({ ...m, message: `${m.message}. The simulation worker has been restarted${how}; ${unchanged}.` })
        } else enqueue(m)
      }
      w.onerror = (ev) => {
        ev.preventDefault()
        if (w !== ref.current) return
        const replayed = recover()
        const how = replayed ? ' and your last apply that worked replayed' : ''
        const why = ev.message || 'unknown error'
        enqueue({ type: 'error', message: `The simulation worker stopped (${why}); it has been restarted${how}.` })
      }
      // Once the page is idle, the worker warms its engine up unless an apply came first (worker/warmUp.ts).
      whenIdle(() => { if (w === ref.current) w.postMessage({ type: 'warmUp' } satisfies Command) }, 2000)
      return w
    }
    ref.current = start()
    const waiting = early.current ?? []
    early.current = null
    for (const c of waiting) post.current(c)
    // The end-to-end test of crash recovery calls this.
    window.__podbirthCrashWorker = () => ref.current?.postMessage({ type: 'crash' } satisfies Command)
    return () => { disposed = true; ref.current?.terminate() }
  }, [receive])
  /** Sends a command to the worker (the current one: the effect above replaces it on a restart). */
  const post = useRef((cmd: Command) => {
    if (cmd.type === 'apply') {
      const step = applyAsked(runs.current, cmd)
      runs.current = step.state
      act.current(step.action)
      return
    }
    if (cmd.type === 'cancel') {
      const step = runCancelled(runs.current)
      if (step.action.kind === 'none') return
      runs.current = step.state
      act.current(step.action)
      const back = step.action.kind === 'restart' && step.action.apply ? '; the last apply that worked is shown again' : ''
      receive({ type: 'error', message: `The simulation was cancelled${back}. Your manifest and cluster file are unchanged.` })
      return
    }
    if (cmd.type === 'users') lastUsers.current = cmd
    ref.current?.postMessage(cmd)
  })
  return useCallback((cmd: Command) => {
    if (early.current) early.current.push(cmd)
    else post.current(cmd)
  }, [])
}

declare global {
  interface Window { __podbirthCrashWorker?: () => void }
}
