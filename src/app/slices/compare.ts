/**
 * The pin-and-compare slice (issue #15): the pinned run's inputs (kept across reloads and carried by shared links),
 * whether the comparison view is open, the pod whose scores it shows, and the worker's comparison.
 */
import type { StateCreator } from 'zustand'
import type { CompareMessage, PinnedRun } from '../../protocol/compare.ts'
import { readPref, removePref, writePref } from '../prefs.ts'
import { MAX_SEED } from '../../protocol/seed.ts'

export interface CompareSlice {
  /** The pinned run (A); absent: nothing pinned. */
  pinned?: PinnedRun
  /** The comparison view is open (it takes the lanes' place, as the decision view does). */
  compareOpen: boolean
  /** The pod whose per-node scores are compared (absent: the kernel's choice, the first pod placed differently). */
  comparePod?: string
  /** The worker's last comparison (absent while it computes). */
  comparison?: CompareMessage
  pin(run: PinnedRun): void
  unpin(): void
  /** Puts a shared link's pin in place (undefined leaves the reader's own pin alone). */
  setPinned(run: PinnedRun | undefined): void
  openCompare(): void
  closeCompare(): void
  chooseComparePod(pod: string): void
  receiveCompare(m: CompareMessage): void
}

const KEY = 'podbirth.pinned'

/** readPinned accepts a stored pin only when it has the shape of one (an older build may have written another). */
export function readPinned(text: string | null): PinnedRun | undefined {
  try {
    const v: unknown = JSON.parse(text ?? 'null')
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
    const o = v as {
      manifest?: unknown; cluster?: unknown; seed?: unknown; user?: unknown; session?: unknown; skipManifest?: unknown
    }
    if (typeof o.manifest !== 'string' || typeof o.cluster !== 'string') return undefined
    if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0 || o.seed > MAX_SEED) return undefined
    const session = Array.isArray(o.session) && o.session.every(isCommand) ? o.session : undefined
    return {
      manifest: o.manifest, cluster: o.cluster, seed: o.seed,
      ...(typeof o.user === 'string' && o.user ? { user: o.user } : {}),
      ...(session?.length ? { session } : {}),
      ...(o.skipManifest === true ? { skipManifest: true } : {}),
    }
  } catch {
    return undefined
  }
}

function isCommand(c: unknown): c is NonNullable<PinnedRun['session']>[number] {
  if (typeof c !== 'object' || c === null) return false
  const { argv } = c as { argv?: unknown }
  return Array.isArray(argv) && argv.every((a) => typeof a === 'string')
}

export const createCompareSlice: StateCreator<CompareSlice, [], [], CompareSlice> = (set) => {
  const keep = (pinned: PinnedRun | undefined) => {
    if (pinned) writePref(KEY, JSON.stringify(pinned))
    else removePref(KEY)
    set({ pinned, comparison: undefined, comparePod: undefined, ...(pinned ? {} : { compareOpen: false }) })
  }
  return {
    pinned: readPinned(readPref(KEY)),
    compareOpen: false,
    pin: (run) => keep(run),
    unpin: () => keep(undefined),
    setPinned: (run) => { if (run) keep(run) },
    openCompare: () => set({ compareOpen: true, comparison: undefined }),
    closeCompare: () => set({ compareOpen: false }),
    chooseComparePod: (comparePod) => set({ comparePod }),
    receiveCompare: (comparison) => set({ comparison }),
  }
}
