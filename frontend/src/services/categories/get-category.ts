import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Category } from '../../types/models'
import { request } from '../api'
import { categoryKeys } from './keys'

export function getCategory(slug: string, signal?: AbortSignal): Promise<Category> {
  return request<Category>(`/categories/${encodeURIComponent(slug)}/`, signal ? { signal } : {})
}

export const categoryQueryOptions = (slug: string) =>
  queryOptions({ queryKey: categoryKeys.detail(slug), queryFn: ({ signal }) => getCategory(slug, signal) })

export function useCategory(slug: string) {
  return useQuery(categoryQueryOptions(slug))
}
