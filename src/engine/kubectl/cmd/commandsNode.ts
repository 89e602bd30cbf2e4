/**
 * The checks of the node and label commands: cordon, uncordon, drain, taint, label.
 * Mirrors kubernetes/kubectl (tag kubernetes-1.35.7): pkg/cmd/drain/drain.go (Complete), pkg/cmd/taint/taint.go
 * (Complete, Validate, validateFlags), pkg/cmd/taint/utils.go (parseTaints, parseTaint, validateTaintEffect),
 * pkg/cmd/label/label.go (Complete: GetResourcesAndPairs, parseLabels; Validate).
 */
import { labelValueErrors, qualifiedNameErrors } from '../../api/validation.ts'
import { errorText, usageErrorText } from './cobra.ts'
import { goQuote } from './flags.ts'
import { bool, num, resolveArgs, resourcesAndPairs, targetsOf } from './commandArgs.ts'
import { refsOf } from './resources.ts'
import { fail, notSimulated, type CommandContext, type KubectlParse, type TaintSpec } from './types.ts'

/** nodeNames: builder ResourceNames("nodes", args…): plain names, or TYPE/NAME of a node. */
function nodeNames(ctx: CommandContext, args: readonly string[]): { ok: string[] } | { error: KubectlParse } {
  const out: string[] = []
  for (const a of args) {
    if (!a.includes('/')) {
      out.push(a)
      continue
    }
    const r = resolveArgs([a], false)
    if ('error' in r) return r
    const ref = refsOf(r.ok)[0]
    if (!ref || ref.resource !== 'nodes') return { error: notSimulated(`"${ctx.path}" of ${ref?.resource ?? a}`) }
    out.push(ref.name)
  }
  return { ok: out }
}

export function nodeCommand(ctx: CommandContext, verb: 'cordon' | 'uncordon' | 'drain'): KubectlParse {
  if (ctx.args.length === 0) return fail(usageErrorText(`USAGE: ${verb} NODE [flags]`, ctx.path))
  const nodes = nodeNames(ctx, ctx.args)
  if ('error' in nodes) return nodes.error
  if (verb !== 'drain') return { command: { verb, nodes: nodes.ok, global: ctx.global } }
  const v = ctx.values
  return {
    command: {
      verb,
      nodes: nodes.ok,
      ignoreDaemonsets: bool(v, 'ignore-daemonsets'),
      deleteEmptydirData: bool(v, 'delete-emptydir-data'),
      force: bool(v, 'force'),
      gracePeriod: num(v, 'grace-period', -1),
      global: ctx.global,
    },
  }
}

/** parseTaint (taint/utils.go): `key=value:Effect`, `key:Effect` or `key`. */
function parseTaint(st: string): TaintSpec | string {
  const parts = st.split(':')
  let key: string
  let value = ''
  let effect: TaintSpec['effect'] = ''
  if (parts.length === 1) key = parts[0] ?? ''
  else if (parts.length === 2) {
    const e = parts[1] ?? ''
    if (e !== 'NoSchedule' && e !== 'PreferNoSchedule' && e !== 'NoExecute') {
      return `invalid taint effect: ${e}, unsupported taint effect`
    }
    effect = e
    const kv = (parts[0] ?? '').split('=')
    if (kv.length > 2) return `invalid taint spec: ${st}`
    key = kv[0] ?? ''
    if (kv.length === 2) {
      value = kv[1] ?? ''
      const errs = labelValueErrors(value)
      if (errs.length > 0) return `invalid taint spec: ${st}, ${errs.join('; ')}`
    }
  } else return `invalid taint spec: ${st}`
  const errs = qualifiedNameErrors(key)
  if (errs.length > 0) return `invalid taint spec: ${st}, ${errs.join('; ')}`
  return value !== '' ? { key, value, effect } : { key, effect }
}

