/**
 * The grid's tooltips from a node's explanation. The lines themselves come from the engine
 * (engine/scheduler/explain/text.ts constraintText, via the worker): the app prints what `podbirth explain` prints.
 */
import type { NodeExplanation, PluginReason } from '../../engine/scheduler/explain/types.ts'

/** The lines that decided a plugin's verdict: a rejection's failing ones (all of them if none is marked failing). */
export function decisive(p: PluginReason): string[] {
  const all = p.lines.map((l) => l.text)
  if (p.verdict !== 'rejected') return all
  const failing = p.lines.filter((l) => l.failing).map((l) => l.text)
  return failing.length ? failing : all
}

/** cellTip: the tooltip of a grid cell: the plugin's reason and, when known, the constraints behind it. */
export function cellTip(node: string, plugin: string, value: string | undefined, x: NodeExplanation | undefined): string {
  if (value === undefined) return `${plugin} did not run on ${node} (an earlier plugin rejected it, or the walk stopped)`
  if (value === 'passed') return `${plugin} passed ${node}`
  const p = x?.plugins.find((q) => q.plugin === plugin)
  const why = p ? decisive(p) : []
  return `${plugin} rejected ${node}: ${value}${why.length ? ` — ${why.join('; ')}` : ''}`
}
