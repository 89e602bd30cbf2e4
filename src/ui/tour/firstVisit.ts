/**
 * When the tour shows by itself: on a first visit (no `podbirth.tourDone` in localStorage), never in presenter mode,
 * and not when a browser is driven by automation (`navigator.webdriver`) unless the page's URL asks for it with
 * `?tour`. The e2e tests open the app in fresh browser contexts: without that rule the tour would cover the page in
 * every one of them. `?tour` never brings back a tour that was dismissed (a reload keeps it dismissed).
 */

/** Written when the tour is dismissed or finished (storage may be blocked: then it shows once per page load). */
export const TOUR_DONE_KEY = 'podbirth.tourDone'

export interface VisitFacts {
  /** What localStorage holds under TOUR_DONE_KEY (null: nothing, or storage blocked). */
  done: string | null
  webdriver: boolean
  /** location.search */
  search: string
  presenter: boolean
}

export function shouldAutoShow(f: VisitFacts): boolean {
  if (f.done !== null || f.presenter) return false
  if (f.webdriver && !new URLSearchParams(f.search).has('tour')) return false
  return true
}
