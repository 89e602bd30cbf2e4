/**
 * defaultPod: the scheme's defaults for a v1 Pod.
 * Mirrors: kubernetes/kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe, SetDefaults_HTTPGetAction), with the
 * requests-from-limits defaulting SetDefaults_Pod does there.
 * Simplified: volume-source defaults are not applied.
 */
import { copyOf, withKey } from './copy.ts'
import { isImageRef, parseImageName } from './images.ts'
import type { Container, KObject, Pod } from './types.ts'

type Probe = NonNullable<Container['livenessProbe']>
type HTTPGetAction = NonNullable<Probe['httpGet']>

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP, for probes and lifecycle handlers alike. */
function defaultHTTPGet(g: HTTPGetAction): HTTPGetAction {
  return { ...g, path: g.path || '/', scheme: g.scheme || 'HTTP' }
}

/**
 * SetDefaults_Probe (0 means unset) and the generated default of GRPCAction.service (`+default=""` in
 * staging/src/k8s.io/api/core/v1/types.go, applied by zz_generated.defaults.go).
 */
function defaultProbe(p: Probe | undefined): Probe | undefined {
  if (!p) return p
  const out: Probe = {
    ...p,
    timeoutSeconds: p.timeoutSeconds || 1,
    periodSeconds: p.periodSeconds || 10,
    successThreshold: p.successThreshold || 1,
    failureThreshold: p.failureThreshold || 3,
  }
  if (p.httpGet) out.httpGet = defaultHTTPGet(p.httpGet)
  if (p.grpc) out.grpc = { ...p.grpc, service: p.grpc.service ?? '' }
  return out
}

type Lifecycle = NonNullable<Container['lifecycle']>
type LifecycleHandler = NonNullable<Lifecycle['postStart']>

function defaultHandler(h: LifecycleHandler | undefined): LifecycleHandler | undefined {
  return h?.httpGet ? { ...h, httpGet: defaultHTTPGet(h.httpGet) } : h
}

function defaultProbes(out: Container): void {
  if (out.livenessProbe) out.livenessProbe = defaultProbe(out.livenessProbe)
  if (out.readinessProbe) out.readinessProbe = defaultProbe(out.readinessProbe)
  if (out.startupProbe) out.startupProbe = defaultProbe(out.startupProbe)
  const l = out.lifecycle
  if (l?.postStart?.httpGet || l?.preStop?.httpGet) {
    const lifecycle: Lifecycle = { ...l }
    if (l.postStart) lifecycle.postStart = defaultHandler(l.postStart)
    if (l.preStop) lifecycle.preStop = defaultHandler(l.preStop)
    out.lifecycle = lifecycle
  }
}

function defaultContainer(c: Container): Container {
  const out: Container = copyOf(c) // not a spread: defaults add keys (see copyOf)
  defaultProbes(out)
  if (!out.imagePullPolicy) {
    const ref = parseImageName(out.image ?? '')
    // No tag and no digest means "latest": pull Always; a digest-only reference never changes: IfNotPresent.
    out.imagePullPolicy = isImageRef(ref) && ref.tag === 'latest' && !ref.digest && !(out.image ?? '').includes('@') ? 'Always' : 'IfNotPresent'
  }
  if (!out.terminationMessagePath) out.terminationMessagePath = '/dev/termination-log'
  if (!out.terminationMessagePolicy) out.terminationMessagePolicy = 'File'
  if (out.ports) out.ports = out.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }))
  if (out.resources?.limits) {
    const requests = { ...out.resources.requests }
    for (const [k, v] of Object.entries(out.resources.limits)) if (requests[k] === undefined) requests[k] = v
    out.resources = { ...out.resources, requests }
  }
  return out
}

/** defaultPod returns a new Pod with every default set; the input is not modified. */
export function defaultPod<T extends KObject>(obj: T): T {
  const pod = obj as unknown as Pod
  const spec = copyOf(pod.spec) // not a spread: defaults add keys (see copyOf)
  spec.containers = (spec.containers ?? []).map(defaultContainer)
  if (spec.initContainers) spec.initContainers = spec.initContainers.map(defaultContainer)
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.securityContext ??= {}
  spec.schedulerName ??= 'default-scheduler'
  spec.enableServiceLinks ??= true
  // Convert_v1_PodSpec_To_core_PodSpec (pkg/apis/core/v1/conversion.go): the deprecated serviceAccount is an alias
  // that fills serviceAccountName when that is empty; serviceAccountName wins when both are set.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount
  if (spec.hostNetwork) for (const c of spec.containers) for (const p of c.ports ?? []) (p as { hostPort?: number }).hostPort ??= p.containerPort
  return withKey(pod, 'spec', spec) as unknown as T // hot (every create): see withKey
}
