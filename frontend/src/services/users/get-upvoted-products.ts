import { useInfiniteQuery } from '@tanstack/react-query'
import type { Product } from '../../types/models'
import { pagedQueryOptions } from '../paginate'
import { productKeys } from '../products/keys'
import { throwWhenNothingToShow } from '../query-client'

/**
 * The products a user upvoted, newest upvote first. Not in the original contract: an addition
 * the backend serves at `/api/users/{username}/upvotes/`; a 404 means it is not deployed yet.
 */
export const upvotedProductsQueryOptions = (username: string) =>
  pagedQueryOptions<Product, ReturnType<typeof productKeys.upvotedBy>>(
    productKeys.upvotedBy(username),
    `/users/${encodeURIComponent(username)}/upvotes/`,
  )

export function useUpvotedProducts(username: string) {
  return useInfiniteQuery({ ...upvotedProductsQueryOptions(username), throwOnError: throwWhenNothingToShow })
}
