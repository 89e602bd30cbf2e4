/** Pods shaped as podbirth's apiserver and kubelet write them, for the describe and get printers' tests. */
import type { Container, ContainerStatus, KEvent, Pod } from '../../../api/types.ts'

export const NOW = Date.parse('2026-01-01T12:05:00Z')
export const T0 = '2026-01-01T12:00:00Z'

export const API_ACCESS_MOUNT = {
  name: 'kube-api-access-j764b',
  readOnly: true,
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
}

/** The projected volume the ServiceAccount admission plugin adds (apiserver/admission/ServiceAccount.ts). */
export const API_ACCESS_VOLUME = {
  name: 'kube-api-access-j764b',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
  },
}

/** DefaultTolerationSeconds' two tolerations. */
export const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

export const conditions = (ready: boolean, scheduled = true) => [
  { type: 'PodReadyToStartContainers', status: scheduled ? 'True' : 'False' },
  { type: 'Initialized', status: 'True' },
  { type: 'Ready', status: ready ? 'True' : 'False' },
  { type: 'ContainersReady', status: ready ? 'True' : 'False' },
  { type: 'PodScheduled', status: 'True' },
]

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', volumeMounts: [API_ACCESS_MOUNT], ...extra }
}

export function runningStatus(name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    image: 'docker.io/library/nginx:1.27',
    imageID: 'docker.io/library/nginx@sha256:50c3',
    containerID: `containerd://${name}0001`,
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: '2026-01-01T12:00:02Z' } },
    ...extra,
  }
}

export function pod(
  name: string,
  spec: Partial<NonNullable<Pod['spec']>>,
  status: NonNullable<Pod['status']>,
  meta: Partial<NonNullable<Pod['metadata']>> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `${name}-uid`,
      creationTimestamp: T0,
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' },
      ...meta,
    },
    spec: {
      containers: [],
      priority: 0,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      restartPolicy: 'Always',
      tolerations: DEFAULT_TOLERATIONS,
      volumes: [API_ACCESS_VOLUME],
      ...spec,
    },
    status,
  }
}

export function event(reason: string, message: string, at: string, extra: Partial<KEvent> = {}): KEvent {
  return {
    metadata: { name: `e-${reason}`, namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx' },
    reason,
    message,
    type: 'Normal',
    source: { component: 'kubelet' },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    ...extra,
  }
}
