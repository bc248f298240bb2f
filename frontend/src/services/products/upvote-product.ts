import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { patchEntity } from '../../utils/patch-entity'
import { request } from '../api'
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
const PRODUCT_CACHES: QueryKey[] = [productKeys.all, searchKeys.all]

/**
 * Upvote / un-upvote, applied to every cached copy of the product at once and rolled back
 * if the server refuses (TanStack Query's optimistic-update pattern).
 */
export function useUpvote() {
  const queryClient = useQueryClient()
  const patchAll = (id: number, patch: Record<string, unknown>) => {
    for (const queryKey of PRODUCT_CACHES) {
      queryClient.setQueriesData({ queryKey }, (data: unknown) => patchEntity(data, 'has_upvoted', id, patch))
    }
  }
  return useMutation({
    mutationFn: ({ id, upvoted }: UpvoteVariables) => setUpvote(id, upvoted),
    onMutate: async ({ id, upvoted, count }) => {
      await Promise.all(PRODUCT_CACHES.map((queryKey) => queryClient.cancelQueries({ queryKey })))
      const snapshot = PRODUCT_CACHES.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }))
      patchAll(id, { has_upvoted: upvoted, upvote_count: Math.max(0, count + (upvoted ? 1 : -1)) })
      return { snapshot }
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.snapshot ?? []) queryClient.setQueryData(queryKey, data)
    },
    onSuccess: (result, { id }) => {
      patchAll(id, { has_upvoted: result.upvoted, upvote_count: result.upvote_count })
    },
    onSettled: (_result, _error, { id }) => {
      void queryClient.invalidateQueries({ queryKey: productKeys.detail(id) })
      // Lists are marked stale but not refetched at once: reloading every page would be costly.
      void queryClient.invalidateQueries({ queryKey: productKeys.lists(), refetchType: 'none' })
    },
  })
}
