/**
 * The scheduler cache: nodes (as NodeInfos) and the pods on them, including pods assumed on a node before their
 * binding is confirmed. Node order is upstream's nodeTree: nodes grouped by zone (region + zone labels), zones
 * in order of first appearance, listed round-robin across zones so that a partial scan spreads over zones.
 * Mirrors: pkg/scheduler/backend/cache/{cache.go,node_tree.go,snapshot.go}.
 */
import type { Node, Pod } from '../api/types.ts'
import { NodeInfo, PodInfo } from './framework/types.ts'
import type { ImageState } from './framework/types.ts'
import { PodChangeLog } from './framework/podChangeLog.ts'

const zoneKey = (labels: Record<string, string>): string => {
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? ''
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? ''
  return region === '' && zone === '' ? '' : region + ':\u0000:' + zone
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>()
  private readonly zones: string[] = []
  private readonly tree = new Map<string, string[]>()
  /** Pod key → the node it is on (assigned or assumed). */
  private readonly podNode = new Map<string, string>()
  private readonly assumed = new Set<string>()
  /** Pods assigned to nodes the cache has not seen yet. */
  private readonly orphans = new Map<string, PodInfo[]>()
  private readonly images = new Map<string, ImageState>()
  private list: NodeInfo[] | null = null
  private affinityList: NodeInfo[] | null = null
  private antiAffinityList: NodeInfo[] | null = null

  /** Pods put on and taken off nodes since the node set last changed (plugins count incrementally from it). */
  readonly podChanges = new PodChangeLog()

  private invalidate(): void {
    this.podChanges.newEpoch()
    this.list = null
    this.affinityList = null
    this.antiAffinityList = null
  }

  /** nodeInfos lists the nodes in nodeTree order (cached until a node is added or removed). */
  nodeInfos(): NodeInfo[] {
    if (this.list) return this.list
    const out: NodeInfo[] = []
    const idx = this.zones.map(() => 0)
    let left = [...this.tree.values()].reduce((n, l) => n + l.length, 0)
    while (left > 0) {
      for (let z = 0; z < this.zones.length; z++) {
        const names = this.tree.get(this.zones[z]) as string[]
        if (idx[z] < names.length) {
          out.push(this.nodes.get(names[idx[z]++]) as NodeInfo)
          left--
        }
      }
    }
    return (this.list = out)
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name)
  }

  numNodes(): number {
    return this.nodes.size
  }

  nodesWithAffinityPods(): NodeInfo[] {
    return (this.affinityList ??= this.nodeInfos().filter((n) => n.podsWithAffinity.length > 0))
  }

  nodesWithRequiredAntiAffinityPods(): NodeInfo[] {
    return (this.antiAffinityList ??= this.nodeInfos().filter((n) => n.podsWithRequiredAntiAffinity.length > 0))
  }

  addNode(node: Node): NodeInfo {
    const name = node.metadata?.name ?? ''
    let ni = this.nodes.get(name)
    if (ni) return this.updateNode(node)
    ni = new NodeInfo(node)
    this.nodes.set(name, ni)
    this.addToTree(ni)
    this.setImages(ni, node)
    for (const pi of this.orphans.get(name) ?? []) ni.addPod(pi)
    this.orphans.delete(name)
    this.invalidate()
    return ni
  }

  updateNode(node: Node): NodeInfo {
    const name = node.metadata?.name ?? ''
    const ni = this.nodes.get(name)
    if (!ni) return this.addNode(node)
    const oldZone = zoneKey(ni.labels)
    ni.setNode(node)
    if (zoneKey(ni.labels) !== oldZone) {
      this.removeFromTree(name, oldZone)
      this.addToTree(ni)
    }
    this.setImages(ni, node)
    this.invalidate()
    return ni
  }

  removeNode(name: string): void {
    const ni = this.nodes.get(name)
    if (!ni) return
    this.removeFromTree(name, zoneKey(ni.labels))
    for (const st of ni.imageStates.values()) st.nodes.delete(name)
    this.nodes.delete(name)
    this.invalidate()
  }

  private addToTree(ni: NodeInfo): void {
    const z = zoneKey(ni.labels)
    let names = this.tree.get(z)
    if (!names) {
      this.tree.set(z, (names = []))
      this.zones.push(z)
    }
    names.push(ni.name)
  }

  private removeFromTree(name: string, z: string): void {
    const names = this.tree.get(z)
    if (!names) return
    const i = names.indexOf(name)
    if (i >= 0) names.splice(i, 1)
    if (names.length === 0) {
      this.tree.delete(z)
      this.zones.splice(this.zones.indexOf(z), 1)
    }
  }

  /** ImageStateSummary: every name of every image the node reports, sharing the count of nodes per name. */
  private setImages(ni: NodeInfo, node: Node): void {
    for (const st of ni.imageStates.values()) st.nodes.delete(ni.name)
    ni.imageStates = new Map()
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) {
        let st = this.images.get(n)
        if (!st) this.images.set(n, (st = { size: img.sizeBytes ?? 0, nodes: new Set() }))
        st.nodes.add(ni.name)
        ni.imageStates.set(n, st)
      }
    }
  }

  isAssumed(key: string): boolean {
    return this.assumed.has(key)
  }

  nodeOf(key: string): string | undefined {
    return this.podNode.get(key)
  }

  /** assumePod puts the pod on the node before binding, so the next cycle already counts it. */
  assumePod(pi: PodInfo, nodeName: string): void {
    this.placePod(pi, nodeName)
    this.assumed.add(pi.key)
  }

  forgetPod(key: string): void {
    if (!this.assumed.has(key)) return
    this.assumed.delete(key)
    this.unplacePod(key)
  }

  /** addPod records an assigned pod seen by the informer (confirming an assumed one). */
  addPod(pod: Pod): PodInfo {
    const pi = new PodInfo(pod)
    const node = pod.spec?.nodeName ?? ''
    this.assumed.delete(pi.key)
    this.unplacePod(pi.key)
    this.placePod(pi, node)
    return pi
  }

  removePod(key: string): void {
    this.assumed.delete(key)
    this.unplacePod(key)
  }

  private placePod(pi: PodInfo, nodeName: string): void {
    this.podNode.set(pi.key, nodeName)
    const ni = this.nodes.get(nodeName)
    if (ni) {
      ni.addPod(pi)
      this.podChanges.push(pi, ni, 1)
      // The lists hold nodes, so they change only when a node gains its first such pod.
      if (pi.hasAffinity && ni.podsWithAffinity.length === 1) this.affinityList = null
      if (pi.requiredAntiAffinityTerms.length > 0 && ni.podsWithRequiredAntiAffinity.length === 1) {
        this.antiAffinityList = null
      }
    } else {
      const l = this.orphans.get(nodeName) ?? []
      l.push(pi)
      this.orphans.set(nodeName, l)
    }
  }

  private unplacePod(key: string): void {
    const nodeName = this.podNode.get(key)
    if (nodeName === undefined) return
    this.podNode.delete(key)
    const ni = this.nodes.get(nodeName)
    if (ni) {
      const had = ni.removePod(key)
      if (had) this.podChanges.push(had, ni, -1)
      // ... or loses its last one.
      if (had?.hasAffinity && ni.podsWithAffinity.length === 0) this.affinityList = null
      if (had && had.requiredAntiAffinityTerms.length > 0 && ni.podsWithRequiredAntiAffinity.length === 0) {
        this.antiAffinityList = null
      }
    } else {
      const l = this.orphans.get(nodeName)
      if (l) this.orphans.set(nodeName, l.filter((p) => p.key !== key))
    }
  }
}
