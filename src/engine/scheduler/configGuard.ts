/**
 * schedulerConfigTypeError: decoding a KubeSchedulerConfiguration into its v1 Go types refuses a value of the
 * wrong JSON type anywhere in it, as encoding/json words it (a null is Go's zero value, so `profiles: [null]` is
 * one default profile and `enabled: [null]` a plugin named ""). The walk is schema/decode.ts over the v1 types'
 * field tree (schema/configTrees.ts); unknown fields stay with the loader (config.ts), which words them.
 * Mirrors: staging/src/k8s.io/kube-scheduler/config/v1/types.go and cmd/kube-scheduler/app/options/configfile.go
 * (loadConfig: the scheme's strict UniversalDecoder; its error is returned as is).
 */
import { decode } from '../api/schema/decode.ts'
import type { Located } from '../api/schema/decode.ts'
import { SCHEDULER_CONFIG_TREE } from '../api/schema/configTrees.ts'
import { atPosition, positionOf } from '../api/schema/position.ts'

/** schedulerConfigDecodeError: the decoding error of a KubeSchedulerConfiguration and the path to its value. */
export function schedulerConfigDecodeError(doc: Record<string, unknown>): Located | undefined {
  return decode(SCHEDULER_CONFIG_TREE, 'KubeSchedulerConfiguration', doc).error
}

export function schedulerConfigTypeError(doc: Record<string, unknown>): string | undefined {
  return schedulerConfigDecodeError(doc)?.message
}

/**
 * schedulerConfigTypeErrorAt: the same message with where it is in the file the configuration was read from
 * (document `docIndex` of `text`): "… at line L, column C: json: cannot unmarshal …" reads as `at line L, column C:
 * <message>` after the caller's file name.
 */
export function schedulerConfigTypeErrorAt(doc: Record<string, unknown>, text: string, docIndex = 0):
  string | undefined {
  const err = schedulerConfigDecodeError(doc)
  if (!err) return undefined
  const at = atPosition(positionOf(text, docIndex, err.path)).trimStart()
  return at ? `${at}: ${err.message}` : err.message
}
