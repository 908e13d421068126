import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from './api'
import { App } from './App'
import { connectStore } from './store/connect'
import './styles/app.css'
import './styles/grid.css'

// Subscribe before the first render so no event from main is missed; lives as long as the window.
connectStore(api)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
