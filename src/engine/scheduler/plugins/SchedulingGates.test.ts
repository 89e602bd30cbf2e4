/** SchedulingGates, from pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates_test.go (TestPreEnqueue). */
import { describe, expect, it } from 'vitest'
import { PodInfo, codeName, pod } from '../testing.ts'
import { SchedulingGates } from './SchedulingGates.ts'

describe('SchedulingGates PreEnqueue', () => {
  const cases = [
    { name: 'pod does not carry scheduling gates', gates: [] as string[], want: 'Success' },
    // fmt.Sprintf("waiting for scheduling gates: %v", gates) prints a Go slice: [foo bar].
    { name: 'pod carries scheduling gates', gates: ['foo', 'bar'], want: 'UnschedulableAndUnresolvable: waiting for scheduling gates: [foo bar]' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const s = new SchedulingGates().preEnqueue(new PodInfo(pod('p', { spec: { schedulingGates: c.gates.map((name) => ({ name })) } })))
      expect(s === null ? 'Success' : `${codeName(s)}: ${s.message()}`).toBe(c.want)
    })
  }
})
