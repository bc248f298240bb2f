import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Product } from '../../types/models'
import { request } from '../api'
import { productKeys } from './keys'

export function getProduct(id: number, signal?: AbortSignal): Promise<Product> {
  return request<Product>(`/products/${id}/`, signal ? { signal } : {})
}

export const productQueryOptions = (id: number) =>
  queryOptions({ queryKey: productKeys.detail(id), queryFn: ({ signal }) => getProduct(id, signal) })

export function useProduct(id: number) {
  return useQuery(productQueryOptions(id))
}
