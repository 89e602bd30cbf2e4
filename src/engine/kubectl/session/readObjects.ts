/**
 * readObjects: a read command (get, describe, rollout history) answered from a set of stored objects instead of
 * the API server — the console's reads at the playhead, from the objects as they were right after a trace step.
 * It prints with the same printers as read.ts, over the same selection rules (a named object that is missing is
 * the apiserver's NotFound, an empty list is `No resources found`), so a read at the end of the story prints what
 * the same command run in the session would.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go, describe/describe.go, rollout/rollout_history.go (via
 * read.ts), staging/src/k8s.io/apimachinery/pkg/labels/selector.go (the label selector string).
 *
 * Simplified: no request is made, so no authentication or authorization happens: `--user` and `--as` are not
 * checked (a user the cluster would refuse still sees the objects).
 */
import type { Deployment, KEvent, KObject, Node, Pod, ReplicaSet } from '../../api/types.ts'
import { groupResource } from '../../api/errors.ts'
import { matchesRequirement } from '../../api/labels.ts'
import type { KubectlCommand } from '../cmd/parse.ts'
import type { SimulatedResource } from '../cmd/resources.ts'
import { SIMULATED } from '../cmd/resources.ts'
import { printGet } from '../printers/get/printGet.ts'
import type { KindTable } from '../printers/get/printGet.ts'
import { toKubectlYaml } from '../printers/yaml.ts'
import { describePod } from '../printers/describe/pod.ts'
import { describeDeployment } from '../printers/describe/deployment.ts'
import { describeReplicaSet } from '../printers/describe/replicaset.ts'
import { describeNode } from '../printers/describe/node.ts'
import { eventsFor } from '../printers/events.ts'
import { deploymentRolloutHistory } from '../printers/rollout.ts'
import { groups, table, withKind } from './selection.ts'

/** The commands readObjects answers. */
export type ReadCommand = Extract<KubectlCommand, { verb: 'get' | 'describe' | 'rollout history' }>

export interface ReadOptions {
  /** The simulated wall clock (epoch ms) the read happens at: AGE columns count from it. */
  nowMs: number
  /** The kubeconfig context's namespace (a command's -n wins). */
  namespace: string
}

export interface ReadResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** isReadCommand: the verbs the console answers at the playhead rather than running in the session. */
export function isReadCommand(cmd: KubectlCommand): cmd is ReadCommand {
  return cmd.verb === 'get' || cmd.verb === 'describe' || cmd.verb === 'rollout history'
}

/** The objects of one resource, grouped once per read. */
class Store {
  private readonly byResource = new Map<SimulatedResource, KObject[]>()

