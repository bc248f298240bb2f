import type { SearchOrdering } from '../../types/models'

export interface SearchParams {
  q: string
  category?: string
  tag?: string
  ordering?: SearchOrdering
}

export const searchKeys = {
  all: ['search'] as const,
  products: (params: SearchParams) => [...searchKeys.all, 'products', params] as const,
}
