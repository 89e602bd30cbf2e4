/**
 * NodeName, table-driven, ported from kubernetes/kubernetes pkg/scheduler/framework/plugins/nodename/node_name_test.go
 * (TestNodeName). Same inputs, same expected outputs.
 * Filter: a pod with spec.nodeName fits only the node of that name (UnschedulableAndUnresolvable elsewhere).
 */
import { describe, expect, it } from 'vitest'
import { cluster, filterAll, node, pod } from '../testing.ts'

describe('NodeName (TestNodeName)', () => {
  it.each([
    // spec.nodeName empty ⇒ every node fits.
    { name: 'no host specified', nodeName: undefined, want: 'Success' },
    // "foo" = "foo".
    { name: 'host matches', nodeName: 'foo', want: 'Success' },
    // "bar" ≠ "foo".
    { name: "host doesn't match", nodeName: 'bar', want: "UnschedulableAndUnresolvable: node(s) didn't match the requested node name" },
  ])('$name', ({ nodeName, want }) => {
    // The pod is the one being scheduled, so it is not added to the cache (spec.nodeName set via spec).
    const p = pod('p', { spec: nodeName ? { nodeName } : {} })
    expect(filterAll(cluster([node('foo')]), 'NodeName', p).foo).toBe(want)
  })
})
