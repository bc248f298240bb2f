import { useInfiniteQuery } from '@tanstack/react-query'
import type { Product } from '../../types/models'
import { withQuery } from '../api'
import { pagedQueryOptions } from '../paginate'
import { productKeys, type ProductListParams } from './keys'

export const productsQueryOptions = (params: ProductListParams) =>
  pagedQueryOptions<Product, ReturnType<typeof productKeys.list>>(
    productKeys.list(params),
    withQuery('/products/', { ...params }),
  )

export function useProducts(params: ProductListParams, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...productsQueryOptions(params), enabled: options.enabled ?? true })
}
