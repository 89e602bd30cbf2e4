/**
 * What kubectl sends for the imperative commands, and the line it prints when the server says yes. Pure: objects
 * in, request bodies and text out; time and randomness are passed in.
 * Mirrors kubernetes/kubectl (tag kubernetes-1.35.7): pkg/cmd/create/create_deployment.go (createDeployment,
 * buildPodSpec, sanitizeAndUniquify), pkg/generate/versioned/run.go (BasicPod.Generate), pkg/scale/scale.go
 * (ScaleSimple: a JSON merge patch of the scale subresource), pkg/cmd/set/set_image.go (Run),
 * pkg/drain/cordon.go (PatchOrReplace), pkg/cmd/drain/drain.go (already/changed, evicting/evicted),
 * pkg/cmd/taint/utils.go (reorganizeTaints, deleteTaints, addTaints), pkg/cmd/taint/taint.go (updateTaints),
 * pkg/cmd/label/label.go (labelFunc, updateDataChangeMsg, jsonpatch.CreateMergePatch),
 * pkg/polymorphichelpers/objectrestarter.go (restartedAt), pkg/cmd/delete/delete.go (PrintObj),
 * pkg/cmd/auth/cani.go (RunAccessCheck), pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer).
 * Simplified: the strategic merge patches are built for the one field each command changes, in the shape
 * strategicpatch.CreateTwoWayMergePatch gives for that change (keys sorted as Go's json.Marshal sorts a map).
 */
import type { Container, Deployment, Node, Pod, PodSpec, ReplicaSet, Taint } from '../../api/types.ts'
import type { KubectlCommand, TaintSpec } from './parse.ts'
import { printerKind, SIMULATED, type SimulatedResource } from './resources.ts'

type Cmd<V extends KubectlCommand['verb']> = Extract<KubectlCommand, { verb: V }>

