/**
 * The glossary: the jargon the narration uses (chapters and steps, at both depths), each term with the other
 * spellings it appears under, a definition of two or three sentences in plain words, faithful to Kubernetes v1.35,
 * and a kubernetes.io page (see README.md). Pure data and functions: no UI imports.
 */
export { GLOSSARY } from './entries.ts'
export { findTerms, glossaryId, searchGlossary } from './find.ts'
export type { FoundTerm, GlossaryEntry } from './types.ts'
