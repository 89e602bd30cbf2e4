/**
 * TaintToleration, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (TestTaintTolerationScore,
 * TestTaintTolerationFilter; the Gt/Lt cases of the alpha TaintTolerationComparisonOperators gate are left out).
 * Same inputs, same expected outputs; the arithmetic is in a comment per case.
 * Filter: a NoSchedule/NoExecute taint no toleration tolerates ⇒ UnschedulableAndUnresolvable.
 * Score: the count of PreferNoSchedule taints not tolerated by the pod's PreferNoSchedule/empty-effect
 * tolerations; NormalizeScore reversed: 100 − 100·count/max (max 0 ⇒ all 100).
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { cluster, filterAll, node, pod, scoreAll } from '../testing.ts'

interface Taint { key: string; value?: string; effect: string }
interface Toleration { key?: string; operator?: string; value?: string; effect?: string }
const nodeWithTaints = (name: string, taints: Taint[]): Node => node(name, { taints })
const podWithTolerations = (tolerations: Toleration[]): Pod => pod('pod1', { spec: { tolerations } })

const ERR = 'UnschedulableAndUnresolvable: node(s) had untolerated taint(s)'

describe('TaintToleration Filter (TestTaintTolerationFilter)', () => {
  const cases: { name: string; pod: Pod; taints: Taint[]; want: string }[] = [
    {
      name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
      pod: podWithTolerations([]), taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: ERR,
    },
    {
      // operator "" means Equal: key and value match, effect matches.
      name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
      pod: podWithTolerations([{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]),
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: 'Success',
    },
    {
      // value user2 ≠ user1.
      name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
      pod: podWithTolerations([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: ERR,
    },
    {
      name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
      pod: podWithTolerations([{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }]),
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: 'Success',
    },
    {
      name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
      pod: podWithTolerations([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }]),
      taints: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: 'Success',
    },
    {
      // toleration effect PreferNoSchedule ≠ taint effect NoSchedule.
      name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
      pod: podWithTolerations([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: ERR,
    },
    {
      // an empty toleration effect matches every effect.
      name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
      pod: podWithTolerations([{ key: 'foo', operator: 'Equal', value: 'bar' }]),
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: 'Success',
    },
    {
      // PreferNoSchedule taints are not checked by Filter.
      name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
      pod: podWithTolerations([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
      taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: 'Success',
    },
    {
      name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
      pod: podWithTolerations([]), taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: 'Success',
    },
  ]
  it.each(cases)('$name', ({ pod: p, taints, want }) => expect(filterAll(cluster([nodeWithTaints('nodeA', taints)]), 'TaintToleration', p).nodeA).toBe(want))
})

describe('TaintToleration Score (TestTaintTolerationScore)', () => {
  const cpu = { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }
  const disk = { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }
  const cases: { name: string; pod: Pod; nodes: Node[]; want: Record<string, number> }[] = [
    {
      // intolerable counts: nodeA 0, nodeB 1 (blah ≠ bar); max 1 ⇒ nodeA 100 − 0 = 100, nodeB 100 − 100·1/1 = 0.
      name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
      pod: podWithTolerations([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
      nodes: [
        nodeWithTaints('nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]),
        nodeWithTaints('nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]),
      ],
      want: { nodeA: 100, nodeB: 0 },
    },
    {
      // counts 0, 0, 0; max 0 ⇒ every node 100.
      name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
      pod: podWithTolerations([{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' }]),
      nodes: [nodeWithTaints('nodeA', []), nodeWithTaints('nodeB', [cpu]), nodeWithTaints('nodeC', [cpu, disk])],
      want: { nodeA: 100, nodeB: 100, nodeC: 100 },
    },
    {
      // counts 0, 1, 2; max 2 ⇒ 100, 100 − 100·1/2 = 50, 100 − 100 = 0.
      name: 'the more intolerable taints a node has, the lower score it gets.',
      pod: podWithTolerations([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
      nodes: [nodeWithTaints('nodeA', []), nodeWithTaints('nodeB', [cpu]), nodeWithTaints('nodeC', [cpu, disk])],
      want: { nodeA: 100, nodeB: 50, nodeC: 0 },
    },
    {
      // NoSchedule tolerations are ignored by Score and NoSchedule taints are not counted:
      // counts 0, 0 (its taint is NoSchedule), 2 ⇒ 100, 100, 0.
      name: 'only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function',
      pod: podWithTolerations([{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' }, { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' }]),
      nodes: [nodeWithTaints('nodeA', []), nodeWithTaints('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]), nodeWithTaints('nodeC', [cpu, disk])],
      want: { nodeA: 100, nodeB: 100, nodeC: 0 },
    },
    {
      // counts 0, 1; max 1 ⇒ 100, 0.
      name: 'Default behaviour No taints and tolerations, lands on node with no taints',
      pod: podWithTolerations([]), nodes: [nodeWithTaints('nodeA', []), nodeWithTaints('nodeB', [cpu])],
      want: { nodeA: 100, nodeB: 0 },
    },
  ]
  it.each(cases)('$name', ({ pod: p, nodes, want }) => {
    const r = scoreAll(cluster(nodes), 'TaintToleration', p)
    if (r === 'Skip') throw new Error('unexpected Skip')
    expect(r.normalized).toEqual(want)
  })
})
