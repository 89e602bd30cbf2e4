/**
 * podbirth's screen: the manifest and cluster editors with the playback controls, the seven swimlanes of the trace,
 * the inspector for the selected step, kubectl's view of the cluster at the playhead, and the log of every step.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo } from 'react'
import { PANEL_MS, followSelected, useApp } from '../app/store.ts'
import { togglePlay } from '../app/usePlayback.ts'
import { useDark } from '../app/useDark.ts'
import { useWorker } from '../app/useWorker.ts'
import { presetText } from '../protocol/clusters.ts'
import type { Suggestion } from '../protocol/messages.ts'
import { FailedSchedulingBanner } from './banners/FailedSchedulingBanner.tsx'
import { LanePanels } from './cluster/LanePanels.tsx'
import { SnapshotFollower } from './cluster/SnapshotFollower.tsx'
import { PlayControls, StepButtons, Timeline } from './controls/Playback.tsx'
import { EditedSinceApply, SeedInput } from './controls/Seed.tsx'
import { downloadTrace } from './controls/downloadTrace.ts'
import { EditorTabs } from './editor/EditorTabs.tsx'
import { Inspector } from './inspector/Inspector.tsx'
import { LiveSwimlanes } from './lanes/LiveSwimlanes.tsx'
import { LogPanels } from './log/LogPanels.tsx'
import { ReplacedByLink } from './share/ReplacedByLink.tsx'
import { ShareButton } from './share/ShareButton.tsx'
import { fmtTime } from './format.ts'

const YamlEditor = lazy(() => import('./editor/YamlEditor.tsx'))

/** The right column: a FailedScheduling banner, the inspector and kubectl's view of the cluster at the panels' step. */
function RightPanels({ dark, askWhatIf, tryFix }: { dark: boolean; askWhatIf(index: number): void; tryFix(f: Suggestion): void }) {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shown)
  const select = useApp((s) => s.select)
  const atPlayhead = useApp((s) => s.atPlayhead)
  const t0 = events[0]?.t ?? 0
  // The pod as stored at the step shown, once the worker's snapshot is for that step (one object per text, so the
  // memoised inspector re-renders only when what it shows changes).
  const storedFor = atPlayhead?.index === shown ? atPlayhead : undefined
  const stored = useMemo(() => (storedFor?.podName && storedFor.podYaml ? { name: storedFor.podName, yaml: storedFor.podYaml } : undefined), [storedFor?.podName, storedFor?.podYaml])
  return (
    <>
      <FailedSchedulingBanner events={events} selected={shown} select={select} ask={askWhatIf} tryFix={tryFix} />
      <Inspector e={events[shown]} t0={t0} dark={dark} stored={stored} />
      {atPlayhead && events[shown] && (
        <pre className="terminal" aria-label="Cluster at the playhead">{`# at ${fmtTime(events[shown].t, t0)}\n$ kubectl get pods -o wide\n${atPlayhead.getPods}\n\n$ kubectl describe pod\n${atPlayhead.describePod ? `${atPlayhead.describePod}\n` : ''}${atPlayhead.describeEvents}`}</pre>
      )}
    </>
  )
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
  const getPods = useApp((s) => s.getPods)
  const running = useApp((s) => s.running)
  const generation = useApp((s) => s.generation)
  const error = useApp((s) => s.error)
  const start = useApp((s) => s.start)
  const send = useWorker()
  const [dark, toggleTheme] = useDark()
  const apply = useCallback(() => {
    const { text: manifest, clusterText, seed } = useApp.getState()
    start({ manifest, cluster: clusterText, seed })
    send({ type: 'apply', text: manifest, seed, cluster: clusterText })
  }, [start, send])
  const askWhatIf = useCallback((index: number) => send({ type: 'whatIf', index }), [send])
  const tryFix = useCallback((f: Suggestion) => {
    if (f.target === 'manifest') useApp.getState().setText(f.text)
    else useApp.getState().setClusterText(f.text)
    apply()
  }, [apply])
  useEffect(() => followSelected(PANEL_MS), [])
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
      if (ev.key === ' ') { ev.preventDefault(); togglePlay() }
      const { selected } = useApp.getState()
      if (ev.key === 'ArrowRight') select(Math.min(selected + 1, events.length - 1))
      if (ev.key === 'ArrowLeft') select(Math.max(selected - 1, 0))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  return (
    <div className="app" data-running={running} data-generation={generation}>
      <header>
        <h1>podbirth <span>the birth of a Kubernetes pod, simulated (v1.35)</span></h1>
        <span className="header-tools">
          <ShareButton defaultCluster={presetText('default')} getScenario={() => { const st = useApp.getState(); return { manifest: st.text, cluster: st.clusterText, seed: st.seed } }} />
          <button type="button" className="theme" onClick={toggleTheme}>{dark ? 'Light theme' : 'Dark theme'}</button>
        </span>
      </header>
      <ReplacedByLink />
      <main>
        <section className="editor-pane">
          <EditorTabs dark={dark} onApply={apply}>
            <Suspense fallback={<textarea id="manifest" aria-label="Pod manifest (loading the editor…)" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}>
              <YamlEditor value={text} onChange={setText} onApply={apply} dark={dark} error={editorError} />
            </Suspense>
          </EditorTabs>
          <div className="controls">
            <button type="button" onClick={apply} disabled={running}>Apply</button>
            <EditedSinceApply />
            <PlayControls canPlay={events.length > 0} />
            <StepButtons count={events.length} />
            <SeedInput />
          </div>
          {events.length > 0 && <Timeline events={events} t0={events[0]?.t ?? 0} />}
          {events.length > 0 && !running && <button type="button" className="download" onClick={downloadTrace}>Download the trace (JSON)</button>}
          {error && <p className="error" role="alert">{error}</p>}
          {kubectl && (
            <pre className={`terminal${kubectl.exitCode ? ' failed' : ''}`} aria-label="kubectl output">{`$ kubectl apply -f pod.yaml\n${kubectl.stdout}${kubectl.stderr}${getPods ? `\n$ kubectl get pods -o wide   # at the end\n${getPods}` : ''}`}</pre>
          )}
          {kubectl && /no matches for kind "(Deployment|ReplicaSet|DaemonSet|StatefulSet|Job|CronJob)"/.test(kubectl.stderr) && (
            <p className="note" role="note">podbirth simulates the birth of pods: its cluster has no controller-manager, so it serves no workload controllers (Deployment, ReplicaSet, Job, …) and kubectl gets this answer. Apply the Pod your controller would create (its <code>spec.template</code>) instead.</p>
          )}

        </section>
        <section className="lanes" aria-label="Swimlanes">
          <LiveSwimlanes events={events} dark={dark} />
          <LanePanels />
        </section>
        <div className="right">
          <RightPanels dark={dark} askWhatIf={askWhatIf} tryFix={tryFix} />

        </div>
      </main>
      <LogPanels />
      <SnapshotFollower send={send} />
    </div>
  )
}
