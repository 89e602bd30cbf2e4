/**
 * The in-tree plugin registry and the v1.35 default profile (pkg/scheduler/framework/plugins/registry.go and
 * pkg/scheduler/apis/config/v1/default_plugins.go with DynamicResources before DefaultPreemption).
 */
import type { Handle } from '../framework/interface.ts'
import type { PluginFactory, Registry } from '../framework/runtime.ts'
import { SchedulingGates } from './SchedulingGates.ts'
import { PrioritySort } from './PrioritySort.ts'
import { NodeUnschedulable } from './NodeUnschedulable.ts'
import { NodeName } from './NodeName.ts'
import { TaintToleration } from './TaintToleration.ts'
import { NodeAffinity } from './NodeAffinity.ts'
import { NodePorts } from './NodePorts.ts'
import { NodeResourcesFit } from './NodeResourcesFit.ts'
import type { NodeResourcesFitArgs } from './NodeResourcesFit.ts'
import { NodeResourcesBalancedAllocation } from './NodeResourcesBalancedAllocation.ts'
import { ImageLocality } from './ImageLocality.ts'
import { PodTopologySpread } from './PodTopologySpread.ts'
import type { PodTopologySpreadArgs } from './PodTopologySpread.ts'
import { InterPodAffinity } from './InterPodAffinity.ts'
import type { InterPodAffinityArgs } from './InterPodAffinity.ts'
import { DefaultPreemption } from './DefaultPreemption.ts'
import type { DefaultPreemptionArgs } from './DefaultPreemption.ts'
import { DynamicResources } from './DynamicResources.ts'
import { DefaultBinder } from './DefaultBinder.ts'
import { VolumeBinding, nodeVolumeLimits, volumeRestrictions, volumeZone } from './volumes.ts'

export function inTreeRegistry(): Registry {
  return new Map<string, PluginFactory>([
    ['SchedulingGates', () => new SchedulingGates()],
    ['PrioritySort', () => new PrioritySort()],
    ['NodeUnschedulable', () => new NodeUnschedulable()],
    ['NodeName', () => new NodeName()],
    ['TaintToleration', () => new TaintToleration()],
    ['NodeAffinity', () => new NodeAffinity()],
    ['NodePorts', () => new NodePorts()],
    ['NodeResourcesFit', (args: unknown) => new NodeResourcesFit(args as NodeResourcesFitArgs)],
    ['VolumeRestrictions', volumeRestrictions],
    ['NodeVolumeLimits', nodeVolumeLimits],
    ['VolumeBinding', () => new VolumeBinding()],
    ['VolumeZone', volumeZone],
    ['PodTopologySpread', (args: unknown, h: Handle) => new PodTopologySpread(args as PodTopologySpreadArgs, h)],
    ['InterPodAffinity', (args: unknown, h: Handle) => new InterPodAffinity(args as InterPodAffinityArgs, h)],
    ['DynamicResources', () => new DynamicResources()],
    ['DefaultPreemption', (args: unknown, h: Handle) => new DefaultPreemption(args as DefaultPreemptionArgs, h)],
    ['NodeResourcesBalancedAllocation', (args: unknown) => new NodeResourcesBalancedAllocation(args as { resources?: { name: string; weight: number }[] })],
    ['ImageLocality', (_a: unknown, h: Handle) => new ImageLocality(h)],
    ['DefaultBinder', (_a: unknown, h: Handle) => new DefaultBinder(h)],
  ])
}

/** The default profile's multiPoint plugins, in upstream order, with their score weights. */
export const DEFAULT_MULTIPOINT: { name: string; weight?: number }[] = [
  { name: 'SchedulingGates' },
  { name: 'PrioritySort' },
  { name: 'NodeUnschedulable' },
  { name: 'NodeName' },
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodePorts' },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'VolumeRestrictions' },
  { name: 'NodeVolumeLimits' },
  { name: 'VolumeBinding' },
  { name: 'VolumeZone' },
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'DynamicResources' },
  { name: 'DefaultPreemption' },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
  { name: 'DefaultBinder' },
]
