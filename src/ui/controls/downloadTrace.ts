import { useApp } from '../../app/store.ts'
import { requestFullTrace } from '../../app/fullTrace.ts'
import type { Command } from '../../protocol/messages.ts'

/**
 * downloadTrace saves what is on screen as JSON: the scenario it came from (manifest, cluster file, seed), kubectl's
 * output and every step, in the shape `podbirth apply -o json` uses for `kubectl` and `trace`; with a console session,
 * its commands (`session`, as the app replays them) and what each printed (`commands`, as `podbirth run -o json`).
 * The steps are the worker's, whole (the page's copy leaves whole objects in the worker: worker/wire.ts).
 */
export async function downloadTrace(send: (cmd: Command) => void) {
  const whole = await requestFullTrace(send)
  const s = useApp.getState()
  const session = s.applied?.session ?? []
  const doc = {
    podbirth: __PODBIRTH_VERSION__, kubernetes: 'v1.35', scenario: s.applied, kubectl: s.kubectl,
    ...(session.length ? { session, commands: s.consoleResults } : {}), trace: whole ?? s.events,
  }
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `podbirth-trace-seed${s.applied?.seed ?? 1}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 5000)
}
