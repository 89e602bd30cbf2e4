/**
 * The Events table at the end of every `kubectl describe`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (Flush, then sort.Sort by
 * event.SortableEvents — lastTimestamp — Age from eventTime else firstTimestamp, "%s (x%d over %s)" for a series or
 * count > 1, From = source.component else reportingComponent, "fieldPath: message" when involvedObject.fieldPath
 * is set).
 */
import type { KEvent } from '../../../api/types.ts'
import { parseTime, translateTimestampSince } from './format.ts'
import { LEVEL_0, LEVEL_1 } from './tabwriter.ts'
import type { PrefixWriter } from './tabwriter.ts'

export function describeEventsTo(events: KEvent[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  // SortableEvents: the zero lastTimestamp (events.k8s.io events) sorts first; Go's sort is stable for short lists.
  const last = (e: KEvent) => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY
  const sorted = [...events].sort((a, b) => (last(a) < last(b) ? -1 : last(a) > last(b) ? 1 : 0))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first =
      parseTime(e.eventTime) !== undefined
        ? translateTimestampSince(e.eventTime, nowMs)
        : translateTimestampSince(e.firstTimestamp, nowMs)
    let interval = first
    if (e.series)
      interval = `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`
    else if ((e.count ?? 0) > 1)
      interval = `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    let message = (e.message ?? '').trim()
    if (e.involvedObject.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`)
  }
}
