/**
 * The scheme's defaults for apps/v1 Deployments and ReplicaSets, pod template included.
 * Mirrors: kubernetes/kubernetes pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_ReplicaSet) and
 * pkg/apis/apps/v1/zz_generated.defaults.go (SetObjectDefaults_Deployment / _ReplicaSet: SetDefaults_PodSpec on
 * spec.template.spec, then SetDefaults_Container, the port protocol and the probe defaults on every container).
 * What SetObjectDefaults does NOT run on a template is SetDefaults_Pod (pkg/apis/core/v1/defaults.go): requests
 * copied from limits, enableServiceLinks and hostNetwork host ports stay unset in a template and appear only on the
 * pods the ReplicaSet controller creates from it (upstream test TestDefaultRequestIsNotSetForReplicaSet).
 * Simplified: volume-source defaults and SetDefaults_ResourceList's rounding are not applied (as in defaultPod).
 */
import { defaultPod } from '../defaults.ts'
import type { Container, Deployment, DeploymentStrategy, KObject, Pod, PodSpec, PodTemplateSpec, ReplicaSet,
} from '../types.ts'

type RollingUpdateDeployment = NonNullable<DeploymentStrategy['rollingUpdate']>

/**
 * defaultPodTemplateSpec: SetDefaults_PodSpec and the container defaults on a template. It reuses defaultPod (which
 * applies SetDefaults_Pod too) and puts back what only SetDefaults_Pod sets, so the two never drift apart.
 */
export function defaultPodTemplateSpec(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const tpl: PodTemplateSpec = template ?? {}
  const original: Partial<PodSpec> = tpl.spec ?? {}
  const asPod: Pod & KObject = { spec: { ...original, containers: original.containers ?? [] } }
  const spec: PodSpec = { containers: [], ...defaultPod(asPod).spec }
  if (original.enableServiceLinks === undefined) delete spec.enableServiceLinks
  spec.containers = undoPodOnly(spec.containers, original.containers)
  if (spec.initContainers) spec.initContainers = undoPodOnly(spec.initContainers, original.initContainers)
  if (original.containers === undefined && spec.containers.length === 0) {
    // Go's nil slice stays nil; keep the field absent rather than writing `containers: []`.
    delete (spec as Partial<PodSpec>).containers
  }
  return { ...tpl, spec }
}

/** undoPodOnly restores each container's resources and host ports as written (SetDefaults_Pod is Pod-only). */
function undoPodOnly(defaulted: Container[], original: Container[] | undefined): Container[] {
  return defaulted.map((c, i) => {
    const o = original?.[i]
    const out: Container = { ...c }
    if (o?.resources === undefined) delete out.resources
    else out.resources = o.resources
    if (out.ports && o?.ports) {
      out.ports = out.ports.map((p, j) => {
        const q = { ...p }
        if (o.ports?.[j]?.hostPort === undefined) delete q.hostPort
        return q
      })
    }
    return out
  })
}

/** defaultRollingUpdate: both bounds default to 25% independently (a set maxSurge keeps its value). */
function defaultRollingUpdate(ru: RollingUpdateDeployment | undefined): RollingUpdateDeployment {
  return { ...ru, maxUnavailable: ru?.maxUnavailable ?? '25%', maxSurge: ru?.maxSurge ?? '25%' }
}

/** defaultDeployment returns a new Deployment with SetObjectDefaults_Deployment applied; the input is untouched. */
export function defaultDeployment(d: Deployment): Deployment {
  const spec = { ...(d.spec ?? {}) } as Deployment['spec'] & object
  spec.replicas ??= 1
  const strategy: DeploymentStrategy = { ...spec.strategy }
  // An empty type ("" in Go) defaults too, not only an absent one.
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') strategy.rollingUpdate = defaultRollingUpdate(strategy.rollingUpdate)
  spec.strategy = strategy
  spec.revisionHistoryLimit ??= 10
  spec.progressDeadlineSeconds ??= 600
  spec.template = defaultPodTemplateSpec(spec.template)
  return { ...d, spec }
}

/** defaultReplicaSet returns a new ReplicaSet with SetObjectDefaults_ReplicaSet applied; the input is untouched. */
export function defaultReplicaSet(rs: ReplicaSet): ReplicaSet {
  const spec = { ...(rs.spec ?? {}) } as ReplicaSet['spec'] & object
  spec.replicas ??= 1
  spec.template = defaultPodTemplateSpec(spec.template)
  return { ...rs, spec }
}
