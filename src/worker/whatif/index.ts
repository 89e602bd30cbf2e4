/**
 * "What would make it schedule?" For a pod the scheduler could not place: candidate edits read from the failed
 * cycle (suggest.ts), each simulated before it is offered (verify.ts with run.ts), best verified fix first. These
 * are podbirth's suggestions, not Kubernetes output.
 */
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import type { KObject, Pod } from '../../engine/api/types.ts'
import type { Suggestion } from '../../protocol/messages.ts'
import { suggest } from './suggest.ts'
import { MAX_RUNS, verify } from './verify.ts'
import type { RunFn } from './verify.ts'

export { firstCycleRunner, samePod } from './run.ts'
export type { RunSetup } from './run.ts'
export type { FirstCycle, RunFn, RunResult, Texts } from './verify.ts'

export interface WhatIfInput {
  record: CycleRecord
  /** The pod as stored when the cycle ran. */
  pod: Pod
  /** Everything stored at that moment, by etcd key (nodes and pods are read from it). */
  objects: Map<string, KObject>
  manifest: string
  cluster: string
  /** Simulates edited texts up to the pod's first cycle (firstCycleRunner, or a stub in tests). */
  run: RunFn
}

export interface WhatIfAnswer {
  suggestions: Suggestion[]
  note?: string
}

/**
 * Node-runs a question may spend: a run costs about its node count, so a 5,000-node cluster gets a few runs, not
 * eight (README.md: about 11 s per run at 5,000 nodes on a loaded machine).
 */
const NODE_RUN_BUDGET = 4000

/** runsFor: how many simulations a question on a cluster of `nodes` nodes may run. */
export function runsFor(nodes: number): number {
  return Math.max(1, Math.min(MAX_RUNS, Math.floor(NODE_RUN_BUDGET / Math.max(1, nodes))))
}

export function whatIf(input: WhatIfInput): WhatIfAnswer {
  const { record, pod, objects, manifest, cluster, run } = input
  const candidates = suggest({ record, pod, objects })
  if (!candidates.length) return { suggestions: [] }
  const nodes = record.numAllNodes
  const maxRuns = runsFor(nodes)
  const r = verify({
    before: record,
    candidates,
    texts: { manifest, cluster },
    run,
    maxRuns,
    suggest: (c) => (c.pod && c.objects ? suggest({ record: c.record, pod: c.pod, objects: c.objects }) : []),
  })
  const large =
    maxRuns < MAX_RUNS
      ? `This cluster has ${nodes.toLocaleString('en-US')} nodes: each check re-runs the scenario, ` +
        `so only ${maxRuns} ${maxRuns === 1 ? 'edit was' : 'edits were'} simulated.`
      : undefined
  const note = [large, r.note].filter(Boolean).join(' ')
  return { suggestions: r.suggestions, ...(note ? { note } : {}) }
}
