/**
 * The worker's question "what would make the pod of the FailedScheduling at step `index` schedule?", answered from
 * the last apply: the same cluster file, seed, user, manifest and console session, re-run with each edit.
 */
import type { TraceEvent } from '../../engine/events.ts'
import type { KObject, Pod } from '../../engine/api/types.ts'
import type { ApplyCommand } from '../../protocol/messages.ts'
import { firstCycleRunner } from './run.ts'
import { sessionCommands } from '../session.ts'
import { whatIf } from './index.ts'
import type { WhatIfAnswer } from './index.ts'

/** A run gives up on the pod's first cycle this long (virtual µs) after the failed one happened. */
const GRACE_US = 60 * 1_000_000

/**
 * askWhatIf: `event` the trace step asked about, `objects` what was stored right after it, `apply` the last apply
 * and `cluster` its cluster file's text (the preset's when the apply named none).
 */
export function askWhatIf(
  event: TraceEvent | undefined,
  objects: () => Map<string, KObject>,
  apply: ApplyCommand | undefined,
  cluster: string,
): WhatIfAnswer {
  if (!event || event.type !== 'scheduler:Unschedulable' || event.details.phase === 'startup')
    return { suggestions: [] }
  const record = event.details.cycle
  if (!record || !event.pod || !apply) return { suggestions: [] }
  const all = objects()
  const pod = all.get(`/registry/pods/${event.pod}`) as Pod | undefined
  if (!pod) return { suggestions: [] }
  const run = firstCycleRunner({
    seed: apply.seed,
    user: apply.user,
    session: sessionCommands(apply),
    skipManifest: apply.skipManifest,
    pod,
    untilUs: event.t + GRACE_US,
  })
  return whatIf({ record, pod, objects: all, manifest: apply.text, cluster, run })
}
