import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import './styles/app.css'
import { decodeScenario } from './app/share.ts'
import { useApp } from './app/store.ts'

// A shared link (#s=…) fills the editors before the first render (the editors read their text when created); the
// fragment is then dropped from the address bar so a reload keeps what the user types next.
const shared = await decodeScenario(location.hash)
if (shared && 'error' in shared) useApp.setState({ error: `This shared link could not be opened: ${shared.error}` })
else if (shared) useApp.getState().loadScenario(shared)
if (shared) history.replaceState(null, '', location.pathname + location.search)
// A link pasted into a tab where the app is already open changes only the fragment: load it the same way.
window.addEventListener('hashchange', () => {
  void decodeScenario(location.hash).then((next) => {
    if (!next) return
    if ('error' in next) useApp.setState({ error: `This shared link could not be opened: ${next.error}` })
    else useApp.getState().loadScenario(next)
    history.replaceState(null, '', location.pathname + location.search)
  })
})

createRoot(document.getElementById('root') as HTMLElement).render(<StrictMode><App /></StrictMode>)
