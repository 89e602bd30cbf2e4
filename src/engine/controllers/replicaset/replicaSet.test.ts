/**
 * Cases follow kubernetes/kubernetes pkg/controller/replicaset/replica_set.go (manageReplicas, getPodsToDelete,
 * getPodsRankedByRelatedPodsOnSameNode, getIndirectlyRelatedPods) and pkg/controller/controller_ref_manager.go
 * ClaimObject. They are podbirth's own cases, written from upstream's rules, not ports of an upstream table.
 */
import { describe, expect, it } from 'vitest'
import type { Pod, ReplicaSet } from '../../api/types.ts'
import {
  BurstReplicas, claimPods, getIndirectlyRelatedPods, getPodsRankedByRelatedPodsOnSameNode, getPodsToDelete,
  manageReplicas,
} from './replicaSet.ts'

const now = '2026-03-15T12:00:00Z'
const deployRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true,
  blockOwnerDeletion: true }

function rs(name: string, replicas: number, extra: Partial<NonNullable<ReplicaSet['metadata']>> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ownerReferences: [deployRef], ...extra },
    spec: {
      replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': name } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    },
  }
}

function pod(name: string, owner: ReplicaSet | undefined, node: string,
  opts: { ready?: boolean; labels?: Record<string, string>; created?: string } = {}): Pod {
  const labels = opts.labels ?? { ...owner?.spec?.selector?.matchLabels }
  return {
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, labels, creationTimestamp: opts.created ?? '2026-03-15T11:00:00Z',
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner.metadata?.name ?? '',
        uid: owner.metadata?.uid ?? '', controller: true }] } : {}),
    },
    spec: { containers: [], nodeName: node },
    status: { phase: node ? 'Running' : 'Pending',
      ...(opts.ready !== false && node ? { conditions: [{ type: 'Ready', status: 'True',
      lastTransitionTime: '2026-03-15T11:00:10Z' }] } : {}) },
  }
}

describe('claimPods (ClaimObject)', () => {
  const a = rs('web-a', 2)
  const other = rs('web-b', 1)

  it('claims its own matching pods, adopts matching orphans, releases non-matching, ignores others', () => {
    const mine = pod('mine', a, 'n1')
    const orphan = pod('orphan', undefined, 'n1', { labels: { app: 'web', 'pod-template-hash': 'web-a' } })
    const relabelled = pod('relabelled', a, 'n1', { labels: { app: 'other' } })
    const theirs = pod('theirs', other, 'n1', { labels: { app: 'web', 'pod-template-hash': 'web-a' } })
    const plan = claimPods(a, [mine, orphan, relabelled, theirs])
    expect(plan.claimed.map((p) => p.metadata?.name)).toEqual(['mine', 'orphan'])
    expect(plan.adopt.map((x) => x.patch)).toEqual([{
      metadata: {
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-a', uid: 'uid-web-a',
          controller: true, blockOwnerDeletion: true }],
        uid: 'uid-orphan',
      },
    }])
    expect(plan.release.map((x) => x.patch)).toEqual([
      { metadata: { ownerReferences: [{ $patch: 'delete', uid: 'uid-web-a' }], uid: 'uid-relabelled' } }])
  })

  it('neither adopts nor releases while the ReplicaSet is being deleted, but keeps what it owns', () => {
    const deleting = rs('web-a', 2, { deletionTimestamp: now })
    const mine = pod('mine', deleting, 'n1')
    const orphan = pod('orphan', undefined, 'n1', { labels: { app: 'web', 'pod-template-hash': 'web-a' } })
    const relabelled = pod('relabelled', deleting, 'n1', { labels: { app: 'other' } })
    const plan = claimPods(deleting, [mine, orphan, relabelled])
    expect(plan.claimed.map((p) => p.metadata?.name)).toEqual(['mine'])
    expect(plan.adopt).toEqual([])
    expect(plan.release).toEqual([])
  })

  it('does not adopt an orphan that is being deleted or in another namespace', () => {
    const labels = { app: 'web', 'pod-template-hash': 'web-a' }
    const gone = { ...pod('gone', undefined, 'n1', { labels }), metadata: { ...pod('gone', undefined, 'n1',
      { labels }).metadata, deletionTimestamp: now } }
    const elsewhere = { ...pod('elsewhere', undefined, 'n1', { labels }), metadata: { ...pod('elsewhere', undefined,
      'n1', { labels }).metadata, namespace: 'kube-system' } }
    expect(claimPods(a, [gone, elsewhere]).claimed).toEqual([])
  })
})

