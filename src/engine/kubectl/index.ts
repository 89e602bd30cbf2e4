/**
 * `kubectl apply -f` (client-side apply) against the simulated kube-apiserver: read and decode the files, check
 * apiVersion/kind, pick the user from the kubeconfig, then for each object GET it and create it (POST with the
 * last-applied-configuration annotation) or patch it. Output and errors read as kubectl prints them.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, pkg/util/apply.go (annotation),
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (StandardErrorMessage, MultilineError).
 * Simplified: discovery is the apiserver's static resource table; a changed object is patched with a JSON merge
 * patch of the new manifest (no three-way diff deletions).
 */
import type { KObject, Status } from '../api/types.ts'
import { isStatus } from '../api/errors.ts'
import { ApiClient } from '../client/apiClient.ts'
import type { ApiServerEndpoint, HttpResponse } from '../client/http.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import { RESOURCES, resourceByKind } from '../apiserver/resources.ts'
import type { ResourceDef } from '../apiserver/resources.ts'
import { decodeFile, missingTypeFields } from './decode.ts'
import { selectUser } from './kubeconfig.ts'

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
  /** For a YAML syntax error: where it is (the editor puts its marker there). */
  errorPosition?: { file: string; line: number; column: number }
}

export interface KubectlApplyInput {
  files: { name: string; text: string }[]
  kubeconfig: KObject
  user?: string
  namespace?: string
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
const DOCS = 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/'

/** kubectlApply runs one `kubectl apply -f ...` and calls done when kubectl would exit. */
export function kubectlApply(ctx: EngineContext, endpoint: ApiServerEndpoint, input: KubectlApplyInput, done: (r: KubectlResult) => void): void {
  const out: string[] = []
  const err: string[] = []
  const step = (type: 'kubectl:Read' | 'kubectl:Decode' | 'kubectl:Validate' | 'kubectl:Kubeconfig' | 'kubectl:BuildRequest' | 'kubectl:Output', outcome: 'ok' | 'error' | 'info', summary: string, explain: string, details?: Record<string, unknown>, pod?: string) =>
    ctx.trace.emit({ type, lane: 'kubectl', outcome, summary, explain, docs: DOCS, details, pod })
  const finish = (exitCode: number, pos?: KubectlResult['errorPosition']) => {
    const r: KubectlResult = { stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join(''), exitCode, ...(pos ? { errorPosition: pos } : {}) }
    step('kubectl:Output', exitCode === 0 ? 'ok' : 'error', exitCode === 0 ? out.join(' · ') || '(no output)' : (err[err.length - 1] ?? 'failed'), `kubectl prints what happened and exits with code ${exitCode}.`, { stdout: r.stdout, stderr: r.stderr, exitCode })
    done(r)
  }

  // 1. Read and decode every file, client-side.
  const objects: { obj: KObject; file: string }[] = []
  for (const f of input.files) {
    step('kubectl:Read', 'info', `read ${f.name} (${f.text.split('\n').length} lines)`, `kubectl reads the manifest file given with -f.`, { file: f.name, bytes: f.text.length })
    const d = decodeFile(f.name, f.text)
    if ('error' in d) {
      step('kubectl:Decode', 'error', d.error.message, `kubectl converts YAML to JSON before anything is sent. This file is not valid YAML at line ${d.error.line}, column ${d.error.column}, so nothing reaches the cluster.`, { line: d.error.line, column: d.error.column })
      err.push(d.error.message)
      return finish(1, { file: f.name, line: d.error.line, column: d.error.column })
    }
    step('kubectl:Decode', 'ok', `decoded ${d.docs.length} object${d.docs.length === 1 ? '' : 's'}: ${d.docs.map((x) => `${x.object.kind}/${x.object.metadata?.name ?? '?'}`).join(', ')}`, `The YAML documents are converted to JSON objects, one per document (a kind: List is unpacked).`, { objects: d.docs.map((x) => ({ kind: x.object.kind, name: x.object.metadata?.name, line: x.line })) })
    for (const doc of d.docs) {
      const missing = missingTypeFields(doc.object)
      if (missing.length) {
        const msg = `error: error validating "${f.name}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`
        step('kubectl:Validate', 'error', msg, 'Every Kubernetes object must say which API it belongs to (apiVersion) and what it is (kind); without them kubectl cannot even choose the URL to send it to.', { missing })
        err.push(msg)
        return finish(1, { file: f.name, line: doc.line, column: 1 })
      }
      objects.push({ obj: doc.object, file: f.name })
    }
  }
  if (objects.length === 0) {
    err.push('error: no objects passed to apply')
    return finish(1)
  }

  // 2. Kubeconfig: which user, which credentials.
  const user = selectUser(input.kubeconfig, input.user)
  if ('error' in user) {
    step('kubectl:Kubeconfig', 'error', user.error, `kubectl looks up the user in the kubeconfig (${input.user ? `--user ${input.user}` : 'from the current context'}); there is no such user entry, so it stops before contacting the cluster.`)
    err.push(user.error)
    return finish(1)
  }
  step('kubectl:Kubeconfig', 'ok', `user "${user.name}"`, `kubectl reads the kubeconfig: ${user.notes.join('; ')}.`, { user: user.name, context: user.context })
  const client = new ApiClient(ctx, endpoint, { lane: 'kubectl', userAgent: 'kubectl/v1.35.0 (linux/amd64) kubernetes/v1.35.0', credentials: user.credentials })

  let failed = false
  const next = (i: number) => {
    if (i >= objects.length) return finish(failed ? 1 : 0)
    applyOne(objects[i], () => ctx.sim.after(latency(ctx, 'apiserverStep'), () => next(i + 1)))
  }

  const applyOne = ({ obj, file }: { obj: KObject; file: string }, cont: () => void) => {
    const def = resourceByKind(obj.apiVersion, obj.kind)
    if (!def) {
      const msg = `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${file}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`
      step('kubectl:Validate', 'error', `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`, `kubectl maps each kind to a REST resource using the API server's discovery information. The cluster serves no kind "${obj.kind}" in "${obj.apiVersion}" (known here: ${RESOURCES.map((r) => r.kind).join(', ')}).`, { kind: obj.kind, apiVersion: obj.apiVersion })
      err.push(msg)
      failed = true
      return cont()
    }
    const ns = def.namespaced ? resolveNamespace(obj, input.namespace, user.namespace) : ''
    if (typeof ns === 'object') {
      err.push(ns.error)
      failed = true
      return cont()
    }
    const name = obj.metadata?.name ?? ''
    const pod = def.kind === 'Pod' ? `${ns}/${name}` : undefined
    const base = `/${def.group ? `apis/${def.group}` : 'api'}/${def.version}${def.namespaced ? `/namespaces/${ns}` : ''}/${def.resource}`
    const applied = lastApplied(obj, def, ns)
    const body: KObject = { ...obj, metadata: { ...obj.metadata, ...(def.namespaced ? { namespace: ns } : {}), annotations: { ...obj.metadata?.annotations, [LAST_APPLIED]: applied } } }
    step('kubectl:BuildRequest', 'info', `build GET ${base}/${name}`, `Client-side apply first asks whether ${def.kind} "${name}" already exists${def.namespaced ? ` in namespace "${ns}"` : ''}: if it does, kubectl patches it; if not, it creates it.`, { method: 'GET', path: `${base}/${name}` }, pod)
    client.request({ verb: 'GET', path: `${base}/${name}` }, (res) => {
      if (res.code === 404) {
        step('kubectl:BuildRequest', 'info', `build POST ${base} with the last-applied annotation`, `Not found, so kubectl creates it: POST to the collection with the manifest as JSON, plus the annotation ${LAST_APPLIED} holding what you applied (the next apply diffs against it). fieldValidation=Strict asks the server to reject unknown fields.`, { method: 'POST', path: base, body }, pod)
        return client.request({ verb: 'POST', path: base, query: { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' }, body }, (cres) => {
          warn(cres)
          if (cres.code === 201) out.push(`${def.resource.replace(/s$/, '')}/${name} created`)
          else { err.push(errorLine(cres.body as Status, `creating "${file}"`)); failed = true }
          cont()
        }, { pod, explain: `kubectl sends the ${def.kind} to the kube-apiserver: POST ${base}.` })
      }
      if (res.code !== 200) {
        err.push(getErrorLine(res.body as Status, def, ns, name, file))
        failed = true
        return cont()
      }
      const current = res.body as KObject
      if (current.metadata?.annotations?.[LAST_APPLIED] === applied) {
        out.push(`${def.resource.replace(/s$/, '')}/${name} unchanged`)
        return cont()
      }
      client.request({ verb: 'PATCH', path: `${base}/${name}`, query: { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' }, headers: { 'Content-Type': 'application/merge-patch+json' }, body }, (pres) => {
        warn(pres)
        if (pres.code === 200) out.push(`${def.resource.replace(/s$/, '')}/${name} configured`)
        else { err.push(errorLine(pres.body as Status, `patching "${file}"`)); failed = true }
        cont()
      }, { pod })
    }, { pod, explain: `kubectl asks the kube-apiserver whether ${def.kind} "${name}" exists.` })
  }

  const warn = (res: HttpResponse) => {
    for (const w of res.warnings ?? []) err.push(`Warning: ${w}`)
  }
  next(0)
}

function resolveNamespace(obj: KObject, flag: string | undefined, contextNs: string): string | { error: string } {
  const own = obj.metadata?.namespace
  const chosen = flag ?? contextNs
  // Mirrors: staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go / visitor.go (namespace mismatch).
  if (own && flag && own !== flag) return { error: `error: the namespace from the provided object "${own}" does not match the namespace "${flag}". You must pass '--namespace=${own}' to perform this operation.` }
  return own ?? chosen ?? 'default'
}

/** lastApplied is the annotation value: the applied object as compact JSON with sorted keys, and a newline. */
function lastApplied(obj: KObject, def: ResourceDef, ns: string): string {
  const annotations = { ...obj.metadata?.annotations }
  delete annotations[LAST_APPLIED]
  const copy = { ...obj, metadata: { ...obj.metadata, annotations, ...(def.namespaced ? { namespace: ns } : {}) } }
  return `${stableJson(copy)}\n`
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`
  return JSON.stringify(v)
}

/** errorLine renders a server error as kubectl's checkErr does. */
export function errorLine(status: Status, action: string): string {
  if (!isStatus(status)) return `error: ${action}: unexpected response`
  if (status.reason === 'Unauthorized') return 'error: You must be logged in to the server (Unauthorized)'
  if (status.reason === 'Invalid' && status.details?.causes?.length) {
    const s = `The ${status.details.kind} "${status.details.name ?? ''}" is invalid`
    const errs = status.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : `${c.message}`))
    return errs.length === 1 ? `${s}: ${errs[0]}` : `${s}: \n${errs.map((e) => `* ${e}`).join('\n')}`
  }
  return `Error from server (${status.reason ?? 'Unknown'}): error when ${action}: ${status.message}`
}

function getErrorLine(status: Status, def: ResourceDef, ns: string, name: string, file: string): string {
  if (status.reason === 'Unauthorized') return 'error: You must be logged in to the server (Unauthorized)'
  const gv = def.group ? `${def.group}/${def.version}` : `/${def.version}`
  const info = `Resource: "${gv}, Resource=${def.resource}", GroupVersionKind: "${gv}, Kind=${def.kind}"\nName: "${name}", Namespace: "${ns}"`
  return `Error from server (${status.reason ?? 'Unknown'}): error when retrieving current configuration of:\n${info}\nfrom server for: "${file}": ${status.message}`
}
