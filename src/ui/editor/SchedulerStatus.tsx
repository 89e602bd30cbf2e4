/**
 * Beside the cluster editor: the kube-scheduler the last apply ran — its profiles and each one's NodeResourcesFit
 * scoring strategy — or, when the cluster file's KubeSchedulerConfiguration is invalid, kube-scheduler's start-up
 * error as a configuration error (the pod's story then has no scheduling cycle to show; the editor marks the line).
 */
import { useApp } from '../../app/store.ts'

export function SchedulerStatus() {
  const scheduler = useApp((s) => s.scheduler)
  if (!scheduler) return null
  const { error, profiles, configured } = scheduler
  if (error) {
    const where = error.line !== undefined ? ` (cluster.yaml, line ${error.line})` : ''
    return (
      <div className="cluster-config-error" role="alert" aria-labelledby="cluster-config-error-title">
        <p className="cluster-config-error-title" id="cluster-config-error-title">Scheduler configuration error</p>
        <p>kube-scheduler did not start{where}, so new pods stay Pending:</p>
        <pre>{error.message}</pre>
      </div>
    )
  }
  return (
    <p className="cluster-scheduler" role="status" aria-label="Active scheduler profile">
      <span className="muted">
        kube-scheduler at the last apply{configured ? '' : ' (no KubeSchedulerConfiguration: defaults)'}:{' '}
      </span>
      {profiles.map((p, i) => (
        <span key={p.schedulerName} className="cluster-scheduler-profile">
          {i > 0 && '; '}profile <code>{p.schedulerName}</code>, scoring strategy <code>{p.scoringStrategy}</code>
        </span>
      ))}
    </p>
  )
}
