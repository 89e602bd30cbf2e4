/**
 * NodeUnschedulable, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go (TestNodeUnschedulable). Same inputs,
 * same expected outputs.
 * Filter: a node with spec.unschedulable admits only pods tolerating node.kubernetes.io/unschedulable:NoSchedule.
 */
import { describe, expect, it } from 'vitest'
import { cluster, filterAll, node, pod } from '../testing.ts'

describe('NodeUnschedulable (TestNodeUnschedulable)', () => {
  it.each([
    {
      name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', unschedulable: true, tolerations: [],
      want: 'UnschedulableAndUnresolvable: node(s) were unschedulable',
    },
    { name: 'Schedule pod to normal node', unschedulable: false, tolerations: [], want: 'Success' },
    {
      // key node.kubernetes.io/unschedulable, effect NoSchedule, operator "" (Equal) with value "" = the taint's value "".
      name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)', unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], want: 'Success',
    },
  ])('$name', ({ unschedulable, tolerations, want }) => {
    const p = pod('p', { spec: { tolerations } })
    expect(filterAll(cluster([node('n1', { unschedulable })]), 'NodeUnschedulable', p).n1).toBe(want)
  })
})
