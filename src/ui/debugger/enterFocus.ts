/** enterFocus focuses the lanes, the log and the views on a pod, node or owner, and moves the playhead with it. */
import { useApp } from '../../app/store.ts'
import { concernMask, followFocus } from './focus.ts'
import type { Focus } from './focus.ts'

export function enterFocus(focus: Focus | undefined): void {
  const st = useApp.getState()
  st.setFocus(focus)
  if (!focus || st.events.length === 0) return
  const to = followFocus(concernMask(focus, st.events), st.selected)
  if (to !== st.selected && to >= 0) st.select(to)
}
