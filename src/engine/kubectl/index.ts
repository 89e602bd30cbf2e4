/**
 * `kubectl apply -f` (client-side apply) against the simulated kube-apiserver: read and decode the files, check
 * apiVersion/kind, pick the user from the kubeconfig, then for each object GET it and create it (POST with the
 * last-applied-configuration annotation) or patch it. Output and errors read as kubectl prints them.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, pkg/util/apply.go (annotation),
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (StandardErrorMessage, MultilineError).
 * Simplified: discovery is the apiserver's static resource table; a changed object is patched with a strategic
 * merge patch of the whole new manifest plus the deletions of a three-way diff for map fields (a field the last
 * apply set and the manifest dropped is sent as null); items dropped from merge-keyed lists are not deleted.
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
import type { TraceDetailsMap } from '../events.ts'
import type { KubectlTraceType } from './traceTypes.ts'
import { sortedJson } from '../api/sortedJson.ts'

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
  /** `kubectl create -f`: POST each object, no lookup, no last-applied annotation. Default: apply. */
  mode?: 'apply' | 'create'
  /** The session command's verb, for its output step (absent for the run's single apply). */
  verb?: string
  user?: string
  namespace?: string
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** KubectlStep is one of kubectl's own steps, as `step` emits it in the kubectl lane. */
type KubectlStep = {
  [K in KubectlTraceType]: { type: K; outcome: 'ok' | 'error' | 'info'; details: TraceDetailsMap[K]; pod?: string }
}[KubectlTraceType]

