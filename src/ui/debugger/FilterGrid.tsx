/**
 * The nodes × Filter-plugins grid: ✓ passed, ✗ rejected (the reason on hover and on focus), · not evaluated;
 * grouped by a label, filtered, sorted, and virtualised (only the rows in view are in the DOM).
 */
import { Fragment, useMemo, useState } from 'react'
import type { CSSProperties } from 'react'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import type { NodeExplanation } from '../../engine/scheduler/explain/types.ts'
import {
  buildRows,
  cellMark,
  filterRows,
  groupItems,
  groupableLabels,
  sortRows,
  visibleRange,
  ZONE_LABEL,
} from './grid.ts'
import type { GridItem, Show, SortKey } from './grid.ts'
import { cellTip } from './reasonText.ts'

const ROW_PX = 22
const VIEWPORT_PX = 352

/** A plugin's name with line-break opportunities between its words (NodeResources|Fit), so headers wrap whole. */
function camelBreaks(name: string) {
  return name.split(/(?<=[a-z])(?=[A-Z])/).map((w, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {w}
    </Fragment>
  ))
}

const VERDICT_TEXT = {
  feasible: 'feasible',
  rejected: 'rejected',
  notEvaluated: 'not evaluated',
  excluded: 'excluded at PreFilter',
}

export function FilterGrid({
  record,
  labels,
  explanations,
  winner,
  openNode,
  selectedNode,
}: {
  record: CycleRecord
  labels: Record<string, Record<string, string>>
  explanations: Map<string, NodeExplanation>
  winner: string | null
  openNode(node: string): void
  selectedNode: string | null
}) {
  const [groupBy, setGroupBy] = useState(ZONE_LABEL)
  const [sortKey, setSortKey] = useState<SortKey>('name')
  const [show, setShow] = useState<Show>('all')
  const [text, setText] = useState('')
  const [scrollTop, setScrollTop] = useState(0)
  const [tip, setTip] = useState('')
  const plugins = record.filterPlugins
  const rows = useMemo(() => buildRows(record, labels, groupBy), [record, labels, groupBy])
  const items: GridItem[] = useMemo(
    () => groupItems(sortRows(filterRows(rows, text, show), sortKey)),
    [rows, text, show, sortKey],
  )
  const choices = useMemo(() => groupableLabels(labels), [labels])
  const { start, end } = visibleRange(scrollTop, VIEWPORT_PX, ROW_PX, items.length)
  const columns: CSSProperties = {
    gridTemplateColumns:
      `minmax(7rem, 1.3fr) repeat(${plugins.length}, minmax(1.9rem, 0.55fr)) ` + 'minmax(9rem, 2.4fr) 3.2rem',
  }
  return (
    <section className="decision-grid" aria-label="Filter results per node">
      <div className="decision-grid-tools">
        <label>
          Group by{' '}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            {choices.map((k) => (
              <option key={k} value={k}>
                {k === ZONE_LABEL ? 'zone' : k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{' '}
          <select value={sortKey} onChange={(e) => setSortKey(e.target.value as SortKey)}>
            <option value="name">name</option>
            <option value="verdict">verdict</option>
            <option value="score">score</option>
          </select>
        </label>
        <label>
          Show{' '}
          <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
            <option value="all">all nodes</option>
            <option value="feasible">feasible</option>
            <option value="rejected">rejected</option>
          </select>
        </label>
        <label>
          Find{' '}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="node, zone, plugin, reason"
            aria-label="Filter the nodes"
          />
        </label>
        <span className="muted">
          {items.filter((i) => i.kind === 'row').length} of {rows.length} nodes
        </span>
      </div>
      <p className="decision-tip" role="status">
        {tip || "Hover or focus a ✗ for the rejection's reason; click a node for its reasons per constraint."}
      </p>
      <div role="table" aria-label="Filter verdicts: nodes × plugins" aria-rowcount={items.length + 1}>
        <div role="row" className="decision-row decision-head" style={columns}>
          <span role="columnheader">Node</span>
          {plugins.map((p) => (
            <span role="columnheader" key={p} title={p}>
              {camelBreaks(p)}
            </span>
          ))}
          <span role="columnheader">Result</span>
          <span role="columnheader">Score</span>
        </div>
        <div
          className="decision-body"
          style={{ height: Math.min(VIEWPORT_PX, Math.max(items.length, 1) * ROW_PX) }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div style={{ height: items.length * ROW_PX, position: 'relative' }}>
            {items.slice(start, end).map((it, k) => {
              const top = (start + k) * ROW_PX
              if (it.kind === 'group') {
                return (
                  <div role="row" key={`g:${it.group}`} className="decision-group" style={{ top, height: ROW_PX }}>
                    <span role="cell">
                      {it.group || `no ${groupBy} label`}: {it.count} {it.count === 1 ? 'node' : 'nodes'}, {it.feasible}{' '}
                      feasible
                    </span>
                  </div>
                )
              }
              const r = it.row
              const x = explanations.get(r.node)
              return (
                <div
                  role="row"
                  key={r.node}
                  className={[
                    'decision-row',
                    r.verdict,
                    r.node === winner ? 'winner' : '',
                    r.node === selectedNode ? 'selected' : '',
                  ].join(' ')}
                  style={{ ...columns, top, height: ROW_PX }}
                >
                  <span role="rowheader">
                    <button
                      type="button"
                      className="node-link"
                      onClick={() => openNode(r.node)}
                      aria-label={`${r.node}: reasons`}
                    >
                      {r.node}
                    </button>
                  </span>
                  {plugins.map((p) => {
                    const v = r.cells[p]
                    const mark = cellMark(v)
                    const t = cellTip(r.node, p, v, x)
                    return mark === '✗' ? (
                      <span
                        role="cell"
                        key={p}
                        className="mark rejected"
                        tabIndex={0}
                        title={t}
                        aria-label={t}
                        onMouseEnter={() => setTip(t)}
                        onFocus={() => setTip(t)}
                      >
                        ✗
                      </span>
                    ) : (
                      <span role="cell" key={p} className={`mark${mark === '✓' ? ' passed' : ''}`} title={t}>
                        {mark}
                      </span>
                    )
                  })}
                  <span
                    role="cell"
                    className="result"
                    title={r.reason ? `${r.rejectedBy}: ${r.reason}` : VERDICT_TEXT[r.verdict]}
                  >
                    {r.rejectedBy ? `${r.rejectedBy}: ${r.reason}` : VERDICT_TEXT[r.verdict]}
                    {r.node === winner ? ' ★ chosen' : ''}
                  </span>
                  <span role="cell" className="score">
                    {r.total ?? ''}
                  </span>
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
