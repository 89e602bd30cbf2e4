/**
 * "Copy link": puts the current scenario (manifest, cluster file, seed) in the URL fragment with history.replaceState
 * (no navigation, no reload, no hashchange event) and copies the full URL. When the clipboard is unavailable or refused
 * (an insecure context, a denied permission), the link is shown selected in a read-only field instead. Nothing is sent
 * anywhere: the fragment never leaves the browser.
 */
import { useEffect, useRef, useState } from 'react'
import { encodeScenario } from '../../app/share.ts'
import type { Scenario } from '../../app/share.ts'

/** Links longer than this may be cut short by chat apps and issue trackers; the status says so. */
const LONG_LINK = 8000

export interface ShareButtonProps {
  /** Called on each click: the scenario to share as it is now. */
  getScenario(): Scenario
  /** The default cluster preset's text: a cluster equal to it is left out of the link. */
  defaultCluster?: string
}

export function ShareButton({ getScenario, defaultCluster }: ShareButtonProps) {
  const [status, setStatus] = useState('')
  const [fallback, setFallback] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const field = useRef<HTMLInputElement>(null)
  /** Counts clicks: a slow encode finishing after a newer click is dropped. */
  const click = useRef(0)

  useEffect(() => {
    if (fallback !== null) field.current?.select()
  }, [fallback])

  const share = async () => {
    const mine = ++click.current
    // Cleared first so a repeated message is announced again.
    setStatus('')
    setBusy(true)
    try {
      const hash = await encodeScenario(getScenario(), defaultCluster)
      if (mine !== click.current) return
      const url = new URL(hash, location.href).href
      history.replaceState(history.state, '', url)
      const long = url.length > LONG_LINK ? ` (${url.length.toLocaleString('en-US')} characters: some apps cut long links short)` : ''
      let copied = false
      if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
        try {
          await navigator.clipboard.writeText(url)
          copied = true
        } catch { /* not allowed here: fall back to the field */ }
      }
      if (mine !== click.current) return
      setFallback(copied ? null : url)
      setStatus((copied ? 'Link copied' : 'Link in the address bar') + long)
    } catch (e) {
      if (mine !== click.current) return
      setFallback(null)
      setStatus(`Could not make a link: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      if (mine === click.current) setBusy(false)
    }
  }

  return (
    <span className="share">
      <button type="button" onClick={() => void share()} disabled={busy}>Copy link</button>
      {fallback !== null && (
        <input ref={field} className="share-link" type="text" readOnly value={fallback} aria-label="Link to this scenario"
          spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      )}
      <span className="share-status" role="status">{status}</span>
    </span>
  )
}