/** kubectlApply runs one `kubectl apply -f ...` and calls done when kubectl would exit. */
export function kubectlApply(ctx: EngineContext, endpoint: ApiServerEndpoint, input: KubectlApplyInput, done: (r: KubectlResult) => void): void {
  const out: string[] = []
  const err: string[] = []
  const step = (s: KubectlStep) => ctx.trace.emit({ ...s, lane: 'kubectl' })
  const finish = (exitCode: number, pos?: KubectlResult['errorPosition']) => {
    const r: KubectlResult = { stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join(''), exitCode, ...(pos ? { errorPosition: pos } : {}) }
    step({
      type: 'kubectl:Output', outcome: exitCode === 0 ? 'ok' : 'error',
      details: {
        ...(input.verb ? { verb: input.verb } : {}),
        stdout: r.stdout, stderr: r.stderr, exitCode, stdoutLines: [...out], stderrLines: [...err],
      },
    })
    done(r)
  }

  // 1. Read and decode every file, client-side.
  const objects: { obj: KObject; file: string }[] = []
  for (const f of input.files) {
    step({ type: 'kubectl:Read', outcome: 'info', details: { file: f.name, bytes: f.text.length, lines: f.text.split('\n').length } })
    const d = decodeFile(f.name, f.text)
    if ('error' in d) {
      step({
        type: 'kubectl:Decode', outcome: 'error',
        details: { result: 'error', file: f.name, message: d.error.message, line: d.error.line, column: d.error.column },
      })
      err.push(d.error.message)
      return finish(1, { file: f.name, line: d.error.line, column: d.error.column })
    }
    step({
      type: 'kubectl:Decode', outcome: 'ok',
      details: { result: 'decoded', file: f.name, objects: d.docs.map((x) => ({ kind: x.object.kind, name: x.object.metadata?.name, line: x.line })) },
    })
    for (const doc of d.docs) {
      const missing = missingTypeFields(doc.object)
      if (missing.length) {
        const msg = `error: error validating "${f.name}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`
        step({ type: 'kubectl:Validate', outcome: 'error', details: { check: 'type-fields', file: f.name, missing, message: msg } })
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
    step({ type: 'kubectl:Kubeconfig', outcome: 'error', details: { result: 'error', error: user.error, ...(input.user ? { userFlag: input.user } : {}) } })
    err.push(user.error)
    return finish(1)
  }
  step({
    type: 'kubectl:Kubeconfig', outcome: 'ok',
    details: {
      result: 'ok', user: user.name, context: user.context, namespace: user.namespace,
      ...(user.userFlag ? { userFlag: user.userFlag } : {}),
      credentials: { token: !!user.credentials.token, ...(user.credentials.clientCertificate ? { clientCertificate: user.credentials.clientCertificate } : {}) },
    },
  })
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
      step({
        type: 'kubectl:Validate', outcome: 'error',
        details: { check: 'resource-mapping', file, kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata?.name ?? '', known: RESOURCES.map((r) => r.kind) },
      })
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
    // unstructured.GetName: a name that is not a string reads as "".
    const rawName: unknown = obj.metadata?.name
    const name = typeof rawName === 'string' ? rawName : ''
    const pathErr = requestPathError(def, ns, name)
    if (pathErr) {
      // apply.go: info.Get fails before any request; AddSourceToErr wraps the builder's error.
      const msg = 'error: error when retrieving current configuration of:\n'
        + `${infoString(def, ns, name)}\nfrom server for: "${file}": ${pathErr}`
      step({
        type: 'kubectl:Validate', outcome: 'error',
        details: { check: 'request-path', file, kind: def.kind, name, namespace: ns, error: pathErr, message: msg },
      })
      err.push(msg)
      failed = true
      return cont()
    }
    const pod = def.kind === 'Pod' ? `${ns}/${name}` : undefined
    const base = `/${def.group ? `apis/${def.group}` : 'api'}/${def.version}${def.namespaced ? `/namespaces/${ns}` : ''}/${def.resource}`
    // The name printer's `kind.group/name` (deployment.apps/web, pod/nginx).
    const printed = `${def.kind.toLowerCase()}${def.group ? `.${def.group}` : ''}/${name}`
    if (input.mode === 'create') {
      const where = def.namespaced ? { namespace: ns } : {}
      const created: KObject = { ...obj, metadata: { ...obj.metadata, ...where } }
      return client.request({ verb: 'POST', path: base, query: { fieldManager: 'kubectl-create', fieldValidation: 'Strict' }, body: created }, (cres) => {
        warn(cres)
        if (cres.code === 201) out.push(`${printed} created`)
        else { err.push(errorLine(cres.body as Status, `creating "${file}"`)); failed = true }
        cont()
      }, { pod })
    }
    const applied = lastApplied(obj, def, ns)
    const body: KObject = { ...obj, metadata: { ...obj.metadata, ...(def.namespaced ? { namespace: ns } : {}), annotations: { ...obj.metadata?.annotations, [LAST_APPLIED]: applied } } }
    const where = def.namespaced ? { namespace: ns } : {}
    step({
      type: 'kubectl:BuildRequest', outcome: 'info', pod,
      details: { method: 'GET', path: `${base}/${name}`, purpose: 'apply-lookup', kind: def.kind, name, ...where },
    })
    client.request({ verb: 'GET', path: `${base}/${name}` }, (res) => {
      if (res.code === 404) {
        step({
          type: 'kubectl:BuildRequest', outcome: 'info', pod,
          details: { method: 'POST', path: base, purpose: 'apply-create', kind: def.kind, name, ...where, body, annotation: LAST_APPLIED },
        })
        return client.request({ verb: 'POST', path: base, query: { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' }, body }, (cres) => {
          warn(cres)
          if (cres.code === 201) out.push(`${printed} created`)
          else { err.push(errorLine(cres.body as Status, `creating "${file}"`)); failed = true }
          cont()
        }, { pod, purpose: 'apply-create' })
      }
      if (res.code !== 200) {
        err.push(getErrorLine(res.body as Status, def, ns, name, file))
        failed = true
        return cont()
      }
      const current = res.body as KObject
      const previous = current.metadata?.annotations?.[LAST_APPLIED]
      if (previous === applied) {
        out.push(`${printed} unchanged`)
        return cont()
      }
      if (previous === undefined) err.push(missingAnnotationWarning(`${def.resource}/${name}`))
      // Built-in kinds are patched with a strategic merge patch (lists such as containers merge by name).
      const headers = { 'Content-Type': 'application/strategic-merge-patch+json' }
      const query = { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' }
      // The three-way part: what the last apply set and this manifest no longer has is deleted (null).
      const patch = previous === undefined ? body : withDeletions(body, parseJson(previous))
      client.request({ verb: 'PATCH', path: `${base}/${name}`, query, headers, body: patch }, (pres) => {
        warn(pres)
        if (pres.code === 200) out.push(`${printed} configured`)
        else { err.push(errorLine(pres.body as Status, `patching "${file}"`)); failed = true }
        cont()
      }, { pod, purpose: 'apply-patch' })
    }, { pod, purpose: 'apply-lookup' })
  }

  const warn = (res: HttpResponse) => {
    for (const w of res.warnings ?? []) err.push(`Warning: ${w}`)
  }
  next(0)
}

/**
 * warningNoLastAppliedConfigAnnotation (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go), printed to stderr when
 * the live object was not created by apply; %[1]s is info.ObjectName() (`pods/nginx`), %[3]s the command's name.
 */
export function missingAnnotationWarning(objectName: string): string {
  return `Warning: resource ${objectName} is missing the ${LAST_APPLIED} annotation which is required by kubectl `
    + 'apply. '
    + 'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or '
    + 'kubectl apply. The missing annotation will be patched automatically.'
}

function resolveNamespace(obj: KObject, flag: string | undefined, contextNs: string): string | { error: string } {
  // unstructured.GetNamespace: a namespace that is not a string reads as "".
  const rawNs: unknown = obj.metadata?.namespace
  const own = typeof rawNs === 'string' ? rawNs : undefined
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
  return `${sortedJson(copy)}\n`
}

/** errorLine renders a server error as kubectl's checkErr does. */
export function errorLine(status: Status, action: string): string {
  if (!isStatus(status)) return `error: ${action}: unexpected response`
  if (status.reason === 'Unauthorized') return 'error: You must be logged in to the server (Unauthorized)'
  if (status.reason === 'Invalid' && status.details?.causes?.length) {
    const s = `The ${status.details.kind} ${goQuote(status.details.name ?? '')} is invalid`
    const errs = status.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : `${c.message}`))
    return errs.length === 1 ? `${s}: ${errs[0]}` : `${s}: \n${errs.map((e) => `* ${e}`).join('\n')}`
  }
  return `Error from server (${status.reason ?? 'Unknown'}): error when ${action}: ${status.message}`
}

/** infoString is resource.Info's String(): the mapping, then the name and namespace. */
function infoString(def: ResourceDef, ns: string, name: string): string {
  const gv = def.group ? `${def.group}/${def.version}` : `/${def.version}`
  return `Resource: "${gv}, Resource=${def.resource}", GroupVersionKind: "${gv}, Kind=${def.kind}"\n`
    + `Name: ${goQuote(name)}, Namespace: ${goQuote(ns)}`
}

/**
 * isValidPathSegmentName is client-go rest.IsValidPathSegmentName: NameMayNotBe {".", ".."}, NameMayNotContain
 * {"/", "%"}; the messages print as Go prints a []string (`[may not contain '/']`).
 */
function isValidPathSegmentName(s: string): string[] {
  if (s === '.' || s === '..') return [`may not be '${s}'`]
  return ['/', '%'].filter((c) => s.includes(c)).map((c) => `may not contain '${c}'`)
}

/**
 * requestPathError: the error client-go's Request builder records for helper.Get's NamespaceIfScoped(ns).Name(name)
 * (staging/src/k8s.io/client-go/rest/request.go), in that order; undefined when the path is fine.
 */
function requestPathError(def: ResourceDef, ns: string, name: string): string | undefined {
  const nsMsgs = def.namespaced ? isValidPathSegmentName(ns) : []
  if (nsMsgs.length) return `invalid namespace ${goQuote(ns)}: [${nsMsgs.join(' ')}]`
  if (name === '') return 'resource name may not be empty'
  const nameMsgs = isValidPathSegmentName(name)
  if (nameMsgs.length) return `invalid resource name ${goQuote(name)}: [${nameMsgs.join(' ')}]`
  return undefined
}

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\',
}

