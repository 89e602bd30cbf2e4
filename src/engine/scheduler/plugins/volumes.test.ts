/**
 * The plugins podbirth passes through: the volume plugins (volumes are not simulated), DynamicResources (no
 * ResourceClaims), and DefaultBinder (which hands the binding to the scheduler's API client).
 */
import { describe, expect, it } from 'vitest'
import { CycleState } from '../framework/cycleState.ts'
import { PodInfo, cluster, codeName, filterAll, node, plugin, pod, schedule } from '../testing.ts'
import type { DynamicResources } from './DynamicResources.ts'

describe('volume plugins', () => {
  const c = cluster([node('n1')])
  it('VolumeRestrictions, NodeVolumeLimits and VolumeZone Skip and say why', () => {
    for (const name of ['VolumeRestrictions', 'NodeVolumeLimits', 'VolumeZone']) expect(filterAll(c, name, pod('p'))).toEqual({ n1: 'Skip' })
    const r = schedule(c, pod('p'))
    expect(r.state.recorder?.record.preFilter).toContainEqual({ plugin: 'VolumeZone', status: 'Skip', message: 'volumes are not simulated by podbirth' })
  })
  it('VolumeBinding: Skip without claims; a claim that does not exist is UnschedulableAndUnresolvable', () => {
    expect(filterAll(c, 'VolumeBinding', pod('p', { spec: { volumes: [{ name: 'tmp', emptyDir: {} }] } }))).toEqual({ n1: 'Skip' })
    expect(filterAll(c, 'VolumeBinding', pod('p', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } })))
      .toEqual({ n1: 'UnschedulableAndUnresolvable: persistentvolumeclaim "data" not found' })
  })
})

describe('DynamicResources', () => {
  it('skips a pod without claims; its PostFilter says so before preemption does', () => {
    const c = cluster([node('n1', { cpu: '1' })])
    expect(filterAll(c, 'DynamicResources', pod('p'))).toEqual({ n1: 'Skip' })
    const pf = plugin<DynamicResources>(c, 'DynamicResources').postFilter(new CycleState(), new PodInfo(pod('p')), { statuses: new Map(), absentStatus: null })
    expect(codeName(pf.status)).toBe('Unschedulable')
    // dynamicresources.go PostFilter (v1.35): `state.claims.empty()` ⇒ Unschedulable "no new claims to deallocate".
    expect(pf.status?.message()).toBe('no new claims to deallocate')
  })
})

describe('DefaultBinder', () => {
  it('asks the scheduler to bind through the API and waits for the answer', () => {
    const c = cluster([node('n1')])
    const bound: string[] = []
    c.core.actions.bind = (p, n, done) => { bound.push(`${p.key}→${n}`); done(null) }
    let result: string | null = null
    c.fwk.runBindPlugins(new CycleState(), new PodInfo(pod('p')), 'n1', (s, by) => { result = `${codeName(s)} by ${by}` })
    expect(bound).toEqual(['default/p→n1'])
    expect(result).toBe('Success by DefaultBinder')
  })
})
