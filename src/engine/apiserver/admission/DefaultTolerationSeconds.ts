/**
 * DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300 s before eviction.
 * Mirrors: plugin/pkg/admission/defaulttolerationseconds/admission.go
 */
import type { Pod, Toleration } from '../../api/types.ts'
import { isPodCreate } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

const KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']

export const DefaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  docs: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#defaulttolerationseconds',
  handles: isPodCreate,
  admit(a) {
    const pod = a.object as Pod
    const tol = [...(pod.spec?.tolerations ?? [])]
    const added: string[] = []
    for (const key of KEYS) {
      if (tol.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'))) continue
      const t: Toleration = { key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }
      tol.push(t)
      added.push(key)
    }
    if (!added.length) return { acted: false, note: 'the pod already tolerates not-ready and unreachable nodes.' }
    return { acted: true, note: `adds tolerations for ${added.join(' and ')} (NoExecute, 300 s): if the node goes away, the pod is evicted after five minutes.`, object: { ...pod, spec: { ...pod.spec, tolerations: tol } } as never }
  },
}
