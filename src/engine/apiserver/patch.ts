/**
 * Patches. JSON merge patch (RFC 7386) everywhere; for pods the strategic-merge keys of the Pod type:
 * status.conditions by `type`, containers and their statuses, volumes and env by `name`, volumeMounts by
 * `mountPath` (pkg/apis/core/v1 patchMergeKey tags).
 * Simplified: directives such as $setElementOrder and $patch are not supported.
 */
type Json = unknown

const MERGE_KEYS: Record<string, string> = {
  conditions: 'type',
  containerStatuses: 'name',
  initContainerStatuses: 'name',
  ephemeralContainerStatuses: 'name',
  // PodSpec and Container (staging/src/k8s.io/api/core/v1/types.go patchMergeKey tags).
  containers: 'name',
  initContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  env: 'name',
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

/** mergeList merges by key; the patch's order wins (what the kubelet's $setElementOrder directive achieves). */
function mergeList(base: Json[], patch: Json[], key: string): Json[] {
  const out: Json[] = []
  const seen = new Set<Json>()
  for (const item of patch) {
    if (!isObj(item)) continue
    const prev = base.find((b) => isObj(b) && b[key] === item[key])
    out.push(mergePatch(prev ?? {}, item, true))
    seen.add(item[key])
  }
  for (const b of base) if (!isObj(b) || !seen.has(b[key])) out.push(b)
  return out
}