/** utilrand's alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no confusable digits. */
export const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** containerNameForImage is buildPodSpec's: last path element, without tag or digest, sanitized. */
export function containerNameForImage(image: string, randomSuffix: string): string {
  let name = image.split('/').pop() ?? ''
  if (name.includes(':')) name = name.split(':')[0] ?? ''
  if (name.includes('@')) name = name.split('@')[0] ?? ''
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${randomSuffix}`
  return name
}

/**
 * buildCreateDeployment is the Deployment `kubectl create deployment` POSTs, with the empty structs Go's encoder
 * writes (`strategy: {}`, `resources: {}`, `status: {}`). randomSuffixes[i] (5 characters of RAND_ALPHABET) is
 * used for the i-th image whose name has `_` or `.`, as sanitizeAndUniquify draws them.
 */
export function buildCreateDeployment(
  cmd: Cmd<'create deployment'>,
  randomSuffixes: readonly string[] = [],
): Deployment {
  const labels = { app: cmd.name }
  // Field order as Go encodes a Container: name, image, command, ports, resources.
  const containers: Container[] = cmd.images.map((image, i) => ({
    name: containerNameForImage(image, randomSuffixes[i] ?? RAND_ALPHABET.slice(0, 5)),
    image,
    ...(cmd.command.length > 0 ? { command: [...cmd.command] } : {}),
    ...(i === 0 && cmd.port >= 0 ? { ports: [{ containerPort: cmd.port }] } : {}),
    resources: {},
  }))
  const metadata =
    cmd.global.namespace !== undefined
      ? { name: cmd.name, namespace: cmd.global.namespace, labels }
      : { name: cmd.name, labels }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata,
    spec: {
      replicas: cmd.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  }
}

/**
 * buildRunPod is BasicPod.Generate: labels `run: NAME` unless --labels, restartPolicy, dnsPolicy ClusterFirst.
 * No metadata.namespace: run.go createGeneratedObject POSTs to -n's namespace in the URL only.
 */
export function buildRunPod(cmd: Cmd<'run'>): Pod {
  const labels = cmd.labels.length > 0 ? Object.fromEntries(cmd.labels) : { run: cmd.name }
  const c: Container = { name: cmd.name, image: cmd.image }
  if (cmd.args.length > 0) {
    if (cmd.command) c.command = [...cmd.args]
    else c.args = [...cmd.args]
  }
  if (cmd.port >= 0) c.ports = [{ containerPort: cmd.port }]
  if (cmd.env.length > 0) {
    c.env = cmd.env.map((e) => ({ name: e.slice(0, e.indexOf('=')), value: e.slice(e.indexOf('=') + 1) }))
  }
  c.resources = {}
  if (cmd.imagePullPolicy !== '') c.imagePullPolicy = cmd.imagePullPolicy
  const annotations = Object.fromEntries(
    cmd.annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
  )
  const metadata = {
    name: cmd.name,
    labels,
    ...(cmd.annotations.length > 0 ? { annotations } : {}),
  }
  const spec: PodSpec = { containers: [c], restartPolicy: cmd.restart, dnsPolicy: 'ClusterFirst' }
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status: {} }
}

export interface PatchRequest {
  /** '' for the object itself, 'scale' for the scale subresource. */
  subresource: '' | 'scale'
  contentType: 'application/merge-patch+json' | 'application/strategic-merge-patch+json'
  body: Record<string, unknown>
}

/** scalePatch: v1.35 `kubectl scale` without preconditions PATCHes the scale subresource (ScaleSimple). */
export function scalePatch(replicas: number): PatchRequest {
  return { subresource: 'scale', contentType: 'application/merge-patch+json', body: { spec: { replicas } } }
}

type PodTemplateOwner = Deployment | ReplicaSet | Pod

function podSpecOf(obj: PodTemplateOwner): PodSpec | undefined {
  return obj.kind === 'Pod' ? (obj as Pod).spec : (obj as Deployment | ReplicaSet).spec?.template?.spec
}

/**
 * setImagePatch is set_image.go Run for one object: the strategic merge patch, or undefined when nothing changes
 * (kubectl then prints nothing), and the `error: unable to find container named %q` lines it will end with.
 */
export function setImagePatch(
  obj: PodTemplateOwner,
  containerImages: ReadonlyArray<readonly [string, string]>,
): { patch?: PatchRequest; errors: string[] } {
  const spec = podSpecOf(obj) ?? { containers: [] }
  const errors: string[] = []
  const init = (spec.initContainers ?? []).map((c) => ({ ...c }))
  const main = spec.containers.map((c) => ({ ...c }))
  for (const [name, image] of containerImages) {
    let found = false
    for (const c of [...init, ...main]) {
      if (name === '*' || c.name === name) {
        c.image = image
        found = true
      }
    }
    if (!found) errors.push(`error: unable to find container named "${name}"`)
  }
  const diff = (
    list: Container[],
    before: readonly Container[],
    key: 'containers' | 'initContainers',
  ): Record<string, unknown> => {
    const changed = list.filter((c, i) => c.image !== before[i]?.image).map((c) => ({ image: c.image, name: c.name }))
    if (changed.length === 0) return {}
    return { [`$setElementOrder/${key}`]: list.map((c) => ({ name: c.name })), [key]: changed }
  }
  const specPatch = {
    ...diff(init, spec.initContainers ?? [], 'initContainers'),
    ...diff(main, spec.containers, 'containers'),
  }
  if (Object.keys(specPatch).length === 0) return { errors }
  const sorted = Object.fromEntries(Object.entries(specPatch).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const body = obj.kind === 'Pod' ? { spec: sorted } : { spec: { template: { spec: sorted } } }
  return { patch: { subresource: '', contentType: 'application/strategic-merge-patch+json', body }, errors }
}

/** cordonPatch: CordonHelper's two-way merge of spec.unschedulable (false is omitted, so it patches to null). */
export function cordonPatch(node: Node, desired: boolean): { patch?: PatchRequest; line: string } {
  const name = node.metadata?.name ?? ''
  const already = (node.spec?.unschedulable ?? false) === desired
  const verb = desired ? 'cordoned' : 'uncordoned'
  if (already) return { line: `node/${name} already ${verb}\n` }
  const body = { spec: { unschedulable: desired ? true : null } }
  return {
    patch: { subresource: '', contentType: 'application/strategic-merge-patch+json', body },
    line: `node/${name} ${verb}\n`,
  }
}

function taintString(t: TaintSpec | Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}` : t.key
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

/**
 * taintPatch is taint.go updateTaints + utils.go reorganizeTaints for one node: the new taint list (taints have no
 * merge key, so the patch carries the whole list, or null when none are left), the printed line
 * (`node/w1 tainted|untainted|modified`), or kubectl's error.
 */
export function taintPatch(node: Node, cmd: Cmd<'taint'>): { patch: PatchRequest; line: string } | { error: string } {
  const name = node.metadata?.name ?? ''
  const old: Taint[] = node.spec?.taints ?? []
  if (!cmd.overwrite) {
    const exists = cmd.taintsToAdd
      .filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect))
      .map((t) => t.key)
    if (exists.length > 0) {
      return {
        error:
          `error: node ${name} already has ${exists.join(',')} taint(s) with same effect(s) ` +
          'and --overwrite is false\n',
      }
    }
  }
  let next: Taint[] = cmd.taintsToAdd.map((t) =>
    t.value ? { key: t.key, value: t.value, effect: t.effect } : { key: t.key, effect: t.effect },
  )
  for (const o of old) if (!next.some((t) => t.key === o.key && t.effect === o.effect)) next.push(o)
  const added = old.length !== next.length
  const errors: string[] = []
  let removed = false
  for (const rm of cmd.taintsToRemove) {
    const before = next.length
    next = next.filter((t) => !(t.key === rm.key && (rm.effect === '' || t.effect === rm.effect)))
    removed = next.length !== before
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(rm))} not found`)
  }
  if (errors.length === 1) return { error: `error: ${errors[0]}\n` }
  if (errors.length > 1) return { error: errors.map((e) => `${e}\n`).join('') }
  const operation = (added && removed) || cmd.overwrite ? 'modified' : added ? 'tainted' : 'untainted'
  const body = { spec: { taints: next.length > 0 ? next : null } }
  return {
    patch: { subresource: '', contentType: 'application/strategic-merge-patch+json', body },
    line: `node/${name} ${operation}\n`,
  }
}

/**
 * labelPatch is label.go for one object: the JSON merge patch of metadata.labels, the `label "k" not found.`
 * lines it prints first, and the result line (`pod/x labeled|unlabeled|not labeled`), or the overwrite error.
 */
export function labelPatch(
  obj: { metadata?: { name?: string; labels?: Record<string, string> } },
  resource: SimulatedResource,
  cmd: Cmd<'label'>,
): { patch?: PatchRequest; notFound: string[]; line: string } | { error: string } {
  const current = obj.metadata?.labels ?? {}
  if (!cmd.overwrite) {
    const clash = cmd.labels.filter(([k, v]) => k in current && current[k] !== v)
    if (clash.length === 1)
      return {
        error:
          `error: '${clash[0]?.[0]}' already has a value (${current[clash[0]?.[0] ?? '']}), ` +
          'and --overwrite is false\n',
      }
    if (clash.length > 1)
      return {
        error: clash.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false\n`).join(''),
      }
  }
  const notFound = cmd.remove.filter((k) => !(k in current)).map((k) => `label "${k}" not found.\n`)
  const next: Record<string, string> = { ...current }
  for (const [k, v] of cmd.labels) next[k] = v
  for (const k of cmd.remove) delete next[k]
  const diff: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(next)) if (current[k] !== v) diff[k] = v
  for (const k of Object.keys(current)) if (!(k in next)) diff[k] = null
  const size = (l: Record<string, string>): number => JSON.stringify(l).length - (Object.keys(l).length === 0 ? 2 : 0)
  const changed = Object.keys(diff).length > 0
  const msg = !changed ? 'not labeled' : !cmd.overwrite && size(next) < size(current) ? 'unlabeled' : 'labeled'
  const line = `${printerKind(resource)}/${obj.metadata?.name ?? ''} ${msg}\n`
  if (!changed) return { notFound, line }
  const sorted = Object.fromEntries(Object.entries(diff).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return {
    patch: { subresource: '', contentType: 'application/merge-patch+json', body: { metadata: { labels: sorted } } },
    notFound,
    line,
  }
}

