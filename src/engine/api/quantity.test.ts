import { describe, expect, it } from 'vitest'
import {
  QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX, NANO_DIGITS, type ParsedQuantity, type QuantityFormat,
  bytes, canonical, compareQuantity, cpuMilli, formatQuantity, milliValue, parseQuantity, parseQuantityString,
  quantityError, value,
} from './quantity.ts'
import { asCanonicalBytes, asScaledInt64, scaledValue } from './quantityAmount.ts'

// Expected values below marked "upstream" come from kubernetes/apimachinery v0.35.7 (Kubernetes v1.35)
// pkg/api/resource/quantity_test.go and amount_test.go, under the test names given.

/** decQuantity(i, exponent, format) of quantity_test.go: i × 10^exponent held as an inf.Dec. */
const decQuantity = (i: bigint | number, exponent: number, format: QuantityFormat): ParsedQuantity =>
  ({ nano: 0n, format, amount: { unscaled: BigInt(i), scale: exponent, int64: false } })
const MAX_ALLOWED = (1n << 63n) - 1n
const mustParse = (s: string): ParsedQuantity => {
  const q = parseQuantity(s)
  if (!q) throw new Error(`cannot parse '${s}'`)
  return q
}

describe('quantity', () => {
  it.each([
    ['500m', 500], ['1', 1000], ['0.5', 500], ['2.5', 2500], ['100m', 100], ['1e3', 1_000_000], ['1n', 1],
  ])('cpuMilli(%s) = %d', (s, want) => expect(cpuMilli(s)).toBe(want))
  it.each([
    ['1Gi', 1073741824], ['128Mi', 134217728], ['1G', 1e9], ['1k', 1000], ['200Mi', 209715200], ['0.5Gi', 536870912],
  ])('bytes(%s) = %d', (s, want) => expect(bytes(s)).toBe(want))
  it.each([
    ['1000m', '1'], ['0.5', '500m'], ['1.5Gi', '1536Mi'], ['2000', '2k'], ['1024Mi', '1Gi'], ['100m', '100m'],
    ['2', '2'], ['512', '512'],
  ])('canonical(%s) = %s', (s, want) => expect(canonical(s)).toBe(want))
})

describe('quantityError: what resource.ParseQuantity says through Quantity.UnmarshalJSON', () => {
  it.each([
    ['1', undefined], [0.5, undefined], ['500m', undefined], [' 1Gi ', undefined], [null, undefined],
    ['512MB', QUANTITY_FORMAT_WRONG], ['100 millicores', QUANTITY_FORMAT_WRONG], ['1 GB', QUANTITY_FORMAT_WRONG],
    [true, QUANTITY_FORMAT_WRONG], [[1], QUANTITY_FORMAT_WRONG], [{ a: 1 }, QUANTITY_FORMAT_WRONG],
    ['', QUANTITY_FORMAT_WRONG], ['5Mm', QUANTITY_SUFFIX], ['512Gu', QUANTITY_SUFFIX],
    // parseQuantityString stops at the second '.', which is neither suffix nor exponent: ErrFormatWrong.
    ['1.2.3', QUANTITY_FORMAT_WRONG],
    // Only the inf.Dec path can fail to read the number: a value with no digit and a sub-nano exponent.
    ['.e-10', QUANTITY_NUMERIC], ['-e-10', QUANTITY_NUMERIC], ['1e', QUANTITY_SUFFIX], ['1e+', QUANTITY_SUFFIX],
    ['1e9223372036854775808', QUANTITY_SUFFIX],
    // UnmarshalJSON sees the JSON text: a tab or newline in the string is an escape, not trimmed space.
    ['1\t', QUANTITY_FORMAT_WRONG], ['1\n', QUANTITY_FORMAT_WRONG], ['\u00a01\u3000', undefined],
  ])('%j → %s', (value, want) => {
    expect(quantityError(value)).toBe(want)
  })
})

