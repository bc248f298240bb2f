import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { patchEntity } from '../../utils/patch-entity'
import { request } from '../api'
import { commentKeys } from '../comments/keys'
import { productKeys } from '../products/keys'
import { userKeys } from './keys'

export interface FollowResult {
  following: boolean
  followers_count: number
}

export function setFollow(username: string, following: boolean): Promise<FollowResult> {
  return request<FollowResult>(`/users/${encodeURIComponent(username)}/follow/`, {
    method: following ? 'POST' : 'DELETE',
  })
}

interface FollowVariables {
  id: number
  username: string
  following: boolean
  /** The followers count shown when the person clicked. */
  count: number
}

/** A user is embedded as the author of products and comments too: all copies change together. */
const USER_CACHES: QueryKey[] = [userKeys.all, productKeys.all, commentKeys.all, ['search']]

/** Follow / unfollow with an optimistic update of every cached copy, rolled back on error. */
export function useFollow() {
  const queryClient = useQueryClient()
  const patchAll = (id: number, patch: Record<string, unknown>) => {
    for (const queryKey of USER_CACHES) {
      queryClient.setQueriesData({ queryKey }, (data: unknown) => patchEntity(data, 'is_following', id, patch))
    }
  }
  return useMutation({
    mutationFn: ({ username, following }: FollowVariables) => setFollow(username, following),
    onMutate: async ({ id, following, count }) => {
      await Promise.all(USER_CACHES.map((queryKey) => queryClient.cancelQueries({ queryKey })))
      const snapshot = USER_CACHES.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }))
      patchAll(id, { is_following: following, followers_count: Math.max(0, count + (following ? 1 : -1)) })
      return { snapshot }
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.snapshot ?? []) queryClient.setQueryData(queryKey, data)
    },
    onSuccess: (result, { id }) => {
      patchAll(id, { is_following: result.following, followers_count: result.followers_count })
    },
    onSettled: (_result, _error, { username }) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.detail(username) })
      void queryClient.invalidateQueries({ queryKey: [...userKeys.all, 'followers', username] })
    },
  })
}
