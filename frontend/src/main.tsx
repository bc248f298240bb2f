import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { restoreSession } from './services/auth/me'
import { prefetchFirstPage } from './services/prefetch'
import { createQueryClient } from './services/query-client'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

const queryClient = createQueryClient()
// Before React renders anything: a returning person's session is restored first (the first
// page's data waits for it), and the first page's data is requested at once.
restoreSession(queryClient)
prefetchFirstPage(queryClient, window.location)

// A transition lets React render the first page in small slices, so the browser stays
// responsive while it boots (and replaces the static shell of index.html only when ready).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )
})
