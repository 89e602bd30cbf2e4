/**
 * The character and scalar level of yamlFast.ts: what the subset refuses, how a plain scalar resolves under the
 * yaml package's YAML 1.2 core schema, and how a mapping key is set as toJS sets it.
 */

/** Thrown (one shared instance) when the text leaves the subset; fastDocuments turns it into `undefined`. */
export const OUT = new Error('yamlFast: outside the subset')

// Characters the subset refuses anywhere: tab, CR, other controls, NEL, LS/PS, BOM (the yaml package treats each
// specially or errors on it).
export const REFUSED = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/
// A document marker line: `---`, maybe a comment after it. Content on the same line is left to the yaml package.
export const MARKER = /^---(?:[ ]*|[ ]+#.*)$/

// The core schema's tests (node_modules/yaml/dist/schema/core/*.js, common/null.js), in the schema's order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/
const INT_OCT = /^0o[0-7]+$/
const INT = /^[-+]?[0-9]+$/
const INT_HEX = /^0x[0-9a-fA-F]+$/
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/

/** resolvePlain: a plain scalar's value under the core schema (the first default tag whose test matches). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0)
  // hot: most scalars are names; only these first characters can start a non-string.
  if (!(c === 0x7e || c === 0x2e || c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39)
    || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) && s.length > 0) return s
  if (NULL.test(s)) return null
  if (BOOL.test(s)) return c === 0x74 || c === 0x54
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8)
  if (INT.test(s)) return parseInt(s, 10)
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16)
  if (FLOAT_NAN.test(s)) {
    if (s.slice(-3).toLowerCase() === 'nan') return NaN
    return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  }
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s)
  return s
}

export const SPACE = 0x20
export const HASH = 0x23
export const COLON = 0x3a
export const DASH = 0x2d
export const DQUOTE = 0x22
export const SQUOTE = 0x27

/** Characters that cannot start a plain scalar (`-` can, before a non-space; `?` and `:` are left to yaml). */
export function isIndicator(c: number): boolean {
  switch (c) {
    case 0x2d: case 0x3f: case 0x3a: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x23: case 0x26:
    case 0x2a: case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
      return true
    default:
      return false
  }
}

/** `,[]{}`: they end a plain scalar inside a flow collection. */
export function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d
}

/** setKey adds a key as toJS does (String of the scalar, '' for null), refusing repeats and `__proto__`. */
export function setKey(map: Record<string, unknown>, key: unknown, value: unknown): void {
  const k = key === null ? '' : String(key)
  // `<<` is a merge key for the yaml package (merge: true); `__proto__` is set differently by toJS.
  if (k === '__proto__' || k === '<<' || Object.prototype.hasOwnProperty.call(map, k)) throw OUT
  map[k] = value
}
