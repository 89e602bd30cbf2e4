import { useState, useSyncExternalStore } from 'react'
import { storageProblem, subscribeStorage } from '../../app/prefs.ts'
import type { StorageProblem } from '../../app/prefs.ts'

const SAY: Record<Exclude<StorageProblem, undefined>, string> = {
  blocked: 'This browser does not let podbirth keep site data, so your texts and choices will not be kept after '
    + 'this page closes or reloads (Share makes a link that keeps them).',
  full: 'This browser\'s storage for podbirth is full: your latest edit is on screen but was not kept, and a reload '
    + 'would lose it (Share makes a link that keeps it).',
}

/**
 * Says once, quietly, that nothing will be kept (site data blocked), or warns that an edit could not be kept (the
 * quota is full) instead of dropping it silently. Dismissed, a problem is not mentioned again in this page load.
 */
export function StorageNotice() {
  const problem = useSyncExternalStore(subscribeStorage, storageProblem, () => undefined)
  const [dismissed, setDismissed] = useState<StorageProblem[]>([])
  if (!problem || dismissed.includes(problem)) return null
  return (
    <p className="note storage-notice" role={problem === 'full' ? 'alert' : 'status'} data-problem={problem}>
      {SAY[problem]}{' '}
      <button type="button" onClick={() => setDismissed((d) => [...d, problem])}>OK</button>
    </p>
  )
}
