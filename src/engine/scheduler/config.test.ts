/**
 * KubeSchedulerConfiguration: merging with the default profile (defaults.go mergePluginSet, framework.go
 * expandMultiPointPlugins) and the errors kube-scheduler gives (validation.go, framework.go updatePluginList).
 */
import { describe, expect, it } from 'vitest'
import { loadSchedulerConfig } from './config.ts'
import type { SchedulerSettings } from './config.ts'

const cfg = (body: Record<string, unknown>) => ({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', ...body })
const ok = (body: Record<string, unknown>): SchedulerSettings => {
  const r = loadSchedulerConfig(cfg(body))
  if ('error' in r) throw new Error(r.error)
  return r.settings
}
const err = (body: Record<string, unknown>): string => {
  const r = loadSchedulerConfig(cfg(body))
  return 'error' in r ? r.error : 'no error'
}

describe('the default profile', () => {
  const s = loadSchedulerConfig(undefined)
  if ('error' in s) throw new Error(s.error)
  const p = s.settings.profiles[0]
  it('has upstream filter and score order and weights', () => {
    expect(p.schedulerName).toBe('default-scheduler')
    expect(p.points.filter).toEqual(['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeRestrictions', 'NodeVolumeLimits', 'VolumeBinding', 'VolumeZone', 'PodTopologySpread', 'InterPodAffinity', 'DynamicResources'])
    expect(p.points.score).toEqual(['TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity', 'NodeResourcesBalancedAllocation', 'ImageLocality'])
    expect(Object.fromEntries(p.weights)).toEqual({ TaintToleration: 3, NodeAffinity: 2, NodeResourcesFit: 1, PodTopologySpread: 2, InterPodAffinity: 2, NodeResourcesBalancedAllocation: 1, ImageLocality: 1 })
    expect(p.points.postFilter).toEqual(['DynamicResources', 'DefaultPreemption'])
    expect(p.points.preEnqueue).toEqual(['SchedulingGates'])
    expect(p.points.queueSort).toEqual(['PrioritySort'])
    expect(p.points.bind).toEqual(['DefaultBinder'])
    expect(s.settings).toMatchObject({ percentageOfNodesToScore: 0, podInitialBackoffSeconds: 1, podMaxBackoffSeconds: 10 })
  })
})

describe('changing the profile', () => {
  it('disables a plugin at one extension point only', () => {
    const p = ok({ profiles: [{ plugins: { score: { disabled: [{ name: 'ImageLocality' }] } } }] }).profiles[0]
    expect(p.points.score).not.toContain('ImageLocality')
    expect(p.points.filter).toContain('NodeResourcesFit')
  })

  it('disables every score plugin with "*" and enables one with a weight', () => {
    const p = ok({ profiles: [{ plugins: { score: { disabled: [{ name: '*' }], enabled: [{ name: 'NodeResourcesFit', weight: 5 }] } } }] }).profiles[0]
    expect(p.points.score).toEqual(['NodeResourcesFit'])
    expect(p.weights.get('NodeResourcesFit')).toBe(5)
  })

  it('re-weights a default plugin through multiPoint, keeping its place', () => {
    const p = ok({ profiles: [{ plugins: { multiPoint: { enabled: [{ name: 'ImageLocality', weight: 10 }] } } }] }).profiles[0]
    expect(p.points.score.at(-1)).toBe('ImageLocality')
    expect(p.weights.get('ImageLocality')).toBe(10)
  })

  it('a plugin enabled at a specific point goes before the multiPoint ones (override)', () => {
    const p = ok({ profiles: [{ plugins: { score: { enabled: [{ name: 'ImageLocality', weight: 7 }] } } }] }).profiles[0]
    expect(p.points.score[0]).toBe('ImageLocality')
    expect(p.points.score.filter((n) => n === 'ImageLocality')).toHaveLength(1)
    expect(p.weights.get('ImageLocality')).toBe(7)
  })

  it('percentageOfNodesToScore globally and per profile; backoff', () => {
    const s = ok({ percentageOfNodesToScore: 30, podInitialBackoffSeconds: 2, podMaxBackoffSeconds: 20, profiles: [{ percentageOfNodesToScore: 70 }] })
    expect(s.percentageOfNodesToScore).toBe(30)
    expect(s.profiles[0].percentageOfNodesToScore).toBe(70)
    expect(s.podInitialBackoffSeconds).toBe(2)
  })

  it('two profiles', () => {
    const s = ok({ profiles: [{ schedulerName: 'default-scheduler' }, { schedulerName: 'packer', pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated' } } }] }] })
    expect(s.profiles.map((p) => p.schedulerName)).toEqual(['default-scheduler', 'packer'])
    expect(s.profiles[1].args.get('NodeResourcesFit')).toEqual({ scoringStrategy: { type: 'MostAllocated' } })
  })
})

describe('invalid configurations', () => {
  const fw = 'initializing profiles: creating profile for scheduler name default-scheduler: '
  it('unknown plugin', () => {
    expect(err({ profiles: [{ plugins: { filter: { enabled: [{ name: 'Foo' }] } } }] })).toBe(`${fw}FilterPlugin "Foo" does not exist`)
    expect(err({ profiles: [{ plugins: { multiPoint: { enabled: [{ name: 'Bar' }] } } }] })).toBe(`${fw}PreFilterPlugin "Bar" does not exist`)
  })
  it('a plugin at an extension point it does not implement', () => {
    expect(err({ profiles: [{ plugins: { score: { enabled: [{ name: 'NodeName' }] } } }] })).toBe(`${fw}plugin "NodeName" does not extend ScorePlugin plugin`)
  })
  it('the same plugin twice', () => {
    expect(err({ profiles: [{ plugins: { filter: { disabled: [{ name: '*' }], enabled: [{ name: 'NodeName' }, { name: 'NodeName' }] } } }] })).toBe(`${fw}plugin "NodeName" already registered as "FilterPlugin"`)
  })
  it('no bind plugin, no queue sort plugin', () => {
    expect(err({ profiles: [{ plugins: { bind: { disabled: [{ name: '*' }] } } }] })).toBe(`${fw}at least one bind plugin is needed for profile with scheduler name "default-scheduler"`)
    expect(err({ profiles: [{ plugins: { queueSort: { disabled: [{ name: '*' }] } } }] })).toBe(`${fw}only one queue sort plugin required for profile with scheduler name "default-scheduler", but got 0`)
  })
  it('field validation', () => {
    expect(err({ percentageOfNodesToScore: 120 })).toBe('percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]')
    expect(err({ profiles: [{ percentageOfNodesToScore: -1 }] })).toBe('profiles[0].percentageOfNodesToScore: Invalid value: -1: not in valid range [0-100]')
    expect(err({ podInitialBackoffSeconds: 5, podMaxBackoffSeconds: 2 })).toBe('podMaxBackoffSeconds: Invalid value: 2: must be greater than or equal to PodInitialBackoffSeconds')
    expect(err({ profiles: [{ schedulerName: 'a' }, { schedulerName: 'a' }] })).toBe('profiles[1].schedulerName: Duplicate value: "profiles[0].schedulerName"')
  })
  it('plugin args', () => {
    expect(err({ profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'Random' } } }] }] }))
      .toBe('profiles[0].pluginConfig[0].args.scoringStrategy.type: Unsupported value: "Random": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"')
    expect(err({ profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { resources: [{ name: 'cpu', weight: 0 }] } } }] }] }))
      .toBe('profiles[0].pluginConfig[0].args.scoringStrategy.resources[0].weight: Invalid value: 0: resource weight of cpu not in valid range [1, 100]')
  })
  it('several errors are listed together; unknown fields are strict decoding errors', () => {
    expect(err({ percentageOfNodesToScore: 101, podInitialBackoffSeconds: 0 })).toBe('[percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100], podInitialBackoffSeconds: Invalid value: 0: must be greater than 0]')
    expect(err({ percentageOfNodes: 5 })).toBe('strict decoding error: unknown field "percentageOfNodes"')
  })
})
