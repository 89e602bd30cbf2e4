/**
 * "Pin this run" (pressed: "Unpin") keeps the current run's inputs; once something is pinned, "Compare with pinned
 * run" opens the comparison in the lanes' place. They sit beside Apply.
 */
import { useApp } from '../../app/store.ts'

export function PinButtons() {
  const applied = useApp((s) => s.applied)
  const running = useApp((s) => s.running)
  const pinned = useApp((s) => s.pinned)
  const pin = useApp((s) => s.pin)
  const unpin = useApp((s) => s.unpin)
  const hasRun = useApp((s) => s.events.length > 0)
  const toggle = () => {
    if (pinned) unpin()
    else if (applied) pin(applied)
  }
  const open = () => {
    const st = useApp.getState()
    st.closeDecision()
    st.openCompare()
  }
  const what = pinned ? `Pinned: seed ${pinned.seed}${pinned.user ? `, user ${pinned.user}` : ''}` : undefined
  return (
    <>
      <button type="button" className="pin" aria-pressed={pinned !== undefined} title={what}
        disabled={!pinned && (!applied || running || !hasRun)} onClick={toggle}>
        {pinned ? 'Unpin' : 'Pin this run'}
      </button>
      {pinned && (
        <button type="button" className="compare-open" disabled={running || !hasRun} onClick={open}>
          Compare with pinned run
        </button>
      )}
    </>
  )
}
