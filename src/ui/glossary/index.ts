/** The glossary in the views: terms marked in narration, and the button that opens the glossary page. */
export { WithTerms, Term, splitTerms } from './Terms.tsx'
export type { TermPart } from './Terms.tsx'
export { GlossaryButton } from './GlossaryButton.tsx'
// GlossaryDialog.tsx is loaded on demand: lazy(() => import('./glossary/GlossaryDialog.tsx')).
