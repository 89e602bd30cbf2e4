/**
 * The log's rows: every step in trace order, with a heading where the story moves to another chapter, and (when
 * plumbing is folded) the plumbing steps hidden under the beat before them in their chapter. With a focus, only the
 * steps that concern it are listed (`keep`), unfolded. Pure: computed once per trace, story, fold setting and focus.
 */
import type { Story } from '../../engine/story/index.ts'

/** A row is a step (its trace index, and how many plumbing steps are folded under it) or a chapter heading. */
export type Row = { step: number; folded: number } | { chapter: number; again: boolean }

export interface Rows {
  rows: Row[]
  /** For each trace index, the row that shows it (its own, or the beat or heading it is folded under); -1: hidden. */
  rowOf: Int32Array
}

/** buildRows lays out the log; without a story (while the trace streams in) it is one row per step. */
export function buildRows(count: number, story: Story | undefined, foldPlumbing: boolean, keep?: Uint8Array): Rows {
  if (keep && keep.length === count) return focusedRows(count, story, keep)
  const rows: Row[] = []
  const rowOf = new Int32Array(count)
  if (!story || story.chapterOf.length !== count) {
    for (let i = 0; i < count; i++) { rows.push({ step: i, folded: 0 }); rowOf[i] = i }
    return { rows, rowOf }
  }
  const seen = new Uint8Array(story.chapters.length)
  /** The row that folded plumbing of each chapter goes under: its latest visible beat, else its heading. */
  const holder = new Int32Array(story.chapters.length).fill(-1)
  let lastChapter = -1
  for (let i = 0; i < count; i++) {
    const c = story.chapterOf[i]
    const visible = !foldPlumbing || story.beat[i] === 1
    if (visible && c !== lastChapter) {
      rows.push({ chapter: c, again: seen[c] === 1 })
      seen[c] = 1
      holder[c] = rows.length - 1
      lastChapter = c
    }
    if (visible) {
      rows.push({ step: i, folded: 0 })
      rowOf[i] = rows.length - 1
      holder[c] = rows.length - 1
      continue
    }
    if (holder[c] < 0) {
      // Plumbing before its chapter's first beat: the chapter's heading holds it.
      rows.push({ chapter: c, again: seen[c] === 1 })
      seen[c] = 1
      holder[c] = rows.length - 1
      lastChapter = c
    }
    rowOf[i] = holder[c]
    const r = rows[holder[c]]
    if ('step' in r) r.folded++
  }
  return { rows, rowOf }
}

/**
 * focusedRows: the steps that concern the focus, each on its own row (folding would hide some of them under a beat
 * about something else), with the chapter headings; a hidden step's row is the one shown before it (-1 before any).
 */
function focusedRows(count: number, story: Story | undefined, keep: Uint8Array): Rows {
  const rows: Row[] = []
  const rowOf = new Int32Array(count).fill(-1)
  const withStory = story && story.chapterOf.length === count ? story : undefined
  const seen = new Uint8Array(withStory?.chapters.length ?? 0)
  let lastChapter = -1
  let last = -1
  for (let i = 0; i < count; i++) {
    if (!keep[i]) { rowOf[i] = last; continue }
    const c = withStory ? withStory.chapterOf[i] : -1
    if (withStory && c !== lastChapter) {
      rows.push({ chapter: c, again: seen[c] === 1 })
      seen[c] = 1
      lastChapter = c
    }
    rows.push({ step: i, folded: 0 })
    last = rows.length - 1
    rowOf[i] = last
  }
  return { rows, rowOf }
}
