/**
 * The framework runtime: one profile's plugins per extension point, run in the profile's order.
 * Mirrors: pkg/scheduler/framework/runtime/framework.go (RunPreFilterPlugins, RunFilterPlugins,
 * RunPostFilterPlugins, RunPreScorePlugins, RunScorePlugins, RunReservePlugins*, RunPermitPlugins,
 * RunPreBindPlugins, RunBindPlugins, RunPostBindPlugins).
 *
 * Simplified: plugins run sequentially (upstream parallelises Filter and Score over 16 workers; the results are
 * the same, only the order in which feasible nodes are found differs, and ours is deterministic).
 */
import type { CycleState } from './cycleState.ts'
import type {
  BindPlugin, ClusterEvent, FilterPlugin, Handle, NodeToStatus, PermitPlugin, Plugin, PostBindPlugin, PostFilterPlugin,
  PostFilterResult, PreBindPlugin, PreEnqueuePlugin, PreFilterPlugin, PreScorePlugin, QueueSortPlugin, ReservePlugin,
  ScorePlugin, EnqueueExtensions,
} from './interface.ts'
import { Code, MAX_NODE_SCORE, MIN_NODE_SCORE, Status, isSuccess, newStatus, asError } from './status.ts'
import type { MaybeStatus } from './status.ts'
import type { NodeInfo, PodInfo } from './types.ts'
import type { PluginOutcome } from './record.ts'

/** The extension points, each with the method that marks a plugin as implementing it and upstream's interface name. */
export const EXTENSION_POINTS = {
  preEnqueue: { method: 'preEnqueue', iface: 'PreEnqueuePlugin' },
  queueSort: { method: 'less', iface: 'QueueSortPlugin' },
  preFilter: { method: 'preFilter', iface: 'PreFilterPlugin' },
  filter: { method: 'filter', iface: 'FilterPlugin' },
  postFilter: { method: 'postFilter', iface: 'PostFilterPlugin' },
  preScore: { method: 'preScore', iface: 'PreScorePlugin' },
  score: { method: 'score', iface: 'ScorePlugin' },
  reserve: { method: 'reserve', iface: 'ReservePlugin' },
  permit: { method: 'permit', iface: 'PermitPlugin' },
  preBind: { method: 'preBind', iface: 'PreBindPlugin' },
  bind: { method: 'bind', iface: 'BindPlugin' },
  postBind: { method: 'postBind', iface: 'PostBindPlugin' },
} as const
export type ExtensionPoint = keyof typeof EXTENSION_POINTS
export const EXTENSION_POINT_NAMES = Object.keys(EXTENSION_POINTS) as ExtensionPoint[]

export const implementsPoint = (p: Plugin, point: ExtensionPoint): boolean =>
  typeof (p as unknown as Record<string, unknown>)[EXTENSION_POINTS[point].method] === 'function'

/** A resolved profile: the plugins enabled at each extension point, in order, with score weights. */
export interface ResolvedProfile {
  schedulerName: string
  points: Record<ExtensionPoint, string[]>
  weights: Map<string, number>
  args: Map<string, unknown>
  percentageOfNodesToScore: number | null
}

export type PluginFactory = (args: unknown, handle: Handle) => Plugin
export type Registry = Map<string, PluginFactory>

export interface ScoredPlugin {
  plugin: string
  weight: number
  /** Raw scores per node (a copy, only when recording and the plugin normalizes; else they are `normalized`). */
  raw: number[] | null
  normalized: number[]
}

/**
 * kept returns the array `last` holds for `plugin` when `scores` equal it, else `scores` (held from now on): records
 * are never written once made, and a plugin often scores every node alike cycle after cycle (ImageLocality,
 * TaintToleration on a uniform cluster), so a run's records share those arrays.
 */
function kept(last: Map<string, number[]>, plugin: string, scores: number[]): number[] {
  const prev = last.get(plugin)
  if (prev && prev.length === scores.length) {
    let i = 0
    while (i < scores.length && prev[i] === scores[i]) i++
    if (i === scores.length) return prev
  }
  last.set(plugin, scores)
  return scores
}

