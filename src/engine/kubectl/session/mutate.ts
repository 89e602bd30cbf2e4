/**
 * The commands that change the cluster: each reads what it needs, sends the request kubectl sends, and prints what
 * kubectl prints (the bodies and lines are cmd/build.ts's).
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/{create,run,delete,scale,set,rollout,drain,taint,label}.
 */
import type { Deployment, KObject, Node, Pod, ReplicaSet } from '../../api/types.ts'
import type { KubectlCommand } from '../cmd/parse.ts'
import {
  buildCreateDeployment, buildRunPod, cordonPatch, deletedLine, evictedLine, evictingLine, labelPatch,
  RAND_ALPHABET, restartPatch, scalePatch, setImagePatch, successLine, taintPatch,
} from '../cmd/build.ts'
import type { PatchRequest } from '../cmd/build.ts'
import type { ResourceRef, SimulatedResource } from '../cmd/resources.ts'
import { printerKind, SIMULATED } from '../cmd/resources.ts'
import { drainFailureText, drainFilter } from '../cmd/drain.ts'
import { kubectlRollback } from '../../controllers/deployment/rollback.ts'
import type { Invocation } from './invocation.ts'
import { collectionPath, each, objectPath, podKey, serverError } from './invocation.ts'
import { waitGone } from './wait.ts'

type Cmd<V extends KubectlCommand['verb']> = Extract<KubectlCommand, { verb: V }>

const CREATE_QUERY = { fieldManager: 'kubectl-create', fieldValidation: 'Strict' }

const podOf = (r: SimulatedResource, ns: string, name: string) => (r === 'pods' ? podKey(ns, name) : undefined)

/** getObject GETs one object; on an error it prints kubectl's line and calls failed. */
function getObject<T>(inv: Invocation, ref: ResourceRef, ok: (obj: T) => void, failed: () => void): void {
  inv.request({ verb: 'GET', path: objectPath(ref.resource, inv.namespace, ref.name) }, (res) => {
    if (res.code !== 200) { inv.eprint(serverError(res)); return failed() }
    ok(res.body as T)
  }, podOf(ref.resource, inv.namespace, ref.name))
}

/** sendPatch PATCHes one object (or its scale subresource) and reports the answer. */
function sendPatch(inv: Invocation, ref: ResourceRef, p: PatchRequest, ok: () => void, failed: () => void): void {
  const path = objectPath(ref.resource, inv.namespace, ref.name) + (p.subresource ? `/${p.subresource}` : '')
  inv.request({
    verb: 'PATCH', path, headers: { 'Content-Type': p.contentType }, query: { fieldManager: `kubectl-${inv.verb.split(' ')[0]}` },
    body: p.body as KObject,
  }, (res) => {
    if (res.code >= 300) { inv.eprint(serverError(res)); return failed() }
    ok()
  }, podOf(ref.resource, inv.namespace, ref.name))
}

export function runCreateDeployment(inv: Invocation, cmd: Cmd<'create deployment'>): void {
  const rng = inv.ctx.sim.rng.fork(`kubectl-create-${cmd.name}`)
  const d = buildCreateDeployment(cmd, cmd.images.map(() => rng.string(5, RAND_ALPHABET)))
  inv.request({ verb: 'POST', path: collectionPath('deployments', inv.namespace), query: CREATE_QUERY, body: d as KObject }, (res) => {
    if (res.code !== 201) return inv.fail(`error: failed to create deployment: ${serverError(res).replace(/^Error from server \(\w+\): /, '')}`)
    inv.print(`deployment.apps/${cmd.name} created\n`)
    inv.finish(0)
  })
}

export function runRun(inv: Invocation, cmd: Cmd<'run'>): void {
  const pod = buildRunPod(cmd)
  const key = podKey(inv.namespace, cmd.name)
  inv.request({ verb: 'POST', path: collectionPath('pods', inv.namespace), query: { fieldManager: 'kubectl-run' }, body: pod as KObject }, (res) => {
    if (res.code !== 201) return inv.fail(serverError(res))
    inv.print(`pod/${cmd.name} created\n`)
    inv.finish(0)
  }, key)
}

