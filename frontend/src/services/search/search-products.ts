import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { queryLimits } from '../../types/limits'
import type { SearchResult } from '../../types/models'
import { withQuery } from '../api'
import { pagedQueryOptions } from '../paginate'
import { searchKeys, type SearchParams } from './keys'
import { throwWhenNothingToShow } from '../query-client'

export const MAX_QUERY_LENGTH = queryLimits['/api/search/products/'].q.maxLength

export const searchProductsQueryOptions = (params: SearchParams) =>
  pagedQueryOptions<SearchResult, ReturnType<typeof searchKeys.products>>(
    searchKeys.products(params),
    withQuery('/search/products/', { ...params }),
  )

export function useSearchProducts(params: SearchParams) {
  const query = params.q.trim()
  return useInfiniteQuery({
    ...searchProductsQueryOptions({ ...params, q: query }),
    enabled: query.length > 0 && query.length <= MAX_QUERY_LENGTH,
    placeholderData: keepPreviousData,
    throwOnError: throwWhenNothingToShow,
  })
}
