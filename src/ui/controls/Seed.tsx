import { useEffect, useState } from 'react'
import { useApp, validSeed } from '../../app/store.ts'

/** Says when the editors or the seed no longer match what the trace on screen came from. */
export function EditedSinceApply() {
  const edited = useApp((s) => !!s.applied && (s.text !== s.applied.manifest || s.clusterText !== s.applied.cluster || s.seed !== s.applied.seed || s.user !== (s.applied.user ?? '')))
  return <span className="edited" role="status">{edited ? 'edited since the last Apply' : ''}</span>
}

/** The seed of the simulation's random choices: change it and ties may break differently; keep it and the trace repeats. */
export function SeedInput() {
  const seed = useApp((s) => s.seed)
  const setSeed = useApp((s) => s.setSeed)
  const [draft, setDraft] = useState(String(seed))
  useEffect(() => setDraft(String(seed)), [seed])
  const ok = validSeed(draft) !== undefined
  return (
    <label className="seed" title="The simulation's random seed: the same manifest, cluster and seed give the same trace, step for step">Seed{' '}
      <input type="number" min={0} max={2 ** 31 - 1} step={1} value={draft} aria-invalid={!ok} aria-describedby={ok ? undefined : 'seed-error'}
        onChange={(e) => { setDraft(e.target.value); const v = validSeed(e.target.value); if (v !== undefined) setSeed(v) }}
        onBlur={() => setDraft(String(seed))} />
      {!ok && <span id="seed-error" className="seed-error">a whole number from 0 to 2147483647; seed {seed} stays</span>}
    </label>
  )
}
