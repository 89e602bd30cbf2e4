import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import './styles/app.css'
import './styles/story.css'
import './styles/glossary.css'
import './styles/quiz.css'
import './styles/tour.css'
import './styles/clusterMap.css'
import { decodeScenario } from './app/share.ts'
import { useApp } from './app/store.ts'

/** openLink loads a shared scenario (#s=…) or a gallery scenario (#scenario=<id>) and drops the fragment. */
async function openLink(): Promise<void> {
  const named = /^#scenario=([a-z0-9-]+)$/.exec(location.hash)?.[1]
  if (named) {
    const { findScenario, openScenario } = await import('./ui/scenarios/ScenariosDialog.tsx')
    const s = findScenario(named)
    if (s) openScenario(s)
    else useApp.setState({ error: `There is no scenario "${named}" in this version of podbirth.` })
    history.replaceState(null, '', location.pathname + location.search)
    return
  }
  const shared = await decodeScenario(location.hash)
  if (!shared) return
  if ('error' in shared) useApp.setState({ error: `This shared link could not be opened: ${shared.error}` })
  else useApp.getState().loadScenario(shared)
  history.replaceState(null, '', location.pathname + location.search)
}

// A link pasted into a tab where the app is already open changes only the fragment: load it the same way.
window.addEventListener('hashchange', () => { void openLink() })

const render = () => createRoot(document.getElementById('root') as HTMLElement).render(<StrictMode><App /></StrictMode>)
// With a link, its texts are in the store before the first render (the editors read their text when created);
// without one, nothing waits (an await at the top of the module would hold back the first paint).
if (location.hash.length > 1) void openLink().finally(render)
else render()
