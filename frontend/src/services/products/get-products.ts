import { useInfiniteQuery } from '@tanstack/react-query'
import type { Product } from '../../types/models'
import { withQuery } from '../api'
import { pagedQueryOptions } from '../paginate'
import { productKeys, type ProductListParams } from './keys'
import { throwWhenNothingToShow } from '../query-client'

export const productsQueryOptions = (params: ProductListParams) =>
  pagedQueryOptions<Product, ReturnType<typeof productKeys.list>>(
    productKeys.list(params),
    withQuery('/products/', { ...params }),
  )

/** `required`: the page cannot be drawn without this list (see throwWhenNothingToShow). */
export function useProducts(params: ProductListParams, options: { enabled?: boolean; required?: boolean } = {}) {
  return useInfiniteQuery({
    ...productsQueryOptions(params),
    enabled: options.enabled ?? true,
    throwOnError: options.required ? throwWhenNothingToShow : false,
  })
}