/** goQuote is Go's %q (strconv.Quote) for ASCII control bytes, quotes and backslashes; other text is kept. */
function goQuote(s: string): string {
  const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  const body = s.replace(/[\x00-\x1f\x7f"\\]/g, (c) => GO_ESCAPES[c] ?? hex(c))
  return `"${body}"`
}

function getErrorLine(status: Status, def: ResourceDef, ns: string, name: string, file: string): string {
  if (status.reason === 'Unauthorized') return 'error: You must be logged in to the server (Unauthorized)'
  const info = infoString(def, ns, name)
  return `Error from server (${status.reason ?? 'Unknown'}): error when retrieving current configuration of:\n${info}\nfrom server for: "${file}": ${status.message}`
}

/** parseJson reads the last-applied annotation; a damaged one deletes nothing. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * withDeletions adds to `modified` a null for each map field `original` (the last applied configuration) has and
 * `modified` lacks, at any depth — the deletions of kubectl's CreateThreeWayMergePatch
 * (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go: diffMaps with IgnoreChangesAndAdditions).
 */
export function withDeletions<T>(modified: T, original: unknown): T {
  if (!isMap(modified) || !isMap(original)) return modified
  const out: Record<string, unknown> = { ...modified }
  for (const [key, was] of Object.entries(original)) {
    if (!(key in out)) out[key] = null
    else if (isMap(was) && isMap(out[key])) out[key] = withDeletions(out[key], was)
  }
  return out as T
}
