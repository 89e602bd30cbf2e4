import { useApp } from '../../app/store.ts'
import { NodesView } from './NodesView.tsx'
import { QueueView } from './QueueView.tsx'

/** The nodes and the scheduling queue at the panels' step, under the lanes. */
export function LanePanels() {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shownLanes)
  const atPlayhead = useApp((s) => s.atPlayhead)
  if (!events[shown]) return null
  return (
    <>
      {atPlayhead && <NodesView nodes={atPlayhead.nodes} focus={events[shown].node ?? atPlayhead.podNode} />}
      <QueueView events={events} index={shown} />
    </>
  )
}
