/**
 * InterPodAffinity's PreFilter counts (interpodaffinity/filtering.go: getExistingAntiAffinityCounts,
 * getIncomingAffinityAntiAffinityCounts, preFilterState.updateWithPod) and how they are kept between cycles.
 *
 * Upstream recounts every pod of the cluster in each PreFilter, over 16 workers. Here the counts a cycle computed
 * are remembered (keyed by what they depend on: the incoming pod's namespace and labels for the existing pods'
 * anti-affinity, the incoming pod's required terms for its own) and brought up to date from the cache's
 * PodChangeLog, so a cycle costs the pods placed since the last one with the same key, not every pod. The counts
 * are the same numbers upstream computes; only how they are reached differs.
 * Not remembered (recounted every cycle, as upstream): terms with a namespaceSelector (namespace labels change
 * outside the log), and any call on a node list other than the cache's.
 */
import type { Pod } from '../../api/types.ts'
import type { Handle } from '../framework/interface.ts'
import type { PodChange, PodChangeLog } from '../framework/podChangeLog.ts'
import { selectorMatches } from '../framework/selector.ts'
import type { AffinityTerm, NodeInfo, PodInfo } from '../framework/types.ts'

/**
 * topologyToMatchedTermCount: topology key → value → count. Upstream keys one map by the (key, value) pair; two
 * levels give the same counts without building a pair string for every lookup. An emptied inner map is removed,
 * so "no pair counted" is `size === 0` as upstream's len(map) == 0.
 */
export type Counts = Map<string, Map<string, number>>

export function inc(m: Counts, k: string, v: string, d: number): void {
  let inner = m.get(k)
  if (!inner) m.set(k, (inner = new Map()))
  const n = (inner.get(v) ?? 0) + d
  if (n !== 0) inner.set(v, n)
  else if (inner.delete(v) && inner.size === 0) m.delete(k)
}
export const count = (m: Counts, k: string, v: string): number => m.get(k)?.get(v) ?? 0
export const copyCounts = (m: Counts): Counts => new Map([...m].map(([k, inner]) => [k, new Map(inner)]))

/** Counts remembered from an earlier cycle, valid at `pos` of the log's `epoch`. */
interface Memo {
  epoch: number
  pos: number
  /** The counts were handed to a cycle's state: copy them before bringing them up to date. */
  shared: boolean
  /** A pod the counts were computed for (any pod with the same key gives the same counts). */
  pod: PodInfo
  existing: Counts
  affinity: Counts
  anti: Counts
}

/** How many keys of each kind are remembered (a few pod templates at a time). */
const MAX_MEMOS = 8

const hasNamespaceSelector = (terms: AffinityTerm[]): boolean => terms.some((t) => t.namespaceSelector !== null)

/** The key of the existing pods' anti-affinity counts: what of the incoming pod their terms read. */
const existingKey = (pod: Pod): string =>
  JSON.stringify([pod.metadata?.namespace ?? 'default', pod.metadata?.labels ?? {}])
/** The key of the incoming pod's counts: its required terms (namespaces already resolved). */
const incomingKey = (pi: PodInfo): string => JSON.stringify([pi.requiredAffinityTerms, pi.requiredAntiAffinityTerms]
  .map((terms) => terms.map((t) => [[...t.namespaces], t.selector, t.topologyKey])))

export class AffinityCounter {
  private readonly handle: Handle
  private readonly existingMemos = new Map<string, Memo>()
  private readonly incomingMemos = new Map<string, Memo>()

  constructor(handle: Handle) {
    this.handle = handle
  }

  /**
   * matches is termMatches(term, target, labels of target's namespace), reading the namespace's labels only when
   * the term has a namespaceSelector and the namespace is not listed, with the selectors parsed once.
   */
  matches(t: AffinityTerm, target: Pod): boolean {
    const ns = target.metadata?.namespace ?? 'default'
    if (!t.namespaces.has(ns)) {
      if (t.namespaceSelector === null) return false
      if (!selectorMatches(t.namespaceSelector, this.handle.namespaceLabels(ns))) return false
    }
    return selectorMatches(t.selector, target.metadata?.labels)
  }

  private matchesAll(terms: AffinityTerm[], target: Pod): boolean {
    for (let i = 0; i < terms.length; i++) if (!this.matches(terms[i], target)) return false
    return true
  }

  /** countExisting: `existing`'s required anti-affinity terms that match `pod`, by the node's topology value. */
  countExisting(into: Counts, pod: PodInfo, existing: PodInfo, labels: Record<string, string>, sign: number): void {
    for (const t of existing.requiredAntiAffinityTerms) {
      const v = labels[t.topologyKey]
      if (v !== undefined && this.matches(t, pod.pod)) inc(into, t.topologyKey, v, sign)
    }
  }

