/**
 * `kubectl rollout status deployment/NAME` and `kubectl rollout history deployment/NAME`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status,
 * history.go DeploymentHistoryViewer.ViewHistory (revision annotations, kubernetes.io/change-cause, tabbedString:
 * tabwriter padding 2), staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go Run (a NamePrinter whose
 * operation is "<with revision>\n<history>") and rollout_status.go (each status printed as the watch sees it;
 * an error ends the command as `error: <message>`), kubectl v0.35.
 */
import type { Deployment, ReplicaSet } from '../../api/types.ts'
import { deploymentReplicaSets } from './describe/deployment.ts'
import { PrefixWriter } from './describe/tabwriter.ts'

/** deploymentutil.TimedOutReason: the Progressing condition's reason once progressDeadlineSeconds has passed. */
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'
/** deploymentutil.RevisionAnnotation. */
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
/** polymorphichelpers.ChangeCauseAnnotation. */
const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

/** One evaluation of the status viewer: the text to print (with its newline), whether the rollout is done. */
export type RolloutStatus = { message: string; done: boolean; error?: undefined } | { error: string }

const revisionOf = (annotations: Record<string, string> | undefined): number | undefined => {
  const v = annotations?.[REVISION_ANNOTATION]
  if (v === undefined) return 0
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined
}

/**
 * deploymentRolloutStatus is DeploymentStatusViewer.Status for one observed state of the Deployment. `revision` is
 * --revision (0: any). The command prints `message` each time the Deployment changes until `done`; on `error` it
 * exits 1 printing `error: <error>`.
 */
export function deploymentRolloutStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata?.name ?? ''
  if (revision > 0) {
    const rev = revisionOf(d.metadata?.annotations)
    if (rev === undefined) {
      // strconv.ParseInt's error text is not reproduced beyond this prefix. Simplified.
      return { error: `cannot get the revision of deployment "${name}": invalid revision annotation` }
    }
    if (rev !== revision) {
      return { error: `desired revision (${revision}) is different from the running revision (${rev})` }
    }
  }
  const st = d.status ?? {}
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = st.conditions?.find((c) => c.type === 'Progressing')
    if (cond?.reason === TIMED_OUT_REASON) return { error: `deployment "${name}" exceeded its progress deadline` }
    const replicas = d.spec?.replicas
    const updated = st.updatedReplicas ?? 0
    const total = st.replicas ?? 0
    const available = st.availableReplicas ?? 0
    const waiting = `Waiting for deployment "${name}" rollout to finish: `
    if (replicas !== undefined && updated < replicas) {
      return {
        message: `${waiting}${updated} out of ${replicas} new replicas have been updated...\n`,
        done: false,
      }
    }
    if (total > updated) {
      return {
        message: `${waiting}${total - updated} old replicas are pending termination...\n`,
        done: false,
      }
    }
    if (available < updated) {
      return {
        message: `${waiting}${available} of ${updated} updated replicas are available...\n`,
        done: false,
      }
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true }
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false }
}

/**
 * deploymentRolloutHistory is the stdout of `kubectl rollout history deployment/NAME` (no --revision): the
 * `deployment.apps/NAME ` line, then REVISION / CHANGE-CAUSE for each owned ReplicaSet's revision, ascending, and the
 * NamePrinter's closing newline; `No rollout history found.` when no ReplicaSet carries a revision.
 * Simplified: `--revision=N` (which prints the pod template) is not rendered here.
 */
export function deploymentRolloutHistory(d: Deployment, replicaSets: ReplicaSet[]): string {
  const { oldRSs, newRS } = deploymentReplicaSets(d, replicaSets)
  const history = new Map<number, string>()
  for (const rs of [...oldRSs, ...(newRS ? [newRS] : [])]) {
    const rev = revisionOf(rs.metadata?.annotations)
    // ViewHistory skips (with a warning in the log) a ReplicaSet whose revision does not parse.
    if (rev === undefined) continue
    history.set(rev, rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '')
  }
  let body: string
  if (history.size === 0) body = 'No rollout history found.'
  else {
    const w = new PrefixWriter()
    w.write(0, 'REVISION\tCHANGE-CAUSE\n')
    for (const r of [...history.keys()].sort((a, b) => a - b)) {
      const cause = history.get(r) ?? ''
      w.write(0, `${r}\t${cause.length > 0 ? cause : '<none>'}\n`)
    }
    body = w.toString()
  }
  // NamePrinter with operation "\n<history>": "<kind.group>/<name> <operation>\n"; no --revision leaves it empty.
  return `deployment.apps/${d.metadata?.name ?? ''} \n${body}\n`
}
