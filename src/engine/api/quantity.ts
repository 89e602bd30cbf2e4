/**
 * resource.Quantity: parsing (ParseQuantity, parseQuantityString, the suffixer) and canonical formatting
 * (CanonicalizeBytes / String), Value and MilliValue.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go and suffix.go, as of
 * v1.35 (kubernetes/apimachinery v0.35.7); the arithmetic is in quantityAmount.ts (amount.go, math.go).
 * A quantity is held as a scaled amount (unscaled × 10^scale), so `1e999999999` parses in microseconds.
 */
import {
  type Amount, MOST_POSITIVE, asCanonicalBase1024Bytes, asCanonicalBytes, asScale0, cmpAmount, digits, fitsInt64,
  int64, scaledValue,
} from './quantityAmount.ts'

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface ParsedQuantity {
  /**
   * The value in nano-units (10^-9), exact while |nano| < 10^NANO_DIGITS. Simplified: a larger value (only a huge
   * exponent writes one) saturates to ±10^NANO_DIGITS here; `amount` keeps it exactly.
   */
  nano: bigint
  format: QuantityFormat
  /** The exact amount, on every parsed quantity; absent on a quantity built from nano (then nano is exact). */
  amount?: Amount
  /** Quantity.s: ParseQuantity keeps the input as the quantity's string when it is already canonical. */
  s?: string
}

export const NANO_DIGITS = 100
const NANO_CAP = 10n ** BigInt(NANO_DIGITS)

/**
 * The errors resource.ParseQuantity returns (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go:
 * ErrFormatWrong, ErrNumeric, ErrSuffix), as Quantity.UnmarshalJSON hands them to the decoder.
 */
export const QUANTITY_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const QUANTITY_NUMERIC = 'unable to parse numeric part of quantity'
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix"

/** What parseQuantityString scans out of a quantity (quantity.go); undefined is ErrFormatWrong. */
export interface ScannedQuantity {
  positive: boolean
  value: string
  num: string
  denom: string
  suffix: string
}

const isDigit = (c: string) => c >= '0' && c <= '9'
const SUFFIX_LETTERS = 'eEinumkKMGTP'

/** parseQuantityString is quantity.go's fast scanner: sign, numerator, denominator and suffix. */
export function parseQuantityString(str: string): ScannedQuantity | undefined {
  let positive = true
  let pos = 0
  const end = str.length
  if (pos < end) {
    if (str[0] === '-') { positive = false; pos++ } else if (str[0] === '+') pos++
  }
  // Leading zeros are dropped; a string of only zeros (or only a sign) is zero.
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' }
    if (str[i] !== '0') break
    pos++
  }
  let num = ''
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' }
    if (!isDigit(str[i])) { num = str.slice(pos, i); pos = i; break }
  }
  if (num === '') num = '0'
  let denom = ''
  if (pos < end && str[pos] === '.') {
    pos++
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' }
      if (!isDigit(str[i])) { denom = str.slice(pos, i); pos = i; break }
    }
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) }
    if (!SUFFIX_LETTERS.includes(str[i])) { pos = i; break }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) }
    if (!isDigit(str[i])) break
  }
  return undefined
}

const DECIMAL_SUFFIXES = new Map<string, number>([
  ['n', -9], ['u', -6], ['m', -3], ['', 0], ['k', 3], ['M', 6], ['G', 9], ['T', 12], ['P', 15], ['E', 18],
])
const BINARY_SUFFIXES = new Map<string, number>([
  ['Ki', 10], ['Mi', 20], ['Gi', 30], ['Ti', 40], ['Pi', 50], ['Ei', 60],
])
const DECIMAL_BY_EXPONENT = new Map([...DECIMAL_SUFFIXES].map(([s, e]) => [e, s]))
const BINARY_BY_EXPONENT = new Map([...BINARY_SUFFIXES].map(([s, e]) => [e, s]))

interface Interpreted { base: 10 | 2; exponent: number; format: QuantityFormat }

/** interpret is suffixHandler.interpret (suffix.go): the exponent is ParseInt(…, 10, 64) narrowed to int32. */
function interpret(suffix: string): Interpreted | undefined {
  const d = DECIMAL_SUFFIXES.get(suffix)
  if (d !== undefined) return { base: 10, exponent: d, format: 'DecimalSI' }
  const b = BINARY_SUFFIXES.get(suffix)
  if (b !== undefined) return { base: 2, exponent: b, format: 'BinarySI' }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1)
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined
    const parsed = BigInt(rest)
    if (!fitsInt64(parsed)) return undefined
    // int32(parsed): v1.35 truncates an exponent outside int32 (kubernetes/kubernetes#139412 proposes refusing it).
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' }
  }
  return undefined
}