  constructor(objects: readonly KObject[]) {
    const kinds = new Map(Object.entries(SIMULATED).map(([r, info]) => [info.kind, r as SimulatedResource]))
    for (const o of objects) {
      const r = kinds.get(o.kind ?? '')
      if (!r) continue
      const list = this.byResource.get(r) ?? []
      list.push(o)
      this.byResource.set(r, list)
    }
    // etcd lists in key order: /registry/<resource>/<namespace>/<name>.
    const key = (o: KObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`
    for (const list of this.byResource.values()) list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  }

  /** list: one namespace (undefined: all, or a cluster-scoped resource), filtered by a label selector string. */
  list(r: SimulatedResource, namespace: string | undefined, selector = ''): KObject[] {
    const ns = SIMULATED[r].namespaced ? namespace : undefined
    const reqs = parseSelector(selector)
    return (this.byResource.get(r) ?? []).filter(
      (o) =>
        (ns === undefined || o.metadata?.namespace === ns) &&
        reqs.every((q) => matchesRequirement(q.key, q.operator, q.values, o.metadata?.labels ?? {})),
    )
  }

  get(r: SimulatedResource, namespace: string, name: string): KObject | undefined {
    return this.list(r, namespace).find((o) => o.metadata?.name === name)
  }
}

interface Requirement {
  key: string
  operator: string
  values: string[]
}

/**
 * parseSelector reads the equality-based terms kubectl passes as labelSelector (`a=b`, `a==b`, `a!=b`, `a`, `!a`),
 * the forms the simulated apiserver's list accepts too.
 */
function parseSelector(s: string): Requirement[] {
  return s
    .split(',')
    .filter(Boolean)
    .map((t) => {
      if (t.startsWith('!')) return { key: t.slice(1), operator: 'DoesNotExist', values: [] }
      const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(t)
      if (!m) return { key: t, operator: 'Exists', values: [] }
      return { key: m[1], operator: m[2] === '!=' ? 'NotIn' : 'In', values: [m[3]] }
    })
}

/** notFound is CheckErr's line for the apiserver's NotFound (errors.go NewNotFound). */
function notFound(r: SimulatedResource, name: string): string {
  return `Error from server (NotFound): ${groupResource(r, SIMULATED[r].group)} "${name}" not found\n`
}




/** readObjects answers one read command from the stored objects. */
export function readObjects(cmd: ReadCommand, objects: readonly KObject[], opts: ReadOptions): ReadResult {
  const store = new Store(objects)
  const namespace = cmd.global.namespace ?? opts.namespace
  switch (cmd.verb) {
    case 'get':
      return readGet(cmd, store, namespace, opts.nowMs)
    case 'describe':
      return readDescribe(cmd, store, namespace, opts.nowMs)
    case 'rollout history':
      return readHistory(cmd, store, namespace)
  }
}

function readGet(
  cmd: Extract<ReadCommand, { verb: 'get' }>,
  store: Store,
  namespace: string,
  nowMs: number,
): ReadResult {
  const tables: KindTable[] = []
  const found: KObject[] = []
  let err = ''
  let code = 0
  const ns = cmd.allNamespaces ? undefined : namespace
  for (const g of groups(cmd.selection)) {
    let items: KObject[]
    if (g.names.length === 0) items = store.list(g.resource, ns, cmd.selector)
    else {
      items = []
      for (const name of g.names) {
        const o = store.get(g.resource, namespace, name)
        if (o) items.push(o)
        else {
          err += notFound(g.resource, name)
          code = 1
        }
      }
    }
    tables.push(table(g.resource, items))
    found.push(...items.map((o) => withKind(o, g.resource)))
  }
  if (cmd.output === 'yaml' || cmd.output === 'json') {
    const single = found.length === 1 && !('types' in cmd.selection && cmd.selection.names.length === 0)
    const doc: KObject = single
      ? found[0]
      : { apiVersion: 'v1', items: found, kind: 'List', metadata: { resourceVersion: '' } }
    return {
      stdout: cmd.output === 'yaml' ? toKubectlYaml(doc) : `${JSON.stringify(doc, null, 4)}\n`,
      stderr: err,
      exitCode: code,
    }
  }
  const out = printGet(tables, {
    namespace,
    allNamespaces: cmd.allNamespaces,
    output: cmd.output === 'wide' ? 'wide' : cmd.output === 'name' ? 'name' : '',
    nowMs,
  })
  // As runGet: "No resources found" only when nothing else went wrong.
  return { stdout: out.stdout, stderr: err + (code === 0 ? out.stderr : ''), exitCode: code }
}

function readDescribe(
  cmd: Extract<ReadCommand, { verb: 'describe' }>,
  store: Store,
  namespace: string,
  nowMs: number,
): ReadResult {
  const texts: string[] = []
  let err = ''
  let code = 0
  const events = store.list('events', undefined) as unknown as KEvent[]
  for (const g of groups(cmd.selection)) {
    const names = g.names.length ? g.names : store.list(g.resource, namespace).map((o) => o.metadata?.name ?? '')
    for (const name of names) {
      const obj = store.get(g.resource, namespace, name)
      if (!obj) {
        err += notFound(g.resource, name)
        code = 1
        continue
      }
      texts.push(describeOne(g.resource, obj, store, events, namespace, nowMs))
    }
  }
  return { stdout: texts.join('\n\n'), stderr: err, exitCode: code }
}

/** describeOne: the object, its events and its related objects, as runDescribe gathers them. */
function describeOne(
  r: SimulatedResource,
  obj: KObject,
  store: Store,
  all: KEvent[],
  namespace: string,
  now: number,
): string {
  const name = obj.metadata?.name ?? ''
  const kind = SIMULATED[r].kind
  const inNs = (ns: string) => all.filter((e) => e.metadata?.namespace === ns)
  const mine =
    r === 'nodes'
      ? eventsFor(inNs('default'), kind, '', name, obj.metadata?.uid).concat(
          eventsFor(inNs('default'), kind, 'default', name),
        )
      : eventsFor(inNs(namespace), kind, namespace, name, obj.metadata?.uid)
  switch (r) {
    case 'pods':
      return describePod(obj as Pod, mine, now)
    case 'deployments':
      return describeDeployment(obj as Deployment, store.list('replicasets', namespace) as ReplicaSet[], mine, now)
    case 'replicasets':
      return describeReplicaSet(obj as ReplicaSet, store.list('pods', namespace) as Pod[], mine, now)
    case 'nodes':
      return describeNode(obj as Node, store.list('pods', undefined) as Pod[], mine, now)
    case 'events':
      return `${JSON.stringify(obj, null, 2)}\n`
  }
}

function readHistory(
  cmd: Extract<ReadCommand, { verb: 'rollout history' }>,
  store: Store,
  namespace: string,
): ReadResult {
  let out = ''
  let err = ''
  let code = 0
  for (const ref of cmd.targets) {
    const d = store.get(ref.resource, namespace, ref.name)
    if (!d) {
      err += notFound(ref.resource, ref.name)
      code = 1
      continue
    }
    out += deploymentRolloutHistory(d as Deployment, store.list('replicasets', namespace) as ReplicaSet[])
  }
  return { stdout: out, stderr: err, exitCode: code }
}
