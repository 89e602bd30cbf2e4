import { useApp } from '../../app/store.ts'

/**
 * downloadTrace saves what is on screen as JSON: the scenario it came from (manifest, cluster file, seed), kubectl's
 * output and every step, in the shape `podbirth apply -o json` uses for `kubectl` and `trace`.
 */
export function downloadTrace() {
  const s = useApp.getState()
  const doc = { podbirth: __PODBIRTH_VERSION__, kubernetes: 'v1.35', scenario: s.applied, kubectl: s.kubectl, trace: s.events }
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `podbirth-trace-seed${s.applied?.seed ?? 1}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 5000)
}
