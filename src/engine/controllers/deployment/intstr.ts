/**
 * Mirrors k8s.io/apimachinery/pkg/util/intstr/intstr.go: GetScaledValueFromIntOrPercent and the private
 * getIntOrPercentValueSafely, for `maxSurge` / `maxUnavailable` (`number | string` in the API types).
 */

export type IntOrString = number | string

/** ScaledValue is upstream's (int, error) pair: exactly one of value / error is meaningful. */
export type ScaledValue = { ok: true; value: number } | { ok: false; error: string }

// strconv.Atoi accepts an optional sign and decimal digits only.
const atoiPattern = /^[+-]?[0-9]+$/

function intOrPercentValueSafely(v: IntOrString): { value: number; isPercent: boolean } | { error: string } {
  if (typeof v === 'number') return { value: Math.trunc(v), isPercent: false }
  if (!v.endsWith('%')) return { error: 'invalid type: string is not a percentage' }
  const s = v.slice(0, -1)
  if (!atoiPattern.test(s)) return { error: `invalid value "${v}": strconv.Atoi: parsing "${s}": invalid syntax` }
  return { value: parseInt(s, 10), isPercent: true }
}

/**
 * getScaledValueFromIntOrPercent: an int is returned as is; a percentage is scaled against total, rounded up
 * (maxSurge) or down (maxUnavailable). undefined plays upstream's nil.
 */
export function getScaledValueFromIntOrPercent(
  intOrPercent: IntOrString | undefined, total: number, roundUp: boolean,
): ScaledValue {
  if (intOrPercent === undefined) return { ok: false, error: 'nil value for IntOrString' }
  const r = intOrPercentValueSafely(intOrPercent)
  if ('error' in r) return { ok: false, error: `invalid value for IntOrString: ${r.error}` }
  if (!r.isPercent) return { ok: true, value: r.value }
  const scaled = (r.value * total) / 100
  return { ok: true, value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) }
}
