/**
 * Real-user metrics: the Core Web Vitals of this page load (LCP, INP, CLS, plus FCP and TTFB),
 * measured by the `web-vitals` library and sent to `POST /api/vitals/` in one beacon when the
 * page is hidden (the moment the library's final values are known). Loaded by main.tsx for a
 * sample of page loads only (VITE_VITALS_SAMPLE_RATE).
 *
 * Anonymous: the beacon names the kind of page (home, product, search, profile, other), never
 * its URL nor the person, and the endpoint reads no credentials.
 */
import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals'
import { productIdOfPath } from '../paths'
import type { components } from '../types/api'
import { apiUrl } from './api'

type Beacon = components['schemas']['VitalsBeaconRequest']
export type PageType = Beacon['page']

export function pageTypeOf(pathname: string): PageType {
  if (pathname === '/') return 'home'
  if (productIdOfPath(pathname) !== null) return 'product'
  if (pathname === '/search' || pathname === '/search/') return 'search'
  if (pathname.startsWith('/users/')) return 'profile'
  return 'other'
}

export function reportWebVitals(): void {
  // The metrics describe the page as it was first loaded, wherever the person goes next.
  const page = pageTypeOf(window.location.pathname)
  const pending = new Map<Metric['name'], number>()
  // Each metric is counted once per page load: a value reported again (after the page was
  // hidden and shown again) is not sent twice.
  const sent = new Set<Metric['name']>()
  const queue = (metric: Metric) => {
    if (!sent.has(metric.name)) pending.set(metric.name, metric.value)
  }
  const flush = () => {
    if (pending.size === 0) return
    const metrics = [...pending].map(([name, value]) => ({ name, value }))
    for (const name of pending.keys()) sent.add(name)
    pending.clear()
    // A JSON Blob: a page of another site cannot send that without a CORS preflight.
    const beacon: Beacon = { page, metrics }
    const body = new Blob([JSON.stringify(beacon)], { type: 'application/json' })
    navigator.sendBeacon(apiUrl('/vitals/'), body)
  }
  onLCP(queue)
  onINP(queue)
  onCLS(queue)
  onFCP(queue)
  onTTFB(queue)
  // Registered after the library's own listeners, so its values are final when this one runs.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush()
  })
}
