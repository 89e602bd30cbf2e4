/**
 * The tour's steps: what each points at (CSS selectors of real elements of the page; the ring goes round all the
 * ones found) and what it says. Data only: Tour.tsx shows them.
 */

/** An element to point at: a selector's first match, or its first match with exactly this text (a button). */
export type TourTarget = string | { selector: string; text: string }

export interface TourStep {
  id: string
  title: string
  /** What the step says, as paragraphs. */
  text: readonly string[]
  /** The elements to ring: the box round all the ones found. None found: the card is centred. */
  targets: readonly TourTarget[]
  /**
   * The element exists only once a story is told (the chapter bar): entering the step without one applies the
   * manifest in the editor.
   */
  needsStory?: boolean
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'editor',
    title: 'The manifest',
    text: [
      'podbirth simulates what happens in a Kubernetes v1.35 cluster when you run kubectl apply with a Pod.',
      'Edit the Pod here (the example runs nginx), or the cluster it lands on in the Cluster tab. Press Enter or click to edit; Esc leaves the editor.',
    ],
    targets: ['.editor-pane .editor-tabs', '.editor-pane .editor-tabpanel:not([hidden])'],
  },
  {
    id: 'apply',
    title: 'Apply',
    text: [
      'Apply (or Ctrl/⌘+Enter) runs kubectl apply in the simulation. The seed fixes its random choices, so the same seed tells the same story; User picks who kubectl runs as.',
    ],
    targets: ['.editor-pane .controls'],
  },
  {
    id: 'chapters',
    title: 'The chapter bar',
    text: [
      'After Apply, this bar tells the birth in five stages — the manifest, kubectl, the API server, the scheduler, the node — each in chapters. The current one is highlighted, a failed one marked ✗; a click jumps to it.',
    ],
    targets: ['nav[aria-label="Story chapters"]'],
    needsStory: true,
  },
  {
    id: 'lanes',
    title: 'The lanes',
    text: [
      'One lane per component, from kubectl on your machine to the CNI plugin on the node. A dot is a step, an arrow a request, a response or a watch notification; bars are waits.',
      'Click a step to select it; drag to pan and use the wheel to zoom in for labels.',
    ],
    targets: ['section[aria-label="Swimlanes"] .swimlanes'],
  },
  {
    id: 'playback',
    title: 'Playback',
    text: [
      'Play moves the playhead through the story, at the story’s pace or in virtual time. With “Pause at each chapter” it stops where a chapter begins; Space, → or PageDown carries on. [ and ] jump between chapters.',
    ],
    targets: ['[aria-label="Playback"]'],
  },
  {
    id: 'inspector',
    title: 'The inspector',
    text: [
      'The step at the playhead, told in words — Story for plain words, Expert for the upstream names — with the HTTP exchange, the pod as stored in etcd and links to the docs and the source.',
      'Above it, the current chapter; below it, kubectl’s view of the cluster at that moment.',
    ],
    targets: ['aside[aria-label="Inspector"]'],
  },
  {
    id: 'scenarios',
    title: 'Scenarios',
    text: [
      'Ready-made stories, in teaching order: RBAC’s 403, a quota, a taint, preemption, an image typo, a crash loop … Each says what to watch for and jumps to its moment.',
    ],
    targets: [{ selector: 'header button', text: 'Scenarios' }],
  },
  {
    id: 'glossary',
    title: 'Glossary',
    text: [
      'Over a hundred terms, searchable. Underlined words in the narration show their definition on hover or focus.',
      'The ? button (Help) brings this tour back at any time.',
    ],
    targets: [{ selector: 'header button', text: 'Glossary' }, 'header .tour-help'],
  },
]