/** restartPatch: objectrestarter.go sets spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]. */
export function restartPatch(restartedAtRFC3339: string): PatchRequest {
  const annotations = { 'kubectl.kubernetes.io/restartedAt': restartedAtRFC3339 }
  return {
    subresource: '',
    contentType: 'application/strategic-merge-patch+json',
    body: { spec: { template: { metadata: { annotations } } } },
  }
}

/** successLine is the name printer's `kind.group/name operation` line. */
export function successLine(resource: SimulatedResource, name: string, operation: string): string {
  return `${printerKind(resource)}/${name} ${operation}\n`
}

/** deletedLine is delete.go PrintObj: `pod "x" deleted from default namespace` (v1.35 names the namespace). */
export function deletedLine(resource: SimulatedResource, name: string, namespace: string, gracePeriod: number): string {
  const op = gracePeriod === 0 ? 'force deleted' : 'deleted'
  const where = SIMULATED[resource].namespaced ? ` from ${namespace} namespace` : ''
  return `${printerKind(resource)} "${name}" ${op}${where}\n`
}

/** drain's lines per pod (pkg/drain/drain.go and the cmd's onPodDeletedOrEvicted with the name printer). */
export function evictingLine(namespace: string, pod: string): string {
  return `evicting pod ${namespace}/${pod}\n`
}
export function evictedLine(pod: string): string {
  return `pod/${pod} evicted\n`
}

