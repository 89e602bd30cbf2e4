/**
 * Shareable links: a scenario (pod manifest, cluster file, seed) encoded in the URL fragment, so a link opens the same
 * scenario offline. The fragment never reaches a server and nothing here touches the network.
 *
 * Format v1: `#s=v1.<payload>`, where payload is base64url (no padding) of the deflate (zlib, RFC 1950) compression of
 * the UTF-8 JSON `{"m": manifest, "c"?: cluster, "s": seed, "u"?: user, "p"?: playhead step, "k"?: session, "x"?: 1}`.
 * `k` is the console's session, one `{"a": argv, "t"?: atMs, "w"?: sleepMs, "i"?: stdin}` per command, and `x: 1`
 * says it did not start with the editor's apply; links without them (older links) open as before. `b` is the
 * scheduling debugger's breakpoints (`{"kind": …, "pod"?, "node"?, "plugin"?, "on"?: false}` each); a link without it
 * leaves the reader's own breakpoints alone, and an entry this build does not know is left out. `q` is a pinned run
 * to compare with (sharePin.ts: only what differs from the scenario); a link without it leaves the reader's pin
 * alone. A later format gets a new version prefix (`v2.`), so an old build can say "made by a newer podbirth"
 * instead of misreading it.
 *
 * Pure: only CompressionStream/DecompressionStream, TextEncoder/TextDecoder, btoa/atob and URLSearchParams (browsers
 * and Node ≥ 20).
 */
import { MAX_SEED } from '../protocol/seed.ts'
import type { ConsoleCommand } from '../protocol/messages.ts'
import { readBreakpoints, writeBreakpoints } from '../ui/debugger/breakpoints/match.ts'
import type { Breakpoint } from '../ui/debugger/breakpoints/match.ts'
import { readPin, writePin } from './sharePin.ts'
import type { SharedPin, WirePin } from './sharePin.ts'

export interface Scenario {
  /** The pod manifest text (the Pod tab). */
  manifest: string
  /** The cluster file text (the Cluster tab); undefined means the built-in default cluster. */
  cluster?: string
  /** The simulation seed: a whole number from 0 to MAX_SEED. */
  seed: number
  /** The kubeconfig user kubectl runs as (--user); undefined means the current context's. */
  user?: string
  /** The step the playhead was on (a trace index): opening the link applies the scenario and goes there. */
  at?: number
  /** The console's session after the apply (opening the link runs it). */
  session?: ConsoleCommand[]
  /** The session did not start with the editor's apply. */
  skipManifest?: boolean
  /** The scheduling debugger's breakpoints (opening the link puts them in place of the reader's). */
  breakpoints?: Breakpoint[]
  /** A pinned run to compare with (opening the link pins it); its cluster undefined is the default cluster. */
  pinned?: SharedPin
}

/** The largest seed a link may carry (protocol/seed.ts). */
export { MAX_SEED }

/** The largest step a link's playhead may name (a trace is capped far below this). */
const MAX_STEP = 10_000_000

/** The fragment parameter that carries a scenario. */
const SHARE_PARAM = 's'
/** The current format's version prefix. */
const SHARE_VERSION = 'v1'
/** The largest decompressed payload a link may carry: a hostile link cannot make the app inflate more than this. */
export const MAX_DECOMPRESSED_BYTES = 2 * 1024 * 1024
/** The largest encoded payload accepted: more base64url than a 2 MB scenario could ever need. */
const MAX_ENCODED_CHARS = 3 * 1024 * 1024

interface WireCommand { a: string[]; t?: number; w?: number; i?: string }
interface WireV1 { m: string; c?: string; s: number; u?: string; p?: number; k?: WireCommand[]; x?: 1; b?: unknown[]; q?: WirePin }

/** The most commands a link's session may hold (a session typed by hand is far shorter). */
const MAX_COMMANDS = 10_000