export class Framework {
  readonly profileName: string
  readonly percentageOfNodesToScore: number | null
  readonly plugins = new Map<string, Plugin>()
  readonly preEnqueue: PreEnqueuePlugin[]
  readonly queueSort: QueueSortPlugin
  readonly preFilter: PreFilterPlugin[]
  readonly filter: FilterPlugin[]
  readonly filterIndex = new Map<string, number>()
  readonly postFilter: PostFilterPlugin[]
  readonly preScore: PreScorePlugin[]
  readonly score: { plugin: ScorePlugin; weight: number }[]
  readonly reserve: ReservePlugin[]
  readonly permit: PermitPlugin[]
  readonly preBind: PreBindPlugin[]
  readonly bind: BindPlugin[]
  readonly postBind: PostBindPlugin[]
  /** The cluster events each plugin registered (EnqueueExtensions), for moving unschedulable pods. */
  readonly events = new Map<string, ClusterEvent[]>()
  /** The raw and normalized scores each plugin's record kept last cycle (see kept). */
  private readonly lastRaw = new Map<string, number[]>()
  private readonly lastNormalized = new Map<string, number[]>()

  /** Throws Error with kube-scheduler's message when the profile cannot be built. */
  constructor(profile: ResolvedProfile, registry: Registry, handle: Handle) {
    this.profileName = profile.schedulerName
    this.percentageOfNodesToScore = profile.percentageOfNodesToScore
    const all = new Set<string>()
    for (const p of EXTENSION_POINT_NAMES) for (const n of profile.points[p]) all.add(n)
    for (const name of all) {
      const factory = registry.get(name)
      if (!factory) throw new Error(`${name} does not exist`)
      try {
        this.plugins.set(name, factory(profile.args.get(name), handle))
      } catch (e) {
        throw new Error(`initializing plugin "${name}": ${(e as Error).message}`)
      }
      const ee = this.plugins.get(name) as unknown as Partial<EnqueueExtensions>
      if (typeof ee.eventsToRegister === 'function') this.events.set(name, ee.eventsToRegister())
    }
    const list = <T>(point: ExtensionPoint): T[] => profile.points[point].map((n) => {
      const p = this.plugins.get(n) as Plugin
      if (!implementsPoint(p, point)) throw new Error(`plugin "${n}" does not extend ${EXTENSION_POINTS[point].iface} plugin`)
      return p as T
    })
    this.preEnqueue = list('preEnqueue')
    const qs = list<QueueSortPlugin>('queueSort')
    if (qs.length !== 1) throw new Error(`only one queue sort plugin required for profile with scheduler name "${profile.schedulerName}", but got ${qs.length}`)
    this.queueSort = qs[0]
    this.preFilter = list('preFilter')
    this.filter = list('filter')
    this.filter.forEach((p, i) => this.filterIndex.set(p.name, i))
    this.postFilter = list('postFilter')
    this.preScore = list('preScore')
    this.score = list<ScorePlugin>('score').map((p) => {
      // getScoreWeights: an unset (0) weight counts as 1.
      const w = profile.weights.get(p.name) ?? 0
      return { plugin: p, weight: w === 0 ? 1 : w }
    })
    this.reserve = list('reserve')
    this.permit = list('permit')
    this.preBind = list('preBind')
    this.bind = list('bind')
    if (this.bind.length === 0) throw new Error(`at least one bind plugin is needed for profile with scheduler name "${profile.schedulerName}"`)
    this.postBind = list('postBind')
  }

  hasScorePlugins(): boolean {
    return this.score.length > 0
  }

  /** RunPreEnqueuePlugins: the first plugin that does not return Success keeps the pod out of activeQ. */
  runPreEnqueuePlugins(pod: PodInfo): MaybeStatus {
    for (const p of this.preEnqueue) {
      const s = p.preEnqueue(pod)
      if (!isSuccess(s)) return (s as Status).withPlugin(p.name)
    }
    return null
  }

