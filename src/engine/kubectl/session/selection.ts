/** The parts of `kubectl get` and `describe` that read.ts (through the API server) and readObjects.ts (from stored
 * objects at a step) share: which types and names a selection asks for, and a listed object's kind. */
import type { KObject } from '../../api/types.ts'
import type { Selection } from '../cmd/parse.ts'
import type { SimulatedResource } from '../cmd/resources.ts'
import { SIMULATED } from '../cmd/resources.ts'
import type { KindTable } from '../printers/get/printGet.ts'

/** groups: the types asked for, in order, each with its names (none: all of them). */
export function groups(sel: Selection): { resource: SimulatedResource; names: string[] }[] {
  if ('types' in sel) return sel.types.map((resource) => ({ resource, names: sel.names }))
  const out: { resource: SimulatedResource; names: string[] }[] = []
  for (const ref of sel.refs) {
    const g = out.find((x) => x.resource === ref.resource)
    if (g) g.names.push(ref.name)
    else out.push({ resource: ref.resource, names: [ref.name] })
  }
  return out
}

/** table: one type's objects for printGet (the one cast where a resource name meets the union of tables). */
export const table = (resource: SimulatedResource, objects: KObject[]): KindTable => ({ kind: resource, objects }) as KindTable

/** withKind: a listed item carries no kind of its own in a real list; the printers of a mixed list need it. */
export function withKind(o: KObject, r: SimulatedResource): KObject {
  const info = SIMULATED[r]
  return { apiVersion: info.group ? `${info.group}/v1` : 'v1', kind: info.kind, ...o }
}
