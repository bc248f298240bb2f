import type { QueryKey } from '@tanstack/react-query'
import { request } from '../api'
import { useOptimisticPatch } from '../optimistic'
import { searchKeys } from '../search/keys'
import { productKeys } from './keys'

export interface UpvoteResult {
  upvoted: boolean
  upvote_count: number
}

export function setUpvote(id: number, upvoted: boolean): Promise<UpvoteResult> {
  return request<UpvoteResult>(`/products/${id}/upvote/`, { method: upvoted ? 'POST' : 'DELETE' })
}

interface UpvoteVariables {
  id: number
  upvoted: boolean
  /** The count shown when the person clicked, to compute the optimistic one. */
  count: number
}

/** Every cached place a product can appear in: its page, the lists, the search results. */
const PRODUCT_CACHES: readonly QueryKey[] = [productKeys.all, searchKeys.all]

/** Upvote / un-upvote, applied to every cached copy of the product at once, rolled back on error. */
export function useUpvote() {
  return useOptimisticPatch({
    mutationFn: ({ id, upvoted }: UpvoteVariables) => setUpvote(id, upvoted),
    caches: PRODUCT_CACHES,
    marker: 'has_upvoted',
    optimistic: ({ upvoted, count }) => ({ has_upvoted: upvoted, upvote_count: Math.max(0, count + (upvoted ? 1 : -1)) }),
    confirmed: (result) => ({ has_upvoted: result.upvoted, upvote_count: result.upvote_count }),
    settle: ({ id }) => [
      { queryKey: productKeys.detail(id) },
      // Lists are marked stale but not refetched at once: reloading every page would be costly.
      { queryKey: productKeys.lists(), refetchType: 'none' },
    ],
  })
}
