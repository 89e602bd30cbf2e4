import { useApp } from '../../app/store.ts'

/** After a shared link filled the editors: what the user had is kept until they restore or dismiss it. */
export function ReplacedByLink() {
  const prev = useApp((s) => s.replacedByLink)
  const restore = useApp((s) => s.restorePrevious)
  const dismiss = useApp((s) => s.dismissPrevious)
  if (!prev) return null
  return (
    <div className="replaced" role="status">
      You opened a scenario (a link or the gallery). The manifest, cluster file, seed and user you had before are kept:{' '}
      <button type="button" onClick={restore}>Restore what I had</button>{' '}
      <button type="button" onClick={dismiss}>Keep the shared one</button>
    </div>
  )
}
