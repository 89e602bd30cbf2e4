/**
 * podbirth's screen: the manifest and cluster editors with the playback controls, the seven swimlanes of the trace,
 * the inspector for the selected step, kubectl's view of the cluster at the playhead, and the log of every step.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react'
import { PANEL_MS, followSelected, useApp } from '../app/store.ts'
import { play, togglePlay } from '../app/usePlayback.ts'
import { goNextChapter, goPreviousChapter, goStart } from '../app/storyNav.ts'
import { useDark } from '../app/useDark.ts'
import { useWorker } from '../app/useWorker.ts'
import { presetText } from '../protocol/clusters.ts'
import type { Suggestion } from '../protocol/messages.ts'
import { OutcomeBanner } from './banners/OutcomeBanner.tsx'
import { StorageNotice } from './banners/StorageNotice.tsx'
import { LanePanels } from './cluster/LanePanels.tsx'
import { SnapshotFollower } from './cluster/SnapshotFollower.tsx'
import { PlayButton, SpeedSelect, StepButtons, Timeline } from './controls/Playback.tsx'
import { EditedSinceApply, SeedInput } from './controls/Seed.tsx'
import { UserPicker, UsersFollower } from './controls/UserPicker.tsx'
import { downloadTrace } from './controls/downloadTrace.ts'
import { EditorTabs } from './editor/EditorTabs.tsx'
import { Inspector } from './inspector/Inspector.tsx'
import { LiveSwimlanes } from './lanes/LiveSwimlanes.tsx'
import { LogPanels } from './log/LogPanels.tsx'
import { ReplacedByLink } from './share/ReplacedByLink.tsx'
import { ShareButton } from './share/ShareButton.tsx'
import { ScenarioStrip, ScenariosButton } from './scenarios/ScenarioStrip.tsx'
import { GlossaryButton } from './glossary/GlossaryButton.tsx'
import { HelpButton, Tour } from './tour/index.ts'
import { MapPanel } from './map/index.ts'
import { ChapterBar } from './story/ChapterBar.tsx'
import { ChapterCard } from './story/ChapterCard.tsx'
import { ChapterButtons, DepthSwitch, PaceSelect, PauseSwitch, PresenterToggle } from './story/StoryControls.tsx'
import { fmtTime } from './format.ts'
import { QuizCard } from './quiz/QuizCard.tsx'
import { QuizSwitch } from './quiz/QuizSwitch.tsx'
import { SummaryCard } from './summary/SummaryCard.tsx'
import { Console, ConsoleRunner } from './console/Console.tsx'
import { BreakpointsButton } from './debugger/breakpoints/BreakpointsButton.tsx'
import { Progress } from './controls/Progress.tsx'
import { PodDecisions } from './debugger/PodDecisions.tsx'
import { DecisionView } from './debugger/DecisionView.tsx'
import { CompareView } from './compare/CompareView.tsx'
import { PinButtons } from './compare/PinButtons.tsx'

const YamlEditor = lazy(() => import('./editor/YamlEditor.tsx'))

/** The right column: the outcome banners, the current chapter, the inspector and kubectl's view of the cluster at the panels' step. */
function RightPanels({ dark, askWhatIf, tryFix }: { dark: boolean; askWhatIf(index: number): void; tryFix(f: Suggestion): void }) {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shown)
  const select = useApp((s) => s.select)
  const atPlayhead = useApp((s) => s.atPlayhead)
  const depth = useApp((s) => s.depth)
  const t0 = events[0]?.t ?? 0
  // The pod as stored at the step shown, once the worker's snapshot is for that step (one object per text, so the
  // memoised inspector re-renders only when what it shows changes); with it the whole step, when the page's copy
  // lacks the objects the worker keeps (worker/wire.ts).
  const storedFor = atPlayhead?.index === shown ? atPlayhead : undefined
  const stored = useMemo(() => (storedFor?.podName && storedFor.podYaml ? { name: storedFor.podName, yaml: storedFor.podYaml } : undefined), [storedFor?.podName, storedFor?.podYaml])
  return (
    <>
      <OutcomeBanner selected={shown} select={select} ask={askWhatIf} tryFix={tryFix} />
      <QuizCard />
      <SummaryCard />
      <ChapterCard />
      <MapPanel />
      <Inspector e={storedFor?.step ?? events[shown]} t0={t0} dark={dark} stored={stored} depth={depth} />
      {atPlayhead && events[shown] && (
        <>
          <PodDecisions pods={atPlayhead.podKeys} upTo={shown} />
          <pre className="terminal" aria-label="Cluster at the playhead">{`# at ${fmtTime(events[shown].t, t0)}\n${atPlayhead.getOwners ? `$ kubectl get deployments,replicasets -o wide\n${atPlayhead.getOwners}\n\n` : ''}$ kubectl get pods -o wide\n${atPlayhead.getPods}\n\n$ kubectl describe pod\n${atPlayhead.describePod ? `${atPlayhead.describePod}\n` : ''}${atPlayhead.describeEvents}`}</pre>
        </>
      )}
    </>
  )
}

