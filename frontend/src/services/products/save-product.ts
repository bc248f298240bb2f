import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Product, ProductStatus } from '../../types/models'
import { request } from '../api'
import { productKeys } from './keys'

export interface ProductInput {
  title: string
  tagline: string
  description: string
  url: string
  category: string
  image: string
  gallery: string[]
  tags: string[]
  status: ProductStatus
}

export function createProduct(input: ProductInput): Promise<Product> {
  return request<Product>('/products/', { method: 'POST', body: input })
}

export function updateProduct(id: number, changes: Partial<ProductInput>): Promise<Product> {
  return request<Product>(`/products/${id}/`, { method: 'PATCH', body: changes })
}

/** Creates the product, or updates it when `id` is given; both land in the caches the same way. */
export function useSaveProduct(id?: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ProductInput) => (id === undefined ? createProduct(input) : updateProduct(id, input)),
    onSuccess: (product) => {
      queryClient.setQueryData(productKeys.detail(product.id), product)
      void queryClient.invalidateQueries({ queryKey: productKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: productKeys.launchDays() })
    },
  })
}
