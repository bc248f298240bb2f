import { useMutation, useQueryClient } from '@tanstack/react-query'
import { request } from '../api'
import { productKeys } from './keys'

export function deleteProduct(id: number): Promise<void> {
  return request<void>(`/products/${id}/`, { method: 'DELETE' })
}

export function useDeleteProduct() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteProduct,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: productKeys.detail(id) })
      void queryClient.invalidateQueries({ queryKey: productKeys.all })
    },
  })
}
