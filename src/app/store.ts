/** UI state: one zustand store fed by the worker. */
import { create } from 'zustand'
import type { TraceEvent } from '../engine/events.ts'
import { assertNever } from '../engine/events.ts'
import { receiveFullTrace } from './fullTrace.ts'
import type { ConsoleCommand, NodeRow, ObjectNames, PageMessage, PlayheadView, Suggestion, WorkerMessage } from '../protocol/messages.ts'
import { EXAMPLE_POD } from '../protocol/examples.ts'
import { MAX_SEED } from '../protocol/seed.ts'
import { CLUSTER_PRESETS, isPreset, presetText } from '../protocol/clusters.ts'
import { readPref, removePref, writePref } from './prefs.ts'
import { createStorySlice, firstBeat } from './slices/story.ts'
import type { StorySlice } from './slices/story.ts'
import { createScenarioSlice } from './slices/scenario.ts'
import type { ScenarioSlice } from './slices/scenario.ts'
import { createQuizSlice } from './slices/quiz.ts'
import type { QuizSlice } from './slices/quiz.ts'
import { createConsoleSlice } from './slices/console.ts'
import type { ConsoleSlice, SessionBase } from './slices/console.ts'
import { createBreakpointsSlice } from './slices/breakpoints.ts'
import type { BreakpointsSlice } from './slices/breakpoints.ts'
import { createFocusSlice } from './slices/focus.ts'
import type { FocusSlice } from './slices/focus.ts'
import { createDebuggerSlice } from './slices/debugger.ts'
import type { DebuggerSlice } from './slices/debugger.ts'
import { createMapSlice } from './slices/map.ts'
import type { MapSlice } from './slices/map.ts'
import { createCompareSlice } from './slices/compare.ts'
import type { CompareSlice } from './slices/compare.ts'
import type { SharedPin } from './sharePin.ts'
import type { PinnedRun } from '../protocol/compare.ts'
import type { Breakpoint } from '../ui/debugger/breakpoints/match.ts'

export { EXAMPLE_POD }

const STORAGE_KEY = 'podbirth.manifest'
const CLUSTER_KEY = 'podbirth.cluster'
const CLUSTER_PRESET_KEY = 'podbirth.clusterPreset'
const SEED_KEY = 'podbirth.seed'
const USER_KEY = 'podbirth.user'
/** What the user had before a shared link replaced it, so it can be restored. */
const PREVIOUS_KEY = 'podbirth.beforeSharedLink'

/**
 * What an apply ran: the manifest, the cluster file, the seed and the user (the same four, the same trace), and the
 * console's session after it when there is one.
 */
export type AppliedScenario = PinnedRun

/** sameNodes: the two node lists would draw the same (a snapshot often repeats the last one's nodes). */
function sameNodes(a: readonly NodeRow[], b: readonly NodeRow[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b)
}

const stored = readPref
const store = writePref

/** The cluster file the app starts with: the one last edited or chosen, else the default preset. */
function initialCluster(): { clusterText: string; clusterPreset: string } {
  const text = stored(CLUSTER_KEY)
  if (text === null) return { clusterText: presetText('default'), clusterPreset: 'default' }
  const preset = stored(CLUSTER_PRESET_KEY) ?? 'custom'
  // A preset id is only believed if the text is still that preset's (an older build may have written other text).
  return { clusterText: text, clusterPreset: isPreset(preset) && presetText(preset) === text ? preset : 'custom' }
}

/** validSeed accepts a whole number from 0 to 2^31 − 1 (what the engine's generator takes). */
export function validSeed(v: string | number | null | undefined): number | undefined {
  const n = typeof v === 'number' ? v : v === null || v === undefined || v.trim() === '' ? NaN : Number(v)
  return Number.isInteger(n) && n >= 0 && n <= MAX_SEED ? n : undefined
}

