import { infiniteQueryOptions, type InfiniteData, type QueryKey } from '@tanstack/react-query'
import type { Page } from '../types/models'
import { request, toApiPath } from './api'

/**
 * Options for any paginated list of the API: the first page is `firstPath`, every next page
 * is the opaque `next` link of the page before (keyset pagination, no page numbers).
 */
export function pagedQueryOptions<T, K extends QueryKey>(queryKey: K, firstPath: string) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => request<Page<T>>(pageParam, { signal }),
    initialPageParam: firstPath,
    getNextPageParam: (lastPage: Page<T>) => (lastPage.next ? toApiPath(lastPage.next) : undefined),
  })
}

export function flattenPages<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.results) ?? []
}
