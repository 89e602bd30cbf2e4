/**
 * resource.Quantity: parsing and canonical formatting.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go
 * Values are held exactly as a BigInt count of nano-units (10^-9), which covers every suffix.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface ParsedQuantity {
  nano: bigint
  format: QuantityFormat
}

const NANO = 1_000_000_000n
const DECIMAL: Record<string, bigint> = {
  n: 1n, u: 1000n, m: 1_000_000n, '': NANO, k: NANO * 1000n, M: NANO * 10n ** 6n, G: NANO * 10n ** 9n,
  T: NANO * 10n ** 12n, P: NANO * 10n ** 15n, E: NANO * 10n ** 18n,
}
const BINARY: Record<string, bigint> = {
  Ki: NANO * 1024n, Mi: NANO * 1024n ** 2n, Gi: NANO * 1024n ** 3n, Ti: NANO * 1024n ** 4n,
  Pi: NANO * 1024n ** 5n, Ei: NANO * 1024n ** 6n,
}

/** The regular expression upstream documents for quantities (sign, digits, fraction, suffix). */
const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/

/**
 * The errors resource.ParseQuantity returns (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go:
 * ErrFormatWrong, ErrNumeric, ErrSuffix), as Quantity.UnmarshalJSON hands them to the decoder.
 */
export const QUANTITY_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const QUANTITY_NUMERIC = 'unable to parse numeric part of quantity'
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix"
const SPLIT_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/

/**
 * quantityError says why a JSON value cannot be decoded as a resource.Quantity, or undefined when it can. As
 * Quantity.UnmarshalJSON: null is the zero quantity; a number or a string is parsed (surrounding spaces trimmed);
 * anything else is handed to the parser as its JSON text, which never matches.
 */
export function quantityError(value: unknown): string | undefined {
  if (value === null) return undefined
  if (typeof value !== 'string' && typeof value !== 'number') return QUANTITY_FORMAT_WRONG
  const s = String(value).trim()
  if (parseQuantity(s)) return undefined
  const m = SPLIT_RE.exec(s)
  if (!m) return QUANTITY_FORMAT_WRONG
  return (m[1].match(/\./g)?.length ?? 0) > 1 ? QUANTITY_NUMERIC : QUANTITY_SUFFIX
}

const cache = new Map<string, ParsedQuantity | null>()

/** parseQuantity parses "500m", "1Gi", "2", "1e3"; it returns null for anything else (ErrFormatWrong). Results are shared: do not mutate. */
export function parseQuantity(input: string | number): ParsedQuantity | null {
  const key = typeof input === 'number' ? String(input) : input
  let hit = cache.get(key)
  if (hit === undefined) {
    hit = parseUncached(key.trim())
    if (cache.size < 10_000) cache.set(key, hit)
  }
  return hit
}

function parseUncached(s: string): ParsedQuantity | null {
  const m = QUANTITY_RE.exec(s)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null
  const [, sign, whole, frac = '', suffix = ''] = m
  const digits = BigInt((whole || '0') + frac)
  const scaleDown = 10n ** BigInt(frac.length)
  let unit: bigint
  let format: QuantityFormat = 'DecimalSI'
  let exp = 0
  if (suffix in BINARY) {
    unit = BINARY[suffix]
    format = 'BinarySI'
  } else if (suffix in DECIMAL) {
    unit = DECIMAL[suffix]
  } else {
    exp = Number(suffix.slice(1))
    unit = NANO
    format = 'DecimalExponent'
  }
  let nano = digits * unit
  if (exp >= 0) nano *= 10n ** BigInt(exp)
  else nano = ceilDiv(nano, 10n ** BigInt(-exp))
  nano = ceilDiv(nano, scaleDown)
  if (sign === '-') nano = -nano
  return { nano, format }
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b === 0n ? q : a > 0n ? q + 1n : q
}

/** milliValue is Quantity.MilliValue(): the value in thousandths, rounded up (cpu in millicores). */
export function milliValue(q: ParsedQuantity): number {
  return Number(ceilDiv(q.nano, 1_000_000n))
}

/** value is Quantity.Value(): the value rounded up to an integer (memory in bytes, pods). */
export function value(q: ParsedQuantity): number {
  return Number(ceilDiv(q.nano, NANO))
}

/** cpuMilli parses a cpu quantity to millicores (0 for absent or invalid). */
export function cpuMilli(s: string | number | undefined): number {
  if (s === undefined) return 0
  const q = parseQuantity(s)
  return q ? milliValue(q) : 0
}

/** bytes parses a memory/storage quantity to bytes, or any count (pods) to an integer (0 for absent or invalid). */
export function bytes(s: string | number | undefined): number {
  if (s === undefined) return 0
  const q = parseQuantity(s)
  return q ? value(q) : 0
}

/**
 * formatQuantity is Quantity.String(): the canonical form in the quantity's own format family, e.g.
 * 1000m → "1", 0.5 → "500m", 1.5Gi → "1536Mi", 2000 → "2k".
 */
export function formatQuantity(q: ParsedQuantity): string {
  const neg = q.nano < 0n
  const abs = neg ? -q.nano : q.nano
  const sign = neg ? '-' : ''
  if (abs === 0n) return '0'
  if (q.format === 'BinarySI' && abs % NANO === 0n) {
    const v = abs / NANO
    if (v < 1024n) return sign + formatDecimal(abs)
    const suffixes = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']
    for (const sfx of suffixes) {
      const u = BINARY[sfx] / NANO
      if (v % u === 0n) return `${sign}${v / u}${sfx}`
    }
    return `${sign}${v}`
  }
  return sign + formatDecimal(abs)
}

function formatDecimal(abs: bigint): string {
  // Largest power of 1000 (from n up to E) that divides the value exactly.
  const steps: [string, bigint][] = [['E', DECIMAL.E], ['P', DECIMAL.P], ['T', DECIMAL.T], ['G', DECIMAL.G], ['M', DECIMAL.M], ['k', DECIMAL.k], ['', NANO], ['m', DECIMAL.m], ['u', DECIMAL.u], ['n', 1n]]
  for (const [sfx, unit] of steps) if (abs % unit === 0n) return `${abs / unit}${sfx}`
  return `${abs}n`
}

/** canonical formats a quantity string canonically (the input when it does not parse). */
export function canonical(s: string | number): string {
  const q = parseQuantity(s)
  return q ? formatQuantity(q) : String(s)
}