/** What a shared link replaced, if the user has neither restored nor dismissed it yet (it survives reloads). */
function previousFromStorage(): AppliedScenario | undefined {
  try {
    const v = JSON.parse(stored(PREVIOUS_KEY) ?? 'null') as { manifest?: unknown; cluster?: unknown; seed?: unknown; user?: unknown } | null
    if (v && typeof v.manifest === 'string' && typeof v.cluster === 'string' && validSeed(v.seed as number) !== undefined) return { manifest: v.manifest, cluster: v.cluster, seed: v.seed as number, user: typeof v.user === 'string' ? v.user : undefined }
  } catch { /* not ours */ }
  return undefined
}

/** keepScenario saves a whole scenario (manifest, cluster file, seed, user) and returns it as store state. */
function keepScenario(sc: AppliedScenario): Pick<AppState, 'text' | 'clusterText' | 'clusterPreset' | 'seed' | 'user'> {
  const clusterPreset = CLUSTER_PRESETS.find((p) => presetText(p.id) === sc.cluster)?.id ?? 'custom'
  store(STORAGE_KEY, sc.manifest)
  store(CLUSTER_KEY, sc.cluster)
  store(CLUSTER_PRESET_KEY, clusterPreset)
  store(SEED_KEY, String(sc.seed))
  store(USER_KEY, sc.user ?? '')
  return { text: sc.manifest, clusterText: sc.cluster, clusterPreset, seed: sc.seed, user: sc.user ?? '' }
}

const forgetPrevious = () => removePref(PREVIOUS_KEY)

export interface AppState extends StorySlice, ScenarioSlice, QuizSlice, ConsoleSlice, BreakpointsSlice, FocusSlice, DebuggerSlice, MapSlice, CompareSlice {
  text: string
  events: TraceEvent[]
  selected: number
  kubectl?: Extract<WorkerMessage, { type: 'done' }>['kubectl']
  /** kube-scheduler's profiles and scoring strategies, or its start-up error (the worker's last run). */
  scheduler?: Extract<WorkerMessage, { type: 'done' }>['scheduler']
  getPods: string
  /** A running simulation's progress (steps and virtual time so far); absent when none runs or it is short. */
  progress?: { steps: number; virtualMs: number }
  /** kubectl's view at the selected step (from the worker). */
  atPlayhead?: Omit<PlayheadView, 'names'> & { names?: ObjectNames; step?: TraceEvent }
  /**
   * Suggested edits for the FailedScheduling at step `index` (from the worker); note: why fewer edits were simulated
   * (a cap on runs, a very large cluster).
   */
  whatIf?: { index: number; suggestions: Suggestion[]; note?: string }
  /** Counts new traces and worker failures: a snapshot asked for before one of them will not be answered. */
  generation: number
  /** Runs the worker started (its 'reset' messages): one per apply that ran, never copies of one (the e2e reads it). */
  runs: number
  running: boolean
  error?: string
  /** The cluster file (the Cluster tab), sent with every apply. */
  clusterText: string
  /** The preset clusterText is, or 'custom' once the user edited it. */
  clusterPreset: string
  /** The seed of the simulation's random choices (scheduler tie-breaks, jitter); kept across reloads. */
  seed: number
  /** What the trace on screen came from (the editors may have changed since). */
  applied?: AppliedScenario
  setSeed(seed: number): void
  /** The kubeconfig user kubectl runs as ('' for the current context's); kept across reloads. */
  user: string
  /** The cluster file's kubeconfig users, and its current context's user (from the worker). */
  users: string[]
  currentUser?: string
  setUser(user: string): void
  /** Set when a shared link replaced what the user had; restorePrevious brings that back. */
  replacedByLink?: AppliedScenario
  /**
   * loadScenario puts a shared scenario in the editors. What the user had is kept (in memory and in localStorage)
   * when it differs, so restorePrevious can bring it back: opening a link loses nothing.
   */
  loadScenario(s: { manifest: string; cluster?: string; seed: number; user?: string; at?: number; session?: ConsoleCommand[]; skipManifest?: boolean; breakpoints?: Breakpoint[]; pinned?: SharedPin }): void
  /** A shared link's playhead: applied with the scenario, the story opens there instead of at its start. */
  openAt?: number
  restorePrevious(): void
  /** Forget what a shared link replaced. */
  dismissPrevious(): void
  setText(text: string): void
  setClusterText(text: string): void
  /**
   * choosePreset replaces the cluster file with a preset. If the user edited the cluster, window.confirm asks first
   * (nothing typed is lost without consent); returns whether the preset was applied.
   */
  choosePreset(id: string): boolean
  select(i: number): void
  /**
   * The step the panels show: `selected`, followed at most every PANEL_MS once followSelected runs, so a moving
   * playhead does not lay them out every frame. The inspector and the cluster follow `shown`; the nodes and the queue
   * follow in the next idle period (`shownLanes`), the log and find in the one after (`shownLog`): each frame lays
   * out one group at most, in the time it leaves free. When the log shows a step, every panel does.
   */
  shown: number
  shownLanes: number
  shownLog: number
  /** Whether the playhead is playing (usePlaybackLoop moves it), and how fast (Infinity: "instant"). */
  playing: boolean
  speed: number
  setPlaying(playing: boolean): void
  setSpeed(speed: number): void
  receive(m: PageMessage): void
  /** The editor's Apply: a new session starts with it (the console's commands are cleared). */
  start(applied: AppliedScenario): void
  /** A console run: the session's base and commands are what runs (the editors are not read). */
  startSession(base: SessionBase): void
}