export function taint(ctx: CommandContext): KubectlParse {
  const resources: string[] = []
  const taintArgs: string[] = []
  for (const s of ctx.args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-')
    if (isTaint) taintArgs.push(s)
    else if (taintArgs.length > 0) return fail(errorText(`all resources must be specified before taint changes: ${s}`))
    else resources.push(s)
  }
  if (resources.length < 1) return fail(errorText('one or more resources must be specified as <resource> <name>'))
  if (taintArgs.length < 1) return fail(errorText('at least one taint update is required'))
  const taintsToAdd: TaintSpec[] = []
  const taintsToRemove: TaintSpec[] = []
  for (const spec of taintArgs) {
    const removal = spec.endsWith('-')
    const t = parseTaint(removal ? spec.slice(0, -1) : spec)
    if (typeof t === 'string') return fail(usageErrorText(t, ctx.path))
    if (removal) {
      taintsToRemove.push({ key: t.key, effect: t.effect })
      continue
    }
    if (t.effect === '') return fail(usageErrorText(`invalid taint spec: ${spec}`, ctx.path))
    if (taintsToAdd.some((x) => x.key === t.key && x.effect === t.effect)) {
      // Go's %v of a Taint struct: {key value effect <nil>}.
      return fail(
        usageErrorText(
          `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`,
          ctx.path,
        ),
      )
    }
    taintsToAdd.push(t)
  }
  const type = (resources[0] ?? '').toLowerCase()
  const r = resolveArgs([type], true)
  if ('error' in r) return r.error
  if (!('types' in r.ok) || r.ok.types[0] !== 'nodes') {
    return fail(errorText(`invalid resource type ${type}, only node types are supported`))
  }
  const conflicts: string[] = []
  for (const add of taintsToAdd) {
    for (const rm of taintsToRemove) {
      if (add.key === rm.key && (rm.effect === '' || add.effect === rm.effect)) conflicts.push(`${rm.key}=${rm.effect}`)
    }
  }
  if (conflicts.length > 0) {
    return fail(
      errorText(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`),
    )
  }
  if (resources.length < 2) {
    return fail(errorText("at least one resource name must be specified since 'all' parameter is not set"))
  }
  const nodes = nodeNames(ctx, resources.slice(1))
  if ('error' in nodes) return nodes.error
  return {
    command: {
      verb: 'taint',
      nodes: nodes.ok,
      taintsToAdd,
      taintsToRemove,
      overwrite: bool(ctx.values, 'overwrite'),
      global: ctx.global,
    },
  }
}

export function label(ctx: CommandContext): KubectlParse {
  const split = resourcesAndPairs(ctx.args, 'label')
  if (typeof split === 'string') return fail(errorText(split))
  const labels: Array<[string, string]> = []
  const remove: string[] = []
  for (const spec of split.pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) return fail(errorText(`invalid label spec: ${spec}`))
      const errs = labelValueErrors(parts[1] ?? '')
      if (errs.length > 0) return fail(errorText(`invalid label value: ${goQuote(spec)}: ${errs.join(';')}`))
      labels.push([parts[0] ?? '', parts[1] ?? ''])
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else return fail(errorText(`unknown label spec: ${spec}`))
  }
  if (remove.some((k) => labels.some(([l]) => l === k))) {
    return fail(errorText('can not both modify and remove a label in the same command'))
  }
  if (split.resources.length === 0) {
    return fail(errorText('one or more resources must be specified as <resource> <name> or <resource>/<name>'))
  }
  if (labels.length === 0 && remove.length === 0) return fail(errorText('at least one label update is required'))
  const targets = targetsOf({ ...ctx, args: split.resources }, ['nodes', 'pods', 'deployments', 'replicasets'])
  if ('error' in targets) return targets.error
  return {
    command: {
      verb: 'label',
      targets: targets.ok,
      labels,
      remove,
      overwrite: bool(ctx.values, 'overwrite'),
      global: ctx.global,
    },
  }
}
