/**
 * Test helper: run one real scheduling cycle (scheduler/testing.ts) and hand its record with the same cluster to
 * the explain kernels, as `podbirth explain` does. Used by the *.test.ts files only.
 */
import type { LabelSelector, Node, Pod } from '../../api/types.ts'
import { cluster, schedule } from '../testing.ts'
import type { CycleRecord } from '../framework/record.ts'
import type { ExplainInputs } from './types.ts'

export function explainCycle(nodes: Node[], pods: Pod[], pod: Pod, o: {
  config?: Record<string, unknown>; seed?: number; defaultSelector?: LabelSelector | null
  nsLabels?: Record<string, Record<string, string>>
} = {}): ExplainInputs & { record: CycleRecord } {
  const c = cluster(nodes, pods, {
    config: o.config, seed: o.seed, nsLabels: o.nsLabels,
    defaultSelector: o.defaultSelector === undefined ? undefined : () => o.defaultSelector ?? null,
  })
  const r = schedule(c, pod)
  const record = r.state.recorder?.record
  if (!record) throw new Error('the cycle was not recorded')
  return {
    record, pod, nodes, pods, profile: c.core.settings.profiles[0],
    namespaceLabels: o.nsLabels, defaultSelector: o.defaultSelector,
  }
}
