/**
 * The glossary page: a modal dialog named "Glossary" with a search box (term, other spellings and definition) and the
 * list of entries, each with its definition and a link to the Kubernetes docs. Focus stays inside while it is open
 * (a modal <dialog>, and Tab wraps around); Esc or Close closes it, and the opener puts focus back on its button.
 * The default export is lazy-loadable; GlossaryButton (GlossaryButton.tsx) loads it on first open.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { GLOSSARY, glossaryId, searchGlossary } from '../../engine/story/index.ts'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function GlossaryDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const headingId = useId()
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const shown = useMemo(() => searchGlossary(deferred), [deferred])

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    search.current?.focus()
  }, [])

  // The dialog owns the keyboard while open: the app's shortcuts (Space plays, arrows move the playhead, Esc leaves
  // presenter mode) must not act behind it. Esc itself closes the dialog (the browser's cancel); Tab wraps around.
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    e.stopPropagation()
    if (e.key !== 'Tab' || !ref.current) return
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
    if (items.length === 0) return
    const first = items[0]
    const last = items[items.length - 1]
    if (e.shiftKey && (document.activeElement === first || !ref.current.contains(document.activeElement))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog ref={ref} className="glossary" aria-labelledby={headingId} onClose={onClose} onKeyDown={onKeyDown}>
      <div className="glossary-head">
        <h2 id={headingId}>Glossary</h2>
        <input
          ref={search}
          type="search"
          className="glossary-search"
          aria-label="Search the glossary"
          placeholder="Search: watch, CNI, taint …"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="glossary-close" onClick={() => ref.current?.close()}>Close</button>
      </div>
      <p className="glossary-count" role="status">
        {shown.length === GLOSSARY.length ? `${GLOSSARY.length} terms` : `${shown.length} of ${GLOSSARY.length} terms`}
        {shown.length === 0 ? ': nothing matches.' : ''}
      </p>
      <dl className="glossary-list">
        {shown.map((e) => (
          <div key={e.term} id={glossaryId(e)} className="glossary-entry">
            <dt>{e.term}</dt>
            <dd>
              <p className="glossary-def">{e.definition}</p>
              {e.aliases.length > 0 && <p className="glossary-aliases">Also written: {e.aliases.join(', ')}</p>}
              <a href={e.docs} target="_blank" rel="noreferrer noopener" aria-label={`Kubernetes docs: ${e.term}`}>Kubernetes docs</a>
            </dd>
          </div>
        ))}
      </dl>
    </dialog>
  )
}

export default GlossaryDialog
