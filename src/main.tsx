import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import './styles/app.css'

createRoot(document.getElementById('root') as HTMLElement).render(<StrictMode><App /></StrictMode>)
