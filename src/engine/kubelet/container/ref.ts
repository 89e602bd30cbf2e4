/**
 * Object references for the Events the kubelet records: the pod, or one of its containers by field path.
 * Mirrors: pkg/kubelet/container/ref.go GenerateContainerRef (fieldPath spec.containers{name}).
 */
import type { Container, Pod } from '../../api/types.ts'

export function podRef(pod: Pod) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    namespace: pod.metadata?.namespace,
    name: pod.metadata?.name,
    uid: pod.metadata?.uid,
    resourceVersion: pod.metadata?.resourceVersion,
  }
}

export function containerRef(pod: Pod, c: Container) {
  // Hot (several Events per container): the pod's reference gains fieldPath by assignment, not by a spread.
  const ref: ReturnType<typeof podRef> & { fieldPath?: string } = podRef(pod)
  ref.fieldPath = `spec.containers{${c.name}}`
  return ref
}
