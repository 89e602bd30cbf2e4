/**
 * kubectl's own refusals: not YAML, not a Kubernetes object, a kind no resource serves, a user the kubeconfig lacks,
 * or a failure the trace does not show. Told from the step that refused (kubectl:Decode, kubectl:Validate,
 * kubectl:Kubeconfig) and kubectl's answer, or from the answer alone.
 */
import type { StepOf } from '../../events.ts'
import type { KubectlAnswer, Outcome } from './types.ts'
import { closest, list, trimEnd } from './text.ts'

/** A kubectl step that can refuse before anything is sent. */
export type KubectlRefusal = StepOf<'kubectl:Decode'> | StepOf<'kubectl:Validate'> | StepOf<'kubectl:Kubeconfig'>

/** The refusing step's own text: kubectl's error line, or the kubeconfig's error. */
function refusalText(e: KubectlRefusal): string | undefined {
  switch (e.type) {
    case 'kubectl:Decode': return e.details.result === 'error' ? e.details.message : undefined
    case 'kubectl:Validate': return e.details.check === 'type-fields' ? e.details.message : undefined
    case 'kubectl:Kubeconfig': return e.details.result === 'error' ? e.details.error : undefined
  }
}

/**
 * kubectlOutcome: kubectl's refusal, from the step that refused (`e`, at trace index `step`; undefined and -1 when
 * the trace has none) and kubectl's answer.
 */
export function kubectlOutcome(e: KubectlRefusal | undefined, step: number, answer?: KubectlAnswer): Outcome | undefined {
  const stderr = answer ? trimEnd(answer.stderr) : ''
  const message = stderr || (e && refusalText(e)) || e?.summary || ''
  if (!message) return undefined
  const decodeError = e?.type === 'kubectl:Decode' && e.details.result === 'error' ? e.details : undefined
  const typeFields = e?.type === 'kubectl:Validate' && e.details.check === 'type-fields' ? e.details : undefined
  const mapping = e?.type === 'kubectl:Validate' && e.details.check === 'resource-mapping' ? e.details : undefined
  const file = /(?:parsing|validating|from) "?([^":\s]+\.ya?ml)"?/.exec(message)?.[1] ?? (e && e.type !== 'kubectl:Kubeconfig' ? e.details.file : undefined) ?? 'the manifest'
  // kubectl refused before anything else happened: the refusal holds from the start of the story, so it shows as
  // soon as kubectl's answer is there, wherever the playhead is.
  const base = { step, at: -1, message }
  const yaml = /error converting YAML to JSON: yaml: line (\d+): (.*)$/m.exec(message) ?? (e?.type === 'kubectl:Decode' ? /line (\d+): (.*)$/m.exec(message) : null)
  if (yaml || e?.type === 'kubectl:Decode') {
    const line = yaml?.[1] ?? String(decodeError?.line ?? '')
    const column = decodeError?.column
    const what = yaml?.[2] ?? ''
    const hint = /mapping values are not allowed/.test(what)
      ? ' A value that itself contains ": " must be quoted (name: "x: y"), or the line is missing its own key.'
      : /did not find expected key|could not find expected ':'/.test(what) ? ' The indentation there does not match its neighbours.' : ''
    return {
      ...base, kind: 'kubectl-yaml', title: 'kubectl: not valid YAML',
      cause: `kubectl could not read ${file} as YAML${line ? ` (line ${line}${column ? `, column ${column}` : ''}: ${what})` : ''}, so it sent nothing to the API server.`,
      fix: `Correct ${file} at line ${line || '?'}${column ? `, column ${column}` : ''} (the editor marks the spot), then apply again.${hint}`,
    }
  }
  const missing = /error validating data: \[([^\]]*)\]/.exec(message)?.[1]
  if (missing !== undefined || typeFields) {
    const items = (missing?.split(', ') ?? typeFields?.missing ?? []).map((m) => m.replace(/ not set$/, ''))
    const values: Record<string, string> = { apiVersion: 'apiVersion: v1', kind: 'kind: Pod' }
    return {
      ...base, kind: 'kubectl-validation', title: 'kubectl: not a Kubernetes object',
      cause: `${file} has no ${list(items)}: kubectl cannot tell which API the document belongs to, so it refused it before sending anything.`,
      fix: `Add ${list(items.map((m) => values[m] ?? m))} at the top of the document (the values for a Pod).`,
    }
  }
  const noKind = /no matches for kind "([^"]*)" in version "([^"]*)"/.exec(message)
  if (noKind || mapping?.kind) {
    const kind = noKind?.[1] ?? mapping?.kind ?? ''
    const version = noKind?.[2] ?? mapping?.apiVersion ?? ''
    const known = mapping?.known ?? []
    const near = closest(kind, known.length ? known : ['Pod'])
    const controller = /^(DaemonSet|Job|CronJob)$/.test(kind)
    return {
      ...base, kind: 'unknown-kind', title: 'kubectl: unknown kind',
      cause: `kubectl asked the API server's discovery which resource serves kind ${kind} in ${version}, and none does, so it sent nothing.${controller ? ' podbirth\'s kube-controller-manager runs the deployment and replicaset controllers only.' : ''}`,
      fix: controller
        ? `Apply a Deployment, or the Pod that the ${kind} would create: its spec.template, with apiVersion: v1 and kind: Pod.`
        : near && near !== kind ? `Did you mean kind: ${near}? Correct the kind (and apiVersion) in ${file}.` : `Correct the kind and apiVersion in ${file} to one this cluster serves (a Pod: apiVersion: v1, kind: Pod).`,
    }
  }
  const authInfo = /auth info "([^"]*)" does not exist/.exec(message)
  if (authInfo || e?.type === 'kubectl:Kubeconfig') {
    const user = authInfo?.[1] ?? ''
    return {
      ...base, kind: 'unknown-user', title: 'kubectl: unknown user',
      cause: `kubectl looks its credentials up in the kubeconfig before it sends anything. It has no user named "${user}", so no request left kubectl.`,
      fix: `Use a user the kubeconfig defines, or add one named "${user}" (a users entry with a token or a client certificate) to the kubeconfig — a kind: Config document in the cluster file.`,
    }
  }
  return {
    ...base, kind: 'kubectl-error', title: 'kubectl failed',
    cause: `kubectl exited with code ${answer?.exitCode ?? 1}.`,
    fix: 'Read kubectl\'s message above: it names what to change.',
  }
}