  /**
   * RunPreFilterPlugins (v1.35): Skip marks the plugin as skipped for Filter; UnschedulableAndUnresolvable stops at
   * once; Unschedulable is remembered and the rest still run (for preemption); node subsets are intersected and an
   * empty intersection is UnschedulableAndUnresolvable.
   */
  runPreFilterPlugins(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { nodeNames: Set<string> | null; status: MaybeStatus; pluginsWithNodes: string[] } {
    let nodeNames = null as Set<string> | null
    let returnStatus: MaybeStatus = null
    const pluginsWithNodes: string[] = []
    const rec = state.recorder?.record
    for (const p of this.preFilter) {
      const { result, status } = p.preFilter(state, pod, nodes)
      if (status && status.code === Code.Skip) {
        state.skipFilterPlugins.add(p.name)
        if (rec) {
          // Hot (most plugins Skip): the key added to the literal in place of a spread, the same JSON.
          const out: PluginOutcome = { plugin: p.name, status: 'Skip' }
          const message = status.message()
          if (message) out.message = message
          rec.preFilter.push(out)
        }
        continue
      }
      if (!isSuccess(status)) {
        const s = (status as Status).withPlugin(p.name)
        rec?.preFilter.push({ plugin: p.name, status: s.codeName, message: s.message() })
        if (s.code === Code.UnschedulableAndUnresolvable) return { nodeNames: null, status: s, pluginsWithNodes }
        if (s.code === Code.Unschedulable) { returnStatus = s; continue }
        return { nodeNames: null, status: asError(`running PreFilter plugin "${p.name}": ${s.message()}`).withPlugin(p.name), pluginsWithNodes }
      }
      const names = result?.nodeNames ?? null
      if (rec) {
        const out: PluginOutcome & { nodeNames?: string[] } = { plugin: p.name, status: 'Success' }
        if (names) out.nodeNames = [...names].sort()
        rec.preFilter.push(out)
      }
      if (names) {
        pluginsWithNodes.push(p.name)
        const prev: Set<string> | null = nodeNames
        nodeNames = prev ? new Set([...prev].filter((n: string) => names.has(n))) : new Set(names)
        if (nodeNames.size === 0) {
          const sorted = [...pluginsWithNodes].sort()
          const msg = sorted.length === 1 ? `node(s) didn't satisfy plugin ${sorted[0]}` : `node(s) didn't satisfy plugin(s) [${sorted.join(' ')}] simultaneously`
          return { nodeNames, status: newStatus(Code.UnschedulableAndUnresolvable, msg).withPlugin(p.name), pluginsWithNodes }
        }
      }
    }
    return { nodeNames, status: returnStatus, pluginsWithNodes }
  }

  /** RunFilterPlugins: the first plugin that does not return Success decides the node (runAllFilters=false). */
  runFilterPlugins(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const plugins = this.filtersToRun(state)
    for (let i = 0; i < plugins.length; i++) {
      const p = plugins[i]
      const s = p.filter(state, pod, node)
      if (s !== null && s.code !== Code.Success) {
        if (s.code !== Code.Unschedulable && s.code !== Code.UnschedulableAndUnresolvable) {
          return asError(`running "${p.name}" filter plugin: ${s.message()}`).withPlugin(p.name)
        }
        return s.withPlugin(p.name)
      }
    }
    return null
  }

  /**
   * filtersToRun: the Filter plugins PreFilter did not skip, worked out once per cycle rather than once per node
   * (the skip set only grows, during PreFilter, so its size tells whether the list is current).
   */
  private filtersToRun(state: CycleState): FilterPlugin[] {
    const skip = state.skipFilterPlugins
    const c = state.filterCache
    if (c !== null && c.owner === this && c.skip === skip && c.skipped === skip.size) return c.plugins
    const plugins = skip.size === 0 ? this.filter : this.filter.filter((p) => !skip.has(p.name))
    state.filterCache = { owner: this, skip, skipped: skip.size, plugins }
    return plugins
  }

  /** RunPostFilterPlugins: the first plugin that succeeds wins; otherwise the rejections' messages are joined. */
  runPostFilterPlugins(state: CycleState, pod: PodInfo, m: NodeToStatus): { result: PostFilterResult | null; status: Status } {
    const reasons: string[] = []
    let rejector: string | undefined
    let result: PostFilterResult | null = null
    const rec = state.recorder?.record
    for (const p of this.postFilter) {
      const { result: r, status } = p.postFilter(state, pod, m)
      if (isSuccess(status)) {
        rec?.postFilter.push({ plugin: p.name, status: 'Success', ...(r ? { nominatedNodeName: r.nominatedNodeName } : {}) })
        return { result: r, status: newStatus(Code.Success).withPlugin(p.name) }
      }
      const s = status as Status
      rec?.postFilter.push({ plugin: p.name, status: s.codeName, ...(s.message() ? { message: s.message() } : {}), ...(r ? { nominatedNodeName: r.nominatedNodeName } : {}) })
      if (s.code === Code.UnschedulableAndUnresolvable) {
        return { result: r, status: newStatus(Code.UnschedulableAndUnresolvable, ...s.reasons).withPlugin(p.name) }
      }
      if (s.code !== Code.Unschedulable) return { result: null, status: asError(s.message()).withPlugin(p.name) }
      reasons.push(...s.reasons)
      rejector ??= p.name
      // The last meaningful (non-noop) result wins.
      if (r) result = r
    }
    return { result, status: newStatus(Code.Unschedulable, ...reasons).withPlugin(rejector ?? '') }
  }

  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): MaybeStatus {
    const rec = state.recorder?.record
    for (const p of this.preScore) {
      const s = p.preScore(state, pod, nodes)
      if (s && s.code === Code.Skip) {
        state.skipScorePlugins.add(p.name)
        rec?.preScore.push({ plugin: p.name, status: 'Skip' })
        continue
      }
      if (!isSuccess(s)) {
        rec?.preScore.push({ plugin: p.name, status: (s as Status).codeName, message: (s as Status).message() })
        return asError(`running PreScore plugin "${p.name}": ${(s as Status).message()}`).withPlugin(p.name)
      }
      rec?.preScore.push({ plugin: p.name, status: 'Success' })
    }
    return null
  }

