/** A long simulation's progress beside Cancel: how many steps and how much virtual time so far (the worker streams). */
import { useApp } from '../../app/store.ts'

const steps = new Intl.NumberFormat('en-US')

export function Progress() {
  const running = useApp((s) => s.running)
  const progress = useApp((s) => s.progress)
  if (!running || !progress) return null
  return (
    <span className="progress" role="status" aria-label="Simulation progress">
      Simulating… {steps.format(progress.steps)} steps, {(progress.virtualMs / 1000).toFixed(1)} s of virtual time
    </span>
  )
}
