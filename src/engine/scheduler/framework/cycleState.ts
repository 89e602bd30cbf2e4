/**
 * CycleState is the per-cycle scratch space plugins share (framework.CycleState). Plugins write their
 * PreFilter/PreScore results under their own keys; the runtime keeps which plugins returned Skip.
 */
import type { FilterPlugin } from './interface.ts'
import type { CycleRecorder } from './record.ts'

export class CycleState {
  private readonly data = new Map<string, unknown>()
  /** Filter plugins whose PreFilter returned Skip: not run for this pod. */
  skipFilterPlugins = new Set<string>()
  /** Score plugins whose PreScore returned Skip: not run for this pod. */
  skipScorePlugins = new Set<string>()
  /** The recorder of this cycle's plugin calls (absent in preemption's dry runs). */
  recorder: CycleRecorder | null = null
  /** The runtime's list of Filter plugins to run, for the skip set of the size it was built from. */
  filterCache: { owner: object; skip: Set<string>; skipped: number; plugins: FilterPlugin[] } | null = null

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value)
  }

  /** clone copies the state; values with a clone() method are deep-copied (as StateData.Clone). */
  clone(): CycleState {
    const c = new CycleState()
    for (const [k, v] of this.data) {
      const cl = (v as { clone?: () => unknown } | null)?.clone
      c.data.set(k, typeof cl === 'function' ? cl.call(v) : v)
    }
    c.skipFilterPlugins = new Set(this.skipFilterPlugins)
    c.skipScorePlugins = new Set(this.skipScorePlugins)
    return c
  }
}
