/**
 * Colour by pod or by owner: with a Deployment of 10 replicas the lanes are hard to read by outcome alone, so each
 * step about a pod can take its pod's (or its ReplicaSet's) hue from a fixed palette (--hue-0 … --hue-9, defined
 * for both themes in styles/focus.css). Pure: the hue of every step and the legend's entries, once per trace.
 */
import type { TraceEvent } from '../../engine/events.ts'
import type { PodOwner } from '../../protocol/messages.ts'
import type { ColourBy } from '../../app/slices/focus.ts'
import type { Focus } from './focus.ts'

export const HUE_COUNT = 10
/** A step with no hue (about no pod, or a pod the legend does not list). */
export const NO_HUE = 255

export interface LegendEntry {
  label: string
  hue: number
  /** What clicking the entry focuses. */
  focus: Focus
  /** An owner's pods (names without their namespace), listed under it. */
  pods?: string[]
}

export interface Colouring {
  /** Each step's hue (0 … HUE_COUNT − 1), or NO_HUE. */
  hue: Uint8Array
  legend: LegendEntry[]
}

const short = (pod: string) => pod.slice(pod.indexOf('/') + 1)

/**
 * colouring gives each pod (mode `pod`) or each owner (mode `owner`; a pod without an owner is its own entry) a
 * hue in the order they first appear; `pods` are the trace's pods in story order, `owners` the worker's list.
 */
export function colouring(
  events: readonly TraceEvent[], mode: Exclude<ColourBy, 'component'>, pods: readonly string[],
  owners: readonly PodOwner[],
): Colouring {
  const ownerOf = new Map(owners.map((o) => [o.pod, o.owner]))
  // Story order first, then any pod only the worker's list has (one deleted before its story began).
  const inStory = new Set(pods)
  const all = [...pods, ...owners.map((o) => o.pod).filter((p) => !inStory.has(p))]
  const legend: LegendEntry[] = []
  const hueOfPod = new Map<string, number>()
  const entryOf = new Map<string, LegendEntry>()
  /** An owner's pods (namespace/name), for what clicking its entry focuses. */
  const podsOf = new Map<LegendEntry, string[]>()
  for (const pod of all) {
    const owner = mode === 'owner' ? ownerOf.get(pod) : undefined
    const key = owner ? `${owner.kind}/${owner.name}` : `pod/${pod}`
    let entry = entryOf.get(key)
    if (!entry) {
      const hue = legend.length % HUE_COUNT
      const label = owner ? `${owner.kind} ${owner.name}` : pod
      entry = owner
        ? { label, hue, focus: { kind: 'owner', name: label, pods: [] }, pods: [] }
        : { label: pod, hue, focus: { kind: 'pod', name: pod } }
      entryOf.set(key, entry)
      legend.push(entry)
    }
    if (entry.focus.kind === 'owner') {
      entry.pods?.push(short(pod))
      const list = podsOf.get(entry)
      if (list) list.push(pod)
      else podsOf.set(entry, [pod])
    }
    hueOfPod.set(pod, entry.hue)
  }
  for (const [entry, list] of podsOf) if (entry.focus.kind === 'owner') entry.focus = { ...entry.focus, pods: list }
  const hue = new Uint8Array(events.length).fill(NO_HUE)
  for (let i = 0; i < events.length; i++) {
    const p = events[i].pod
    if (p !== undefined) hue[i] = hueOfPod.get(p) ?? NO_HUE
  }
  return { hue, legend }
}
