/**
 * Bounded-memory output for the CLI: a writer that hands the stream chunks of about CHUNK characters, and a JSON
 * writer that produces exactly JSON.stringify(value, null, 2) piece by piece, so a trace of 5,000 pods is never
 * held as one string (V8 refuses strings past about 2^29 characters: "Invalid string length").
 */

/** The size a chunk grows to before it is written: large enough that writes are few, small enough to be cheap. */
export const CHUNK = 64 * 1024

/** ChunkWriter buffers small pieces and writes them in chunks; a piece longer than CHUNK is written on its own. */
export class ChunkWriter {
  private parts: string[] = []
  private size = 0
  private readonly sink: (s: string) => void
  private readonly transform: (s: string) => string

  constructor(sink: (s: string) => void, transform: (s: string) => string = (s) => s) {
    this.sink = sink
    this.transform = transform
  }

  write(s: string): void {
    if (s.length >= CHUNK) {
      this.flush()
      this.sink(this.transform(s))
      return
    }
    this.parts.push(s)
    this.size += s.length
    if (this.size >= CHUNK) this.flush()
  }

  flush(): void {
    if (this.size === 0) return
    const s = this.parts.join('')
    this.parts = []
    this.size = 0
    this.sink(this.transform(s))
  }
}

/** How deep writeJson walks arrays and objects itself; below this a value is stringified whole (it is small). */
const STREAM_DEPTH = 3

type Json = Record<string, unknown>

const isStreamable = (v: unknown): v is unknown[] | Json =>
  Array.isArray(v) || (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function')

/** leaf stringifies one value at `depth`, indented as JSON.stringify(…, null, 2) indents it there. */
function leaf(v: unknown, depth: number): string | undefined {
  // A number, string or boolean is written alike with an indent or without; without one JSON.stringify takes V8's
  // fast path (an indent sends every call down the general one), and most leaves of a trace are such values.
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) as string | undefined
  if (depth === 0) return JSON.stringify(v, null, 2) as string | undefined
  // Indented where it stands: stringified inside `depth` arrays, whose brackets are then cut off (an object
  // stringifies as itself there), rather than re-indented afterwards by a replaceAll that copies the whole text.
  let w: unknown = v
  for (let i = 0; i < depth; i++) w = [w]
  const s = JSON.stringify(w, null, 2)
  const [head, tail] = wrapping(depth)
  return s.slice(head, s.length - tail)
}

/** The lengths of what `depth` arrays put before and after a value stringified inside them, by depth. */
const wrappings: [number, number][] = []
function wrapping(depth: number): [number, number] {
  let w = wrappings[depth]
  if (!w) {
    let probe: unknown = 0
    for (let i = 0; i < depth; i++) probe = [probe]
    const s = JSON.stringify(probe, null, 2)
    const at = s.indexOf('0')
    w = wrappings[depth] = [at, s.length - at - 1]
  }
  return w
}

/** omitted: what JSON.stringify drops from an object (undefined, functions, symbols) and writes as null in an array. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** own: the value JSON.stringify writes for `key`: a toJSON method's result (a Date's text), else the value. */
function own(v: unknown, key: string): unknown {
  const toJSON = typeof v === 'object' && v !== null ? (v as { toJSON?: unknown }).toJSON : undefined
  return typeof toJSON === 'function' ? (toJSON as (k: string) => unknown).call(v, key) : v
}

function writeValue(v: unknown, depth: number, out: (s: string) => void): void {
  if (depth >= STREAM_DEPTH || !isStreamable(v)) { out(leaf(v, depth) ?? 'null'); return }
  const inner = `\n${'  '.repeat(depth + 1)}`
  if (Array.isArray(v)) {
    if (v.length === 0) { out('[]'); return }
    out('[')
    v.forEach((raw, i) => {
      const item = own(raw, String(i))
      out(i ? `,${inner}` : inner)
      writeValue(omitted(item) ? null : item, depth + 1, out)
    })
    out(`\n${'  '.repeat(depth)}]`)
    return
  }
  let first = true
  for (const [k, raw] of Object.entries(v)) {
    const item = own(raw, k)
    if (omitted(item)) continue
    out(`${first ? '{' : ','}${inner}${JSON.stringify(k)}: `)
    first = false
    writeValue(item, depth + 1, out)
  }
  out(first ? '{}' : `\n${'  '.repeat(depth)}}`)
}

/** writeJson writes JSON.stringify(value, null, 2) to `out` in pieces (plain data: no replacer, no cycles). */
export function writeJson(value: unknown, out: (s: string) => void): void {
  writeValue(value, 0, out)
}
