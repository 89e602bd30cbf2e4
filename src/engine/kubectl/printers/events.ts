/**
 * The Events table of `kubectl describe` on its own, and the selection of one object's events.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (./describe/events.ts) and the
 * involvedObject field selector describe's searchEvents uses.
 */
import type { KEvent } from '../../api/types.ts'
import { describeEventsTo } from './describe/events.ts'
import { PrefixWriter } from './describe/tabwriter.ts'

/** describeEvents renders the events of one object at wall-clock instant nowMs, without a final newline. */
export function describeEvents(events: KEvent[], nowMs: number): string {
  const w = new PrefixWriter()
  describeEventsTo(events, w, nowMs)
  return w.toString().replace(/\n$/, '')
}

/** eventsFor selects the events of one object (by uid, else by kind/namespace/name). */
export function eventsFor(events: KEvent[], kind: string, namespace: string, name: string, uid?: string): KEvent[] {
  return events.filter(
    (e) =>
      e.involvedObject.kind === kind &&
      e.involvedObject.namespace === namespace &&
      e.involvedObject.name === name &&
      (!uid || !e.involvedObject.uid || e.involvedObject.uid === uid),
  )
}
