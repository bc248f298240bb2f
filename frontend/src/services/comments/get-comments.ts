import { useInfiniteQuery } from '@tanstack/react-query'
import type { Comment } from '../../types/models'
import { pagedQueryOptions } from '../paginate'
import { commentKeys } from './keys'
import { throwWhenNothingToShow } from '../query-client'

export const commentsQueryOptions = (productId: number) =>
  pagedQueryOptions<Comment, ReturnType<typeof commentKeys.list>>(
    commentKeys.list(productId),
    `/products/${productId}/comments/`,
  )

export function useComments(productId: number) {
  return useInfiniteQuery({ ...commentsQueryOptions(productId), throwOnError: throwWhenNothingToShow })
}