describe('upstream quantity_test.go', () => {
  it('TestQuantityParseZero', () => expect(formatQuantity(mustParse('0'))).toBe('0'))

  it('TestQuantityParseNonNumericPanic', () => expect(parseQuantity('Non-Numeric')).toBeNull())

  it('TestQuantityCanocicalizeZero', () => {
    const q = mustParse('1000m')
    expect(formatQuantity({ nano: q.nano - 1_000_000_000n, format: 'DecimalSI' })).toBe('0')
  })

  it.each([['0', '0', 0], ['100m', '50m', 1], ['50m', '100m', -1], ['10000T', '100Gi', 1]])(
    'TestQuantityCmp %s %s', (x, y, want) => expect(compareQuantity(mustParse(x), mustParse(y))).toBe(want))

  it.each([
    ['0.025Ti', true, '0.025', '0', '025', 'Ti'], ['1.025Ti', true, '1.025', '1', '025', 'Ti'],
    ['-1.025Ti', false, '-1.025', '1', '025', 'Ti'], ['.', true, '.', '0', '', ''], ['-.', false, '-.', '0', '', ''],
    ['1E-3', true, '1', '1', '', 'E-3'],
  ])('TestParseQuantityString %s', (input, positive, v, num, denom, suffix) => {
    expect(parseQuantityString(input)).toEqual({ positive, value: v, num, denom, suffix })
  })

  const parseTable: [string, ParsedQuantity][] = [
    ['0', decQuantity(0, 0, 'DecimalSI')], ['0n', decQuantity(0, 0, 'DecimalSI')],
    ['0u', decQuantity(0, 0, 'DecimalSI')], ['0m', decQuantity(0, 0, 'DecimalSI')],
    ['0Ki', decQuantity(0, 0, 'BinarySI')], ['0k', decQuantity(0, 0, 'DecimalSI')],
    ['0Mi', decQuantity(0, 0, 'BinarySI')], ['0M', decQuantity(0, 0, 'DecimalSI')],
    ['0Gi', decQuantity(0, 0, 'BinarySI')], ['0G', decQuantity(0, 0, 'DecimalSI')],
    ['0Ti', decQuantity(0, 0, 'BinarySI')], ['0T', decQuantity(0, 0, 'DecimalSI')],
    ['1', decQuantity(1, 0, 'DecimalSI')],
    ['1Ki', decQuantity(1024, 0, 'BinarySI')], ['8Ki', decQuantity(8 * 1024, 0, 'BinarySI')],
    ['7Mi', decQuantity(7 * 1024 * 1024, 0, 'BinarySI')], ['6Gi', decQuantity(6n * 1024n ** 3n, 0, 'BinarySI')],
    ['5Ti', decQuantity(5n * 1024n ** 4n, 0, 'BinarySI')], ['4Pi', decQuantity(4n * 1024n ** 5n, 0, 'BinarySI')],
    ['3Ei', decQuantity(3n * 1024n ** 6n, 0, 'BinarySI')],
    ['10Ti', decQuantity(10n * 1024n ** 4n, 0, 'BinarySI')], ['100Ti', decQuantity(100n * 1024n ** 4n, 0, 'BinarySI')],
    ['5n', decQuantity(5, -9, 'DecimalSI')], ['4u', decQuantity(4, -6, 'DecimalSI')],
    ['3m', decQuantity(3, -3, 'DecimalSI')], ['9', decQuantity(9, 0, 'DecimalSI')],
    ['8k', decQuantity(8, 3, 'DecimalSI')], ['50k', decQuantity(5, 4, 'DecimalSI')],
    ['7M', decQuantity(7, 6, 'DecimalSI')], ['6G', decQuantity(6, 9, 'DecimalSI')],
    ['5T', decQuantity(5, 12, 'DecimalSI')], ['40T', decQuantity(4, 13, 'DecimalSI')],
    ['300T', decQuantity(3, 14, 'DecimalSI')], ['2P', decQuantity(2, 15, 'DecimalSI')],
    ['1E', decQuantity(1, 18, 'DecimalSI')],
    ['1E-3', decQuantity(1, -3, 'DecimalExponent')], ['1e3', decQuantity(1, 3, 'DecimalExponent')],
    ['1E6', decQuantity(1, 6, 'DecimalExponent')], ['1e9', decQuantity(1, 9, 'DecimalExponent')],
    ['1E12', decQuantity(1, 12, 'DecimalExponent')], ['1e15', decQuantity(1, 15, 'DecimalExponent')],
    ['1E18', decQuantity(1, 18, 'DecimalExponent')],
    ['1e14', decQuantity(1, 14, 'DecimalExponent')], ['1e13', decQuantity(1, 13, 'DecimalExponent')],
    ['100.035k', decQuantity(100035, 0, 'DecimalSI')],
    ['0.001', decQuantity(1, -3, 'DecimalSI')], ['0.0005k', decQuantity(5, -1, 'DecimalSI')],
    ['0.005', decQuantity(5, -3, 'DecimalSI')], ['0.05', decQuantity(5, -2, 'DecimalSI')],
    ['0.5', decQuantity(5, -1, 'DecimalSI')], ['0.00050k', decQuantity(5, -1, 'DecimalSI')],
    ['0.00500', decQuantity(5, -3, 'DecimalSI')], ['0.05000', decQuantity(5, -2, 'DecimalSI')],
    ['0.50000', decQuantity(5, -1, 'DecimalSI')], ['0.5e0', decQuantity(5, -1, 'DecimalExponent')],
    ['0.5e-1', decQuantity(5, -2, 'DecimalExponent')], ['0.5e-2', decQuantity(5, -3, 'DecimalExponent')],
    ['10.035M', decQuantity(10035, 3, 'DecimalSI')],
    ['1.2e3', decQuantity(12, 2, 'DecimalExponent')], ['1.3E+6', decQuantity(13, 5, 'DecimalExponent')],
    ['1.40e9', decQuantity(14, 8, 'DecimalExponent')], ['1.53E12', decQuantity(153, 10, 'DecimalExponent')],
    ['1.6e15', decQuantity(16, 14, 'DecimalExponent')], ['1.7E18', decQuantity(17, 17, 'DecimalExponent')],
    ['9.01', decQuantity(901, -2, 'DecimalSI')], ['8.1k', decQuantity(81, 2, 'DecimalSI')],
    ['7.123456M', decQuantity(7123456, 0, 'DecimalSI')], ['6.987654321G', decQuantity(6987654321, 0, 'DecimalSI')],
    ['5.444T', decQuantity(5444, 9, 'DecimalSI')], ['40.1T', decQuantity(401, 11, 'DecimalSI')],
    ['300.2T', decQuantity(3002, 11, 'DecimalSI')], ['2.5P', decQuantity(25, 14, 'DecimalSI')],
    ['1.01E', decQuantity(101, 16, 'DecimalSI')],
    // Things that saturate/round
    ['3.001n', decQuantity(4, -9, 'DecimalSI')], ['1.1E-9', decQuantity(2, -9, 'DecimalExponent')],
    ['0.0000000001', decQuantity(1, -9, 'DecimalSI')], ['0.0000000005', decQuantity(1, -9, 'DecimalSI')],
    ['0.00000000050', decQuantity(1, -9, 'DecimalSI')], ['0.5e-9', decQuantity(1, -9, 'DecimalExponent')],
    ['0.9n', decQuantity(1, -9, 'DecimalSI')], ['0.00000012345', decQuantity(124, -9, 'DecimalSI')],
    ['0.00000012354', decQuantity(124, -9, 'DecimalSI')],
    ['9Ei', decQuantity(MAX_ALLOWED, 0, 'BinarySI')],
    ['9223372036854775807Ki', decQuantity(MAX_ALLOWED, 0, 'BinarySI')],
    ['12E', decQuantity(12, 18, 'DecimalSI')],
    // We'll accept fractional binary stuff, too.
    ['100.035Ki', decQuantity(10243584, -2, 'BinarySI')], ['0.5Mi', decQuantity(0.5 * 1024 * 1024, 0, 'BinarySI')],
    ['0.05Gi', decQuantity(536870912, -1, 'BinarySI')], ['0.025Ti', decQuantity(274877906944, -1, 'BinarySI')],
    // Things written by trolls
    ['0.000000000001Ki', decQuantity(2, -9, 'DecimalSI')], ['.001', decQuantity(1, -3, 'DecimalSI')],
    ['.0001k', decQuantity(100, -3, 'DecimalSI')], ['1.', decQuantity(1, 0, 'DecimalSI')],
    ['1.G', decQuantity(1, 9, 'DecimalSI')],
  ]
  const neg = (q: ParsedQuantity): ParsedQuantity =>
    decQuantity(-(q.amount?.unscaled ?? 0n), q.amount?.scale ?? 0, q.format)
  it.each(parseTable)('TestQuantityParse %s (and with - and +)', (input, want) => {
    for (const [s, w] of [[input, want], [`-${input}`, neg(want)], [`+${input}`, want]] as const) {
      const got = mustParse(s)
      expect(compareQuantity(got, w), s).toBe(0)
      expect(got.format, s).toBe(w.format)
    }
  })
  it.each(['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-'])(
    'TestQuantityParse invalid %j', (s) => expect(parseQuantity(s)).toBeNull())

  // [in (decQuantity), expect, alternate]
  const stringTable: [ParsedQuantity, string, string][] = [
    [decQuantity(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
    [decQuantity(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
    [decQuantity(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
    [decQuantity(1001n * 1024n ** 3n, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
    [decQuantity(1024n ** 4n, 0, 'BinarySI'), '1Ti', '1024Gi'],
    [decQuantity(5, 0, 'BinarySI'), '5', '5000m'], [decQuantity(500, -3, 'BinarySI'), '500m', '0.5'],
    [decQuantity(1, 9, 'DecimalSI'), '1G', '1000M'], [decQuantity(1000, 6, 'DecimalSI'), '1G', '0.001T'],
    [decQuantity(1000000, 3, 'DecimalSI'), '1G', ''], [decQuantity(1000000000, 0, 'DecimalSI'), '1G', ''],
    [decQuantity(1, -3, 'DecimalSI'), '1m', '1000u'], [decQuantity(80, -3, 'DecimalSI'), '80m', ''],
    [decQuantity(1080, -3, 'DecimalSI'), '1080m', '1.08'], [decQuantity(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
    [decQuantity(10800, -4, 'DecimalSI'), '1080m', ''], [decQuantity(300, 6, 'DecimalSI'), '300M', ''],
    [decQuantity(1, 12, 'DecimalSI'), '1T', ''], [decQuantity(1234567, 6, 'DecimalSI'), '1234567M', ''],
    [decQuantity(1234567, -3, 'BinarySI'), '1234567m', ''], [decQuantity(3, 3, 'DecimalSI'), '3k', ''],
    [decQuantity(1025, 0, 'BinarySI'), '1025', ''], [decQuantity(0, 0, 'DecimalSI'), '0', ''],
    [decQuantity(0, 0, 'BinarySI'), '0', ''], [decQuantity(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
    [decQuantity(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
    [decQuantity(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
    [decQuantity(80, -3, 'DecimalExponent'), '80e-3', ''], [decQuantity(300, 6, 'DecimalExponent'), '300e6', ''],
    [decQuantity(1, 12, 'DecimalExponent'), '1e12', ''], [decQuantity(1, 3, 'DecimalExponent'), '1e3', ''],
    [decQuantity(3, 3, 'DecimalExponent'), '3e3', ''], [decQuantity(3, 3, 'DecimalSI'), '3k', ''],
    [decQuantity(0, 0, 'DecimalExponent'), '0', '00'], [decQuantity(1, -9, 'DecimalSI'), '1n', ''],
    [decQuantity(80, -9, 'DecimalSI'), '80n', ''], [decQuantity(1080, -9, 'DecimalSI'), '1080n', ''],
    [decQuantity(108, -8, 'DecimalSI'), '1080n', ''], [decQuantity(10800, -10, 'DecimalSI'), '1080n', ''],
    [decQuantity(1, -6, 'DecimalSI'), '1u', ''], [decQuantity(80, -6, 'DecimalSI'), '80u', ''],
    [decQuantity(1080, -6, 'DecimalSI'), '1080u', ''],
  ]
  it.each(stringTable)('TestQuantityString %#', (q, want, alternate) => {
    expect(formatQuantity(q)).toBe(want)
    expect(mustParse(want).s).toBe(want) // the canonical string is kept on parse
    if (alternate) {
      expect(mustParse(alternate).s).toBeUndefined()
      expect(formatQuantity(mustParse(alternate))).toBe(want)
    }
    if (q.amount?.unscaled !== 0n) expect(formatQuantity(neg(q))).toBe(`-${want}`)
  })

  it.each([
    ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1000M', '1G'], ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
  ])('TestQuantityParseEmit %s → %s', (input, want) => {
    expect(formatQuantity(mustParse(input))).toBe(want)
    expect(formatQuantity(mustParse(`-${input}`))).toBe(`-${want}`)
  })

  it.each([[' 1', '1'], ['1 ', '1'], [1, '1'], [10, '10'], [-1, '-1']])(
    'TestJSONWhitespace %j', (input, want) => expect(canonical(input)).toBe(want))

  it.each([
    [-9, -9, 1n], [-9, -6, 1n], [-9, -3, 1n], [-9, 0, 1n], [-6, -9, 1000n], [-6, -6, 1n], [-6, -3, 1n], [-6, 0, 1n],
    [-3, -9, 1000n * 1000n], [-3, -6, 1000n], [-3, -3, 1n], [-3, 0, 1n], [0, -9, 1000n * 1000n * 1000n],
    [0, -6, 1000n * 1000n], [0, -3, 1000n], [0, 0, 1n], [2, -2, 100n * 100n],
  ])('TestScaledValue %d to %d', (from, to, want) => {
    expect(scaledValue({ unscaled: 1n, scale: from, int64: true }, to)).toBe(want)
  })
})

describe('upstream amount_test.go', () => {
  it.each([
    ['test when i.scale < scaled ', 100n, 0, 5, 1n, true], ['test when i.scale = scaled', 100n, 1, 1, 100n, true],
    ['test when i.scale > scaled and result doesn\'t overflow', 100n, 5, 2, 100000n, true],
    ['test when i.scale > scaled and result overflows', 876n, 30, 4, 0n, false],
    ['test when i.scale < 0 and fraction exists', 93n, -1, 0, 10n, true],
    ['test when i.scale < 0 and fraction doesn\'t exist', 100n, -1, 0, 10n, true],
    ['test when i.value < 0 and fraction exists', -1932n, 2, 4, -20n, true],
    ['test when i.value < 0 and fraction doesn\'t exists', -1900n, 2, 4, -19n, true],
  ])('TestInt64AmountAsScaledInt64 %s', (_name, v, scale, scaled, result, ok) => {
    expect(asScaledInt64({ unscaled: v, scale, int64: true }, scaled)).toEqual([result, ok])
  })

  it.each([[100n, 0, '100', 0], [100n, 1, '1', 3], [100n, -1, '10', 0], [10800n, -10, '1080', -9]])(
    'TestInt64AsCanonicalString %d scale %d', (v, scale, result, exponent) => {
      expect(asCanonicalBytes({ unscaled: v, scale, int64: true })).toEqual([result, exponent])
    })
})

describe('limits: huge and tiny exponents are held scaled, never expanded', () => {
  // No wall-clock assertion (speed is measured by benchmarks): a value that were expanded would not finish at all.
  const timed = (s: string) => ({ q: parseQuantity(s) })

  it('1e999999999 is a valid quantity (int64Amount{1, 999999999}) held scaled', () => {
    const { q } = timed('1e999999999')
    expect(q?.format).toBe('DecimalExponent')
    // scale 999999999 is a multiple of 3 and "1" has no zeros: ParseQuantity keeps the string, and String() is it.
    expect(q && formatQuantity(q)).toBe('1e999999999')
    // int64Amount.AsScaledInt64 overflows: ScaledValue ignores ok and answers positiveScaleInt64's 0.
    expect(q && milliValue(q)).toBe(0)
    expect(q && value(q)).toBe(0)
    expect(q?.nano).toBe(10n ** BigInt(NANO_DIGITS))
    expect(quantityError('1e999999999')).toBeUndefined()
  })

  it('compares and formats huge exponents exactly (CanonicalizeBytes moves the exponent to a multiple of 3)', () => {
    expect(compareQuantity(mustParse('1e999999999'), mustParse('1e999999998'))).toBe(1)
    expect(compareQuantity(mustParse('-1e999999999'), mustParse('1'))).toBe(-1)
    expect(compareQuantity(mustParse('10e999999998'), mustParse('1e999999999'))).toBe(0)
    expect(formatQuantity(mustParse('1e999999998'))).toBe('100e999999996')
    expect(formatQuantity(mustParse('12345678901234567890e999999999'))).toBe('12345678901234567890e999999999')
    expect(formatQuantity(mustParse('2000E'))).toBe('2') // kubernetes/kubernetes#119855: no suffix past E
  })

  it('a tiny value rounds up to 1n without building 10^exponent (Simplified: upstream v1.35 materialises it)', () => {
    const { q } = timed('1e-999999999')
    expect(q && formatQuantity(q)).toBe('1e-9')
    expect(q && milliValue(q)).toBe(1)
  })

  it('zero with a huge exponent is zero, at once ("e999999999" has no digits: num is "0")', () => {
    for (const s of ['0e999999999', 'e999999999', '-0e999999999']) {
      const { q } = timed(s)
        expect(q?.nano).toBe(0n)
      expect(q && formatQuantity(q)).toBe('0')
      expect(q && value(q)).toBe(0)
    }
  })

  it('an exponent outside int32 is narrowed as v1.35 does: 1e9223372036854775807 is 0.1 (kubernetes#139412)', () => {
    expect(compareQuantity(mustParse('1e9223372036854775807'), mustParse('100m'))).toBe(0)
  })

  it('Value() past int64 on the inf.Dec path keeps the low 64 bits (big.Int.Int64)', () => {
    expect(value(mustParse('9Ei'))).toBe(Number(MAX_ALLOWED))
    expect(bytes('18446744073709551617')).toBe(1) // 2^64 + 1
    expect(bytes('1234567890123456789012e999999999')).toBe(Number(BigInt.asIntN(64, 0n)))
  })
})
