/**
 * The guided tour: a short, skippable walk past the real elements of the page (the editor and Apply, the chapter
 * bar, the lanes, playback, the inspector, the scenario gallery, the glossary), each ringed by an outline drawn over
 * it (the target's own styles are never touched) with the step's text beside it, inside the viewport.
 *
 * It is a `dialog` named "Welcome to podbirth" (`aria-modal`): non-blocking — the page stays visible and clickable —
 * but focus stays inside while it is open (Tab wraps; focus that lands on the page comes back) and the app's
 * shortcuts do not act behind it. Esc, "Skip the tour" and Done close it; focus goes back where it was.
 *
 * When it shows (firstVisit.ts): by itself on a first visit — no `podbirth.tourDone` in localStorage, at most once
 * per page load (storage may be blocked) — and from the Help button; never in presenter mode (entering it closes
 * the tour). A browser driven by automation (`navigator.webdriver`, as in the e2e tests, which open the app in fresh
 * contexts) does not get it by itself unless the URL has `?tour`. Closing it in any way writes `podbirth.tourDone`.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { readPref } from '../../app/prefs.ts'
import { useApp } from '../../app/store.ts'
import { TOUR_DONE_KEY, shouldAutoShow } from './firstVisit.ts'
import { placeCard, ringRect, sameRect, unionRect } from './placement.ts'
import type { Rect, Size } from './placement.ts'
import { TOUR_STEPS } from './steps.ts'
import type { TourStep } from './steps.ts'
import { closeTour, openTour, useTour } from './tourState.ts'

/** Decided once per page load (StrictMode runs effects twice; with storage blocked a reload may show it again). */
let autoShowDecided = false

export function Tour() {
  const open = useTour((s) => s.open)
  const presenter = useApp((s) => s.presenter)
  useEffect(() => {
    if (autoShowDecided) return
    autoShowDecided = true
    const done = readPref(TOUR_DONE_KEY)
    const { presenter: inPresenter } = useApp.getState()
    if (shouldAutoShow({ done, webdriver: navigator.webdriver === true, search: location.search, presenter: inPresenter })) openTour()
  }, [])
  // A room is watching: entering presenter mode closes the tour (for good, so a reload before an audience is clean).
  useEffect(() => { if (presenter) closeTour() }, [presenter])
  if (!open || presenter) return null
  return <TourCard />
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

function TourCard() {
  const step = useTour((s) => s.step)
  const go = useTour((s) => s.go)
  const appliedByTour = useTour((s) => s.appliedByTour)
  const hasStory = useApp((s) => (s.story?.chapters.length ?? 0) > 0)
  const running = useApp((s) => s.running)
  const s = TOUR_STEPS[step]
  const last = step === TOUR_STEPS.length - 1
  const target = useTargetRect(s)
  const view = useViewport()
  const cardRef = useRef<HTMLDivElement>(null)
  const kickerId = useId()
  const titleId = useId()
  const textId = useId()

  // The card's size decides where it fits: measured after each render, before paint.
  const [size, setSize] = useState<Size>({ w: 352, h: 220 })
  useLayoutEffect(() => {
    const el = cardRef.current
    if (el && (el.offsetWidth !== size.w || el.offsetHeight !== size.h)) setSize({ w: el.offsetWidth, h: el.offsetHeight })
  })

  // The chapter bar exists once a story is told: the tour applies the manifest in the editor (once per opening).
  useEffect(() => {
    if (!s.needsStory || hasStory || running || useTour.getState().appliedByTour) return
    useTour.getState().markApplied()
    useApp.getState().requestApply()
  }, [s, hasStory, running])

  // A new step keeps focus on the button pressed, unless it went away or was disabled (Back on the first step).
  useEffect(() => {
    const card = cardRef.current
    const active = document.activeElement
    if (!card) return
    if (!(active instanceof HTMLElement) || !card.contains(active) || active.matches(':disabled')) primary(card)?.focus()
  }, [step])

  // Focus stays inside: focus that lands on the page (a click there, which the tour lets through) comes back,
  // unless a modal dialog opened from the page (the glossary, the scenarios) holds it.
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const card = cardRef.current
      // Closing gives focus back to where it was before the card unmounts: that is no escape.
      if (!useTour.getState().open || !card || !(e.target instanceof Node) || card.contains(e.target)) return
      if (document.querySelector('dialog[open]')) return
      primary(card)?.focus()
    }
    document.addEventListener('focusin', onFocusIn)
    return () => document.removeEventListener('focusin', onFocusIn)
  }, [])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The tour owns the keyboard while open: Space must not play, arrows must not move the playhead behind it.
    e.stopPropagation()
    if (e.key === 'Escape') { e.preventDefault(); closeTour(); return }
    if (e.key === 'ArrowRight' && !last) { e.preventDefault(); go(step + 1); return }
    if (e.key === 'ArrowLeft' && step > 0) { e.preventDefault(); go(step - 1); return }
    if (e.key !== 'Tab' || !cardRef.current) return
    const items = [...cardRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (items.length === 0) return
    const first = items[0]
    const end = items[items.length - 1]
    if (e.shiftKey && (document.activeElement === first || !cardRef.current.contains(document.activeElement))) {
      e.preventDefault()
      end.focus()
    } else if (!e.shiftKey && document.activeElement === end) {
      e.preventDefault()
      first.focus()
    }
  }

  const ring = target ? ringRect(target, view) : undefined
  const pos = placeCard(ring, size, view)
  const waitingForStory = s.needsStory && !hasStory
  return (
    <>
      {ring ? <Ring ring={ring} /> : <div className="tour-shade" aria-hidden="true" style={{ inset: 0 }} />}
      <div ref={cardRef} className="tour-card" role="dialog" aria-modal="true" aria-labelledby={`${kickerId} ${titleId}`}
        aria-describedby={textId} data-step={s.id} data-side={pos.side} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
        <p className="tour-kicker" id={kickerId}>Welcome to podbirth</p>
        <h2 className="tour-title" id={titleId}>{s.title} <span className="tour-count">{step + 1} of {TOUR_STEPS.length}</span></h2>
        <div id={textId} className="tour-text">
          {s.text.map((p) => <p key={p}>{p}</p>)}
          {waitingForStory && <p className="tour-note" role="status">{running || !appliedByTour ? APPLYING : NO_CHAPTERS}</p>}
          {s.needsStory && hasStory && appliedByTour && <p className="tour-note">The tour pressed Apply for you.</p>}
        </div>
        <div className="tour-buttons">
          {!last && <button type="button" className="tour-skip" onClick={closeTour}>Skip the tour</button>}
          <span className="tour-nav">
            <button type="button" onClick={() => go(step - 1)} disabled={step === 0}>Back</button>
            <button type="button" className="tour-primary" onClick={() => (last ? closeTour() : go(step + 1))}>{last ? 'Done' : 'Next'}</button>
          </span>
        </div>
      </div>
    </>
  )
}

