/**
 * NodeAffinity, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go (TestNodeAffinity, TestNodeAffinityPriority).
 * Same inputs, same expected outputs; the reasoning/arithmetic is in a comment per case. The cases that need the
 * profile's addedAffinity (NodeAffinityArgs) are left out: the plugin does not model it.
 * PreFilter: Skip without nodeSelector and required affinity; node names from matchFields metadata.name In (terms
 * ORed, requirements ANDed; a term without one ⇒ all nodes; an empty intersection ⇒ UnschedulableAndUnresolvable).
 * Filter: nodeSelector and required terms (ORed) must match. Score: Σ weights of matching preferred terms,
 * normalized 100·s/max; PreScore Skip without preferred terms.
 */
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/types.ts'
import { CycleState } from '../framework/cycleState.ts'
import { cluster, codeName, node, plugin, pod, PodInfo, scoreAll } from '../testing.ts'
import type { NodeAffinity } from './NodeAffinity.ts'

interface Req { key: string; operator: string; values?: string[] }
interface Term { matchExpressions?: Req[]; matchFields?: Req[] }
const required = (...terms: Term[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } })
const withSpec = (spec: Record<string, unknown>): Pod => pod('p', { spec })
const byName = (...values: string[]): Req => ({ key: 'metadata.name', operator: 'In', values })

const ERR_POD = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector"

/** Runs PreFilter (its status and node names) and then Filter on one node with the given name and labels. */
function run(p: Pod, labels: Record<string, string> = {}, nodeName = 'node1') {
  const c = cluster([node(nodeName, { labels })])
  const pl = plugin<NodeAffinity>(c, 'NodeAffinity')
  const pi = new PodInfo(p)
  return c.core.withFramework(c.fwk, () => {
    const state = new CycleState()
    const nodes = c.core.nodeInfos()
    const pre = pl.preFilter(state, pi)
    const f = pl.filter(state, pi, nodes[0])
    return {
      preFilter: pre.status ? `${codeName(pre.status)}${pre.status.message() ? `: ${pre.status.message()}` : ''}` : 'Success',
      nodeNames: pre.result?.nodeNames ? [...pre.result.nodeNames].sort() : null,
      filter: f === null ? 'Success' : `${codeName(f)}: ${f.message()}`,
    }
  })
}

describe('NodeAffinity PreFilter/Filter (TestNodeAffinity)', () => {
  const cases: { name: string; pod: Pod; labels?: Record<string, string>; nodeName?: string; preFilter?: string; nodeNames?: string[]; filter: string }[] = [
    // nodeSelector foo=bar; node has no foo.
    { name: 'missing labels', pod: withSpec({ nodeSelector: { foo: 'bar' } }), filter: ERR_POD },
    { name: 'same labels', pod: withSpec({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar' }, filter: 'Success' },
    {
      // "invalid value: ___@#$%^" is not a label value: the term converts to a selector that matches nothing.
      name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['invalid value: ___@#$%^'] }] }) }),
      labels: { foo: 'bar' }, filter: ERR_POD,
    },
    { name: 'node labels are superset', pod: withSpec({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar', baz: 'blah' }, filter: 'Success' },
    // baz=blah missing on the node.
    { name: 'node labels are subset', pod: withSpec({ nodeSelector: { foo: 'bar', baz: 'blah' } }), labels: { foo: 'bar' }, filter: ERR_POD },
    {
      name: 'Pod with matchExpressions using In operator that matches the existing node',
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }) }),
      labels: { foo: 'bar' }, filter: 'Success',
    },
    {
      // 0206 > 0204 as integers.
      name: 'Pod with matchExpressions using Gt operator that matches the existing node',
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }) }),
      labels: { 'kernel-version': '0206' }, filter: 'Success',
    },
    {
      name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }) }),
      labels: { 'mem-type': 'DDR3' }, filter: 'Success',
    },
    {
      name: 'Pod with matchExpressions using Exists operator that matches the existing node',
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }) }),
      labels: { GPU: 'NVIDIA-GRID-K1' }, filter: 'Success',
    },
    {
      // bar ∉ {value1, value2}.
      name: "Pod with affinity that don't match node's labels won't schedule onto the node",
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }) }),
      labels: { foo: 'bar' }, filter: ERR_POD,
    },
    {
      // an empty term matches nothing.
      name: 'Pod with empty MatchExpressions is not a valid value will match no objects and won\'t schedule onto the node',
      pod: withSpec({ affinity: required({ matchExpressions: [] }) }), labels: { foo: 'bar' }, filter: ERR_POD,
    },
    // no nodeSelector, no required affinity ⇒ PreFilter Skip (Filter alone passes).
    { name: 'Pod with no Affinity will schedule onto a node', pod: withSpec({}), labels: { foo: 'bar' }, preFilter: 'Skip', filter: 'Success' },
    {
      name: 'Pod with Affinity but nil NodeSelector will schedule onto a node',
      pod: withSpec({ affinity: { nodeAffinity: {} } }), labels: { foo: 'bar' }, preFilter: 'Skip', filter: 'Success',
    },
    {
      name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }, { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] }] }) }),
      labels: { GPU: 'NVIDIA-GRID-K1' }, filter: 'Success',
    },
    {
      // Exists holds, In {AMD, INTER} does not ⇒ the term fails.
      name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
      pod: withSpec({ affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }, { key: 'GPU', operator: 'In', values: ['AMD', 'INTER'] }] }) }),
      labels: { GPU: 'NVIDIA-GRID-K1' }, filter: ERR_POD,
    },
    {
      // the first term matches.
      name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
      pod: withSpec({
        affinity: required(
          { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
          { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
        ),
      }),
      labels: { foo: 'bar' }, filter: 'Success',
    },
    {
      name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
      pod: withSpec({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }),
      labels: { foo: 'bar' }, filter: 'Success',
    },
    {
      // affinity holds (foo exists), nodeSelector foo=bar does not.
      name: 'Pod with an Affinity matches node\'s labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won\'t schedule onto the node',
      pod: withSpec({ nodeSelector: { foo: 'bar' }, affinity: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }),
      labels: { foo: 'barrrrrr' }, filter: ERR_POD,
    },
    {
      name: 'Pod with matchFields using In operator that matches the existing node',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1')] }) }), nodeName: 'node1', nodeNames: ['node1'], filter: 'Success',
    },
    {
      name: 'Pod with matchFields using In operator that does not match the existing node',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1')] }) }), nodeName: 'node2', nodeNames: ['node1'], filter: ERR_POD,
    },
    {
      // term 1 (node1 ∧ node2) fails, term 2 (foo=bar) matches; term 2 has no name ⇒ no PreFilter node set.
      name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1'), byName('node2')] }, { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }) }),
      nodeName: 'node2', labels: { foo: 'bar' }, filter: 'Success',
    },
    {
      // one term: name node1 ∧ foo=bar; node2 fails the name.
      name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1')], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }) }),
      nodeName: 'node2', labels: { foo: 'bar' }, nodeNames: ['node1'], filter: ERR_POD,
    },
    {
      name: 'Pod with one term: both matchFields and matchExpressions match',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1')], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }) }),
      nodeName: 'node1', labels: { foo: 'bar' }, nodeNames: ['node1'], filter: 'Success',
    },
    {
      // term 1 (name node1) fails on node2, term 2 (foo In not-match-to-bar) fails.
      name: 'Pod with two terms: both matchFields and matchExpressions do not match',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1')] }, { matchExpressions: [{ key: 'foo', operator: 'In', values: ['not-match-to-bar'] }] }) }),
      nodeName: 'node2', labels: { foo: 'bar' }, filter: ERR_POD,
    },
    {
      // node set {node1} ∪ {node2}.
      name: 'Pod with two terms of node.Name affinity',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1')] }, { matchFields: [byName('node2')] }) }),
      nodeName: 'node2', nodeNames: ['node1', 'node2'], filter: 'Success',
    },
    {
      // {node1} ∩ {node2} = ∅ ⇒ PreFilter UnschedulableAndUnresolvable (conflict); Filter fails too.
      name: 'Pod with two conflicting mach field requirements',
      pod: withSpec({ affinity: required({ matchFields: [byName('node1'), byName('node2')] }) }),
      nodeName: 'node2', labels: { foo: 'bar' }, preFilter: 'UnschedulableAndUnresolvable: pod affinity terms conflict', filter: ERR_POD,
    },
  ]
  it.each(cases)('$name', (c) => {
    expect(run(c.pod, c.labels, c.nodeName)).toEqual({ preFilter: c.preFilter ?? 'Success', nodeNames: c.nodeNames ?? null, filter: c.filter })
  })
})

