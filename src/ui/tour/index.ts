/** The guided tour: the Tour (mount once, at the end of the app) and the Help button that brings it back. */
export { Tour } from './Tour.tsx'
export { HelpButton } from './HelpButton.tsx'
export { openTour, closeTour } from './tourState.ts'
