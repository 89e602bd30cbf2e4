/** The glossary's vocabulary: an entry, a term found in a text, and the docs site the entries link to. */

export interface GlossaryEntry {
  /** The name the glossary lists the entry under; it is also matched in texts. */
  term: string
  /** Other spellings that appear in narration (plurals, code names, inflections), matched like the term. */
  aliases: string[]
  /** Two or three sentences, plain words. */
  definition: string
  /** A kubernetes.io page about the term. */
  docs: string
}

/** A found term: the span [start, end) of the text and the entry it names. */
export interface FoundTerm {
  start: number
  end: number
  entry: GlossaryEntry
}

/** The kubernetes.io docs root the entries' pages are under. */
export const D = 'https://kubernetes.io/docs/'
