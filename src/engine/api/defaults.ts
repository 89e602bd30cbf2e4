/**
 * defaultPod: the scheme's defaults for a v1 Pod.
 * Mirrors: kubernetes/kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_ContainerPort) and pkg/apis/core/v1/defaults.go requests-from-limits.
 * Simplified: probe and volume-source defaults are not applied.
 */
import { isImageRef, parseImageName } from './images.ts'
import type { Container, KObject, Pod } from './types.ts'

function defaultContainer(c: Container): Container {
  const out: Container = { ...c }
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
  const spec = { ...pod.spec }
  spec.containers = (spec.containers ?? []).map(defaultContainer)
  if (spec.initContainers) spec.initContainers = spec.initContainers.map(defaultContainer)
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.securityContext ??= {}
  spec.schedulerName ??= 'default-scheduler'
  spec.enableServiceLinks ??= true
  if (spec.hostNetwork) for (const c of spec.containers) for (const p of c.ports ?? []) (p as { hostPort?: number }).hostPort ??= p.containerPort
  return { ...obj, spec } as unknown as T
}
