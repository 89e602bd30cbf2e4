/**
 * NamespaceLifecycle: no new objects in a namespace that does not exist or is being deleted.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go
 */
import { newNotFound } from '../../api/errors.ts'
import { forbidden } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

export const NamespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  docs: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#namespacelifecycle',
  handles: (a) => a.operation === 'CREATE' && a.namespace !== '' && a.kind !== 'Namespace',
  // Lifecycle implements Admit: it rejects before any other plugin looks at the namespace's contents.
  admit(a, store) {
    const ns = store.get(`/registry/namespaces/${a.namespace}`)
    if (!ns) return { acted: true, note: `namespace "${a.namespace}" does not exist`, error: newNotFound('namespaces', a.namespace) }
    const phase = (ns.status as { phase?: string } | undefined)?.phase
    if (phase === 'Terminating' || ns.metadata?.deletionTimestamp) {
      return { acted: true, note: `namespace "${a.namespace}" is being deleted`, error: forbidden(a, `unable to create new content in namespace ${a.namespace} because it is being terminated`) }
    }
    return { acted: true, note: `namespace "${a.namespace}" exists and is Active, so new objects may be created in it.` }
  },
}
