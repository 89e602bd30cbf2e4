/**
 * Helpers the command checks share: typed flag values, and the builder's resource arguments as errors.
 * Mirrors kubernetes/kubectl pkg/cmd/util/helpers.go (GetResourcesAndPairs) and cli-runtime builder.go.
 */
import { errorText } from './cobra.ts'
import type { FlagValue } from './flags.ts'
import {
  refsOf,
  resourceTypeOrNameArgs,
  type ResourceArgs,
  type ResourceRef,
  type SimulatedResource,
} from './resources.ts'
import { fail, notSimulated, type CommandContext, type KubectlParse, type Selection } from './types.ts'

export const str = (v: Map<string, FlagValue>, name: string, def = ''): string => {
  const x = v.get(name)
  return typeof x === 'string' ? x : def
}
export const bool = (v: Map<string, FlagValue>, name: string, def = false): boolean => {
  const x = v.get(name)
  return typeof x === 'boolean' ? x : def
}
export const num = (v: Map<string, FlagValue>, name: string, def: number): number => {
  const x = v.get(name)
  return typeof x === 'number' ? x : def
}
export const strs = (v: Map<string, FlagValue>, name: string): string[] => {
  const x = v.get(name)
  return Array.isArray(x) ? x : []
}

export type Resolved = { ok: Selection } | { error: KubectlParse }

export function resolveArgs(args: readonly string[], allowEmptySelector: boolean): Resolved {
  const r: ResourceArgs = resourceTypeOrNameArgs(args, allowEmptySelector)
  if ('error' in r) return { error: fail(errorText(r.error)) }
  if ('notSimulated' in r) return { error: notSimulated(`the resource type "${r.notSimulated}"`) }
  return { ok: r }
}

/** targetsOf resolves TYPE NAME… / TYPE/NAME… and checks each target is one of the resources the verb takes. */
export function targetsOf(
  ctx: CommandContext,
  allowed: readonly SimulatedResource[],
): { ok: ResourceRef[] } | { error: KubectlParse } {
  const r = resolveArgs(ctx.args, false)
  if ('error' in r) return r
  const refs = refsOf(r.ok)
  const other = refs.find((ref) => !allowed.includes(ref.resource))
  if (other) return { error: notSimulated(`"${ctx.path}" of ${other.resource}`) }
  return { ok: refs }
}

/** GetResourcesAndPairs: resources first, then KEY=VALUE / KEY- pairs. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (pair) pairs.push(s)
    else if (pairs.length > 0) return `all resources must be specified before ${pairType} changes: ${s}`
    else resources.push(s)
  }
  return { resources, pairs }
}