/**
 * encodeScenario returns the URL fragment (with its leading '#') for a scenario. The cluster is left out when it is
 * undefined or equals defaultCluster (the default preset's text, passed in by the caller), so it decodes as undefined.
 */
export async function encodeScenario(s: Scenario, defaultCluster?: string): Promise<string> {
  const wire: WireV1 = { m: s.manifest, s: s.seed }
  if (s.cluster !== undefined && s.cluster !== defaultCluster) wire.c = s.cluster
  if (s.user) wire.u = s.user
  if (s.at !== undefined && s.at >= 0) wire.p = s.at
  if (s.session?.length) {
    wire.k = s.session.map((c) => ({
      a: c.argv, ...(c.atMs !== undefined ? { t: c.atMs } : {}), ...(c.sleepMs ? { w: c.sleepMs } : {}),
      ...(c.stdin !== undefined ? { i: c.stdin } : {}),
    }))
    if (s.skipManifest) wire.x = 1
  }
  if (s.breakpoints?.length) wire.b = writeBreakpoints(s.breakpoints)
  if (s.pinned) wire.q = writePin(s.pinned, s, defaultCluster)
  const json = new TextEncoder().encode(JSON.stringify(wire))
  const packed = await collect(byteStream(json).pipeThrough(new CompressionStream('deflate')), Infinity)
  return `#${SHARE_PARAM}=${SHARE_VERSION}.${toBase64Url(packed.bytes)}`
}

/**
 * decodeScenario reads a scenario from a URL fragment (`location.hash`, with or without its '#'). It returns undefined
 * when the fragment carries no scenario, `{ error }` (one line, for the user) when the link is corrupt, truncated, too
 * large or from an unknown version, and never throws.
 */
export async function decodeScenario(hash: string): Promise<Scenario | { error: string } | undefined> {
  const raw = paramOf(hash)
  if (raw === undefined) return undefined
  const dot = raw.indexOf('.')
  const version = dot < 0 ? '' : raw.slice(0, dot)
  if (!/^v\d+$/.test(version)) return { error: 'This scenario link is damaged: it has no format version (was it cut short when copied?).' }
  if (version !== SHARE_VERSION) return { error: `This scenario link uses format ${version}, which this version of podbirth cannot read (it reads ${SHARE_VERSION}).` }
  const payload = raw.slice(dot + 1)
  if (payload.length > MAX_ENCODED_CHARS) return { error: 'This scenario link is too large to open.' }
  const packed = fromBase64Url(payload)
  if (!packed) return { error: 'This scenario link is damaged: it contains characters that do not belong in it.' }
  let json: Uint8Array
  try {
    const out = await collect(byteStream(packed, INFLATE_CHUNK).pipeThrough(new DecompressionStream('deflate')), MAX_DECOMPRESSED_BYTES)
    if (out.tooLarge) return { error: `This scenario link is too large to open (over ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB once unpacked).` }
    json = out.bytes
  } catch {
    return { error: 'This scenario link is damaged or incomplete (was it cut short when copied?).' }
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
  } catch {
    return { error: 'This scenario link is damaged: its contents are not readable.' }
  }
  return validate(value)
}

