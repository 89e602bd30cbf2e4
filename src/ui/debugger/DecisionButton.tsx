/** The button that opens the decision view; its accessible name always contains "Scheduling decision". */
import { useApp } from '../../app/store.ts'

export function DecisionButton({ index, node, about }: { index: number | null; node?: string; about?: string }) {
  const open = useApp((s) => s.openDecision)
  if (index === null) return null
  return (
    <button
      type="button"
      className="decision-open"
      onClick={() => open(index, node)}
      aria-label={`Scheduling decision${about ? ` ${about}` : ''}`}
    >
      Scheduling decision
    </button>
  )
}