export const useApp = create<AppState>((set, get, api) => ({
  ...createStorySlice(set, get, api),
  ...createScenarioSlice(set, get, api),
  ...createQuizSlice(set, get, api),
  ...createConsoleSlice(set, get, api),
  ...createBreakpointsSlice(set, get, api),
  ...createFocusSlice(set, get, api),
  ...createDebuggerSlice(set, get, api),
  ...createMapSlice(set, get, api),
  ...createCompareSlice(set, get, api),
  text: stored(STORAGE_KEY) || EXAMPLE_POD,
  events: [],
  selected: -1,
  generation: 0,
  runs: 0,
  seed: validSeed(stored(SEED_KEY)) ?? 1,
  user: stored(USER_KEY) ?? '',
  users: ['kubernetes-admin', 'alice'],
  currentUser: 'kubernetes-admin',
  setUser: (user) => { store(USER_KEY, user); set({ user }) },
  replacedByLink: previousFromStorage(),
  getPods: '',
  running: false,
  ...initialCluster(),
  setText: (text) => {
    store(STORAGE_KEY, text)
    set({ text })
  },
  setClusterText: (clusterText) => {
    store(CLUSTER_KEY, clusterText)
    store(CLUSTER_PRESET_KEY, 'custom')
    set({ clusterText, clusterPreset: 'custom' })
  },
  choosePreset: (id) => {
    if (!isPreset(id)) return false
    const s = get()
    if (s.clusterPreset === id) return true
    if (s.clusterPreset === 'custom') {
      const label = CLUSTER_PRESETS.find((p) => p.id === id)?.label ?? id
      if (!window.confirm(`Replace your edited cluster file with the preset "${label}"? Your edits will be lost (Undo in the cluster editor can still bring them back in this session).`)) return false
    }
    const clusterText = presetText(id)
    store(CLUSTER_KEY, clusterText)
    store(CLUSTER_PRESET_KEY, id)
    set({ clusterText, clusterPreset: id })
    return true
  },
  select: (selected) => set({ selected }),
  shown: -1,
  shownLanes: -1,
  shownLog: -1,
  playing: false,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  start: (applied) => {
    const { manifest, cluster, seed, user } = applied
    get().consoleNewSession({ manifest, cluster, seed, user })
    set({ running: true, error: undefined, applied })
  },
  startSession: (base) => set((s) => ({
    running: true, error: undefined,
    applied: {
      manifest: base.manifest, cluster: base.cluster, seed: base.seed, user: base.user, session: s.consoleSession,
      skipManifest: base.skipManifest,
    },
  })),
  loadScenario: (sc) => {
    const cur = get()
    if (sc.breakpoints) get().setBreakpoints(sc.breakpoints)
    get().setPinned(sc.pinned && { ...sc.pinned, cluster: sc.pinned.cluster ?? presetText('default') })
    const next = { manifest: sc.manifest, cluster: sc.cluster ?? presetText('default'), seed: sc.seed, user: sc.user ?? '' }
    const previous = { manifest: cur.text, cluster: cur.clusterText, seed: cur.seed, user: cur.user }
    const differs = previous.manifest !== next.manifest || previous.cluster !== next.cluster || previous.seed !== next.seed || previous.user !== next.user
    if (differs) store(PREVIOUS_KEY, JSON.stringify(previous))
    // A link that opens clears the message of one that did not (a damaged link opened before in this tab).
    set({ ...keepScenario(next), replacedByLink: differs ? previous : undefined, openAt: sc.at, error: undefined })
    // A link with a session runs it (its playhead, if any, is where the story opens); else as before.
    const linked = { ...next, user: next.user || undefined, skipManifest: sc.skipManifest }
    if (sc.session?.length) get().consoleLoad('the shared link', sc.session, linked)
    else if (sc.at !== undefined) get().requestApply()
  },
  dismissPrevious: () => {
    forgetPrevious()
    set({ replacedByLink: undefined })
  },
  restorePrevious: () => {
    const prev = get().replacedByLink
    if (!prev) return
    forgetPrevious()
    set({ ...keepScenario(prev), replacedByLink: undefined })
  },
  setSeed: (seed) => {
    store(SEED_KEY, String(seed))
    set({ seed })
  },
  receive: (m) => {
    switch (m.type) {
      case 'reset': return set((s) => ({ consolePending: [], running: true, story: undefined, outcomes: [], pausedAtChapter: undefined, answers: {}, asking: undefined, events: [], selected: -1, kubectl: undefined, getPods: '', atPlayhead: undefined, whatIf: undefined, generation: s.generation + 1, runs: s.runs + 1, owners: [], stoppedAt: undefined, progress: undefined }))
      case 'decision': case 'decisionNode': return get().receiveDecision(m)
      case 'compare': return get().receiveCompare(m)
      case 'whatIf': return set({ whatIf: { index: m.index, suggestions: m.suggestions, note: m.note } })
      case 'users': return set({ users: m.users, currentUser: m.current })
      case 'events': return set((s) => ({ events: s.events.concat(m.events) }))
      // A new story starts at its beginning: its first beat, with the first chapter's narration.
      // A console run goes on from where the story ended: the playhead follows to its new end.
      case 'done': return set((s) => ({
        progress: undefined,
        kubectl: m.kubectl, getPods: m.getPods, running: false, story: m.story, outcomes: m.outcomes, openAt: undefined, owners: m.owners ?? [],
        consoleResults: m.session, followEnd: false, scheduler: m.scheduler,
        selected: s.openAt !== undefined && s.openAt < s.events.length ? s.openAt
          : s.followEnd ? s.events.length - 1 : firstBeat(m.story),
      }))
      case 'snapshot': {
        const { type: _type, ...view } = m
        // The same nodes as before keep their array, so the node map neither lays out nor repaints (scrubbing).
        const prev = get().atPlayhead?.nodes
        return set({ atPlayhead: prev && sameNodes(prev, view.nodes) ? { ...view, nodes: prev } : view })
      }
      case 'read': return consoleRead(m, get())
      case 'vocabulary': return set({ consoleVocabulary: m.vocabulary })
      case 'progress': return set({ progress: { steps: m.steps, virtualMs: m.virtualMs } })
      case 'script': return set((s) => ({ consoleScript: { text: m.text, n: (s.consoleScript?.n ?? 0) + 1 } }))
      case 'scriptLoaded': {
        if ('error' in m) return set({ consoleLoadError: `${m.fileName}: line ${m.error.line}: ${m.error.message}` })
        const st = get()
        return st.consoleLoad(m.fileName, m.commands, editorsBase(st))
      }
      case 'error': return set((s) => ({ error: m.message, running: false, generation: s.generation + 1 }))
      case 'fullTrace': return receiveFullTrace(m.events)
      default: return assertNever(m, 'worker message')
    }
  },
}))

