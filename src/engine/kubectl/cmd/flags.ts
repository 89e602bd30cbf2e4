/**
 * The command-line flag parser kubectl uses: spf13/pflag v1.0.9 (the version kubectl v1.35's go.mod pins), as
 * cobra v1.10.0 drives it. Mirrors pflag flag.go (FlagSet.parseArgs, parseLongArg, parseSingleShortArg),
 * errors.go (NotExistError, ValueRequiredError, InvalidValueError, InvalidSyntaxError), bool.go / int.go / int32.go /
 * string_slice.go / string_array.go (the value setters) and Go's strconv.ParseInt / ParseBool error texts.
 * kubectl's root sets cliflag.WordSepNormalizeFunc, so `--grace_period` is `--grace-period`.
 */

import { assertNever } from '../../events.ts'

export type FlagType = 'bool' | 'string' | 'int' | 'int32' | 'int64' | 'stringSlice' | 'stringArray' | 'duration'

export interface FlagSpec {
  name: string
  shorthand?: string
  type: FlagType
  /**
   * false: the flag is real in kubectl v1.35 but podbirth does not simulate it; it is refused with podbirth's own
   * message rather than silently ignored. Simplified: kubectl would honour it.
   */
  simulated?: boolean
}

export type FlagValue = boolean | string | number | string[]

export interface ParsedFlags {
  /** Values by flag name for the flags given on the command line (pflag's Changed). */
  values: Map<string, FlagValue>
  /** Positional arguments in order (pflag's Args). */
  args: string[]
  /** How many positional arguments came before `--`; -1 when there was no `--` (pflag's ArgsLenAtDash). */
  argsLenAtDash: number
}

export type FlagParse = { ok: ParsedFlags } | { error: string } | { unsupported: string }

/** goQuote is Go's strconv.Quote (%q) for the strings a command line carries. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + '"'
}

/** goQuoteRune is Go's %q of a rune: 'x'. */
function goQuoteRune(ch: string): string {
  if (ch === "'" || ch === '\\') return `'\\${ch}'`
  return `'${ch}'`
}

function underscoreOK(s: string): boolean {
  // Go strconv.underscoreOK: underscores only between digits or between a base prefix and a digit.
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hex = false
  if (s.length >= 2 && s[0] === '0') {
    const p = s[1]?.toLowerCase()
    if (p === 'b' || p === 'o' || p === 'x') {
      i = 2
      saw = '0'
      hex = p === 'x'
    }
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? ''
    const isDigit = (c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))
    if (isDigit) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

/** parseGoInt is Go's strconv.ParseInt(s, 0, bitSize); errors read as Go prints them. */
export function parseGoInt(s: string, bitSize: 32 | 64): { value: number } | { error: string } {
  const fn = 'strconv.ParseInt'
  const syntax = { error: `${fn}: parsing ${goQuote(s)}: invalid syntax` }
  if (s.length === 0) return syntax
  let body = s
  let neg = false
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-'
    body = body.slice(1)
  }
  let base = 10
  let digits = body
  let prefixed = false
  if (body.length >= 2 && body[0] === '0') {
    const p = body[1]?.toLowerCase()
    if (p === 'x') [base, digits, prefixed] = [16, body.slice(2), true]
    else if (p === 'o') [base, digits, prefixed] = [8, body.slice(2), true]
    else if (p === 'b') [base, digits, prefixed] = [2, body.slice(2), true]
    else [base, digits, prefixed] = [8, body.slice(1), true]
  }
  if (digits.includes('_')) {
    if (!prefixed || !underscoreOK(s)) return syntax
    digits = digits.replaceAll('_', '')
  }
  if (digits.length === 0) return syntax
  let n = 0n
  for (const c of digits.toLowerCase()) {
    const d = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 87 : 99
    if (d >= base) return syntax
    n = n * BigInt(base) + BigInt(d)
  }
  const limit = 1n << BigInt(bitSize - 1)
  if ((!neg && n >= limit) || (neg && n > limit)) return { error: `${fn}: parsing ${goQuote(s)}: value out of range` }
  return { value: Number(neg ? -n : n) }
}

