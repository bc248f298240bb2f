import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api'

/** A 4xx answer will not change by asking again; network errors and 5xx get one more try. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failureCount < 1
}

/**
 * For the one query a page cannot render without: any failure but a 404 goes to the route's
 * error boundary ("This did not load", "Try again"); a 404 stays with the page, which answers
 * it with its own not-found content.
 */
export function throwUnlessNotFound(error: Error): boolean {
  return !(error instanceof ApiError && error.status === 404)
}

/**
 * For a list a page (or a section of one) cannot be drawn without: while there is nothing to
 * show, any failure but a 404 goes to the nearest error boundary ("This did not load", "Try
 * again", which fetches again); a failure to fetch more keeps what is shown.
 */
export function throwWhenNothingToShow(error: Error, query: { state: { data: unknown } }): boolean {
  return query.state.data === undefined && throwUnlessNotFound(error)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
