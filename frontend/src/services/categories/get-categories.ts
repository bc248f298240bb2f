import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Category, Page } from '../../types/models'
import { request, toApiPath } from '../api'
import { categoryKeys } from './keys'
import { throwWhenNothingToShow } from '../query-client'

/** Every category: there are few, so all pages are read at once (they are cached for long). */
export async function getAllCategories(signal?: AbortSignal): Promise<Category[]> {
  const categories: Category[] = []
  let path: string | null = '/categories/?page_size=100'
  while (path) {
    const page: Page<Category> = await request<Page<Category>>(path, signal ? { signal } : {})
    categories.push(...page.results)
    path = page.next ? toApiPath(page.next) : null
  }
  return categories
}

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: categoryKeys.list(),
    queryFn: ({ signal }) => getAllCategories(signal),
    staleTime: 5 * 60_000,
  })

/** `required`: the page cannot be drawn without them (see throwWhenNothingToShow). */
export function useCategories({ required = false }: { required?: boolean } = {}) {
  return useQuery({ ...categoriesQueryOptions(), throwOnError: required ? throwWhenNothingToShow : false })
}
