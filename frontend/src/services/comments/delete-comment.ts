import { useMutation, useQueryClient } from '@tanstack/react-query'
import { request } from '../api'
import { productKeys } from '../products/keys'
import { commentKeys } from './keys'

export function deleteComment(id: number): Promise<void> {
  return request<void>(`/comments/${id}/`, { method: 'DELETE' })
}

export function useDeleteComment(productId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteComment,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.list(productId) })
      void queryClient.invalidateQueries({ queryKey: productKeys.detail(productId) })
    },
  })
}
