import { describe, expect, it } from 'vitest'
import type { NodeExplanation } from '../../engine/scheduler/explain/types.ts'
import { cellTip } from './reasonText.ts'

describe('cellTip', () => {
  const x: NodeExplanation = {
    node: 'c1',
    verdict: 'rejected',
    rejectedBy: 'InterPodAffinity',
    summary: '',
    plugins: [{
      plugin: 'InterPodAffinity',
      verdict: 'rejected',
      constraints: [],
      lines: [
        { text: 'pod anti-affinity (kubernetes.io/hostname, selector app=cache): conflicts in kubernetes.io/hostname=c1 with default/cache-1', failing: true },
        { text: 'pod affinity (zone, selector app=x): matched in zone=a by default/x-1', failing: false },
      ],
    }],
  }
  it("puts the failing constraints in a rejected cell's tooltip", () => {
    expect(cellTip('c1', 'InterPodAffinity', 'nope', x)).toBe(
      'InterPodAffinity rejected c1: nope — pod anti-affinity (kubernetes.io/hostname, selector app=cache): ' +
        'conflicts in kubernetes.io/hostname=c1 with default/cache-1',
    )
  })
  it('says when a plugin passed or never ran on the node', () => {
    expect(cellTip('c1', 'NodeName', undefined, x)).toMatch(/did not run/)
    expect(cellTip('c1', 'NodeName', 'passed', x)).toBe('NodeName passed c1')
  })
})
