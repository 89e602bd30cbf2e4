/**
 * GLOSSARY: every entry, from the data files by area (control plane, scheduling, node), as one list sorted by term.
 */
import type { GlossaryEntry } from './types.ts'
import { CONTROL_PLANE_TERMS } from './controlPlane.ts'
import { SCHEDULING_TERMS } from './scheduling.ts'
import { NODE_TERMS } from './node.ts'

/** byTerm joins lists of entries into one, sorted by term, case-insensitively. */
function byTerm(...lists: GlossaryEntry[][]): GlossaryEntry[] {
  return lists.flat().sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
}

/**
 * Sorted by term so the glossary page reads as a list; `findTerms` does not depend on order. (Marked pure, and the
 * matcher in find.ts is built on first use, so a bundle that imports the story module without the glossary, such as
 * the simulation worker, leaves it out; the lists are passed as they are, since a spread in the call would keep them.)
 */
export const GLOSSARY: GlossaryEntry[] = /* @__PURE__ */ byTerm(CONTROL_PLANE_TERMS, SCHEDULING_TERMS, NODE_TERMS)