/** editorsBase: a session with no editor apply, on the editors' cluster, seed and user (a loaded script's). */
function editorsBase(st: AppState): SessionBase {
  return { manifest: st.text, cluster: st.clusterText, seed: st.seed, user: st.user || undefined, skipManifest: true }
}

/**
 * consoleRead files a console line's answer: a read or a refusal goes into the transcript; a mutating command is
 * appended to the session at the end of the story so far (just after its last step) and the session runs again.
 */
function consoleRead(m: Extract<WorkerMessage, { type: 'read' }>, st: AppState): void {
  const t0 = st.events[0]?.t
  const step = st.events[Math.min(m.index, st.events.length - 1)]
  const at = m.index >= 0 && t0 !== undefined && step ? (step.t - t0) / 1e6 : undefined
  switch (m.kind) {
    case 'empty': return st.consoleAnswer(undefined)
    case 'refused': return st.consoleAnswer({ kind: 'error', line: m.line, stderr: m.stderr })
    case 'read':
      return st.consoleAnswer({ kind: 'read', line: m.line, at, stdout: m.stdout, stderr: m.stderr, exitCode: m.exitCode })
    case 'mutating': {
      const lastStep = st.events[st.events.length - 1]
      const atMs = lastStep ? Math.ceil(lastStep.t / 1000) + 1 : 0
      // Before any Apply the console's first command starts the session on the editors' cluster, seed and user.
      const base = st.consoleBase ?? editorsBase(st)
      return st.consoleAppend(m.line, m.argv, atMs, base)
    }
  }
}

