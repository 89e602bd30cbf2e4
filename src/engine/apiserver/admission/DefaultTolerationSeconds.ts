/**
 * DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300 s before eviction.
 * Mirrors: plugin/pkg/admission/defaulttolerationseconds/admission.go
 */
import type { Pod, Toleration } from '../../api/types.ts'
import { copyOf, withKey } from '../../api/copy.ts'
import { isPodCreate } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

const KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']

/** withDefaultTolerations adds the not-ready and unreachable tolerations a pod lacks (on create and on update). */
export function withDefaultTolerations(tolerations: Toleration[]): { tolerations: Toleration[]; added: string[] } {
  const tol = [...tolerations]
  const added: string[] = []
  for (const key of KEYS) {
    const tolerated = (t: Toleration) => (t.key === key || (!t.key && t.operator === 'Exists'))
      && (!t.effect || t.effect === 'NoExecute')
    if (tol.some(tolerated)) continue
    tol.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
    added.push(key)
  }
  return { tolerations: tol, added }
}

/** The pod's spec with these tolerations (not a spread: tolerations is usually a new key, see copyOf). */
function withTolerations(pod: Pod, tolerations: Toleration[]): NonNullable<Pod['spec']> {
  const spec = copyOf(pod.spec) as NonNullable<Pod['spec']>
  spec.tolerations = tolerations
  return spec
}

export const DefaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  docs: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#defaulttolerationseconds',
  handles: isPodCreate,
  admit(a) {
    const pod = a.object as Pod
    const { tolerations: tol, added } = withDefaultTolerations(pod.spec?.tolerations ?? [])
    if (!added.length) return { acted: false, note: 'the pod already tolerates not-ready and unreachable nodes.' }
    return { acted: true, note: `adds tolerations for ${added.join(' and ')} (NoExecute, 300 s): if the node goes away, the pod is evicted after five minutes.`, object: withKey(pod, 'spec', withTolerations(pod, tol)) as never }
  },
}
