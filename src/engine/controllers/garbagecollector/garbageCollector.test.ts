/**
 * Cases follow kubernetes/kubernetes pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem's
 * switch (solid / dangling / waitingForDependentsDeletion) and the propagation policy it picks; podbirth's own
 * cases, written from upstream's rules.
 */
import { describe, expect, it } from 'vitest'
import type { KObject, OwnerReference } from '../../api/types.ts'
import {
  attemptToDeleteItem, backgroundCascade, classifyReferences, foregroundBlockers, orphanDependents,
} from './garbageCollector.ts'

const ref = (kind: string, name: string, extra: Partial<OwnerReference> = {}): OwnerReference =>
  ({ apiVersion: kind === 'Deployment' || kind === 'ReplicaSet' ? 'apps/v1' : 'v1', kind, name, uid: `uid-${name}`,
    controller: true, blockOwnerDeletion: true, ...extra })

const obj = (kind: string, name: string, owners: OwnerReference[] = [], meta: Record<string,
  unknown> = {}): KObject => ({
  apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1', kind,
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '7', ownerReferences: owners, ...meta },
})

const deploy = obj('Deployment', 'web')
const rsA = obj('ReplicaSet', 'web-a', [ref('Deployment', 'web')])
const rsB = obj('ReplicaSet', 'web-b', [ref('Deployment', 'web')])
const pods = ['web-a-1', 'web-a-2'].map((n) => obj('Pod', n, [ref('ReplicaSet', 'web-a')]))
  .concat([obj('Pod', 'web-b-1', [ref('ReplicaSet', 'web-b')])])
const bystander = obj('Pod', 'solo')

describe('backgroundCascade (Deployment → ReplicaSets → Pods)', () => {
  it('deletes the ReplicaSets in wave 1 and their pods in wave 2, all Background, nothing else', () => {
    const steps = backgroundCascade([deploy, rsA, rsB, ...pods, bystander], 'uid-web')
    expect(steps.map((s) => [s.wave, s.object.metadata?.name,
      s.gc.action === 'delete' && s.gc.propagationPolicy])).toEqual([
      [1, 'web-a', 'Background'], [1, 'web-b', 'Background'],
      [2, 'web-a-1', 'Background'], [2, 'web-a-2', 'Background'], [2, 'web-b-1', 'Background'],
    ])
    expect(steps[0].gc).toEqual({ action: 'delete', propagationPolicy: 'Background',
      preconditions: { uid: 'uid-web-a', resourceVersion: '7' } })
  })

  it('only drops the reference of a dependent that has another live owner', () => {
    const shared = obj('Pod', 'shared', [ref('ReplicaSet', 'web-a'), ref('ReplicaSet', 'other', { controller: false })])
    const other = obj('ReplicaSet', 'other')
    const steps = backgroundCascade([rsA, other, shared], 'uid-web-a')
    expect(steps).toEqual([{ wave: 1, object: shared, gc: {
      action: 'removeOwnerReferences', ownerUids: ['uid-web-a'],
      patch: { metadata: { ownerReferences: [{ $patch: 'delete', uid: 'uid-web-a' }], uid: 'uid-shared' } },
    } }])
  })
})

describe('attemptToDeleteItem', () => {
  it('leaves an object with no owner references, or with every owner present', () => {
    expect(attemptToDeleteItem(bystander, [bystander])).toEqual({ action: 'none' })
    expect(attemptToDeleteItem(rsA, [deploy, rsA])).toEqual({ action: 'none' })
  })

  it('waits for an object already being deleted', () => {
    const deleting = obj('ReplicaSet', 'web-a', [ref('Deployment', 'web')],
      { deletionTimestamp: '2026-03-15T12:00:00Z' })
    expect(attemptToDeleteItem(deleting, [deleting])).toEqual({ action: 'none' })
  })

  it('honours the dependent\'s own orphan or foregroundDeletion finalizer', () => {
    const orphaning = obj('ReplicaSet', 'web-a', [ref('Deployment', 'web')], { finalizers: ['orphan'] })
    expect(attemptToDeleteItem(orphaning, [orphaning])).toMatchObject({ action: 'delete', propagationPolicy: 'Orphan' })
    const fg = obj('ReplicaSet', 'web-a', [ref('Deployment', 'web')], { finalizers: ['foregroundDeletion'] })
    expect(attemptToDeleteItem(fg, [fg])).toMatchObject({ action: 'delete', propagationPolicy: 'Foreground' })
  })

  it('deletes in the foreground a dependent whose owner waits on it and that has dependents of its own', () => {
    const owner = obj('Deployment', 'web', [], { deletionTimestamp: '2026-03-15T12:00:00Z',
      finalizers: ['foregroundDeletion'] })
    const world = [owner, rsA, ...pods]
    expect(classifyReferences(rsA, world).waitingForDependentsDeletion.map((r) => r.uid)).toEqual(['uid-web'])
    expect(attemptToDeleteItem(rsA, world)).toMatchObject({ action: 'delete', propagationPolicy: 'Foreground' })
    expect(foregroundBlockers(world, 'uid-web').map((o) => o.metadata?.name)).toEqual(['web-a'])
  })

  it('treats an owner reference whose uid matches nothing as dangling', () => {
    expect(classifyReferences(rsA, [rsA]).dangling.map((r) => r.name)).toEqual(['web'])
  })
})

describe('orphanDependents', () => {
  it('removes the owner\'s reference from each dependent', () => {
    expect(orphanDependents([deploy, rsA, rsB], 'uid-web').map((x) => x.patch)).toEqual([
      { metadata: { ownerReferences: [{ $patch: 'delete', uid: 'uid-web' }], uid: 'uid-web-a' } },
      { metadata: { ownerReferences: [{ $patch: 'delete', uid: 'uid-web' }], uid: 'uid-web-b' } },
    ])
  })
})
