import { describe, expect, it } from 'vitest'
import { loadCluster } from './index.ts'
import { errorPath, fieldPath, schedulerSummary } from './schedulerSummary.ts'

const NODE = `apiVersion: v1
kind: Node
metadata: {name: n1}
---
`
const summaryOf = (text: string) => {
  const spec = loadCluster(text, 'cluster.yaml')
  if ('error' in spec) throw new Error(spec.error)
  return schedulerSummary(spec.schedulerConfig, text)
}

describe('schedulerSummary', () => {
  it('without a configuration: the default profile, LeastAllocated', () => {
    expect(summaryOf(NODE)).toEqual({
      configured: false, profiles: [{ schedulerName: 'default-scheduler', scoringStrategy: 'LeastAllocated' }],
    })
  })

  it('names each profile and its NodeResourcesFit scoring strategy', () => {
    const s = summaryOf(`${NODE}apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources: [{name: cpu, weight: 1}]
- schedulerName: spread
`)
    expect(s.profiles).toEqual([
      { schedulerName: 'default-scheduler', scoringStrategy: 'MostAllocated' },
      { schedulerName: 'spread', scoringStrategy: 'LeastAllocated' },
    ])
    expect(s.error).toBeUndefined()
  })

  it('a filter plugin that is not one: kube-scheduler\'s error at the plugin\'s name in the file', () => {
    // tests/fixtures/bad-scheduler-config.yaml after a Node document.
    const s = summaryOf(`${NODE}apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  plugins:
    filter:
      enabled:
      - name: PrioritySort
`)
    expect(s.profiles).toEqual([])
    expect(s.error).toEqual({
      message: 'initializing profiles: creating profile for scheduler name default-scheduler: '
        + 'plugin "PrioritySort" does not extend FilterPlugin plugin',
      line: 12, column: 15,
    })
  })

  it('a field error (validation.go) points at its field', () => {
    const s = summaryOf(`${NODE}apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: Fullest
`)
    expect(s.error?.message).toBe('profiles[0].pluginConfig[0].args.scoringStrategy.type: Unsupported value: '
      + '"Fullest": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"')
    expect(s.error).toMatchObject({ line: 13, column: 15 })
  })

  it('a top-level field error points at its value', () => {
    const s = summaryOf(`${NODE}apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
podInitialBackoffSeconds: 5
podMaxBackoffSeconds: 2
`)
    expect(s.error).toMatchObject({ line: 8, column: 23 })
    expect(s.error?.message)
      .toBe('podMaxBackoffSeconds: Invalid value: 2: must be greater than or equal to PodInitialBackoffSeconds')
  })
})

describe('fieldPath and errorPath', () => {
  it('parses Go field paths', () => {
    expect(fieldPath('profiles[0].pluginConfig[12].args')).toEqual(['profiles', 0, 'pluginConfig', 12, 'args'])
  })
  it('finds an unknown field, a wrong apiVersion and a missing plugin', () => {
    const cfg = {
      kind: 'KubeSchedulerConfiguration',
      profiles: [{ schedulerName: 'a' }, { schedulerName: 'b', plugins: { score: { enabled: [{ name: 'Nope' }] } } }],
    }
    expect(errorPath(cfg, 'strict decoding error: unknown field "profiles[1].foo"')).toEqual(['profiles', 1, 'foo'])
    expect(errorPath(cfg, 'no kind "KubeSchedulerConfiguration" is registered for version "v2" in scheme "x"'))
      .toEqual(['apiVersion'])
    expect(errorPath(cfg, 'initializing profiles: creating profile for scheduler name b: '
      + 'ScorePlugin "Nope" does not exist'))
      .toEqual(['profiles', 1, 'plugins', 'score', 'enabled', 0, 'name'])
  })
})