describe('NodeAffinity Score (TestNodeAffinityPriority)', () => {
  const label1 = { foo: 'bar' }
  const label2 = { key: 'value' }
  const label3 = { az: 'az1' }
  const label4 = { abc: 'az11', def: 'az22' }
  const label5 = { foo: 'bar', key: 'value', az: 'az1' }
  const inReq = (key: string, v: string) => ({ key, operator: 'In', values: [v] })
  const affinity1 = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 2, preference: { matchExpressions: [inReq('foo', 'bar')] } }] } }
  const affinity2 = {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 2, preference: { matchExpressions: [inReq('foo', 'bar')] } },
        { weight: 4, preference: { matchExpressions: [inReq('key', 'value')] } },
        { weight: 5, preference: { matchExpressions: [inReq('foo', 'bar'), inReq('key', 'value'), inReq('az', 'az1')] } },
      ],
    },
  }
  const nodes = (...ls: [string, Record<string, string>][]) => ls.map(([n, l]) => node(n, { labels: l }))

  it.each([
    {
      // no preferred terms ⇒ PreScore Skip (the nodes keep 0).
      name: 'Skip is returned in PreScore when NodeAffinity is nil', pod: withSpec({}),
      nodes: nodes(['node1', label1]), want: 'Skip' as const,
    },
    {
      // no node has foo=bar ⇒ raw 0 everywhere; max 0 ⇒ 0.
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      pod: withSpec({ affinity: affinity1 }), nodes: nodes(['node1', label4], ['node2', label2], ['node3', label3]),
      want: { node1: 0, node2: 0, node3: 0 },
    },
    {
      // raw node1 2, others 0 ⇒ 100·2/2 = 100, 0, 0.
      name: 'only node1 matches the preferred scheduling requirements of pod', pod: withSpec({ affinity: affinity1 }),
      nodes: nodes(['node1', label1], ['node2', label2], ['node3', label3]), want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      // raw node1 2 (foo), node5 2+4+5 = 11, node2 4 (key) ⇒ 100·2/11 = 18, 100, 100·4/11 = 36.
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities ', pod: withSpec({ affinity: affinity2 }),
      nodes: nodes(['node1', label1], ['node5', label5], ['node2', label2]), want: { node1: 18, node5: 100, node2: 36 },
    },
  ])('$name', ({ pod: p, nodes: ns, want }) => {
    const r = scoreAll(cluster(ns), 'NodeAffinity', p)
    if (want === 'Skip') expect(r).toBe('Skip')
    else expect(r === 'Skip' ? r : r.normalized).toEqual(want)
  })
})