/** canILine is cani.go RunAccessCheck: `yes`, or `no` with the reason and evaluation error when present. */
export function canILine(allowed: boolean, reason = '', evaluationError = ''): string {
  if (allowed) return 'yes\n'
  return `no${reason ? ` - ${reason}` : ''}${evaluationError ? ` - ${evaluationError}` : ''}\n`
}

/**
 * rolloutStatusLine is DeploymentStatusViewer.Status (revision 0): the line and whether the rollout is done, or
 * the error it returns.
 */
export function rolloutStatusLine(d: Deployment): { line: string; done: boolean } | { error: string } {
  const name = d.metadata?.name ?? ''
  const st = d.status ?? {}
  if ((d.metadata?.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return { line: 'Waiting for deployment spec update to be observed...\n', done: false }
  }
  const progressing = (st.conditions ?? []).find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { error: `deployment "${name}" exceeded its progress deadline` }
  const replicas = d.spec?.replicas ?? 1
  const updated = st.updatedReplicas ?? 0
  const total = st.replicas ?? 0
  const available = st.availableReplicas ?? 0
  const waiting = `Waiting for deployment "${name}" rollout to finish: `
  if (updated < replicas) {
    return {
      line: `${waiting}${updated} out of ${replicas} new replicas have been updated...\n`,
      done: false,
    }
  }
  if (total > updated) {
    return {
      line: `${waiting}${total - updated} old replicas are pending termination...\n`,
      done: false,
    }
  }
  if (available < updated) {
    return {
      line: `${waiting}${available} of ${updated} updated replicas are available...\n`,
      done: false,
    }
  }
  return { line: `deployment "${name}" successfully rolled out\n`, done: true }
}