  /**
   * countIncoming: the incoming pod's required affinity (counted only if `existing` matches all its terms) and
   * required anti-affinity terms that `existing`, on a node with `labels`, matches.
   */
  countIncoming(
    affinity: Counts, anti: Counts, pod: PodInfo, existing: PodInfo, labels: Record<string, string>, sign: number,
  ): void {
    const aff = pod.requiredAffinityTerms
    if (aff.length > 0 && this.matchesAll(aff, existing.pod)) {
      for (const t of aff) {
        const v = labels[t.topologyKey]
        if (v !== undefined) inc(affinity, t.topologyKey, v, sign)
      }
    }
    const terms = pod.requiredAntiAffinityTerms
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]
      const v = labels[t.topologyKey]
      if (v !== undefined && this.matches(t, existing.pod)) inc(anti, t.topologyKey, v, sign)
    }
  }

  /** The existing pods' anti-affinity counts for `pod`, and whether they are shared with a memo (copy to change). */
  existingCounts(pod: PodInfo, nodes: NodeInfo[]): { counts: Counts; shared: boolean } {
    const log = this.logFor(nodes)
    const key = log ? existingKey(pod.pod) : ''
    const m = log ? this.current(this.existingMemos, key, log, (c, memo) => {
      if (hasNamespaceSelector(c.pod.requiredAntiAffinityTerms)) return false
      this.countExisting(memo.existing, memo.pod, c.pod, c.node.labels, c.sign)
      return true
    }) : null
    if (m) return { counts: m.existing, shared: true }
    const counts: Counts = new Map()
    let nsSelector = false
    for (const node of this.handle.nodesWithRequiredAntiAffinityPods()) {
      for (const ex of node.podsWithRequiredAntiAffinity) {
        if (!nsSelector && hasNamespaceSelector(ex.requiredAntiAffinityTerms)) nsSelector = true
        this.countExisting(counts, pod, ex, node.labels, 1)
      }
    }
    if (!log || nsSelector) return { counts, shared: false }
    const memo: Memo = { epoch: log.epoch, pos: log.end, shared: true, pod, existing: counts, affinity: new Map(), anti: new Map() }
    this.remember(this.existingMemos, key, memo)
    return { counts, shared: true }
  }

  /** The incoming pod's affinity and anti-affinity counts over every pod on `nodes`. */
  incomingCounts(pod: PodInfo, nodes: NodeInfo[]): { affinity: Counts; anti: Counts; shared: boolean } {
    const own = hasNamespaceSelector(pod.requiredAffinityTerms) || hasNamespaceSelector(pod.requiredAntiAffinityTerms)
    const log = own ? null : this.logFor(nodes)
    const key = log ? incomingKey(pod) : ''
    const m = log ? this.current(this.incomingMemos, key, log, (c, memo) => {
      this.countIncoming(memo.affinity, memo.anti, memo.pod, c.pod, c.node.labels, c.sign)
      return true
    }) : null
    if (m) return { affinity: m.affinity, anti: m.anti, shared: true }
    const affinity: Counts = new Map()
    const anti: Counts = new Map()
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]
      const pods = node.pods
      for (let i = 0; i < pods.length; i++) this.countIncoming(affinity, anti, pod, pods[i], node.labels, 1)
    }
    if (!log) return { affinity, anti, shared: false }
    const memo: Memo = { epoch: log.epoch, pos: log.end, shared: true, pod, existing: new Map(), affinity, anti }
    this.remember(this.incomingMemos, key, memo)
    return { affinity, anti, shared: true }
  }

  /** The log, when `nodes` is the cache's own list (a subset or a copy is counted afresh). */
  private logFor(nodes: NodeInfo[]): PodChangeLog | null {
    const log = this.handle.podChanges?.() ?? null
    return log && nodes === this.handle.nodeInfos() ? log : null
  }

  /** current brings the memo under `key` up to date with `apply` per change; null when there is none to use. */
  private current(
    memos: Map<string, Memo>, key: string, log: PodChangeLog, apply: (c: PodChange, m: Memo) => boolean,
  ): Memo | null {
    const m = memos.get(key)
    if (!m) return null
    if (m.epoch !== log.epoch) {
      memos.delete(key)
      return null
    }
    if (m.pos !== log.end) {
      if (m.shared) {
        m.existing = copyCounts(m.existing)
        m.affinity = copyCounts(m.affinity)
        m.anti = copyCounts(m.anti)
        m.shared = false
      }
      let ok = true
      log.forEachSince(m.pos, (c) => {
        if (ok) ok = apply(c, m)
      })
      if (!ok) {
        memos.delete(key)
        return null
      }
      m.pos = log.end
    }
    m.shared = true
    return m
  }

  private remember(memos: Map<string, Memo>, key: string, m: Memo): void {
    memos.delete(key)
    if (memos.size >= MAX_MEMOS) memos.delete(memos.keys().next().value as string)
    memos.set(key, m)
  }
}
