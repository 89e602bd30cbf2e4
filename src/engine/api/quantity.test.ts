import { describe, expect, it } from 'vitest'
import { QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX, bytes, canonical, cpuMilli, quantityError } from './quantity.ts'

describe('quantity', () => {
  it.each([
    ['500m', 500], ['1', 1000], ['0.5', 500], ['2.5', 2500], ['100m', 100], ['1e3', 1_000_000], ['1n', 1],
  ])('cpuMilli(%s) = %d', (s, want) => expect(cpuMilli(s)).toBe(want))
  it.each([
    ['1Gi', 1073741824], ['128Mi', 134217728], ['1G', 1e9], ['1k', 1000], ['200Mi', 209715200], ['0.5Gi', 536870912],
  ])('bytes(%s) = %d', (s, want) => expect(bytes(s)).toBe(want))
  it.each([
    ['1000m', '1'], ['0.5', '500m'], ['1.5Gi', '1536Mi'], ['2000', '2k'], ['1024Mi', '1Gi'], ['100m', '100m'], ['2', '2'], ['512', '512'],
  ])('canonical(%s) = %s', (s, want) => expect(canonical(s)).toBe(want))
})

describe('quantityError: what resource.ParseQuantity says through Quantity.UnmarshalJSON', () => {
  it.each([
    ['1', undefined], [0.5, undefined], ['500m', undefined], [' 1Gi ', undefined], [null, undefined],
    ['512MB', QUANTITY_FORMAT_WRONG], ['100 millicores', QUANTITY_FORMAT_WRONG], ['1 GB', QUANTITY_FORMAT_WRONG],
    [true, QUANTITY_FORMAT_WRONG], [[1], QUANTITY_FORMAT_WRONG], [{ a: 1 }, QUANTITY_FORMAT_WRONG], ['', QUANTITY_FORMAT_WRONG],
    ['5Mm', QUANTITY_SUFFIX], ['512Gu', QUANTITY_SUFFIX], ['1.2.3', QUANTITY_NUMERIC],
  ])('%j → %s', (value, want) => {
    expect(quantityError(value)).toBe(want)
  })
})