export function runDelete(inv: Invocation, cmd: Cmd<'delete'>): void {
  for (const w of cmd.warnings) inv.eprint(w)
  let code = 0
  const deleted: ResourceRef[] = []
  each(cmd.targets, (ref, next) => {
    const body = {
      kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background',
      ...(cmd.gracePeriod >= 0 ? { gracePeriodSeconds: cmd.gracePeriod } : {}),
    }
    inv.request({ verb: 'DELETE', path: objectPath(ref.resource, inv.namespace, ref.name), body: body as KObject }, (res) => {
      if (res.code >= 300) {
        if (!(res.code === 404 && cmd.ignoreNotFound)) { inv.eprint(serverError(res)); code = 1 }
        return next()
      }
      inv.print(deletedLine(ref.resource, ref.name, inv.namespace, cmd.gracePeriod))
      deleted.push(ref)
      next()
    }, podOf(ref.resource, inv.namespace, ref.name))
  }, () => {
    // --wait=true: kubectl returns once every deleted object is gone (a pod after its graceful termination).
    each(deleted, (ref, next) => waitGone(inv, ref.resource, inv.namespace, ref.name, next), () => inv.finish(code))
  })
}

export function runScale(inv: Invocation, cmd: Cmd<'scale'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => sendPatch(inv, ref, scalePatch(cmd.replicas), () => {
    inv.print(successLine(ref.resource, ref.name, 'scaled'))
    next()
  }, () => { code = 1; next() }), () => inv.finish(code))
}

export function runSetImage(inv: Invocation, cmd: Cmd<'set image'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => getObject<Deployment | ReplicaSet | Pod>(inv, ref, (obj) => {
    const r = setImagePatch(obj, cmd.containerImages)
    if (r.errors.length) { for (const e of r.errors) inv.eprint(e); code = 1 }
    if (!r.patch) return next()
    sendPatch(inv, ref, r.patch, () => { inv.print(successLine(ref.resource, ref.name, 'image updated')); next() },
      () => { code = 1; next() })
  }, () => { code = 1; next() }), () => inv.finish(code))
}

export function runRolloutRestart(inv: Invocation, cmd: Cmd<'rollout restart'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => sendPatch(inv, ref, restartPatch(inv.ctx.sim.rfc3339()), () => {
    inv.print(successLine(ref.resource, ref.name, 'restarted'))
    next()
  }, () => { code = 1; next() }), () => inv.finish(code))
}

export function runRolloutUndo(inv: Invocation, cmd: Cmd<'rollout undo'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => getObject<Deployment>(inv, ref, (d) => {
    const selector = Object.entries(d.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')
    inv.request({ verb: 'GET', path: collectionPath('replicasets', inv.namespace), query: { labelSelector: selector } }, (res) => {
      const all = ((res.body as { items?: ReplicaSet[] }).items ?? [])
        .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid))
      const plan = kubectlRollback(d, all, cmd.toRevision)
      if (plan.kind === 'error') { inv.eprint(`error: ${plan.error}\n`); code = 1; return next() }
      if (plan.kind === 'skipped') { inv.print(`${printerKind(ref.resource)}/${ref.name} ${plan.message}\n`); return next() }
      // Simplified: kubectl sends a JSON patch replacing /spec/template and /metadata/annotations; a merge patch
      // of both has the same result here.
      const patch: PatchRequest = {
        subresource: '', contentType: 'application/merge-patch+json',
        body: { metadata: { annotations: plan.annotations }, spec: { template: plan.template } },
      }
      sendPatch(inv, ref, patch, () => { inv.print(`${printerKind(ref.resource)}/${ref.name} ${plan.message}\n`); next() },
        () => { code = 1; next() })
    })
  }, () => { code = 1; next() }), () => inv.finish(code))
}

