/**
 * The values describe shows beside env vars that come from the downward API.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go EnvValueRetriever (ConvertFieldLabel, then
 * fieldpath.ExtractFieldPathAsString, which reads metadata only: spec.* and status.* paths resolve to ""), and
 * staging/src/k8s.io/kubectl/pkg/util/resource ExtractContainerResourceValue (ceil(value / divisor), divisor 1).
 */
import type { Container, ObjectFieldSelector, Pod, ResourceFieldSelector } from 'kubernetes-types/core/v1'
import { parseQuantity } from '../../../api/quantity.ts'

const SUBSCRIPT = /^metadata\.(labels|annotations)\['(.*)'\]$/

/** formatMap is fieldpath.FormatMap: sorted key="value" lines. */
const formatMap = (m: Record<string, string> | undefined) =>
  Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m?.[k] ?? '')}`)
    .join('\n')

export function resolveEnvFieldRef(pod: Pod, ref: ObjectFieldSelector): string {
  // ParseGroupVersion + ConvertFieldLabel fail for anything but a v1 Pod field.
  if (ref.apiVersion !== 'v1') return ''
  const meta = pod.metadata ?? {}
  const sub = SUBSCRIPT.exec(ref.fieldPath)
  if (sub) return (sub[1] === 'labels' ? meta.labels : meta.annotations)?.[sub[2]] ?? ''
  switch (ref.fieldPath) {
    case 'metadata.name':
      return meta.name ?? ''
    case 'metadata.namespace':
      return meta.namespace ?? ''
    case 'metadata.uid':
      return meta.uid ?? ''
    case 'metadata.labels':
      return formatMap(meta.labels)
    case 'metadata.annotations':
      return formatMap(meta.annotations)
    default:
      return ''
  }
}

/** resourceFieldValue: the value, or "node allocatable" for an unset cpu or memory limit, "" when unsupported. */
export function resourceFieldValue(ref: ResourceFieldSelector, c: Container): string {
  const [kind, name = ''] = ref.resource.split('.', 2)
  if ((kind !== 'limits' && kind !== 'requests') || !['cpu', 'memory', 'ephemeral-storage'].includes(name)) return ''
  const list = kind === 'limits' ? c.resources?.limits : c.resources?.requests
  const divisor = ref.divisor !== undefined ? parseQuantity(ref.divisor) : null
  const q = list?.[name] !== undefined ? parseQuantity(list[name]) : null
  const nano = q?.nano ?? 0n
  const d = divisor && divisor.nano !== 0n ? divisor.nano : 1_000_000_000n
  // cpu divides MilliValues, memory and storage Values; both are ceil(value / divisor) once in nano units.
  const v = nano === 0n ? 0n : (nano + d - 1n) / d
  const out = v.toString()
  return out === '0' && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory') ? 'node allocatable' : out
}