/**
 * How often the heavier panels follow a moving playhead. A step after a rest shows at once; while the playhead keeps
 * moving (playing, scrubbing, a held arrow key) they follow 4 times a second. Laying out their text is what a moving
 * playhead costs: at 10 Hz a 2-core laptop without a GPU dropped frames at 4×.
 */
export const PANEL_MS = 250

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/**
 * throttleSelected calls `onStep` with the selected step when it changes, at most once per `ms`: a change after a
 * rest goes out at once (in a task of its own), and the last position always arrives. Returns the unsubscribe.
 */
export function throttleSelected(ms: number, onStep: (step: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = Number.NEGATIVE_INFINITY
  const unsubscribe = useApp.subscribe((st, prev) => {
    if (st.selected === prev.selected || timer !== undefined) return
    timer = setTimeout(() => { timer = undefined; last = now(); onStep(useApp.getState().selected) }, Math.max(0, last + ms - now()))
  })
  return () => { unsubscribe(); if (timer !== undefined) clearTimeout(timer) }
}

/**
 * followSelected keeps `shown` following `selected` at most once per `ms` (the last position always arrives);
 * returns the unsubscribe function. Mount it once (App does).
 */
export function followSelected(ms = PANEL_MS): () => void {
  /** The pending idle callback of the current catch-up (each group schedules the next). */
  let idle: number | undefined
  // Each group is laid out when the browser is idle after a frame (one group per idle period), not on top of a
  // frame's own work; at the latest 100 ms later.
  const whenIdle = (f: () => void): number => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 100 }) : setTimeout(f, 16) as unknown as number)
  const cancelIdle = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id))
  const catchUp = (step: number) => {
    if (idle !== undefined) cancelIdle(idle)
    const groups: Partial<AppState>[] = [{ shown: step }, { shownLanes: step }, { shownLog: step }]
    const next = () => { idle = undefined; useApp.setState(groups.shift() as Partial<AppState>); if (groups.length) idle = whenIdle(next) }
    idle = whenIdle(next)
  }
  const { selected } = useApp.getState()
  useApp.setState({ shown: selected, shownLanes: selected, shownLog: selected })
  const unsubscribe = throttleSelected(ms, catchUp)
  return () => { unsubscribe(); if (idle !== undefined) cancelIdle(idle) }
}