/** The playhead goes into a shared link when the trace on screen is what the editors hold (else it would mislead). */
function sharedPlayhead(st: ReturnType<typeof useApp.getState>): number | undefined {
  const a = st.applied
  const same = a && !st.running && a.manifest === st.text && a.cluster === st.clusterText && a.seed === st.seed && (a.user ?? '') === st.user
  return same && st.selected >= 0 ? st.selected : undefined
}

/** The console's session goes into a shared link when it runs on what the editors hold. */
function sharedSession(st: ReturnType<typeof useApp.getState>) {
  const b = st.consoleBase
  const same = b && b.cluster === st.clusterText && b.seed === st.seed && (b.user ?? '') === st.user
    && (b.skipManifest || b.manifest === st.text)
  return same && st.consoleSession.length ? { session: st.consoleSession, skipManifest: b.skipManifest } : {}
}

/** In presenter mode, with the details hidden, a failure's banner shows under the lanes. */
function PresenterOutcomes({ askWhatIf, tryFix }: { askWhatIf(index: number): void; tryFix(f: Suggestion): void }) {
  const shown = useApp((s) => s.shown)
  const select = useApp((s) => s.select)
  return <OutcomeBanner selected={shown} select={select} ask={askWhatIf} tryFix={tryFix} />
}

