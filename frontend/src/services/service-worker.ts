/// <reference types="vite-plugin-pwa/client" />
/**
 * Registers the service worker (src/sw.ts, served at /sw.js), loaded by main.tsx after the first
 * page is shown: its code is not part of the first download. A new version waits until the
 * person chooses to reload (UpdatePrompt).
 */
import { registerSW } from 'virtual:pwa-register'
import { offerUpdate } from './app-status'

export function registerServiceWorker(): void {
  const reloadWithNewVersion = registerSW({
    onNeedRefresh() {
      offerUpdate(() => void reloadWithNewVersion(true))
    },
  })
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', keepWhatThisPageRead, { once: true })
  }
}

/**
 * The page was loaded before any service worker ran, so none kept its answers: the worker now in
 * control is asked to fetch the API's GETs again and keep those that are public (sw.ts decides).
 */
function keepWhatThisPageRead(): void {
  const apiReads = performance
    .getEntriesByType('resource')
    // 'link': the first page's data, which its document preloads (backend/webapp/views.py).
    .filter((entry) => entry.initiatorType === 'fetch' || entry.initiatorType === 'link')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === window.location.origin && url.pathname.startsWith('/api/'))
    .map((url) => url.href)
  navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [...new Set(apiReads)] } })
}
