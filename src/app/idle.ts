/**
 * whenIdle runs `f` once the page is idle (at the latest after `timeoutMs`), or shortly, where the browser has no
 * requestIdleCallback: work that should wait for the first paint, not for a user.
 */
export function whenIdle(f: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: timeoutMs })
  else setTimeout(f, 200)
}
