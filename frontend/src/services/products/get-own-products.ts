import { useInfiniteQuery } from '@tanstack/react-query'
import type { Product, ProductStatus } from '../../types/models'
import { withQuery } from '../api'
import { pagedQueryOptions } from '../paginate'
import { productKeys } from './keys'
import { throwWhenNothingToShow } from '../query-client'

/** The signed-in person's own products, drafts included, newest first; `all` lists every status. */
export const ownProductsQueryOptions = (status: ProductStatus | 'all') =>
  pagedQueryOptions<Product, ReturnType<typeof productKeys.own>>(
    productKeys.own(status),
    withQuery('/auth/me/products/', { status: status === 'all' ? undefined : status }),
  )

export function useOwnProducts(status: ProductStatus | 'all') {
  return useInfiniteQuery({ ...ownProductsQueryOptions(status), throwOnError: throwWhenNothingToShow })
}
