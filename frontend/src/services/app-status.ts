/**
 * What the app tells the person about itself, outside React so that the HTTP client and the
 * service worker's registration can report to it: whether it is offline (the browser says so, a
 * request failed, or an answer came from the service worker's kept copies), and whether a new
 * version is waiting to be loaded.
 */
import { OFFLINE_COPY_HEADER } from './offline-copy'

export interface AppStatus {
  offline: boolean
  updateReady: boolean
}

let status: AppStatus = { offline: !navigator.onLine, updateReady: false }
let update: (() => void) | null = null
const listeners = new Set<() => void>()

function change(next: Partial<AppStatus>): void {
  const merged = { ...status, ...next }
  if (merged.offline === status.offline && merged.updateReady === status.updateReady) return
  status = merged
  for (const listener of listeners) listener()
}

export function subscribeAppStatus(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function appStatus(): AppStatus {
  return status
}

/** An answer arrived: fresh from the server, or a kept copy given while the network is away. */
export function noteAnswer(response: Response): void {
  change({ offline: !navigator.onLine || response.headers.has(OFFLINE_COPY_HEADER) })
}

/** A request got no answer at all. */
export function noteNoAnswer(): void {
  change({ offline: true })
}

/** A new version of the app is installed and waits; `apply` activates it and reloads. */
export function offerUpdate(apply: () => void): void {
  update = apply
  change({ updateReady: true })
}

export function applyUpdate(): void {
  update?.()
}

window.addEventListener('offline', () => change({ offline: true }))
window.addEventListener('online', () => change({ offline: false }))
