/**
 * Narration with its glossary terms marked, the glossary loaded in a chunk of its own: until it is there, the text
 * shows as it is (nothing moves: the terms only gain their marks).
 */
import { Suspense, lazy } from 'react'

const WithTerms = lazy(() => import('./Terms.tsx').then((m) => ({ default: m.WithTerms })))

export function TermsText({ text }: { text: string }) {
  return <Suspense fallback={text}><WithTerms text={text} /></Suspense>
}
