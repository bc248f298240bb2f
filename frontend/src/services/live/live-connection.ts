import { apiUrl } from '../api'

/** A product's public counts, as `/api/live/` streams send them (the same for every reader). */
export interface LiveCounts {
  id: number
  upvote_count: number
  comment_count: number
}

export interface LiveHandlers {
  onCounts: (counts: LiveCounts) => void
  /** Events may have been missed (the page was hidden, the stream dropped): refetch. */
  onResync: () => void
  /** Live updates are off for this page: no EventSource, or the stream keeps failing. */
  onFallback: () => void
}

export interface LiveOptions {
  /** The browser's EventSource; absent in old browsers and in jsdom. */
  EventSourceClass?: typeof EventSource | undefined
  /** The first reconnection delay, doubled after each failure up to `maxDelayMs`. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Failures in a row (without an event or an open stream between them) before polling instead. */
  maxFailures?: number
}

/**
 * Keeps one server-sent event stream of `/api/live/<path>` open while the page is visible
 * (closed when it is hidden: a background tab costs the server nothing), reconnecting after
 * an error with exponential backoff and jitter. Returns the function that stops it.
 */
export function connectLive(path: string, handlers: LiveHandlers, options: LiveOptions = {}): () => void {
  const EventSourceClass = 'EventSourceClass' in options ? options.EventSourceClass : globalThis.EventSource
  const { baseDelayMs = 1000, maxDelayMs = 30_000, maxFailures = 6 } = options
  if (!EventSourceClass) {
    handlers.onFallback()
    return () => undefined
  }
  let source: EventSource | null = null
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let opened = false
  let stopped = false

  const close = () => {
    clearTimeout(retryTimer)
    retryTimer = undefined
    source?.close()
    source = null
  }

  const open = () => {
    if (stopped || source || document.visibilityState === 'hidden') return
    const current = new EventSourceClass(apiUrl(path))
    source = current
    current.addEventListener('open', () => {
      failures = 0
      // Whatever happened while no stream was open is not in this one.
      if (opened) handlers.onResync()
      opened = true
    })
    current.addEventListener('counts', (event) => {
      const counts = parseCounts((event as MessageEvent<string>).data)
      if (counts) handlers.onCounts(counts)
    })
    current.addEventListener('resync', () => handlers.onResync())
    current.addEventListener('error', () => {
      // The browser's own retry has a fixed delay: ours backs off, so a server in trouble
      // is not hammered by every open page at once.
      close()
      failures += 1
      if (failures >= maxFailures) {
        stopped = true
        handlers.onFallback()
        return
      }
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1))
      retryTimer = setTimeout(open, delay / 2 + Math.random() * (delay / 2))
    })
  }

  const onVisibility = () => {
    if (document.visibilityState === 'hidden') close()
    else open()
  }

  document.addEventListener('visibilitychange', onVisibility)
  open()
  return () => {
    stopped = true
    document.removeEventListener('visibilitychange', onVisibility)
    close()
  }
}

function parseCounts(data: string): LiveCounts | null {
  try {
    const value: unknown = JSON.parse(data)
    if (typeof value !== 'object' || value === null) return null
    const { id, upvote_count, comment_count } = value as Record<string, unknown>
    if (typeof id !== 'number' || typeof upvote_count !== 'number' || typeof comment_count !== 'number') return null
    return { id, upvote_count, comment_count }
  } catch {
    return null
  }
}
