/**
 * The numeric side of resource.Quantity: a scaled amount (unscaled × 10^scale) and the int64 arithmetic upstream
 * applies to it, so that a value such as 1e999999999 is held as (1, 999999999) and never expanded.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/amount.go (int64Amount,
 * infDecAmount), math.go (positiveScaleInt64, negativeScaleInt64, removeInt64Factors) and scale_int.go
 * (scaledValue), as of v1.35 (kubernetes/apimachinery v0.35.7).
 */

/**
 * An amount is unscaled × 10^scale, where scale is amount.go's Scale (1e2 has scale 2; the opposite sign of
 * inf.Scale). int64 says which of upstream's two forms the value is in: int64Amount (the fast path of
 * ParseQuantity) or infDecAmount (inf.Dec, after rounding to nano). Their overflow behaviour differs, and
 * Value()/MilliValue() show it.
 *
 * Simplified: an inf.Dec parsed with a large exponent is kept with its trailing zeros folded into scale instead of
 * being rounded to inf.Scale 9 by multiplying out 10^(exponent+9); the value is the same, and every result below is
 * computed from the value alone.
 */
export interface Amount {
  readonly unscaled: bigint
  readonly scale: number
  readonly int64: boolean
}

export const MOST_POSITIVE = (1n << 63n) - 1n
export const MOST_NEGATIVE = -(1n << 63n)
const TWO_64 = 1n << 64n

/** int64 wraps x as Go's int64 arithmetic does. */
export const int64 = (x: bigint): bigint => BigInt.asIntN(64, x)
export const fitsInt64 = (x: bigint): boolean => x >= MOST_NEGATIVE && x <= MOST_POSITIVE

/** digits is the number of decimal digits of |x| (1 for 0). */
export function digits(x: bigint): number {
  return (x < 0n ? -x : x).toString().length
}

/** pow10Mod64 is 10^e mod 2^64, without building 10^e: what Go's low 64 bits of a huge product keep. */
function pow10Mod64(e: number): bigint {
  let result = 1n
  let base = 10n
  let n = BigInt(e)
  while (n > 0n) {
    if (n & 1n) result = (result * base) % TWO_64
    base = (base * base) % TWO_64
    n >>= 1n
  }
  return result
}

/** low64 is big.Int.Int64() of unscaled × 10^shift (shift ≥ 0): the low 64 bits of |x|, with x's sign, wrapped. */
function low64Scaled(unscaled: bigint, shift: number): bigint {
  const neg = unscaled < 0n
  const abs = ((neg ? -unscaled : unscaled) % TWO_64) * pow10Mod64(shift) % TWO_64
  return int64(neg ? -abs : abs)
}

/** cmpAmount is Cmp on the values: -1, 0 or 1, in time bounded by the digits written, whatever the scales. */
export function cmpAmount(a: Amount, b: Amount): -1 | 0 | 1 {
  const sa = a.unscaled === 0n ? 0 : a.unscaled > 0n ? 1 : -1
  const sb = b.unscaled === 0n ? 0 : b.unscaled > 0n ? 1 : -1
  if (sa !== sb) return sa > sb ? 1 : -1
  if (sa === 0) return 0
  // Orders of magnitude first, so two scales far apart are never aligned digit by digit.
  const ma = digits(a.unscaled) + a.scale
  const mb = digits(b.unscaled) + b.scale
  if (ma !== mb) return (ma > mb ? 1 : -1) * sa as -1 | 1
  const shift = a.scale - b.scale
  const x = shift >= 0 ? a.unscaled * 10n ** BigInt(shift) : a.unscaled
  const y = shift >= 0 ? b.unscaled : b.unscaled * 10n ** BigInt(-shift)
  return x === y ? 0 : x > y ? 1 : -1
}

/** int64MultiplyScale is math.go's int64MultiplyScale(a, b): the wrapped product and whether it did not overflow. */
function int64MultiplyScale(a: bigint, b: bigint): [bigint, boolean] {
  if (a === 0n || a === 1n) return [a * b, true]
  if (a === MOST_NEGATIVE && b !== 1n) return [0n, false]
  const c = int64(a * b)
  return [c, c / b === a]
}

/** positiveScaleInt64 is math.go's: base × 10^scale, with its two different overflow answers. */
export function positiveScaleInt64(base: bigint, scale: number): [bigint, boolean] {
  switch (scale) {
    case 0: return [base, true]
    case 1: return int64MultiplyScale(base, 10n)
    case 2: return int64MultiplyScale(base, 100n)
    case 3: return int64MultiplyScale(base, 1000n)
    case 6: return int64MultiplyScale(base, 1_000_000n)
    case 9: return int64MultiplyScale(base, 1_000_000_000n)
  }
  // Upstream multiplies by ten `scale` times; 0 and 1 never overflow, anything else does within 19 steps.
  if (base === 0n) return [0n, true]
  let value = base
  for (let i = 0; i < scale; i++) {
    const [v, ok] = int64MultiplyScale(value, 10n)
    if (!ok) return [0n, false]
    value = v
  }
  return [value, true]
}

