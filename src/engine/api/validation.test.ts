import { describe, expect, it } from 'vitest'
import { newInvalid } from './errors.ts'
import type { Pod } from './types.ts'
import { labelValueErrors, qualifiedNameErrors, regexError, validateLabels, validatePodCreate } from './validation.ts'

const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
const NAME_PART_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

const pod = (meta: Record<string, unknown>, spec: Record<string, unknown> = {}): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'l', ...meta }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } }) as unknown as Pod
const message = (p: Pod) => newInvalid('Pod', p.metadata?.name ?? '', validatePodCreate(p)).message

// Cases from upstream's TestIsQualifiedName / TestIsValidLabelValue (apimachinery validation_test.go, content/kube_test.go).
describe('qualifiedNameErrors (IsQualifiedName)', () => {
  it.each([
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num',
    '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo',
    'a'.repeat(63), 'a'.repeat(253) + '/' + 'b'.repeat(63),
  ])('accepts %s', (k) => expect(qualifiedNameErrors(k)).toEqual([]))
  it.each([
    'nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc',
    'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), 'a'.repeat(254) + '/abc',
  ])('rejects %s', (k) => expect(qualifiedNameErrors(k).length).toBeGreaterThan(0))
  it('names the part that is wrong, with upstream\'s strings', () => {
    expect(qualifiedNameErrors('a b')).toEqual([NAME_PART_MSG])
    expect(qualifiedNameErrors('/simple')).toEqual(['prefix part must be non-empty'])
    expect(qualifiedNameErrors('example.com/')).toEqual(['name part must be non-empty', NAME_PART_MSG])
    expect(qualifiedNameErrors('a'.repeat(64))).toEqual(['name part must be no more than 63 characters'])
    expect(qualifiedNameErrors('Example.com/abc')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain must consist of/)
    expect(qualifiedNameErrors('only/one/slash')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ])
  })
})

describe('labelValueErrors (IsValidLabelValue)', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])(
    'accepts %j', (v) => expect(labelValueErrors(v)).toEqual([]))
  it.each([
    'nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash',
    'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64), 'a b', '<b>bold</b>',
  ])('rejects %j', (v) => expect(labelValueErrors(v).length).toBeGreaterThan(0))
  it('too long and badly formed gives both messages, length first', () => {
    expect(labelValueErrors('-'.repeat(64))).toEqual(['must be no more than 63 characters', LABEL_VALUE_MSG])
  })
  it('regexError formats examples as upstream does (note the double space)', () => {
    expect(regexError('m', 'x')).toBe("m (regex used for validation is 'x')")
    expect(regexError('m', 'x', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'x')")
  })
})

describe('validateLabels (ValidateLabels)', () => {
  it('key and value errors sit at the map path, key first, in manifest order', () => {
    expect(validateLabels({ 'a b': 'ok', app: 'x y' }, 'metadata.labels').map((e) => `${e.field}: ${e.message}`)).toEqual([
      `metadata.labels: Invalid value: "a b": ${NAME_PART_MSG}`,
      `metadata.labels: Invalid value: "x y": ${LABEL_VALUE_MSG}`,
    ])
  })
})

describe('validatePodCreate: labels, annotations, nodeSelector', () => {
  it('QA case: label value "a b"', () => {
    expect(message(pod({ labels: { app: 'a b' } }))).toBe(`Pod "l" is invalid: metadata.labels: Invalid value: "a b": ${LABEL_VALUE_MSG}`)
  })
  it('QA case: label value "<b>bold</b>"', () => {
    expect(message(pod({ labels: { app: '<b>bold</b>' } }))).toBe(`Pod "l" is invalid: metadata.labels: Invalid value: "<b>bold</b>": ${LABEL_VALUE_MSG}`)
  })
  it('QA case: nodeSelector value "a b"', () => {
    expect(message(pod({}, { nodeSelector: { zone: 'a b' } }))).toBe(`Pod "l" is invalid: spec.nodeSelector: Invalid value: "a b": ${LABEL_VALUE_MSG}`)
  })
  it('valid labels, empty values and prefixed keys pass', () => {
    expect(validatePodCreate(pod({ labels: { app: 'web', 'app.kubernetes.io/name': 'My_Value.1', empty: '' } }, { nodeSelector: { 'kubernetes.io/os': 'linux' } }))).toEqual([])
  })
  it('annotation keys are checked case-insensitively; values are free text', () => {
    expect(validatePodCreate(pod({ annotations: { 'Example.COM/Key': 'any <text> at all' } }))).toEqual([])
    expect(message(pod({ annotations: { 'bad key': 'v' } }))).toBe(`Pod "l" is invalid: metadata.annotations: Invalid value: "bad key": ${NAME_PART_MSG}`)
  })
  it('order: metadata.name, metadata.labels, containers, spec.nodeSelector; duplicates print once', () => {
    const p = pod({ name: 'My_Pod', labels: { a: 'x y', b: 'x y' } }, { containers: [], nodeSelector: { zone: '-' } })
    const errs = validatePodCreate(p)
    expect(errs.map((e) => e.field)).toEqual(['metadata.name', 'metadata.labels', 'metadata.labels', 'spec.containers', 'spec.nodeSelector'])
    const s = newInvalid('Pod', 'My_Pod', errs)
    expect((s.message ?? '').match(/metadata\.labels: /g)).toHaveLength(1)
    expect(s.details?.causes).toHaveLength(5)
  })
})
