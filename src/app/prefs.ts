/**
 * Preferences and texts kept in localStorage. Storage may be blocked (site data off) or full: reading then gives
 * null and writing does nothing, and the app keeps working with what is in memory.
 */
export function readPref(key: string): string | null {
  try { return typeof localStorage !== 'undefined' ? localStorage.getItem(key) : null } catch { return null }
}

export function writePref(key: string, value: string): void {
  try { localStorage.setItem(key, value) } catch { /* quota exceeded or storage disabled */ }
}