/** negativeScaleInt64 is math.go's: base / 10^scale rounded away from zero, and whether that was exact. */
export function negativeScaleInt64(base: bigint, scale: number): [bigint, boolean] {
  if (scale === 0) return [base, true]
  let value = base
  let fraction = false
  for (let i = 0; i < scale; i++) {
    if (!fraction && value % 10n !== 0n) fraction = true
    value = value / 10n
    if (value === 0n) {
      if (fraction) return [base > 0n ? 1n : -1n, false]
      return [0n, true]
    }
  }
  if (fraction) value = base > 0n ? value + 1n : value - 1n
  return [value, !fraction]
}

/** asScaledInt64 is int64Amount.AsScaledInt64 (v1.35): the value at `scale`, rounded up, or false on overflow. */
export function asScaledInt64(a: Amount, scale: number): [bigint, boolean] {
  if (a.scale < scale) return [negativeScaleInt64(a.unscaled, scale - a.scale)[0], true]
  return positiveScaleInt64(a.unscaled, a.scale - scale)
}

/**
 * scaledValue is Quantity.ScaledValue(scale): ceil(q / 10^scale) as an int64, with upstream's overflow: the
 * int64Amount form answers 0 (or the wrapped product), the inf.Dec form the low 64 bits of the big result.
 */
export function scaledValue(a: Amount, scale: number): bigint {
  if (a.int64) return asScaledInt64(a, scale)[0]
  // scale_int.go scaledValue(unscaled, 9, -scale): the inf.Dec is at inf.Scale 9 after ParseQuantity's rounding.
  const dif = 9 + scale
  const shift = a.scale + 9 // unscaled × 10^shift is the Dec's unscaled at inf.Scale 9
  if (dif === 0) return low64Scaled(a.unscaled, shift)
  if (dif < 0) return int64(low64Scaled(a.unscaled, shift) * int64(10n ** BigInt(-dif)))
  const bigU = (): bigint => a.unscaled * 10n ** BigInt(shift)
  const small = a.unscaled < 0n || digits(a.unscaled) + shift <= 19
  if (small && (a.unscaled < 0n || bigU() < MOST_POSITIVE) && dif < 19) {
    const u = low64Scaled(a.unscaled, shift)
    const divide = 10n ** BigInt(dif)
    const result = u / divide
    return u % divide !== 0n ? int64(result + 1n) : result
  }
  if (shift >= dif) return low64Scaled(a.unscaled, shift - dif)
  // The value has a fraction at this scale: Euclidean DivMod, then +1 when there is a remainder.
  const u = bigU()
  const divisor = 10n ** BigInt(dif)
  let q = u / divisor
  let r = u % divisor
  if (r < 0n) { q -= 1n; r += divisor }
  return r !== 0n ? int64(low64Scaled(q, 0) + 1n) : low64Scaled(q, 0)
}

/** removeFactors10 moves the factors of ten of x into a count (removeInt64Factors / removeBigIntFactors). */
function removeFactors(x: bigint, base: bigint): [bigint, number] {
  let times = 0
  let v = x
  while (v !== 0n && v % base === 0n && (v >= base || v <= -base)) {
    v /= base
    times++
  }
  return [v, times]
}

/**
 * asCanonicalBytes is AsCanonicalBytes: the mantissa digits and a base-10 exponent that is a multiple of 3, as
 * int64Amount computes it (falling back to inf.Dec when the int64 would overflow) or infDecAmount does.
 */
export function asCanonicalBytes(a: Amount): [string, number] {
  const [amount, times] = removeFactors(a.unscaled, 10n)
  let exponent = a.scale + times
  if (a.int64) {
    const r = ((exponent % 3) + 3) % 3
    if (r === 0) return [amount.toString(), exponent]
    const [v, ok] = int64MultiplyScale(amount, r === 1 ? 10n : 100n)
    if (ok) return [v.toString(), exponent - r]
  }
  let v = amount
  while (exponent % 3 !== 0) {
    v *= 10n
    exponent--
  }
  return [v.toString(), exponent]
}

/** asScale0 is AsScale(0): the value rounded away from zero to an integer, and whether that was exact. */
export function asScale0(a: Amount): [Amount, boolean] {
  if (a.scale >= 0) return [a, true]
  if (a.int64) {
    const [v, exact] = negativeScaleInt64(a.unscaled, -a.scale)
    return [{ unscaled: v, scale: 0, int64: true }, exact]
  }
  const d = 10n ** BigInt(-a.scale)
  const q = a.unscaled / d
  const exact = a.unscaled % d === 0n
  return [{ unscaled: exact ? q : a.unscaled > 0n ? q + 1n : q - 1n, scale: 0, int64: false }, exact]
}

/** asCanonicalBase1024Bytes is AsCanonicalBase1024Bytes of an integral amount: mantissa and base-1024 exponent. */
export function asCanonicalBase1024Bytes(a: Amount): [string, number] {
  let v: bigint
  if (a.int64) {
    const [s, ok] = asScaledInt64(a, 0)
    v = ok ? s : a.unscaled * 10n ** BigInt(a.scale)
  } else {
    v = a.scale >= 0 ? a.unscaled * 10n ** BigInt(a.scale) : asScale0(a)[0].unscaled
  }
  const [amount, exponent] = removeFactors(v, 1024n)
  return [amount.toString(), exponent]
}
