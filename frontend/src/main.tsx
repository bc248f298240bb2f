import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

// A transition lets React render the first page in small slices, so the browser stays
// responsive while it boots (and replaces the static shell of index.html only when ready).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
