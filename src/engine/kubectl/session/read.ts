/**
 * The commands that only read: get, describe, rollout status and history, auth can-i. Each asks the API server
 * (a LIST or GET is an arrow in the lanes) and prints from its answer, so a read shows the cluster as it is at
 * that command's moment.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go, describe/describe.go, rollout/rollout_status.go,
 * rollout/rollout_history.go, auth/cani.go.
 */
import type { Deployment, KEvent, KObject, Node, Pod, ReplicaSet } from '../../api/types.ts'
import type { KubectlCommand } from '../cmd/parse.ts'
import { canILine } from '../cmd/build.ts'
import type { ResourceRef, SimulatedResource } from '../cmd/resources.ts'
import { SIMULATED } from '../cmd/resources.ts'
import { printGet } from '../printers/get/printGet.ts'
import type { KindTable } from '../printers/get/printGet.ts'
import { toKubectlYaml } from '../printers/yaml.ts'
import { describePod } from '../printers/describe/pod.ts'
import { describeDeployment } from '../printers/describe/deployment.ts'
import { describeReplicaSet } from '../printers/describe/replicaset.ts'
import { describeNode } from '../printers/describe/node.ts'
import { eventsFor } from '../printers/events.ts'
import { deploymentRolloutHistory, deploymentRolloutStatus } from '../printers/rollout.ts'
import type { Invocation } from './invocation.ts'
import { groups, table, withKind } from './selection.ts'
import { collectionPath, each, objectPath, podKey, serverError } from './invocation.ts'
import { watchOne } from './wait.ts'

type Cmd<V extends KubectlCommand['verb']> = Extract<KubectlCommand, { verb: V }>

/** listOf LISTs a resource (one namespace, or all of them) with an optional label selector. */
function listOf<T>(inv: Invocation, r: SimulatedResource, namespace: string | undefined, selector: string,
  done: (items: T[] | undefined) => void): void {
  inv.request({ verb: 'GET', path: collectionPath(r, namespace), query: selector ? { labelSelector: selector } : {} },
    (res) => {
      if (res.code !== 200) { inv.eprint(serverError(res)); return done(undefined) }
      done((res.body as { items?: T[] }).items ?? [])
    })
}

/** getOne GETs one object by name; a missing one prints kubectl's NotFound line. */
function getOne<T>(inv: Invocation, r: SimulatedResource, name: string, done: (obj: T | undefined) => void): void {
  inv.request({ verb: 'GET', path: objectPath(r, inv.namespace, name) }, (res) => {
    if (res.code !== 200) { inv.eprint(serverError(res)); return done(undefined) }
    done(res.body as T)
  }, r === 'pods' ? podKey(inv.namespace, name) : undefined)
}



export function runGet(inv: Invocation, cmd: Cmd<'get'>): void {
  const tables: KindTable[] = []
  const objects: KObject[] = []
  let code = 0
  const ns = cmd.allNamespaces ? undefined : inv.namespace
  each(groups(cmd.selection), (g, next) => {
    if (g.names.length === 0) {
      return listOf<KObject>(inv, g.resource, SIMULATED[g.resource].namespaced ? ns : undefined, cmd.selector, (items) => {
        if (!items) { code = 1; return next() }
        tables.push(table(g.resource, items))
        objects.push(...items.map((o) => withKind(o, g.resource)))
        next()
      })
    }
    const found: KObject[] = []
    each(g.names, (name, nextName) => getOne<KObject>(inv, g.resource, name, (o) => {
      if (o) found.push(o)
      else code = 1
      nextName()
    }), () => {
      tables.push(table(g.resource, found))
      objects.push(...found.map((o) => withKind(o, g.resource)))
      next()
    })
  }, () => {
    if (cmd.output === 'yaml' || cmd.output === 'json') {
      const single = objects.length === 1 && !('types' in cmd.selection && cmd.selection.names.length === 0)
      const doc: KObject = single ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }
      inv.print(cmd.output === 'yaml' ? toKubectlYaml(doc) : `${JSON.stringify(doc, null, 4)}\n`)
      return inv.finish(code)
    }
    const out = printGet(tables, {
      namespace: inv.namespace, allNamespaces: cmd.allNamespaces, output: cmd.output === 'wide' ? 'wide' : cmd.output === 'name' ? 'name' : '',
      nowMs: inv.ctx.sim.wallMs(),
    })
    inv.print(out.stdout)
    // "No resources found" only when nothing else went wrong (a NotFound already said why).
    if (code === 0) inv.eprint(out.stderr)
    inv.finish(code)
  })
}


