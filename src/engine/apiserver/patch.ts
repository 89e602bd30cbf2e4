/**
 * Patches. JSON merge patch (RFC 7386) everywhere; for pods the strategic-merge keys of the Pod type:
 * status.conditions by `type`, containers and their statuses, volumes and env by `name`, volumeMounts by
 * `mountPath` (pkg/apis/core/v1 patchMergeKey tags).
 * Directives (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go): `$setElementOrder/<list>` orders a
 * merged list (kubectl set image sends it), `$patch: delete` in a list item removes that item (the garbage
 * collector's owner-reference patch), and neither is ever stored.
 * Simplified: `$retainKeys` and `$deleteFromPrimitiveList` are dropped without effect.
 */
import { copyOf } from '../api/copy.ts'

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
  ports: 'containerPort',
  ownerReferences: 'uid',
}

const ORDER = '$setElementOrder/'

function isObj(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** mergePatch applies a merge patch; `strategic` merges lists that have a merge key instead of replacing them. */
export function mergePatch(target: Json, patch: Json, strategic = false): Json {
  if (!isObj(patch)) return patch
  const out: Record<string, Json> = isObj(target) ? copyKept(target, patch, strategic) : {}
  // Hot (every status patch, at every level): keys by for-in rather than Object.entries pairs (a patch is plain
  // data, so the same own keys in the same order), and the directives pass only when a `$` key was seen.
  let directives = false
  for (const k in patch) {
    const v = patch[k]
    if (strategic && k.startsWith('$')) {
      directives = true
      continue
    }
    // A null removes the key: copyKept left it out.
    if (v === null) continue
    else if (strategic && Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) out[k] = mergeList(out[k] as Json[], v, MERGE_KEYS[k])
    // A list the object does not have yet is stored as sent (Go writes a zero time as null: it stays).
    else if (strategic && Array.isArray(v)) out[k] = v.filter((item) => !(isObj(item) && item.$patch === 'delete'))
    // A scalar replaces the value without a call (most of a status patch's values are scalars).
    else out[k] = isObj(v) ? mergePatch(out[k], v, strategic) : v
  }
  if (directives) {
    for (const k in patch) {
      const order = patch[k]
      const list = k.startsWith(ORDER) ? k.slice(ORDER.length) : ''
      const key = MERGE_KEYS[list]
      if (key && Array.isArray(order) && Array.isArray(out[list])) out[list] = ordered(out[list] as Json[], order, key)
    }
  }
  return out
}

/** deletes: the patch key removes a key of the target (a null; directives are never stored, so never removed). */
const deletes = (patch: Record<string, Json>, k: string, strategic: boolean) =>
  patch[k] === null && !(strategic && k.startsWith('$'))

/**
 * copyKept copies the target without the keys the patch nulls, in the target's order: what a copy and `delete`
 * left, without `delete`, which turns the object (every stored condition: the kubelet sends lastProbeTime: null)
 * into a slow dictionary for everyone who reads it later.
 */
function copyKept(target: Record<string, Json>, patch: Record<string, Json>, strategic: boolean): Record<string, Json> {
  let any = false
  for (const k in patch) if (deletes(patch, k, strategic) && Object.hasOwn(target, k)) any = true
  if (!any) return copyOf(target) // not a spread: the patch may add keys (see copyOf)
  const out: Record<string, Json> = {}
  for (const k of Object.keys(target)) {
    if (!(Object.hasOwn(patch, k) && deletes(patch, k, strategic))) out[k] = target[k]
  }
  return out
}

/** ordered sorts a merged list as `$setElementOrder` lists its keys; items it does not name keep their place after. */
function ordered(list: Json[], order: Json[], key: string): Json[] {
  const rank = new Map(order.filter(isObj).map((o, i) => [o[key], i]))
  const named = list.filter((x) => isObj(x) && rank.has(x[key]))
    .sort((a, b) => (rank.get((a as Record<string, Json>)[key]) ?? 0) - (rank.get((b as Record<string, Json>)[key]) ?? 0))
  return [...named, ...list.filter((x) => !(isObj(x) && rank.has(x[key])))]
}

/** mergeList merges by key; the patch's order wins (what the kubelet's $setElementOrder directive achieves). */
function mergeList(base: Json[], patch: Json[], key: string): Json[] {
  const out: Json[] = []
  const seen = new Set<Json>()
  for (const item of patch) {
    if (!isObj(item)) continue
    if (item.$patch === 'delete') { seen.add(item[key]); continue }
    const prev = base.find((b) => isObj(b) && b[key] === item[key])
    out.push(mergePatch(prev ?? {}, item, true))
    seen.add(item[key])
  }
  for (const b of base) if (!isObj(b) || !seen.has(b[key])) out.push(b)
  return out
}
