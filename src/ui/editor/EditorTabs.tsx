/**
 * The editor pane's two tabs: the pod manifest and the cluster file (ARIA tabs, arrow keys move between them).
 * Both panels stay mounted once shown — the inactive one is hidden — so each editor keeps its text and undo.
 */
import { Suspense, lazy, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { editorMode } from './editorMode.ts'
import type { KeyboardEvent, ReactNode } from 'react'
import { useApp } from '../../app/store.ts'
import { CLUSTER_PRESETS } from '../../protocol/clusters.ts'
import { SchedulerStatus } from './SchedulerStatus.tsx'
import { useWideEditor } from './wideEditor.ts'
import './clusterEditor.css'

const ClusterEditor = lazy(() => import('./ClusterEditor.tsx'))

const TABS = [
  { id: 'pod', label: 'Pod manifest' },
  { id: 'cluster', label: 'Cluster' },
] as const
type TabId = (typeof TABS)[number]['id']

/** clusterErrorAt reads the line and column out of the worker's cluster-file error, if it names them. */
function clusterErrorAt(error: string | undefined): { line: number; column: number; message: string } | undefined {
  const m = error && /^cluster\.yaml: .*?line (\d+), column (\d+)/.exec(error)
  return m ? { line: Number(m[1]), column: Number(m[2]), message: error } : undefined
}

function ClusterPanel({ dark, onApply }: { dark: boolean; onApply(): void }) {
  const clusterText = useApp((s) => s.clusterText)
  const clusterPreset = useApp((s) => s.clusterPreset)
  const setClusterText = useApp((s) => s.setClusterText)
  const choosePreset = useApp((s) => s.choosePreset)
  const error = useApp((s) => s.error)
  const errorAt = useMemo(() => clusterErrorAt(error), [error])
  const preset = CLUSTER_PRESETS.find((p) => p.id === clusterPreset)
  const scheduler = useApp((s) => s.scheduler)
  const schedErr = scheduler?.error
  const configError = schedErr?.line !== undefined
    ? { line: schedErr.line, column: schedErr.column ?? 1, message: `kube-scheduler: ${schedErr.message}` }
    : undefined
  const tools = useRef<HTMLDivElement>(null)
  const [wide, setWide] = useWideEditor(tools)
  return (
    <>
      <div className="cluster-tools" ref={tools}>
        <div className="cluster-tools-row">
          <label>Cluster preset{' '}
            <select value={clusterPreset} onChange={(e) => choosePreset(e.target.value)}>
              {clusterPreset === 'custom' && <option value="custom">Custom (edited)</option>}
              {CLUSTER_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </select>
          </label>
          <button type="button" onClick={() => setWide(!wide)}
            title={wide ? 'Back to the normal layout (Esc)' : 'Give the editor the full width'}>
            {wide ? 'Narrow editor' : 'Widen editor'}
          </button>
        </div>
        <p className="muted cluster-description">{preset ? preset.description : 'Your edited cluster file, kept in this browser.'}</p>
        <SchedulerStatus />
        {!/\bkind:\s*["']?Node\b/.test(clusterText) && <p className="cluster-note" role="note">A cluster file is the whole cluster: this one defines no Node, so it has none and a pod stays Pending (<code>no nodes available to schedule pods</code>). The built-in nodes (control-plane, worker-1, worker-2) are used only without a cluster file; the Default preset lists them.</p>}
      </div>
      <Suspense fallback={<textarea aria-label="Cluster file (loading the editor…)" spellCheck={false} value={clusterText} onChange={(e) => setClusterText(e.target.value)} />}>
        <ClusterEditor value={clusterText} onChange={setClusterText} onApply={onApply} dark={dark} error={errorAt}
          configError={configError} />
      </Suspense>
    </>
  )
}

export function EditorTabs({ dark, onApply, children }: { dark: boolean; onApply(): void; children: ReactNode }) {
  const [active, setActive] = useState<TabId>('pod')
  // The cluster panel (and its Monaco editor) is created the first time it is shown, then kept.
  const [clusterShown, setClusterShown] = useState(false)
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({})
  const choose = (id: TabId, focus = false) => {
    setActive(id)
    if (id === 'cluster') setClusterShown(true)
    if (focus) tabs.current[id]?.focus()
  }
  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === active)
    const next = ev.key === 'ArrowRight' ? (i + 1) % TABS.length
      : ev.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length
        : ev.key === 'Home' ? 0 : ev.key === 'End' ? TABS.length - 1 : -1
    if (next < 0) return
    // The window's arrow keys step through the trace: not while they move between tabs.
    ev.preventDefault()
    ev.stopPropagation()
    choose(TABS[next].id, true)
  }
  return (
    <>
      <div className="editor-tabs" role="tablist" aria-label="Editor" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`editor-tab-${t.id}`} aria-controls={`editor-panel-${t.id}`}
            aria-selected={active === t.id} tabIndex={active === t.id ? 0 : -1} className="editor-tab"
            ref={(el) => { tabs.current[t.id] = el }} onClick={() => choose(t.id)}>{t.label}</button>
        ))}
      </div>
      <div className="editor-tabpanel" role="tabpanel" id="editor-panel-pod" aria-labelledby="editor-tab-pod" hidden={active !== 'pod'}>
        {children}
      </div>
      <div className="editor-tabpanel" role="tabpanel" id="editor-panel-cluster" aria-labelledby="editor-tab-cluster" hidden={active !== 'cluster'}>
        {clusterShown && <ClusterPanel dark={dark} onApply={onApply} />}
      </div>
      <EditorHint />
    </>
  )
}

/** Says how the editor holds the keyboard right now (see EditorMode). */
function EditorHint() {
  const mode = useSyncExternalStore(editorMode.subscribe, editorMode.get)
  const text = mode === 'editing' ? 'Editing: Tab indents · Esc leaves the editor · Ctrl/⌘+Enter applies'
    : mode === 'focused' ? 'Press Enter to edit · Tab moves on · Ctrl/⌘+Enter applies'
      : 'Click or press Enter in the editor to edit · Ctrl/⌘+Enter applies'
  return <p className="editor-hint" aria-live="polite">{text}</p>
}
