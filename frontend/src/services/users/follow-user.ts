import type { QueryKey } from '@tanstack/react-query'
import { request } from '../api'
import { useOptimisticPatch } from '../optimistic'
import { commentKeys } from '../comments/keys'
import { productKeys } from '../products/keys'
import { searchKeys } from '../search/keys'
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
const USER_CACHES: readonly QueryKey[] = [userKeys.all, productKeys.all, commentKeys.all, searchKeys.all]

/** Follow / unfollow with an optimistic update of every cached copy, rolled back on error. */
export function useFollow() {
  return useOptimisticPatch({
    mutationFn: ({ username, following }: FollowVariables) => setFollow(username, following),
    caches: USER_CACHES,
    marker: 'is_following',
    optimistic: ({ following, count }) => ({
      is_following: following,
      followers_count: Math.max(0, count + (following ? 1 : -1)),
    }),
    confirmed: (result) => ({ is_following: result.following, followers_count: result.followers_count }),
    settle: ({ username }) => [{ queryKey: userKeys.detail(username) }, { queryKey: userKeys.follows(username, 'followers') }],
  })
}