type Parsed = ParsedQuantity | { error: string }

function nanoOf(a: Amount): bigint {
  if (a.unscaled === 0n) return 0n
  const e = a.scale + 9
  if (e < 0) return a.unscaled / 10n ** BigInt(-e)
  if (digits(a.unscaled) + e > NANO_DIGITS) return a.unscaled > 0n ? NANO_CAP : -NANO_CAP
  return a.unscaled * 10n ** BigInt(e)
}

const quantity = (amount: Amount, format: QuantityFormat, s?: string): ParsedQuantity =>
  s === undefined ? { nano: nanoOf(amount), format, amount } : { nano: nanoOf(amount), format, amount, s }

/** parseQuantityOrError is ParseQuantity: the quantity, or the error it returns. */
function parseQuantityOrError(str: string): Parsed {
  if (str.length === 0) return { error: QUANTITY_FORMAT_WRONG }
  if (str === '0') return quantity({ unscaled: 0n, scale: 0, int64: true }, 'DecimalSI', str)
  const scanned = parseQuantityString(str)
  if (!scanned) return { error: QUANTITY_FORMAT_WRONG }
  const { positive, value, num, denom } = scanned
  const suffix = interpret(scanned.suffix)
  if (!suffix) return { error: QUANTITY_SUFFIX }
  const { base, exponent } = suffix
  let format = suffix.format

  let precision = 0
  let scale = 0
  let mantissa = 1n
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent)
      precision = 15 - num.length - Math.trunc(exponent * 3 / 10) - 1
    } else {
      precision = -1
    }
  } else {
    scale = exponent
    precision = 18 - (num.length + denom.length)
  }

  if (precision >= 0) {
    scale = (scale - denom.length) | 0 // int32, as upstream
    if (scale >= -9) {
      const shifted = num + denom
      const v = BigInt(shifted)
      const product = v * mantissa
      if (fitsInt64(product)) {
        const result = positive ? product : -product
        const amount = { unscaled: result, scale, int64: true }
        // When the input is already canonical, upstream keeps it as the quantity's string.
        const canonical = format === 'BinarySI'
          ? exponent % 10 === 0 && (v & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0'
        return quantity(amount, format, canonical ? str : undefined)
      }
    }
  }

  // The inf.Dec path: inf.Dec.SetString needs at least one digit.
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(value)
  if (!m || (m[2] + (m[3] ?? '')).length === 0) return { error: QUANTITY_NUMERIC }
  let unscaled = BigInt(m[2] + (m[3] ?? ''))
  let infScale = (m[3] ?? '').length
  if (base === 10) infScale = (infScale + ((-exponent) | 0)) | 0
  else unscaled *= 1n << BigInt(exponent)

  // Non-zero values round up to the nano (inf.RoundUp on the magnitude), then BinarySI caps at 2^63-1.
  let amount: Amount
  if (unscaled === 0n) amount = { unscaled: 0n, scale: 0, int64: false }
  else if (infScale <= 9) amount = { unscaled, scale: -infScale, int64: false }
  else {
    const k = infScale - 9
    let q = 1n
    if (k <= digits(unscaled)) {
      const d = 10n ** BigInt(k)
      q = unscaled / d + (unscaled % d === 0n ? 0n : 1n)
    }
    amount = { unscaled: q, scale: -9, int64: false }
  }
  if (format === 'BinarySI' && cmpAmount(amount, { unscaled: MOST_POSITIVE, scale: 0, int64: false }) > 0) {
    amount = { unscaled: MOST_POSITIVE, scale: 0, int64: false }
  }
  const one = { unscaled: 1n, scale: 0, int64: false }
  if (format === 'BinarySI' && amount.unscaled > 0n && cmpAmount(amount, one) < 0) {
    format = 'DecimalSI'
  }
  if (!positive) amount = { ...amount, unscaled: -amount.unscaled }
  return quantity(amount, format)
}