  /**
   * RunScorePlugins: raw score per node, NormalizeScore, range check [0, 100], × weight, summed per node.
   * A plugin whose PreScore returned Skip contributes nothing.
   */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { totals: number[]; plugins: ScoredPlugin[]; status: MaybeStatus } {
    const totals = new Array<number>(nodes.length).fill(0)
    const plugins: ScoredPlugin[] = []
    const keepRaw = state.recorder !== null
    // Only a full record keeps the whole arrays; a compact one copies a few entries out (keptOnly in record.ts).
    const share = state.recorder?.full === true
    for (const { plugin, weight } of this.score) {
      if (state.skipScorePlugins.has(plugin.name)) continue
      const scores = new Array<number>(nodes.length)
      for (let i = 0; i < nodes.length; i++) scores[i] = plugin.score(state, pod, nodes[i])
      // A plugin without NormalizeScore keeps its raw scores as they are: no copy (the tables read raw as normalized).
      const raw = keepRaw && plugin.normalizeScore ? scores.slice() : null
      if (plugin.normalizeScore) {
        const s = plugin.normalizeScore(state, pod, nodes, scores)
        if (!isSuccess(s)) return { totals, plugins, status: asError(`running Normalize on Score plugins: ${(s as Status).message()}`) }
      }
      for (let i = 0; i < nodes.length; i++) {
        const v = scores[i]
        if (v > MAX_NODE_SCORE || v < MIN_NODE_SCORE) {
          return { totals, plugins, status: asError(`plugin "${plugin.name}" returns an invalid score ${v}, it should in the range of [${MIN_NODE_SCORE}, ${MAX_NODE_SCORE}] after normalizing`) }
        }
        totals[i] += v * weight
      }
      // A full record keeps the cycle's arrays: shared with the last record's when equal (see kept).
      const normalized = share ? kept(this.lastNormalized, plugin.name, scores) : scores
      plugins.push({ plugin: plugin.name, weight, raw: raw && share ? kept(this.lastRaw, plugin.name, raw) : raw, normalized })
    }
    return { totals, plugins, status: null }
  }

  runReservePluginsReserve(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus {
    for (const p of this.reserve) {
      const s = p.reserve(state, pod, nodeName)
      if (!isSuccess(s)) return (s as Status).withPlugin(p.name)
    }
    return null
  }

  /** RunReservePluginsUnreserve runs in reverse order. */
  runReservePluginsUnreserve(state: CycleState, pod: PodInfo, nodeName: string): void {
    for (let i = this.reserve.length - 1; i >= 0; i--) this.reserve[i].unreserve(state, pod, nodeName)
  }

  runPermitPlugins(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus {
    for (const p of this.permit) {
      const { status } = p.permit(state, pod, nodeName)
      if (!isSuccess(status)) return (status as Status).withPlugin(p.name)
    }
    return null
  }

  runPreBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus {
    for (const p of this.preBind) {
      const s = p.preBind(state, pod, nodeName)
      if (!isSuccess(s)) return (s as Status).withPlugin(p.name)
    }
    return null
  }

  /** RunBindPlugins: the first bind plugin that does not Skip binds; `done` gets its result. */
  runBindPlugins(state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus, plugin: string) => void): void {
    const next = (i: number): void => {
      if (i >= this.bind.length) return done(newStatus(Code.Skip), '')
      const p = this.bind[i]
      let settled = false
      const r = p.bind(state, pod, nodeName, (s) => {
        if (settled) return
        settled = true
        if (s && s.code === Code.Skip) return next(i + 1)
        done(s, p.name)
      })
      if (r === 'pending' || settled) return
      settled = true
      if (r && r.code === Code.Skip) return next(i + 1)
      done(r, p.name)
    }
    next(0)
  }

  runPostBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): void {
    for (const p of this.postBind) p.postBind(state, pod, nodeName)
  }
}

