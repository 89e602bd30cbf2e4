/**
 * Whether the page is in the dark theme, read from <html data-theme> (useDark in App sets it): the canvas picks its
 * colours in script, so it follows the attribute instead of CSS variables.
 */
import { useSyncExternalStore } from 'react'

function subscribe(cb: () => void): () => void {
  const obs = new MutationObserver(cb)
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => obs.disconnect()
}

export function useIsDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.theme === 'dark',
    () => false,
  )
}
