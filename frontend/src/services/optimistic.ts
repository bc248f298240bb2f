import { useMutation, useQueryClient, type InvalidateQueryFilters, type QueryKey } from '@tanstack/react-query'
import { patchEntity } from '../utils/patch-entity'

export interface OptimisticPatchOptions<TResult, TVariables extends { id: number }> {
  mutationFn: (variables: TVariables) => Promise<TResult>
  /** Every cache a copy of the entity can sit in (its page, the lists, the search results...). */
  caches: readonly QueryKey[]
  /** The field only this kind of entity has, so that another kind with the same id is left alone. */
  marker: string
  /** What the person sees at once, before the server answers. */
  optimistic: (variables: TVariables) => Record<string, unknown>
  /** What the server said, written over the guess. */
  confirmed: (result: TResult) => Record<string, unknown>
  /** Refetched (or marked stale) once the server answered, whatever it answered. */
  settle: (variables: TVariables) => InvalidateQueryFilters[]
}

/**
 * A toggle (upvote, follow) shown at once on every cached copy of the entity, TanStack Query's
 * optimistic-update way: `onMutate` cancels the caches' fetches, snapshots them and patches
 * them; `onError` restores the snapshot; `onSuccess` writes the server's numbers; `onSettled`
 * invalidates.
 */
export function useOptimisticPatch<TResult, TVariables extends { id: number }>({
  mutationFn,
  caches,
  marker,
  optimistic,
  confirmed,
  settle,
}: OptimisticPatchOptions<TResult, TVariables>) {
  const queryClient = useQueryClient()
  const patchAll = (id: number, patch: Record<string, unknown>) => {
    for (const queryKey of caches) {
      queryClient.setQueriesData({ queryKey }, (data: unknown) => patchEntity(data, marker, id, patch))
    }
  }
  return useMutation({
    mutationFn,
    onMutate: async (variables: TVariables) => {
      // A fetch in flight would land after the patch and undo it.
      await Promise.all(caches.map((queryKey) => queryClient.cancelQueries({ queryKey })))
      const snapshot = caches.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }))
      patchAll(variables.id, optimistic(variables))
      return { snapshot }
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.snapshot ?? []) {
        // Only into queries still cached: when the failure ended the session, the person's
        // data was forgotten and must not come back.
        if (queryClient.getQueryCache().find({ queryKey, exact: true })) queryClient.setQueryData(queryKey, data)
      }
    },
    onSuccess: (result, variables) => patchAll(variables.id, confirmed(result)),
    onSettled: (_result, _error, variables) => {
      for (const filters of settle(variables)) void queryClient.invalidateQueries(filters)
    },
  })
}
