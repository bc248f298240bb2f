import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Comment } from '../../types/models'
import { request } from '../api'
import { commentKeys } from './keys'

export function updateComment(id: number, content: string): Promise<Comment> {
  return request<Comment>(`/comments/${id}/`, { method: 'PATCH', body: { content } })
}

export function useUpdateComment(productId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, content }: { id: number; content: string }) => updateComment(id, content),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: commentKeys.list(productId) }),
  })
}
