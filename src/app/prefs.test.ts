import { afterEach, describe, expect, it, vi } from 'vitest'
import { readPref, removePref, resetStorageForTests, storageProblem, subscribeStorage, writePref } from './prefs.ts'

/** A Storage in memory whose setItem can be made to refuse (a full quota). */
function memoryStorage(): Storage & { full: boolean } {
  const m = new Map<string, string>()
  return {
    full: false,
    get length() { return m.size },
    clear: () => m.clear(),
    getItem: (k: string) => m.get(k) ?? null,
    key: (i: number) => [...m.keys()][i] ?? null,
    removeItem: (k: string) => { m.delete(k) },
    setItem(k: string, v: string) {
      if (this.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
      m.set(k, v)
    },
  }
}

afterEach(() => { vi.unstubAllGlobals(); resetStorageForTests() })

describe('storage: the app works without it and says why nothing is kept', () => {
  it('blocked (reading window.localStorage throws a SecurityError): reads give null, writes are not kept, no throw', () => {
    const win = {}
    Object.defineProperty(win, 'localStorage', { get() { throw Object.assign(new Error('denied'), { name: 'SecurityError' }) } })
    vi.stubGlobal('window', win)
    expect(readPref('podbirth.manifest')).toBeNull()
    expect(writePref('podbirth.manifest', 'x')).toBe(false)
    expect(() => removePref('podbirth.manifest')).not.toThrow()
    expect(storageProblem()).toBe('blocked')
  })

  it('a full quota: the write is refused and reported (not dropped silently), and cleared once that key is kept', () => {
    const s = memoryStorage()
    vi.stubGlobal('window', { localStorage: s })
    const seen: (string | undefined)[] = []
    const stop = subscribeStorage(() => seen.push(storageProblem()))
    expect(writePref('podbirth.manifest', 'small')).toBe(true)
    expect(storageProblem()).toBeUndefined()
    s.full = true
    expect(writePref('podbirth.manifest', 'large')).toBe(false)
    expect(storageProblem()).toBe('full')
    expect(readPref('podbirth.manifest')).toBe('small')
    s.full = false
    // Another key kept does not mean the edit was: the warning stays until the manifest itself is kept.
    expect(writePref('podbirth.theme', 'dark')).toBe(true)
    expect(storageProblem()).toBe('full')
    expect(writePref('podbirth.manifest', 'large')).toBe(true)
    expect(storageProblem()).toBeUndefined()
    expect(seen).toEqual(['full', undefined])
    stop()
  })

  it('storage that works: values round-trip and no problem is reported', () => {
    vi.stubGlobal('window', { localStorage: memoryStorage() })
    writePref('k', 'v')
    expect(readPref('k')).toBe('v')
    removePref('k')
    expect(readPref('k')).toBeNull()
    expect(storageProblem()).toBeUndefined()
  })
})
