import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Comment } from '../../types/models'
import { request } from '../api'
import { productKeys } from '../products/keys'
import { commentKeys } from './keys'

export interface CommentInput {
  content: string
  parent?: number | null
}

export function createComment(productId: number, input: CommentInput): Promise<Comment> {
  return request<Comment>(`/products/${productId}/comments/`, { method: 'POST', body: input })
}

export function useCreateComment(productId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CommentInput) => createComment(productId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commentKeys.list(productId) })
      void queryClient.invalidateQueries({ queryKey: productKeys.detail(productId) })
    },
  })
}
