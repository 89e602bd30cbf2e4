/**
 * ServiceAccount: every pod runs as a service account (default: "default") and gets its API credentials as a
 * projected volume kube-api-access-<random>, mounted in every container.
 * Mirrors: plugin/pkg/admission/serviceaccount/admission.go
 */
import { copyOf, withKey } from '../../api/copy.ts'
import type { Container, Pod, Volume } from '../../api/types.ts'
import { forbidden, isPodCreate } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'

export const ServiceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  docs: 'https://kubernetes.io/docs/concepts/security/service-accounts/',
  handles: isPodCreate,
  admit(a, store) {
    const pod = a.object as Pod
    // Not a spread: serviceAccountName and volumes are usually new keys (see copyOf).
    const spec = copyOf(pod.spec) as NonNullable<Pod['spec']>
    spec.containers = [...(pod.spec?.containers ?? [])]
    const saName = spec.serviceAccountName || 'default'
    const sa = store.get(`/registry/serviceaccounts/${a.namespace}/${saName}`)
    if (!sa) return { acted: true, note: `service account ${a.namespace}/${saName} does not exist`, error: forbidden(a, `error looking up service account ${a.namespace}/${saName}: serviceaccount "${saName}" not found`) }
    spec.serviceAccountName = saName
    const automount = spec.automountServiceAccountToken ?? (sa.automountServiceAccountToken as boolean | undefined) ?? true
    if (!automount) return { acted: true, object: withKey(pod, 'spec', spec) as never, note: `runs as service account "${saName}"; automountServiceAccountToken is false, so no token volume is added.` }
    const volName = `kube-api-access-${store.randomSuffix(5)}`
    const volume: Volume = {
      name: volName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    }
    const mount = (c: Container): Container => {
      if (c.volumeMounts?.some((m) => m.mountPath === MOUNT_PATH)) return c
      const out = copyOf(c)
      out.volumeMounts = [...(c.volumeMounts ?? []), { name: volName, readOnly: true, mountPath: MOUNT_PATH }]
      return out
    }
    spec.containers = spec.containers.map(mount)
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(mount)
    spec.volumes = [...(spec.volumes ?? []), volume]
    return { acted: true, object: withKey(pod, 'spec', spec) as never, note: `sets serviceAccountName "${saName}" and adds the projected volume ${volName} (a short-lived token, the cluster CA and the namespace), mounted read-only at ${MOUNT_PATH} in every container.` }
  },
}
