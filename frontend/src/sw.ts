/// <reference lib="webworker" />
/**
 * Vitrin's service worker, built by vite-plugin-pwa (injectManifest) and served by Django at /sw.js.
 *
 * - The shell (index.html, as '/') and the hashed assets are precached with each version, so the
 *   app starts without the network; a new version waits until the person reloads (the app shows
 *   "A new version of Vitrin is ready", src/components/ui/update-prompt.tsx).
 * - Pages and public API answers: network first (a short timeout), and the last answer seen
 *   is kept to be shown offline. Only what anybody may see is kept: never an answer to a request
 *   with credentials, never one the server marked private or no-store (core/middleware.py marks
 *   every signed-in answer so).
 * - The page that installed the first version sends the URLs of the API answers it read before
 *   (src/services/service-worker.ts); the router fetches them (without credentials) through the
 *   routes below, so that page too can be shown offline (Workbox's CACHE_URLS message).
 * - An answer given from the kept copies says so (OFFLINE_COPY_HEADER), so the app can tell the
 *   person they are looking at what they saw last.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'
import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { OFFLINE_COPY_HEADER } from './services/offline-copy'

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (PrecacheEntry | string)[]
  /** Where the assets are (STATIC_URL): the first line Django writes into this file. */
  __VITRIN_STATIC_URL?: string
}

const SHELL = '/'
const NETWORK_TIMEOUT_SECONDS = 3
const staticUrl = self.__VITRIN_STATIC_URL ?? '/static/'

// Never kept: the person's own answers, and the live streams (server-sent events never end).
const NEVER_KEPT_API = /^\/api\/(auth|notifications|feed|vitals|uploads|live)\//

/** Keeps an answer only when anybody could have been given it (the rules above). */
const publicAnswersOnly: WorkboxPlugin = {
  cacheWillUpdate: ({ request, response }) => {
    if (request.headers.has('Authorization') || response.status !== 200) return Promise.resolve(null)
    const cacheControl = (response.headers.get('Cache-Control') ?? '').toLowerCase()
    if (cacheControl.includes('private') || cacheControl.includes('no-store')) return Promise.resolve(null)
    return Promise.resolve(response)
  },
}

/** Marks what comes from the kept copies, for the app's offline notice. */
const markedOfflineCopy: WorkboxPlugin = {
  cachedResponseWillBeUsed: ({ cachedResponse }) => {
    if (!cachedResponse) return Promise.resolve(cachedResponse)
    const headers = new Headers(cachedResponse.headers)
    headers.set(OFFLINE_COPY_HEADER, '1')
    const { status, statusText } = cachedResponse
    return Promise.resolve(new Response(cachedResponse.body, { status, statusText, headers }))
  },
}

// --- pages: registered before the precache, so that '/' too is asked of the network first --------
const pages = new NetworkFirst({
  cacheName: 'vitrin-pages',
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [publicAnswersOnly, new ExpirationPlugin({ maxEntries: 50, purgeOnQuotaError: true })],
})
registerRoute(
  new NavigationRoute(
    async (options) => {
      try {
        return await pages.handle(options)
      } catch {
        // A page never seen: the app's shell routes it, with whatever data is kept.
        return (await matchPrecache(SHELL)) ?? Response.error()
      }
    },
    { denylist: [/^\/api\//, /^\/static\//, /^\/media\//] },
  ),
)

// --- public API answers ----------------------------------------------------------------------------
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.startsWith('/api/') && !NEVER_KEPT_API.test(url.pathname) && request.method === 'GET',
  new NetworkFirst({
    cacheName: 'vitrin-api',
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    // A signed-in person offline is shown the public copy (their own marks, such as upvotes, are
    // not in it): the copies vary by Authorization, which the kept ones never carried.
    matchOptions: { ignoreVary: true },
    plugins: [
      publicAnswersOnly,
      markedOfflineCopy,
      new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 7 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
)

// --- images (uploads, possibly from a bucket or CDN) ------------------------------------------------
registerRoute(
  ({ request, url }) => request.destination === 'image' && !url.pathname.startsWith('/static/'),
  new CacheFirst({
    cacheName: 'vitrin-images',
    plugins: [
      new CacheableResponsePlugin({ statuses: [0, 200] }),
      new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
)

// --- the shell and the assets of this version ---------------------------------------------------------
const precached = self.__WB_MANIFEST.map((entry): PrecacheEntry => {
  const { url, revision = null } = typeof entry === 'string' ? { url: entry } : entry
  // index.html is what Django serves at '/' (with its headers: the Content Security Policy);
  // where the assets are is part of its version, as Django writes their URLs into it.
  if (url === 'index.html') return { url: SHELL, revision: `${revision ?? ''}:${staticUrl}` }
  if (url === 'manifest.webmanifest') return { url: '/manifest.webmanifest', revision }
  return { url: `${staticUrl}${url}`, revision }
})
precacheAndRoute(precached)
cleanupOutdatedCaches()

// The first version controls the open pages at once; later ones wait for the person's "Reload".
clientsClaim()
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