/** parseGoBool is Go's strconv.ParseBool. */
export function parseGoBool(s: string): { value: boolean } | { error: string } {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return { value: true }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return { value: false }
  return { error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` }
}

/** splitCSV is pflag's readAsCSV for string slices: a one-line CSV record (quotes allowed). */
function splitCSV(s: string): string[] {
  if (s === '') return []
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? ''
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"' && cur === '') quoted = true
    else if (c === ',') {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

function normalize(name: string): string {
  return name.replaceAll('_', '-')
}

function flagLabel(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`
}

/** setValue is pflag's FlagSet.Set: the value's own Set, its error wrapped in InvalidValueError. */
function setValue(spec: FlagSpec, raw: string, values: Map<string, FlagValue>): string | undefined {
  const invalid = (cause: string): string =>
    `invalid argument ${goQuote(raw)} for ${goQuote(flagLabel(spec))} flag: ${cause}`
  switch (spec.type) {
    case 'bool': {
      const r = parseGoBool(raw)
      if ('error' in r) return invalid(r.error)
      values.set(spec.name, r.value)
      return undefined
    }
    case 'int':
    case 'int64':
    case 'int32': {
      const r = parseGoInt(raw, spec.type === 'int32' ? 32 : 64)
      if ('error' in r) return invalid(r.error)
      values.set(spec.name, r.value)
      return undefined
    }
    case 'string':
    case 'duration':
      values.set(spec.name, raw)
      return undefined
    case 'stringArray': {
      const prev = values.get(spec.name)
      values.set(spec.name, [...(Array.isArray(prev) ? prev : []), raw])
      return undefined
    }
    case 'stringSlice': {
      const prev = values.get(spec.name)
      values.set(spec.name, [...(Array.isArray(prev) ? prev : []), ...splitCSV(raw)])
      return undefined
    }
    default:
      return assertNever(spec.type, 'flag type')
  }
}

/**
 * parseFlags parses argv against the flag specs, flags interspersed with arguments as cobra allows.
 * An error is pflag's text (without kubectl's `error: ` and usage line, which the caller adds).
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagParse {
  const byName = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand ?? '', s]))
  const values = new Map<string, FlagValue>()
  const args: string[] = []
  let argsLenAtDash = -1
  const rest = [...argv]
  const unsupported = (spec: FlagSpec): FlagParse => ({ unsupported: `--${spec.name}` })
  while (rest.length > 0) {
    const s = rest.shift() ?? ''
    if (s.length <= 1 || s[0] !== '-') {
      args.push(s)
      continue
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = args.length
        args.push(...rest)
        break
      }
      const body = s.slice(2)
      if (body[0] === '-' || body[0] === '=') return { error: `bad flag syntax: ${s}` }
      const eq = body.indexOf('=')
      const name = eq >= 0 ? body.slice(0, eq) : body
      const spec = byName.get(normalize(name))
      if (!spec) return { error: `unknown flag: --${name}` }
      if (spec.simulated === false) return unsupported(spec)
      let raw: string
      if (eq >= 0) raw = body.slice(eq + 1)
      else if (spec.type === 'bool') raw = 'true'
      else if (rest.length > 0) raw = rest.shift() ?? ''
      else return { error: `flag needs an argument: --${name}` }
      const err = setValue(spec, raw, values)
      if (err) return { error: err }
      continue
    }
    let shorthands = s.slice(1)
    while (shorthands.length > 0) {
      const c = shorthands[0] ?? ''
      const spec = byShort.get(c)
      if (!spec) return { error: `unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}` }
      if (spec.simulated === false) return unsupported(spec)
      let raw: string
      if (shorthands.length > 2 && shorthands[1] === '=') {
        raw = shorthands.slice(2)
        shorthands = ''
      } else if (spec.type === 'bool') {
        raw = 'true'
        shorthands = shorthands.slice(1)
      } else if (shorthands.length > 1) {
        raw = shorthands.slice(1)
        shorthands = ''
      } else if (rest.length > 0) {
        raw = rest.shift() ?? ''
        shorthands = ''
      } else {
        return { error: `flag needs an argument: ${goQuoteRune(c)} in -${shorthands}` }
      }
      const err = setValue(spec, raw, values)
      if (err) return { error: err }
    }
  }
  return { ok: { values, args, argsLenAtDash } }
}
