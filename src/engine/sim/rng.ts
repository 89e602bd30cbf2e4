/**
 * Rng is the engine's only source of randomness: a seeded sfc32 generator.
 * The same seed gives the same sequence on every JavaScript engine.
 * `fork(label)` derives an independent stream, so a component that draws one more number does not shift
 * another component's draws (the scheduler's tie-breaks stay put when the kubelet changes).
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  readonly seed: number

  constructor(seed: number) {
    this.seed = seed >>> 0
    const s = splitmix32(this.seed)
    this.a = s()
    this.b = s()
    this.c = s()
    this.d = s()
    for (let i = 0; i < 12; i++) this.nextU32()
  }

  /** nextU32 returns a uniformly distributed unsigned 32-bit integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** float returns a number in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296
  }

  /** int returns an integer in [0, n) (n ≥ 1), like Go's rand.Intn. */
  int(n: number): number {
    if (n <= 1) return 0
    return Math.floor(this.float() * n)
  }

  /** fork returns an independent generator derived from this seed and a label. */
  fork(label: string): Rng {
    return new Rng((this.seed ^ hash32(label)) >>> 0)
  }

  /** uuid returns a random RFC 4122 version 4 UUID, as metadata.uid is. */
  uuid(): string {
    // Hot (one per created object, kept for the run): the four words' hex written into one flat string, the
    // version nibble (hex digit 12) set to 4 and the variant bits (digit 16, the third word's top nibble) to 10.
    const u = UUID_CODES
    putHex(u, 0, this.nextU32(), 8)
    const b = this.nextU32()
    const c = this.nextU32()
    putHex(u, 9, b >>> 16, 4)
    u[14] = 0x34 // '4'; b's fifth hex digit is dropped
    putHex(u, 15, b & 0xfff, 3)
    putHex(u, 19, (((c >>> 28) & 0x3) | 0x8) << 12 | ((c >>> 16) & 0xfff), 4)
    putHex(u, 24, c & 0xffff, 4)
    putHex(u, 28, this.nextU32(), 8)
    return String.fromCharCode.apply(null, u)
  }

  /** hex returns n random lowercase hex characters (container and sandbox ids, MAC bytes). */
  hex(n: number): string {
    // As one flat string: a container id built by concatenation was a tree of sixteen strings, kept for the run.
    const words = Math.ceil(n / 8)
    const codes = new Array<number>(words * 8)
    for (let i = 0; i < words; i++) putHex(codes, i * 8, this.nextU32(), 8)
    codes.length = n
    return String.fromCharCode.apply(null, codes)
  }

  /** string returns n characters drawn uniformly from alphabet. */
  string(n: number, alphabet: string): string {
    let out = ''
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)]
    return out
  }
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** A UUID's characters as UTF-16 code units, the dashes in place (uuid writes the hex digits). */
const UUID_CODES: number[] = Array.from('xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx', (ch) => ch.charCodeAt(0))
/** '0'–'9', 'a'–'f'. */
const HEX_CODES: readonly number[] = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0))

/** putHex writes the low `digits` hex digits of n into codes from `at`, most significant first. */
function putHex(codes: number[], at: number, n: number, digits: number): void {
  for (let i = at + digits - 1; i >= at; i--) {
    codes[i] = HEX_CODES[n & 0xf]
    n >>>= 4
  }
}

/** hash32 is FNV-1a over UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
