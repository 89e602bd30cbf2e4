/** The colour theme: the system's unless the user chose one (remembered when the browser keeps site data). */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { readPref, writePref } from './prefs.ts'

const darkQuery = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined
const THEME_KEY = 'podbirth.theme'
export function useDark(): [boolean, () => void] {
  const system = useSyncExternalStore((cb) => { darkQuery?.addEventListener('change', cb); return () => darkQuery?.removeEventListener('change', cb) }, () => !!darkQuery?.matches)
  const [choice, setChoice] = useState<string | null>(() => readPref(THEME_KEY))
  const dark = choice ? choice === 'dark' : system
  useEffect(() => { document.documentElement.dataset.theme = dark ? 'dark' : 'light' }, [dark])
  return [dark, () => { const next = dark ? 'light' : 'dark'; writePref(THEME_KEY, next); setChoice(next) }]
}