export function App() {
  // App renders when the trace or the texts change, not when the playhead moves: what follows every step (the lanes,
  // the timeline, the step buttons) subscribes on its own below, and so do the panels, which follow the store's
  // `shown` (at most every PANEL_MS).
  const text = useApp((s) => s.text)
  const setText = useApp((s) => s.setText)
  const events = useApp((s) => s.events)
  const select = useApp((s) => s.select)
  const kubectl = useApp((s) => s.kubectl)
  const applied = useApp((s) => s.applied)
  const getPods = useApp((s) => s.getPods)
  const running = useApp((s) => s.running)
  const generation = useApp((s) => s.generation)
  const runs = useApp((s) => s.runs)
  const error = useApp((s) => s.error)
  const start = useApp((s) => s.start)
  const send = useWorker()
  const decisionOpen = useApp((s) => s.decisionIndex !== null)
  const [dark, toggleTheme] = useDark()
  const apply = useCallback(() => {
    const { text: manifest, clusterText, seed, user } = useApp.getState()
    // The worker first: it simulates while the page renders the run's start (a large page's render took ~100 ms).
    send({ type: 'apply', text: manifest, seed, cluster: clusterText, user: user || undefined })
    start({ manifest, cluster: clusterText, seed, user: user || undefined })
  }, [start, send])
  const askWhatIf = useCallback((index: number) => send({ type: 'whatIf', index }), [send])
  const tryFix = useCallback((f: Suggestion) => {
    if (f.target === 'manifest') useApp.getState().setText(f.text)
    else useApp.getState().setClusterText(f.text)
    apply()
  }, [apply])
  useEffect(() => followSelected(PANEL_MS), [])
  // A scenario chosen in the gallery or opened from a #scenario= link asks for an apply.
  const applyRequests = useApp((s) => s.applyRequests)
  useEffect(() => { if (applyRequests > 0) apply() }, [applyRequests, apply])
  // One object per refusal, so the editor sets its marker when kubectl answers, not whenever App renders.
  const editorError = useMemo(() => (kubectl?.errorPosition ? { ...kubectl.errorPosition, message: kubectl.stderr.trim() } : undefined), [kubectl])
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') { ev.preventDefault(); apply() }
      const target = ev.target as HTMLElement
      // Keys typed into a field, a list or the editors are theirs; Space on a focused button presses that button.
      if (/^(TEXTAREA|INPUT|SELECT)$/.test(target.tagName) || target.isContentEditable || target.closest('.monaco-host, [role="tablist"]')) return
      if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey) { ev.preventDefault(); document.getElementById('find-step')?.focus(); return }
      if (ev.key === ' ' && target.tagName === 'BUTTON') return
      const st = useApp.getState()
      const last = st.events.length - 1
      // Where playback paused at a chapter, the keys a presenter reaches for (Space, →, a clicker's PageDown) go on.
      const carryOn = st.pausedAtChapter !== undefined && !st.playing
      if (ev.key === ' ') { ev.preventDefault(); togglePlay(); return }
      if (ev.key === 'ArrowRight') { if (carryOn) play(); else select(Math.min(st.selected + 1, last)); return }
      if (ev.key === 'ArrowLeft') { select(Math.max(st.selected - 1, 0)); return }
      if (ev.key === 'PageDown') { ev.preventDefault(); if (st.pauseAtChapters) play(); else goNextChapter(); return }
      if (ev.key === 'PageUp' || ev.key === '[') { ev.preventDefault(); goPreviousChapter(); return }
      if (ev.key === ']') { ev.preventDefault(); goNextChapter(); return }
      if (ev.key === 'Home') { ev.preventDefault(); goStart(); return }
      if (ev.key === 'End' && last >= 0) { ev.preventDefault(); select(last); return }
      if (ev.key === 'P' && ev.shiftKey) { st.setPresenter(!st.presenter); return }
      if (ev.key === 'Escape' && st.presenter) st.setPresenter(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  const presenter = useApp((s) => s.presenter)
  // In presenter mode the editor, the details, the log and the console stay hidden until asked for.
  const [shown, setShown] = useState({ editor: false, details: false, log: false, console: false })
  const show = (k: keyof typeof shown) => setShown((v) => ({ ...v, [k]: !v[k] }))
  const hidden = (k: keyof typeof shown) => presenter && !shown[k]
  return (
    <div className="app" data-running={running} data-generation={generation} data-runs={runs} data-presenter={presenter}>
      <header>
        <h1>podbirth <span>the birth of a Kubernetes pod, simulated (v1.35)</span></h1>
        <span className="header-tools">
          <ScenariosButton />
          <GlossaryButton />
          <HelpButton />
          <DepthSwitch />
          <PresenterToggle />
          {presenter && (['editor', 'details', 'log', 'console'] as const).map((k) => (
            <button key={k} type="button" className="show-panel" aria-pressed={shown[k]} onClick={() => show(k)}>{k === 'editor' ? 'Editor' : k === 'details' ? 'Details' : k === 'log' ? 'Log' : 'Console'}</button>
          ))}
          <ShareButton defaultCluster={presetText('default')} getScenario={() => { const st = useApp.getState(); return { manifest: st.text, cluster: st.clusterText, seed: st.seed, user: st.user || undefined, at: sharedPlayhead(st), ...sharedSession(st), breakpoints: st.breakpoints, pinned: st.pinned } }} />
          <button type="button" className="theme" onClick={toggleTheme}>{dark ? 'Light theme' : 'Dark theme'}</button>
        </span>
      </header>
      <ReplacedByLink />
      <StorageNotice />
      <ScenarioStrip />
      <ChapterBar />
      <main data-editor={!hidden('editor')} data-details={!hidden('details')} data-decision={decisionOpen}>
        <section className="editor-pane" hidden={hidden('editor')}>
          <EditorTabs dark={dark} onApply={apply}>
            <Suspense fallback={<textarea id="manifest" aria-label="Pod manifest (loading the editor…)" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}>
              <YamlEditor value={text} onChange={setText} onApply={apply} dark={dark} error={editorError} running={running} />
            </Suspense>
          </EditorTabs>
          <div className="controls">
            <button type="button" onClick={apply} disabled={running}>Apply</button>
            <PinButtons />
            {running && <button type="button" className="cancel" onClick={() => send({ type: 'cancel' })}>Cancel</button>}
            <Progress />
            <EditedSinceApply />
            <SeedInput />
            <UserPicker />
          </div>
          {error && <p className="error" role="alert">{error}</p>}
          {kubectl && (
            <pre className={`terminal kubectl-output${kubectl.exitCode ? ' failed' : ''}`} aria-label="kubectl output">{`$ kubectl apply -f pod.yaml${applied?.user ? ` --user ${applied.user}` : ''}\n${kubectl.stdout}${kubectl.stderr}${getPods ? `\n$ kubectl get pods -o wide   # at the end\n${getPods}` : ''}`}</pre>
          )}
          {kubectl && /no matches for kind "(DaemonSet|Job|CronJob)"/.test(kubectl.stderr) && (
            <p className="note" role="note">podbirth's kube-controller-manager runs the deployment and replicaset controllers only: DaemonSets, Jobs and CronJobs are not served, and kubectl gets this answer. Apply a Deployment, or the Pod your controller would create (its <code>spec.template</code>), instead.</p>
          )}
          {events.length > 0 && !running && <button type="button" className="download" onClick={() => { void downloadTrace(send) }}>Download the trace (JSON)</button>}
        </section>
        <section className="lanes" aria-label="Swimlanes">
          <div className="transport" role="group" aria-label="Playback">
            <PlayButton canPlay={events.length > 0} />
            <StepButtons count={events.length} />
            <ChapterButtons />
            <PauseSwitch />
            <QuizSwitch />
            <SpeedSelect />
            <PaceSelect />
            <BreakpointsButton />
            {events.length > 0 && <Timeline events={events} t0={events[0]?.t ?? 0} />}
          </div>
          <LiveSwimlanes events={events} dark={dark} />
          {presenter && hidden('details') && <PresenterOutcomes askWhatIf={askWhatIf} tryFix={tryFix} />}
          {presenter && <QuizCard caption />}
          {presenter && <SummaryCard caption />}
          {presenter && <ChapterCard caption />}
          {!presenter && <LanePanels />}
          {!hidden('console') && <Console send={send} />}
        </section>
        <div className="right" hidden={hidden('details')}>
          <RightPanels dark={dark} askWhatIf={askWhatIf} tryFix={tryFix} />
        </div>
        <DecisionView send={send} />
        <CompareView send={send} />
      </main>
      {!hidden('log') && <LogPanels />}
      <SnapshotFollower send={send} />
      <ConsoleRunner send={send} />
      <UsersFollower send={send} />
      <Tour />
    </div>
  )
}
