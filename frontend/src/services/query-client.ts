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

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
