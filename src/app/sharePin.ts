/**
 * A pinned run in a shared link (the `q` field of share.ts's v1 payload). The pinned run is usually the link's own
 * scenario with one thing changed (the KubeSchedulerConfiguration in the cluster file, the seed, a line of the
 * manifest), so each field says only how it differs from the scenario's:
 *
 * `{"m"?: text, "c"?: text | null, "s"?: seed, "u"?: user, "k"?: session, "x"?: 1}` where an absent field is the
 * scenario's own, a text is either the whole text or `[prefix, suffix, middle]` (the scenario's text with its first
 * `prefix` and last `suffix` characters kept and `middle` between them), and `c: null` is the built-in default
 * cluster. `u` and `k` are never inherited (a pin without them ran as the current context's user, without a session).
 */
import type { ConsoleCommand } from '../protocol/messages.ts'
import type { PinnedRun } from '../protocol/compare.ts'
import { MAX_SEED } from '../protocol/seed.ts'

/** A pin as a link carries it: `cluster` undefined is the built-in default cluster (as in a Scenario). */
export type SharedPin = Omit<PinnedRun, 'cluster'> & { cluster?: string }

type WireText = string | [number, number, string]
interface WireCommand { a: string[]; t?: number; w?: number; i?: string }
export interface WirePin { m?: WireText; c?: WireText | null; s?: number; u?: string; k?: WireCommand[]; x?: 1 }

/** delta: `text` against `base`, as the shorter of the whole text and its difference from base. */
export function delta(base: string, text: string): WireText {
  let prefix = 0
  const max = Math.min(base.length, text.length)
  while (prefix < max && base[prefix] === text[prefix]) prefix++
  let suffix = 0
  while (suffix < max - prefix && base[base.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++
  const middle = text.slice(prefix, text.length - suffix)
  return middle.length + 16 < text.length ? [prefix, suffix, middle] : text
}

/** undelta: the text a WireText stands for, or undefined when it does not fit `base`. */
export function undelta(base: string | undefined, w: unknown): string | undefined {
  if (typeof w === 'string') return w
  if (!Array.isArray(w) || w.length !== 3 || base === undefined) return undefined
  const [p, s, middle] = w as unknown[]
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0
  if (!ok(p) || !ok(s) || typeof middle !== 'string' || p + s > base.length) return undefined
  return base.slice(0, p) + middle + base.slice(base.length - s)
}

/** writePin: the link's `q` for a pin, against the link's scenario (its cluster undefined: the default). */
export function writePin(pin: SharedPin, base: { manifest: string; cluster?: string; seed: number },
  defaultCluster?: string): WirePin {
  const w: WirePin = {}
  if (pin.manifest !== base.manifest) w.m = delta(base.manifest, pin.manifest)
  const norm = (c: string | undefined) => (c === defaultCluster ? undefined : c)
  const pc = norm(pin.cluster)
  const bc = norm(base.cluster)
  if (pc !== bc) w.c = pc === undefined ? null : bc === undefined ? pc : delta(bc, pc)
  if (pin.seed !== base.seed) w.s = pin.seed
  if (pin.user) w.u = pin.user
  if (pin.session?.length) {
    w.k = pin.session.map((c) => ({
      a: c.argv, ...(c.atMs !== undefined ? { t: c.atMs } : {}), ...(c.sleepMs ? { w: c.sleepMs } : {}),
      ...(c.stdin !== undefined ? { i: c.stdin } : {}),
    }))
    if (pin.skipManifest) w.x = 1
  }
  return w
}

/**
 * readPin reads a link's `q` against its scenario; `sessionOf` reads a session as share.ts does. An error is one line
 * for the user.
 */
export function readPin(q: unknown, base: { manifest: string; cluster?: string; seed: number },
  sessionOf: (k: unknown) => ConsoleCommand[] | undefined): SharedPin | { error: string } {
  const damaged = (what: string) => ({ error: `This scenario link is damaged: its pinned run's ${what}.` })
  if (typeof q !== 'object' || q === null || Array.isArray(q)) return damaged('description is not one')
  const w = q as { m?: unknown; c?: unknown; s?: unknown; u?: unknown; k?: unknown; x?: unknown }
  const manifest = w.m === undefined ? base.manifest : undelta(base.manifest, w.m)
  if (manifest === undefined) return damaged('manifest does not fit the scenario')
  let cluster = base.cluster
  if (w.c === null) cluster = undefined
  else if (w.c !== undefined) {
    cluster = undelta(base.cluster, w.c)
    if (cluster === undefined) return damaged('cluster file does not fit the scenario')
  }
  const seed = w.s === undefined ? base.seed : w.s
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    return damaged('seed is not one')
  if (w.u !== undefined && (typeof w.u !== 'string' || w.u.length > 253)) return damaged('user is not a name')
  const pin: SharedPin = { manifest, seed, ...(cluster !== undefined ? { cluster } : {}) }
  if (typeof w.u === 'string' && w.u) pin.user = w.u
  if (w.k !== undefined) {
    const session = sessionOf(w.k)
    if (!session) return damaged('console session is not a list of commands')
    if (session.length) pin.session = session
    if (w.x === 1 && session.length) pin.skipManifest = true
  }
  return pin
}
