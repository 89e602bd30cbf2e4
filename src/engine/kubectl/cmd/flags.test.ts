import { describe, expect, it } from 'vitest'
import { goQuote, parseFlags, parseGoBool, parseGoInt, type FlagSpec } from './flags.ts'

const specs: FlagSpec[] = [
  { name: 'replicas', shorthand: 'r', type: 'int32' },
  { name: 'grace-period', type: 'int' },
  { name: 'force', type: 'bool' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'dry-run', type: 'string', simulated: false },
]

describe('parseGoInt (Go strconv.ParseInt(s, 0, bitSize))', () => {
  // Values from Go's strconv/atoi_test.go parseBaseTests / parseInt64Tests (base 0 rows).
  it.each([
    ['0', 0],
    ['-0', 0],
    ['1', 1],
    ['-1', -1],
    ['12345', 12345],
    ['012345', 0o12345],
    ['0x12345', 0x12345],
    ['0X12345', 0x12345],
    ['0b1011', 11],
    ['0o17', 15],
    ['0x_1_2_3', 0x123],
    ['+5', 5],
  ])('%s → %d', (s, v) => expect(parseGoInt(s, 64)).toEqual({ value: v }))
  it.each([
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    ['x', 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['12345x', 'strconv.ParseInt: parsing "12345x": invalid syntax'],
    ['1_2', 'strconv.ParseInt: parsing "1_2": invalid syntax'],
    ['09', 'strconv.ParseInt: parsing "09": invalid syntax'],
    ['0x', 'strconv.ParseInt: parsing "0x": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
  ])('%j is an error', (s, e) => expect(parseGoInt(s, 64)).toEqual({ error: e }))
  it('checks the 32-bit range', () => {
    expect(parseGoInt('2147483647', 32)).toEqual({ value: 2147483647 })
    expect(parseGoInt('-2147483648', 32)).toEqual({ value: -2147483648 })
    expect(parseGoInt('2147483648', 32)).toEqual({
      error: 'strconv.ParseInt: parsing "2147483648": value out of range',
    })
  })
})

describe('parseGoBool', () => {
  it('accepts Go’s spellings only', () => {
    expect(parseGoBool('True')).toEqual({ value: true })
    expect(parseGoBool('0')).toEqual({ value: false })
    expect(parseGoBool('yes')).toEqual({ error: 'strconv.ParseBool: parsing "yes": invalid syntax' })
  })
})

describe('goQuote', () => {
  it('quotes as Go %q', () => expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"'))
})

describe('parseFlags (pflag v1.0.9)', () => {
  const ok = (argv: string[]) => {
    const r = parseFlags(argv, specs)
    if (!('ok' in r)) throw new Error(JSON.stringify(r))
    return r.ok
  }
  it('takes --flag=v, --flag v, -f v, -fv, -f=v and bools, interspersed with args', () => {
    const r = ok(['a', '--replicas=3', 'b', '--namespace', 'dev', '-f', 'x.yaml', '-fy.yaml', '-f=z.yaml', '--force'])
    expect(r.args).toEqual(['a', 'b'])
    expect(r.values.get('replicas')).toBe(3)
    expect(r.values.get('namespace')).toBe('dev')
    expect(r.values.get('filename')).toEqual(['x.yaml', 'y.yaml', 'z.yaml'])
    expect(r.values.get('force')).toBe(true)
    expect(r.argsLenAtDash).toBe(-1)
  })
  it('splits string slices on commas and keeps string arrays whole', () => {
    const r = ok(['-f', 'a.yaml,b.yaml', '--env', 'A=1,B=2'])
    expect(r.values.get('filename')).toEqual(['a.yaml', 'b.yaml'])
    expect(r.values.get('env')).toEqual(['A=1,B=2'])
  })
  it('groups bool shorthands and ends flags at --', () => {
    const r = ok(['-An', 'dev', 'x', '--', '--force', 'y'])
    expect(r.values.get('all-namespaces')).toBe(true)
    expect(r.values.get('namespace')).toBe('dev')
    expect(r.args).toEqual(['x', '--force', 'y'])
    expect(r.argsLenAtDash).toBe(1)
  })
  it('normalises _ to - as kubectl’s WordSepNormalizeFunc does', () => {
    expect(ok(['--grace_period=5']).values.get('grace-period')).toBe(5)
  })
  it('keeps a lone - as an argument', () => expect(ok(['-f', '-']).values.get('filename')).toEqual(['-']))
  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-Ax'], "unknown shorthand flag: 'x' in -x"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['-An'], "flag needs an argument: 'n' in -n"],
    [['--replicas=x'], 'invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [
      ['--grace-period', 'soon'],
      'invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax',
    ],
    [
      ['--force=maybe'],
      'invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
    [['---x'], 'bad flag syntax: ---x'],
  ])('%j → %s', (argv, error) => expect(parseFlags(argv, specs)).toEqual({ error }))
  it('reports a real flag podbirth does not simulate', () => {
    expect(parseFlags(['--dry-run=client'], specs)).toEqual({ unsupported: '--dry-run' })
  })
})
