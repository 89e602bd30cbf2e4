/**
 * The Events table. Layout and Age rules from staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents;
 * TestDescribeEvents (describe_test.go) checks the same two event shapes: a core/v1 event with count 1 and an
 * events.k8s.io event with eventTime and a series.
 */
import { describe, expect, it } from 'vitest'
import { describeEvents } from '../events.ts'
import { NOW, event } from './testing.ts'

describe('DescribeEvents', () => {
  it('<none> without events', () => {
    expect(describeEvents([], NOW)).toBe('Events:  <none>')
  })

  // Sorted by lastTimestamp; "<last> (xN over <first>)" for repeats; eventTime before firstTimestamp.
  it('sorts, counts repeats, prefers eventTime, prints <unknown> for the zero time', () => {
    const events = [
      event('BackOff', 'Back-off restarting failed container app in pod app_default(u)', '2026-01-01T12:01:00Z', {
        type: 'Warning',
        count: 5,
        lastTimestamp: '2026-01-01T12:04:47Z',
      }),
      event('Scheduled', 'Successfully assigned default/app to worker-1', '', {
        firstTimestamp: undefined,
        lastTimestamp: undefined,
        count: undefined,
        eventTime: '2026-01-01T12:00:00.000000Z',
        source: {},
        reportingComponent: 'default-scheduler',
        series: { count: 2, lastObservedTime: '2026-01-01T12:03:00.000000Z' },
      }),
      event('Pulled', 'pulled', '', { firstTimestamp: undefined }),
    ]
    expect(describeEvents(events, Date.parse('2026-01-01T12:05:00Z'))).toBe(`Events:
  Type     Reason     Age               From               Message
  ----     ------     ----              ----               -------
  Normal   Scheduled  2m (x2 over 5m)   default-scheduler  Successfully assigned default/app to worker-1
  Normal   Pulled     <unknown>         kubelet            pulled
  Warning  BackOff    13s (x5 over 4m)  kubelet            Back-off restarting failed container app in pod \
app_default(u)`)
  })
})
