import type { ProductOrdering, ProductStatus } from '../../types/models'

export interface ProductListParams {
  ordering?: ProductOrdering
  category?: string
  tag?: string
  author?: string
  page_size?: number
}

export const productKeys = {
  all: ['products'] as const,
  lists: () => [...productKeys.all, 'list'] as const,
  list: (params: ProductListParams) => [...productKeys.lists(), params] as const,
  /** The signed-in person's own products (every status, or one); under `lists()` so every save refreshes it. */
  own: (status: ProductStatus | 'all') => [...productKeys.lists(), 'own', status] as const,
  launchDays: (ordering: ProductOrdering) => [...productKeys.all, 'launch-days', ordering] as const,
  upvotedBy: (username: string) => [...productKeys.all, 'upvoted-by', username] as const,
  feed: () => [...productKeys.all, 'feed'] as const,
  details: () => [...productKeys.all, 'detail'] as const,
  detail: (id: number) => [...productKeys.details(), id] as const,
}