export function runCordon(inv: Invocation, cmd: Cmd<'cordon' | 'uncordon'>): void {
  let code = 0
  each(cmd.nodes, (name, next) => cordonOne(inv, name, cmd.verb === 'cordon', next, () => { code = 1; next() }),
    () => inv.finish(code))
}

function cordonOne(inv: Invocation, name: string, desired: boolean, ok: () => void, failed: () => void): void {
  const ref: ResourceRef = { resource: 'nodes', name }
  getObject<Node>(inv, ref, (node) => {
    const r = cordonPatch(node, desired)
    if (!r.patch) { inv.print(r.line); return ok() }
    sendPatch(inv, ref, r.patch, () => { inv.print(r.line); ok() }, failed)
  }, failed)
}

export function runTaint(inv: Invocation, cmd: Cmd<'taint'>): void {
  let code = 0
  each(cmd.nodes, (name, next) => {
    const ref: ResourceRef = { resource: 'nodes', name }
    getObject<Node>(inv, ref, (node) => {
      const r = taintPatch(node, cmd)
      if ('error' in r) { inv.eprint(r.error); code = 1; return next() }
      sendPatch(inv, ref, r.patch, () => { inv.print(r.line); next() }, () => { code = 1; next() })
    }, () => { code = 1; next() })
  }, () => inv.finish(code))
}

export function runLabel(inv: Invocation, cmd: Cmd<'label'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => getObject<KObject>(inv, ref, (obj) => {
    const r = labelPatch(obj as { metadata?: { name?: string; labels?: Record<string, string> } }, ref.resource, cmd)
    if ('error' in r) { inv.eprint(r.error); code = 1; return next() }
    for (const n of r.notFound) inv.eprint(n)
    if (!r.patch) { inv.print(r.line); return next() }
    const patch = r.patch
    sendPatch(inv, ref, patch, () => { inv.print(r.line); next() }, () => { code = 1; next() })
  }, () => { code = 1; next() }), () => inv.finish(code))
}

/**
 * drain: cordon, then evict every pod on the node through the Eviction API and wait for each to be gone.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (the filters and texts are cmd/drain.ts's).
 */
export function runDrain(inv: Invocation, cmd: Cmd<'drain'>): void {
  let code = 0
  each(cmd.nodes, (name, next) => cordonOne(inv, name, true, () => {
    const q = { fieldSelector: `spec.nodeName=${name}` }
    inv.request({ verb: 'GET', path: collectionPath('pods', undefined), query: q }, (res) => {
      const pods = (res.body as { items?: Pod[] }).items ?? []
      const plan = drainFilter(pods, {
        ignoreDaemonsets: cmd.ignoreDaemonsets, deleteEmptydirData: cmd.deleteEmptydirData, force: cmd.force,
      })
      if (plan.errors.length) {
        inv.eprint(drainFailureText(name, plan.errors))
        code = 1
        return next()
      }
      inv.eprint(plan.warning)
      const evict = plan.evict
      each(evict, (p, nextPod) => {
        const ns = p.metadata?.namespace ?? ''
        const pn = p.metadata?.name ?? ''
        inv.print(evictingLine(ns, pn))
        const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pn, namespace: ns },
          ...(cmd.gracePeriod >= 0 ? { deleteOptions: { gracePeriodSeconds: cmd.gracePeriod } } : {}) }
        inv.request({ verb: 'POST', path: `${collectionPath('pods', ns)}/${pn}/eviction`, body: body as KObject }, (er) => {
          if (er.code >= 300) { inv.eprint(serverError(er)); code = 1 }
          nextPod()
        }, podKey(ns, pn))
      }, () => each(evict, (p, nextPod) => waitGone(inv, 'pods', p.metadata?.namespace ?? '', p.metadata?.name ?? '', () => {
        inv.print(evictedLine(p.metadata?.name ?? ''))
        nextPod()
      }), () => {
        inv.print(`node/${name} drained\n`)
        next()
      }))
    })
  }, () => { code = 1; next() }), () => inv.finish(code))
}


/** SIMULATED is re-exported for read.ts's paths. */
export { SIMULATED }