function validate(value: unknown): Scenario | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'This scenario link is damaged: it does not describe a scenario.' }
  const w = value as Record<string, unknown>
  if (typeof w.m !== 'string') return { error: 'This scenario link is damaged: its pod manifest is missing or not text.' }
  if (w.c !== undefined && typeof w.c !== 'string') return { error: 'This scenario link is damaged: its cluster file is not text.' }
  if (typeof w.s !== 'number' || !Number.isInteger(w.s) || w.s < 0 || w.s > MAX_SEED) return { error: `This scenario link is damaged: its seed is not a whole number from 0 to ${MAX_SEED}.` }
  if (w.u !== undefined && (typeof w.u !== 'string' || w.u.length > 253)) return { error: 'This scenario link is damaged: its user is not a name.' }
  const s: Scenario = { manifest: w.m, seed: w.s }
  if (typeof w.c === 'string') s.cluster = w.c
  if (typeof w.u === 'string' && w.u) s.user = w.u
  if (w.p !== undefined) {
    if (typeof w.p !== 'number' || !Number.isInteger(w.p) || w.p < 0 || w.p > MAX_STEP) return { error: 'This scenario link is damaged: its playhead is not a step number.' }
    s.at = w.p
  }
  if (w.k !== undefined) {
    const session = sessionOf(w.k)
    if (!session) return { error: 'This scenario link is damaged: its console session is not a list of commands.' }
    if (session.length) s.session = session
    if (w.x === 1 && session.length) s.skipManifest = true
  }
  if (w.b !== undefined) {
    if (!Array.isArray(w.b)) return { error: 'This scenario link is damaged: its breakpoints are not a list.' }
    s.breakpoints = readBreakpoints(w.b)
  }
  if (w.q !== undefined) {
    const pinned = readPin(w.q, s, sessionOf)
    if ('error' in pinned) return pinned
    s.pinned = pinned
  }
  return s
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0

/** sessionOf reads a link's `k`: undefined when any command is not one. */
function sessionOf(k: unknown): ConsoleCommand[] | undefined {
  if (!Array.isArray(k) || k.length > MAX_COMMANDS) return undefined
  const out: ConsoleCommand[] = []
  for (const c of k as unknown[]) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return undefined
    const { a, t, w, i } = c as { a?: unknown; t?: unknown; w?: unknown; i?: unknown }
    if (!Array.isArray(a) || a.length === 0 || !a.every((x) => typeof x === 'string')) return undefined
    if (t !== undefined && !isTime(t)) return undefined
    if ((w !== undefined && !isTime(w)) || (i !== undefined && typeof i !== 'string')) return undefined
    const stdin = i !== undefined ? { stdin: i } : {}
    out.push({ argv: a as string[], ...(t !== undefined ? { atMs: t } : {}), ...(w ? { sleepMs: w } : {}), ...stdin })
  }
  return out
}

/** paramOf returns the raw value of the scenario parameter in a fragment, or undefined when there is none. */
function paramOf(hash: string): string | undefined {
  const frag = hash.startsWith('#') ? hash.slice(1) : hash
  if (!frag) return undefined
  // Split by hand rather than with URLSearchParams: that would turn a '+' into a space and percent-decode.
  for (const part of frag.split('&')) {
    const eq = part.indexOf('=')
    if (eq >= 0 && part.slice(0, eq) === SHARE_PARAM) return part.slice(eq + 1)
  }
  return undefined
}

/**
 * The compressed input is fed to DecompressionStream this many bytes at a time, on demand: deflate expands at most
 * about 1032:1, so however hostile the link, no more than about 1 MB is inflated beyond what collect has read.
 */
const INFLATE_CHUNK = 1024

/** byteStream streams bytes in chunks of `chunk` bytes, each only when the consumer pulls (backpressure holds). */
function byteStream(bytes: Uint8Array, chunk = bytes.byteLength): ReadableStream<BufferSource> {
  let at = 0
  return new ReadableStream<BufferSource>({
    pull(c) {
      if (at >= bytes.byteLength) { c.close(); return }
      c.enqueue(bytes.slice(at, at + chunk))
      at += chunk
    },
  }, { highWaterMark: 0 })
}

/** collect reads a byte stream to its end, or stops (and cancels it) once more than limit bytes came out. */
async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; tooLarge: boolean }> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return { bytes: new Uint8Array(0), tooLarge: true }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength }
  return { bytes, tooLarge: false }
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** fromBase64Url decodes unpadded base64url; undefined for any character outside the alphabet or an impossible length. */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  let bin: string
  try { bin = atob(b64) } catch { return undefined }
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}
