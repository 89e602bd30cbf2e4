/**
 * Priority: resolves priorityClassName to spec.priority and spec.preemptionPolicy.
 * Mirrors: plugin/pkg/admission/priority/admission.go
 */
import { copyOf, withKey } from '../../api/copy.ts'
import type { Pod } from '../../api/types.ts'
import { forbidden, isPodCreate } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

export const Priority: AdmissionPlugin = {
  name: 'Priority',
  docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
  handles: isPodCreate,
  admit(a, store) {
    const pod = a.object as Pod
    const name = pod.spec?.priorityClassName
    let value = 0
    let policy = 'PreemptLowerPriority'
    let note = 'no priorityClassName and no global default PriorityClass, so spec.priority is 0.'
    if (name) {
      const pc = store.get(`/registry/priorityclasses/${name}`)
      if (!pc) return { acted: true, note: `PriorityClass "${name}" not found`, error: forbidden(a, `no PriorityClass with name ${name} was found`) }
      value = pc.value as number
      policy = (pc.preemptionPolicy as string | undefined) ?? policy
      note = `PriorityClass "${name}" gives spec.priority ${value} (preemptionPolicy ${policy}).`
    } else {
      const def = store.list('/registry/priorityclasses/').find((p) => p.globalDefault === true)
      if (def) {
        value = def.value as number
        policy = (def.preemptionPolicy as string | undefined) ?? policy
        note = `the global default PriorityClass "${def.metadata?.name}" gives spec.priority ${value}.`
      }
    }
    // Not a spread: priority and preemptionPolicy are usually new keys (see copyOf).
    const spec = copyOf(pod.spec)
    spec.priority = value
    spec.preemptionPolicy = policy
    return { acted: true, note, object: withKey(pod, 'spec', spec) as never }
  },
}
