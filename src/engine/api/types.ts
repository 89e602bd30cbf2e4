/**
 * Kubernetes object types. Field names come from the `kubernetes-types` package (generated from the
 * upstream OpenAPI); where v1.35 fields are newer than that package they are added here.
 * Objects are treated as immutable once written to etcd: replace, never mutate.
 */
import type * as apps from 'kubernetes-types/apps/v1'
import type * as core from 'kubernetes-types/core/v1'
import type * as meta from 'kubernetes-types/meta/v1'
import type * as rbac from 'kubernetes-types/rbac/v1'
import type * as scheduling from 'kubernetes-types/scheduling/v1'

export type ObjectMeta = meta.ObjectMeta
export type OwnerReference = meta.OwnerReference
export type LabelSelector = meta.LabelSelector
export type Status = meta.Status

export type Pod = core.Pod
export type PodSpec = core.PodSpec
export type PodStatus = core.PodStatus
export type PodCondition = core.PodCondition
export type Container = core.Container
export type ContainerStatus = core.ContainerStatus
export type ContainerState = core.ContainerState
export type ResourceRequirements = core.ResourceRequirements
export type Toleration = core.Toleration
export type Taint = core.Taint
export type Node = core.Node
export type NodeSpec = core.NodeSpec
export type NodeStatus = core.NodeStatus
export type NodeSelectorTerm = core.NodeSelectorTerm
export type NodeSelectorRequirement = core.NodeSelectorRequirement
export type Affinity = core.Affinity
export type Namespace = core.Namespace
export type ServiceAccount = core.ServiceAccount
export type ResourceQuota = core.ResourceQuota
export type LimitRange = core.LimitRange
export type Binding = core.Binding
export type KEvent = core.Event
export type ObjectReference = core.ObjectReference
export type Volume = core.Volume

export type Role = rbac.Role
export type ClusterRole = rbac.ClusterRole
export type RoleBinding = rbac.RoleBinding
export type ClusterRoleBinding = rbac.ClusterRoleBinding
export type PolicyRule = rbac.PolicyRule
export type Subject = rbac.Subject
export type PriorityClass = scheduling.PriorityClass

export type Deployment = apps.Deployment
export type DeploymentSpec = apps.DeploymentSpec
export type DeploymentStatus = apps.DeploymentStatus
export type DeploymentCondition = apps.DeploymentCondition
export type DeploymentStrategy = apps.DeploymentStrategy
export type ReplicaSet = apps.ReplicaSet
export type ReplicaSetSpec = apps.ReplicaSetSpec
export type ReplicaSetStatus = apps.ReplicaSetStatus
export type ReplicaSetCondition = apps.ReplicaSetCondition
export type PodTemplateSpec = core.PodTemplateSpec

/** KObject is any stored API object: apiVersion, kind and metadata, plus its own fields. */
export interface KObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  [field: string]: unknown
}

/** Quantity as written in YAML (`500m`, `1Gi`, `2`). */
export type Quantity = string

/** nsName returns "namespace/name" for an object (cluster-scoped objects: just the name). */
export function nsName(obj: { metadata?: ObjectMeta }): string {
  const m = obj.metadata ?? {}
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '')
}
