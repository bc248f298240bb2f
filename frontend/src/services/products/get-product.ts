import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Product } from '../../types/models'
import { request } from '../api'
import { throwUnlessNotFound } from '../query-client'
import { productKeys } from './keys'

export function getProduct(id: number, signal?: AbortSignal): Promise<Product> {
  return request<Product>(`/products/${id}/`, signal ? { signal } : {})
}

export const productQueryOptions = (id: number) =>
  queryOptions({ queryKey: productKeys.detail(id), queryFn: ({ signal }) => getProduct(id, signal) })

/** A product's page and its editor: any failure but a 404 goes to the route's error boundary. */
export function useProduct(id: number, { refetchInterval = false }: { refetchInterval?: number | false } = {}) {
  return useQuery({ ...productQueryOptions(id), throwOnError: throwUnlessNotFound, refetchInterval })
}
