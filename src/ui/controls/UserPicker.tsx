/**
 * Who kubectl runs as: the kubeconfig's users (from the cluster file), or its current context's. Choosing `alice`
 * on the built-in cluster tells the RBAC story without writing a kubeconfig.
 */
import { useEffect, useRef } from 'react'
import { useApp } from '../../app/store.ts'
import type { Command } from '../../protocol/messages.ts'

export function UserPicker() {
  const user = useApp((s) => s.user)
  const users = useApp((s) => s.users)
  const current = useApp((s) => s.currentUser)
  const setUser = useApp((s) => s.setUser)
  // A user the cluster file no longer has stays listed (and kubectl will say it does not exist), so nothing is lost.
  const names = user && !users.includes(user) ? [...users, user] : users
  return (
    <label className="user-picker" title="The kubeconfig user kubectl runs as (kubectl --user)">User{' '}
      <select value={user} onChange={(e) => setUser(e.target.value)}>
        <option value="">{current ? `${current} (current context)` : 'the current context\'s'}</option>
        {names.filter((n) => n !== current).map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    </label>
  )
}

/**
 * Asks the worker for the cluster file's users whenever the file changes: after a pause in typing, at once when a
 * preset was picked (the worker brings that cluster up meanwhile, so an Apply right after it starts sooner).
 */
export function UsersFollower({ send }: { send(cmd: Command): void }) {
  const cluster = useApp((s) => s.clusterText)
  const preset = useApp((s) => s.clusterPreset)
  const picked = useRef(preset)
  useEffect(() => {
    const now = preset !== picked.current && preset !== 'custom'
    picked.current = preset
    const t = setTimeout(() => send({ type: 'users', cluster }), now ? 0 : 400)
    return () => clearTimeout(t)
  }, [cluster, preset, send])
  return null
}
