import { useMutation, useQueryClient } from '@tanstack/react-query'
import { request } from '../api'
import { notificationKeys } from './keys'

/** Marks the given notifications as read, or all of them when `ids` is omitted. */
export function markRead(ids?: number[]): Promise<void> {
  return request<void>('/notifications/read/', { method: 'POST', body: ids ? { ids } : {} })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}
