/**
 * The nodes at the playhead: the cluster map (every node, grouped by zone or a chosen label, coloured by the
 * selected scheduling cycle's verdict, by score or by allocation) and, under it, one node in full (the one opened
 * on the map, else the playhead's). A fixed-height panel: the map scrolls inside it, so the queue below stays on
 * screen at any cluster size.
 */
import { memo, useCallback, useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import type { NodeRow } from '../../protocol/messages.ts'
import { COLOUR_MODES, colourNodes } from '../map/colours.ts'
import type { ColourMode } from '../map/colours.ts'
import { cycleAt, indexCycles } from '../map/cycle.ts'
import { MapLegend } from '../map/MapLegend.tsx'
import { NodeCard } from '../map/NodeCard.tsx'
import { NodeMap } from '../map/NodeMap.tsx'
import { ZONE_LABEL, labelKeys } from '../map/nodeLayout.ts'
import { useIsDark } from '../map/useTheme.ts'
import { indexRecord, verdictOf } from '../map/verdicts.ts'

const count = (n: number) => n.toLocaleString('en-US')
const isMode = (v: string): v is ColourMode => COLOUR_MODES.some((m) => m.mode === v)

/**
 * The nodes at the playhead. `focus` (the node the selected step ran on or bound to) is shown in full until a node
 * is opened on the map.
 */
export const NodesView = memo(function NodesView({ nodes, focus }: { nodes: NodeRow[]; focus?: string }) {
  const events = useApp((s) => s.events)
  const index = useApp((s) => s.shownLanes)
  const decision = useApp((s) => s.decision)
  const opened = useApp((s) => s.openedNode)
  const openNode = useApp((s) => s.openNode)
  const openDecision = useApp((s) => s.openDecision)
  const groupBy = useApp((s) => s.mapGroupBy)
  const setGroupBy = useApp((s) => s.setMapGroupBy)
  const mode = useApp((s) => s.mapColour)
  const setMode = useApp((s) => s.setMapColour)
  const dark = useIsDark()
  const spans = useMemo(() => indexCycles(events), [events])
  const span = cycleAt(spans, index)
  // The decision view's record of the same cycle is full even above 100 nodes (the worker recomputes it).
  const full =
    decision && span && decision.index === span.at && decision.record?.detail === 'full' ? decision.record : undefined
  const record = full ?? span?.record
  const ix = useMemo(() => indexRecord(record), [record])
  const verdicts = useMemo(() => nodes.map((n) => verdictOf(ix, n.name)), [nodes, ix])
  const colouring = useMemo(
    () =>
      colourNodes(
        nodes.map((n, i) => ({ ...n, verdict: verdicts[i] })),
        mode,
        dark,
      ),
    [nodes, verdicts, mode, dark],
  )
  const keys = useMemo(() => labelKeys(nodes), [nodes])
  const onOpen = useCallback((name: string) => openNode(name), [openNode])
  if (nodes.length === 0) return null
  const shownName = opened && nodes.some((n) => n.name === opened) ? opened : focus
  const shownAt = shownName ? nodes.findIndex((n) => n.name === shownName) : -1
  const cpu = nodes.reduce((a, n) => ({ used: a.used + n.cpuRequested, total: a.total + n.cpuAllocatable }), {
    used: 0,
    total: 0,
  })
  const withPods = nodes.filter((n) => n.pods.length > 0).length
  const cpuPct = cpu.total ? Math.round((cpu.used / cpu.total) * 100) : 0
  const groupOptions = keys.includes(groupBy) || groupBy === '' ? keys : [groupBy, ...keys]
  return (
    <section className="nodes" aria-label="Nodes at the playhead">
      <div className="nodes-head">
        <h3>Nodes</h3>
        <span className="muted">
          {`${count(nodes.length)} nodes, ${count(withPods)} running pods; cpu requested ${cpuPct}%`}
          {span ? ` · cycle of ${span.pod}` : ''}
        </span>
        <label>
          Group by{' '}
          <select aria-label="Group nodes by" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            <option value="">nothing</option>
            {groupOptions.map((k) => (
              <option key={k} value={k}>
                {k === ZONE_LABEL ? 'zone' : k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour{' '}
          <select
            aria-label="Colour nodes by"
            value={mode}
            onChange={(e) => {
              if (isMode(e.target.value)) setMode(e.target.value)
            }}
          >
            {COLOUR_MODES.map((m) => (
              <option key={m.mode} value={m.mode}>
                {m.label.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <NodeMap
        nodes={nodes}
        verdicts={verdicts}
        colouring={colouring}
        groupBy={groupBy}
        opened={opened}
        dark={dark}
        cycle={span?.at}
        onOpen={onOpen}
      />
      <MapLegend
        colouring={colouring}
        marks={nodes.some((n) => n.unschedulable || n.taints.length > 0)}
        onRecompute={span ? () => openDecision(span.at) : undefined}
      />
      {shownAt >= 0 && (
        <NodeCard
          node={nodes[shownAt]}
          verdict={verdicts[shownAt]}
          opened={shownName === opened}
          cyclePod={span?.pod}
          onClose={() => openNode(null)}
          onDecision={span ? () => openDecision(span.at, nodes[shownAt].name) : undefined}
        />
      )}
    </section>
  )
})
