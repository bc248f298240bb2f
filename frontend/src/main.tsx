import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { firstPageReady } from './router'
import { env } from './config/env'
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
void firstPageReady.then(() =>
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    )
  }),
)

// Once the first page has loaded, each in a chunk of its own: the service worker (offline copies,
// new versions) and, for a sample of page loads, the measure of the Core Web Vitals.
window.addEventListener(
  'load',
  () => {
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      void import('./services/service-worker').then(({ registerServiceWorker }) => registerServiceWorker())
    }
    if (Math.random() < env.vitalsSampleRate) void import('./services/web-vitals').then(({ reportWebVitals }) => reportWebVitals())
  },
  { once: true },
)
