/**
 * The full-width decision view of one scheduling cycle (a region named "Scheduling decision" that takes the lanes'
 * place; Esc or Back returns): the Why paragraph and the winner's margin, the cycle's numbers, the nodes × Filter
 * plugins grid, a node's reasons per constraint, the scores, PreFilter and PostFilter, and every attempt of the pod.
 * The worker computes it all (src/worker/decision.ts); this only lays it out.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useApp } from '../../app/store.ts'
import type { Command } from '../../protocol/messages.ts'
import type { NodeExplanation } from '../../protocol/decision.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import { Attempts } from './Attempts.tsx'
import { FilterGrid } from './FilterGrid.tsx'
import { NodeReasons } from './NodeReasons.tsx'
import { ScoreBars } from './ScoreBars.tsx'
import { neverEvaluated } from './grid.ts'
import '../../styles/debugger.css'

/** The cycle's numbers: how many nodes, where the walk started, where it stopped, what it never reached. */
function CycleFacts({ r, recomputed }: { r: CycleRecord; recomputed: boolean }) {
  const never = neverEvaluated(r)
  return (
    <dl className="decision-facts">
      <div>
        <dt>Profile</dt>
        <dd>{r.profile}</dd>
      </div>
      <div>
        <dt>Nodes</dt>
        <dd>{r.numAllNodes}</dd>
      </div>
      <div>
        <dt>numFeasibleNodesToFind</dt>
        <dd>
          {r.numFeasibleNodesToFind}
          {r.numFeasibleNodesToFind >= r.numAllNodes ? ' (every node)' : ' (percentageOfNodesToScore)'}
        </dd>
      </div>
      <div>
        <dt>Round-robin start</dt>
        <dd>
          node index {r.startIndex}
          {r.nominatedNode ? `; nominated ${r.nominatedNode} tried first` : ''}
        </dd>
      </div>
      <div>
        <dt>Evaluated</dt>
        <dd>
          {r.numEvaluated}, {r.numFeasible} feasible
        </dd>
      </div>
      <div>
        <dt>Never evaluated</dt>
        <dd>
          {never.notReached + never.excluded}
          {never.excluded ? ` (${never.excluded} excluded at PreFilter)` : ''}
        </dd>
      </div>
      <div>
        <dt>Result</dt>
        <dd>{r.selectedNode ? `bound to ${r.selectedNode}` : 'FailedScheduling'}</dd>
      </div>
      {recomputed && (
        <div>
          <dt>Record</dt>
          <dd>recomputed in full (the run keeps compact records above 100 nodes)</dd>
        </div>
      )}
    </dl>
  )
}

function PluginTable({ label, rows }: { label: string; rows: { plugin: string; status: string; text: string }[] }) {
  if (rows.length === 0) return null
  return (
    <table className="sched-table decision-points" aria-label={label}>
      <caption>{label}</caption>
      <tbody>
        {rows.map((p) => (
          <tr key={p.plugin}>
            <th scope="row">{p.plugin}</th>
            <td>{p.status}</td>
            <td>{p.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function DecisionView({ send }: { send(cmd: Command): void }) {
  const index = useApp((s) => s.decisionIndex)
  const d = useApp((s) => s.decision)
  const node = useApp((s) => s.decisionNode)
  const lazy = useApp((s) => s.decisionNodes)
  const close = useApp((s) => s.closeDecision)
  const openNode = useApp((s) => s.openDecisionNode)
  const generation = useApp((s) => s.generation)
  const opened = useRef(generation)
  const heading = useRef<HTMLHeadingElement>(null)
  // A new run replaces the trace: the cycle shown is gone.
  useEffect(() => {
    if (generation !== opened.current) {
      opened.current = generation
      close()
    }
  }, [generation, close])
  useEffect(() => {
    if (index !== null) {
      send({ type: 'decision', index })
      heading.current?.focus()
    }
  }, [index, send])
  const ready = d && d.index === index ? d : undefined
  const explanations = useMemo(() => {
    const m = new Map<string, NodeExplanation>((ready?.nodes ?? []).map((x) => [x.node, x]))
    for (const [k, v] of Object.entries(lazy)) m.set(k, v)
    return m
  }, [ready, lazy])
  useEffect(() => {
    if (ready && !ready.pending && node && !explanations.has(node) && ready.record)
      send({ type: 'decisionNode', index: ready.index, node })
  }, [ready, node, explanations, send])
  useEffect(() => {
    if (index === null) return
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') {
        ev.stopPropagation()
        close()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [index, close])
  if (index === null) return null
  const r = ready?.record ?? null
  return (
    <section className="decision-view" role="region" aria-label="Scheduling decision">
      <header className="decision-header">
        <button type="button" onClick={close}>
          ← Back
        </button>
        <h2 ref={heading} tabIndex={-1}>
          Scheduling decision{ready?.pod ? `: ${ready.pod}` : ''}
        </h2>
        {r && (
          <span className={`decision-badge ${r.selectedNode ? 'ok' : 'failed'}`}>
            {r.selectedNode ? `→ ${r.selectedNode}` : 'FailedScheduling'}
          </span>
        )}
      </header>
      {!ready && <p className="muted">Computing the decision in the worker…</p>}
      {ready?.note && (
        <p className="note" role="note">
          {ready.note}
        </p>
      )}
      {ready && r && (
        <div className="decision-body-grid">
          <section className="decision-why" aria-label="Why">
            <h3>Why</h3>
            <p className="decision-why-text">{ready.why}</p>
            {ready.margin && <p className="decision-margin">{ready.margin.text}</p>}
            {!r.selectedNode && r.message && <p className="decision-message">FailedScheduling: {r.message}</p>}
          </section>
          <CycleFacts r={r} recomputed={ready.recomputed} />
          <FilterGrid
            record={r}
            labels={ready.nodeLabels}
            explanations={explanations}
            winner={r.selectedNode}
            openNode={(n) => openNode(n)}
            selectedNode={node}
          />
          {node && <NodeReasons node={node} x={explanations.get(node)} close={() => openNode(null)} />}
          <ScoreBars record={r} />
          <div className="decision-points-row">
            <PluginTable
              label="PreFilter"
              rows={r.preFilter.map((p) => ({
                plugin: p.plugin,
                status: p.status,
                text: p.message ?? (p.nodeNames ? `only nodes: ${p.nodeNames.join(', ')}` : ''),
              }))}
            />
            <PluginTable
              label="PostFilter"
              rows={r.postFilter.map((p) => ({
                plugin: p.plugin,
                status: p.status,
                text: p.nominatedNodeName ? `nominated node ${p.nominatedNodeName}` : (p.message ?? ''),
              }))}
            />
          </div>
          <Attempts pod={ready.pod} current={ready.index} />
        </div>
      )}
    </section>
  )
}
