import { describe, expect, it } from 'vitest'
import { schedulerConfigTypeError, schedulerConfigTypeErrorAt } from './configGuard.ts'
import { SCHEDULER_CONFIG_TREE } from '../api/schema/configTrees.ts'
import { EXTENSION_POINT_NAMES } from './framework/runtime.ts'

const cfg = (rest: Record<string, unknown>) =>
  ({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', ...rest })
const unmarshal = (what: string, where: string, type: string) =>
  `json: cannot unmarshal ${what} into Go struct field ${where} of type ${type}`

// Types from staging/src/k8s.io/kube-scheduler/config/v1/types.go; words from encoding/json's UnmarshalTypeError.
const TABLE: [string, Record<string, unknown>, string | undefined][] = [
  ['profiles: a string', { profiles: 'default' },
    unmarshal('string', 'KubeSchedulerConfiguration.profiles', '[]v1.KubeSchedulerProfile')],
  ['a profile that is a number', { profiles: [1] },
    unmarshal('number', 'KubeSchedulerConfiguration.profiles', 'v1.KubeSchedulerProfile')],
  ['plugins: a list', { profiles: [{ plugins: [] }] },
    unmarshal('array', 'KubeSchedulerProfile.profiles.plugins', 'v1.Plugins')],
  ['a plugin set that is a string', { profiles: [{ plugins: { filter: 'x' } }] },
    unmarshal('string', 'Plugins.profiles.plugins.filter', 'v1.PluginSet')],
  ['enabled: a mapping', { profiles: [{ plugins: { score: { enabled: {} } } }] },
    unmarshal('object', 'PluginSet.profiles.plugins.score.enabled', '[]v1.Plugin')],
  ['a plugin weight that is a string',
    { profiles: [{ plugins: { score: { enabled: [{ name: 'a', weight: '2' }] } } }] },
    unmarshal('string', 'Plugin.profiles.plugins.score.enabled.weight', 'int32')],
  ['a pluginConfig name that is a number', { profiles: [{ pluginConfig: [{ name: 1 }] }] },
    unmarshal('number', 'PluginConfig.profiles.pluginConfig.name', 'string')],
  ['a fractional percentageOfNodesToScore', { percentageOfNodesToScore: 50.5 },
    unmarshal('number 50.5', 'KubeSchedulerConfiguration.percentageOfNodesToScore', 'int32')],
  ['a leaseDuration that is a number (metav1.Duration: no field context)', { leaderElection: { leaseDuration: 15 } },
    'json: cannot unmarshal number into Go value of type string'],
  ['nulls are zero values', { profiles: [null, { plugins: null, pluginConfig: [null] }] }, undefined],
  ['args are any JSON', { profiles: [{ pluginConfig: [{ name: 'a', args: [1, 'x'] }] }] }, undefined],
]

describe('schedulerConfigTypeError', () => {
  for (const [name, rest, want] of TABLE) it(name, () => expect(schedulerConfigTypeError(cfg(rest))).toBe(want))

  it('knows every extension point kube-scheduler has', () => {
    expect(Object.keys(SCHEDULER_CONFIG_TREE.Plugins).sort()).toEqual(['multiPoint', ...EXTENSION_POINT_NAMES].sort())
  })

  it('names the line and column in the file', () => {
    const text = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n'
      + '- schedulerName: a\n  plugins:\n    filter: {enabled: [{name: 7}]}\n'
    const doc = { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration',
      profiles: [{ schedulerName: 'a', plugins: { filter: { enabled: [{ name: 7 }] } } }] }
    expect(schedulerConfigTypeErrorAt(doc, text)).toBe('at line 6, column 31: '
      + unmarshal('number', 'Plugin.profiles.plugins.filter.enabled.name', 'string'))
  })
})
