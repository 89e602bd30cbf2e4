/**
 * Kept for existing importers: the whole `kubectl describe pod` now lives in ./describe/ (see its README).
 */
import type { Pod } from '../../api/types.ts'
import { describePod } from './describe/pod.ts'

export { describePod } from './describe/pod.ts'

/** describePodStatus is describePod without the Events section (describe --show-events=false), no final newline. */
export function describePodStatus(pod: Pod, nowMs = 0): string {
  return describePod(pod, undefined, nowMs).replace(/\n$/, '')
}
