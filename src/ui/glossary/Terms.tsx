/**
 * Glossary terms in narration: `<WithTerms text=… />` renders a text with each glossary term it contains (found by
 * `findTerms`: whole words, longest first, each term once) as a focusable term whose definition shows on hover and
 * on keyboard focus, in a small popover with a link to the Kubernetes docs.
 *
 * Accessibility: the term is a `button` styled as text; its accessible name is the term and `aria-describedby`
 * points at the definition, so a screen reader reads the definition on focus. The popover (`role="tooltip"`) follows
 * the term in the DOM, so Tab moves from the term to its docs link and Shift+Tab back; it stays open while the pointer
 * is over the term or the popover (WCAG 1.4.13: hoverable, persistent) and Esc hides it (dismissible). A click or a
 * tap pins it open until a click elsewhere or focus moves on, for touch screens.
 *
 * Placement: the popover is shown in the top layer (the Popover API), so no pane's overflow or containment clips
 * it; it goes below the term, or above when there is more room there, never over the term, and is clamped to the
 * viewport (scrolling inside itself when neither side has room for all of it).
 *
 * React text only (no innerHTML). Splitting a text is cached per text, so re-rendering the same narration is cheap.
 * Do not put <WithTerms> inside a link or a button: the terms are buttons themselves.
 */
import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { findTerms } from '../../engine/story/index.ts'
import type { GlossaryEntry } from '../../engine/story/index.ts'

/** A text cut at its terms: plain strings and marked terms, in order. */
export type TermPart = string | { text: string; entry: GlossaryEntry }

const SPLITS = new Map<string, TermPart[]>()
const MAX_SPLITS = 500

/** splitTerms cuts a text at its glossary terms; the result is cached (a bounded map, oldest out first). */
export function splitTerms(text: string): TermPart[] {
  const hit = SPLITS.get(text)
  if (hit) return hit
  const parts: TermPart[] = []
  let at = 0
  for (const f of findTerms(text)) {
    if (f.start > at) parts.push(text.slice(at, f.start))
    parts.push({ text: text.slice(f.start, f.end), entry: f.entry })
    at = f.end
  }
  if (at < text.length) parts.push(text.slice(at))
  if (SPLITS.size >= MAX_SPLITS) SPLITS.delete(SPLITS.keys().next().value as string)
  SPLITS.set(text, parts)
  return parts
}

/** WithTerms renders a narration text with its glossary terms marked. */
export const WithTerms = memo(function WithTerms({ text }: { text: string }) {
  const parts = splitTerms(text)
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <Term key={`${i}:${p.entry.term}`} entry={p.entry}>{p.text}</Term>))}</>
})

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype
/** Space kept between the term and the popover, and between the popover and the viewport's edges (px). */
const GAP = 6
const MARGIN = 8
/** How long the popover waits after the pointer leaves before it hides, so the pointer can cross to it (ms). */
const HIDE_DELAY = 200

/** Term is one marked term with its popover. */
export function Term({ entry, children }: { entry: GlossaryEntry; children: ReactNode }) {
  const id = useId()
  const tipId = `${id}tip`
  const defId = `${id}def`
  const wrap = useRef<HTMLSpanElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const tip = useRef<HTMLSpanElement>(null)
  const hideTimer = useRef<number | undefined>(undefined)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const [pinned, setPinned] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const open = (hovered || focused || pinned) && !dismissed

  useEffect(() => () => window.clearTimeout(hideTimer.current), [])

  // Show or hide the popover, and keep it placed while it is open (the page may scroll or resize under it).
  useLayoutEffect(() => {
    const el = tip.current
    const anchor = button.current
    if (!el || !anchor) return
    if (!open) {
      if (supportsPopover && el.matches(':popover-open')) el.hidePopover()
      return
    }
    if (supportsPopover && !el.matches(':popover-open')) el.showPopover()
    place(el, anchor)
    let frame = 0
    const replace = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(() => place(el, anchor)) }
    window.addEventListener('scroll', replace, { capture: true, passive: true })
    window.addEventListener('resize', replace)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', replace, { capture: true })
      window.removeEventListener('resize', replace)
    }
  }, [open])

  // Esc hides an open popover, whether it opened on hover or on focus, before anything else hears the key (presenter
  // mode also leaves on Esc: one press does one thing). A click elsewhere unpins it.
  useEffect(() => {
    if (!open) return
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape') return
      ev.stopPropagation()
      ev.preventDefault()
      setDismissed(true)
      setPinned(false)
      if (tip.current?.contains(document.activeElement)) button.current?.focus()
    }
    const onDown = (ev: PointerEvent) => { if (!wrap.current?.contains(ev.target as Node)) setPinned(false) }
    window.addEventListener('keydown', onKey, { capture: true })
    document.addEventListener('pointerdown', onDown, { capture: true })
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true })
      document.removeEventListener('pointerdown', onDown, { capture: true })
    }
  }, [open])

  return (
    <span
      ref={wrap}
      className="term-wrap"
      onPointerEnter={() => { window.clearTimeout(hideTimer.current); if (!hovered) { setHovered(true); setDismissed(false) } }}
      onPointerLeave={() => { window.clearTimeout(hideTimer.current); hideTimer.current = window.setTimeout(() => setHovered(false), HIDE_DELAY) }}
      onFocus={() => { if (!focused) { setFocused(true); setDismissed(false) } }}
      onBlur={(e) => { if (!wrap.current?.contains(e.relatedTarget as Node | null)) { setFocused(false); setPinned(false) } }}
    >
      <button
        ref={button}
        type="button"
        className="term"
        aria-describedby={defId}
        onClick={() => { setPinned((p) => !p); setDismissed(false) }}
      >
        {children}
      </button>
      <span
        ref={tip}
        id={tipId}
        role="tooltip"
        className="term-tip"
        popover={supportsPopover ? 'manual' : undefined}
        hidden={!supportsPopover && !open}
      >
        <span className="term-tip-term">{entry.term}</span>
        <span id={defId} className="term-tip-def">{entry.definition}</span>
        <a className="term-tip-docs" href={entry.docs} target="_blank" rel="noreferrer noopener" aria-label={`Kubernetes docs: ${entry.term}`}>Kubernetes docs</a>
      </span>
    </span>
  )
}

/**
 * place puts the popover below its term, or above it when it does not fit below and there is more room above,
 * never over the term, and inside the viewport: clamped sideways, and limited in height (scrolling inside) when
 * neither side has room for all of it.
 */
function place(el: HTMLElement, anchor: HTMLElement): void {
  const vw = document.documentElement.clientWidth
  const vh = document.documentElement.clientHeight
  const r = anchor.getBoundingClientRect()
  el.style.maxHeight = ''
  el.style.top = '0px'
  el.style.left = '0px'
  const { width, height } = el.getBoundingClientRect()
  const below = vh - r.bottom - GAP - MARGIN
  const above = r.top - GAP - MARGIN
  let top: number
  if (height <= below) top = r.bottom + GAP
  else if (height <= above) top = r.top - GAP - height
  else if (below >= above) {
    el.style.maxHeight = `${Math.max(below, 0)}px`
    top = r.bottom + GAP
  } else {
    el.style.maxHeight = `${Math.max(above, 0)}px`
    top = r.top - GAP - Math.min(height, above)
  }
  const left = Math.max(MARGIN, Math.min(r.left, vw - MARGIN - width))
  el.style.top = `${Math.round(top)}px`
  el.style.left = `${Math.round(left)}px`
}
