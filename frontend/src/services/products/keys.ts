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
  launchDays: () => [...productKeys.all, 'launch-days'] as const,
  /** The home page's days, from `today` backwards: another day is another list. */
  launchDaysFrom: (ordering: ProductOrdering, today: string) => [...productKeys.launchDays(), ordering, today] as const,
  /** The rest of one busy day, from its `next` link; under `lists()` so every save and upvote refreshes it. */
  dayRest: (date: string, ordering: ProductOrdering, next: string) => [...productKeys.lists(), 'day', { date, ordering, next }] as const,
  upvotedBy: (username: string) => [...productKeys.all, 'upvoted-by', username] as const,
  feed: () => [...productKeys.all, 'feed'] as const,
  details: () => [...productKeys.all, 'detail'] as const,
  detail: (id: number) => [...productKeys.details(), id] as const,
}
