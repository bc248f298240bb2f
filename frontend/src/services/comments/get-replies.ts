import { useInfiniteQuery } from '@tanstack/react-query'
import type { Comment } from '../../types/models'
import { toApiPath } from '../api'
import { pagedQueryOptions } from '../paginate'
import { commentKeys } from './keys'

/**
 * The direct replies of a comment that its `replies` do not hold, page by page
 * (`GET /comments/{id}/replies/`), starting from the comment's `replies_next` link.
 */
export const repliesQueryOptions = (productId: number, commentId: number, repliesNext: string) =>
  pagedQueryOptions<Comment, ReturnType<typeof commentKeys.replies>>(
    commentKeys.replies(productId, commentId, repliesNext),
    toApiPath(repliesNext),
  )

/** Loads nothing until `requested`: most readers never open the rest of a thread. */
export function useMoreReplies(productId: number, comment: Comment, requested: boolean) {
  return useInfiniteQuery({
    ...repliesQueryOptions(productId, comment.id, comment.replies_next ?? ''),
    enabled: requested && comment.replies_next !== null,
  })
}
