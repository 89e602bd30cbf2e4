/**
 * The lane heads: each lane is a named region with its name, buttons to its previous and next step, what it is
 * waiting for at the playhead, and (for screen readers) how many steps it has and which of them is the latest at the
 * playhead. Beside them, a map of where each component runs: your machine, the control plane, the node.
 */
import { memo } from 'react'
import type { Lane, TraceEvent } from '../../engine/events.ts'
import type { Wait } from '../../engine/story/index.ts'
import { fmtTime } from '../format.ts'
import { stepName } from './labels.ts'
import type { Metrics } from './metrics.ts'
import { waitsAt } from './paintWaits.ts'
import type { WaitGeometry } from './paintWaits.ts'
import { afterIndex } from './scale.ts'
import type { Item } from './scale.ts'

interface Props {
  events: TraceEvent[]
  byLane: Map<Lane, Item[]>
  /** The step the heads describe (a throttled playhead). */
  shown: number
  /** The selected step right now (the buttons jump from it). */
  current(): number
  select(i: number): void
  t0: number
  m: Metrics
  waits: WaitGeometry
}

/** Where each component runs, as groups of lanes (top to bottom); a group keeps the lanes that are shown. */
const GROUPS: { label: (node: string) => string; lanes: readonly Lane[] }[] = [
  { label: () => 'your machine', lanes: ['kubectl'] },
  { label: () => 'control plane', lanes: ['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler'] },
  { label: (node) => `node: ${node}`, lanes: ['kubelet', 'CRI', 'CNI'] },
]

function places(shown: readonly Lane[]): { label: (node: string) => string; lanes: readonly Lane[]; first: number }[] {
  return GROUPS.map((g) => {
    const lanes = g.lanes.filter((l) => shown.includes(l))
    return { ...g, lanes, first: shown.indexOf(lanes[0]) }
  })
}

export const LaneHeads = memo(function LaneHeads({ events, byLane, shown, current, select, t0, m, waits }: Props) {
  const at = events[shown]
  const node = at?.node ?? 'each node'
  return (
    <>
      <ul className="lane-map" aria-label="Where each component runs" style={{ width: m.mapW }}>
        {places(m.lanes).map((p) => {
          // The client's group reaches up into the axis row: "your machine" needs the room.
          const top = p.first === 0 ? 2 : m.axisH + p.first * m.laneH + 2
          const bottom = m.axisH + (p.first + p.lanes.length) * m.laneH - 2
          const text = p.label(node)
          return (
            <li key={p.first} className="lane-place" style={{ top, height: bottom - top, width: m.mapW }} title={`${p.lanes.join(', ')}: ${text}`}>
              <span className="visually-hidden">{`${p.lanes.join(', ')} run${p.lanes.length === 1 ? 's' : ''} on: `}</span>
              <span className="lane-place-text">{text}</span>
            </li>
          )
        })}
      </ul>
      {m.lanes.map((lane, li) => (
        <LaneHead key={lane} lane={lane} top={m.axisH + li * m.laneH} left={m.mapW} width={m.labelW - m.mapW} height={m.laneH}
          list={byLane.get(lane) ?? []} shown={shown} current={current} select={select} t0={t0}
          waiting={at ? waitingText(waitsAt(waits, li, at.t, 50), at) : undefined} />
      ))}
    </>
  )
})

/** "waiting: pulling nginx:1.27" (the selected step's pod's wait first), with how many more. */
function waitingText(ws: Wait[], at: TraceEvent): string | undefined {
  if (ws.length === 0) return undefined
  const mine = ws.find((w) => w.pod === at.pod && (at.node === undefined || w.node === at.node)) ?? ws[0]
  return `waiting: ${mine.label}${ws.length > 1 ? ` (+${ws.length - 1}${ws.length >= 50 ? '+' : ''} more)` : ''}`
}

interface HeadProps {
  lane: Lane; top: number; left: number; width: number; height: number; list: Item[]; shown: number
  current(): number; select(i: number): void; t0: number; waiting?: string
}

/** A lane's region. */
const LaneHead = memo(function LaneHead({ lane, top, left, width, height, list, shown, current, select, t0, waiting }: HeadProps) {
  /** The lane's steps just after and just before step `at`. */
  const around = (at: number) => {
    const k = afterIndex(list, at)
    const atOrBefore = k > 0 ? list[k - 1] : undefined
    return { next: list[k], atOrBefore, prev: atOrBefore && atOrBefore.i === at ? list[k - 2] : atOrBefore }
  }
  // What is shown follows the (throttled) playhead; a click goes from where the playhead is now.
  const { next, atOrBefore, prev } = around(shown)
  const go = (which: 'next' | 'prev') => { const target = around(current())[which]; if (target) select(target.i) }
  return (
    <section className="lane" role="region" aria-label={lane} data-steps={list.length} style={{ top, left, height, width }}>
      <div className="lane-head" style={{ width }}>
        <div className="lane-title">
          <h3 className="lane-name" title={lane}>{lane}</h3>
          {waiting && <span className="lane-waiting" title={waiting}>{waiting}</span>}
        </div>
        <span className="lane-nav">
          <button type="button" className="lane-next" aria-label={`Previous ${lane} step`} title={`Jump to the previous ${lane} step`} disabled={!prev} onClick={() => go('prev')}>‹</button>
          <button type="button" className="lane-next" aria-label={`Next ${lane} step`} title={`Jump to the next ${lane} step`} disabled={!next} onClick={() => go('next')}>›</button>
        </span>
      </div>
      <p className="visually-hidden">{`${list.length} steps`}{atOrBefore ? `; at the playhead: ${fmtTime(atOrBefore.e.t, t0)} ${stepName(atOrBefore.e)}: ${atOrBefore.e.summary}` : '; at the playhead: none of them yet'}{waiting ? `; ${waiting}` : ''}</p>
    </section>
  )
})
