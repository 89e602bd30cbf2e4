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
    // Hot (one per created object): the four words' hex, the version nibble (hex digit 12) set to 4 and the variant
    // bits (digit 16, the third word's top nibble) to 10, without an array, a join or a parse.
    const a = hex8(this.nextU32())
    const b = hex8(this.nextU32())
    const c = this.nextU32()
    const d = hex8(this.nextU32())
    const variant = (((c >>> 28) & 0x3) | 0x8).toString(16)
    const cs = hex8(c)
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${cs.slice(1, 4)}-${cs.slice(4, 8)}${d}`
  }

  /** hex returns n random lowercase hex characters (container and sandbox ids, MAC bytes). */
  hex(n: number): string {
    let out = ''
    while (out.length < n) out += this.nextU32().toString(16).padStart(8, '0')
    return out.slice(0, n)
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

/** hex8 is an unsigned 32-bit integer as 8 lowercase hex digits. */
function hex8(n: number): string {
  return n.toString(16).padStart(8, '0')
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
