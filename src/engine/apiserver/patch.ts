/**
 * Patches. JSON merge patch (RFC 7386) everywhere; for pods the strategic-merge keys of the Pod type:
 * status.conditions by `type`, container statuses by `name` (pkg/apis/core/v1 patchMergeKey tags).
 * Simplified: directives such as $setElementOrder and $patch are not supported.
 */
type Json = unknown

const MERGE_KEYS: Record<string, string> = {
  conditions: 'type',
  containerStatuses: 'name',
  initContainerStatuses: 'name',
  ephemeralContainerStatuses: 'name',
}

function isObj(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** mergePatch applies a merge patch; `strategic` merges lists that have a merge key instead of replacing them. */
export function mergePatch(target: Json, patch: Json, strategic = false): Json {
  if (!isObj(patch)) return patch
  const out: Record<string, Json> = isObj(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (strategic && Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) out[k] = mergeList(out[k] as Json[], v, MERGE_KEYS[k])
    else out[k] = mergePatch(out[k], v, strategic)
  }
  return out
}

function mergeList(base: Json[], patch: Json[], key: string): Json[] {
  const out = [...base]
  for (const item of patch) {
    if (!isObj(item)) continue
    const i = out.findIndex((b) => isObj(b) && b[key] === item[key])
    if (i >= 0) out[i] = mergePatch(out[i], item, true)
    else out.push(mergePatch({}, item, true))
  }
  return out
}
