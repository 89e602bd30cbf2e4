/**
 * The one place breakpoints are listed, toggled, removed and added: a button named "Breakpoints" in the playback
 * controls opening a panel (a non-modal dialog; Esc or the button closes it). Next to the button, a status line
 * says which breakpoint stopped playback, and where.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useApp } from '../../../app/store.ts'
import { nodesOf } from '../focus.ts'
import { BREAK_KINDS, describe } from './match.ts'
import type { BreakCondition, BreakKind } from './match.ts'
import '../../../styles/focus.css'

const KIND_LABEL: Record<BreakKind, string> = {
  cycleStarts: "a pod's scheduling cycle starts",
  failedScheduling: 'any FailedScheduling',
  preempted: 'a Preempted event',
  rejectsNode: 'a plugin rejects a node',
  boundTo: 'a pod is bound to a node',
  queueMoves: 'the queue moves a pod',
}

/** What the form asks for each kind: a pod, a node (and an optional plugin), or nothing. */
const needs = (k: BreakKind): 'pod' | 'node' | 'optional pod' | 'none' =>
  k === 'cycleStarts' ? 'pod' : k === 'rejectsNode' || k === 'boundTo' ? 'node' : k === 'queueMoves' ? 'optional pod' : 'none'

function conditionFrom(kind: BreakKind, pod: string, node: string, plugin: string): BreakCondition | undefined {
  switch (kind) {
    case 'cycleStarts': return pod ? { kind, pod } : undefined
    case 'failedScheduling': case 'preempted': return { kind }
    case 'rejectsNode': return node ? (plugin ? { kind, node, plugin } : { kind, node }) : undefined
    case 'boundTo': return node ? { kind, node } : undefined
    case 'queueMoves': return pod ? { kind, pod } : { kind }
  }
}

export function BreakpointsButton() {
  const [open, setOpen] = useState(false)
  const breakpoints = useApp((s) => s.breakpoints)
  const stoppedAt = useApp((s) => s.stoppedAt)
  const on = breakpoints.filter((b) => b.enabled).length
  const panel = useId()
  const button = useRef<HTMLButtonElement | null>(null)
  return (
    <span className="breakpoints">
      <button type="button" ref={button} aria-expanded={open} aria-controls={panel} onClick={() => setOpen((v) => !v)}
        className={on ? 'has-breakpoints' : undefined}>
        Breakpoints{breakpoints.length ? ` (${on}/${breakpoints.length})` : ''}
      </button>
      <span className="breakpoint-stop" role="status">
        {stoppedAt ? `Stopped at step ${stoppedAt.step + 1}: ${describe(stoppedAt.breakpoint)}` : ''}
      </span>
      {open && <BreakpointsPanel id={panel} anchor={button.current} close={() => { setOpen(false); button.current?.focus() }} />}
    </span>
  )
}

/**
 * Where the panel goes: under the button, inside the window. It is rendered in document.body: the lanes' column is
 * `contain: strict` (it clips what overflows it and is the containing block of anything fixed inside it).
 */
function placeUnder(anchor: HTMLElement | null): React.CSSProperties {
  if (!anchor) return {}
  const r = anchor.getBoundingClientRect()
  const width = Math.min(480, window.innerWidth * 0.92)
  return { position: 'fixed', top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)), width }
}

function BreakpointsPanel({ id, close, anchor }: { id: string; close(): void; anchor: HTMLElement | null }) {
  const breakpoints = useApp((s) => s.breakpoints)
  const toggle = useApp((s) => s.toggleBreakpoint)
  const remove = useApp((s) => s.removeBreakpoint)
  const add = useApp((s) => s.addBreakpoint)
  const events = useApp((s) => s.events)
  const story = useApp((s) => s.story)
  const pods = story?.pods ?? []
  const nodes = useMemo(() => nodesOf(events), [events])
  const [kind, setKind] = useState<BreakKind>('failedScheduling')
  const [pod, setPod] = useState('')
  const [node, setNode] = useState('')
  const [plugin, setPlugin] = useState('')
  const root = useRef<HTMLDivElement | null>(null)
  const [place, setPlace] = useState(() => placeUnder(anchor))
  // It follows its button when the page or a column scrolls, or the window is resized.
  useEffect(() => {
    const follow = () => setPlace(placeUnder(anchor))
    window.addEventListener('scroll', follow, true)
    window.addEventListener('resize', follow)
    return () => { window.removeEventListener('scroll', follow, true); window.removeEventListener('resize', follow) }
  }, [anchor])
  const need = needs(kind)
  const cond = conditionFrom(kind, pod.trim(), node.trim(), plugin.trim())
  const podList = useId()
  const nodeList = useId()
  useEffect(() => { root.current?.querySelector<HTMLElement>('select, input, button')?.focus({ preventScroll: true }) }, [])
  return createPortal(
    <div className="breakpoints-panel" role="dialog" aria-label="Breakpoints" id={id} ref={root} style={place}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); close() } }}>
      <h3>Breakpoints</h3>
      <p className="muted">Playback stops at the first step after the playhead that an enabled breakpoint matches.</p>
      {breakpoints.length === 0 ? <p className="muted">No breakpoints yet.</p> : (
        <ul aria-label="Breakpoints set">
          {breakpoints.map((b) => (
            <li key={b.id}>
              <label><input type="checkbox" checked={b.enabled} onChange={() => toggle(b.id)} /> {describe(b)}</label>
              <button type="button" className="remove" aria-label={`Remove breakpoint: ${describe(b)}`} onClick={() => remove(b.id)}>✕</button>
            </li>
          ))}
        </ul>
      )}
      <form className="breakpoint-add" onSubmit={(e) => { e.preventDefault(); if (cond) add(cond) }}>
        <label>Stop when{' '}
          <select value={kind} onChange={(e) => setKind(BREAK_KINDS.find((k) => k === e.target.value) ?? 'failedScheduling')}>
            {BREAK_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
          </select>
        </label>
        {(need === 'pod' || need === 'optional pod') && (
          <label>Pod{need === 'optional pod' ? ' (any if empty)' : ''}{' '}
            <input value={pod} list={podList} placeholder="namespace/name" spellCheck={false} onChange={(e) => setPod(e.target.value)} />
            <datalist id={podList}>{pods.map((p) => <option key={p} value={p} />)}</datalist>
          </label>
        )}
        {need === 'node' && (
          <label>Node{' '}
            <input value={node} list={nodeList} spellCheck={false} onChange={(e) => setNode(e.target.value)} />
            <datalist id={nodeList}>{nodes.map((n) => <option key={n} value={n} />)}</datalist>
          </label>
        )}
        {kind === 'rejectsNode' && (
          <label>Plugin (any if empty){' '}
            <input value={plugin} placeholder="e.g. TaintToleration" spellCheck={false} onChange={(e) => setPlugin(e.target.value)} />
          </label>
        )}
        <button type="submit" disabled={!cond}>Add breakpoint</button>
      </form>
      <button type="button" className="close" onClick={close}>Close</button>
    </div>,
    document.body,
  )
}
