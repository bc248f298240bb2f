import { useInfiniteQuery } from '@tanstack/react-query'
import type { PublicUser } from '../../types/models'
import { pagedQueryOptions } from '../paginate'
import { userKeys, type FollowList } from './keys'
import { throwWhenNothingToShow } from '../query-client'

export const followsQueryOptions = (username: string, list: FollowList) =>
  pagedQueryOptions<PublicUser, ReturnType<typeof userKeys.follows>>(
    userKeys.follows(username, list),
    `/users/${encodeURIComponent(username)}/${list}/`,
  )

export function useFollows(username: string, list: FollowList) {
  return useInfiniteQuery({ ...followsQueryOptions(username, list), throwOnError: throwWhenNothingToShow })
}
