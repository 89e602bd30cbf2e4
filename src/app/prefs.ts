/**
 * The one place that touches localStorage (texts and preferences). Storage may be blocked (site data off: merely
 * reading `window.localStorage` throws a SecurityError) or full (setItem throws a QuotaExceededError). Then reading
 * gives null, the app keeps working with what is in memory, and `storageProblem` says why nothing is kept, so the
 * page can tell the user once instead of failing or silently dropping an edit.
 */

/** 'blocked': nothing can be kept; 'full': a recent write was refused (the keys refused are in `unkept`). */
export type StorageProblem = 'blocked' | 'full' | undefined

let probed = false
let storage: Storage | null = null
let problem: StorageProblem
/** Keys whose latest value could not be written: 'full' lasts until each of them has been written again. */
const unkept = new Set<string>()
const listeners = new Set<() => void>()

function setProblem(p: StorageProblem): void {
  if (p === problem) return
  problem = p
  for (const l of listeners) l()
}

/** The Storage, or null when there is none (a test's Node) or it is blocked; asked once per page load. */
function local(): Storage | null {
  if (probed) return storage
  probed = true
  try {
    storage = typeof window !== 'undefined' ? window.localStorage : null
    // Some browsers hand out the object and throw on first use instead.
    storage?.getItem('podbirth.probe')
  } catch {
    storage = null
    setProblem('blocked')
  }
  return storage
}

export function readPref(key: string): string | null {
  try { return local()?.getItem(key) ?? null } catch { return null }
}

/** A full quota: the DOMException's name, or the legacy codes of older engines (22, Firefox's 1014). */
function isQuota(e: unknown): boolean {
  const d = e as { name?: unknown; code?: unknown } | null
  if (!d) return false
  return d.name === 'QuotaExceededError' || d.name === 'NS_ERROR_DOM_QUOTA_REACHED' || d.code === 22 || d.code === 1014
}

/** writePref keeps a value; returns whether it was kept (a refusal sets storageProblem). */
export function writePref(key: string, value: string): boolean {
  const s = local()
  if (!s) return false
  try {
    s.setItem(key, value)
  } catch (e) {
    unkept.add(key)
    setProblem(isQuota(e) ? 'full' : 'blocked')
    return false
  }
  if (unkept.delete(key) && unkept.size === 0 && problem === 'full') setProblem(undefined)
  return true
}

export function removePref(key: string): void {
  try { local()?.removeItem(key) } catch { /* blocked: there is nothing to remove */ }
  // A key removed is no longer stale: its refused write no longer matters.
  if (unkept.delete(key) && unkept.size === 0 && problem === 'full') setProblem(undefined)
}

/** Why texts are not being kept, if they are not (read it with subscribeStorage, e.g. useSyncExternalStore). */
export function storageProblem(): StorageProblem {
  local()
  return problem
}

export function subscribeStorage(listener: () => void): () => void {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

/** For tests: forget the probe and any problem (the next access probes the Storage again). */
export function resetStorageForTests(): void {
  probed = false
  storage = null
  problem = undefined
  unkept.clear()
}
