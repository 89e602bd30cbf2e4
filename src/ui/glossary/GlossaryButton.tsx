/**
 * The "Glossary" button: it owns the dialog's open state, loads the dialog on first open, and takes focus back when
 * the dialog closes.
 */
import { Suspense, lazy, useRef, useState } from 'react'

const GlossaryDialog = lazy(() => import('./GlossaryDialog.tsx'))

export function GlossaryButton({ className }: { className?: string }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  return (
    <>
      <button ref={button} type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>Glossary</button>
      {open && <Suspense fallback={null}><GlossaryDialog onClose={close} /></Suspense>}
    </>
  )
}