/** Go's strings.TrimSpace: Unicode White_Space (unlike String.prototype.trim, U+0085 but not U+FEFF). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g')

/**
 * unmarshalText is what Quantity.UnmarshalJSON parses: the JSON text kubectl sent, without its quotes and not
 * unescaped, then TrimSpace. So a tab or newline inside a string arrives as `\t` / `\n` and is not trimmed.
 */
function unmarshalText(input: string | number): string {
  if (typeof input === 'number') return String(input)
  return JSON.stringify(input).slice(1, -1).replace(GO_TRIM, '')
}

const cache = new Map<string | number, Parsed>()

function parseCached(input: string | number): Parsed {
  let hit = cache.get(input)
  if (hit === undefined) {
    hit = parseQuantityOrError(unmarshalText(input))
    if (cache.size < 10_000) cache.set(input, hit)
  }
  return hit
}

/**
 * parseQuantity parses "500m", "1Gi", "2", "1e3" as Quantity.UnmarshalJSON does (surrounding spaces trimmed); it
 * returns null for anything ParseQuantity refuses. Results are shared: do not mutate.
 */
export function parseQuantity(input: string | number): ParsedQuantity | null {
  const p = parseCached(input)
  return 'error' in p ? null : p
}

/**
 * quantityError says why a JSON value cannot be decoded as a resource.Quantity, or undefined when it can. As
 * Quantity.UnmarshalJSON: null is the zero quantity; a number or a string is parsed; anything else is handed to the
 * parser as its JSON text, which never matches.
 */
export function quantityError(value: unknown): string | undefined {
  if (value === null) return undefined
  if (typeof value !== 'string' && typeof value !== 'number') return QUANTITY_FORMAT_WRONG
  const p = parseCached(value)
  return 'error' in p ? p.error : undefined
}

/** amountOf is the exact amount of q; a quantity built from nano is an amount at scale -9. */
function amountOf(q: ParsedQuantity): Amount {
  return q.amount ?? { unscaled: q.nano, scale: -9, int64: fitsInt64(q.nano) }
}

/** compareQuantity is Quantity.Cmp: exact whatever the exponents (nano saturates; this does not). */
export function compareQuantity(a: ParsedQuantity, b: ParsedQuantity): -1 | 0 | 1 {
  return cmpAmount(amountOf(a), amountOf(b))
}

/**
 * milliValue is Quantity.MilliValue(): the value in thousandths, rounded up (cpu in millicores). Beyond int64 it
 * answers what upstream's int64 does: 0 for the int64Amount form (cpu "1e999999999" is 0 millicores), the wrapped
 * low 64 bits for the inf.Dec form.
 */
export function milliValue(q: ParsedQuantity): number {
  return Number(int64(scaledValue(amountOf(q), -3)))
}

/** value is Quantity.Value(): the value rounded up to an integer (memory in bytes, pods), int64 as milliValue. */
export function value(q: ParsedQuantity): number {
  return Number(int64(scaledValue(amountOf(q), 0)))
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
 * formatQuantity is Quantity.String() (CanonicalizeBytes): the kept input when it was canonical, else the canonical
 * form in the quantity's own format, e.g. 1000m → "1", 0.5 → "500m", 1.5Gi → "1536Mi", 2000 → "2k",
 * 1e3 → "1e3".
 * As upstream, a DecimalSI exponent past E has no suffix (1000E prints "1"; kubernetes/kubernetes#119855).
 */
export function formatQuantity(q: ParsedQuantity): string {
  if (q.s !== undefined) return q.s
  const a = amountOf(q)
  if (a.unscaled === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    const small = cmpAmount(a, { unscaled: -1024n, scale: 0, int64: true }) > 0
      && cmpAmount(a, { unscaled: 1024n, scale: 0, int64: true }) < 0
    const [rounded, exact] = asScale0(a)
    if (small || !exact) format = 'DecimalSI'
    else {
      const [number, exponent] = asCanonicalBase1024Bytes(rounded)
      return number + (BINARY_BY_EXPONENT.get(exponent * 10) ?? '')
    }
  }
  const [number, exponent] = asCanonicalBytes(a)
  if (format === 'DecimalExponent') return number + (exponent === 0 ? '' : `e${exponent}`)
  return number + (DECIMAL_BY_EXPONENT.get(exponent) ?? '')
}

/** canonical formats a quantity string canonically (the input when it does not parse). */
export function canonical(s: string | number): string {
  const q = parseQuantity(s)
  return q ? formatQuantity(q) : String(s)
}
