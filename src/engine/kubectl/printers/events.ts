/**
 * The Events table of `kubectl describe`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (sorted by last seen; tabwriter
 * padding 2; Age "%s (x%d over %s)" when an event repeated; From = source.component or reportingController).
 */
import type { KEvent } from '../../api/types.ts'
import { humanDuration } from './humanDuration.ts'
import { tabwrite } from './tabwriter.ts'

const ts = (s: string | undefined | null) => (s ? Date.parse(s) : Number.NaN)

function firstSeen(e: KEvent): number {
  const f = ts(e.firstTimestamp)
  return Number.isNaN(f) ? ts(e.eventTime) : f
}

function lastSeen(e: KEvent): number {
  const series = (e.series as { lastObservedTime?: string } | undefined)?.lastObservedTime
  const l = ts(e.lastTimestamp)
  return !Number.isNaN(l) ? l : series ? ts(series) : firstSeen(e)
}

/** describeEvents renders the events of one object at wall-clock instant nowMs. */
export function describeEvents(events: KEvent[], nowMs: number): string {
  if (events.length === 0) return 'Events:\t<none>'.replace('\t', '  ')
  // SortableEvents orders by lastTimestamp; events.k8s.io events have none (the zero time), so they come first.
  const key = (e: KEvent) => (Number.isNaN(ts(e.lastTimestamp)) ? 0 : ts(e.lastTimestamp))
  const sorted = [...events].sort((a, b) => key(a) - key(b))
  const rows = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']]
  for (const e of sorted) {
    const count = e.count ?? (e.series as { count?: number } | undefined)?.count ?? 1
    const age = count > 1 ? `${humanDuration(nowMs - lastSeen(e))} (x${count} over ${humanDuration(nowMs - firstSeen(e))})` : humanDuration(nowMs - firstSeen(e))
    rows.push([e.type ?? '', e.reason ?? '', age, e.source?.component || e.reportingComponent || '', (e.message ?? '').trim()])
  }
  return `Events:\n${tabwrite(rows, 2, '  ')}`
}

/** eventsFor selects the events of one object (by uid, else by kind/namespace/name). */
export function eventsFor(events: KEvent[], kind: string, namespace: string, name: string, uid?: string): KEvent[] {
  return events.filter((e) => e.involvedObject.kind === kind && e.involvedObject.namespace === namespace && e.involvedObject.name === name && (!uid || !e.involvedObject.uid || e.involvedObject.uid === uid))
}