export function runDescribe(inv: Invocation, cmd: Cmd<'describe'>): void {
  const texts: string[] = []
  let code = 0
  const now = inv.ctx.sim.wallMs()
  const refs: ResourceRef[] = []
  each(groups(cmd.selection), (g, next) => {
    if (g.names.length) { for (const name of g.names) refs.push({ resource: g.resource, name }); return next() }
    listOf<KObject>(inv, g.resource, SIMULATED[g.resource].namespaced ? inv.namespace : undefined, '', (items) => {
      for (const o of items ?? []) refs.push({ resource: g.resource, name: o.metadata?.name ?? '' })
      next()
    })
  }, () => each(refs, (ref, next) => getOne<KObject>(inv, ref.resource, ref.name, (obj) => {
    if (!obj) { code = 1; return next() }
    const evNs = ref.resource === 'nodes' ? 'default' : inv.namespace
    listOf<KEvent>(inv, 'events', evNs, '', (events) => {
      const kind = SIMULATED[ref.resource].kind
      const mine = eventsFor(events ?? [], kind, ref.resource === 'nodes' ? '' : inv.namespace, ref.name, obj.metadata?.uid)
        .concat(ref.resource === 'nodes' ? eventsFor(events ?? [], kind, 'default', ref.name) : [])
      const related = ref.resource === 'deployments' ? 'replicasets' : ref.resource === 'pods' ? undefined : 'pods'
      const finish = (rel: KObject[]) => {
        texts.push(describeOne(ref.resource, obj, rel, mine, now))
        next()
      }
      if (!related) return finish([])
      listOf<KObject>(inv, related, ref.resource === 'nodes' ? undefined : inv.namespace, '', (rel) => finish(rel ?? []))
    })
  }), () => {
    inv.print(texts.join('\n\n'))
    inv.finish(code)
  }))
}

function describeOne(r: SimulatedResource, obj: KObject, related: KObject[], events: KEvent[], now: number): string {
  switch (r) {
    case 'pods': return describePod(obj as Pod, events, now)
    case 'deployments': return describeDeployment(obj as Deployment, related as ReplicaSet[], events, now)
    case 'replicasets': return describeReplicaSet(obj as ReplicaSet, related as Pod[], events, now)
    case 'nodes': return describeNode(obj as Node, related as Pod[], events, now)
    case 'events': return `${JSON.stringify(obj, null, 2)}\n`
  }
}

export function runRolloutStatus(inv: Invocation, cmd: Cmd<'rollout status'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => {
    let last = ''
    watchOne(inv, ref.resource, inv.namespace, ref.name, (e) => {
      if (e.type === 'DELETED') { inv.eprint(`error: object has been deleted\n`); code = 1; next(); return true }
      const s = deploymentRolloutStatus(e.object as Deployment, cmd.revision)
      if ('error' in s && s.error !== undefined) { inv.eprint(`error: ${s.error}\n`); code = 1; next(); return true }
      if (!('message' in s)) return false
      // Simplified: a message is printed when it differs from the last one (kubectl prints it on every change).
      if (s.message !== last) inv.print(s.message)
      last = s.message
      if (!s.done && cmd.watch) return false
      next()
      return true
    }, () => {
      inv.eprint(`Error from server (NotFound): deployments.apps "${ref.name}" not found\n`)
      code = 1
      next()
    })
  }, () => inv.finish(code))
}

export function runRolloutHistory(inv: Invocation, cmd: Cmd<'rollout history'>): void {
  let code = 0
  each(cmd.targets, (ref, next) => getOne<Deployment>(inv, ref.resource, ref.name, (d) => {
    if (!d) { code = 1; return next() }
    listOf<ReplicaSet>(inv, 'replicasets', inv.namespace, '', (rs) => {
      inv.print(deploymentRolloutHistory(d, rs ?? []))
      next()
    })
  }), () => inv.finish(code))
}

/** auth can-i: a SelfSubjectAccessReview (with Impersonate-User for --as); `yes` exits 0, `no` exits 1. */
export function runCanI(inv: Invocation, cmd: Cmd<'auth can-i'>): void {
  for (const w of cmd.warnings) inv.eprint(w)
  const spec = cmd.nonResourceURL
    ? { nonResourceAttributes: { path: cmd.nonResourceURL, verb: cmd.canIVerb } }
    : {
      resourceAttributes: {
        namespace: cmd.allNamespaces ? '' : inv.namespace, verb: cmd.canIVerb, group: cmd.group,
        resource: cmd.resource, subresource: cmd.subresource, name: cmd.resourceName,
      },
    }
  const headers = cmd.global.as ? { 'Impersonate-User': cmd.global.as } : undefined
  inv.request({
    verb: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec } as KObject,
    ...(headers ? { headers } : {}),
  }, (res) => {
    if (res.code !== 201) return inv.fail(serverError(res))
    const st = (res.body as { status?: { allowed?: boolean; reason?: string; evaluationError?: string } }).status ?? {}
    if (!cmd.quiet) inv.print(canILine(!!st.allowed, st.reason ?? '', st.evaluationError ?? ''))
    inv.finish(st.allowed ? 0 : 1)
  })
}