/** The ring round the target, and the rest of the page dimmed by four shades round it (none takes a click). */
function Ring({ ring }: { ring: Rect }) {
  const right = ring.x + ring.w
  const bottom = ring.y + ring.h
  return (
    <div aria-hidden="true">
      <div className="tour-shade" style={{ left: 0, top: 0, right: 0, height: ring.y }} />
      <div className="tour-shade" style={{ left: 0, top: bottom, right: 0, bottom: 0 }} />
      <div className="tour-shade" style={{ left: 0, top: ring.y, width: ring.x, height: ring.h }} />
      <div className="tour-shade" style={{ left: right, top: ring.y, right: 0, height: ring.h }} />
      <div className="tour-ring" style={{ left: ring.x, top: ring.y, width: ring.w, height: ring.h }} />
    </div>
  )
}

const APPLYING = 'Applying the manifest in the editor to tell its story…'
const NO_CHAPTERS = 'This manifest told no chapters: the bar shows after an Apply that does.'

const primary = (card: HTMLElement) => card.querySelector<HTMLElement>('.tour-primary')

/** The elements a step points at that are on the page and laid out. */
function findTargets(s: TourStep): HTMLElement[] {
  const found: HTMLElement[] = []
  for (const t of s.targets) {
    const el = typeof t === 'string'
      ? document.querySelector<HTMLElement>(t)
      : [...document.querySelectorAll<HTMLElement>(t.selector)].find((x) => x.textContent?.trim() === t.text)
    if (el && el.getClientRects().length > 0) found.push(el)
  }
  return found
}

const toRect = (r: DOMRect): Rect => ({ x: r.left, y: r.top, w: r.width, h: r.height })

/**
 * useTargetRect follows where a step's targets are on screen. The page moves under the tour — the chapter bar
 * appears after an apply, panels grow, the window is resized or scrolled — so it measures on resize and scroll and
 * every 200 ms (one getBoundingClientRect per target), without observers on elements the tour does not own; a
 * measurement that did not change does not re-render. A target out of view is scrolled into it, once per step.
 */
function useTargetRect(s: TourStep): Rect | undefined {
  const [rect, setRect] = useState<Rect | undefined>(undefined)
  useLayoutEffect(() => {
    let scrolled = false
    const update = () => {
      const els = findTargets(s)
      const first = els[0]
      if (first && !scrolled) {
        scrolled = true
        const r = first.getBoundingClientRect()
        const out = r.bottom < 0 || r.top > window.innerHeight || r.right < 0 || r.left > window.innerWidth
        if (out) first.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      }
      const next = unionRect(els.map((el) => toRect(el.getBoundingClientRect())))
      setRect((prev) => (sameRect(prev, next) ? prev : next))
    }
    update()
    const timer = setInterval(update, 200)
    window.addEventListener('resize', update)
    window.addEventListener('scroll', update, true)
    return () => {
      clearInterval(timer)
      window.removeEventListener('resize', update)
      window.removeEventListener('scroll', update, true)
    }
  }, [s])
  return rect
}

/** The viewport without its scroll bars (the card stays inside what is visible). */
function useViewport(): Size {
  const root = document.documentElement
  const measure = () => ({ w: root.clientWidth || window.innerWidth, h: root.clientHeight || window.innerHeight })
  const [view, setView] = useState<Size>(measure)
  useEffect(() => {
    const onResize = () => setView((v) => { const n = measure(); return n.w === v.w && n.h === v.h ? v : n })
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return view
}
