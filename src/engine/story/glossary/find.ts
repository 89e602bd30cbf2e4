/**
 * Finding the glossary's terms: `findTerms` marks where they occur in a text, for the views to show the definition on
 * hover and focus; `searchGlossary` filters the glossary page; `glossaryId` names an entry's anchor.
 */
import type { FoundTerm, GlossaryEntry } from './types.ts'
import { GLOSSARY } from './entries.ts'

/** A term's id, for anchors and element ids: lower case, letters and digits joined by dashes. */
export function glossaryId(entry: GlossaryEntry): string {
  return `term-${entry.term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
}

// Word boundaries: a term may not continue a word, a hyphenated name, a path or a dotted identifier, so "watch" is
// not found in "watchdog", "scheduler" not in "kube-scheduler", "registry" not in "/registry/pods", "pause" not in
// "registry.k8s.io/pause:3.10.1". Sentence punctuation after a term is fine: "etcd." at the end of a sentence.
const WORD = '\\p{L}\\p{N}_'
const BEFORE = `(?<![${WORD}\\-/.:=@])`
const AFTER = `(?![${WORD}\\-/])(?![.:=][${WORD}])`

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The key a surface is looked up by: lower case, runs of white space as one space. */
const keyOf = (s: string) => s.toLowerCase().replace(/\s+/g, ' ')

interface Matcher {
  /** Every spelling (term or alias) to its entry, by key. */
  surfaces: Map<string, GlossaryEntry>
  /**
   * One regular expression for all spellings, longest first: at any position the alternation tries the longest
   * spelling first, and the scan goes left to right, so overlapping spellings resolve to the leftmost, then longest
   * ("pause container" before "container"). Spaces in a spelling match any run of white space.
   */
  pattern: RegExp
}
let matcher: Matcher | undefined

/** theMatcher compiles the spellings once, on first use. */
function theMatcher(): Matcher {
  if (matcher) return matcher
  const surfaces = new Map<string, GlossaryEntry>()
  for (const entry of GLOSSARY) {
    for (const s of [entry.term, ...entry.aliases]) if (!surfaces.has(keyOf(s))) surfaces.set(keyOf(s), entry)
  }
  const alternatives = [...surfaces.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((s) => escape(s).replace(/ /g, '\\s+'))
  matcher = { surfaces, pattern: new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'giu') }
  return matcher
}

/**
 * findTerms finds the glossary terms in a text: whole words only, case-insensitive, non-overlapping (leftmost, then
 * longest), and each entry at most once, at its first occurrence, so a text does not turn into a sea of links. A
 * later occurrence of an entry already marked still takes its span: "container" is not marked inside a second
 * "pause container".
 */
export function findTerms(text: string): FoundTerm[] {
  const { surfaces, pattern } = theMatcher()
  const found: FoundTerm[] = []
  const seen = new Set<GlossaryEntry>()
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const entry = surfaces.get(keyOf(m[0]))
    if (entry && !seen.has(entry)) {
      seen.add(entry)
      found.push({ start: m.index, end: m.index + m[0].length, entry })
    }
  }
  return found
}

/**
 * searchGlossary filters the glossary for the glossary page: every word of the query must occur in the entry's term,
 * an alias or its definition (case-insensitive). Entries whose term or an alias matches the whole query come first,
 * then those whose term starts with it, then the rest, each group in glossary order.
 */
export function searchGlossary(query: string, entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
  const q = keyOf(query.trim())
  if (!q) return [...entries]
  const words = q.split(' ')
  const rank = (e: GlossaryEntry): number => {
    const names = [e.term, ...e.aliases].map(keyOf)
    if (names.includes(q)) return 0
    if (names.some((n) => n.startsWith(q))) return 1
    return 2
  }
  return entries
    .filter((e) => {
      const hay = keyOf(`${e.term} ${e.aliases.join(' ')} ${e.definition}`)
      return words.every((w) => hay.includes(w))
    })
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ e }) => e)
}
