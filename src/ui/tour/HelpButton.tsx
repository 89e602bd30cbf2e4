/**
 * The "Help" button in the header: it opens the tour from its first step. It shows as "?" (its name is "Help"): the
 * header's buttons fill one line at 1280 px, and a wider button would wrap it. Hidden in presenter mode.
 */
import { useApp } from '../../app/store.ts'
import { openTour, useTour } from './tourState.ts'

export function HelpButton() {
  const open = useTour((s) => s.open)
  // The tour never shows in presenter mode: no button for it there.
  const presenter = useApp((s) => s.presenter)
  if (presenter) return null
  return (
    <button type="button" className="tour-help" aria-haspopup="dialog" aria-expanded={open} onClick={openTour}
      aria-label="Help" title="Help: a short tour of the page">?</button>
  )
}