describe('manageReplicas', () => {
  it('creates the missing pods in slow-start batches, from the template with a controller reference', () => {
    const r = rs('web-5d4f8b7c9', 3)
    const plan = manageReplicas([], r, [], now)
    expect(plan).toMatchObject({ action: 'create', count: 3, batches: [1, 2] })
    if (plan.action !== 'create') throw new Error('expected create')
    expect(plan.pod.metadata).toEqual({
      generateName: 'web-5d4f8b7c9-',
      labels: { app: 'web', 'pod-template-hash': 'web-5d4f8b7c9' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d4f8b7c9',
        uid: 'uid-web-5d4f8b7c9', controller: true, blockOwnerDeletion: true }],
    })
  })

  it('caps creations at burstReplicas (500)', () => {
    const plan = manageReplicas([], rs('big', 1000), [], now)
    expect(plan).toMatchObject({ action: 'create', count: BurstReplicas })
  })

  it('does nothing at the desired count', () => {
    const r = rs('web-a', 1)
    expect(manageReplicas([pod('p', r, 'n1')], r, [], now)).toEqual({ action: 'none' })
  })

  it('deletes the surplus, preferring unscheduled, then not ready, then doubled-up pods', () => {
    const r = rs('web-a', 2)
    const ready1 = pod('ready-n1', r, 'n1')
    const ready2 = pod('ready-n2', r, 'n2')
    const doubled = pod('ready-n1-second', r, 'n1')
    const notReady = pod('not-ready', r, 'n3', { ready: false })
    const unscheduled = pod('unscheduled', r, '')
    const all = [ready1, ready2, doubled, notReady, unscheduled]
    const plan = manageReplicas(all, r, all, now)
    expect(plan.action === 'delete' && plan.pods.map((p) => p.metadata?.name)).toEqual(['unscheduled', 'not-ready',
      'ready-n1'])
  })
})

describe('getPodsToDelete / ranking', () => {
  it('returns the pods unsorted when all of them go', () => {
    const r = rs('web-a', 0)
    const pods = [pod('b', r, 'n1'), pod('a', r, '')]
    expect(getPodsToDelete(pods, pods, 2, now).map((p) => p.metadata?.name)).toEqual(['b', 'a'])
  })

  it('ranks each pod by the active related pods on its node (unassigned share the "" node)', () => {
    const r = rs('web-a', 0)
    const pods = [pod('x', r, 'n1'), pod('y', r, 'n2'), pod('z', r, '')]
    const related = [...pods, pod('old-1', undefined, 'n1'), pod('old-2', undefined, 'n1'), pod('old-3', undefined, '')]
    expect(getPodsRankedByRelatedPodsOnSameNode(pods, related).rank).toEqual([3, 1, 2])
  })

  it('counts pods of sibling ReplicaSets (same Deployment) as related', () => {
    const newRS = rs('web-new', 1)
    const oldRS = rs('web-old', 1)
    const standalone = rs('solo', 1, { ownerReferences: [] })
    const pods = [pod('n', newRS, 'n1'), pod('o', oldRS, 'n1'), pod('s', standalone, 'n1')]
    expect(getIndirectlyRelatedPods(newRS, [newRS, oldRS, standalone],
      pods).map((p) => p.metadata?.name)).toEqual(['n', 'o'])
    expect(getIndirectlyRelatedPods(standalone, [newRS, oldRS, standalone], pods)).toEqual([])
  })

  it('prefers deleting the pod doubled up with an old ReplicaSet pod during a rollout', () => {
    const newRS = rs('web-new', 1)
    const oldRS = rs('web-old', 1)
    const onShared = pod('new-on-n1', newRS, 'n1')
    const alone = pod('new-on-n2', newRS, 'n2')
    const related = [onShared, alone, pod('old-on-n1', oldRS, 'n1')]
    expect(getPodsToDelete([alone, onShared], related, 1, now).map((p) => p.metadata?.name)).toEqual(['new-on-n1'])
  })
})
